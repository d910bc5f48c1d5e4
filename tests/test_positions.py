"""Positions toward each claim's own proposition, and the contradictions they give without a claim
under study (no codebook): synthetic sentences, one per rule, with the cases that must not count."""

import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsframe import cluster_report, positions
from newsframe import contradictions as contra
from newsframe.codebook import Codebook

# --- what a denial denies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker, cue, denied, negated",
    [
        (
            "The Zog ministry denied on Monday that Zogland sent tanks to Blipistan.",
            "",
            "",
            "Zogland sent tanks",
            False,
        ),
        ("Zogland denied sending tanks to Blipistan.", "", "", "Zogland sending tanks to Blipistan", False),
        ("Zogland denied any involvement in the raid on Port Blip.", "", "", "Zogland involvement in the raid", False),
        ("The ministry rejected claims that Zogland sent tanks to Blipistan.", "", "", "Zogland sent tanks", False),
        (
            "Reports that Zogland sent tanks to Blipistan are false, the ministry said.",
            "ministry",
            "said",
            "Zogland",
            False,
        ),
        ("The Zog ministry did not deny that Zogland sent tanks to Blipistan.", "", "", "Zogland sent tanks", True),
        ("Zogland declined to deny that it sent tanks to Blipistan.", "", "", "Zogland sent tanks", True),
        ("The Zogland regime denied that it sent tanks to Blipistan.", "", "", "The Zogland regime sent tanks", False),
        ("Zogland has never sent tanks to Blipistan, Mr Quux said.", "Mr Quux", "said", "Zogland sent tanks", False),
    ],
)
def test_what_a_denial_denies(text, speaker, cue, denied, negated):
    found = positions.denial(text, speaker, cue)
    assert found is not None
    assert found.denied.startswith(denied) or denied in found.denied
    assert found.negated is negated


def test_a_pronoun_in_the_denied_clause_is_the_speaker_named_in_the_sentence():
    found = positions.denial("Zoggers insisted they hadn't blocked the vote.", "Zogland", "insisted", "", "Zoggers")
    assert (found.denied, found.denier) == ("Zoggers blocked the vote", "Zoggers")
    unnamed = positions.denial("He has denied claims that he has ties to Zog spies.", "Mr Quux", "has denied", "", "He")
    assert unnamed.denied == "he has ties to Zog spies"  # the speaker is not named here: no guess


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ("The ministry would neither confirm nor deny that tanks were sent.", "", ""),  # an open question
        ("Blip seeks evidence to support or refute the reports of tanks sent.", "", ""),
        ("The court denied the request for bail.", "", ""),  # deny = refuse: no proposition
        ("Zogland rejected the offer of talks.", "", ""),
        ("The ministry has not yet responded to the report, Mr Quux said.", "Mr Quux", "said"),  # a time frame
        ("Zogland does not want a war, Mr Quux said.", "Mr Quux", "said"),  # a wish, not a fact denied
        ("If Zogland has not sent tanks, talks will resume, Mr Quux said.", "Mr Quux", "said"),  # a condition
    ],
)
def test_what_is_not_a_denial(text, speaker, cue):
    assert positions.denial(text, speaker, cue) is None


def test_the_allegations_denied_are_the_statement_before():
    statements = _frame(
        [
            ("a", "a:000", "Zogland sent forty tanks to Blipistan in March, the Daily Blip reported.", "Daily Blip"),
            ("a", "a:001", "The Zog ministry denied the allegations.", "Zog ministry"),
        ]
    )
    found = positions.positions(statements)
    assert found.loc[1, "position"] == "deny"
    assert "Zogland sent forty tanks" in found.loc[1, "denied"]


# --- positions toward the claim's proposition ------------------------------------------------


def test_positions_toward_the_claims_own_proposition():
    claim = "Zogland sent tanks to Blipistan"
    assert positions.position("Zogland sent tanks to Blipistan in March.", claim) == "affirm"
    assert positions.position("Zogland sent tanks to Blipistan, Mr Quux said.", claim, "Mr Quux", "said") == "report"
    assert positions.position("Zogland may have sent tanks to Blipistan.", claim, hedged=True) == "hedge"
    assert positions.position("Zogland denied that it sent tanks to Blipistan.", claim) == "deny"
    assert positions.position("Zogland did not deny that it sent tanks to Blipistan.", claim) == "not_deny"


def test_a_denial_of_a_side_clause_is_not_a_denial_of_the_claim():
    claim = "Talks between Zogland and Blipistan will resume on Monday in Port Blip"
    text = "Zogland, which denies sending tanks to Blipistan, said talks would resume on Monday in Port Blip."
    assert positions.position(text, claim, "Zogland", "said") == "report"


def test_covers_asks_for_the_predicate_and_its_subject_in_one_clause():
    denied = positions.stems("Zogland filibustered the nomination of Mr Quux")
    who, predicate = positions.subject("Zogland filibustered"), positions.head("Zogland filibustered")
    said = "Zogland filibustered the nomination of Mr Quux on Thursday."
    elsewhere = "Zogland backed the nomination of Mr Quux, when a vote was needed to end a filibuster."
    for text, expected in ((said, True), (elsewhere, False)):
        assert (
            positions.covers(positions.stems(text), denied, predicate=predicate, who=who, parts=positions.clauses(text))
            is expected
        )


# --- contradictions without a claim under study --------------------------------------------------

FACT = "Zogland sent forty battle tanks to Blipistan in March."
DENIAL = "The Zog ministry denied that Zogland sent battle tanks to Blipistan."
NOT_DENIED = "The Zog ministry did not deny that Zogland sent battle tanks to Blipistan."
REPORT = "Zogland sent battle tanks to Blipistan, the Zog ministry said."


def _frame(rows, outlets=None, claim="C1"):
    """Statements as stage 2 and 3 write them: (doc, id, text, speaker)."""
    table = pd.DataFrame(
        [
            {
                "doc_id": doc,
                "statement_id": sid,
                "start": int(sid.split(":")[1]) * 100,
                "end": int(sid.split(":")[1]) * 100 + len(text),
                "text": text,
                "speaker": speaker,
                "speaker_group": "Other" if speaker else "",
                "cue": "said" if " said" in text else ("denied" if "denied" in text and speaker else ""),
                "quote": "indirect" if speaker else "",
                "stance": "",
                "hedged": False,
                "cluster_id": claim,
                "cluster_label": "Zogland sent battle tanks to Blipistan",
            }
            for doc, sid, text, speaker in rows
        ]
    )
    table["outlet"] = [(outlets or {}).get(d, d) for d in table["doc_id"]]
    return table


CLAIMS = pd.DataFrame({"cluster_id": ["C1"], "story_id": ["S1"], "representative_id": ["a:000"], "linked_claims": [""]})


def _found(statements, within=False):
    outlets = dict(zip(statements["doc_id"], statements["outlet"]))
    return contra.contradictions(statements, Codebook(), None, outlets=outlets, within=within, claims=CLAIMS)


def test_fact_vs_denial_between_two_outlets():
    statements = _frame([("a", "a:000", FACT, ""), ("b", "b:000", DENIAL, "Zog ministry")], {"a": "Blip", "b": "Zog"})
    found = _found(statements)
    assert found[["kind", "outlet_a", "outlet_b", "claim_id"]].values.tolist() == [
        ["fact vs denial", "Blip", "Zog", "C1"]
    ]
    assert "Zogland sent battle tanks" in found.loc[0, "explanation"]


def test_the_same_outlet_is_never_paired_but_is_an_inconsistency_within_it():
    statements = _frame([("a", "a:000", FACT, ""), ("b", "b:000", DENIAL, "Zog ministry")], {"a": "Blip", "b": "Blip"})
    assert _found(statements).empty
    assert _found(statements, within=True)["kind"].tolist() == ["fact vs denial"]


def test_an_outlet_stating_the_fact_itself_does_not_disagree_with_another_stating_it():
    statements = _frame(
        [("a", "a:000", FACT, ""), ("b", "b:000", DENIAL, "Zog ministry"), ("b", "b:001", FACT, "")],
        {"a": "Blip", "b": "Zog"},
    )
    assert _found(statements).empty


def test_a_denial_of_something_else_in_the_same_claim_is_no_contradiction():
    side = "The Zog ministry, which denied that Zogland trains Blip pilots, said the border stays open."
    statements = _frame([("a", "a:000", FACT, ""), ("b", "b:000", side, "Zog ministry")], {"a": "Blip", "b": "Zog"})
    assert _found(statements).empty


def test_denied_vs_not_denied_about_the_same_party():
    statements = _frame(
        [("a", "a:000", DENIAL, "Zog ministry"), ("b", "b:000", NOT_DENIED, "Zog ministry")], {"a": "Blip", "b": "Zog"}
    )
    assert _found(statements)["kind"].tolist() == ["denied vs not denied"]


def test_a_party_affirming_in_one_outlet_and_denying_in_another():
    statements = _frame(
        [("a", "a:000", REPORT, "Zog ministry"), ("b", "b:000", DENIAL, "Zog ministry")], {"a": "Blip", "b": "Zog"}
    )
    assert _found(statements)["kind"].tolist() == ["affirmed vs denied"]


def test_a_hedged_or_attributed_statement_is_not_stated_as_fact():
    for text in ("Zogland may have sent battle tanks to Blipistan in March.", "Zogland reportedly sent battle tanks."):
        statements = _frame([("a", "a:000", text, ""), ("b", "b:000", DENIAL, "Zog ministry")], {"a": "A", "b": "B"})
        assert _found(statements).empty


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([FACT, DENIAL, NOT_DENIED, REPORT]), st.sampled_from("PQR")), min_size=1, max_size=8
    )
)
def test_each_outlet_pair_claim_and_kind_at_most_once(rows):
    statements = _frame(
        [(f"d{i}", f"d{i}:000", text, "" if text == FACT else "Zog ministry") for i, (text, _) in enumerate(rows)],
        {f"d{i}": outlet for i, (_, outlet) in enumerate(rows)},
    )
    found = _found(statements)
    assert not found.duplicated(["kind", "claim_id", "outlet_a", "outlet_b"]).any()
    assert (found["outlet_a"] != found["outlet_b"]).all()


def test_claim_stances_carry_a_denial_of_the_claims_own_proposition():
    statements = _frame([("a", "a:000", FACT, ""), ("b", "b:000", DENIAL, "Zog ministry")], {"a": "Blip", "b": "Zog"})
    stances = cluster_report.claim_stances(statements, CLAIMS.assign(cluster_label="Zogland sent battle tanks"))
    assert dict(zip(stances["outlet"], stances["stance"])) == {"Blip": "affirm", "Zog": "deny"}


def test_positions_written_by_stage_3_are_what_stage_4_would_read():
    """Stage 3 stores each statement's position in statements.csv; the contradictions read from
    those columns (also after a CSV round trip) equal the ones read from the sentences."""
    statements = _frame(
        [("a", "a:000", FACT, ""), ("b", "b:000", DENIAL, "Zog ministry"), ("c", "c:000", NOT_DENIED, "")],
        {"a": "Blip", "b": "Zog", "c": "Quux"},
    )
    stored = positions.with_positions(statements, CLAIMS)
    assert stored["position"].tolist() == ["affirm", "deny", "not_deny"]
    assert stored.loc[1, "denier"] == "Zog ministry" and "battle tanks" in stored.loc[1, "denied"]
    reread = pd.read_csv(io.StringIO(stored.to_csv(index=False)), keep_default_na=False)
    expected = _found(statements)
    assert set(expected["kind"]) == {"fact vs denial", "denied vs not denied"}
    assert _found(reread).equals(expected)


def test_a_statement_about_the_claim_under_study_takes_no_position_on_its_own_claim():
    statements = _frame([("a", "a:000", FACT, ""), ("b", "b:000", DENIAL, "Zog ministry")]).assign(stance=["", "deny"])
    assert positions.with_positions(statements, CLAIMS)["position"].tolist() == ["affirm", ""]
