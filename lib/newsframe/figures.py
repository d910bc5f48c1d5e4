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
    plt.close(fig)
    # Labels are corpus text: formula-like cells are guarded as in tables/ (see tables.defuse_formulas).
    (folder / f"{name}.csv").write_text(to_csv_text(data), encoding="utf-8", newline="")
    return Image(data=png.read_bytes(), format="png")
