import pytest
from newsframe.quantities import extract_quantities


def one(text):
    rows = extract_quantities(text, [(0, len(text))])
    assert len(rows) == 1, rows
    row = rows[0]
    assert text[row["start"] : row["end"]].startswith(row["number_text"])
    return row["number"], row["qualifier"], row["unit"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A shipment of 200 ballistic missiles arrived.", (200, "", "ballistic missiles")),
        ("Russia expects hundreds of Fath-360 missiles from Iran.", (100, "hundreds", "Fath-360 missiles")),
        ("The cargo included about 450 drones.", (450, "about", "drones")),
        ("They shot down more than 300 drones.", (300, "more than", "drones")),
        (
            "Iran may send approximately 1,000 additional weapons, including missiles.",
            (1000, "approximately", "additional weapons"),
        ),
        ("Dozens of Russian military personnel were trained.", (12, "dozens", "Russian military personnel")),
        ("Kyiv took more than 1,000 square kilometers in Kursk.", (1000, "more than", "square kilometers")),
    ],
)
def test_counted_quantities(text, expected):
    assert one(text) == expected


def test_dates_years_models_and_back_references_are_not_counted():
    text = (
        "On September 4, in 2024, the Ababil-2 and Fath-360 were shown; the two countries met for two and a half years."
    )
    assert extract_quantities(text, [(0, len(text))]) == []


def test_rows_carry_the_statement_index():
    text = "No numbers here. About 450 drones."
    rows = extract_quantities(text, [(0, 16), (17, len(text))])
    assert [(r["statement"], r["number"], r["approximate"]) for r in rows] == [(1, 450.0, True)]


@pytest.mark.parametrize(
    "text, found",
    [
        ("At 3:45 p.m. police arrived.", []),  # a time, not a count of "p"
        ("Two U.S. officials said 200 missiles arrived.", [("Two", "U.S. officials"), ("200", "missiles")]),
    ],
)
def test_a_clock_time_is_no_quantity_and_an_abbreviation_is_one_word(text, found):
    assert [(q["number_text"], q["unit"]) for q in extract_quantities(text, [(0, len(text))])] == found
