"""One function per figure; each returns the figure and the numbers behind it."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns


def kept_removed_chars(budget: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Characters per document kept as body vs removed, by reason (stacked bars)."""
    wide = budget.pivot_table(index="doc_id", columns="part", values="chars", aggfunc="sum", fill_value=0)
    order = ["body (kept)"] + sorted(c for c in wide.columns if c != "body (kept)")
    wide = wide.reindex(columns=[c for c in order if c in wide.columns]).sort_index(ascending=False)
    removed_palette = [c for i, c in enumerate(sns.color_palette("Set2", 8)) if i != 2]  # no blue: blue is body
    colours = ["#33557f"] + removed_palette[: len(wide.columns) - 1]
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(wide) + 1.6))
    left = pd.Series(0, index=wide.index)
    for column, colour in zip(wide.columns, colours):
        ax.barh(wide.index, wide[column], left=left, color=colour, label=column)
        left += wide[column]
    ax.set_xlabel("characters of raw text")
    ax.set_ylabel("document")
    ax.set_title("Where each document's characters went: kept as body, or removed and why")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, frameon=False)
    fig.tight_layout()
    return fig, wide.sort_index().reset_index()


#: One colour per speaker group, the same in every figure.
GROUP_COLOURS = {
    "Ukraine": "#f2c14e", "Russia": "#c0392b", "Iran": "#2e8b57", "United States": "#34495e",
    "European Union": "#3b6fb6", "NATO": "#7f8fa6", "Media": "#9b59b6", "Other": "#b8a98f",
    "(article's own voice)": "#dddddd",
}


def statements_by_group(statements: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Statements per document, stacked by the speaker group they are attributed to."""
    voiced = statements.assign(group=statements["speaker_group"].replace("", "(article's own voice)"))
    counts = voiced.groupby(["doc_id", "group"]).size().unstack(fill_value=0)
    order = [g for g in GROUP_COLOURS if g in counts.columns] + sorted(set(counts.columns) - set(GROUP_COLOURS))
    counts = counts[order].sort_index(ascending=False)
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(counts) + 1.8))
    counts.plot.barh(stacked=True, ax=ax, width=0.75,
                     color=[GROUP_COLOURS.get(g, "#999999") for g in counts.columns])
    ax.set_xlabel("statements (sentences of body text)")
    ax.set_ylabel("document")
    ax.set_title("Whose voice each document carries: statements by speaker group")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4, frameon=False)
    fig.tight_layout()
    return fig, counts.sort_index().reset_index()
