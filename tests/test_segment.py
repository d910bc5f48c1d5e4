import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsframe.segment import BACKENDS, compare_segmenters, line_blocks, split_statements

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_DATELINE = re.compile(r"[A-Z]{2,}(?: [A-Z]{2,})*: ")


def seed_blocks(text):
    """Stand-in for the cleaner: body lines end like sentences; teasers end in '...'; datelines cut."""
    blocks = []
    for start, end in line_blocks(text):
        line = text[start:end]
        if line[-1] not in '.!?”"’' or line.endswith("..."):
            continue
        dateline = _DATELINE.match(line)
        blocks.append((start + dateline.end() if dateline else start, end))
    return blocks


def seed_docs():
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def texts(text, segmenter="blingfire"):
    return [text[s:e] for s, e in split_statements(text, line_blocks(text), segmenter)]


@pytest.mark.parametrize("segmenter", list(BACKENDS))
def test_known_hard_cases(segmenter):
    text = (
        "Mr. Smith went to Washington D.C. on Monday. The U.S. envoy met him. "
        "He said: “We are ready. We will act.” Then he left. "
        "Drones are hard to detect (UAVs).Although small, they fly. "
        "U.S.-led forces spent 3.5 percent more."
    )
    assert texts(text, segmenter) == [
        "Mr. Smith went to Washington D.C. on Monday.",
        "The U.S. envoy met him.",
        "He said: “We are ready.",
        "We will act.”",
        "Then he left.",
        "Drones are hard to detect (UAVs).",
        "Although small, they fly.",
        "U.S.-led forces spent 3.5 percent more.",
    ]


@pytest.mark.parametrize("segmenter", list(BACKENDS))
def test_closing_quote_stays_with_its_sentence(segmenter):
    text = '"It is over. We lost." Then silence. She wrote: "Done." "Next," he said.'
    out = texts(text, segmenter)
    assert out[:3] == ['"It is over.', 'We lost."', "Then silence."]
    assert all(not t.startswith(('"', "”")) or t.startswith(('"Next', '"It')) for t in out)


def test_seed_offsets_are_exact_and_inside_blocks():
    for doc_id, text in seed_docs().items():
        blocks = seed_blocks(text)
        spans = split_statements(text, blocks)
        assert spans == sorted(spans)
        for s, e in spans:
            assert any(bs <= s < e <= be for bs, be in blocks), doc_id
            assert text[s:e] == text[s:e].strip()
        assert not any(e1 > s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))


def test_unknown_segmenter_is_refused():
    with pytest.raises(ValueError, match="unknown segmenter"):
        split_statements("A. B.", [(0, 5)], "nope")


def test_compare_segmenters_reports_every_backend():
    docs = [(text, seed_blocks(text)) for text in seed_docs().values()]
    table = compare_segmenters(docs, repeat=1)
    assert set(table["segmenter"]) == set(BACKENDS)
    repaired = table[table["variant"] == "repaired"]
    assert (repaired["known_errors"] == 0).all()


_alphabet = st.sampled_from(list("ab AB.,!?\n\"“”‘’'()-:;0123456789") + ["U.S.", "Mr. ", " D.C.", "é"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_alphabet, max_size=120).map("".join), st.sampled_from(list(BACKENDS)))
def test_offsets_property(text, segmenter):
    blocks = line_blocks(text)
    spans = split_statements(text, blocks, segmenter)
    for s, e in spans:
        assert text[s:e] and text[s:e] == text[s:e].strip()
        assert any(bs <= s < e <= be for bs, be in blocks)
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(text[i].isspace() for b in blocks for i in range(*b) if i not in covered)
