"""The cleaner on hard-wrapped text (newswire, e-mail): wrapped lines are joined into paragraphs
before they are classified, and only in documents that are actually hard-wrapped.

Synthetic documents pin the rules down; a few real Reuters-21578 articles are read from
../shared/data/reuters21578 when it is present (skipped otherwise: tests never need the data).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from newsframe import clean
from newsframe.segment import split_statements
from test_clean import tiles, visible_removed

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"


def bodies(text: str, cleaned: clean.Cleaned) -> list[str]:
    return [text[s.start : s.end] for s in cleaned.body]


# The body of Reuters-21578 article 2, as the data set's "body" field gives it: the dateline that
# opened the first line was cut away, so that line is short.
BODY = (
    "Standard Oil Co and BP North America\n"
    "Inc said they plan to form a venture to manage the money market\n"
    "borrowing and investment activities of both companies.\n"
    "    BP North America is a subsidiary of British Petroleum Co\n"
    "Plc &lt;BP>, which also owns a 55 pct interest in Standard Oil.\n"
    "    The venture will be called BP/Standard Financial Trading\n"
    "and will be operated by Standard Oil under the oversight of a\n"
    "joint management committee.\n"
    "\n Reuter\n&#3;"
)
PARAGRAPHS = [
    (
        "Standard Oil Co and BP North America\n"
        "Inc said they plan to form a venture to manage the money market\n"
        "borrowing and investment activities of both companies."
    ),
    (
        "BP North America is a subsidiary of British Petroleum Co\n"
        "Plc &lt;BP>, which also owns a 55 pct interest in Standard Oil."
    ),
    (
        "The venture will be called BP/Standard Financial Trading\n"
        "and will be operated by Standard Oil under the oversight of a\n"
        "joint management committee."
    ),
]
# The same article as a wire story: headline, then dateline and body (as bench/scale_sweep.py builds it).
WIRE = "STANDARD OIL &lt;SRD> TO FORM FINANCIAL UNIT\nCLEVELAND, Feb 26 - " + BODY


def test_wrapped_body_is_joined_into_paragraphs():
    cleaned = clean.clean_text(BODY)
    assert bodies(BODY, cleaned) == PARAGRAPHS
    assert visible_removed(BODY, cleaned) == [(clean.BOILERPLATE, "Reuter"), (clean.BOILERPLATE, "&#3;")]
    assert tiles(BODY, cleaned)


def test_wire_story_title_dateline_paragraphs_and_sign_off():
    cleaned = clean.clean_text(WIRE)
    assert bodies(WIRE, cleaned) == PARAGRAPHS
    assert visible_removed(WIRE, cleaned) == [
        (clean.TITLE, "STANDARD OIL &lt;SRD> TO FORM FINANCIAL UNIT"),
        (clean.DATELINE, "CLEVELAND, Feb 26 -"),
        (clean.BOILERPLATE, "Reuter"),
        (clean.BOILERPLATE, "&#3;"),
    ]
    # Exact spans: the indentation before a paragraph and the line breaks are blank residue.
    second = WIRE.index("BP North America is")
    assert clean.Span(second - 5, second, clean.BLANK) in cleaned.removed
    assert clean.Span(second, second + len(PARAGRAPHS[1])) in cleaned.body
    assert tiles(WIRE, cleaned)


def test_crlf_wrapped_text_gives_the_same_paragraphs():
    text = WIRE.replace("\n", "\r\n")
    cleaned = clean.clean_text(text)
    assert [b.replace("\r\n", "\n") for b in bodies(text, cleaned)] == PARAGRAPHS
    assert tiles(text, cleaned)


def test_title_from_metadata_in_mixed_case():
    text = "Standard Oil and BP to form a unit\nCLEVELAND, Feb 26 - " + BODY
    cleaned = clean.clean_text(text, title="Standard Oil and BP to form a unit")
    assert visible_removed(text, cleaned)[:2] == [
        (clean.TITLE, "Standard Oil and BP to form a unit"),
        (clean.DATELINE, "CLEVELAND, Feb 26 -"),
    ]
    assert bodies(text, cleaned) == PARAGRAPHS


def test_short_first_body_line_after_a_title_is_not_a_heading():
    text = "OIL COMPANIES PLAN VENTURE\n" + BODY
    cleaned = clean.clean_text(text)
    assert bodies(text, cleaned) == PARAGRAPHS
    assert visible_removed(text, cleaned)[0] == (clean.TITLE, "OIL COMPANIES PLAN VENTURE")


def test_blank_line_separated_paragraphs():
    text = (
        "Budget talks\n"
        "\n"
        "The committee met on Tuesday and agreed that the budget for the\n"
        "coming year should be cut by five percent across all of the\n"
        "departments.\n"
        "\n"
        "Members said the cuts would be painful but necessary, and\n"
        "that no jobs would be lost.\n"
    )
    cleaned = clean.clean_text(text)
    assert bodies(text, cleaned) == [
        (
            "The committee met on Tuesday and agreed that the budget for the\n"
            "coming year should be cut by five percent across all of the\ndepartments."
        ),
        "Members said the cuts would be painful but necessary, and\nthat no jobs would be lost.",
    ]
    assert visible_removed(text, cleaned) == [(clean.TITLE, "Budget talks")]
    assert tiles(text, cleaned)


def test_headings_between_wrapped_paragraphs():
    text = (
        "GRAIN REGISTRATIONS\n"
        "BUENOS AIRES, Feb 26 - Argentine grain board figures show\n"
        "crop registrations of grains, oilseeds and their products.\n"
        "    SUBPRODUCTS\n"  # indented like a paragraph, alone
        "    Wheat registrations rose to 39.9 thousand tonnes from the\n"
        "48.7 thousand tonnes of the week before, the board said.\n"
        "\n"
        "Outlook\n"  # blank line before, none after
        "    Traders expect registrations to slow in the coming weeks as\n"
        "the harvest ends.\n"  # a short line that ends a sentence ends its paragraph
        "Exporters were cautious.\n"
        "Prices\n"  # a short line standing alone, the next starting with a capital: a heading
        "Prices rose by two dollars a tonne over the week, according to\n"
        "the board, on stronger demand from Brazil.\n"
    )
    cleaned = clean.clean_text(text)
    assert visible_removed(text, cleaned) == [
        (clean.TITLE, "GRAIN REGISTRATIONS"),
        (clean.DATELINE, "BUENOS AIRES, Feb 26 -"),
        (clean.HEADING, "SUBPRODUCTS"),
        (clean.HEADING, "Outlook"),
        (clean.HEADING, "Prices"),
    ]
    assert bodies(text, cleaned) == [
        "Argentine grain board figures show\ncrop registrations of grains, oilseeds and their products.",
        (
            "Wheat registrations rose to 39.9 thousand tonnes from the\n"
            "48.7 thousand tonnes of the week before, the board said."
        ),
        "Traders expect registrations to slow in the coming weeks as\nthe harvest ends.",
        "Exporters were cautious.",
        "Prices rose by two dollars a tonne over the week, according to\nthe board, on stronger demand from Brazil.",
    ]
    assert tiles(text, cleaned)


def test_dateline_opens_only_the_first_paragraph():
    text = (
        "CRONUS INDUSTRIES INC 4TH QTR LOSS\n"
        "DALLAS, March 2 - The company reported an operating loss of\n"
        "40 cts a share for the quarter, against 10 cts a year ago.\n"
        "    NOTE: prior qtr excludes loss 475,000, or five cts per\n"
        "share, for discontinued operations.\n"
        " Reuter\n&#3;"
    )
    cleaned = clean.clean_text(text)
    assert (clean.DATELINE, "DALLAS, March 2 -") in visible_removed(text, cleaned)
    assert bodies(text, cleaned)[-1] == (
        "NOTE: prior qtr excludes loss 475,000, or five cts per\nshare, for discontinued operations."
    )


@pytest.mark.parametrize(
    "text",
    [
        "HEAD LINE\r\nDALLAS, March 2 -\r\nOil rose sharply today in the markets of the world as the\r\ntraders said.\r\n",
        "HEAD LINE\nDALLAS, March 2 -  Oil rose sharply today in the markets of the world as\nthe traders said.\n",
    ],
)
def test_body_after_a_dateline_starts_at_the_text(text):
    cleaned = clean.clean_text(text)
    assert (clean.DATELINE, "DALLAS, March 2 -") in visible_removed(text, cleaned)
    assert bodies(text, cleaned)[0].startswith("Oil rose sharply")
    assert tiles(text, cleaned)


def test_table_lines_are_not_joined():
    text = (
        "CRONUS INDUSTRIES INC 4TH QTR LOSS\n"
        "DALLAS, March 2 - Cronus Industries Inc reported these results\n"
        "for its fourth quarter, against a loss a year ago.\n"
        "    Oper net loss 2,136,000 vs loss 467,000\n"
        "    Revs 21.9 mln vs 12.9 mln\n"
        "    12 mths\n"
        " Reuter\n&#3;"
    )
    cleaned = clean.clean_text(text)
    rows = ["Oper net loss 2,136,000 vs loss 467,000", "Revs 21.9 mln vs 12.9 mln", "12 mths"]
    spans = [text[s.start : s.end] for s in cleaned.body + cleaned.removed]
    assert all(row in spans for row in rows)


@pytest.mark.parametrize(
    "sign_off", ["Reuter", "REUTER", "REUTERS", "REUTER...", "REUTER^M", "reuter", "MORE", "&#3;", "\x03"]
)
def test_wire_sign_offs_are_boilerplate(sign_off):
    for text in (BODY.replace("Reuter", sign_off), f"Headline\nA sentence.\n{sign_off}\n"):
        cleaned = clean.clean_text(text)
        assert (clean.BOILERPLATE, sign_off) in visible_removed(text, cleaned)
        assert tiles(text, cleaned)


def test_short_lines_that_are_not_wrapped_stay_line_by_line():
    """Lines under the wrap width but no sentence running across a line break: one block per line."""
    text = (
        "Iran denies the report\nOfficials in Tehran said on Monday the report was false.\n"
        "What the ministry said\nThe ministry called it baseless.\n"
    )
    cleaned = clean.clean_text(text)
    assert visible_removed(text, cleaned) == [
        (clean.TITLE, "Iran denies the report"),
        (clean.HEADING, "What the ministry said"),
    ]
    assert bodies(text, cleaned) == [
        "Officials in Tehran said on Monday the report was false.",
        "The ministry called it baseless.",
    ]


def test_wrapped_blocks_segment_into_whole_sentences():
    """The segmenter treats a line break inside a paragraph as a space."""
    cleaned = clean.clean_text(WIRE)
    spans = split_statements(WIRE, [(s.start, s.end) for s in cleaned.body])
    assert [WIRE[s:e] for s, e in spans] == PARAGRAPHS


# ---------------------------------------------------------------- properties

WORDS = st.lists(
    st.one_of(
        st.from_regex(r"[a-z]{1,10}", fullmatch=True),
        st.sampled_from(["Tehran", "U.S.", "5.93", "said.", "Iran's", "(Reuters)", "mln,"]),
    ),
    min_size=3,
    max_size=60,
)


@st.composite
def wrapped_story(draw):
    """A wire story: headline in capitals, paragraphs wrapped at one width, indented paragraph starts."""
    width = draw(st.integers(40, 90))
    paragraphs = []
    for words in draw(st.lists(WORDS, min_size=1, max_size=6)):
        sentence = " ".join(words)
        sentence = sentence[0].upper() + sentence[1:] + "."
        paragraphs.append(textwrap.wrap(sentence, width))
    lines = [draw(st.sampled_from(["OIL PRICES RISE", "IRAN DENIES MISSILE REPORT", "CORN EXPORTS FALL"]))]
    for i, wrapped in enumerate(paragraphs):
        lines.append(("    " if i else "") + wrapped[0])
        lines.extend(wrapped[1:])
    end = draw(st.sampled_from(["\n Reuter\n&#3;", "\n", ""]))
    return "\n".join(lines) + end, ["\n".join(wrapped) for wrapped in paragraphs]


@settings(max_examples=200, deadline=None)
@given(wrapped_story())
def test_wrapped_paragraphs_come_out_whole(story):
    """Every paragraph comes out whole, as one body block.

    Left out: stories whose every line break falls between capitalised words ("... Tehran\nTehran."),
    where nothing shows that a sentence runs on across a line (see ``clean._paragraphs``): those
    are cleaned line by line, as before.
    """
    text, paragraphs = story
    layout = clean._layout(text, 0)
    assume(clean._paragraphs(text, layout, "") is not None or all("\n" not in p for p in paragraphs))
    cleaned = clean.clean_text(text)
    assert tiles(text, cleaned)
    assert bodies(text, cleaned) == paragraphs
    assert visible_removed(text, cleaned)[0][0] == clean.TITLE


# ---------------------------------------------------------------- real Reuters articles


def _reuters(newids: set[str]) -> dict[str, str]:
    """Articles as bench/scale_sweep.py builds them: title, newline, dateline, space, body."""
    records = json.loads((REUTERS / "json-data" / "reut2-000.json").read_text(encoding="utf-8", errors="replace"))
    stories = {}
    for record in records:
        if record["attrs"]["newid"] in newids:
            body = (record.get("body") or "").strip()
            stories[record["attrs"]["newid"]] = f"{record['title'].strip()}\n{record['dateline'].strip()} {body}"
    return stories


#: Reuters-21578 articles of reut2-000 (by NEWID) written as prose, and their first words.
PROSE = {
    "1": "Showers continued throughout the week in",
    "2": "Standard Oil Co and BP North America",
    "4": "BankAmerica Corp is not under",
    "7": "Red Lion Inns Limited Partnership",
    "9": "Champion Products Inc said its",
    "12": "Ohio Mattress Co said its first",
}


@pytest.mark.skipif(not (REUTERS / "json-data").is_dir(), reason="Reuters-21578 not available (../shared/data)")
def test_real_reuters_articles():
    for newid, text in _reuters(set(PROSE)).items():
        cleaned = clean.clean_text(text)
        assert tiles(text, cleaned)
        blocks = bodies(text, cleaned)
        reasons = [reason for reason, _ in visible_removed(text, cleaned)]
        assert reasons[:2] == [clean.TITLE, clean.DATELINE], newid
        assert reasons[2:] == [clean.BOILERPLATE, clean.BOILERPLATE], newid  # "Reuter" and "&#3;", nothing else
        # The first paragraph is kept whole: from the first words after the dateline to its last line.
        first_paragraph = text[text.index(PROSE[newid]) :].split("\n    ")[0]
        assert blocks[0] == first_paragraph, newid
        for block in blocks:
            assert not block[0].islower(), f"{newid}: a block starts mid-sentence: {block[:60]!r}"
            assert clean._is_sentence(block), f"{newid}: a block ends mid-sentence: {block[-60:]!r}"
