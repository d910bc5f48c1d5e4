"""Stories: documents grouped by the event they tell, before claims are found within each."""

import sys
from pathlib import Path

import pandas as pd
import pytest
from newsframe import stories, tables

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "data" / "basil"

EVENTS = {
    "quake": (
        "Earthquake strikes Chile coast",
        "A magnitude 7.8 earthquake struck off the coast of Chile on Monday, "
        "Chilean officials said, and a tsunami warning was issued for Valparaiso.",
    ),
    "budget": (
        "Senate passes budget bill",
        "The Senate passed the budget bill late on Tuesday after Senator Jones "
        "dropped his objection to the defence spending cuts.",
    ),
}


def corpus(dates=True) -> pd.DataFrame:
    rows = []
    for event, (title, lead) in EVENTS.items():
        for outlet in ("nyt", "fox", "hpo"):
            rows.append(
                {
                    "doc_id": f"{event}_{outlet}",
                    "title": f"{title} ({outlet})",
                    "status": "ok",
                    "published": "2020-03-02" if dates else "",
                    "lead": lead,
                }
            )
    rows.append({"doc_id": "broken", "title": "", "status": "error", "published": "", "lead": ""})
    return pd.DataFrame(rows)


def test_two_events_are_two_stories_and_unreadable_documents_none():
    docs = corpus()
    found = stories.find_stories(docs, dict(zip(docs["doc_id"], docs["lead"])))
    by_event = found[docs["status"].eq("ok")].groupby(docs["doc_id"].str.split("_").str[0]).nunique()
    assert (by_event == 1).all()
    assert found[docs["status"].eq("ok")].nunique() == 2
    assert found[docs["doc_id"] == "broken"].tolist() == [""]
    assert found.str.fullmatch(r"S[0-9a-f]{6}|").all()


def test_documents_far_apart_in_time_are_not_one_story():
    docs = corpus()
    docs.loc[docs["doc_id"] == "quake_hpo", "published"] = "2021-07-01"
    found = stories.find_stories(docs, dict(zip(docs["doc_id"], docs["lead"])))
    ids = dict(zip(docs["doc_id"], found))
    assert ids["quake_hpo"] != ids["quake_nyt"] == ids["quake_fox"]


def test_story_ids_do_not_depend_on_row_order():
    docs = corpus()
    leads = dict(zip(docs["doc_id"], docs["lead"]))
    a = dict(zip(docs["doc_id"], stories.find_stories(docs, leads)))
    shuffled = docs.sample(frac=1, random_state=4)
    b = dict(zip(shuffled["doc_id"], stories.find_stories(shuffled, leads)))
    assert a == b


def test_the_seeds_are_one_story():
    if not tables.table_path(ROOT / "reports", "statements").is_file():
        pytest.skip("reports/tables/statements.csv not built yet")
    documents = tables.read_table(ROOT / "reports", "documents")
    statements = tables.read_table(ROOT / "reports", "statements")
    table, note = stories.with_stories(documents, statements)
    assert table["story_id"].nunique() == 1 and table["story_id"].ne("").all()
    assert "one story" in note


@pytest.mark.skipif(not (BASIL / "articles").is_dir(), reason="BASIL is not under ../shared/data/basil")
def test_basil_events_are_recovered():
    sys.path.insert(0, str(ROOT / "bench"))
    import stories_basil

    result = stories_basil.score(stories_basil.load(BASIL))
    assert result["ARI"] >= 0.9 and result["V-measure"] >= 0.9
