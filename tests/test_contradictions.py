"""Contradictions between documents: planted in a synthetic corpus run through the real stage 2,
and the Kremlin's position on the seeds (000 says it dismissed the reports, 002 that it did not deny)."""

from pathlib import Path

import pandas as pd
import pytest
from newsframe import contradictions as contra
from newsframe import tables
from newsframe.clean import clean_corpus
from newsframe.codebook import load_codebook, parse_codebook
from newsframe.corpus import Corpus, Document
from newsframe.statements import extract_statements

ROOT = Path(__file__).resolve().parents[1]

ZOG_CODEBOOK = {
    "actors": [
        {"name": "Zogland", "group": "Other", "kind": "country", "aliases": ["Zog City"]},
        {
            "name": "Zogland Defence Ministry",
            "group": "Other",
            "kind": "institution",
            "aliases": ["the Ministry of Zog", "Ministry of Zog"],
        },
        {"name": "Blipistan", "group": "Ukraine", "kind": "country", "aliases": ["Blip"]},
        {"name": "Quux", "group": "Other", "kind": "country"},
    ],
    "media": [{"name": "Daily Blip"}],
    "claim": {
        "label": "Zogland sends tanks to Blipistan",
        "terms": {
            "supplier": ["Zogland", "Zog City"],
            "action": ["send", "sent", "sending"],
            "object": ["tanks", "tank"],
        },
        "require": [["object"], ["action"]],
    },
    "lexicons": {
        "deny": ["deny", "denied", "denies", "refute"],
        "hedge": ["if confirmed"],
        "affirm": ["confirm"],
        "negation": ["not", "never", "without"],
    },
}

ZOG_TEXTS = {
    "a": "Zog denies tank deliveries\nThe Ministry of Zog denied sending tanks to Blip. Officials said talks would go on.\n",
    "b": "Zog City has not denied that it sent tanks to Blip. The Daily Blip reported that Zog City sent 40 tanks to Blip.\n",
    "c": "Zogland sent 400 tanks to Blip, the Daily Blip reported, citing unidentified sources.\n",
    "d": "Quux denied sending tanks to Blip. Blip keeps seeking evidence to support or refute the reports of tanks sent.\n",
}


def run_stage2(texts: dict[str, str], codebook):
    docs = [Document(k, f"{k}.txt", t, "", "utf-8", "txt") for k, t in texts.items()]
    corpus = Corpus("memory", docs, [])
    body_blocks, _ = clean_corpus(corpus)
    return extract_statements(corpus, body_blocks, codebook)


@pytest.fixture(scope="module")
def zog():
    codebook = parse_codebook(ZOG_CODEBOOK)
    found = run_stage2(ZOG_TEXTS, codebook)
    return codebook, found.statements, found.quantities


def test_planted_denied_vs_not_denied_is_found_through_an_alias(zog):
    codebook, statements, quantities = zog
    # the alias resolves in stage 2 already: "Zog City" speaks for Zogland
    assert statements.set_index("statement_id").at["b:000", "speaker"] == "Zogland"
    table = contra.contradictions(statements, codebook, quantities)
    row = table[table["kind"] == "denied vs not denied"]
    assert len(row) == 1
    row = row.iloc[0]
    assert (row["doc_a"], row["statement_a"], row["doc_b"], row["statement_b"]) == ("a", "a:000", "b", "b:000")
    assert row["actor"] == "Zogland"  # the ministry is folded into the country its name contains
    assert row["text_a"] == "The Ministry of Zog denied sending tanks to Blip."
    assert "not denied" in row["explanation"]


def test_a_denial_another_outlet_leaves_out_is_an_omission_not_a_contradiction(zog):
    codebook, statements, quantities = zog
    table = contra.contradictions(statements, codebook, quantities)
    assert not table["kind"].isin(["denial vs report", contra.OMISSION_KIND]).any()
    gaps = contra.omissions(statements, codebook)
    report = gaps[gaps["actor"] == "Zogland"]
    # b carries a (negated) denial already reported as "denied vs not denied"; c reports the supply silently
    assert report[["doc_a", "doc_b", "statement_b"]].values.tolist() == [["a", "c", "c:000"]]
    assert list(gaps.columns) == contra.OMISSION_COLUMNS


def test_numbers_conflict_only_within_one_claim(zog):
    codebook, statements, quantities = zog
    assert not (contra.contradictions(statements, codebook, quantities)["kind"] == "conflicting numbers").any()
    same = statements.assign(
        cluster_id=statements["statement_id"].map({"b:001": "Ctanks1", "c:000": "Ctanks1"}).fillna("")
    )
    numbers = contra.contradictions(same, codebook, quantities)
    numbers = numbers[numbers["kind"] == "conflicting numbers"]
    assert numbers[["statement_a", "statement_b", "claim_id"]].values.tolist() == [["b:001", "c:000", "Ctanks1"]]
    assert "cannot both hold" in numbers.iloc[0]["explanation"]


def test_a_fact_stated_against_a_denial_in_another_outlet():
    codebook = parse_codebook(ZOG_CODEBOOK)
    texts = {
        "a": ZOG_TEXTS["a"],
        "e": "Zogland sent 12 tanks to Blip last week. The weather was mild.\n",
        "f": "Zogland sent 12 tanks to Blip last week. Zog City sent 3 tanks more on Friday.\n",
    }
    found = run_stage2(texts, codebook)
    table = contra.contradictions(found.statements, codebook, found.quantities, outlets={"a": "A", "e": "E", "f": "E"})
    facts = table[table["kind"] == "fact vs denial"]
    # one row per outlet pair x claim x kind: both documents of outlet E are in it
    assert facts[["outlet_a", "outlet_b", "actor"]].values.tolist() == [["E", "A", "Zogland"]]
    assert set(facts.iloc[0]["statements_a"].split(";")) == {"e:000", "f:000", "f:001"}
    assert facts.iloc[0]["statements_b"] == "a:000"
    assert not table.duplicated(["kind", "actor", "claim_id", "outlet_a", "outlet_b"]).any()


def test_alternatives_and_third_parties_are_not_denials(zog):
    codebook, statements, quantities = zog
    found = contra.denials(statements, codebook)
    # "to support or refute the reports" is an alternative, not a denial by anyone
    assert "d:001" not in set(found["statement_id"])
    # Quux denies too, but the claim names only Zogland: no contradiction about Quux
    table = contra.contradictions(statements, codebook, quantities)
    assert "Quux" in set(found["party"])
    assert "Quux" not in set(table["actor"])


def test_contract_columns_and_deterministic_order(zog):
    codebook, statements, quantities = zog
    table = contra.contradictions(statements, codebook, quantities)
    assert list(table.columns[:6]) == ["topic", "doc_a", "statement_a", "doc_b", "statement_b", "kind"]
    assert (table["doc_a"] != table["doc_b"]).all()
    shuffled = statements.sample(frac=1, random_state=3)
    pd.testing.assert_frame_equal(table, contra.contradictions(shuffled, codebook, quantities.iloc[::-1]))


def test_parties_fold_institutions_into_their_country():
    codebook = parse_codebook(ZOG_CODEBOOK)
    assert contra.parties(codebook)["Zogland Defence Ministry"] == "Zogland"
    assert contra.parties(codebook)["Blipistan"] == "Ukraine"  # a party group: compared at group level
    assert contra.party_of("somebody", "Other", codebook) == "somebody"


def test_empty_codebook_keeps_the_columns(zog):
    _, statements, quantities = zog
    table = contra.contradictions(statements.assign(stance=""), parse_codebook(None), quantities)
    assert list(table.columns) == contra.COLUMNS
    assert (table["outlet_a"] != table["outlet_b"]).all()


# --- the seeds -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    if not tables.table_path(ROOT / "reports", "statements").is_file():
        pytest.skip("reports/tables/statements.csv not built yet")
    return (
        load_codebook(ROOT / "seeds" / "codebook.yml"),
        tables.read_table(ROOT / "reports", "statements"),
        tables.read_table(ROOT / "reports", "quantities"),
    )


def test_kremlin_denied_in_000_not_denied_in_002(seeds):
    codebook, statements, quantities = seeds
    table = contra.contradictions(statements, codebook, quantities)
    kremlin = table[(table["kind"] == "denied vs not denied") & (table["actor"] == "Russia")]
    assert len(kremlin) == 1
    row = kremlin.iloc[0]
    assert row["doc_a"].startswith("000_") and row["doc_b"].startswith("002_")
    assert "the Kremlin has dismissed media reports" in row["text_a"]
    ids_b = row["statements_b"].split(";")
    texts = statements.set_index("statement_id")["text"]
    said = " ".join(texts[i] for i in ids_b)
    for phrase in ("Moscow has not rejected", "The Kremlin has not denied", "without denying the accusations"):
        assert phrase in said


def test_seed_denials_find_the_denier(seeds):
    codebook, statements, _ = seeds
    found = contra.denials(statements, codebook)
    texts = statements.set_index("statement_id")["text"]

    def denier(start: str):
        rows = found[found["statement_id"].map(texts).str.startswith(start)]
        return list(zip(rows["actor"], rows["party"], rows["negated"]))

    assert denier("“This kind of information is not always true") == [("Dmitry Peskov", "Russia", True)]
    assert denier("The European Union assured on Monday") == [("Russia", "Russia", True)]  # "Moscow has not rejected"
    assert denier("While Ukraine’s concerns are mounting, the Kremlin") == [("Kremlin", "Russia", False)]
    assert denier("Ukraine continues to monitor") == []  # "to support or refute the reports"


def test_seed_numbers_are_compared_conservatively(seeds):
    codebook, statements, quantities = seeds
    table = contra.contradictions(statements, codebook, quantities)
    # 200 missiles already arrived vs hundreds expected: overlapping ranges, different events: consistent;
    # 450 drones sent vs 300 drones shot down are not the same thing: never paired
    assert not table["kind"].isin(["conflicting numbers", "differing numbers"]).any()


def test_seed_drones_denial_against_a_stated_cargo(seeds):
    """003 quotes Iran that it "has never given Russia drones"; 004 states as fact that the last cargo
    of weapons from Iran to Russia included about 450 drones."""
    codebook, statements, quantities = seeds
    table = contra.contradictions(statements, codebook, quantities)
    rows = table[
        (table["kind"] == "fact vs denial")
        & (table["actor"] == "Iran")
        & table["doc_a"].str.startswith("004_")
        & table["doc_b"].str.startswith("003_")
    ]
    assert len(rows) >= 1
    texts = statements.set_index("statement_id")["text"]
    assert any("450 drones" in texts[i] for r in rows.itertuples() for i in r.statements_a.split(";"))
    assert any("never given Russia drones" in texts[i] for r in rows.itertuples() for i in r.statements_b.split(";"))


def test_seed_rows_are_unique_and_between_outlets(seeds):
    codebook, statements, quantities = seeds
    table = contra.contradictions(statements, codebook, quantities)
    assert (table["outlet_a"] != table["outlet_b"]).all()
    assert not table.duplicated(["kind", "actor", "claim_id", "outlet_a", "outlet_b"]).any()
    assert not table["explanation"].str.contains("ranges overlap").any()


def test_claims_of_the_two_statements_are_carried_when_stage3_ran(zog):
    codebook, statements, quantities = zog
    clustered = statements.assign(
        cluster_id=["1", "", "2", "3", "3", "", ""][: len(statements)],
        cluster_label=["Zog denies", "", "Zog did not deny", "tanks sent", "tanks sent", "", ""][: len(statements)],
    )
    table = contra.contradictions(clustered, codebook, quantities).set_index("kind")
    assert table.loc["denied vs not denied", ["claim_a", "claim_b"]].tolist() == ["Zog denies", "Zog did not deny"]


# --- the bound on rows: repeating documents must not make the table explode ------------------------


def repeated(statements, quantities, copies: int):
    """``copies`` renamed copies of every document (doc ids ``<k>_<doc>``), in shuffled row order."""
    rename = lambda frame, k: frame.assign(
        doc_id=[f"{k:03d}_{d}" for d in frame["doc_id"]], statement_id=[f"{k:03d}_{s}" for s in frame["statement_id"]]
    )
    st = pd.concat([rename(statements, k) for k in range(copies)], ignore_index=True)
    q = pd.concat([rename(quantities, k) for k in range(copies)], ignore_index=True)
    return st.sample(frac=1, random_state=1), q.sample(frac=1, random_state=2)


def test_rows_stay_bounded_as_documents_repeat(zog):
    codebook, statements, quantities = zog
    st, q = repeated(statements, quantities, 30)
    full = contra.contradictions(st, codebook, q, max_per_document=None, max_pairs=None)
    # unbounded, the pairs grow with the square of the copies: every copy of a against every copy of b
    per_pair = contra.contradictions(statements, codebook, quantities, max_per_document=None, max_pairs=None)
    assert len(full[full["kind"] == "denied vs not denied"]) == 30 * 30 * len(
        per_pair[per_pair["kind"] == "denied vs not denied"]
    )
    table = contra.contradictions(st, codebook, q, max_per_document=4, max_pairs=50)
    key = table["actor"].where(table["kind"].isin(contra.KINDS[:2]), table["topic"])
    assert table.groupby(["kind", key, "doc_a"]).size().max() <= 4
    assert table.groupby(["kind", key]).size().max() <= 50
    assert table.attrs["capped"] and all(kind in contra.KINDS for kind, _ in table.attrs["capped"])
    # every row kept is a row of the unbounded table, with the same content
    columns = list(table.columns)
    assert len(table.merge(full, on=columns)) == len(table)
    # and which rows are kept does not depend on the order of the input
    again = contra.contradictions(
        st.sort_values("statement_id"), codebook, q.iloc[::-1], max_per_document=4, max_pairs=50
    )
    pd.testing.assert_frame_equal(table, again)


def test_partners_follow_the_document_and_wrap_around():
    bound = contra._Bound(per_document=2, total=None)
    assert bound.partners(["a", "b", "c", "d"], "c") == (["a", "d"], True)  # d, then wrap to a
    assert bound.partners(["a", "b", "c", "d"], "b") == (["c", "d"], True)
    assert contra._Bound(per_document=5, total=None).partners(["a", "b"], "a") == (["b"], False)


def test_default_bound_leaves_small_corpora_alone(zog):
    codebook, statements, quantities = zog
    pd.testing.assert_frame_equal(
        contra.contradictions(statements, codebook, quantities),
        contra.contradictions(statements, codebook, quantities, max_per_document=None, max_pairs=None),
    )
    assert contra.contradictions(statements, codebook, quantities).attrs["capped"] == []
