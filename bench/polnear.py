"""Reader for PolNeAR (political news attribution relations) in its brat standoff form.

Layout: ``<root>/<split>/text/<article>.txt`` and ``<root>/<split>/attributions/<article>_<annotator>.ann``.
``T`` lines are spans (``Source``, ``Cue``, ``Content``; offsets may be discontinuous,
``start end;start end``); ``E`` lines tie one Source, Cue and Content into an attribution.
Some articles were annotated by several people: we keep one annotation per article, the one of
the annotator whose id sorts first, so every run scores against the same gold.
The data stays where it is (no licence to redistribute): pass its folder, never copy it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("Source", "Cue", "Content")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True)
class GoldSpan:
    role: str
    pieces: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass
class Attribution:
    id: str
    spans: dict[str, GoldSpan] = field(default_factory=dict)  # role -> span


@dataclass
class Article:
    name: str
    split: str
    annotator: str
    text: str
    attributions: list[Attribution]

    def spans(self, role: str) -> list[GoldSpan]:
        return [a.spans[role] for a in self.attributions if role in a.spans]


def parse_ann(ann: str) -> list[Attribution]:
    """Attributions of one .ann file; spans not linked by an E line are ignored."""
    spans: dict[str, GoldSpan] = {}
    links = []
    for line in ann.splitlines():
        t = _T_LINE.match(line)
        if t:
            tid, kind, offsets = t.groups()
            role = "Content" if kind.startswith("Content") else kind
            if role in ROLES:
                pieces = tuple(tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))
                spans[tid] = GoldSpan(role, tuple(sorted(pieces)))
            continue
        e = _E_LINE.match(line)
        if e:
            links.append((e.group(1), e.group(2).split()))
    attributions = []
    for eid, args in links:
        attribution = Attribution(eid)
        for arg in args:
            name, _, tid = arg.partition(":")
            role = "Content" if name.startswith("Content") else name
            span = spans.get(tid)
            if span is None or role not in ROLES:
                continue
            if role in attribution.spans:  # a second Content piece: merge into one discontinuous span
                pieces = tuple(sorted(attribution.spans[role].pieces + span.pieces))
                span = GoldSpan(role, pieces)
            attribution.spans[role] = span
        if attribution.spans:
            attributions.append(attribution)
    return attributions


def load_split(root: str | Path, split: str) -> list[Article]:
    """All articles of one split, in file-name order, each with one annotator's attributions."""
    root = Path(root)
    chosen: dict[str, Path] = {}
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        article, _, _annotator = ann.stem.rpartition("_")
        chosen.setdefault(article, ann)  # sorted, so the first annotator id wins
    articles = []
    for article, ann in sorted(chosen.items()):
        text_path = root / split / "text" / f"{article}.txt"
        if not text_path.is_file():
            continue
        articles.append(
            Article(
                name=article,
                split=split,
                annotator=ann.stem.rpartition("_")[2],
                text=text_path.read_text(encoding="utf-8"),
                attributions=parse_ann(ann.read_text(encoding="utf-8")),
            )
        )
    return articles
