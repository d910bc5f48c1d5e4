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

import pandas as pd

from . import paths
from .actors import index_for
from .codebook import GROUPS, Codebook
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


def has_claims(statements: pd.DataFrame) -> bool:
    """True when stage 3 has filled ``cluster_id`` for at least one statement."""
    return "cluster_id" in statements.columns and statements["cluster_id"].map(claim_id).ne("").any()


def is_unnamed(statements: pd.DataFrame) -> pd.Series:
    """Statements resting on an unnamed source: the speaker is one ("unnamed officials (via CNN)"),
    or the sentence says its source is anonymous ("citing unidentified sources", "under the
    condition of anonymity"). General English patterns on stage-2 columns; no corpus strings."""
    speaker = _text(statements, "speaker").str.lower().str.startswith(UNNAMED_PREFIX)
    said = (_text(statements, "source_text") + " " + _text(statements, "cue") + " " + _text(statements, "text"))
    return speaker | said.str.contains(ANONYMOUS)


def _ordered(statements: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("doc_id", "start", "statement_id") if c in statements.columns]
    return statements.sort_values(keys, kind="mergesort")


def _join(values) -> str:
    return ";".join(sorted({v for v in values if v}))


def _claim_labels(statements: pd.DataFrame, claims: pd.DataFrame | None) -> dict[str, str]:
    labels = {}
    if claims is not None and len(claims) and "cluster_id" in claims.columns:
        for cid, label in zip(claims["cluster_id"].map(claim_id), _text(claims, "cluster_label")):
            if cid:
                labels[cid] = label
    for cid, label in zip(_text(statements, "cluster_id").map(claim_id), _text(statements, "cluster_label")):
        if cid and label:
            labels.setdefault(cid, label)
    return labels


def claim_coverage(statements: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Documents x claims: how many statements of each document fall in each claim (0 = omitted).

    Empty (no columns) when stage 3 has not run. Rows sorted by doc_id, columns by cluster id
    (numerically when ids are numbers).
    """
    cids = _text(statements, "cluster_id").map(claim_id)
    if not cids.ne("").any():
        return pd.DataFrame(index=pd.Index(sorted(statements["doc_id"].unique()), name="doc_id"))
    table = pd.crosstab(statements.loc[cids.ne(""), "doc_id"], cids[cids.ne("")])
    table = table.reindex(sorted(statements["doc_id"].unique()), fill_value=0)
    table = table.reindex(columns=sorted(table.columns, key=_id_key))
    return table.rename_axis(index="doc_id", columns="cluster_id")


def _id_key(cid: str):
    return (0, int(cid), "") if cid.lstrip("-").isdigit() else (1, 0, cid)


def profile(documents: pd.DataFrame, statements: pd.DataFrame, claims: pd.DataFrame | None = None,
            min_docs_omitted: int = 2) -> pd.DataFrame:
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
    ``claims_omitted`` (claims that at least ``min_docs_omitted`` other documents carry and this one
    does not). Claim columns are empty when stage 3 has not run.
    """
    statements = _ordered(statements)
    ok = documents if "status" not in documents.columns else documents[_text(documents, "status").isin(["ok", ""])]
    doc_ids = sorted(set(ok["doc_id"]) | set(statements["doc_id"]))
    docs = documents.set_index("doc_id")
    group = _text(statements, "speaker_group").replace("", OWN_VOICE)
    stance_ = _text(statements, "stance")
    own = _text(statements, "speaker").eq("")
    unnamed = is_unnamed(statements)
    hedged = _flag(statements, "hedged")
    cids = _text(statements, "cluster_id").map(claim_id)
    labels = _claim_labels(statements, claims)
    coverage = claim_coverage(statements, claims)
    groups = [*GROUPS, *sorted(set(group) - set(GROUPS) - {OWN_VOICE})]
    rows = []
    for doc_id in doc_ids:
        mask = statements["doc_id"].eq(doc_id)
        n = int(mask.sum())
        counts = group[mask].value_counts()
        row = {"doc_id": doc_id, "title": str(docs["title"].get(doc_id, "")) if "title" in docs else ""}
        for column in ("lead_actor", "lead_frame"):
            value = docs[column].get(doc_id, "") if column in docs else ""
            row[column] = "" if pd.isna(value) else str(value)
        row["n_statements"] = n
        for g in [*groups, OWN_VOICE]:
            row[share_column(g)] = _share(counts.get(g, 0), n)
        voiced = [(int(counts.get(g, 0)), -i, g) for i, g in enumerate(groups) if counts.get(g, 0)]
        best = max(voiced) if voiced else (0, 0, "")
        row["leading_voice"], row["n_leading_voice"] = best[2], best[0]
        about = int((mask & stance_.ne("")).sum())
        row["n_about_claim"] = about
        for s in STANCES:
            row[f"n_{s}"] = int((mask & stance_.eq(s)).sum())
        for s in STANCES:
            row[f"share_{s}"] = _share(row[f"n_{s}"], about)
        row["n_affirm_own_voice"] = int((mask & stance_.eq("affirm") & own).sum())
        row["n_affirm_attributed"] = int((mask & stance_.eq("affirm") & ~own).sum())
        row["n_hedged"] = int((mask & hedged).sum())
        row["hedging_rate"] = _share(row["n_hedged"], n)
        row["n_unnamed"] = int((mask & unnamed).sum())
        row["share_unnamed"] = _share(row["n_unnamed"], n)
        row["unnamed_statements"] = ";".join(statements.loc[mask & unnamed, "statement_id"])
        row["cited_media"] = _join(m for cell in _text(statements[mask], "cited_media") for m in cell.split(";"))
        carried = sorted(set(cids[mask]) - {""}, key=_id_key)
        row["n_claims"] = len(carried)
        row["claims"] = ";".join(carried)
        row["claim_labels"] = ";".join(labels.get(c, "") for c in carried)
        omitted = []
        if len(coverage.columns) and doc_id in coverage.index:
            others = (coverage.drop(index=doc_id) > 0).sum()
            omitted = [c for c in coverage.columns if coverage.at[doc_id, c] == 0 and others[c] >= min_docs_omitted]
        row["claims_omitted"] = ";".join(omitted)
        rows.append(row)
    return pd.DataFrame(rows)


def _share(part, whole) -> float:
    return round(float(part) / whole, 4) if whole else 0.0


# --- lead: headline and first sentence -----------------------------------------------------------

def headlines(documents: pd.DataFrame, removed_spans: pd.DataFrame | None = None) -> dict[str, str]:
    """The headline of each document: ``documents.title``, else the span stage 1 removed as title."""
    found = {}
    if removed_spans is not None and len(removed_spans):
        titles = _ordered(removed_spans[_text(removed_spans, "reason").eq("title")])
        for doc_id, text in zip(titles["doc_id"], _text(titles, "text")):
            found.setdefault(doc_id, text.strip())
    for doc_id, title in zip(documents["doc_id"], _text(documents, "title")):
        if title.strip():
            found[doc_id] = title.strip()
    return found


def _split_concessive(sentence: str) -> tuple[str, str]:
    """('While X denied it', 'accusations persist') for a sentence opening with a concession."""
    if not _CONCESSIVE.match(sentence):
        return "", sentence
    depth = 0
    for i, ch in enumerate(sentence):
        if ch in "“\"(":
            depth += 1 if ch != '"' or depth == 0 else -1
        elif ch in "”)":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return sentence[:i], sentence[i + 1:].strip()
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


def lead(documents: pd.DataFrame, statements: pd.DataFrame, removed_spans: pd.DataFrame | None,
         codebook: Codebook) -> pd.DataFrame:
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
    firsts = {}
    for doc_id, rows in _ordered(statements).groupby("doc_id", sort=True):
        firsts[doc_id] = rows.iloc[0]
    table = documents.copy()
    out = {c: [] for c in ("lead_actor", "lead_frame", "lead_headline", "lead_statement_id", "lead_statement", "lead_basis")}
    for doc_id in table["doc_id"]:
        headline = titles.get(doc_id, "")
        first = firsts.get(doc_id)
        sentence = str(first["text"]) if first is not None else ""
        actor, group = first_actor(headline, codebook)
        actor_from = "headline"
        if not group:
            actor, group = first_actor(sentence, codebook)
            actor_from = "first statement"
        if not group and first is not None and str(first.get("speaker_group", "") or ""):
            actor, group, actor_from = str(first["speaker"]), str(first["speaker_group"]), "speaker of the first statement"
        frame, position, note = frame_of(headline, codebook)
        frame_from = "headline"
        if not frame:
            first_frame, first_position, first_note = frame_of(sentence, codebook)
            if first_frame:
                frame, position, note, frame_from = first_frame, first_position, first_note, "first statement"
            else:
                frame, frame_from = "neutral", "neither the headline nor the first statement affirms or denies the claim"
                position = "/".join(p for p in (position, first_position) if p)
        basis = []
        if group:
            basis.append(f"actor: {actor} ({group}) is named first in the {actor_from}")
        detail = ", ".join(p for p in ((f"stance {position}" if position else ""), note) if p)
        basis.append(f"frame: {frame}, " + (f"from the {frame_from}" if frame != "neutral" else frame_from)
                     + (f" ({detail})" if detail else ""))
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


def timeline(documents: pd.DataFrame, statements: pd.DataFrame, metadata: pd.DataFrame | None = None,
             claims: pd.DataFrame | None = None) -> tuple[pd.DataFrame, str]:
    """Documents in publication order with the claims each introduces, and a note on how sure the order is.

    Order: ``published`` (ISO date) when known; else the first four-digit year in the metadata's
    free-text ``date_hint``; documents with neither come last, in doc_id order. A claim is
    *introduced* by the first document in this order that carries it. The note says which
    documents are dated, which only by year and which not at all, so a reader knows whether
    "introduced" means first in time or only first in the order that could be established.
    """
    hints = {}
    if metadata is not None and "date_hint" in metadata.columns:
        hints = dict(zip(metadata["doc_id"], _text(metadata, "date_hint")))
    published = dict(zip(documents["doc_id"], _text(documents, "published")))
    titles = dict(zip(documents["doc_id"], _text(documents, "title")))
    cids = _text(statements, "cluster_id").map(claim_id)
    labels = _claim_labels(statements, claims)
    rows = []
    for doc_id in sorted(set(documents["doc_id"]) | set(statements["doc_id"])):
        date = published.get(doc_id, "").strip()
        hinted = _YEAR.search(hints.get(doc_id, ""))
        year = date[:4] if date else (hinted.group(1) if hinted else "")
        if date:
            basis = "published date"
        elif year:
            basis = "year in date_hint"
        else:
            basis = "no date: placed after dated documents"
        rows.append({"doc_id": doc_id, "title": titles.get(doc_id, ""), "published": date, "year": year,
                     "date_hint": hints.get(doc_id, ""), "order_basis": basis,
                     "_key": (date or (f"{year}-99-99" if year else "9999-99-99"), doc_id)})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame, "No documents."
    frame = frame.sort_values("_key", kind="mergesort").drop(columns="_key").reset_index(drop=True)
    frame.insert(0, "position", range(1, len(frame) + 1))
    seen: set[str] = set()
    introduced, introduced_labels = [], []
    for doc_id in frame["doc_id"]:
        carried = sorted(set(cids[statements["doc_id"].eq(doc_id)]) - {""}, key=_id_key)
        new = [c for c in carried if c not in seen]
        seen.update(new)
        introduced.append(";".join(new))
        introduced_labels.append(";".join(labels.get(c, "") for c in new))
    frame["claims_introduced"] = introduced
    frame["claim_labels_introduced"] = introduced_labels
    frame["n_claims_introduced"] = [len(c.split(";")) if c else 0 for c in introduced]
    return frame, _timeline_note(frame, bool(seen))


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
            parts.append("Dated only by a year named in the metadata's date hint: "
                         + ", ".join(f"{d} ({y})" for d, y in by_year.itertuples(index=False)) + ".")
        if undated:
            parts.append(f"No date can be established for {', '.join(undated)}; they are placed last, "
                         "in doc_id order, so their position says nothing about time.")
        parts.append("A claim 'introduced' by a document is therefore only the first in this order, "
                     "not necessarily the first in time.")
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
    shares = [c for c in profile.columns if c.startswith("share_") and c not in
              {"share_own_voice", "share_unnamed", *(f"share_{s}" for s in STANCES)}]
    quoted = [c for c in shares if profile[c].astype(float).gt(0).any()]
    table = profile.set_index("doc_id")[["leading_voice", *quoted, "share_own_voice", "hedging_rate", "share_unnamed",
                                         "cited_media"]]
    percent = [*quoted, "share_own_voice", "hedging_rate", "share_unnamed"]
    table[percent] = (table[percent].astype(float) * 100).round().astype(int)
    return table.rename(columns=lambda c: c.removeprefix("share_").replace("_", " ") + (" %" if c in percent else ""))
