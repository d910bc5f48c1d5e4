"""The cleaner: exact offsets, full coverage, and the right lines removed from the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsframe import clean
from newsframe.corpus import load_corpus

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def tiles(text: str, cleaned: clean.Cleaned) -> bool:
    """Body blocks and removed spans cover the text end to end with no gap or overlap."""
    cursor = 0
    for span in sorted(cleaned.body + cleaned.removed, key=lambda s: s.start):
        if span.start != cursor or span.end <= span.start:
            return False
        cursor = span.end
    return cursor == len(text)


def visible_removed(text: str, cleaned: clean.Cleaned) -> list[tuple[str, str]]:
    return [(s.reason, text[s.start : s.end]) for s in cleaned.removed if s.reason != clean.BLANK]


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the seeds, by reading them

EXPECTED_REMOVED = {
    "000": [
        (clean.TITLE, "Ukraine Summons Iranian Diplomat Amid Concerns Over Ballistic Missile Transfer to Russia"),
        (clean.HEADING, "Ukraine’s Stance: The Need for Clarity"),
        (clean.HEADING, "Iran and Russia’s Strategic Alliance"),
        (clean.HEADING, "Kremlin Denies Reports"),
        (clean.HEADING, "The Future of Ukrainian-Iranian Relations"),
    ],
    "001": [(clean.DATELINE, "KYIV:")] + [(clean.TEASER, line) for line in seed("001").splitlines()[-6:]],
    "002": [
        (clean.TITLE, "European Union believes Iran is supplying missiles to Russia to bomb Ukraine"),
        (clean.HEADING, "In response, new restrictions"),
        (clean.HEADING, "Iran denies"),
        (clean.HEADING, "New Russian conquest"),
        (clean.RESIDUE, "To see in video"),
        (clean.RESIDUE, "source site-40"),
    ],
    "003": [
        (clean.TITLE, "Iran denies reports it is to deliver ballistic missiles to Russia"),
        (clean.HEADING, "Iran dismissed such claims before"),
    ],
    "004": [(clean.HEADING, "Notwithstanding Iran’s denial, accusations still persist")],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_REMOVED))
def test_seed_removes_exactly_the_residue(name):
    text = seed(name)
    cleaned = clean.clean_text(text)
    assert visible_removed(text, cleaned) == EXPECTED_REMOVED[name]
    assert tiles(text, cleaned)


@pytest.mark.parametrize("name", sorted(EXPECTED_REMOVED))
def test_no_body_sentence_of_a_seed_is_lost(name):
    """Every line that is not residue survives whole in one body block (001's dateline aside)."""
    text = seed(name)
    cleaned = clean.clean_text(text)
    removed_lines = {t for _, t in EXPECTED_REMOVED[name]}
    bodies = [text[s.start : s.end] for s in cleaned.body]
    expected = [
        line.strip().removeprefix("KYIV: ")
        for line in text.splitlines()
        if line.strip() and line.strip() not in removed_lines
    ]
    assert bodies == expected


def test_teaser_caption_and_residue_never_survive_as_body():
    for name in EXPECTED_REMOVED:
        text = seed(name)
        body = " ".join(text[s.start : s.end] for s in clean.clean_text(text).body)
        assert "..." not in body and "/File" not in body and "site-40" not in body


def test_corpus_tables_index_the_raw_text():
    corpus = load_corpus(SEEDS)
    body_blocks, removed_spans = clean.clean_corpus(corpus)
    message = clean.check_tiling(corpus, body_blocks, removed_spans)
    assert "5 documents" in message
    assert set(removed_spans.columns) >= {"doc_id", "start", "end", "reason", "text", "rule"}
    assert removed_spans["rule"].ne("").all()


# ---------------------------------------------------------------- general rules, beyond the seeds


@pytest.mark.parametrize(
    "line, place",
    [
        ("WASHINGTON (Reuters) - The White House said on Monday it was concerned.", "WASHINGTON (Reuters) -"),
        ("LONDON, March 3 (Reuters) - Oil prices rose.", "LONDON, March 3 (Reuters) -"),
        ("ST. PETERSBURG: Officials met on Tuesday.", "ST. PETERSBURG:"),
        ("NEW DELHI — India said it would wait.", "NEW DELHI —"),
    ],
)
def test_datelines_of_several_shapes(line, place):
    text = f"Headline about things\n{line}\nAnother sentence follows here."
    cleaned = clean.clean_text(text)
    assert (clean.DATELINE, place) in visible_removed(text, cleaned)
    assert tiles(text, cleaned)


def test_acronym_sentences_are_not_datelines():
    text = "NATO said it was aware. US officials agreed."
    assert clean.clean_text(text).removed == []


def test_generic_boilerplate_and_captions():
    text = (
        "A headline\nFirst real sentence of the story.\nAdvertisement\n"
        "Protesters in the square. —AFP/File\nSecond real sentence.\nRead more: other things"
    )
    cleaned = clean.clean_text(text)
    assert visible_removed(text, cleaned) == [
        (clean.TITLE, "A headline"),
        (clean.BOILERPLATE, "Advertisement"),
        (clean.CAPTION, "Protesters in the square. —AFP/File"),
        (clean.BOILERPLATE, "Read more: other things"),
    ]


def test_long_unpunctuated_paragraph_stays_body():
    paragraph = " ".join(["word"] * 40)
    text = f"First sentence here.\n{paragraph}\nLast sentence here."
    assert [text[s.start : s.end] for s in clean.clean_text(text).body] == [
        "First sentence here.",
        paragraph,
        "Last sentence here.",
    ]


def test_title_from_metadata_even_with_punctuation():
    text = "Is Iran arming Russia?\nThe story starts here."
    assert visible_removed(text, clean.clean_text(text)) == []
    assert visible_removed(text, clean.clean_text(text, title="Is Iran arming Russia?")) == [
        (clean.TITLE, "Is Iran arming Russia?")
    ]


def test_bom_crlf_and_lone_cr():
    text = "\ufeffHeadline here\r\nA sentence.\rAnother sentence.\r\n"
    cleaned = clean.clean_text(text)
    assert cleaned.removed[0] == clean.Span(0, 1, clean.BOM)
    assert [text[s.start : s.end] for s in cleaned.body] == ["A sentence.", "Another sentence."]
    assert tiles(text, cleaned)


def test_single_line_document_is_body():
    text = "Just one line without a full stop"
    assert [text[s.start : s.end] for s in clean.clean_text(text).body] == [text]


# ---------------------------------------------------------------- properties

LINE_SHAPES = st.one_of(
    st.text(min_size=0, max_size=80),
    st.sampled_from(
        [
            "KYIV: Officials said so.",
            "Short heading",
            "Cut off story about...",
            "—AFP/File",
            "Advertisement",
            "A full sentence, with a quote.”",
            "  ",
            "\t",
            "\ufeff",
            "…",
        ]
    ),
    # Hard-wrapped newswire: full lines that go on, indented paragraph starts, the sign-off.
    st.sampled_from(
        [
            "CLEVELAND, Feb 26 - Standard Oil Co and BP North America",
            "Inc said they plan to form a venture to manage the money market",
            "borrowing and investment activities of both companies.",
            "    BP North America is a subsidiary of British Petroleum Co",
            "Plc &lt;BP>, which also owns a 55 pct interest in Standard Oil.",
            "    SUBPRODUCTS",
            "    Revs 21.9 mln vs 12.9 mln",
            "4,340, 4,345 and 4,350 dlrs.",
            " Reuter",
            "&#3;",
            "STANDARD OIL &lt;SRD> TO FORM FINANCIAL UNIT",
        ]
    ),
    st.builds(
        lambda indent, words: indent + " ".join(words),
        st.sampled_from(["", "", "    ", "\t"]),
        st.lists(
            st.sampled_from(["the", "oil", "said", "Tehran", "5.93", "mln", "bags.", "dlrs,", "U.S."]),
            min_size=1,
            max_size=12,
        ),
    ),
)
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(LINE_SHAPES, LINE_ENDS), max_size=25), st.text(max_size=20))
def test_any_document_is_tiled_exactly(parts, title):
    text = "".join(line + end for line, end in parts)
    cleaned = clean.clean_text(text, title)
    assert tiles(text, cleaned)
    for span in cleaned.body:
        block = text[span.start : span.end]
        assert block and block == block.strip()
        # A block spans several lines only when they are wrapped lines of one paragraph: never
        # across a blank line, and each of its lines has text.
        lines = block.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        assert all(line.strip() for line in lines)
        if len(lines) > 1:
            assert clean._paragraphs(text, clean._layout(text, int(text.startswith("\ufeff"))), title) is not None
    for span in cleaned.removed:
        assert span.reason in clean.RULES
        if span.reason == clean.BLANK:
            assert text[span.start : span.end].strip() == "" or text[span.start : span.end] == "\ufeff"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_is_tiled_exactly(text):
    assert tiles(text, clean.clean_text(text))
