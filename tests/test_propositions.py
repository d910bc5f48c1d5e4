"""What a statement asserts without who asserts it (the attribution frame stripped)."""

import pytest
from newsframe import propositions


@pytest.mark.parametrize(
    "text, cue, quote, expected",
    [
        (
            "Reuters reported in August that Russia was expecting the delivery.",
            "reported",
            "indirect",
            "Russia was expecting the delivery.",
        ),
        (
            "According to the Russian government, there has been no transfer.",
            "According to",
            "indirect",
            "There has been no transfer.",
        ),
        (
            "There has been no transfer, according to the Kremlin.",
            "according to",
            "indirect",
            "There has been no transfer",
        ),
        (
            "“We are aware of this information,” a spokesperson said.",
            "said",
            "direct",
            "We are aware of this information",
        ),
        ("Iran sent drones to Russia, officials said.", "said", "indirect", "Iran sent drones to Russia"),
        (
            "Ukraine's foreign ministry said on Sunday it was deeply concerned.",
            "said",
            "indirect",
            "It was deeply concerned.",
        ),
        ("Iran sent drones.", "", "", "Iran sent drones."),
    ],
)
def test_the_attribution_frame_is_stripped(text, cue, quote, expected):
    assert propositions.content(text, cue, quote) == expected


def test_labels_are_short_propositions():
    assert (
        propositions.label("Iran transferred short-range ballistic missiles to Russia.")
        == "Iran transferred short-range ballistic missiles to Russia"
    )
    long = (
        "The ministry said the deepening military cooperation between Tehran and Moscow was a threat to Ukraine, "
        "Europe and the Middle East as a whole"
    )
    label = propositions.label(long)
    assert label.endswith("…") and len(label.split()) <= propositions.LABEL_WORDS + 1
