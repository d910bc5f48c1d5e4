"""Figures: seaborn, one idea each, saved as PNG next to the CSV of the numbers behind it.

PNG metadata carries no software version or date, so the same numbers give the same bytes.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from IPython.display import Image

from . import paths
from .tables import to_csv_text

matplotlib.rcParams["svg.hashsalt"] = "newsframe"  # stable SVG ids if anyone saves SVG


def theme() -> None:
    sns.set_theme(style="whitegrid", context="notebook")
    plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 100, "figure.figsize": (9, 4.5)})


def save_figure(fig: plt.Figure, data: pd.DataFrame, out_dir, name: str) -> Image:
    """Write ``figures/<name>.png`` and ``figures/<name>.csv``; the page shows the PNG as written.
    The figure is closed: the notebook's backend drawing it a second time for the page cost as
    much as saving it (a heatmap of hundreds of cells takes seconds)."""
    folder = paths.out_dir(out_dir) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, bbox_inches="tight", metadata={"Software": None})
    alt = description(fig, f"figures/{name}.csv")
    plt.close(fig)
    # Labels are corpus text: formula-like cells are guarded as in tables/ (see tables.defuse_formulas).
    (folder / f"{name}.csv").write_text(to_csv_text(data), encoding="utf-8", newline="")
    return Image(data=png.read_bytes(), format="png", metadata={"alt": alt})


def description(fig: plt.Figure, numbers: str) -> str:
    """The page's alt text for a figure: its titles and axes, and where its numbers are, for
    readers who cannot see it (the page template escapes it)."""
    shown = [ax for ax in fig.axes if ax.get_visible()]
    titles = [fig.get_suptitle(), *(ax.get_title() for ax in shown)]
    axes = [" against ".join(a for a in (ax.get_xlabel(), ax.get_ylabel()) if a) for ax in shown if ax.axison]
    said = [" ".join(t.split()) for t in titles if t.strip()]
    said += [f"Axes: {a}" for a in dict.fromkeys(a for a in axes if a)]
    return ". ".join([*dict.fromkeys(said), f"The numbers are in {numbers}."])
