"""Outlets as the unit of comparison: aggregation over documents, intervals, small outlets,
disagreements only between outlets, sourcing by outlet, findings one section per outlet."""

import warnings

import numpy as np
import pandas as pd
import pytest
from newsframe import contradictions, findings, framing, outlets, sourcing
from newsframe.codebook import parse_codebook
from test_framing import statement


def corpus(n_first: int = 6):
    """Two outlets of several documents and one of a single document: "The Hawk" asserts the claim
    in its own voice, "The Dove" reports Zogland's denial, "Lone Post" has one hedged article."""
    docs, rows = [], []
    for i in range(n_first):
        d = f"hawk{i}"
        docs.append(
            {
                "doc_id": d,
                "outlet": "The Hawk",
                "title": f"Hawk story {i}",
                "status": "ok",
                "published": f"2022-0{1 + i % 9}-1{i % 9}",
                "lead_frame": "accusation",
            }
        )
        rows += [
            statement(d, 0, "Zogland sent tanks to Blip.", stance="affirm"),
            statement(
                d,
                1,
                "Zogland sent more tanks, the Daily Blip reported.",
                "Daily Blip",
                "Media",
                "affirm",
                media="Daily Blip",
            ),
            statement(d, 2, "The weather was fine."),
        ]
        if i % 2:
            rows.append(statement(d, 3, "Zogland denied sending tanks.", "Zogland", "Other", "deny"))
    for i in range(4):
        d = f"dove{i}"
        docs.append(
            {"doc_id": d, "outlet": "The Dove", "title": "", "status": "ok", "published": "", "lead_frame": "denial"}
        )
        rows += [
            statement(d, 0, "Zogland denied sending tanks.", "Zogland", "Other", "deny"),
            statement(
                d,
                1,
                "Tanks may have been sent, unnamed officials said.",
                "unnamed officials",
                "Media",
                "hedge",
                hedged=True,
            ),
        ]
    docs.append(
        {
            "doc_id": "lone",
            "outlet": "Lone Post",
            "title": "Lone",
            "status": "ok",
            "published": "2021-05-01",
            "lead_frame": "neutral",
        }
    )
    rows.append(statement("lone", 0, "Tanks may have been sent.", stance="hedge", hedged=True))
    return pd.DataFrame(docs), pd.DataFrame(rows)


@pytest.fixture()
def table():
    documents, statements = corpus()
    profile = framing.profile(documents, statements)
    return documents, statements, profile, outlets.outlet_table(documents, profile, statements)


def test_one_row_per_outlet_with_documents_nested(table):
    documents, _, profile, by_outlet = table
    assert by_outlet["outlet"].tolist() == ["Lone Post", "The Dove", "The Hawk"]
    hawk = by_outlet.set_index("outlet").loc["The Hawk"]
    assert (hawk["n_documents"], hawk["n_statements"], hawk["n_about_claim"]) == (6, 21, 15)
    assert hawk["documents"] == ";".join(f"hawk{i}" for i in range(6))
    assert (hawk["first_published"], hawk["last_published"], hawk["n_dated"]) == ("2022-01-10", "2022-06-15", 6)
    # shares pooled over the outlet's documents: 6 own-voice affirmations of 15 statements about the claim
    assert hawk["share_fact"] == round(6 / 15, 4) and hawk["share_allegation"] == round(6 / 15, 4)
    assert hawk["share_deny"] == round(3 / 15, 4) and hawk["share_own_voice"] == round(12 / 21, 4)
    assert hawk["leading_voice"] == "Media" and hawk["n_leading_voice"] == 6
    assert (hawk["lead_accusation"], hawk["lead_denial"]) == (6, 0)
    assert hawk["cited_media"] == "Daily Blip"
    dove = by_outlet.set_index("outlet").loc["The Dove"]
    assert dove["share_deny"] == 0.5 and dove["share_unnamed"] == 0.5 and dove["first_published"] == ""


def test_intervals_resample_documents(table):
    _, _, _, by_outlet = table
    rows = by_outlet.set_index("outlet")
    hawk = rows.loc["The Hawk"]
    # documents differ in their denials (every second one has one): the interval is not a point
    assert hawk["share_deny_low"] < hawk["share_deny"] < hawk["share_deny_high"]
    assert hawk["share_deny_low"] >= 0 and hawk["share_deny_high"] <= 1 / 3  # all resampled documents with a denial
    # every Dove document is alike: resampling them changes nothing
    assert rows.loc["The Dove", "share_deny_low"] == rows.loc["The Dove", "share_deny_high"] == 0.5
    # one document: no interval, and flagged as small
    assert np.isnan(rows.loc["Lone Post", "share_hedge_low"]) and rows.loc["Lone Post", "small"]
    assert not hawk["small"] and not rows.loc["The Dove", "small"]
    assert outlets.interval_text(hawk, "share_deny").startswith("20% (")
    assert outlets.interval_text(rows.loc["Lone Post"], "share_hedge") == "100%"


def test_intervals_are_seeded_per_outlet(table):
    documents, statements, profile, by_outlet = table
    again = outlets.outlet_table(documents, profile, statements)
    pd.testing.assert_frame_equal(by_outlet, again)
    # dropping an outlet leaves the intervals of the others as they were
    keep = documents["outlet"] != "Lone Post"
    fewer = outlets.outlet_table(documents[keep], profile[keep.to_numpy()], statements[statements["doc_id"] != "lone"])
    pd.testing.assert_frame_equal(
        fewer.reset_index(drop=True), by_outlet[by_outlet["outlet"] != "Lone Post"].reset_index(drop=True)
    )


def test_without_outlet_names_documents_are_the_units():
    documents, statements = corpus()
    documents = documents.assign(outlet="")
    assert outlets.unit_of(documents)["hawk0"] == "hawk0"
    assert "each document is compared as an outlet of its own" in outlets.units_note(documents)
    profile = framing.profile(documents, statements)
    by_document = outlets.outlet_table(documents, profile, statements)
    assert len(by_document) == len(documents) and not by_document["small"].any()
    mixed = documents.assign(outlet=["X"] + [""] * (len(documents) - 1))
    assert set(outlets.unit_of(mixed).values()) == {"X", outlets.NO_OUTLET}


CODEBOOK = parse_codebook(
    {
        "actors": [{"name": "Zogland", "group": "Other", "kind": "country"}],
        "media": ["Daily Blip"],
        "claim": {
            "terms": {"supplier": ["Zogland"], "action": ["sent", "sending"], "object": ["tanks"]},
            "require": [["object"], ["action"]],
        },
        "lexicons": {"deny": ["denied"], "negation": ["not", "never"]},
    }
)


def test_disagreements_only_between_outlets_and_inconsistencies_apart():
    documents, statements = corpus()
    unit = outlets.unit_of(documents)
    between = contradictions.contradictions(statements, CODEBOOK, outlets=unit, max_per_document=None, max_pairs=None)
    assert len(between) and (between["outlet_a"] != between["outlet_b"]).all()
    assert set(between["outlet_a"] + between["outlet_b"]) <= {a + b for a in unit.values() for b in unit.values()}
    within = contradictions.contradictions(
        statements, CODEBOOK, outlets=unit, within=True, max_per_document=None, max_pairs=None
    )
    assert len(within) and (within["outlet_a"] == within["outlet_b"]).all()
    # the Hawk stating the supply as fact against its own reports of the denial: its inconsistencies, not disagreements
    assert set(within["outlet_a"]) == {"The Hawk"}
    assert "inconsistencies within one outlet" in contradictions.within_note(within)


def test_sourcing_nodes_are_outlets():
    documents, statements = corpus()
    edges = sourcing.sourcing_edges(outlets.with_outlet(statements, documents))
    cites = edges[edges["kind"] == sourcing.KINDS[0]]
    assert set(cites["source"]) == {"The Hawk"} and set(cites["target"]) == {"Daily Blip"}
    assert cites["doc_id"].str.startswith("hawk").all()  # the evidence keeps its documents


def test_findings_one_section_per_outlet(table):
    documents, statements, profile, by_outlet = table
    documents = framing.lead(documents, statements, None, CODEBOOK)
    profile = framing.profile(documents, statements)
    by_outlet = outlets.outlet_table(documents, profile, statements)
    unit = outlets.unit_of(documents)
    between = contradictions.contradictions(statements, CODEBOOK, outlets=unit)
    found = findings.build(documents, statements, profile, by_outlet, between, figures={})
    page = findings.sections(found.markdown)
    headings = [line[4:] for line in page["Each outlet"].splitlines() if line.startswith("### ")]
    assert headings == ["Lone Post", "The Dove", "The Hawk"]
    assert "6 documents, published 2022-01-10 to 2022-06-15 (6 dated); 21 statements." in page["Each outlet"]
    assert "“Hawk story 0” (The Hawk, 2022-01-10) `hawk0`" in page["Each outlet"]
    assert "*Fewer than 3 documents" in page["Each outlet"].split("### Lone Post")[1].split("###")[0]
    rows = [line for line in page["Framing by outlet"].splitlines() if line.startswith("| ") and "---" not in line]
    assert [r.split("|")[1].strip() for r in rows[1:]] == ["Lone Post\u2020", "The Dove", "The Hawk"]
    assert "**3 outlets**, **11 documents**" in found.markdown and found.numbers["outlets"] == 3


def test_an_outlet_column_added_to_a_wide_frame_raises_no_warning_into_a_report():
    """A report page shows a notebook's warnings, with the machine's paths in them (a new user's
    AllSides run printed pandas' fragmentation warning on page 05)."""
    frame = pd.DataFrame({"doc_id": ["a", "b"]})
    with warnings.catch_warnings():  # growing it warns too: this test is about what follows
        warnings.simplefilter("ignore", pd.errors.PerformanceWarning)
        for k in range(120):  # a frame grown column by column, as a pivot's is
            frame[f"c{k}"] = k
    documents = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = outlets.with_outlet(frame, documents)
    assert table["outlet"].tolist() == ["X", "Y"]
