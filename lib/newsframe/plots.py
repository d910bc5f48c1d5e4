"""One function per figure; each returns the figure and the numbers behind it."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd
import seaborn as sns

from .outlets import busiest

#: Bars (documents) one figure shows; larger corpora show their largest documents (the CSV has all).
MAX_BARS = 40
#: Panels of a small-multiples figure.
MAX_PANELS = 12
#: Rows (documents) and columns (claims) of an annotated heatmap.
MAX_HEATMAP_ROWS = MAX_BARS
MAX_HEATMAP_COLUMNS = MAX_BARS
#: Points of a scatter plot; larger inputs show a seeded random sample of this many.
MAX_POINTS = 5_000
#: Outlets, media and unnamed sources (nodes per layer) of the sourcing graph.
MAX_NODES = MAX_BARS


def _largest(wide: pd.DataFrame, limit: int = MAX_BARS, noun: str = "documents") -> tuple[pd.DataFrame, str]:
    """The ``limit`` rows with the largest totals, and a title suffix saying what was left out."""
    if len(wide) <= limit:
        return wide, ""
    keep = wide.sum(axis=1).sort_values(ascending=False, kind="mergesort").index[:limit]
    return wide.loc[wide.index.isin(keep)], f" (the {limit} largest of {len(wide):,} {noun})"


#: Characters of a document's name on an axis (``outlets.document_labels`` with this width).
LABEL_WIDTH = 60


def _documents_axis(shown: pd.DataFrame, labels: Mapping[str, str] | None) -> pd.DataFrame:
    """Rows named as a reader recognises them (outlet, date: title) instead of by doc_id, in
    reading order from the top; the figure's CSV keeps the ids. Duplicate names get their id."""
    if not labels:
        return shown.sort_index(ascending=False)
    names = pd.Series([labels.get(d, d) for d in shown.index], index=shown.index)
    repeated = names.duplicated(keep=False)
    names[repeated] = names[repeated] + " [" + names.index[repeated] + "]"
    return shown.set_axis(names.to_list()).sort_index(ascending=False)


def _legend_below(fig, ax, ncol: int) -> None:
    """The axes' legend under the figure, at the same distance however tall the figure is."""
    handles, names = ax.get_legend_handles_labels()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    fig.legend(handles, names, loc="outside lower center", ncol=ncol, frameon=False)


def kept_removed_chars(
    budget: pd.DataFrame, labels: Mapping[str, str] | None = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Characters per document kept as body vs removed, by reason (stacked bars)."""
    wide = budget.pivot_table(index="doc_id", columns="part", values="chars", aggfunc="sum", fill_value=0)
    order = ["body (kept)"] + sorted(c for c in wide.columns if c != "body (kept)")
    wide = wide.reindex(columns=[c for c in order if c in wide.columns])
    shown, note = _largest(wide)
    shown = _documents_axis(shown, labels)
    removed_palette = [c for i, c in enumerate(sns.color_palette("Set2", 8)) if i != 2]  # no blue: blue is body
    colours = ["#33557f"] + removed_palette[: len(wide.columns) - 1]
    fig, ax = plt.subplots(figsize=(10 if labels else 9, 0.55 * len(shown) + 1.6), layout="constrained")
    left = pd.Series(0, index=shown.index)
    for column, colour in zip(shown.columns, colours):
        ax.barh(shown.index, shown[column], left=left, color=colour, label=column)
        left += shown[column]
    ax.set_xlabel("characters of raw text")
    ax.set_ylabel("document")
    ax.set_title("Where each document's characters went: kept as body, or removed and why" + note)
    _legend_below(fig, ax, ncol=3)
    return fig, wide.sort_index().reset_index()


#: One colour per speaker group, the same in every figure.
GROUP_COLOURS = {
    "Ukraine": "#f2c14e",
    "Russia": "#c0392b",
    "Iran": "#2e8b57",
    "United States": "#34495e",
    "European Union": "#3b6fb6",
    "NATO": "#7f8fa6",
    "Media": "#9b59b6",
    "Other": "#b8a98f",
    "(article's own voice)": "#dddddd",
}


#: Speaker groups a stacked bar names (a corpus without a codebook has hundreds of sides); the
#: others are one segment, and the figure's CSV keeps every group.
MAX_GROUPS = 10


def _most_voiced(counts: pd.DataFrame) -> pd.DataFrame:
    """The ``MAX_GROUPS - 1`` groups with the most statements, in their order, and the rest summed."""
    if counts.shape[1] <= MAX_GROUPS:
        return counts
    top = set(counts.sum().sort_values(ascending=False, kind="mergesort").index[: MAX_GROUPS - 1])
    keep = [g for g in counts.columns if g in top]
    rest = counts.drop(columns=keep).sum(axis=1)
    return counts[keep].assign(**{f"{counts.shape[1] - len(keep):,} other groups": rest})


def _group_colours(groups) -> list:
    """The fixed colour of a known group; the others take distinct colours in turn (grey: the rest)."""
    spare = iter(sns.color_palette("tab10", 10).as_hex())
    return [
        GROUP_COLOURS.get(g) or ("#999999" if g.endswith(" other groups") else next(spare, "#999999")) for g in groups
    ]


def statements_by_group(
    statements: pd.DataFrame, labels: Mapping[str, str] | None = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Statements per document, stacked by the speaker group they are attributed to."""
    voiced = statements.assign(group=statements["speaker_group"].replace("", "(article's own voice)"))
    counts = voiced.groupby(["doc_id", "group"]).size().unstack(fill_value=0)
    order = [g for g in GROUP_COLOURS if g in counts.columns] + sorted(set(counts.columns) - set(GROUP_COLOURS))
    counts = counts[order]
    shown, note = _largest(_most_voiced(counts))
    shown = _documents_axis(shown, labels)
    fig, ax = plt.subplots(figsize=(10 if labels else 9, 0.55 * len(shown) + 1.8), layout="constrained")
    shown.plot.barh(stacked=True, ax=ax, width=0.75, color=_group_colours(shown.columns))
    ax.set_xlabel("statements (sentences of body text)")
    ax.set_ylabel("document")
    ax.set_title("Whose voice each document carries: statements by speaker group" + note)
    _legend_below(fig, ax, ncol=4)
    return fig, counts.sort_index().reset_index()


# --- stage 4: framing ----------------------------------------------------------------------------

#: Colours of the stance segments, the same in every stage-4 figure.
STANCE_COLOURS = {
    "affirm (own voice)": "#8c2d04",
    "affirm (attributed)": "#f16913",
    "hedge": "#fdd0a2",
    "deny": "#2171b5",
}


#: The per-outlet framing shares drawn, with their labels.
FRAMING_SHARES = {
    "share_fact": "affirm (own voice)",
    "share_allegation": "affirm (attributed)",
    "share_hedge": "hedge",
    "share_deny": "deny",
}


def framing_by_outlet(outlets: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Of each outlet's statements about the claim: the share asserted as fact in its own voice,
    reported as someone's assertion, hedged and denied, each with its 95% bootstrap interval over
    the outlet's documents (from ``outlets.outlet_table``). Outlets with no statement about the
    claim have nothing to draw and are left out of the figure (the CSV keeps them)."""
    rows = []
    for r in outlets.itertuples(index=False):
        for measure, label in FRAMING_SHARES.items():
            rows.append(
                {
                    "outlet": r.outlet,
                    "n_documents": r.n_documents,
                    "n_about_claim": r.n_about_claim,
                    "measure": label,
                    "share": getattr(r, measure),
                    "low": getattr(r, f"{measure}_low"),
                    "high": getattr(r, f"{measure}_high"),
                }
            )
    numbers = pd.DataFrame(rows, columns=["outlet", "n_documents", "n_about_claim", "measure", "share", "low", "high"])
    about = numbers[numbers["n_about_claim"].astype(int) > 0]
    carrying = about.drop_duplicates("outlet")
    shown = busiest(carrying, MAX_BARS, "n_about_claim")
    note = (
        f" (the {len(shown)} of {len(carrying):,} outlets with the most statements about it)"
        if len(shown) < len(carrying)
        else ""
    )
    about = about[about["outlet"].isin(shown)]
    outlet_order = sorted(about["outlet"].unique())
    fig, ax = plt.subplots(figsize=(9, 0.5 * max(len(outlet_order), 1) + 2.0), layout="constrained")
    offsets = {label: (i - 1.5) * 0.18 for i, label in enumerate(FRAMING_SHARES.values())}
    position = {o: i for i, o in enumerate(outlet_order)}
    for label, part in about.groupby("measure", sort=False):
        y = part["outlet"].map(position).to_numpy() + offsets[label]
        share = part["share"].astype(float).to_numpy()
        low = part["low"].astype(float).fillna(part["share"].astype(float)).to_numpy()
        high = part["high"].astype(float).fillna(part["share"].astype(float)).to_numpy()
        ax.errorbar(
            share,
            y,
            xerr=[share - low, high - share],
            fmt="o",
            color=STANCE_COLOURS[label],
            label=label,
            markersize=5,
            capsize=2,
            linewidth=1,
        )
    ax.set_yticks(range(len(outlet_order)), outlet_order)
    if not outlet_order:
        ax.text(
            0.5,
            0.5,
            "No statement of any outlet is about the claim under study",
            ha="center",
            va="center",
            transform=ax.transAxes,
            color="#666666",
        )
    ax.invert_yaxis()
    ax.set_xlim(-0.02, 1.02)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel("share of the outlet's statements about the claim (95% interval over its documents)")
    ax.set_ylabel("outlet")
    ax.set_title("What each outlet treats as fact, as allegation, as uncertain, and as denied" + note)
    _legend_below(fig, ax, ncol=4)
    return fig, numbers


def distinctive_terms(
    terms: pd.DataFrame, top_n: int = 8, shown: list[str] | None = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples, one panel per outlet (the table's first column: outlet or document): its
    most distinctive words by z-score (weighted log-odds with an informative Dirichlet prior);
    dark bars are significant after the Benjamini-Hochberg correction. ``shown`` picks the panels
    when there are more than ``MAX_PANELS`` (``outlets.busiest``); else the first by name.
    Each panel has its own scale: a small outlet's words would vanish next to a large one's."""
    unit = terms.columns[0]
    numbers = (
        terms[terms["rank"] <= top_n]
        .sort_values([unit, "rank"], kind="mergesort")[
            [unit, "rank", "term", "count_in_doc", "count_elsewhere", "z", "q_value", "significant"]
        ]
        .reset_index(drop=True)
    )
    every = sorted(numbers[unit].unique())
    units = [u for u in (shown or every) if u in set(every)][:MAX_PANELS]
    noun = "outlets" if unit == "outlet" else "documents"
    which = "the busiest" if shown else "the first"
    note = f" ({which} {len(units)} of {len(every):,} {noun}; all in the CSV)" if len(every) > len(units) else ""
    columns = min(3, max(len(units), 1))
    rows = max(1, -(-len(units) // columns))
    fig, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 0.32 * top_n * rows + 1.4 * rows), squeeze=False)
    for ax, name in zip(axes.flat, units):
        part = numbers[numbers[unit] == name]
        colours = ["#33557f" if s else "#a9b8cc" for s in part["significant"]]
        sns.barplot(
            x=part["z"].to_numpy(),
            y=part["term"].to_numpy(),
            hue=part["term"].to_numpy(),
            palette=colours,
            legend=False,
            ax=ax,
            orient="h",
        )
        ax.set_title(name if len(name) <= 40 else name[:39] + "\u2026", fontsize=10)
        ax.set_xlim(0, max(float(part["z"].max()) if len(part) else 0.0, 1.0) * 1.1)
        ax.set_xlabel("z-score")
        ax.set_ylabel("")
        ax.xaxis.set_tick_params(labelbottom=True)
    for ax in list(axes.flat)[len(units) :]:
        ax.set_visible(False)
    fig.suptitle(
        f"Words that set each {noun[:-1]} apart (dark: significant at a 5% false discovery rate){note}", fontsize=12
    )
    fig.tight_layout()
    return fig, numbers


def sourcing_graph(edges: pd.DataFrame, outlets=None) -> tuple[plt.Figure, pd.DataFrame]:
    """Who cites whom: outlets (left) -> news media (middle) -> unnamed sources (right); line
    width grows with the number of statements behind an edge. Deterministic layered layout.

    A layer with more than ``MAX_NODES`` nodes keeps the busiest (``_busiest_sources``); the title
    says so, and the numbers returned are the edges drawn."""
    import numpy as np

    from . import sourcing

    edges, outlets, note = _busiest_sources(edges, outlets)
    summary = sourcing.edge_summary(edges)
    nodes = sourcing.layout(edges, outlets)
    where = {n: (x, y) for n, x, y in zip(nodes["node"], nodes["x"], nodes["y"])}
    height = max(3.5, 0.45 * max(nodes["layer"].value_counts().max() if len(nodes) else 1, 1) + 1.5)
    fig, ax = plt.subplots(figsize=(12, height))
    colours = {"cites medium": "#33557f", "medium cites unnamed source": "#9b59b6", "cites unnamed source": "#b8a98f"}
    for source, target, kind, n in summary[["source", "target", "kind", "n_statements"]].itertuples(index=False):
        (x0, y0), (x1, y1) = where[source], where[target]
        if x1 - x0 > 1:  # skips the media layer: a dashed curve around it, so it never seems to pass a medium
            t = np.linspace(0, 1, 50)
            bulge = -0.18 if y0 + y1 < 1 else 0.18
            xs, ys = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + bulge * 4 * t * (1 - t)
            ax.plot(
                xs,
                ys,
                color=colours.get(kind, "#999999"),
                linewidth=0.8 + 1.2 * n,
                alpha=0.85,
                linestyle=(0, (4, 2)),
                zorder=1,
                label=kind,
            )
        else:
            ax.plot(
                [x0, x1],
                [y0, y1],
                color=colours.get(kind, "#999999"),
                linewidth=0.8 + 1.2 * n,
                alpha=0.75,
                solid_capstyle="round",
                zorder=1,
                label=kind,
            )
    layer_colour = {"outlet": "#34495e", "medium": "#33557f", "unnamed source": "#9b59b6"}
    for node, layer, x, y in nodes.itertuples(index=False):
        ax.scatter([x], [y], s=70, color=layer_colour.get(layer, "#999999"), zorder=2)
        ha, dx = {"outlet": ("right", -0.04), "medium": ("center", 0.0), "unnamed source": ("left", 0.04)}[layer]
        ax.text(
            x + dx,
            y + (0.035 if layer == "medium" else 0),
            node,
            ha=ha,
            va="bottom" if layer == "medium" else "center",
            fontsize=9,
            zorder=3,
        )
    for x, layer in enumerate(sourcing.LAYERS):
        ax.text(
            x,
            1.24,
            {"outlet": "outlets", "medium": "news media", "unnamed source": "unnamed sources"}[layer],
            ha="center",
            fontsize=10,
            fontweight="bold",
        )
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, frameon=False)
    ax.set_xlim(-0.9, 2.9)
    ax.set_ylim(-0.12, 1.3)
    ax.axis("off")
    ax.set_title("Whom each outlet cites, and whom the cited media cite in turn" + _wrap(note))
    fig.tight_layout()
    return fig, summary


def _busiest_sources(edges: pd.DataFrame, outlets=None, limit: int = MAX_NODES):
    """The edges of a sourcing graph with at most ``limit`` nodes per layer, the outlets to add,
    and a title suffix saying what was left out ("" when nothing was).

    Keeps the ``limit`` outlets with the most citing statements (ties by name), the media they
    cite and the unnamed sources those cite; a layer still too full keeps its ``limit`` nodes
    with the most statements. Every edge stays in ``tables/sourcing_edges.csv``."""
    from . import sourcing

    outlet, medium, unnamed = sourcing.LAYERS
    if edges.empty:
        return edges, outlets, ""
    every_outlet = set(edges.loc[edges["source_layer"] == outlet, "source"]) | set(() if outlets is None else outlets)
    layer_sizes = [
        len(every_outlet),
        edges.loc[edges["target_layer"] == medium, "target"].nunique(),
        edges.loc[edges["target_layer"] == unnamed, "target"].nunique(),
    ]
    if max(layer_sizes) <= limit:
        return edges, outlets, ""

    def busiest(counts: pd.Series) -> set:
        ranked = (
            counts.rename("n")
            .reset_index()
            .sort_values(["n", counts.index.name], ascending=[False, True], kind="mergesort")
        )
        return set(ranked[counts.index.name].head(limit))

    counts = edges.loc[edges["source_layer"] == outlet].groupby("source").size()
    counts = counts.reindex(sorted(every_outlet), fill_value=0).rename_axis("source")
    kept_outlets = busiest(counts)
    part = edges[(edges["source_layer"] != outlet) | edges["source"].isin(kept_outlets)]
    media = part.loc[(part["source_layer"] == outlet) & (part["target_layer"] == medium)]
    kept_media = busiest(media.groupby("target").size().rename_axis("target"))
    part = part[
        ((part["source_layer"] == outlet) & (part["target_layer"] == medium) & part["target"].isin(kept_media))
        | ((part["source_layer"] == medium) & part["source"].isin(kept_media))
        | ((part["source_layer"] == outlet) & (part["target_layer"] == unnamed))
    ]
    sources = part.loc[part["target_layer"] == unnamed]
    kept_sources = busiest(sources.groupby("target").size().rename_axis("target"))
    part = part[(part["target_layer"] != unnamed) | part["target"].isin(kept_sources)]
    shown_outlets = None if outlets is None else sorted(set(outlets) & kept_outlets)
    shown = [
        len(set(part.loc[part["source_layer"] == outlet, "source"]) | set(shown_outlets or ())),
        part.loc[part["target_layer"] == medium, "target"].nunique(),
        part.loc[part["target_layer"] == unnamed, "target"].nunique(),
    ]
    note = (
        f"(the busiest {shown[0]} of {layer_sizes[0]:,} outlets, {shown[1]} of {layer_sizes[1]:,} media and "
        f"{shown[2]} of {layer_sizes[2]:,} unnamed sources; every edge is in tables/sourcing_edges.csv)"
    )
    return part.reset_index(drop=True), shown_outlets, note


def claims_by_k(curve: pd.DataFrame, chosen: int) -> tuple[plt.Figure, pd.DataFrame]:
    """Silhouette (and, where hand labels exist, ARI) for each number of claims tried."""
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.plot(curve["n_claims"], curve["silhouette"], marker="o", markersize=3, label="silhouette (no labels needed)")
    if "ARI" in curve and curve["ARI"].notna().any():
        ax.plot(
            curve["n_claims"],
            curve["ARI"],
            marker="s",
            markersize=3,
            color="#c0392b",
            label="ARI against the hand labels",
        )
    ax.axvline(chosen, color="#555555", linestyle="--", linewidth=1, label=f"chosen: {chosen} claims")
    ax.set_xlabel("number of claims")
    ax.set_ylabel("score")
    ax.set_title("Choosing the number of claims: silhouette (and ARI) for each number tried")
    ax.legend(loc="lower right", frameon=False)
    fig.tight_layout()
    return fig, curve.reset_index(drop=True)


def claim_coverage(
    table: pd.DataFrame,
    max_rows: int = MAX_HEATMAP_ROWS,
    max_columns: int = MAX_HEATMAP_COLUMNS,
    of_claims: int | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Statements per outlet (or document: the table's index) and claim: which outlet carries which claim.

    Larger tables show the ``max_rows`` rows with the most statements (ties by name, shown in the
    table's order) and the first ``max_columns`` claims of the table; the title
    says so, and the numbers returned (the CSV next to the PNG) are the cells shown. ``of_claims``:
    how many claims there are when ``table`` (``cluster_report.coverage``) holds only some
    (``framing.widest_claims``: those most outlets carry)."""
    noun = "outlet" if table.index.name == "outlet" else "document"
    shown, note = _largest(table, max_rows, f"{noun}s")
    shown = shown.iloc[:, :max_columns]
    some_claims = max(of_claims or 0, table.shape[1]) > shown.shape[1]
    if some_claims:
        note += f" (the {shown.shape[1]} claims most {noun}s carry, of {max(of_claims or 0, table.shape[1]):,})"
    fig, ax = plt.subplots(figsize=(max(6, 0.45 * shown.shape[1] + 3), 0.5 * shown.shape[0] + 2))
    sns.heatmap(
        shown,
        annot=True,
        fmt="d",
        cmap="Blues",
        cbar=False,
        linewidths=0.5,
        linecolor="#eeeeee",
        ax=ax,
        mask=shown == 0,
    )
    ax.set_xlabel(f"claim (carried by most {noun}s first)" if some_claims else "claim (largest first)")
    ax.set_ylabel(noun)
    ax.set_title(f"Which {noun} carries which claim: statements per {noun} and claim" + _wrap(note))
    fig.tight_layout()
    return fig, shown.reset_index()


#: Colours of ``claim_stances``: stated as fact, reported, hedged, denied.
CLAIM_STANCE_COLOURS = {"affirm": "#1b7837", "report": "#a6dba0", "hedge": "#fdb863", "deny": "#b2182b"}


def claim_stances(
    grid: pd.DataFrame,
    labels: dict[str, str],
    max_rows: int = MAX_HEATMAP_ROWS,
    max_columns: int = MAX_HEATMAP_COLUMNS,
    of_claims: int | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Claims (rows) x outlets (columns), each cell coloured by how the outlet carries the claim
    (``cluster_report.stance_grid``): who carries which claim and how, at a glance. Larger grids
    show the claims they are given and the outlets carrying most of them; the title says so.
    ``of_claims``: how many claims there are when ``grid`` holds only some (the widest, see
    ``framing.widest_claims``)."""
    note = ""
    shown = grid.iloc[:max_rows]
    if max(of_claims or 0, grid.shape[0]) > shown.shape[0]:
        note = f" (the {shown.shape[0]} claims most outlets carry, of {max(of_claims or 0, grid.shape[0]):,})"
    if shown.shape[1] > max_columns:
        keep = shown.ne("").sum().sort_values(ascending=False, kind="mergesort").index[:max_columns]
        shown = shown[[c for c in shown.columns if c in set(keep)]]
        note += f" (the {max_columns} outlets carrying most of them, of {grid.shape[1]:,})"
    codes = shown.replace({s: i for i, s in enumerate(CLAIM_STANCE_COLOURS)}).replace("", float("nan")).astype(float)
    fig, ax = plt.subplots(figsize=(max(6, 0.6 * shown.shape[1] + 6), 0.4 * max(shown.shape[0], 1) + 2))
    cmap = matplotlib.colors.ListedColormap(list(CLAIM_STANCE_COLOURS.values()))
    sns.heatmap(
        codes,
        cmap=cmap,
        vmin=-0.5,
        vmax=len(CLAIM_STANCE_COLOURS) - 0.5,
        cbar=False,
        linewidths=0.5,
        linecolor="#eeeeee",
        ax=ax,
        annot=shown.to_numpy(),
        fmt="",
    )
    ax.set_yticks([i + 0.5 for i in range(shown.shape[0])])
    ax.set_yticklabels([f"{c}: {labels.get(c, '')[:60]}" for c in shown.index], rotation=0)
    ax.set_xlabel("outlet")
    ax.set_ylabel("claim")
    ax.set_title(
        "How each outlet carries each claim (affirm = stated as fact, report = attributed, hedge, deny)" + _wrap(note)
    )
    fig.tight_layout()
    return fig, shown.reset_index()


def _wrap(note: str) -> str:
    """A title suffix on a line of its own (the title keeps the width it has without it)."""
    return "\n" + note.strip() if note else ""


def sample_points(points: pd.DataFrame, limit: int = MAX_POINTS, random_seed: int = 0) -> tuple[pd.DataFrame, str]:
    """At most ``limit`` rows: a seeded random sample in the original row order, and a title suffix
    saying so ("" when every row is kept)."""
    if len(points) <= limit:
        return points, ""
    kept = points.sample(n=limit, random_state=random_seed).sort_index(kind="mergesort")
    return kept, f" (a random {limit:,} of {len(points):,} statements)"


def claim_map(
    points: pd.DataFrame, claims: pd.DataFrame, shown: int = 10, max_points: int = MAX_POINTS, random_seed: int = 0
) -> tuple[plt.Figure, pd.DataFrame]:
    """Statements in 2-D, coloured by claim (the largest ``shown`` claims; the rest grey).

    More than ``max_points`` statements are shown as a seeded random sample of that many (the
    title says so, and the numbers returned are the points drawn)."""
    points, note = sample_points(points, max_points, random_seed)
    if not note and points.attrs.get("sample_note"):  # sampled already by cluster_report.statement_map
        note = points.attrs["sample_note"]
    top = list(claims["cluster_id"][:shown])
    labels = dict(zip(claims["cluster_id"], claims["cluster_label"]))
    palette = sns.color_palette("tab10", len(top))
    fig, ax = plt.subplots(figsize=(9, 6))
    rest = points[~points["cluster_id"].isin(top)]
    if len(rest):
        ax.scatter(rest["x"], rest["y"], s=18, color="#cccccc", label="other claims")
    for claim, colour in zip(top, palette):
        mine = points[points["cluster_id"] == claim]
        ax.scatter(mine["x"], mine["y"], s=28, color=colour, label=f"{claim}: {labels[claim][:40]}")
    ax.set_xlabel("first direction of the statement vectors")
    ax.set_ylabel("second direction")
    ax.set_title("Statements placed by similarity, coloured by claim" + _wrap(note))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    fig.tight_layout()
    return fig, points.reset_index(drop=True)
