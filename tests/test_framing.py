"""framing.profile / lead / timeline: per-document numbers, lead actor and frame, date order."""

from pathlib import Path

import pandas as pd
import pytest
from newsframe import framing, tables
from newsframe.codebook import GROUPS, load_codebook, parse_codebook

ROOT = Path(__file__).resolve().parents[1]


def statement(doc_id, i, text, speaker="", group="", stance="", hedged=False, media="", cue="", source="", cluster=""):
    return {
        "doc_id": doc_id,
        "statement_id": f"{doc_id}:{i:03d}",
        "start": 100 * i,
        "end": 100 * i + len(text),
        "text": text,
        "speaker": speaker,
        "speaker_group": group,
        "cue": cue,
        "quote": "indirect" if speaker else "",
        "stance": stance,
        "hedged": hedged,
        "cited_media": media,
        "cluster_id": cluster,
        "cluster_label": "",
        "source_text": source,
        "attributed_in": "",
    }


@pytest.fixture()
def small():
    documents = pd.DataFrame(
        {"doc_id": ["a", "b"], "title": ["A title", ""], "status": ["ok", "ok"], "published": ["", ""]}
    )
    statements = pd.DataFrame(
        [
            statement(
                "a", 0, "Zog sent tanks, the Daily Blip reported.", "Daily Blip", "Media", "affirm", media="Daily Blip"
            ),
            statement("a", 1, "Zog sent tanks.", stance="affirm"),
            statement("a", 2, "Zog denied it.", "Zogland", "Other", "deny"),
            statement(
                "a", 3, "Tanks may have been sent, officials said.", "unnamed officials", "Media", "hedge", hedged=True
            ),
            statement(
                "b",
                0,
                "Zog sent tanks, the Daily Blip reported, citing unidentified sources.",
                "Daily Blip",
                "Media",
                "affirm",
                media="Daily Blip",
            ),
            statement(
                "b",
                1,
                "An official said under the condition of anonymity that talks could resume.",
                "an official",
                "Other",
                "",
                hedged=True,
            ),
            statement("b", 2, "The weather was fine.", hedged=False),
        ]
    )
    return documents, statements


def test_profile_shares_and_counts(small):
    documents, statements = small
    table = framing.profile(documents, statements).set_index("doc_id")
    shares = [framing.share_column(g) for g in GROUPS] + [framing.share_column(framing.OWN_VOICE)]
    assert ((table[shares].sum(axis=1) - 1).abs() < 1e-3).all()  # shares are rounded to 4 decimals
    a = table.loc["a"]
    assert (a["n_statements"], a["n_about_claim"], a["n_affirm"], a["n_deny"], a["n_hedge"]) == (4, 4, 2, 1, 1)
    assert (a["n_affirm_own_voice"], a["n_affirm_attributed"]) == (1, 1)
    assert a["share_media"] == 0.5 and a["share_own_voice"] == 0.25
    assert a["leading_voice"] == "Media" and a["n_leading_voice"] == 2
    assert a["hedging_rate"] == 0.25
    assert a["cited_media"] == "Daily Blip"
    # unnamed: by stage 2's speaker ("unnamed officials") and by the sentence ("citing unidentified sources",
    # "under the condition of anonymity")
    assert a["unnamed_statements"] == "a:003"
    assert table.loc["b", "unnamed_statements"] == "b:000;b:001"
    assert table.loc["b", "share_unnamed"] == round(2 / 3, 4)
    assert a["claims"] == "" and a["n_claims"] == 0  # stage 3 has not run


def test_profile_ignores_row_order(small):
    documents, statements = small
    pd.testing.assert_frame_equal(
        framing.profile(documents, statements),
        framing.profile(documents.iloc[::-1], statements.sample(frac=1, random_state=1)),
    )


def test_claims_are_optional_and_used_when_present(small):
    documents, statements = small
    no_columns = statements.drop(columns=["cluster_id", "cluster_label"])
    assert framing.profile(documents, no_columns)["claims"].eq("").all()
    clustered = statements.copy()
    clustered["cluster_id"] = ["1", "1", "2", "-1", "1", "", "3"]
    claims = pd.DataFrame(
        {
            "cluster_id": [1, 2, 3],
            "cluster_label": ["tanks sent", "denial", "weather"],
            "n_statements": [3, 1, 1],
            "n_docs": [2, 1, 1],
            "representative": ["", "", ""],
        }
    )
    table = framing.profile(documents, clustered, claims, min_docs_omitted=1).set_index("doc_id")
    assert table.loc["a", "claims"] == "1;2" and table.loc["a", "claim_labels"] == "tanks sent;denial"
    assert table.loc["a", "claims_omitted"] == "3"  # "-1" is noise, not a claim
    assert table.loc["b", "claims"] == "1;3" and table.loc["b", "claims_omitted"] == "2"
    coverage = framing.claim_coverage(clustered)
    assert coverage.loc["a"].tolist() == [2, 1, 0] and list(coverage.columns) == ["1", "2", "3"]


def test_timeline_without_dates_says_so(small):
    documents, statements = small
    metadata = pd.DataFrame({"doc_id": ["a", "b"], "date_hint": ["no year", "autumn 2022"]})
    order, note = framing.timeline(documents, statements, metadata)
    assert order["doc_id"].tolist() == ["b", "a"]
    assert "0 of 2 documents have a publication date" in note and "not necessarily the first in time" in note


def test_timeline_with_dates_and_claims(small):
    documents, statements = small
    documents = documents.assign(published=["2024-09-09", "2022-10-01"])
    clustered = statements.assign(cluster_id=["1", "1", "2", "", "1", "", "3"])
    order, note = framing.timeline(documents, clustered)
    assert order["doc_id"].tolist() == ["b", "a"]
    assert order["claims_introduced"].tolist() == ["1;3", "2"]
    assert note.startswith("All 2 documents have a publication date")


# --- lead actor and frame on the seeds ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_leads():
    if not tables.table_path(ROOT / "reports", "statements").is_file():
        pytest.skip("reports/tables/statements.csv not built yet")
    codebook = load_codebook(ROOT / "seeds" / "codebook.yml")
    documents = tables.read_table(ROOT / "reports", "documents")
    statements = tables.read_table(ROOT / "reports", "statements")
    removed = tables.read_table(ROOT / "reports", "removed_spans")
    table = framing.lead(documents, statements, removed, codebook)
    return table.assign(key=table["doc_id"].str[:3]).set_index("key")


@pytest.mark.parametrize(
    "doc, actor, frame",
    [
        (
            "000",
            "Ukraine",
            "accusation",
        ),  # "Ukraine Summons ... Over Ballistic Missile Transfer": the transfer, unhedged
        ("001", "Ukraine", "neutral"),  # no headline; lede: "concerned by reports about a possible ... transfer"
        ("002", "European Union", "accusation"),
        ("003", "Iran", "denial"),  # "Iran denies reports ..."
        ("004", "Iran", "accusation"),  # "While Iran has categorically denied ..., accusations ... still blame Tehran"
    ],
)
def test_seed_leads(seed_leads, doc, actor, frame):
    row = seed_leads.loc[doc]
    assert (row["lead_actor"], row["lead_frame"]) == (actor, frame), row["lead_basis"]
    assert row["lead_statement_id"].endswith(":000")


def test_concession_is_background():
    codebook = load_codebook(ROOT / "seeds" / "codebook.yml")
    assert framing.frame_of("Iran denies sending missiles to Russia", codebook)[0] == "denial"
    frame, stance, note = framing.frame_of(
        "While Iran has denied sending drones to Russia, accusations still blame Tehran for military aid to Moscow.",
        codebook,
    )
    assert (frame, stance) == ("accusation", "affirm") and "concession" in note


def test_lead_with_an_empty_codebook(small):
    documents, statements = small
    table = framing.lead(documents, statements, None, parse_codebook(None))
    assert table["lead_frame"].eq("neutral").all()
    assert table.set_index("doc_id").at["a", "lead_actor"] == "Media"  # the first statement's speaker group
    assert table.set_index("doc_id").at["a", "lead_headline"] == "A title"


def test_claim_ids_read_back_in_any_type():
    assert [framing.claim_id(v) for v in (pd.NA, None, float("nan"), 3.0, "7", "-1", " ", "noise")] == [
        "",
        "",
        "",
        "3",
        "7",
        "",
        "",
        "",
    ]


def test_stance_figure_numbers(small):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from newsframe import outlets, plots

    documents, statements = small
    profile = framing.profile(documents, statements)
    fig, numbers = plots.framing_by_outlet(outlets.outlet_table(documents, profile, statements))
    a = numbers[numbers["outlet"] == "a"].set_index("measure")["share"]
    assert a.tolist() == [0.25, 0.25, 0.25, 0.25]  # fact, allegation, hedge, deny: 1 each of 4 about the claim
    assert fig.axes[0].get_xlabel().startswith("share of the outlet's statements about the claim")
    plt.close(fig)


# --- scale: one pass over the statements, results that do not depend on order or repetition --------


def replicate(documents, statements, copies: int):
    """``copies`` renamed copies of every document and its statements (doc ids ``<k>_<doc>``)."""
    docs, rows = [], []
    for k in range(copies):
        docs.append(documents.assign(doc_id=[f"{k:03d}_{d}" for d in documents["doc_id"]]))
        rows.append(
            statements.assign(
                doc_id=[f"{k:03d}_{d}" for d in statements["doc_id"]],
                statement_id=[f"{k:03d}_{s}" for s in statements["statement_id"]],
            )
        )
    return pd.concat(docs, ignore_index=True), pd.concat(rows, ignore_index=True)


def test_profile_of_repeated_documents_repeats_their_rows(small):
    """Every copy of a document gets the original's numbers, whatever the order of the rows;
    claims_omitted follows claim_coverage's definition (claims >= min_docs_omitted documents carry)."""
    documents, statements = small
    clustered = statements.assign(cluster_id=["1", "1", "2", "-1", "1", "", "3"])
    once = framing.profile(documents, clustered, min_docs_omitted=2).set_index("doc_id")
    documents, clustered = replicate(documents, clustered, 7)
    shuffled = clustered.sample(frac=1, random_state=4)
    table = framing.profile(documents.sample(frac=1, random_state=5), shuffled, min_docs_omitted=2)
    assert table["doc_id"].tolist() == sorted(documents["doc_id"])
    table = table.set_index("doc_id")
    per_copy = [c for c in table.columns if c not in {"unnamed_statements", "claims_omitted"}]
    for doc_id, row in table.iterrows():
        original = doc_id.split("_", 1)[1]
        assert row[per_copy].tolist() == once.loc[original, per_copy].tolist()
        assert row["unnamed_statements"] == ";".join(
            f"{doc_id[:4]}{s}" for s in once.loc[original, "unnamed_statements"].split(";") if s
        )
    coverage = framing.claim_coverage(clustered)
    carriers = (coverage > 0).sum()
    for doc_id in coverage.index:
        expected = [c for c in coverage.columns if coverage.at[doc_id, c] == 0 and carriers[c] >= 2]
        assert table.at[doc_id, "claims_omitted"] == ";".join(expected)


def test_timeline_introduces_every_claim_once(small):
    documents, statements = small
    documents = documents.assign(published=["2024-09-09", "2022-10-01"])
    clustered = statements.assign(cluster_id=["1", "1", "2", "", "1", "", "3"])
    documents, clustered = replicate(documents, clustered, 5)
    order, _ = framing.timeline(documents, clustered)
    again, _ = framing.timeline(documents.iloc[::-1], clustered.sample(frac=1, random_state=1))
    pd.testing.assert_frame_equal(order, again)
    introduced = [c for cell in order["claims_introduced"] for c in cell.split(";") if c]
    assert sorted(introduced) == ["1", "2", "3"]
    assert order["claims_introduced"].iloc[0] == "1;3"  # the earliest copy of b


def test_lead_takes_each_documents_first_statement(small):
    documents, statements = small
    documents, statements = replicate(documents, statements, 3)
    table = framing.lead(documents, statements.sample(frac=1, random_state=2), None, parse_codebook(None))
    assert (table["lead_statement_id"] == table["doc_id"] + ":000").all()


def test_the_timeline_note_names_few_documents_and_counts_the_rest():
    """Reuters-sized archives have no dates: the note must not list 100k ids."""
    frame = pd.DataFrame({"doc_id": [f"d{i:05d}" for i in range(500)], "published": "", "year": ""})
    note = framing._timeline_note(frame, with_claims=True)
    assert "d00019" in note and "d00020" not in note and "480 more" in note and "tables/timeline.csv" in note
    few = framing._timeline_note(frame.head(3), with_claims=True)
    assert "d00000, d00001, d00002;" in few
