from pathlib import Path

import pytest
from newsframe.codebook import load_codebook, parse_codebook
from newsframe.stance import stance

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(SEEDS / "codebook.yml")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tehran has assured that it is not delivering weapons to Moscow.", "deny"),
        ("Iran has repeatedly denied supplying Russia with ballistic missiles.", "deny"),
        ("There has been no transfer of short-range ballistic missiles from Iran.", "deny"),
        ("The Kremlin has not denied that Iran is supplying it with such missiles.", "affirm"),
        ("Peskov spoke without denying that Iran sent drones to Russia.", "affirm"),
        ("If confirmed, this delivery of Iranian missiles to Russia would be an escalation.", "hedge"),
        ("The potential transfer of ballistic missiles from Iran worries Kyiv.", "hedge"),
        ("This shipment of weapons to Russia, if true, would mark an increase.", "hedge"),
        ("Iran had transferred short-range ballistic missiles to Russia.", "affirm"),
        ("Back in May, Iran sent drones to Russia.", "affirm"),
        ("Iran and Russia have deepened their bilateral ties.", ""),
        ("Belarus too is providing Russia with drones.", ""),
        ("Armenia does not export weapons to Russia.", ""),
        ("If it is confirmed, such a transfer would cross a red line.", "hedge"),
        ("Kyiv wants evidence to confirm or deny reports of drone deliveries to Russia.", "hedge"),
        ("Tehran considers sending weapons to either side of the war immoral.", "deny"),
    ],
)
def test_stance_rules(codebook, text, expected):
    assert stance(text, codebook)[0] == expected


def test_hedged_flag_is_independent_of_the_claim(codebook):
    assert stance("The talks could resume next week.", codebook) == ("", True)
    assert stance("The talks resumed.", codebook) == ("", False)


def test_codebook_claim_is_validated():
    with pytest.raises(ValueError, match="unknown term set"):
        parse_codebook({"claim": {"terms": {"object": ["drone"]}, "require": [["object", "nope"]]}})
