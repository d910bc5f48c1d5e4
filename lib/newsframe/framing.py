"""Stage 4: how each outlet (document) frames the story, as per-document numbers with their evidence.

``profile`` answers, per document: whose voice leads (share of statements per speaker group and
the article's own voice), what it treats as fact and what as allegation (stance mix, split into
claims asserted in the article's own voice and claims attributed to someone), how much it hedges,
how much rests on unnamed sources, which media it cites and which claims (stage-3 clusters) it
carries or omits. ``lead`` fills ``lead_actor`` and ``lead_frame`` of ``documents.csv`` from the
headline and the first body statement. ``timeline`` orders documents by what their metadata
establishes about dates and says which claims each one introduces.

Claims (stage 3) are optional everywhere: empty ``cluster_id`` cells or no claims table just
leave the claim columns empty. Every function sorts explicitly, so the same tables give the
same output bytes.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import paths
from .actors import index_for
from .codebook import GROUPS, Codebook
from .mdtext import escape
from .stance import stance

#: The article's own voice (statements with no speaker) as a column label.
OWN_VOICE = "own voice"
STANCES = ("affirm", "deny", "hedge")
LEAD_FRAMES = ("accusation", "denial", "neutral")
#: Cluster ids that mean "no claim" (empty cell, or a noise label a clusterer may use).
NO_CLAIM = {"", "-1", "nan", "none", "noise"}

# General English, not corpus knowledge: words that make a source anonymous.
_SOURCE_NOUNS = (
    r"sources?|officials?|diplomats?|insiders?|people|persons?|individuals?|officers?|aides?|"
    r"advisers?|advisors?|analysts?|experts?|journalists?|reporters?|witness(?:es)?|"
    r"spokes(?:man|men|woman|women|person|people)|representatives?|members?|reports?|informants?"
)
ANONYMOUS = re.compile(
    rf"\b(?:unidentified|unnamed|anonymous|undisclosed|unspecified)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_SOURCE_NOUNS})\b"
    r"|\b(?:on|under) (?:the )?(?:condition|promise) of anonymity\b|\bspeaking anonymously\b"
    r"|\b(?:declined|asked not|did not want) to be (?:named|identified)\b"
    r"|\bnot (?:authori[sz]ed|permitted|allowed) to (?:speak|comment)\b",
    re.I,
)
#: Stage 2 names an unnamed source "unnamed <description>[ (via <outlet>)]".
UNNAMED_PREFIX = "unnamed "
_CONCESSIVE = re.compile(r"^\W*(?:while|although|though|even though|despite|notwithstanding|whereas)\b", re.I)


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    """A text column with missing cells as '' (tables may come from read_csv with or without NaN)."""
    if column not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[column].fillna("").astype(str)


def _flag(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(False, index=frame.index)
    values = frame[column]
    if values.dtype == bool:
        return values
    return values.fillna("").astype(str).str.strip().str.lower().isin(["true", "1", "yes"])


def _slug(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def share_column(group: str) -> str:
    """Column name of a speaker group's share in ``framing.csv`` (``share_united_states``)."""
    return f"share_{_slug(group)}"


def claim_id(value) -> str:
    """A cluster id as text, '' when the statement belongs to no claim."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = str(value).strip()
    if text.endswith(".0") and text[:-2].lstrip("-").isdigit():
        text = text[:-2]  # ids read back as floats
    return "" if text.lower() in NO_CLAIM else text


def claim_ids(values: pd.Series) -> pd.Series:
    """``values.map(claim_id)``, worked out once per distinct value."""
    if values.empty:
        return values.map(claim_id)
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    ids = np.array([claim_id(u) for u in uniques], dtype=object)
    return pd.Series(ids[codes].tolist(), index=values.index)


def has_claims(statements: pd.DataFrame) -> bool:
    """True when stage 3 has filled ``cluster_id`` for at least one statement."""
    return "cluster_id" in statements.columns and statements["cluster_id"].map(claim_id).ne("").any()


def is_unnamed(statements: pd.DataFrame) -> pd.Series:
    """Statements resting on an unnamed source: the speaker is one ("unnamed officials (via CNN)"),
    or the sentence says its source is anonymous ("citing unidentified sources", "under the
    condition of anonymity"). General English patterns on stage-2 columns; no corpus strings."""
    speaker = _text(statements, "speaker").str.lower().str.startswith(UNNAMED_PREFIX)
    said = _text(statements, "source_text") + " " + _text(statements, "cue") + " " + _text(statements, "text")
    found = np.zeros(len(said), dtype=bool)
    candidates = may_contain(said, _ANONYMOUS_WORDS)  # ANONYMOUS is slow: run it only where it can match
    if candidates.any():
        found[candidates] = said[candidates].str.contains(ANONYMOUS).to_numpy(dtype=bool)
    return speaker | pd.Series(found, index=statements.index)


#: Every match of ANONYMOUS contains one of these.
_ANONYMOUS_WORDS = ("named", "identified", "anonym", "undisclosed", "unspecified", "authori", "permitted", "allowed")
#: Characters Python's ``re.IGNORECASE`` also takes for these ASCII letters (besides upper case).
_FOLDED = {"i": "iIİı", "s": "sSſ", "k": "kKK"}


def may_contain(texts: pd.Series, words) -> np.ndarray:
    """Where ``texts`` may contain one of ``words`` (ASCII letters and digits), compared the way
    Python's ``re.IGNORECASE`` compares letters. A superset, found in one vectorised (Arrow)
    pass, to skip the texts a slower Python regex that needs one of the words cannot match.
    Everything is a candidate when a word is empty or not plain ASCII."""
    words = list(words)
    if not words or any(not re.fullmatch(r"[a-z0-9]+", w) for w in words):
        return np.ones(len(texts), dtype=bool)
    letter = lambda ch: f"[{_FOLDED[ch]}]" if ch in _FOLDED else ch
    pattern = "|".join("".join(letter(ch) for ch in w) for w in sorted(set(words)))
    values = texts.array.__arrow_array__() if hasattr(texts.array, "__arrow_array__") else None
    if values is None or not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        values = pa.array(texts.to_numpy(dtype=object), type=pa.large_string(), from_pandas=True)
    found = pc.match_substring_regex(values, pattern, ignore_case=True).fill_null(True)
    return found.to_numpy(zero_copy_only=False).astype(bool)


def _ordered(statements: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("doc_id", "start", "statement_id") if c in statements.columns]
    return statements.sort_values(keys, kind="mergesort")


def _join(values) -> str:
    return ";".join(sorted({v for v in values if v}))


def _claim_labels(statements: pd.DataFrame, claims: pd.DataFrame | None) -> dict[str, str]:
    labels = {}
    if claims is not None and len(claims) and "cluster_id" in claims.columns:
        for cid, label in zip(claims["cluster_id"].map(claim_id).tolist(), _text(claims, "cluster_label").tolist()):
            if cid:
                labels[cid] = label
    for cid, label in zip(
        claim_ids(_text(statements, "cluster_id")).tolist(), _text(statements, "cluster_label").tolist()
    ):
        if cid and label:
            labels.setdefault(cid, label)
    return labels


def claim_coverage(
    statements: pd.DataFrame, claims: pd.DataFrame | None = None, only: list[str] | None = None
) -> pd.DataFrame:
    """Documents x claims: how many statements of each document fall in each claim (0 = omitted).

    Empty (no columns) when stage 3 has not run. Rows sorted by doc_id; columns in ``claims``
    order when given (largest story and claim first), else by cluster id (numerically when ids are
    numbers); ``only`` keeps those claims (a corpus of thousands of claims is too wide to tabulate).
    """
    cids = claim_ids(_text(statements, "cluster_id"))
    if not cids.ne("").any():
        return pd.DataFrame(index=pd.Index(sorted(statements["doc_id"].unique()), name="doc_id"))
    chosen = cids.ne("") & (cids.isin(only) if only is not None else True)
    table = pd.crosstab(statements.loc[chosen, "doc_id"], cids[chosen])
    table = table.reindex(sorted(statements["doc_id"].unique()), fill_value=0)
    if claims is not None and "cluster_id" in claims:
        order = [c for c in claims["cluster_id"].astype(str) if c in set(table.columns)]
        order += sorted(set(table.columns) - set(order), key=_id_key)
    else:
        order = sorted(table.columns, key=_id_key)
    return table.reindex(columns=order).rename_axis(index="doc_id", columns="cluster_id")


def _id_key(cid: str):
    return (0, int(cid), "") if cid.lstrip("-").isdigit() else (1, 0, cid)


def profile(
    documents: pd.DataFrame, statements: pd.DataFrame, claims: pd.DataFrame | None = None, min_docs_omitted: int = 2
) -> pd.DataFrame:
    """``framing.csv``: one row per readable document, in doc_id order.

    Columns: ``doc_id``, ``title``, ``lead_actor``/``lead_frame`` (copied from ``documents`` when
    ``lead`` has filled them), ``n_statements``; ``share_<group>`` for every speaker group of the
    contract and ``share_own_voice`` (fractions of the document's statements, summing to 1);
    ``leading_voice`` (the group with most statements, the article's own voice excluded; ties go
    to the group listed first in the contract) and ``n_leading_voice``; ``n_about_claim``,
    ``n_affirm``, ``n_deny``, ``n_hedge`` and ``share_affirm/deny/hedge`` (of the statements about
    the claim); ``n_affirm_own_voice`` (the claim asserted as fact in the article's own voice) and
    ``n_affirm_attributed`` (reported as someone's assertion: an allegation); ``n_hedged`` and
    ``hedging_rate`` (statements with hedged wording, about the claim or not); ``n_unnamed``,
    ``share_unnamed`` and ``unnamed_statements`` (see ``is_unnamed``); ``cited_media``;
    ``n_claims``, ``claims``, ``claim_labels`` (stage-3 clusters the document carries) and
    ``claims_omitted`` (claims of the document's story, ``story_id`` of ``documents`` when present,
    that at least ``min_docs_omitted`` other documents carry and this one does not). Claim columns are empty when stage 3 has not run.

    All counts come from one pass over the statements (each statement is counted into its
    document's row), so the time grows linearly with the number of statements and documents.
    """
    statements = _ordered(statements)
    ok = documents if "status" not in documents.columns else documents[_text(documents, "status").isin(["ok", ""])]
    doc_ids = sorted(set(ok["doc_id"].unique().tolist()) | set(statements["doc_id"].unique().tolist()))
    if not doc_ids:
        return pd.DataFrame([])
    docs = documents.set_index("doc_id")
    group = _text(statements, "speaker_group").replace("", OWN_VOICE)
    stance_ = _text(statements, "stance")
    own = _text(statements, "speaker").eq("").to_numpy()
    unnamed = is_unnamed(statements).to_numpy(dtype=bool)
    hedged = _flag(statements, "hedged").to_numpy(dtype=bool)
    cids = claim_ids(_text(statements, "cluster_id"))
    labels = _claim_labels(statements, claims)
    groups = [*GROUPS, *sorted(set(group.unique().tolist()) - set(GROUPS) - {OWN_VOICE})]
    n_docs = len(doc_ids)
    doc = pd.Index(doc_ids).get_indexer(statements["doc_id"])  # every statement's row in the output

    def count(mask) -> list[int]:
        return np.bincount(doc[mask], minlength=n_docs).tolist()

    def shares(parts: list[int], wholes: list[int]) -> list[float]:
        known: dict = {}  # _share once per distinct (part, whole): counts repeat across documents
        return [known[pw] if pw in known else known.setdefault(pw, _share(*pw)) for pw in zip(parts, wholes)]

    columns: dict[str, list] = {"doc_id": list(doc_ids)}
    columns["title"] = [str(v) for v in _lookup(docs["title"], doc_ids, "")] if "title" in docs else [""] * n_docs
    for column in ("lead_actor", "lead_frame"):
        values = _lookup(docs[column], doc_ids, "") if column in docs else [""] * n_docs
        columns[column] = ["" if pd.isna(v) else str(v) for v in values]
    n = count(slice(None))
    columns["n_statements"] = n
    voices = [*groups, OWN_VOICE]
    voice = pd.Index(voices).get_indexer(group)
    by_voice = np.bincount(doc * len(voices) + voice, minlength=n_docs * len(voices)).reshape(n_docs, len(voices))
    for i, g in enumerate(voices):
        columns[share_column(g)] = shares(by_voice[:, i].tolist(), n)
    quoted = by_voice[:, : len(groups)]
    if len(groups):
        best = quoted.argmax(axis=1)  # the first of the groups with most statements
        top = quoted[np.arange(n_docs), best]
        columns["leading_voice"] = [groups[b] if t else "" for b, t in zip(best.tolist(), top.tolist())]
        columns["n_leading_voice"] = top.tolist()
    else:
        columns["leading_voice"], columns["n_leading_voice"] = [""] * n_docs, [0] * n_docs
    about = count(stance_.ne("").to_numpy())
    columns["n_about_claim"] = about
    for s in STANCES:
        columns[f"n_{s}"] = count(stance_.eq(s).to_numpy())
    for s in STANCES:
        columns[f"share_{s}"] = shares(columns[f"n_{s}"], about)
    affirm = stance_.eq("affirm").to_numpy()
    columns["n_affirm_own_voice"] = count(affirm & own)
    columns["n_affirm_attributed"] = count(affirm & ~own)
    columns["n_hedged"] = count(hedged)
    columns["hedging_rate"] = shares(columns["n_hedged"], n)
    columns["n_unnamed"] = count(unnamed)
    columns["share_unnamed"] = shares(columns["n_unnamed"], n)
    columns["unnamed_statements"] = _collect(
        doc[unnamed], statements["statement_id"].to_numpy()[unnamed], n_docs, lambda ids: ";".join(ids), ""
    )
    media = _text(statements, "cited_media")
    cells = media.ne("").to_numpy()
    columns["cited_media"] = _collect(
        doc[cells],
        media.to_numpy()[cells],
        n_docs,
        lambda found: _join(m for cell in found for m in cell.split(";")),
        "",
    )
    with_claim = cids.ne("").to_numpy()
    carried = _collect(
        doc[with_claim], cids.to_numpy()[with_claim], n_docs, lambda found: sorted(set(found), key=_id_key), []
    )
    columns["n_claims"] = [len(c) for c in carried]
    columns["claims"] = [";".join(c) for c in carried]
    columns["claim_labels"] = [";".join(labels.get(c, "") for c in found) for found in carried]
    # claims_omitted: the claims (in claim_coverage's column order) of the document's own story that at
    # least min_docs_omitted documents carry and this one does not (only for documents with statements,
    # as coverage rows); a claim of another event is not one a document could have carried
    story_of_doc = _lookup(docs["story_id"].fillna("").astype(str), doc_ids, "") if "story_id" in docs else None
    pairs = pd.DataFrame({"doc": doc[with_claim], "claim": cids.to_numpy()[with_claim]}).drop_duplicates()
    carriers = pairs["claim"].value_counts()  # documents carrying each claim
    claim_story = (
        pairs.drop_duplicates("claim").set_index("claim")["doc"].map(lambda d: story_of_doc[d])
        if story_of_doc is not None
        else pd.Series("", index=carriers.index)
    )
    frequent: dict[str, list[str]] = {}
    for c in sorted(sorted(carriers.index), key=_id_key):
        if carriers[c] >= min_docs_omitted:
            frequent.setdefault(claim_story[c], []).append(c)
    has_statements = (np.bincount(doc, minlength=n_docs) > 0).tolist()
    omitted = []
    for i, (found, has) in enumerate(zip(carried, has_statements)):
        found = set(found)
        story = story_of_doc[i] if story_of_doc is not None else ""
        omitted.append(";".join(c for c in frequent.get(story, []) if c not in found) if has else "")
    columns["claims_omitted"] = omitted
    return pd.DataFrame(columns)


def _lookup(column: pd.Series, keys, default) -> list:
    """``column.get(key, default)`` for every key, in one pass."""
    values = dict(zip(column.index.tolist(), column.tolist()))
    return [values.get(key, default) for key in keys]


def _collect(rows: np.ndarray, values: np.ndarray, n_rows: int, summarise, empty) -> list:
    """Per output row, ``summarise`` of its values in the order given (``empty`` for rows without any)."""
    found: dict[int, list] = {}
    for row, value in zip(rows.tolist(), values.tolist()):
        found.setdefault(row, []).append(value)
    return [summarise(found[i]) if i in found else empty for i in range(n_rows)]


def _share(part, whole) -> float:
    return round(float(part) / whole, 4) if whole else 0.0


# --- lead: headline and first sentence -----------------------------------------------------------


def headlines(documents: pd.DataFrame, removed_spans: pd.DataFrame | None = None) -> dict[str, str]:
    """The headline of each document: ``documents.title``, else the span stage 1 removed as title."""
    found = {}
    if removed_spans is not None and len(removed_spans):
        titles = _ordered(removed_spans[_text(removed_spans, "reason").eq("title")])
        for doc_id, text in zip(titles["doc_id"].tolist(), _text(titles, "text").tolist()):
            found.setdefault(doc_id, text.strip())
    for doc_id, title in zip(documents["doc_id"].tolist(), _text(documents, "title").tolist()):
        if title.strip():
            found[doc_id] = title.strip()
    return found


def _split_concessive(sentence: str) -> tuple[str, str]:
    """('While X denied it', 'accusations persist') for a sentence opening with a concession."""
    if not _CONCESSIVE.match(sentence):
        return "", sentence
    depth = 0
    for i, ch in enumerate(sentence):
        if ch in '“"(':
            depth += 1 if ch != '"' or depth == 0 else -1
        elif ch in "”)":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return sentence[:i], sentence[i + 1 :].strip()
    return "", sentence


def frame_of(text: str, codebook: Codebook) -> tuple[str, str, str]:
    """(frame, stance, note) of what one piece of text foregrounds: a denial (stance deny) ->
    ``denial``; the claim asserted or reported (affirm) -> ``accusation``; hedged or not about the
    claim -> '' (no frame of its own).

    A sentence that opens with a concession ("While Iran has denied X, accusations persist")
    is judged on its main clause when the main clause is about the claim: the concession is
    background, the main clause is what the sentence foregrounds. ``note`` says when that happened.
    """
    if not text.strip():
        return "", "", ""
    conceded, main = _split_concessive(text)
    position, note = stance(text, codebook)[0], ""
    if conceded:
        main_position = stance(main, codebook)[0]
        if main_position and main_position != position:
            position, note = main_position, f"main clause after the concession \u201c{conceded.strip()}\u201d"
    return {"deny": "denial", "affirm": "accusation"}.get(position, ""), position, note


def first_actor(text: str, codebook: Codebook) -> tuple[str, str]:
    """(canonical name, group) of the first codebook actor or outlet named in ``text``."""
    found = index_for(codebook).mentions(text) if text else []
    if not found:
        return "", ""
    speaker = min(found, key=lambda m: (m[0], -m[1]))[2]
    return speaker.name, speaker.group


def lead(
    documents: pd.DataFrame, statements: pd.DataFrame, removed_spans: pd.DataFrame | None, codebook: Codebook
) -> pd.DataFrame:
    """``documents`` with ``lead_actor`` and ``lead_frame`` filled, plus the evidence for them:
    ``lead_headline``, ``lead_statement_id``, ``lead_statement`` and ``lead_basis``.

    Rules (the headline is what a reader sees first, so it decides when it can):

    - ``lead_actor``: the group of the first codebook actor (or outlet: group Media) named in the
      headline; if the headline names none (or there is no headline), the first one named in the
      first body statement; if that names none either, that statement's ``speaker_group``; else ''.
    - ``lead_frame``: the frame of the headline (``frame_of``: a denial cue -> ``denial``; the claim
      asserted or reported -> ``accusation``); if the headline has none (no headline, hedged, or
      not about the claim), the frame of the first body statement; if neither has one,
      ``neutral``. Hedged wording ("possible transfer", "if confirmed") counts as neutral: it
      neither asserts nor rejects the claim.
    """
    titles = headlines(documents, removed_spans)
    ordered = _ordered(statements)
    ordered = ordered[ordered["doc_id"].notna()].drop_duplicates("doc_id", keep="first")
    columns = [c for c in ("doc_id", "statement_id", "text", "speaker", "speaker_group") if c in ordered]
    firsts = {
        row[0]: dict(zip(columns, row))  # each document's first statement
        for row in zip(*(ordered[c].tolist() for c in columns))
    }
    table = documents.copy()
    out = {
        c: []
        for c in ("lead_actor", "lead_frame", "lead_headline", "lead_statement_id", "lead_statement", "lead_basis")
    }
    for doc_id in table["doc_id"].tolist():
        headline = titles.get(doc_id, "")
        first = firsts.get(doc_id)
        sentence = str(first["text"]) if first is not None else ""
        actor, group = first_actor(headline, codebook)
        actor_from = "headline"
        if not group:
            actor, group = first_actor(sentence, codebook)
            actor_from = "first statement"
        if not group and first is not None and str(first.get("speaker_group", "") or ""):
            actor, group, actor_from = (
                str(first["speaker"]),
                str(first["speaker_group"]),
                "speaker of the first statement",
            )
        frame, position, note = frame_of(headline, codebook)
        frame_from = "headline"
        if not frame:
            first_frame, first_position, first_note = frame_of(sentence, codebook)
            if first_frame:
                frame, position, note, frame_from = first_frame, first_position, first_note, "first statement"
            else:
                frame, frame_from = (
                    "neutral",
                    "neither the headline nor the first statement affirms or denies the claim",
                )
                position = "/".join(p for p in (position, first_position) if p)
        basis = []
        if group:
            basis.append(f"actor: {actor} ({group}) is named first in the {actor_from}")
        detail = ", ".join(p for p in ((f"stance {position}" if position else ""), note) if p)
        basis.append(
            f"frame: {frame}, "
            + (f"from the {frame_from}" if frame != "neutral" else frame_from)
            + (f" ({detail})" if detail else "")
        )
        out["lead_actor"].append(group)
        out["lead_frame"].append(frame)
        out["lead_headline"].append(headline)
        out["lead_statement_id"].append(str(first["statement_id"]) if first is not None else "")
        out["lead_statement"].append(sentence)
        out["lead_basis"].append("; ".join(basis))
    for column, values in out.items():
        table[column] = values
    return table


# --- timeline ------------------------------------------------------------------------------------

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def timeline(
    documents: pd.DataFrame,
    statements: pd.DataFrame,
    metadata: pd.DataFrame | None = None,
    claims: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, str]:
    """Documents in publication order with the claims each introduces, and a note on how sure the order is.

    Order: ``published`` (ISO date) when known; else the first four-digit year in the metadata's
    free-text ``date_hint``; documents with neither come last, in doc_id order. A claim is
    *introduced* by the first document in this order that carries it. The note says which
    documents are dated, which only by year and which not at all, so a reader knows whether
    "introduced" means first in time or only first in the order that could be established.
    """
    hints = {}
    if metadata is not None and "date_hint" in metadata.columns:
        hints = dict(zip(metadata["doc_id"].tolist(), _text(metadata, "date_hint").tolist()))
    published = dict(zip(documents["doc_id"].tolist(), _text(documents, "published").tolist()))
    titles = dict(zip(documents["doc_id"].tolist(), _text(documents, "title").tolist()))
    cids = claim_ids(_text(statements, "cluster_id"))
    labels = _claim_labels(statements, claims)
    carried_by: dict = {}  # doc_id -> claims its statements carry, gathered in one pass
    for doc_id, cid in zip(statements["doc_id"].tolist(), cids.tolist()):
        if cid:
            carried_by.setdefault(doc_id, set()).add(cid)
    rows = []
    for doc_id in sorted(set(documents["doc_id"].unique().tolist()) | set(statements["doc_id"].unique().tolist())):
        date = published.get(doc_id, "").strip()
        hinted = _YEAR.search(hints.get(doc_id, ""))
        year = date[:4] if date else (hinted.group(1) if hinted else "")
        if date:
            basis = "published date"
        elif year:
            basis = "year in date_hint"
        else:
            basis = "no date: placed after dated documents"
        rows.append(
            {
                "doc_id": doc_id,
                "title": titles.get(doc_id, ""),
                "published": date,
                "year": year,
                "date_hint": hints.get(doc_id, ""),
                "order_basis": basis,
                "_key": (date or (f"{year}-99-99" if year else "9999-99-99"), doc_id),
            }
        )
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame, "No documents."
    frame = frame.sort_values("_key", kind="mergesort").drop(columns="_key").reset_index(drop=True)
    frame.insert(0, "position", range(1, len(frame) + 1))
    seen: set[str] = set()
    introduced, introduced_labels = [], []
    for doc_id in frame["doc_id"]:
        carried = sorted(carried_by.get(doc_id, ()), key=_id_key)
        new = [c for c in carried if c not in seen]
        seen.update(new)
        introduced.append(";".join(new))
        introduced_labels.append(";".join(labels.get(c, "") for c in new))
    frame["claims_introduced"] = introduced
    frame["claim_labels_introduced"] = introduced_labels
    frame["n_claims_introduced"] = [len(c.split(";")) if c else 0 for c in introduced]
    return frame, _timeline_note(frame, bool(seen))


#: Documents a timeline note names one by one; beyond this it gives counts (the table has them all).
NOTE_NAMES = 20


def _listed(items: list[str]) -> str:
    items = [escape(item) for item in items]  # doc ids are untrusted: Markdown-safe
    if len(items) <= NOTE_NAMES:
        return ", ".join(items)
    return f"{', '.join(items[:NOTE_NAMES])} and {len(items) - NOTE_NAMES:,} more (see `tables/timeline.csv`)"


def _timeline_note(frame: pd.DataFrame, with_claims: bool) -> str:
    dated = frame.loc[frame["published"].ne(""), "doc_id"].tolist()
    by_year = frame.loc[frame["published"].eq("") & frame["year"].ne(""), ["doc_id", "year"]]
    undated = frame.loc[frame["published"].eq("") & frame["year"].eq(""), "doc_id"].tolist()
    parts = []
    if len(dated) == len(frame):
        parts.append(f"All {len(frame)} documents have a publication date; the order is chronological.")
    else:
        parts.append(f"{len(dated)} of {len(frame)} documents have a publication date.")
        if len(by_year):
            parts.append(
                "Dated only by a year named in the metadata's date hint: "
                + _listed([f"{d} ({y})" for d, y in by_year.itertuples(index=False)])
                + "."
            )
        if undated:
            parts.append(
                f"No date can be established for {_listed(undated)}; they are placed last, "
                "in doc_id order, so their position says nothing about time."
            )
        parts.append(
            "A claim 'introduced' by a document is therefore only the first in this order, "
            "not necessarily the first in time."
        )
    if not with_claims:
        parts.append("No claims (stage-3 clusters) are available, so no claims are listed.")
    return " ".join(parts)


def corpus_metadata(corpus) -> pd.DataFrame | None:
    """The corpus folder's ``metadata.csv`` (for the timeline's date hints), or None when it has none."""
    path = paths.resolve(corpus)
    path = path / "metadata.csv" if path.is_dir() else None
    return pd.read_csv(path, dtype=str, keep_default_na=False) if path and path.is_file() else None


def voice_table(profile: pd.DataFrame) -> pd.DataFrame:
    """Whose voice leads, for reading: shares as whole percentages, groups no document quotes left out."""
    shares = [
        c
        for c in profile.columns
        if c.startswith("share_") and c not in {"share_own_voice", "share_unnamed", *(f"share_{s}" for s in STANCES)}
    ]
    quoted = [c for c in shares if profile[c].astype(float).gt(0).any()]
    table = profile.set_index("doc_id")[
        ["leading_voice", *quoted, "share_own_voice", "hedging_rate", "share_unnamed", "cited_media"]
    ]
    percent = [*quoted, "share_own_voice", "hedging_rate", "share_unnamed"]
    table[percent] = (table[percent].astype(float) * 100).round().astype(int)
    return table.rename(columns=lambda c: c.removeprefix("share_").replace("_", " ") + (" %" if c in percent else ""))


def widest_claims(statements: pd.DataFrame, claims: pd.DataFrame, n: int) -> list[str]:
    """Every claim in claims.csv order when there are at most ``n``; else the ``n`` carried by the
    most outlets (then statements), widest first. A figure of thousands of claims is not read, and
    the first claims of claims.csv all belong to its first story: the comparison across outlets
    is in the claims many of them carry."""
    if len(claims) <= n:
        return claims["cluster_id"].tolist()
    carried = statements[statements["cluster_id"] != ""].groupby("cluster_id")["outlet"].nunique()
    ids = claims["cluster_id"].astype(str)
    ranked = pd.DataFrame(
        {
            "cluster_id": ids.to_numpy(),
            "n_statements": pd.to_numeric(claims["n_statements"]).to_numpy(),  # read back from CSV as text
            "outlets": ids.map(carried).fillna(0).to_numpy(),
            "order": range(len(claims)),
        }
    )
    ranked = ranked.sort_values(["outlets", "n_statements", "order"], ascending=[False, False, True], kind="mergesort")
    return ranked["cluster_id"].head(n).tolist()
