"""The cleaner on scraped web text: boilerplate glued into paragraphs or single-line text, site
boilerplate repeated across an outlet's documents, and the guards that keep real text.

Every corpus here is synthetic, written for the test; the AllSides check at the end reads
../shared/data/allsides in place and is skipped when it is not there.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsframe import boilerplate, clean, repetition
from newsframe.corpus import Corpus, Document, documents_frame
from test_clean import tiles

ALLSIDES = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "allsides_world.jsonl.gz"

PROSE = [
    "The minister said the talks would resume on Monday.",
    "Officials in both capitals declined to comment on the report.",
    "A spokesman for the ministry called the claims “baseless” in a statement.",
    "Analysts expect the sanctions to stay in place for at least another year.",
    "The agreement, signed in 2015, limited the country's enrichment of uranium.",
    "Lawmakers from both parties asked for a briefing before the vote.",
]

# One piece per family, as scraped pages carry them (names and outlets invented).
GLUED = [
    (boilerplate.CREDIT, "(AP Photo/Jane Doe)"),
    (boilerplate.CREDIT, "(Example Photo/Jane Doe, File)"),
    (boilerplate.CREDIT, "Image copyright Example Agency Image caption A man walks past a mural in the capital."),
    (boilerplate.CREDIT, "Media playback is unsupported on your device Media caption The envoy spoke to reporters."),
    (boilerplate.LINK, "Read more: Ten things to know about the summit."),
    (boilerplate.LINK, "Related: Ministers meet again in Vienna."),
    (boilerplate.LINK, "More: The talks resume after a pause."),
    (boilerplate.LINK, "Click the link to read more 👉"),
    (boilerplate.LINK, "MUST WATCH Ministers arrive for the summit 01:42"),
    (boilerplate.LINK, "JUST WATCHED Will the talks work? Replay More Videos ..."),
    (boilerplate.CREDIT, "Hide Caption 3 of 12 Photos: Scenes from the summit."),
    (boilerplate.PROMPT, "Sign up for our morning newsletter."),
    (boilerplate.PROMPT, "Download the Example News app."),
    (boilerplate.PROMPT, "By signing up, you agree to our privacy policy."),
    (boilerplate.COPYRIGHT, "Copyright © 2021 Example Media, LLC."),
    (boilerplate.COPYRIGHT, "Click here for reprint permission."),
    (boilerplate.MARKER, "ADVERTISEMENT"),
    (boilerplate.MARKER, "Story continued below"),
    (boilerplate.BYLINE, "By Jane Doe for the Example Post"),
    (boilerplate.BYLINE, "Jane Doe and John Roe contributed to this report."),
    (boilerplate.BYLINE, "Contributing: Jane Doe in Springfield and John Roe."),
    (boilerplate.BYLINE, "Reporting by Jane Doe; editing by John Roe."),
    (boilerplate.PROMPT, "Sign up to receive the top stories every morning."),
    (boilerplate.PROMPT, "To keep up, follow us on Twitter @ExampleNews."),
    (boilerplate.REPUBLISHED, "This article is republished from Example Review under a Creative Commons license."),
]


def bodies(text: str, cleaned: clean.Cleaned) -> list[str]:
    return [text[s.start : s.end] for s in cleaned.body]


def removed(text: str, cleaned: clean.Cleaned) -> list[tuple[str, str]]:
    return [(s.reason, text[s.start : s.end]) for s in cleaned.removed if s.reason != clean.BLANK]


# ---------------------------------------------------------------- boilerplate by shape


@pytest.mark.parametrize("reason, piece", GLUED, ids=[p[:24] for _, p in GLUED])
@pytest.mark.parametrize("where", [1, 3])
def test_each_family_glued_into_single_line_text_is_removed_alone(reason, piece, where):
    text = " ".join(PROSE[:where] + [piece] + PROSE[where:])
    cleaned = clean.clean_text(text)
    assert tiles(text, cleaned)
    assert (reason, piece) in removed(text, cleaned)
    assert " ".join(bodies(text, cleaned)) == " ".join(PROSE)


@pytest.mark.parametrize("reason, piece", GLUED, ids=[p[:24] for _, p in GLUED])
def test_each_family_as_its_own_paragraph_is_removed(reason, piece):
    text = "\n\n".join(PROSE[:2] + [piece] + PROSE[2:])
    cleaned = clean.clean_text(text)
    assert tiles(text, cleaned)
    assert [t for _, t in removed(text, cleaned)] == [piece]
    assert bodies(text, cleaned) == PROSE


def test_a_paragraph_ending_in_a_credit_is_a_caption():
    caption = "Protesters gather outside the embassy on Friday, March 3, 2023. (Example Photo/Jane Doe)"
    guardian = "The envoy at the talks in Geneva. Photograph: Jane Doe/Agency"
    text = "\n\n".join([PROSE[0], caption, PROSE[1], guardian, PROSE[2]])
    cleaned = clean.clean_text(text)
    assert removed(text, cleaned) == [(boilerplate.CREDIT, caption), (boilerplate.CREDIT, guardian)]
    assert bodies(text, cleaned) == PROSE[:3]


def test_trailing_author_bio_is_removed_but_not_a_source_introduced_earlier():
    bio = "Jane Doe is a senior fellow at the Example Institute and the author of a book on sanctions."
    text = "\n\n".join([bio.replace("Jane Doe", "John Roe")] + PROSE + [bio])
    cleaned = clean.clean_text(text)
    assert removed(text, cleaned) == [(boilerplate.BIO, bio)]
    assert bodies(text, cleaned)[0].startswith("John Roe is a senior fellow")


def test_an_author_bio_followed_by_a_disclaimer_ends_the_body():
    bio = "Jane Doe is a columnist for the Example Post."
    note = "The views expressed by contributors are their own."
    text = "\n\n".join(PROSE + [f"{bio} She lives in Springfield.", note])
    cleaned = clean.clean_text(text)
    assert bodies(text, cleaned) == PROSE
    assert removed(text, cleaned)[0] == (boilerplate.BIO, f"{bio} She lives in Springfield.")
    assert [t for _, t in removed(text, cleaned)][1:] == [note]


def test_prose_that_merely_mentions_the_words_stays():
    text = (
        "The company said advertisement revenue fell by a third. Readers can sign up for alerts, she said, "
        "but few do. More than 40 people were hurt. By Tuesday, the troops had left. "
        "He read more than a hundred reports. The copyright dispute went to court."
    )
    cleaned = clean.clean_text(text)
    assert removed(text, cleaned) == []
    assert bodies(text, cleaned) == [text]


def test_sentence_units_do_not_split_abbreviations():
    text = "Mr. Smith met Gen. Jones in the U.S. on Monday. Then he met Ms. Roe. She left.It was late."
    assert [text[s:e] for s, e in boilerplate.sentence_units(text, 0, len(text))] == [
        "Mr. Smith met Gen. Jones in the U.S. on Monday.",
        "Then he met Ms. Roe.",
        "She left.",
        "It was late.",
    ]


# ---------------------------------------------------------------- property: boilerplate anywhere


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PROSE), min_size=1, max_size=8), st.data())
def test_boilerplate_inserted_anywhere_is_removed_and_the_text_still_tiles(sentences, data):
    reason, piece = data.draw(st.sampled_from(GLUED))
    at = data.draw(st.integers(0, len(sentences)))
    parts = sentences[:at] + [piece] + sentences[at:]
    seps = data.draw(
        st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", " \r\n"]), min_size=len(parts) - 1, max_size=len(parts) - 1)
    )
    text = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:]))
    cleaned = clean.clean_text(text)
    assert tiles(text, cleaned)
    start = sum(len(p) + len(s) for p, s in zip(parts[:at], seps[:at]))
    assert text[start : start + len(piece)] == piece
    if any(b.detail for b in cleaned.body):
        return  # the guard kept a removed piece: nothing else was left (e.g. one sentence plus a credit: a caption)
    # Every character of the inserted piece is in a removed span, none in a body block.
    assert not any(s.start < start + len(piece) and start < s.end for s in cleaned.body)
    assert all(b in PROSE or b.split() for b in bodies(text, cleaned))


# ---------------------------------------------------------------- boilerplate by repetition

FURNITURE = "Our journalism depends on readers like you."
BACKGROUND = (
    "The agreement, signed by six world powers in 2015, lifted sanctions in exchange for limits on "
    "the country's nuclear programme."
)


def _doc(doc_id: str, outlet: str, text: str) -> Document:
    return Document(
        doc_id=doc_id,
        source_path=f"test#{doc_id}",
        text=text,
        sha256=doc_id,
        encoding="utf-8",
        input_format="jsonl",
        outlet=outlet,
    )


def repeated_corpus() -> Corpus:
    """Outlet A repeats a furniture line in 8 of 10 documents and a background paragraph in 6;
    outlet B carries the furniture line once; the last document has no outlet."""
    documents = []
    for i in range(10):
        paragraphs = [f"Report number {i} begins with its own news about the talks.", PROSE[i % len(PROSE)]]
        if i < 6:
            paragraphs.append(BACKGROUND)
        if i < 8:
            paragraphs.append(FURNITURE)
        documents.append(_doc(f"a{i:02d}", "Outlet A", "\n\n".join(paragraphs)))
    for i in range(10):
        documents.append(
            _doc(
                f"b{i:02d}",
                "Outlet B",
                f"Outlet B story {i} is about something else. " + (FURNITURE if i == 0 else PROSE[i % len(PROSE)]),
            )
        )
    documents.append(_doc("seed", "", "\n\n".join([PROSE[0], FURNITURE])))
    return Corpus("test", documents, [])


def test_an_outlets_repeated_line_is_removed_and_its_background_paragraph_marked():
    body_blocks, removed_spans = clean.clean_corpus(repeated_corpus())
    repeated = removed_spans[removed_spans["reason"] == repetition.REPEATED]
    assert sorted(repeated["doc_id"]) == [f"a{i:02d}" for i in range(8)]
    assert set(repeated["text"]) == {FURNITURE}
    assert set(repeated["detail"]) == {"in 8 of 10 Outlet A documents"}
    marked = body_blocks[body_blocks["repeated_in"] > 0]
    assert sorted(marked["doc_id"]) == [f"a{i:02d}" for i in range(6)]
    assert set(marked["text"]) == {BACKGROUND} and set(marked["first_doc"]) == {"a00"}
    # Outlet B (once) and the document without an outlet keep the line.
    assert FURNITURE in set(body_blocks.loc[body_blocks["doc_id"] == "seed", "text"])
    assert body_blocks.loc[body_blocks["doc_id"] == "b00", "text"].str.contains(FURNITURE, regex=False).all()


def test_repeated_furniture_glued_to_the_end_of_a_paragraph_is_cut_off():
    corpus = repeated_corpus()
    glued = _doc("a10", "Outlet A", f"{PROSE[0]} {PROSE[1]} {FURNITURE}")
    corpus = Corpus("test", corpus.documents + [glued], [])
    body_blocks, removed_spans = clean.clean_corpus(corpus)
    assert list(body_blocks.loc[body_blocks["doc_id"] == "a10", "text"]) == [f"{PROSE[0]} {PROSE[1]}"]
    assert list(
        removed_spans.loc[(removed_spans["doc_id"] == "a10") & (removed_spans["reason"] != clean.BLANK), "text"]
    ) == [FURNITURE]


def test_threshold_is_a_parameter_and_copies_do_not_count():
    body_blocks, removed_spans = clean.clean_corpus(repeated_corpus(), min_docs=9)
    assert repetition.REPEATED not in set(removed_spans["reason"])
    docs = [("x0", "X", FURNITURE, False)] + [(f"x{i}", "X", FURNITURE, True) for i in range(1, 6)]
    digests = [repetition.unit_digests(t) for _, _, t, _ in docs]
    assert repetition.count_units(docs, digests, min_docs=2, min_share=0) == {}


def test_engines_give_the_same_tables():
    local = clean.clean_corpus(repeated_corpus())
    pooled = clean.clean_corpus(repeated_corpus(), engine="processes")
    for a, b in zip(local, pooled):
        pd.testing.assert_frame_equal(a, b)


# ---------------------------------------------------------------- safety


def test_no_rule_removes_the_whole_body():
    text = "Advertisement\n\nRead more: the other story about the summit.\n\nSign up for our newsletter."
    cleaned = clean.clean_text(text)
    assert tiles(text, cleaned)
    assert bodies(text, cleaned) == ["Read more: the other story about the summit."]
    assert "no body text" in cleaned.body[0].detail


def test_the_guard_is_reported_in_the_documents_table():
    corpus = Corpus("test", [_doc("only", "", "Advertisement\n\nRead more: elsewhere today.")], [])
    body_blocks, removed_spans = clean.clean_corpus(corpus)
    table = clean.document_table(documents_frame(corpus), body_blocks, removed_spans)
    assert table.loc[0, "clean_warning"].startswith("kept although removed as")


def test_a_whole_article_shaped_like_a_teaser_is_kept():
    article = " ".join(PROSE) + " The minister added that the country would not accept new demands and…"
    cleaned = clean.clean_text(article)
    assert bodies(article, cleaned) == [article]
    two_lines = f"{PROSE[0]}\nThe second paragraph of the article was cut off by the scraper after the word..."
    assert removed(two_lines, clean.clean_text(two_lines)) == []


def test_previews_of_other_stories_are_still_teasers():
    text = "\n".join(
        [
            PROSE[0],
            PROSE[1],
            "Elections: the vote in the north was delayed after...",
            "Markets: shares fell on the news of the...",
        ]
    )
    assert [r for r, _ in removed(text, clean.clean_text(text))] == [clean.TEASER, clean.TEASER]


def test_heavily_cleaned_lists_documents_losing_more_than_40_percent():
    furniture = "\n\n".join(
        [
            "Sign up for our morning newsletter.",
            "Copyright © 2021 Example Media, LLC.",
            "Click here for reprint permission.",
            "Download the Example News app.",
        ]
    )
    corpus = Corpus(
        "test", [_doc("heavy", "X", f"{PROSE[0]}\n\n{furniture}"), _doc("light", "X", "\n\n".join(PROSE))], []
    )
    body_blocks, removed_spans = clean.clean_corpus(corpus)
    table = clean.heavily_cleaned(
        clean.document_table(documents_frame(corpus), body_blocks, removed_spans), removed_spans
    )
    assert list(table.columns) == ["doc_id", "outlet", "share_removed", "reasons"]
    assert list(table["doc_id"]) == ["heavy"] and table.loc[0, "share_removed"] > 0.4
    assert boilerplate.COPYRIGHT in table.loc[0, "reasons"].split("; ")


def test_every_new_reason_has_a_rule():
    for reason in [*boilerplate.RULES, repetition.REPEATED]:
        assert clean.RULES[reason]


# ---------------------------------------------------------------- a real scraped corpus, when present


@pytest.mark.slow
@pytest.mark.skipif(not ALLSIDES.exists(), reason="../shared/data/allsides not present")
def test_allsides_tiles_and_keeps_a_body_for_every_document():
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    corpus = Corpus("allsides", [_doc(r["id"], r.get("outlet") or "", r["text"]) for r in rows], [])
    body_blocks, removed_spans = clean.clean_corpus(corpus)
    clean.check_tiling(corpus, body_blocks, removed_spans)
    assert body_blocks["doc_id"].nunique() == sum(1 for r in rows if r["text"].strip())
    assert clean.TEASER not in set(removed_spans.loc[removed_spans["end"] - removed_spans["start"] > 400, "reason"])
    body = " ".join(body_blocks["text"])
    for marker in ("Media playback is unsupported", "Click here for reprint permission", "Story Continued Below"):
        assert marker not in body
