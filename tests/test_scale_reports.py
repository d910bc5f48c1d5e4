"""Reports stay readable as the corpus grows: per-document parts of findings.md, figures and the
segmenter comparison show a bounded, deterministic selection and say what they left out.

Not timing tests: the corpora here are the seed tables copied many times under new ids, and the
assertions are about what is shown and what the text says about the rest."""

import html
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from newsframe import cluster_report, findings, framing, outlets, plots, segment, sourcing, tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TABLES = (
    "documents",
    "statements",
    "framing",
    "outlets",
    "contradictions",
    "distinctive_terms",
    "sourcing_edges",
    "claims",
)


def _rename(frame: pd.DataFrame, ids: list[str], suffix: str) -> pd.DataFrame:
    """Every doc id (alone or in a statement id ``doc:NNN``) in every text column gets ``suffix``."""
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = [
                pattern.sub(lambda m: m.group(1) + suffix, v) if isinstance(v, str) else v for v in frame[column]
            ]
    return frame


def copied_corpus(out: Path, copies: int) -> Path:
    """The committed seed tables, each document copied ``copies`` times under new ids."""
    source = ROOT / "reports"
    if not all(tables.table_path(source, name).is_file() for name in TABLES):
        pytest.skip("reports/tables not built yet")
    ids = sorted(tables.read_table(source, "documents")["doc_id"])
    (out / "tables").mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        frame = tables.read_table(source, name)
        if name == "claims":
            copy = frame
        else:
            copy = pd.concat([_rename(frame, ids, f"_c{i:03d}") for i in range(copies)], ignore_index=True)
        tables.write_table(copy, out, name)
    return out


@pytest.fixture(scope="module")
def hundred(tmp_path_factory):
    out = copied_corpus(tmp_path_factory.mktemp("hundred"), 20)
    return out, findings.from_tables(out, figures={})


def _table_rows(body: str) -> list[str]:
    return [line for line in body.splitlines() if line.startswith("| ") and not line.startswith("| ---")]


def test_findings_show_the_top_outlets_and_say_how_many_were_left_out(hundred):
    out, found = hundred
    by_outlet = tables.read_table(out, "outlets")
    assert len(by_outlet) == 100  # the seeds name no outlets: each document is one
    page = findings.sections(found.markdown)
    headings = re.findall(r"^### `([^`]+)`", page["Each outlet"], flags=re.M)
    assert len(headings) == findings.MAX_OUTLETS == 20
    expected = sorted(
        by_outlet.sort_values(["n_statements", "outlet"], ascending=[False, True], kind="mergesort")["outlet"].head(20)
    )
    assert headings == expected == outlets.busiest(by_outlet, findings.MAX_OUTLETS)
    assert (
        "The other 80 of the 100 outlets are left out here: their numbers are in `tables/outlets.csv`"
        in page["Each outlet"]
    )
    framing_rows = [row.split("|")[1].strip().split("`")[1] for row in _table_rows(page["Framing by outlet"])[1:]]
    assert framing_rows == expected
    assert "Showing 20 of 100 outlets; the other 80 are left out here." in page["Framing by outlet"]
    # the headline numbers still count every document
    assert found.numbers["documents"] == 100
    assert found.numbers["statements"] == len(tables.read_table(out, "statements"))


def test_every_long_table_is_cut_and_names_its_full_table(hundred):
    out, found = hundred
    page = findings.sections(found.markdown)
    n_contradictions = len(tables.read_table(out, "contradictions"))
    assert n_contradictions > findings.MAX_ROWS
    assert len(_table_rows(page["Where outlets disagree"])) == findings.MAX_ROWS + 1  # header
    assert f"Showing 50 of {n_contradictions:,} disagreements" in page["Where outlets disagree"]
    assert "`tables/contradictions.csv`" in page["Where outlets disagree"]
    for title, full_table in (
        ("Whom they cite", "sourcing_edges"),
        ("Distinctive vocabulary", "distinctive_terms"),
        ("Timeline", "timeline"),
        ("Claims carried and omitted", "claims"),
    ):
        assert len(_table_rows(page[title])) <= findings.MAX_ROWS + 1, title
        assert f"`tables/{full_table}.csv`" in page[title], title
    claim_header = _table_rows(page["Claims carried and omitted"])[0]
    assert claim_header.count("`") // 2 == findings.MAX_OUTLETS  # one column per outlet shown


def test_findings_size_does_not_grow_with_the_corpus(hundred, tmp_path):
    _, found = hundred
    bigger = findings.from_tables(copied_corpus(tmp_path, 40), figures={})
    assert bigger.numbers["documents"] == 200
    # the same lines, apart from numbers and ids
    assert len(bigger.markdown.splitlines()) == len(found.markdown.splitlines())
    assert "The other 180 of the 200 outlets are left out here" in bigger.markdown


def test_small_corpus_keeps_every_section(tmp_path):
    out = copied_corpus(tmp_path, 1)
    found = findings.from_tables(out, figures={})
    assert "left out" not in found.markdown and "Showing" not in found.markdown
    assert len(re.findall(r"^### ", found.markdown, flags=re.M)) == 5


def test_capped_heatmap_csv_holds_the_cells_shown():
    rng = np.random.default_rng(0)
    table = pd.DataFrame(
        rng.integers(0, 5, size=(100, 6)),
        columns=[f"C{i:02d}" for i in range(1, 7)],
        index=pd.Index([f"d{i:03d}" for i in range(100)], name="doc_id"),
    ).rename_axis(columns="claim")
    figure, numbers = plots.claim_coverage(table)
    assert len(numbers) <= plots.MAX_HEATMAP_ROWS == 40
    totals = table.sum(axis=1)
    expected = totals.sort_values(ascending=False, kind="mergesort").index[:40]
    assert set(numbers["doc_id"]) == set(expected)
    assert numbers.set_index("doc_id").equals(table.loc[sorted(expected)])
    assert "the 40 largest of 100 documents" in figure.axes[0].get_title()
    plt.close(figure)
    small = table.head(5)
    figure, numbers = plots.claim_coverage(small)
    assert len(numbers) == 5 and "largest" not in figure.axes[0].get_title()
    plt.close(figure)


def test_claim_map_draws_a_seeded_sample():
    n = plots.MAX_POINTS + 1_000
    points = pd.DataFrame(
        {
            "statement_id": [f"d:{i:05d}" for i in range(n)],
            "doc_id": "d",
            "cluster_id": ["C01", "C02"] * (n // 2),
            "x": np.linspace(0, 1, n),
            "y": 0.0,
        }
    )
    claims = pd.DataFrame({"cluster_id": ["C01", "C02"], "cluster_label": ["one", "two"]})
    figure, numbers = plots.claim_map(points, claims)
    again, numbers_again = plots.claim_map(points, claims)
    assert len(numbers) == plots.MAX_POINTS
    assert numbers.equals(numbers_again)  # seeded
    assert f"a random 5,000 of {n:,} statements" in figure.axes[0].get_title()
    plt.close(figure), plt.close(again)


def test_statement_map_maps_whole_documents_of_a_large_corpus(hundred):
    out, _ = hundred
    statements = tables.read_table(out, "statements")
    placed = cluster_report.statement_map(statements, limit=500)
    assert 0 < len(placed) <= 500
    per_doc = statements.groupby("doc_id").size()
    assert (placed.groupby("doc_id").size() == per_doc[placed["doc_id"].unique()]).all()  # whole documents
    assert placed.attrs["sample_note"].startswith(f"(a random {len(placed):,} of {len(statements):,} statements")
    assert placed.equals(cluster_report.statement_map(statements, limit=500))
    claims = tables.read_table(out, "claims")
    figure, _ = plots.claim_map(placed, claims)
    assert placed.attrs["sample_note"] in figure.axes[0].get_title()
    plt.close(figure)


def test_sourcing_graph_keeps_the_busiest_outlets(hundred):
    out, _ = hundred
    edges = tables.read_table(out, "sourcing_edges")
    figure, numbers = plots.sourcing_graph(edges)
    outlets = numbers.loc[numbers["source_layer"] == sourcing.LAYERS[0], "source"].nunique()
    assert 0 < outlets <= plots.MAX_NODES
    for layer in sourcing.LAYERS[1:]:
        assert numbers.loc[numbers["target_layer"] == layer, "target"].nunique() <= plots.MAX_NODES
    assert "tables/sourcing_edges.csv" in figure.axes[0].get_title()
    plt.close(figure)


def _synthetic_docs(n: int) -> dict[str, tuple[str, list]]:
    text = "Mr. Smith said the U.S. envoy met him. “We are ready.” Officials denied it.(UAVs).Although small. "
    docs = {}
    for i in reversed(range(n)):  # keys not in id order: the sample must not depend on it
        body = text * 10
        docs[f"doc{i:03d}"] = (body, segment.line_blocks(body))
    return docs


def test_segmenter_comparison_on_a_big_input_says_it_sampled():
    docs = _synthetic_docs(40)
    per_doc = segment._block_chars(next(iter(docs.values()))[1])
    table = segment.compare_segmenters(docs, repeat=1, max_chars=5 * per_doc)
    assert table.attrs["sampled"] and table.attrs["documents"] == 5 and table.attrs["documents_total"] == 40
    assert "the first 5 of 40 documents (in doc_id order)" in table.attrs["sample_note"]
    assert table.drop(columns="mb_per_s").attrs["sample_note"] == table.attrs["sample_note"]
    listed = segment.compare_segmenters(list(docs.values()), repeat=1, max_chars=5 * per_doc)
    assert listed.attrs["documents"] == 5 and "in corpus order" in listed.attrs["sample_note"]
    found = segment.disagreements(docs, max_chars=5 * per_doc)
    assert found.attrs["sampled"] and set(found["doc_id"]) <= {f"doc{i:03d}" for i in range(5)}
    chosen, note = segment.sample(docs, 5 * per_doc)
    assert list(chosen) == [f"doc{i:03d}" for i in range(5)] and note


def test_segmenter_comparison_reads_all_of_a_small_corpus():
    docs = {
        p.stem: (p.read_text(encoding="utf-8"), segment.line_blocks(p.read_text(encoding="utf-8")))
        for p in sorted(SEEDS.glob("*.txt"))
    }
    assert sum(segment._block_chars(b) for _, b in docs.values()) < segment.SAMPLE_CHARS
    table = segment.disagreements(docs)
    assert table.attrs["sample_note"] == "" and not table.attrs["sampled"]
    assert table.attrs["documents"] == table.attrs["documents_total"] == len(docs)
    chosen, note = segment.sample(docs)
    assert chosen == docs and note == ""


def test_capped_table_shows_its_sample_note(monkeypatch):
    from newsframe import notebook

    shown = []
    monkeypatch.setattr(notebook, "display", lambda obj: shown.append(obj.data))
    docs = _synthetic_docs(10)
    per_doc = segment._block_chars(next(iter(docs.values()))[1])
    table = segment.compare_segmenters(docs, repeat=1, max_chars=2 * per_doc)
    assert notebook.capped(table.drop(columns="mb_per_s")).equals(table.drop(columns="mb_per_s"))
    assert shown == [
        f"<p><em>{table.attrs['sample_note']}</em></p>\n".replace(
            "`segment.SAMPLE_CHARS`", "<code>segment.SAMPLE_CHARS</code>"
        )
    ]
    shown.clear()
    notebook.capped(pd.DataFrame({"a": [1, 2]}))
    assert shown == []


def test_statements_by_group_names_the_most_voiced_groups_only():
    """Without a codebook a corpus has hundreds of sides: the bars name the largest, the rest is
    one segment, and the figure's CSV keeps every group."""
    groups = [f"Side {i:03d}" for i in range(60)]
    statements = pd.DataFrame(
        {"doc_id": [f"d{i % 7}" for i in range(600)], "speaker_group": [groups[i % 60] for i in range(600)]}
    )
    statements.loc[:99, "speaker_group"] = "Side 059"  # the most voiced, although last in order
    figure, numbers = plots.statements_by_group(statements)
    labels = [t.get_text() for t in figure.legends[0].get_texts()]
    plt.close(figure)
    assert len(labels) == plots.MAX_GROUPS and "Side 059" in labels
    assert labels[-1] == f"{60 - plots.MAX_GROUPS + 1} other groups"
    assert set(groups) <= set(numbers.columns)


def test_document_axes_name_documents_as_readers_know_them():
    """Bars are named "outlet, date: title" (shortened), sorted so an outlet's documents sit
    together; two documents with one name keep their ids apart; the CSV keeps the ids."""
    documents = pd.DataFrame(
        {
            "doc_id": ["z1", "a2", "m3", "q4"],
            "title": ["A very long headline " * 6, "Short", "Short", ""],
            "outlet": ["Beta Post", "Alpha Daily", "Alpha Daily", ""],
            "published": ["2020-01-02", "2019-05-06", "2019-05-06", ""],
        }
    )
    statements = pd.DataFrame({"doc_id": ["z1", "a2", "m3", "q4"] * 3, "speaker_group": ["", "Media", "", "Iran"] * 3})
    labels = outlets.document_labels(documents, plots.LABEL_WIDTH)
    assert labels["q4"] == "q4" and all(len(label) <= plots.LABEL_WIDTH for label in labels.values())
    figure, numbers = plots.statements_by_group(statements, labels)
    ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()][::-1]  # top to bottom
    plt.close(figure)
    assert ticks[:2] == ["Alpha Daily, 2019-05-06: Short [a2]", "Alpha Daily, 2019-05-06: Short [m3]"]
    assert ticks[2].startswith("Beta Post, 2020-01-02: A very long headline") and ticks[2].endswith("\u2026")
    assert sorted(numbers["doc_id"]) == ["a2", "m3", "q4", "z1"]


@pytest.mark.parametrize("n_documents", [3, 40])
def test_legend_sits_under_the_axes_however_tall_the_figure(n_documents):
    """The legend used to hang a fraction of the axes' height below them: a tall figure had a
    gap of inches between the bars and their key."""
    statements = pd.DataFrame(
        {"doc_id": [f"d{i:02d}" for i in range(n_documents)] * 2, "speaker_group": ["Iran", ""] * n_documents}
    )
    figure, _ = plots.statements_by_group(statements)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    axes_bottom = figure.axes[0].get_tightbbox(renderer).y0
    legend_top = figure.legends[0].get_window_extent(renderer).y1
    plt.close(figure)
    assert 0 <= axes_bottom - legend_top < 0.3 * figure.dpi


def test_saved_figures_describe_themselves_on_the_page(tmp_path):
    """A figure's page image carries its titles and axes as alt text (escaped), not nbconvert's
    "No description has been provided"."""
    import nbformat
    from newsframe import figures, render

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ax.set_title('Claims <b>"quoted"</b> & more')
    ax.set_xlabel("documents")
    image = figures.save_figure(fig, pd.DataFrame({"x": [0, 1]}), tmp_path, "line")
    assert image.metadata["alt"].startswith('Claims <b>"quoted"</b> & more. Axes: documents.')
    assert image.metadata["alt"].endswith("The numbers are in figures/line.csv.")
    data, metadata = image._repr_png_()
    cell = nbformat.v4.new_code_cell(
        outputs=[
            nbformat.v4.new_output(
                "display_data", data={"image/png": image._repr_png_()[0]}, metadata={"image/png": metadata}
            )
        ]
    )
    page = render.render(nbformat.v4.new_notebook(cells=[cell]), tmp_path / "page.html").read_text(encoding="utf-8")
    alts = re.findall(r"<img alt=('[^']*'|\"[^\"]*\")", page)
    assert [html.unescape(a[1:-1]) for a in alts] == [image.metadata["alt"]]
    assert "<b>" not in page and "No description has been provided" not in page


def test_big_claim_figures_show_the_claims_most_outlets_carry():
    """claims.csv starts with its first story's claims; a figure of 40 of thousands shows the
    claims carried by the most outlets instead, widest first, and says so. Few claims: all, in order."""
    claims = pd.DataFrame({"cluster_id": ["C1", "C2", "C3", "C4"], "n_statements": [9, 5, 5, 2]})
    statements = pd.DataFrame(
        {
            "cluster_id": ["C1", "C1", "C1", "C2", "C2", "C3", "C3", "C4", "C4", ""],
            "outlet": ["A", "A", "A", "A", "B", "A", "B", "A", "C", "C"],
        }
    )
    assert framing.widest_claims(statements, claims, 4) == ["C1", "C2", "C3", "C4"]
    assert framing.widest_claims(statements, claims, 2) == ["C2", "C3"]  # two outlets; ties by size, order
    table = cluster_report.coverage(statements, claims, by="outlet", only=["C2", "C3"])
    assert table.columns.tolist() == ["C2", "C3"] and table.index.tolist() == ["A", "B", "C"]
    figure, numbers = plots.claim_coverage(table, of_claims=len(claims))
    title, xlabel = figure.axes[0].get_title(), figure.axes[0].get_xlabel()
    plt.close(figure)
    assert "the 2 claims most outlets carry, of 4" in title and xlabel == "claim (carried by most outlets first)"
