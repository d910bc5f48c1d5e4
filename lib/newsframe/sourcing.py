"""Whom each outlet cites, and whom those in turn cite: ``sourcing_edges.csv``.

Three layers: the outlet (its ``outlet`` column when the statements carry one, see
``outlets.with_outlet``; else the document), the news media it cites (stage 2's ``cited_media`` and
speakers that are news organisations), and the unnamed sources behind them. One row per edge
and statement, so every edge can be read in the text:

``cites medium``                 document -> medium ("CNN and the Wall Street Journal reported")
``medium cites unnamed source``  medium -> unnamed source: a stage-2 speaker "unnamed X (via M)"
                                 ("two European intelligence sources who spoke to Reuters"), or
                                 an anonymous source named in a statement that cites M
                                 ("..., citing unidentified sources")
``cites unnamed source``         document -> unnamed source with no medium in between
                                 ("media reports suggesting", "a prominent Ukrainian journalist")

An unnamed source is shown the way the text first introduces it (stage 2's ``source_text`` of
its first statement, without a trailing relative clause), so the node reads "two European
intelligence sources" rather than a canonical label.
"""

from __future__ import annotations

import re

import pandas as pd

from .framing import ANONYMOUS, UNNAMED_PREFIX

COLUMNS = ["source", "target", "kind", "doc_id", "statement_id", "text", "source_layer", "target_layer"]
KINDS = ("cites medium", "medium cites unnamed source", "cites unnamed source")
LAYERS = ("outlet", "medium", "unnamed source")
_VIA = re.compile(r"\s*\(via (?P<medium>[^()]+)\)\s*$")
_TRAILING = re.compile(r"(?:\s+(?:who|that|which|speaking|familiar|quoted|cited)\b|,).*$", re.I | re.S)


def _label(source_text: str, speaker: str) -> str:
    text = _TRAILING.sub("", source_text or "").strip(" ,;:“”\"'")
    if not text or len(text.split()) < 2:  # "The sources", "he": fall back to the canonical description
        text = _VIA.sub("", speaker)[len(UNNAMED_PREFIX) :] if speaker.lower().startswith(UNNAMED_PREFIX) else speaker
    return text


def sourcing_edges(statements: pd.DataFrame) -> pd.DataFrame:
    """All edges with their evidence, sorted by kind, source, target and statement id."""
    read = [
        "doc_id",
        "outlet",
        "statement_id",
        "text",
        "start",
        "speaker",
        "speaker_group",
        "cited_media",
        "source_text",
    ]
    ordered = statements[[c for c in read if c in statements]]  # only the columns read, not a copy of all
    ordered = ordered.sort_values([c for c in ("doc_id", "start", "statement_id") if c in ordered], kind="mergesort")
    labels: dict[str, str] = {}
    rows = []
    # plain lists of the columns read (iterating Arrow-backed columns cell by cell is slow)
    column = lambda name: ordered[name].tolist() if name in ordered else [""] * len(ordered)
    units = ordered["outlet"].tolist() if "outlet" in ordered else ordered["doc_id"].tolist()
    for doc_id, unit, sid, text, speaker, group, cited, source_text in zip(
        ordered["doc_id"].tolist(),
        units,
        ordered["statement_id"].tolist(),
        ordered["text"].tolist(),
        column("speaker"),
        column("speaker_group"),
        column("cited_media"),
        column("source_text"),
    ):
        text = str(text)
        speaker = str(speaker or "")
        group = str(group or "")
        media = [m for m in str(cited or "").split(";") if m]
        if not media and not speaker:
            continue  # the article's own voice citing no medium: no edge
        via = _VIA.search(speaker)
        unnamed = speaker.lower().startswith(UNNAMED_PREFIX)
        if group == "Media" and not unnamed and speaker and speaker not in media:
            media.append(speaker)
        if via and via.group("medium") not in media:
            media.append(via.group("medium"))
        for medium in sorted(set(media)):
            rows.append((unit, medium, KINDS[0], doc_id, sid, text, LAYERS[0], LAYERS[1]))
        if unnamed:
            key = speaker
            labels.setdefault(key, _label(str(source_text or ""), speaker))
            if via:
                rows.append((via.group("medium"), labels[key], KINDS[1], doc_id, sid, text, LAYERS[1], LAYERS[2]))
            else:
                rows.append((unit, labels[key], KINDS[2], doc_id, sid, text, LAYERS[0], LAYERS[2]))
        elif media:
            for m in ANONYMOUS.finditer(text):
                phrase = m.group().strip()
                if not re.search(r"anonym|named|identified|authori[sz]ed|permitted|allowed", phrase.split()[0], re.I):
                    continue
                for medium in sorted(set(media)):  # one node per medium: their sources need not be the same
                    rows.append(
                        (
                            medium,
                            f"{phrase.lower()} (cited by {medium})",
                            KINDS[1],
                            doc_id,
                            sid,
                            text,
                            LAYERS[1],
                            LAYERS[2],
                        )
                    )
    edges = pd.DataFrame(rows, columns=COLUMNS)
    order = {k: i for i, k in enumerate(KINDS)}
    edges = (
        edges.assign(_k=edges["kind"].map(order))
        .sort_values(["_k", "source", "target", "statement_id"], kind="mergesort")
        .drop(columns="_k")
    )
    return edges.drop_duplicates(["source", "target", "kind", "statement_id"]).reset_index(drop=True)


def edge_summary(edges: pd.DataFrame) -> pd.DataFrame:
    """One row per edge: source, target, kind, layers, n_statements and the statement ids."""
    if edges.empty:
        return pd.DataFrame(
            columns=["source", "target", "kind", "source_layer", "target_layer", "n_statements", "statements"]
        )
    grouped = edges.groupby(["source", "target", "kind", "source_layer", "target_layer"], sort=True)
    summary = grouped["statement_id"].agg(n_statements="size", statements=lambda ids: ";".join(sorted(ids)))
    order = {k: i for i, k in enumerate(KINDS)}
    summary = summary.reset_index()
    return (
        summary.assign(_k=summary["kind"].map(order))
        .sort_values(["_k", "source", "target"], kind="mergesort")
        .drop(columns="_k")
        .reset_index(drop=True)
    )


def layout(edges: pd.DataFrame, outlets=None) -> pd.DataFrame:
    """Deterministic layered positions: node, layer, x (0 outlets, 1 media, 2 unnamed sources), y.

    Outlets in doc_id order (``outlets`` adds documents that cite nobody); media and sources
    ordered by the position of the first node that points at them (then alphabetically), which
    keeps crossings few without any randomness. y runs from 1 (top) down to 0.
    """
    summary = edge_summary(edges)
    nodes: dict[str, list[str]] = {layer: [] for layer in LAYERS}
    nodes[LAYERS[0]] = sorted(
        set(summary.loc[summary["source_layer"] == LAYERS[0], "source"]) | set(() if outlets is None else outlets)
    )
    rank = {n: i for i, n in enumerate(nodes[LAYERS[0]])}
    for layer in LAYERS[1:]:
        incoming = summary[summary["target_layer"] == layer]
        first = {}
        for source, target in zip(incoming["source"], incoming["target"]):
            first[target] = min(first.get(target, (float("inf"), "")), (rank.get(source, len(rank)), source))
        nodes[layer] = sorted(first, key=lambda t: (first[t][0], t))
        rank.update({n: len(rank) + i for i, n in enumerate(nodes[layer])})
    rows = []
    for x, layer in enumerate(LAYERS):
        names = nodes[layer]
        for i, name in enumerate(names):
            y = 0.5 if len(names) == 1 else 1 - i / (len(names) - 1)
            rows.append({"node": name, "layer": layer, "x": float(x), "y": round(y, 4)})
    return pd.DataFrame(rows, columns=["node", "layer", "x", "y"])
