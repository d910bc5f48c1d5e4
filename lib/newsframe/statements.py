"""Stage 2 as tables: body blocks -> statements with speaker, cue, quote, stance and quantities.

The per-sentence work lives in ``segment``, ``attribution``, ``actors``, ``stance`` and
``quantities``; this module runs them over a corpus and keeps the audit trail whole: the
whitespace between statements joins ``removed_spans`` so that statements and removed spans
together still account for every character of every raw document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd

from . import clean, speakers
from .attribution import attribute
from .audit import assert_tiled
from .codebook import Codebook
from .corpus import Corpus
from .engine import chunk_size_sparing_one_cpu, fewer_collections, iter_documents
from .mdtext import escape
from .quantities import extract_quantities
from .segment import split_statements
from .sides import gazetteer
from .stance import stance

STATEMENT_COLUMNS = [
    "doc_id",
    "statement_id",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_group",
    "cue",
    "quote",
    "stance",
    "hedged",
    "cited_media",
    "cluster_id",
    "cluster_label",
    "block_id",
    "source_text",
    "attributed_in",
]
QUANTITY_COLUMNS = [
    "doc_id",
    "statement_id",
    "number",
    "number_text",
    "qualifier",
    "approximate",
    "unit",
    "start",
    "end",
    "text",
    "statement",
]
#: The rule recorded for whitespace between two statements of one body block.
BETWEEN_STATEMENTS = "whitespace between two statements of a body block"


@dataclass(frozen=True)
class Statements:
    statements: pd.DataFrame
    quantities: pd.DataFrame
    gaps: pd.DataFrame  # removed spans (blank residue) between statements


def statement_id(doc_id: str, index: int) -> str:
    """Stable, readable, citable: the document and the statement's position in it."""
    return f"{doc_id}:{index:03d}"


def _blocks_by_doc(body_blocks: pd.DataFrame) -> dict[str, list[tuple[int, int, int]]]:
    ordered = body_blocks.sort_values(["doc_id", "start"])
    grouped: dict[str, list[tuple[int, int, int]]] = {}
    columns = (ordered[c].tolist() for c in ("doc_id", "block_id", "start", "end"))  # plain lists: fast to walk
    for doc_id, block_id, start, end in zip(*columns):
        grouped.setdefault(doc_id, []).append((int(block_id), int(start), int(end)))
    return grouped


def block_spans(body_blocks: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Each document's body blocks as (start, end), in reading order."""
    return {doc_id: [(s, e) for _, s, e in blocks] for doc_id, blocks in _blocks_by_doc(body_blocks).items()}


def _document(doc_id: str, text: str, blocks: list[tuple[int, int, int]], codebook: Codebook, segmenter: str):
    """A document's statements (stance and hedging left to ``_measures``), the gaps between them,
    and their spans."""
    spans = split_statements(text, [(s, e) for _, s, e in blocks], segmenter)
    rows = attribute(text, spans, codebook, [s for _, s, _ in blocks])
    block_of = iter(blocks)
    block = next(block_of, None)
    statements, gaps = [], []
    for i, ((start, end), row) in enumerate(zip(spans, rows)):
        while block and end > block[2]:
            block = next(block_of, None)
        sentence = text[start:end]
        source = row["source_span"]
        cited = row["cited_media"]
        if row["cue"] and not codebook.media and not cited:  # no codebook lists media: the bundled list does
            cited = ";".join(gazetteer().media_in(sentence))
        statements.append(  # a tuple in STATEMENT_COLUMNS order: cheaper to send back and to tabulate than a dict
            (
                doc_id,
                statement_id(doc_id, i),
                start,
                end,
                sentence,
                row["speaker"],
                row["speaker_group"],
                row["cue"],
                row["quote"],
                "",  # stance: from _measures
                False,  # hedged: from _measures
                cited,
                "",  # cluster_id
                "",  # cluster_label
                block[0] if block else "",
                text[source[0] : source[1]] if source else "",
                statement_id(doc_id, row["link"]) if row["link"] is not None else "",
            )
        )
        following = spans[i + 1][0] if i + 1 < len(spans) else None
        if following is not None and block and following < block[2] and following > end:
            gaps.append((doc_id, end, following, clean.BLANK, BETWEEN_STATEMENTS, text[end:following]))
    return statements, gaps, spans


def _document_task(item: tuple[str, str, list[tuple[int, int, int]]], codebook: Codebook, segmenter: str):
    """``_document`` of one ``(doc_id, text, blocks)`` item: module-level, so it pickles for any engine."""
    doc_id, text, blocks = item
    return _document(doc_id, text, blocks, codebook, segmenter)


def _measures(item: tuple[str, str, list[tuple[int, int]]], codebook: Codebook):
    """(stance, hedged) of each statement of one ``(doc_id, text, spans)`` item, and its quantities
    in QUANTITY_COLUMNS order: what the speakers pass does not read, so that the workers do it
    while that pass runs in the caller."""
    doc_id, text, spans = item
    stances = [stance(text[start:end], codebook) for start, end in spans]
    quantities = [
        (
            doc_id,
            statement_id(doc_id, q["statement"]),
            q["number"],
            q["number_text"],
            q["qualifier"],
            q["approximate"],
            q["unit"],
            q["start"],
            q["end"],
            text[q["start"] : q["end"]],
            text[slice(*spans[q["statement"]])],
        )
        for q in extract_quantities(text, spans)
    ]
    return stances, quantities


@fewer_collections()
def extract_statements(
    corpus: Corpus, body_blocks: pd.DataFrame, codebook: Codebook, segmenter: str = "blingfire", engine="local"
) -> Statements:
    """Statements of every readable document, in document order.

    ``engine`` runs the per-document work elsewhere (see ``newsframe.engine``); the tables are
    the same whatever the engine. The speakers pass's reading of each statement's text is done
    here as documents come back, while the workers still extract the rest.
    """
    blocks = _blocks_by_doc(body_blocks)
    items = [(doc.doc_id, doc.text, blocks.get(doc.doc_id, [])) for doc in corpus.documents if doc.status == "ok"]
    task = partial(_document_task, codebook=codebook, segmenter=segmenter)
    statements, gaps, measured = [], [], []
    scans = speakers.TextScans()
    for (doc_id, text, _), (s, g, spans) in zip(items, iter_documents(task, items, engine=engine)):
        statements += s
        gaps += g
        measured.append((doc_id, text, spans))
        for row in s:
            scans.add(row[4])  # the statement's text
    table = pd.DataFrame(statements, columns=STATEMENT_COLUMNS)
    # Stance and quantities are queued on the workers behind the speakers pass's own work, in
    # chunks that leave a CPU to the pass, which runs here meanwhile.
    measures = partial(_measures, codebook=codebook)
    size = chunk_size_sparing_one_cpu(len(measured))
    queued = []
    table = speakers.resolve(  # one corpus-level pass: persons and sides
        table,
        codebook,
        scans,
        engine,
        meanwhile=lambda: queued.append(iter_documents(measures, measured, engine=engine, chunk_size=size)),
    )
    stances, quantities = [], []
    for s, q in queued[0]:
        stances += s
        quantities += q
    table["stance"] = [position for position, _ in stances]
    table["hedged"] = [hedged for _, hedged in stances]
    return Statements(
        statements=table,
        quantities=pd.DataFrame(quantities, columns=QUANTITY_COLUMNS),
        gaps=pd.DataFrame(gaps, columns=["doc_id", "start", "end", "reason", "rule", "text"]),
    )


def with_statement_gaps(removed_spans: pd.DataFrame, gaps: pd.DataFrame) -> pd.DataFrame:
    """Stage 1's removed spans plus this stage's gaps (replacing any from an earlier run)."""
    own = removed_spans[removed_spans["rule"] != BETWEEN_STATEMENTS]
    merged = pd.concat([own, gaps.reindex(columns=own.columns, fill_value="")], ignore_index=True)
    return merged.sort_values(["doc_id", "start"], ignore_index=True)


def with_statement_counts(documents: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """documents.csv with ``n_statements`` and the media each document cites."""
    table = documents.copy()
    counts = statements.groupby("doc_id").size()
    media = statements.groupby("doc_id")["cited_media"].agg(
        lambda cells: ";".join(sorted({m for cell in cells for m in cell.split(";") if m}))
    )
    ok = table["status"] == "ok"
    table["n_statements"] = table["doc_id"].map(counts).where(ok).astype("Int64")
    table.loc[ok, "n_statements"] = table.loc[ok, "n_statements"].fillna(0)
    table["cited_media"] = table["doc_id"].map(media).fillna("")
    return table


def check_statements(texts: dict[str, str], statements: pd.DataFrame, removed_spans: pd.DataFrame) -> str:
    """Raise unless statements + removed spans tile every raw document exactly; say what was checked."""
    assert_tiled(texts, statements, removed_spans)
    return (
        f"All {len(statements):,} statements index the raw text exactly, and statements plus removed spans "
        f"account for every character of the {len(texts)} documents."
    )


STANCES = ("affirm", "deny", "hedge")


def stance_mix(statements: pd.DataFrame) -> pd.DataFrame:
    """Per document: statements affirming, denying or hedging the claim, the rest, and hedged wording."""
    counts = pd.crosstab(statements["doc_id"], statements["stance"].replace("", "not about the claim"))
    counts = counts.reindex(columns=[*STANCES, "not about the claim"], fill_value=0)
    counts["hedged wording"] = statements.groupby("doc_id")["hedged"].sum().astype(int)
    counts["statements"] = statements.groupby("doc_id").size()
    return counts.rename_axis(columns=None)


def attributed_statements(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements a source is named for, with how they were attributed, for reading."""
    voiced = statements[statements["speaker"] != ""]
    columns = ["statement_id", "speaker", "speaker_group", "cue", "quote", "stance", "text"]
    return voiced[columns].set_index("statement_id")


def speaker_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted, most first: each speaker's side (the one most of their statements carry),
    statements, documents, share of the attributed statements, and the first statement's id to
    read one in context. A label that names no one in particular, written in lower case ("police",
    "unnamed officials", "critics"), has a row per side: the police of two countries are two
    speakers, and one row would show them all with the side of the most. The table to check a run
    by: one person under two names, a fragment or a place as a speaker, a side that is wrong, all
    show here."""
    voiced = statements[statements["speaker"] != ""]
    per_side = voiced["speaker_group"].where(voiced["speaker"].str[:1].str.islower(), "")
    table = (
        voiced.assign(per_side=per_side)
        .groupby(["speaker", "per_side"], sort=False)
        .agg(
            side=("speaker_group", lambda g: g.value_counts().index[0]),
            statements=("statement_id", "size"),
            documents=("doc_id", "nunique"),
            first_statement=("statement_id", "first"),
        )
    )
    table.insert(3, "share", (table["statements"] / max(len(voiced), 1)).round(3))
    table = table.reset_index().drop(columns="per_side")
    table = table.sort_values(["statements", "documents", "speaker", "side"], ascending=[False, False, True, True])
    return table.set_index("speaker")


def summary_markdown(statements: pd.DataFrame, top_speakers: int = 5) -> str:
    """Stage 2 in a few sentences, from the statements table (corpus strings escaped)."""
    n = len(statements)
    voiced = statements[statements["speaker"] != ""]
    groups = voiced["speaker_group"].replace("", "(no group)").value_counts()
    stances = statements["stance"].value_counts()
    lines = [
        f"**{n} statements** in {statements['doc_id'].nunique()} documents; **{len(voiced)} ({len(voiced) / max(n, 1):.0%})"
        f"** are attributed to a source, {n - len(voiced)} are the articles' own voice.",
        "- By speaker group: "
        + ", ".join(f"{escape(g)} {c}" for g, c in sorted(groups.items(), key=lambda x: (-x[1], x[0])))
        + ".",
        "- Stance toward the claim: "
        + ", ".join(f"{stances.get(s, 0)} {s}" for s in STANCES)
        + f"; {int(statements['hedged'].sum())} statements use hedged wording.",
    ]
    speakers = voiced.groupby("speaker").agg(statements=("statement_id", "size"), documents=("doc_id", "nunique"))
    speakers = speakers.sort_values(["statements", "documents"], ascending=False, kind="stable").head(top_speakers)
    lines.append(
        "- Most-quoted speakers: "
        + ", ".join(
            f"{escape(s)} ({r.statements} statements, {r.documents} document{'s' if r.documents > 1 else ''})"
            for s, r in speakers.iterrows()
        )
        + "."
    )
    return "\n".join(lines)
