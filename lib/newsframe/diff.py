"""What changed between two report folders, in Markdown a reviewer can read as a PR comment.

A pull request that touches the library or the corpus changes hundreds of lines of CSV and HTML.
A reviewer wants the findings that moved: claims added, removed or relabelled (by their stable
id), how each outlet's framing shares moved, disagreements found or gone, rows of the key tables
that changed (by key), and which figures are different. Either side may be a folder or a git
revision (its ``reports/`` read with ``git archive``), so ``make diff BASE=main`` compares the
committed reports of ``main`` with the working tree's.

Corpus text is untrusted: every cell goes through ``findings.cell`` before it reaches Markdown.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pandas as pd

from . import paths
from .findings import cell, code, plural
from .tables import read_table

#: Table -> key columns: the rows compared one to one.
KEYS = {
    "documents": ["doc_id"],
    "outlets": ["outlet"],
    "claims": ["cluster_id"],
    "statements": ["statement_id"],
}
#: Columns of a table whose change is worth a line (the rest is counted).
WATCHED = {
    "documents": ["title", "outlet", "published", "status", "n_statements", "lead_actor", "lead_frame", "story_id"],
    "outlets": ["n_documents", "n_statements", "n_about_claim", "leading_voice"],
    "claims": ["cluster_label", "n_statements", "n_docs", "representative"],
    "statements": ["text", "speaker", "speaker_group", "stance", "cluster_id"],
}
#: Framing shares whose movement per outlet is reported, in percentage points.
SHARES = {
    "share_fact": "fact",
    "share_allegation": "allegation",
    "share_hedge": "hedge",
    "share_deny": "deny",
    "share_own_voice": "own voice",
    "share_unnamed": "unnamed sources",
}
#: Shares that moved less than this many points are not listed.
MIN_POINTS = 1.0
#: Rows listed per change; the counts cover all.
MAX_LISTED = 15
CONTRADICTION_KEY = ["kind", "outlet_a", "outlet_b", "statement_a", "statement_b"]


class DiffError(ValueError):
    """A side that is neither a report folder nor a git revision holding ``reports/``."""


@contextlib.contextmanager
def report_folder(side: str):
    """The report folder ``side`` names: a folder as it is, or a revision's ``reports/`` unpacked."""
    folder = paths.resolve(side)
    if folder.is_dir():
        yield folder
        return
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", side, "reports"], cwd=paths.ROOT, capture_output=True, check=True
        ).stdout
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        raise DiffError(f"{side}: neither a report folder nor a git revision with reports/") from error
    with tempfile.TemporaryDirectory(prefix="newsframe-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp) / "reports"


def _table(folder: Path, name: str) -> pd.DataFrame | None:
    return read_table(folder, name) if (folder / "tables" / f"{name}.csv").is_file() else None


def _text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(str).fillna("")


def row_changes(old: pd.DataFrame, new: pd.DataFrame, key: list[str], watched: list[str]):
    """(added keys, removed keys, changed rows): a changed row is (key, column, old, new) for each
    watched column that differs."""
    old, new = _text(old), _text(new)
    join = lambda frame: frame[key].agg(" / ".join, axis=1)
    old_rows = dict(zip(join(old), old.to_dict("records")))
    new_rows = dict(zip(join(new), new.to_dict("records")))
    added = sorted(set(new_rows) - set(old_rows))
    removed = sorted(set(old_rows) - set(new_rows))
    changed = []
    for k in sorted(set(old_rows) & set(new_rows)):
        for column in watched:
            before, after = old_rows[k].get(column, ""), new_rows[k].get(column, "")
            if before != after:
                changed.append((k, column, before, after))
    return added, removed, changed


def _numbers(folder: Path) -> dict[str, int]:
    counts = {}
    for label, name, count in (
        ("documents", "documents", len),
        ("outlets", "outlets", len),
        ("statements", "statements", len),
        ("claims", "claims", len),
        ("disagreements between outlets", "contradictions", len),
        ("inconsistencies within one outlet", "within_outlet", len),
    ):
        table = _table(folder, name)
        if table is not None:
            counts[label] = count(table)
    return counts


def _value(text: str, limit: int) -> str:
    return cell(text, limit) if text.strip() else "(empty)"


def _listed(items: list[str], noun: str) -> list[str]:
    lines = [f"- {item}" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        lines.append(f"- … and {len(items) - MAX_LISTED:,} more {noun}")
    return lines


def _section_numbers(old: Path, new: Path) -> list[str]:
    before, after = _numbers(old), _numbers(new)
    rows = ["| | before | after | change |", "|---|---|---|---|"]
    for label in [*before, *(k for k in after if k not in before)]:
        a, b = before.get(label), after.get(label)
        delta = "" if a is None or b is None else f"{b - a:+,}"
        rows.append(f"| {label} | {'-' if a is None else f'{a:,}'} | {'-' if b is None else f'{b:,}'} | {delta} |")
    return ["## Key numbers", "", *rows, ""]


def _section_claims(old: Path, new: Path) -> list[str]:
    before, after = _table(old, "claims"), _table(new, "claims")
    if before is None or after is None:
        return []
    added, removed, changed = row_changes(before, after, KEYS["claims"], WATCHED["claims"])
    label_of = {
        **dict(zip(before["cluster_id"], before["cluster_label"])),
        **dict(zip(after["cluster_id"], after["cluster_label"])),
    }
    lines = [
        "## Claims",
        "",
        f"{plural(len(added), 'claim')} added, {len(removed)} removed, "
        f"{len({c[0] for c in changed})} changed (by claim id).",
        "",
    ]
    lines += _listed([f"added {code(c)}: {cell(label_of.get(c, ''), 160)}" for c in added], "claims added")
    lines += _listed([f"removed {code(c)}: {cell(label_of.get(c, ''), 160)}" for c in removed], "claims removed")
    lines += _listed(
        [f"{code(k)} {column}: {_value(a, 120)} → {_value(b, 120)}" for k, column, a, b in changed], "changes"
    )
    return lines + [""]


def _section_framing(old: Path, new: Path) -> list[str]:
    before, after = _table(old, "outlets"), _table(new, "outlets")
    if before is None or after is None:
        return []
    merged = before.merge(after, on="outlet", how="outer", suffixes=("_old", "_new"), indicator="side")
    lines = ["## Framing per outlet", ""]
    moves = []
    for row in merged.to_dict("records"):
        if row["side"] != "both":
            moves.append(f"{cell(row['outlet'])}: {'only before' if row['side'] == 'left_only' else 'new outlet'}")
            continue
        parts = []
        for measure, label in SHARES.items():
            a, b = (
                pd.to_numeric(row.get(f"{measure}_old"), errors="coerce"),
                pd.to_numeric(row.get(f"{measure}_new"), errors="coerce"),
            )
            if pd.isna(a) and pd.isna(b):
                continue
            if pd.isna(a) or pd.isna(b) or abs(b - a) * 100 >= MIN_POINTS:
                shown = lambda v: "-" if pd.isna(v) else f"{v:.0%}"
                parts.append(f"{label} {shown(a)} → {shown(b)}")
        if parts:
            moves.append(f"{cell(row['outlet'])}: " + ", ".join(parts))
    if not moves:
        return lines + [f"No outlet's framing shares moved by {MIN_POINTS:.0f} point or more.", ""]
    return lines + _listed(moves, "outlets") + [""]


def _section_contradictions(old: Path, new: Path) -> list[str]:
    before, after = _table(old, "contradictions"), _table(new, "contradictions")
    if before is None or after is None:
        return []
    key = [c for c in CONTRADICTION_KEY if c in before.columns and c in after.columns]
    added, removed, _ = row_changes(before, after, key, [])
    lines = ["## Disagreements between outlets", "", f"{len(added)} new, {len(removed)} gone.", ""]
    lines += _listed([f"new: {cell(k)}" for k in added], "new disagreements")
    lines += _listed([f"gone: {cell(k)}" for k in removed], "disagreements gone")
    return lines + [""]


def _section_tables(old: Path, new: Path) -> list[str]:
    lines = ["## Rows of the key tables", ""]
    for name in ("documents", "outlets", "statements"):
        before, after = _table(old, name), _table(new, name)
        if before is None or after is None:
            continue
        added, removed, changed = row_changes(before, after, KEYS[name], WATCHED[name])
        rows = len({c[0] for c in changed})
        lines.append(
            f"- `{name}.csv`: {len(added):,} added, {len(removed):,} removed, {rows:,} changed"
            + (f" ({', '.join(sorted({c[1] for c in changed}))})" if changed else "")
            + "."
        )
        examples = [f"  - {code(k)} {column}: {_value(a, 100)} → {_value(b, 100)}" for k, column, a, b in changed[:5]]
        examples += [f"  - removed {code(k)}" for k in removed[:3]] + [f"  - added {code(k)}" for k in added[:3]]
        lines += examples
    return lines + [""]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _section_figures(old: Path, new: Path) -> list[str]:
    names = sorted({p.name for side in (old, new) for p in (side / "figures").glob("*.png")})
    changed = []
    for name in names:
        a, b = old / "figures" / name, new / "figures" / name
        if not a.is_file() or not b.is_file():
            changed.append(f"`{name}` {'added' if b.is_file() else 'removed'}")
        elif _digest(a) != _digest(b):
            csv_a, csv_b = a.with_suffix(".csv"), b.with_suffix(".csv")
            same = csv_a.is_file() and csv_b.is_file() and _digest(csv_a) == _digest(csv_b)
            changed.append(f"`{name}` ({'drawing only, the same numbers' if same else 'numbers changed'})")
    lines = ["## Figures", ""]
    return lines + (_listed(changed, "figures") if changed else ["No figure changed."]) + [""]


def summary(old: Path, new: Path, old_name: str = "before", new_name: str = "after") -> str:
    """The Markdown summary of what changed from report folder ``old`` to ``new``."""
    lines = [f"# Report changes: {cell(old_name)} → {cell(new_name)}", ""]
    for section in (
        _section_numbers,
        _section_claims,
        _section_framing,
        _section_contradictions,
        _section_tables,
        _section_figures,
    ):
        lines += section(old, new)
    return "\n".join(lines).rstrip() + "\n"


def compare(old: str, new: str) -> str:
    """``summary`` of two sides, each a report folder or a git revision."""
    with report_folder(old) as before, report_folder(new) as after:
        return summary(before, after, old, new)
