"""`newsframe codebook`: a draft codebook from a corpus nobody has coded (issue 13)."""

import pandas as pd
import yaml
from newsframe import cli
from newsframe.claim import with_claim
from newsframe.codebook import load_codebook
from newsframe.draft_codebook import _aliases, _unshared, _without_shared_surnames
from test_segment import SEEDS


def test_draft_codebook_from_the_seeds_is_a_valid_codebook(tmp_path, capsys):
    out = tmp_path / "draft.yml"
    assert cli.main(["codebook", "--corpus", str(SEEDS), "--out", str(out), "--top", "15"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "statement(s) in" in text and "e.g." in text, "counts and an example sentence as comments"
    data = yaml.safe_load(text)
    actors = {a["name"]: a for a in data["actors"]}
    assert actors["Nasser Kanaani"]["group"] == "Iran"
    assert "Nasser Kanani" in actors["Nasser Kanaani"]["aliases"]
    assert actors["Dmitry Peskov"]["group"] == "Russia"
    assert {m["name"] for m in data["media"]} >= {"CNN", "Reuters", "Wall Street Journal"}
    assert not load_codebook(out).claim, "the suggested claim waits, commented out, for the researcher"
    out.write_text(text.replace("\n# claim: ", "\nclaim: "), encoding="utf-8")  # the researcher takes it
    codebook = with_claim(load_codebook(out))
    assert codebook.claim["derived"] and "missiles" in codebook.claim["terms"]["object"]
    assert "edit it" in capsys.readouterr().err


def test_a_draft_alias_is_a_spelling_of_the_name_and_names_one_actor():
    frame = pd.DataFrame({"source_text": ["President", "Mr. Dias", "Thursday", "Rui Dias's", "Dias", "Mr May"]})
    assert _aliases(frame, "Rui Dias", person=True) == ["Dias"]  # not a title, a day, the name itself
    assert _aliases(pd.DataFrame({"source_text": ["Mrs May"]}), "Ana May", person=True) == []  # a month
    assert _aliases(pd.DataFrame({"source_text": ["House"]}), "Casa House", person=False) == []  # a body's word
    # a country: the names the place list gives it, as the run without a codebook merged them
    countries = pd.DataFrame({"source_text": ["Moscow", "Moscow", "the Kremlin's Moscow", "Russia", "Berlin"]})
    assert _aliases(countries, "Russia", person=False) == ["Moscow"]
    us = pd.DataFrame({"source_text": ["U.S.", "GOP", "Congressman", "Republicans"]})
    assert _aliases(us, "United States", person=False) == ["U.S."]  # not a party's name, nor a title
    shared = _unshared({"Rui Dias": ["Dias", "DIAS"], "Ana Dias": ["Dias", "Ana"], "Eva Soto": ["Soto", "SOTO"]})
    assert shared == {"Rui Dias": [], "Ana Dias": ["Ana"], "Eva Soto": ["Soto"]}


def test_a_surname_other_speakers_share_is_no_alias():
    speakers = pd.Series(["Rui Dias"] * 17 + ["Eva Dias"] * 3 + ["Ana Soto"] * 19 + ["Leo Soto"])
    aliases = {"Rui Dias": ["Dias", "Rui"], "Ana Soto": ["Soto"]}
    # Eva Dias has 15% of the Diases' statements: "Dias" would give Rui hers; Leo Soto only 5%
    assert _without_shared_surnames(aliases, speakers) == {"Rui Dias": ["Rui"], "Ana Soto": ["Soto"]}
