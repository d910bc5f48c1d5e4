"""The PolNeAR reader (bench/polnear.py) on a small synthetic corpus, and on the real data
when ../shared/data/polnear is present (skipped otherwise: tests never need the data)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from polnear import load_split, parse_ann  # noqa: E402

TEXT = "Morris says the campaign will “compete vigorously.” It was first reported by MSNBC, he said."
ANN = (
    "T1\tSource 0 6\tMorris\n"
    "T2\tCue 7 11\tsays\n"
    "T3\tContent 12 30;31 51\tthe campaign will “compete vigorously.”\n"
    "T4\tAttribution 7 11\tsays\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 52 54\tIt\n"
    "T6\tCue 55 76\twas first reported by\n"
    "T7\tSource 77 82\tMSNBC\n"
    "T8\tAttribution 55 76\twas first reported by\n"
    "E2\tAttribution:T8 Source:T7 Cue:T6 Content:T5\n"
    "T9\tDiscuss 84 91\the said\n"
    "#1\tAnnotatorNotes T9\ta note\nthat runs over two lines\n"
)


def test_parse_ann_links_roles_and_keeps_discontinuous_pieces():
    attributions = parse_ann(ANN)
    assert [a.id for a in attributions] == ["E1", "E2"]
    first = attributions[0].spans
    assert TEXT[first["Source"].start : first["Source"].end] == "Morris"
    assert first["Content"].pieces == ((12, 30), (31, 51))
    assert (first["Content"].start, first["Content"].end) == (12, 51)
    assert TEXT[attributions[1].spans["Cue"].start : attributions[1].spans["Cue"].end] == "was first reported by"


def test_load_split_picks_the_first_annotator(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_ff00.ann").write_text("", encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_0b12.ann").write_text(ANN, encoding="utf-8")
    (article,) = load_split(tmp_path, "dev")
    assert (article.name, article.annotator, len(article.attributions)) == ("a", "0b12", 2)
    assert [TEXT[s.start : s.end] for s in article.spans("Source")] == ["Morris", "MSNBC"]


DATA = ROOT.parent / "shared" / "data" / "polnear"


@pytest.mark.skipif(not DATA.is_dir(), reason="PolNeAR not available")
def test_real_offsets_point_at_the_annotated_text():
    articles = load_split(DATA, "dev")
    assert len(articles) == 84
    for article in articles:
        for role in ("Source", "Cue", "Content"):
            for span in article.spans(role):
                assert 0 <= span.start < span.end <= len(article.text)
