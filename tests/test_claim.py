"""The claim under study as a sentence (issue 13): terms derived from it, off-topic statements
get no stance, denials of claims are denials."""

import pytest
from newsframe.claim import terms_from_sentence, with_claim
from newsframe.codebook import Codebook, load_codebook, parse_codebook
from newsframe.framing import frame_of
from newsframe.stance import stance
from test_segment import SEEDS

CLAIM = "Iran supplies drones and missiles to Russia"


@pytest.fixture(scope="module")
def codebook():
    return with_claim(Codebook(), CLAIM)


def test_terms_come_from_the_sentence():
    terms = terms_from_sentence(CLAIM)["terms"]
    assert {"Iran", "Iranian", "Tehran"} <= set(terms["agent"])
    assert {"Russia", "Russian", "Moscow", "Kremlin"} <= set(terms["recipient"])
    assert {"drone", "drones", "missile", "missiles"} == set(terms["object"])
    assert {"supply", "supplied", "supplying", "delivered"} <= set(terms["action"])


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Iran has sent hundreds of Shahed drones to Russia, officials said.", "affirm"),
        ("Moscow has denied claims made by the Washington Post that Iran supplied drones to Russia.", "deny"),
        ("Tehran denied sending missiles to Moscow.", "deny"),
        ("If confirmed, Iranian missile deliveries to Russia would be an escalation.", "hedge"),
        ("Russia used chemical weapons in Bakhmut, Ukrainian officials said.", ""),
        ("The US supplied HIMARS to Ukraine.", ""),
        ("A Russian Su-34 crashed near the border, the ministry said.", ""),
    ],
)
def test_stance_only_about_the_claim(codebook, sentence, expected):
    assert stance(sentence, codebook)[0] == expected


def test_lead_frame_only_from_text_about_the_claim(codebook):
    assert frame_of("Russia shells Kharkiv as winter sets in", codebook)[0] == ""
    assert frame_of("Moscow has denied claims that Iran supplied drones to Russia", codebook)[0] == "denial"


def test_claim_sentence_in_the_codebook():
    parsed = with_claim(parse_codebook({"claim": CLAIM}))
    assert parsed.claim["derived"] and "drones" in parsed.claim["terms"]["object"]
    assert parsed.lexicons["deny"], "general stance lexicons fill in"


def test_codebook_term_lists_still_win():
    seeds = load_codebook(SEEDS / "codebook.yml")
    assert with_claim(seeds) is seeds


def test_a_claim_that_hands_nothing_over_keeps_its_own_verb_and_object():
    terms = terms_from_sentence("Russia interfered in the US election")["terms"]
    assert {"interfere", "interferes", "interfered", "interfering"} <= set(terms["action"])
    assert "exports" not in terms["action"] and "arming" not in terms["action"]
    assert set(terms["object"]) == {"election", "elections"}  # not "in", nor "us"
    codebook = with_claim(Codebook(), "Russia interfered in the US election")
    assert stance("Russia ranked as the top destination for Indian exports.", codebook)[0] == ""
    assert stance("Moscow denied allegations that it is arming rebels in Ukraine.", codebook)[0] == ""
    assert stance("Russia has denied interfering in the 2016 election.", codebook)[0] == "deny"
