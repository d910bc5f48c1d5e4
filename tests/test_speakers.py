"""Speakers and sides without a codebook (issue 13): sides read from the text, one person one
speaker, pronouns that resolve or stay unresolved, fragments that are no speakers."""

import pandas as pd
import pytest
from newsframe.attribution import attribute
from newsframe.codebook import Codebook, load_codebook
from newsframe.segment import split_statements
from newsframe.sides import gazetteer
from newsframe.speakers import classify, name_in_run, resolve
from newsframe.statements import STATEMENT_COLUMNS
from test_segment import SEEDS


@pytest.mark.parametrize(
    "mention, side",
    [
        ("Ukrainian President Volodymyr Zelensky", "Ukraine"),
        ("Russia's defence ministry", "Russia"),
        ("a spokesman for the Pentagon", "United States"),
        ("Iranian officials", "Iran"),
        ("the Kyiv mayor", "Ukraine"),
        ("French President Emmanuel Macron", "France"),
        ("Chinese officials", "China"),
        ("a spokesman for NATO", "NATO"),
    ],
)
def test_sides_from_the_words_of_a_mention(mention, side):
    assert gazetteer().side_in(mention) == side


def test_names_lose_titles_and_sides():
    assert name_in_run("Iranian Foreign Ministry Spokesperson Nasser Kanaani") == "Nasser Kanaani"
    assert name_in_run("President Donald J. Trump") == "Donald J. Trump"
    assert name_in_run("Mr. Trump") == "Trump"


def _table(text: str, codebook: Codebook, doc_id: str = "d") -> pd.DataFrame:
    spans = split_statements(text, [(0, len(text))])
    rows = attribute(text, spans, codebook)
    records = []
    for i, ((s, e), row) in enumerate(zip(spans, rows)):
        source = row["source_span"]
        records.append(
            {
                **dict.fromkeys(STATEMENT_COLUMNS, ""),
                "doc_id": doc_id,
                "statement_id": f"{doc_id}:{i:03d}",
                "start": s,
                "end": e,
                "text": text[s:e],
                "speaker": row["speaker"],
                "speaker_group": row["speaker_group"],
                "cue": row["cue"],
                "source_text": text[source[0] : source[1]] if source else "",
                "attributed_in": f"{doc_id}:{row['link']:03d}" if row["link"] is not None else "",
            }
        )
    return pd.DataFrame(records)


def test_one_person_one_speaker_with_the_side_the_text_gives():
    text = (
        "Ukrainian President Volodymyr Zelensky said the attack failed. "
        "Mr. Zelensky said more help was needed. President Zelenskyy told reporters the line held. "
        "Donald Trump said the war must end. Mr Trump said talks would start. "
        "President Trump said he was ready."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    voiced = table[table["speaker"] != ""]
    assert set(voiced["speaker"]) == {"Volodymyr Zelensky", "Donald Trump"}
    assert set(voiced[voiced["speaker"] == "Volodymyr Zelensky"]["speaker_group"]) == {"Ukraine"}


def test_a_side_learnt_in_one_document_applies_in_another():
    first = _table("Ukrainian President Volodymyr Zelensky said the attack failed.", Codebook(), "a")
    second = _table("Zelensky said the line held.", Codebook(), "b")
    table = resolve(pd.concat([first, second], ignore_index=True), Codebook())
    assert table.iloc[-1][["speaker", "speaker_group"]].tolist() == ["Volodymyr Zelensky", "Ukraine"]


def test_pronouns_resolve_to_people_or_stay_unresolved():
    text = (
        "The ministry of health published figures. She said the figures were wrong. "
        "Kremlin spokesman Dmitry Peskov spoke on Monday. He said nothing was sent. "
        "I said it was over."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    speakers = dict(zip(table["text"], table["speaker"]))
    assert speakers["She said the figures were wrong."] == ""  # no person before it: unresolved
    assert speakers["He said nothing was sent."] == "Dmitry Peskov"
    assert speakers["I said it was over."] == ""
    assert "She" not in set(table["speaker"]) and "I" not in set(table["speaker"])


def test_unnamed_officials_take_their_modifiers_side():
    text = "Ukrainian military officials said the strike hit a depot. Two sources said it was true."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() == ["Ukraine", "Media"]


@pytest.mark.parametrize("mention", ["One strike", "Another", "it wasn't"])
def test_fragments_are_no_speakers(mention):
    assert classify(mention, {"one", "another", "strike"}).kind in ("none", "pronoun")


def test_codebook_groups_stay_closed():
    codebook = load_codebook(SEEDS / "codebook.yml")
    text = "Ukrainian President Volodymyr Zelensky said the drones were Iranian. Albanian officials said nothing."
    table = resolve(_table(text, codebook), codebook)
    assert table["speaker_group"].tolist() == ["Ukraine", "Other"]
