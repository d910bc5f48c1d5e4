"""Sourcing graph: outlet -> cited medium -> the unnamed sources that medium cites."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from newsframe import plots, sourcing, tables

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_edges():
    if not tables.table_path(ROOT / "reports", "statements").is_file():
        pytest.skip("reports/tables/statements.csv not built yet")
    statements = tables.read_table(ROOT / "reports", "statements")
    return statements, sourcing.sourcing_edges(statements)


def pairs(edges, kind):
    part = edges[edges["kind"] == kind]
    return set(zip(part["source"].str.replace(r"_.*", "", regex=True), part["target"]))


def test_outlets_cite_media(seed_edges):
    _, edges = seed_edges
    assert {
        ("001", "CNN"),
        ("001", "Wall Street Journal"),
        ("001", "Reuters"),
        ("002", "Wall Street Journal"),
        ("003", "Reuters"),
        ("004", "CNN"),
    } == pairs(edges, "cites medium")


def test_media_cite_unnamed_sources(seed_edges):
    _, edges = seed_edges
    found = pairs(edges, "medium cites unnamed source")
    assert ("Reuters", "two European intelligence sources") in found
    assert ("CNN", "an official from a European country") in found
    assert ("CNN", "unidentified sources (cited by CNN)") in found  # "..., citing unidentified sources"
    assert ("Wall Street Journal", "unidentified sources (cited by Wall Street Journal)") in found


def test_every_edge_is_traceable(seed_edges):
    statements, edges = seed_edges
    assert list(edges.columns) == sourcing.COLUMNS
    texts = statements.set_index("statement_id")["text"]
    assert (edges["statement_id"].map(texts) == edges["text"]).all()


def test_layout_is_layered_and_deterministic(seed_edges):
    statements, edges = seed_edges
    nodes = sourcing.layout(edges, sorted(statements["doc_id"].unique()))
    assert set(nodes["x"]) == {0.0, 1.0, 2.0}
    assert nodes.loc[nodes["layer"] == "outlet", "node"].tolist() == sorted(statements["doc_id"].unique())
    pd.testing.assert_frame_equal(
        nodes, sourcing.layout(edges.sample(frac=1, random_state=2), sorted(statements["doc_id"].unique()))
    )
    fig, numbers = plots.sourcing_graph(edges, statements["doc_id"].unique())
    assert numbers["n_statements"].sum() == len(edges)
    plt.close(fig)


def test_no_citations_no_edges():
    statements = pd.DataFrame(
        [
            {
                "doc_id": "a",
                "statement_id": "a:000",
                "start": 0,
                "text": "It rained.",
                "speaker": "",
                "speaker_group": "",
                "cited_media": "",
                "source_text": "",
            }
        ]
    )
    edges = sourcing.sourcing_edges(statements)
    assert edges.empty and list(edges.columns) == sourcing.COLUMNS
    assert sourcing.edge_summary(edges).empty


def test_edges_do_not_depend_on_row_order(seed_edges):
    statements, edges = seed_edges
    pd.testing.assert_frame_equal(edges, sourcing.sourcing_edges(statements.sample(frac=1, random_state=6)))
