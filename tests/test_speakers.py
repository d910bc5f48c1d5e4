"""Speakers and sides without a codebook (issue 13): sides read from the text, one person one
speaker, pronouns that resolve or stay unresolved, fragments that are no speakers."""

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsframe.attribution import attribute
from newsframe.codebook import Actor, Codebook, load_codebook
from newsframe.described_sides import described_side, serves_a_state, side_of
from newsframe.first_names import nicknamed
from newsframe.mentions import classify
from newsframe.names import _person_like, name_in_run, written_full_name
from newsframe.segment import split_statements
from newsframe.sides import gazetteer
from newsframe.source_noise import before_a_past_tense, without_noise
from newsframe.speakers import TextScans, _apposed_person, resolve
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
    assert name_in_run("Ambassador to the United Nations Ana Ruiz") == "Ana Ruiz"


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


def _paragraphs(paragraphs: list[str], doc_id: str = "d") -> pd.DataFrame:
    """Statements of a document written as paragraphs (block ids set), resolved without a codebook."""
    codebook = Codebook()
    text = "\n\n".join(paragraphs)
    starts = [text.index(p) for p in paragraphs]
    spans = split_statements(text, [(s, s + len(p)) for s, p in zip(starts, paragraphs)])
    rows = attribute(text, spans, codebook, starts)
    table = _table(text, codebook, doc_id)  # same spans, without paragraphs
    assert len(table) == len(spans)
    table["speaker"] = [r["speaker"] for r in rows]
    table["cue"] = [r["cue"] for r in rows]
    table["source_text"] = [text[r["source_span"][0] : r["source_span"][1]] if r["source_span"] else "" for r in rows]
    table["attributed_in"] = [f"{doc_id}:{r['link']:03d}" if r["link"] is not None else "" for r in rows]
    table["block_id"] = [sum(s >= b for b in starts) - 1 for s, _ in spans]
    return resolve(table, codebook)


def _speaker_of(table: pd.DataFrame, start: str) -> str:
    return table[table["text"].str.startswith(start)]["speaker"].iloc[0]


def test_a_quotation_goes_on_with_the_speaker_who_opened_it():
    table = _paragraphs(
        [
            "Anna Petrova, the mayor, said on Monday: “The bridge is closed.",
            "“Nobody can cross it. We are waiting for help.”",
            "“It will take weeks,” Petrova said. “The army has no boats.”",
        ]
    )
    for start in ("“Nobody can cross", "We are waiting", "“The army has"):
        assert _speaker_of(table, start) == "Anna Petrova"
    # each carries the attribution it continues: traceable to the sentence that names the speaker
    carried = dict(zip(table["text"].str[:16], table["attributed_in"]))
    assert carried["“Nobody can cros"] == carried["We are waiting f"] == table["statement_id"].iloc[0]
    assert carried["“The army has no"] == table[table["text"].str.startswith("“It will")]["statement_id"].iloc[0]


def test_a_quotation_is_not_given_to_a_speaker_of_indirect_speech_in_another_paragraph():
    table = _paragraphs(["Anna Petrova said the bridge was closed.", "“Nobody can cross it.”"])
    assert _speaker_of(table, "“Nobody") == ""


def test_a_quotation_after_the_article_s_own_voice_stays_unattributed():
    table = _paragraphs(["The river rose overnight. “Nobody can cross it.”"])
    assert _speaker_of(table, "“Nobody") == ""


def test_a_bare_attribution_after_a_quotation_names_its_speaker():
    table = _paragraphs(["Ivan Sidorov spoke last.", "“What were you doing? Why did you wait?” Sidorov asked."])
    assert _speaker_of(table, "“What were you doing?") == "Ivan Sidorov"


def test_the_office_a_document_gave_a_person_names_them():
    table = _paragraphs(
        [
            "Gov. Rick Perry of Texas spoke in Austin on Tuesday.",
            "“We will secure the border,” the Texas governor said.",
            "The Iranian president said the talks had failed.",
        ]
    )
    assert _speaker_of(table, "“We will secure") == "Rick Perry"
    assert _speaker_of(table, "The Iranian president") != "Rick Perry"  # no governor, and another side


def test_an_office_a_person_does_not_hold_names_nobody():
    table = _paragraphs(["Gov. Rick Perry spoke in Austin.", "The senator said the border was safe."])
    assert _speaker_of(table, "The senator") != "Rick Perry"


@pytest.mark.parametrize(
    "mention, name",
    [
        ("Updated: Rick Santorum on Sunday", "Rick Santorum"),
        ("Sen. Ted Cruz (R-Texas) on Friday", "Ted Cruz"),
        ("Trump in an interview on NBC's", "Trump"),  # the medium is in another phrase: not the speaker
        ("Perry in the new ad", "Perry"),
        ("Trump swiftly", "Trump"),
        ("Ryan also hammered Obama for what he", "Ryan"),  # the clause's subject, not the pronoun
        ("But Obama also used the speech to say that he", "Obama"),  # a sentence's opening word is no name
        ("Sheriff Joe Arpaio", "Joe Arpaio"),
    ],
)
def test_a_source_loses_the_words_written_around_it(mention, name):
    found = classify(mention, set())
    assert (found.kind, found.name) == ("person", name)


@pytest.mark.parametrize("mention", ["the family", "whom he", "One strike"])
def test_fragments_and_pronouns_are_no_person(mention):
    assert classify(mention, {"the", "family", "one", "strike"}).kind != "person"


def test_a_weekday_is_no_part_of_a_name():
    assert not _person_like("Twitter Saturday", set())
    assert _person_like("Rick Santorum", set())


def test_a_surname_two_people_share_is_not_joined_to_either():
    docs = [
        _table("Kevin McCarthy said the vote would pass.", Codebook(), "a"),
        _table("Ryan McCarthy said the army would act.", Codebook(), "b"),
        _table("McCarthy said the plan was ready.", Codebook(), "c"),
    ]
    table = resolve(pd.concat(docs, ignore_index=True), Codebook())
    assert table.iloc[-1]["speaker"] == "McCarthy"


def test_a_son_is_not_his_father():
    text = "Donald Trump said the deal was good. Donald Trump Jr. said he met them. Trump Jr. said it was brief."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist() == ["Donald Trump", "Donald Trump Jr", "Donald Trump Jr"]


def test_he_does_not_resolve_to_a_person_called_ms():
    text = "Ms. Anna Petrova met Mr. Ivan Sidorov in Kyiv. He said the talks had failed."
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "He said") == "Ivan Sidorov"


def test_a_pronoun_subject_makes_the_names_after_it_objects():
    text = "Ivan Sidorov spoke in Kyiv. He also attacked Senator Harry Reid, who he said was wrong."
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "He also") != "Harry Reid"


@pytest.mark.parametrize("text", ["Ana Ruiz said the port was closed.", ""])
def test_the_caller_s_work_is_queued_once_whatever_the_table(text):
    calls = []
    table = _table(text, Codebook()) if text else pd.DataFrame(columns=STATEMENT_COLUMNS)
    resolve(table, Codebook(), meanwhile=lambda: calls.append(1))
    assert calls == [1]


def test_an_administration_is_the_president_s_the_writer_names_without_a_country():
    first = _table("U.S. President Barack Obama said the talks went well in Ohio.", Codebook(), "a")
    story = _table(
        "President Obama called Turkish President Recep Tayyip Erdogan on Saturday to discuss Syria. "
        "Turkish President Recep Tayyip Erdogan has opposed the plan. Erdogan said Kurds are a threat. "
        "One senior administration official told reporters the drops worked.",
        Codebook(),
        "b",
    )
    table = resolve(pd.concat([first, story], ignore_index=True), Codebook())
    official = table[table["text"].str.startswith("One senior")]
    assert official[["speaker", "speaker_group"]].values.tolist() == [
        ["unnamed senior administration official", "United States"]
    ]


def test_a_pronoun_set_between_commas_into_the_quoted_words_is_not_a_name_in_them():
    text = (
        "Eric Edelman, a former Pentagon official, said the summit was a gamble. "
        "If Trump wins real concessions from Kim, he added, the president can claim results. "
        "Senator Ana Ruiz left the hall early, and later, she said the talks would work."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "If Trump") == "Eric Edelman"
    assert _speaker_of(table, "Senator Ana") == "Ana Ruiz"  # no comma after the cue: the sentence's own


def test_a_speaker_who_told_reporters_is_the_one_a_medium_relays():
    text = (
        "“We went beyond the ceiling,” Iranian government spokesman Ali Rabiei told reporters, "
        "according to state-run IRNA news."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["Ali Rabiei", "Iran"]]


def test_a_body_takes_the_side_its_document_gave_it():
    text = "British police said the lorry came from Belgium. Police believe the driver acted alone."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() == ["United Kingdom", "United Kingdom"]


def test_a_body_the_document_never_places_keeps_no_country():
    text = "Police believe the driver acted alone. The lorry came from Belgium."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].iloc[0] not in ("Belgium", "United Kingdom")


@pytest.mark.parametrize(
    "mention, kind, name",
    [
        ("The calls are prompted by what NATO members", "source", "NATO members"),
        ("There's no doubt the president", "none", ""),
        ("Not only do many missile defense critics", "source", "many missile defense critics"),
    ],
)
def test_a_clause_before_the_source_is_not_part_of_it(mention, kind, name):
    found = classify(mention, set())
    assert found.kind == kind and found.name.startswith(name)


def test_a_description_apposed_to_a_name_is_that_person_not_a_name_inside_it():
    text = "Mohamed Soltan, a member of the alliance formed in support of Mohamed Morsi, said the group was regrouping."
    table = _table(text, Codebook())
    table["source_text"] = "a member of the alliance formed in support of Mohamed Morsi"  # as attribution may cut it
    table["speaker"] = "Mohamed Morsi"
    assert resolve(table, Codebook())["speaker"].iloc[0] == "Mohamed Soltan"


def test_a_hyphenated_demonym_gives_a_side_and_is_no_part_of_the_name():
    found = classify("Egyptian-American Mohamed Soltan", set())
    assert (found.kind, found.name, found.side) == ("person", "Mohamed Soltan", "Egypt")


def test_an_unnamed_source_loses_the_clause_before_it():
    text = "The calls are prompted by what NATO members allege is Russian support for the rebels."
    table = _table(text, Codebook())
    table["speaker"] = "unnamed calls are prompted by what NATO members"
    table["source_text"] = "The calls are prompted by what NATO members"
    out = resolve(table, Codebook()).iloc[0]
    assert (out["speaker"], out["speaker_group"]) == ("unnamed NATO members", "NATO")


def test_a_surname_two_people_share_takes_the_side_they_share():
    docs = [
        _table("Russian Deputy Minister Ivan Petrov said the vote would pass.", Codebook(), "a"),
        _table("Russian General Oleg Petrov said the army would act.", Codebook(), "b"),
        _table("Petrov said the plan was ready.", Codebook(), "c"),
    ]
    last = resolve(pd.concat(docs, ignore_index=True), Codebook()).iloc[-1]
    assert (last["speaker"], last["speaker_group"]) == ("Petrov", "Russia")


def test_a_capitalised_pronoun_is_not_a_surname():
    docs = [
        _table("Chinese Vice Premier Liu He said talks went well.", Codebook(), "a"),
        _table("Anna Petrova arrived in Kyiv. He said the talks had failed.", Codebook(), "b"),
    ]
    table = resolve(pd.concat(docs, ignore_index=True), Codebook())
    assert "Liu He" not in table[table["doc_id"] == "b"]["speaker"].tolist()


def test_a_body_takes_the_place_written_after_it():
    text = "The Foreign Ministry in Dushanbe reacted to the news. The ministry said it exports nothing."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].iloc[-1] == "Tajikistan"


def test_a_speaker_attribution_resolved_keeps_its_name():
    text = "European intelligence sources said drones were sent. The sources claimed crews trained in Iran."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].iloc[-1] == "unnamed European intelligence sources"


def test_a_surname_that_is_a_demonym_gives_no_side():
    found = classify("Najib Danish, interior ministry spokesperson", set())
    assert (found.kind, found.name, found.side) == ("person", "Najib Danish", "")


def test_an_unnamed_speaker_keeps_the_side_its_name_gives():
    text = "U.S. officials said the papers were found. The officials offered no details."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() == ["United States", "United States"]


def test_a_bare_attribution_after_a_quotation_is_the_last_speaker_not_the_last_full_name():
    table = _paragraphs(
        [
            "Army chief Ivan Petrov warned of attacks.",
            "Rep. Tom Baker, an Ohio Republican, spoke on Sunday. Baker said the governor had spoken with Petrov.",
            "Security is tight, the Ohio congressman said, but risks remain.",
            "“How many came in before the fence went up?” he said.",
        ]
    )
    assert _speaker_of(table, "“How many came in") == "Tom Baker"


@pytest.mark.parametrize(
    "mention, name",
    [("Mnuchin and others", "Mnuchin"), ("Mr. Obama and his aides", "Obama"), ("PM Jan Novak", "Jan Novak")],
)
def test_a_named_leader_of_companions_and_a_pm_are_the_person(mention, name):
    found = classify(mention, set())
    assert (found.kind, found.name) == ("person", name)


def test_the_pm_is_the_prime_minister_the_document_named():
    table = _paragraphs(["Prime Minister Jan Novak of Poland spoke in Warsaw.", "The PM said the talks would go on."])
    assert _speaker_of(table, "The PM said") == "Jan Novak"


def test_a_doubled_name_echoed_by_a_scraped_headline_is_no_first_name():
    first = _table(
        "Carl Gruber said it worked. Carl Gruber said so again. Carl Gruber said it once more.", Codebook(), "a"
    )
    second = _table(
        "Readers of Gruber Gruber slams rivals MORE liked it. Gruber said the plan failed.", Codebook(), "b"
    )
    third = _table("Abdullah Abdullah said the vote was fair. Abdullah said it twice.", Codebook(), "c")
    table = resolve(pd.concat([first, second, third], ignore_index=True), Codebook())
    assert _speaker_of(table, "Gruber said the plan failed") == "Carl Gruber"
    assert _speaker_of(table, "Abdullah said it twice") == "Abdullah Abdullah"


def test_a_state_body_without_its_country_is_of_the_country_the_story_names():
    table = _paragraphs(
        [
            "A blast killed 50 people in Kabul, the capital of Afghanistan, on Tuesday.",
            "Omar Zaki, interior ministry spokesperson, said the bomber acted alone. He added that more could die.",
            "The police said the toll could rise. Nina Berg, an analyst, said it was the worst attack this year.",
        ]
    )
    sides = dict(zip(table["text"], table["speaker_group"]))
    assert sides["He added that more could die."] == "Afghanistan"
    assert sides["The police said the toll could rise."] == "Afghanistan"
    assert sides["Nina Berg, an analyst, said it was the worst attack this year."] == "Other"  # no office, no side


def test_a_stance_toward_a_country_is_no_side_and_a_bridge_is_no_person():
    assert classify("Ann Lee, director of the pro-Israel Center for Policy", set()).side == ""
    assert classify("the anti-Russian Freedom Group", set()).side == ""
    table = _paragraphs(["Protesters sit on Ahrar Bridge. Sara Kamal leads them.", "“We stay,” she said."])
    assert _speaker_of(table, "“We stay,”") == "Sara Kamal"


def test_a_source_loses_a_time_word_and_the_examples_of_its_group():
    assert (classify("Labour Secretary Jan Novak yesterday", set()).name) == "Jan Novak"
    found = classify("Leaders including President Ann Lee and Chancellor Jan Novak", {"leaders"})
    assert (found.kind, found.name) == ("source", "Leaders")


def test_an_organisation_named_with_of_and_for_is_one_name_not_a_person():
    found = classify("the Joint Council for the Welfare of Migrants", set())
    assert (found.kind, found.name) == ("institution", "Joint Council for the Welfare of Migrants")
    assert classify("Council on Foreign Relations President Ann Lee", set()).name == "Ann Lee"


def test_unnamed_critics_are_media_and_authorities_of_the_story_s_country():
    table = _paragraphs(
        [
            "A blast killed 50 people in Kabul, the capital of Afghanistan, on Tuesday.",
            "Some critics said the guards had failed. The authorities said the toll could rise.",
        ]
    )
    sides = dict(zip(table["text"], table["speaker_group"]))
    assert sides["Some critics said the guards had failed."] == "Media"
    assert sides["The authorities said the toll could rise."] == "Afghanistan"


def test_a_later_pass_does_not_look_up_an_earlier_pass_mentions():
    """The mention cache is keyed by a pass's common words; entries of an earlier pass (another
    corpus, or the same one run again in a notebook) would be compared word by word on every hit."""
    from newsframe import speakers

    resolve(_table('"We will act," President Ann Lee said. Jan Novak said the plan works.', Codebook()), Codebook())
    resolve(_table("Jan Novak said the plan works.", Codebook()), Codebook())
    assert 0 < speakers._classify.cache_info().currsize <= 3


def test_scans_of_another_table_are_refused():
    table = _table('"We will act," President Ann Lee said. Lee said the plan works. She said it would.', Codebook())
    with pytest.raises(ValueError, match="scans of 1 texts for a table of 3 statements"):
        resolve(table, Codebook(), TextScans.of(["Lee said the plan works."]))


def test_an_honorific_makes_a_common_word_a_surname_and_a_pronoun_s_person():
    text = (
        "So-called Islamic State says it carried out the attack, which Prime Minister Theresa May condemned. "
        "Mrs May said the attack was cruel. She said the threat level would stay. It may rise, it may fall, it may stay."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "Mrs May said") == "Theresa May"
    assert _speaker_of(table, "She said") == "Theresa May"


def test_a_surname_the_corpus_writes_in_lower_case_is_the_person_its_document_names_in_full():
    text = (
        "British Prime Minister Theresa May met the unions. May said the deal was fair. "
        "It may rise, it may fall, it may stay, and it may not. Power may shift. "
        "Pictures showed the crowd. The power of the unions may grow, and their power may last. "
        "The pictures were old, the pictures were grey."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "May said") == "Theresa May"
    assert _speaker_of(table, "Pictures showed") == ""  # a noun no one in the story is named by


@pytest.mark.parametrize(
    "first, other, same", [("ash", "ashton", True), ("chris", "christopher", True), ("dan", "dana", False),
                           ("eric", "erica", False), ("jim", "james", True)],
)  # fmt: skip
def test_a_clipped_first_name_is_a_nickname_but_a_letter_or_two_more_is_another_name(first, other, same):
    assert nicknamed(first, other) is same


def test_one_transliteration_s_two_spellings_are_one_person():
    text = (
        "Egypt's president Mohammed Morsi spoke on Monday. Morsi said the vote would go ahead. "
        "President Mohamed Morsy told the crowd the vote was fair. Morsy said he would stay."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table.loc[table["speaker"] != "", "speaker"].nunique() == 1


def test_a_surname_with_its_article_and_without_is_one_person_when_one_first_name_has_both():
    text = (
        "Syrian President Bashar al-Assad spoke on television. Assad said the war was won. "
        "Bashar Assad told the crowd the army would stay. Al-Assad said the borders would open. "
        "Al-Shabab said it carried out the attack. Ali Shabab, a shopkeeper, said he saw it."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "Assad said").startswith("Bashar")
    assert _speaker_of(table, "Al-Assad said") == _speaker_of(table, "Assad said")
    assert _speaker_of(table, "Bashar Assad told") == _speaker_of(table, "Assad said")
    assert _speaker_of(table, "Al-Shabab said") != _speaker_of(table, "Ali Shabab")


def test_a_surname_written_only_alone_is_the_person_its_article_names():
    text = (
        "The sermons of Khalid al-Mansouri, a cleric born in Ohio, spread online. "
        "Mansouri said in one that the war was holy. Al-Nusra said it had no ties to him."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "Mansouri said") == "Khalid al-Mansouri"
    assert _speaker_of(table, "Al-Nusra said") != "Khalid al-Mansouri"


def test_initials_are_a_first_name():
    found = classify("National Security Adviser H.R. McMaster", set())
    assert (found.kind, found.name) == ("person", "H.R. McMaster")


def test_a_pronoun_goes_to_the_person_with_a_particle_in_the_name_named_just_before():
    table = _paragraphs(
        [
            "The former president Omar Farouk was ousted in 2013.",
            "On Saturday, President Abdel-Karim el-Masri spoke on television. Later, el-Masri asked for patience.",
            "“We face many challenges,” he said.",
        ]
    )
    assert _speaker_of(table, "“We face") == "Abdel-Karim el-Masri"


def test_a_name_ending_an_institute_s_name_is_no_person():
    text = (
        "General Peter Hallworth led the mission. At a talk at the Royal Institute for Maritime Studies, "
        "Hallworth was asked about it. “The strategy is short-sighted,” he said."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "“The strategy") == "Peter Hallworth"


@pytest.mark.parametrize(
    "mention, name, side",
    [
        ("Tom Harwick from Sky News", "Tom Harwick", "Media"),  # the journalist, not the network
        ("Senate Minority Leader Chuck E. Schumer of New York", "Chuck E. Schumer", "United States"),
        ("But Lena Ostrova of the Institute for Arms Control", "Lena Ostrova", ""),
    ],
)
def test_a_person_named_with_where_they_work_speaks(mention, name, side):
    found = classify(mention, {"but"})
    assert (found.kind, found.name, found.side) == ("person", name, side)


@pytest.mark.parametrize(
    "description, side",
    [
        ("a North Korea expert at China's Central Party School", "China"),  # the employer, not the subject
        ("an expert on North Korea’s missile program at a Russian institute", "Russia"),
        ("head of the Brussels office for the French Institute", "France"),  # where the office is
        ("a Ukrainian-born American citizen", "United States"),  # born is no side
        ("U.N. Ambassador", ""),  # the body an ambassador is sent to
        ("the US envoy to Iran", "United States"),
        ("a Russian analyst", "Russia"),
        ("the former commander of international forces in Afghanistan", ""),  # where one is posted
        ("officials in Kabul", "Afghanistan"),
        ("a University of Vermont professor", ""),  # a scholar speaks for no state
        ("a lecturer at Ohio State University", ""),
        ("a Russian analyst at Moscow State University", "Russia"),
    ],
)
def test_a_description_s_side_is_whom_it_works_for_not_what_it_is_about(description, side):
    assert side_of(description) == side


@pytest.mark.parametrize(
    "mention, side",
    [
        ("the chairman of the House Foreign Affairs Committee", "United States"),  # the American House's
        ("House Intelligence Committee staff members", "United States"),
        ("the House intelligence committee’s final report", "United States"),
        ("the House of Commons Defence Committee", "United Kingdom"),
        ("the House of Representatives", "United States"),
        ("the Democratic Unionist Party", ""),  # a party word in another country's party name
        ("the Republican Guard", ""),
        ("Democratic Sen. Rui Dias", "United States"),
        ("the Chilean Civil Liberties Union", ""),  # a civil body's name: its demonym is no state's side
        ("the Federation of Peruvian Scientists", ""),
        ("the Soviet Union", "Russia"),  # a name the data knows whole stays
        ("the European Union", "European Union"),
        ("the Chilean Medical Association", ""),
    ],
)
def test_a_body_s_name_gives_the_side_its_shape_says(mention, side):
    assert side_of(mention) == side


def test_a_lawyer_for_a_person_is_a_private_trade_whatever_the_client():
    text = "Chilean President Ann Lee said that talks would go on. A lawyer for Lee said that the case was weak."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["lawyer for Ann Lee", "Other"]


def test_a_mention_with_other_words_is_no_side_of_its_own():
    text = "Trump withdrew from the nuclear deal and said it was bad. The Joint Council for Welfare said it was good."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() == ["Other", "Joint Council for Welfare"]


def test_a_group_speaks_not_the_examples_it_includes():
    text = "World leaders including President Ivan Sidorov and Chancellor Anna Petrova condemned the attack."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].iloc[0] == "World leaders"


def test_a_medium_the_text_calls_a_newspaper_speaks_for_the_media():
    docs = [
        _table("The Lyon daily Le Progrès Matinal published the letter on Monday.", Codebook(), "a"),
        _table("The fire started in the kitchen, according to Le Progrès Matinal.", Codebook(), "b"),
    ]
    table = resolve(pd.concat(docs, ignore_index=True), Codebook())
    assert table.iloc[-1][["speaker", "speaker_group"]].tolist() == ["Le Progrès Matinal", "Media"]


def test_a_surname_written_alone_first_is_the_corpus_s_person_not_a_relative_named_later():
    docs = [_table(f"Ivan Sidorov said the plan number {k} was ready.", Codebook(), f"a{k}") for k in range(4)] + [
        _table(
            "President Sidorov spoke at noon. Sidorov said it was a sad day. His wife Olga Sidorov wept. Sidorov said more.",
            Codebook(),
            "b",
        )
    ]
    table = resolve(pd.concat(docs, ignore_index=True), Codebook())
    assert set(table[table["doc_id"] == "b"]["speaker"]) - {""} == {"Ivan Sidorov"}


def test_a_relative_s_antecedent_is_a_phrase_not_the_clause_before_it():
    text = "Sidorov will face criticism from Ukrainian officials who say the deal gave away too much."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].iloc[0].tolist() == ["unnamed Ukrainian officials", "Ukraine"]


def test_a_person_written_after_their_body_s_possessive_speaks():
    found = classify("the Eastern Policy Institute’s Paul Salvo", set())
    assert (found.kind, found.name) == ("person", "Paul Salvo")


def test_a_hyphenated_descriptor_before_a_name_is_no_part_of_it():
    assert name_in_run("Ninth-grader Lena Okafor") == "Lena Okafor"
    assert name_in_run("Senator-elect Tom Hargrove") == "Tom Hargrove"
    assert name_in_run("Chung-in Moon") == "Chung-in Moon"  # one word after it: a name of its own
    assert classify("Ninth-grader Lena Okafor", set()).name == "Lena Okafor"


def test_members_of_a_people_or_party_are_no_person():
    mention = classify("Other Republicans", {"other"})
    assert (mention.kind, mention.side) == ("source", "United States")
    assert classify("Leading Iranians", set()).side == "Iran"


def test_a_demonym_and_a_noun_for_a_person_before_a_name_give_its_side():
    text = "Chilean federal prosecutor Ana Ruiz said the raid had ended. American freelance journalist Tom Pell said it was calm."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["Ana Ruiz", "Chile"], ["Tom Pell", "Media"]]


def test_a_surname_s_particles_are_no_first_name():
    text = "Dutch Foreign Minister Anne van der Berg said the talks went well. Van der Berg said more were planned."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist() == ["Anne van der Berg", "Anne van der Berg"]


def test_an_apposition_naming_an_initialled_body_gives_its_side():
    text = "Lt. Ann Vale, a spokeswoman for the U.S. Navy's 4th Fleet which sails near Chile, said the ships were safe."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["Ann Vale", "United States"]]


def test_a_party_tag_the_source_cut_short_is_no_name():
    assert classify("Budget Committee Chairman Tom Reed (D", set()).name == "Tom Reed"


@pytest.mark.parametrize("source", ["Okafor similarly expects cuts in the budget", "Okafor went on Radio Lagos and"])
def test_a_source_that_is_a_clause_is_spoken_by_its_subject(source):
    mention = classify(source, set())
    assert (mention.kind, mention.name) == ("person", "Okafor")


def test_unnamed_people_counted_but_not_named_are_media():
    table = _paragraphs(["A new fuel went on sale in some towns in 2019.", "Some doctors blame the new fuel."])
    assert table["speaker_group"].tolist()[-1] == "Media"


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("The plant went on to reopen in May.", ""),
        ("The army went on the attack at dawn.", ""),
        ("The ministry went on the record to deny it.", "went on"),
        ("The minister went on to say the plant was safe.", "went on"),
        ('"It is safe," the minister went on.', "went on"),
    ],
)
def test_went_on_is_a_cue_only_when_speech_goes_on(sentence, cue):
    assert _table(sentence, Codebook())["cue"].tolist() == [cue]


@pytest.mark.parametrize(
    "text, side",
    [
        ("Rui Dias, a spokesman for the Chile-backed militia, said the town fell.", "Other"),
        ("Rui Dias, the leader of the attack on the Chilean embassy, said the town fell.", "Other"),
        ("Rui Dias, a former boxer who now leads the Chilean Liberal Party, said that the town had fallen.", "Chile"),
    ],
)
def test_an_apposition_s_side_is_the_person_s_not_a_backer_s_or_a_target_s(text, side):
    assert resolve(_table(text, Codebook()), Codebook())["speaker_group"].tolist() == [side]


def test_a_body_s_name_with_on_keeps_the_place_after_it():
    text = "Rui Dias, a member of the Commission on Foreign Affairs in Santiago, said that the town had fallen."
    assert resolve(_table(text, Codebook()), Codebook())["speaker_group"].tolist() == ["Chile"]


@pytest.mark.parametrize(
    "source, name",
    [
        ("Indeed Okafor went on Radio Lagos and", "Okafor"),
        ("I’ve made that argument often", ""),
        ("President Rosa Paz withdrew from the agreement", "Rosa Paz"),
        ("Paz made time to attack Omar Field on", "Paz"),
        ("Secretary of State Rui Dias took the case to the council", "Rui Dias"),
    ],
)
def test_a_clause_s_subject_is_no_opener_and_no_pronoun(source, name):
    mention = classify(source, {"made"})
    assert (mention.name if mention.kind == "person" else "") == name


def test_an_office_of_a_place_is_its_holder_or_itself_never_the_place():
    text = (
        "The mayor of Lima, Rosa Paz, said that the roads were closed. "
        "The president of Chile said that the border was open."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [
        ["Rosa Paz", "Peru"],
        ["president of Chile", "Chile"],
    ]


def test_an_office_of_a_country_is_its_holder_and_one_of_a_body_is_nobody_else():
    text = (
        "Chilean President Ann Lee said that talks would go on. "
        "The president of the Lima Bar Association said that lawyers would strike. "
        '"The border is open," the president of Chile said.'
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist() == ["Ann Lee", "president of the Lima Bar Association", "Ann Lee"]


def test_another_country_s_party_names_no_american():
    text = (
        "Liberal Democrats leader Anna Holt said the vote was a farce. British Prime Minister Tom Reed "
        "said the vote would go on. Senate Democrats said the bill was dead. Free Democrats said they would abstain."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    sides = dict(zip(table["text"], table["speaker_group"]))
    assert sides["Liberal Democrats leader Anna Holt said the vote was a farce."] != "United States"
    assert sides["Free Democrats said they would abstain."] != "United States"
    assert sides["Senate Democrats said the bill was dead."] == "United States"
    assert gazetteer().side_in("a Social Democrat lawmaker") == ""
    assert gazetteer().side_in("a Democrat lawmaker") == "United States"


def test_a_region_is_no_person_a_pronoun_may_name():
    first = _table("Western Europe said it would act.", Codebook(), "a")
    second = _table(
        "Portuguese economist Rui Sousa spoke on Monday. Refugees fled to Europe in May. He said the figures were wrong.",
        Codebook(),
        "b",
    )
    table = resolve(pd.concat([first, second], ignore_index=True), Codebook())
    assert table.iloc[-1]["speaker"] == "Rui Sousa"  # not "Western Europe", a person named "Europe"


def test_a_description_set_off_before_a_name_gives_its_side():
    text = (
        "The talks helped free an American freelance journalist, Dana Wexler, who was held for a week. "
        "Wexler said she was treated well. Officials praised the Belgian prosecutor, Pieter Claes, for his work. "
        "Claes said the case was closed."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    sides = dict(zip(table["speaker"], table["speaker_group"]))
    assert sides["Dana Wexler"] == "Media"  # a journalist speaks for the media
    assert sides["Pieter Claes"] == "Belgium"


def test_whose_a_speaker_is_is_no_part_of_the_name():
    table = resolve(_table("Labour’s Anna Holt said the vote was a farce.", Codebook()), Codebook())
    assert table.iloc[0]["speaker"] == "Anna Holt"


def test_a_circumstance_is_no_person():
    assert classify("In July", set()).kind != "person"
    assert classify("By Christmas", set()).kind != "person"
    assert classify("Ruiz October", set()).kind != "person"  # a date, "the Ruiz October surprise"
    assert classify("Theresa May", set()).kind == "person"


def test_a_clause_read_as_a_source_names_nobody():
    text = "No group has yet claimed the attack."
    table = _table(text, Codebook())
    table["speaker"] = table["source_text"] = ["No group has yet"]
    assert resolve(table, Codebook())[["speaker", "speaker_group"]].values.tolist() == [["", ""]]


def test_a_party_tag_after_a_name_is_the_name_s_and_members_of_a_party_are_no_country():
    text = (
        "Sen. Tom Reed, R-Tenn., reacting on Monday to the claims, said that he was at a loss. "
        "Many Democrats said that the plan would fail."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist() == ["Tom Reed", "Many Democrats"]
    assert table["speaker_group"].tolist()[1] == "United States"


def test_a_journalist_of_a_named_medium_speaks_for_the_media():
    text = (
        "Fox News host Dana Reyes said the summit was a failure. "
        "Omar Field, a reporter for the Chicago Tribune, said the talks stalled. "
        "Reyes said the deal was dead. Field said the mood was tense."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    sides = dict(zip(table["speaker"], table["speaker_group"]))
    assert sides == {"Dana Reyes": "Media", "Omar Field": "Media"}


def test_a_spokesman_for_a_person_speaks_for_that_person_s_side():
    text = (
        "Chilean President Ann Lee said that talks would go on. "
        "A spokesman for Lee said that the border was open. "
        "A spokesman for the Lima Bar Association of Peru said that lawyers would strike."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [
        ["Ann Lee", "Chile"],
        ["spokesman for Ann Lee", "Chile"],
        ["spokesman for the Lima Bar Association of Peru", "Other"],  # a bar association is no state's
    ]


def test_a_name_alone_that_only_begins_a_full_name_of_the_document_is_that_person():
    text = (
        "Chinese Foreign Minister Liu Tao said the talks were useful. Liu said they would go on. "
        "NPR's Omar Field, who is at the airport, said the roads were shut. Omar said the flights were cancelled."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [
        ["Liu Tao", "China"],
        ["Liu Tao", "China"],
        ["Omar Field", "Media"],
        ["Omar Field", "Media"],
    ]


def test_a_body_takes_the_side_of_the_body_its_document_named_with_it():
    text = "The Obama administration is likely to come under pressure. The administration said it could not confirm it."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() == ["", "United States"]


def test_an_unnamed_officer_of_a_state_body_is_of_the_state_the_story_gives_it():
    text = (
        "The Obama administration imposed new sanctions, and the U.S. military moved ships. "
        "A senior administration official said the sanctions would hurt. "
        "A retired military officer said they would not."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[1:] == ["United States", "United States"]


def test_a_country_s_possessive_before_a_described_title_gives_its_side():
    text = "Zimbabwe's opposition leader Tendai Moyo said the vote was rigged. Moyo said he would appeal."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["Tendai Moyo", "Zimbabwe"]] * 2


def test_a_word_that_opens_a_sentence_is_no_first_name():
    text = (
        "Chilean President Ann Lee visited Lima on Monday. Although Lee’s aides objected, she said the border was open."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[1] == ["Ann Lee", "Chile"]


def test_an_administration_the_document_leaves_unnamed_is_its_president_s():
    text = (
        "Chilean President Ann Lee said the talks would go on. President Lee said the border was open. "
        "A senior administration official said the sanctions would hurt. The administration said it would wait."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[2:] == ["Chile", "Chile"]


def test_a_broadcaster_s_title_before_a_name_is_the_media_s():
    text = (
        "Chilean President Ann Lee told host Omar Field that the talks would go on. Field said the mood was tense. "
        "“Morning Hour” host Rui Dias said the deal was dead."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    sides = dict(zip(table["speaker"], table["speaker_group"]))
    assert sides["Omar Field"] == "Media" and sides["Rui Dias"] == "Media"


def test_the_north_is_the_country_its_story_names():
    text = "North Korea fired a missile on Monday, officials said. The North said the launch was a test."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[1] == ["North Korea", "North Korea"]


def test_a_document_s_repeated_description_counts_once():
    one = " ".join(["Chilean minister Ann Lee arrived."] * 3) + " Lee said the border was open."
    others = ["Brazilian minister Ann Lee arrived. Lee said the border was open."] * 2
    tables = [_table(text, Codebook(), doc_id=f"d{k}") for k, text in enumerate([one, *others])]
    table = resolve(pd.concat(tables, ignore_index=True), Codebook())
    voiced = table[table["speaker"] == "Ann Lee"]
    assert set(voiced["speaker_group"]) == {"Brazil"}


def test_a_news_site_of_the_bundled_list_is_the_media():
    table = resolve(_table("The Daily Beast reported that the talks had stalled.", Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["Daily Beast", "Media"]]


def test_a_name_that_opens_with_the_is_a_body_never_merged_by_its_last_word():
    text = (
        "The Islamic Republic said it would retaliate. The New Republic reported that the talks had stalled. "
        "The Taliban said the attack was theirs."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [
        ["The Islamic Republic", "Other"],
        ["The New Republic", "Media"],
        ["The Taliban", "Other"],
    ]


def test_a_judge_serves_the_state_the_story_is_in():
    text = (
        "Egypt's courts have tried the former president twice. Egypt's prosecutors appealed. "
        "Judge Omar Field said the case was inadmissible."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["Omar Field", "Egypt"]


def test_unnamed_officials_with_no_word_on_whose_speak_for_the_state_the_story_s_voices_do():
    text = (
        "Chilean President Ann Lee said the talks would go on. Chilean Foreign Minister Rui Dias said "
        "the border was open. Officials said the sanctions would hurt. Hamas officials said the "
        "blockade would go on."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[2:] == [
        ["unnamed officials", "Chile"],
        ["unnamed Hamas officials", "Media"],
    ]


def test_unnamed_servants_of_a_service_speak_for_the_story_s_state_and_plain_sources_for_the_media():
    text = (
        "Chilean President Ann Lee said the talks would go on. Chilean Foreign Minister Rui Dias said "
        "the border was open. A justice department official said the case was closed. Another official "
        "said the sanctions would hurt. Congressional sources said the vote was near. One source said "
        "the deal was dead."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[2:] == [
        ["unnamed justice department official", "Chile"],
        ["unnamed official", "Chile"],
        ["unnamed Congressional sources", "Chile"],
        ["unnamed source", "Media"],
    ]


def test_one_person_s_first_name_spellings_are_one_speaker_but_two_people_in_one_document_stay_two():
    from newsframe.names import GivenNames

    given = GivenNames(
        {
            ("sergey", "lavrov"): {"a", "b", "c"},
            ("sergei", "lavrov"): {"d"},
            ("maria", "rossi"): {"a", "b"},
            ("mario", "rossi"): {"c"},
            ("mahmoud", "osman"): {"a", "b"},
            ("mohammed", "osman"): {"c"},
            ("tamsin", "foley"): {"a", "b"},
            ("tamsyn", "foley"): {"b"},
        },
        {},
        frozenset(),
    )
    assert given("sergei", "lavrov") == "sergey"
    assert given("mario", "rossi") == "mario"  # another last vowel: another person
    assert given("mohammed", "osman") == "mohammed"  # more than two letters apart
    assert given("tamsyn", "foley") == "tamsyn"  # a document names both: two people


def test_a_title_left_before_a_name_is_the_person_but_a_middle_name_may_be_a_father_s():
    from newsframe.names import GivenNames

    keys = {
        ("ana", "ruiz"): {"a", "b"},
        ("gen", "ruiz"): {"c"},
        ("mother", "ruiz"): {"d"},
        ("salman", "abedo"): {"a"},
        ("omar", "abedo"): {"a", "b"},
        ("bill", "blasio"): {"a"},
        ("de", "blasio"): {"b", "c"},
    }
    inner = {
        ("gen", "ruiz"): {("ana",)},
        ("mother", "ruiz"): {("ana",)},
        ("salman", "abedo"): {("omar",)},
        ("bill", "blasio"): {("de",)},
    }
    given = GivenNames(keys, inner, frozenset({"mother", "bill"}))
    assert given("gen", "ruiz") == "ana"  # a title
    assert given("mother", "ruiz") == "ana"  # a word the corpus writes in lower case
    assert given("salman", "abedo") == "salman"  # a first name: "Omar" may be his father
    assert given("bill", "blasio") == "bill"  # a particle is no first name


def test_a_full_name_spelt_two_ways_in_two_documents_is_one_speaker():
    text = (
        "Chilean Foreign Minister Sergey Ivanovo said the talks would go on.\n\n"
        "Chilean Foreign Minister Sergey Ivanovo said the border was open."
    )
    first, second = _table(text, Codebook(), doc_id="a"), _table("Sergei Ivanovo said it.", Codebook(), doc_id="b")
    assert resolve(second, Codebook())["speaker"].tolist() == ["Sergei Ivanovo"]
    both = resolve(pd.concat([first, second], ignore_index=True), Codebook())
    assert both[["speaker", "speaker_group"]].values.tolist() == [["Sergey Ivanovo", "Chile"]] * 3


def test_unnamed_people_who_serve_a_titled_person_take_that_person_s_side():
    text = (
        "Chilean President Ann Lee said the talks would go on. Lee aides said the border was open. "
        "An official in Mr. Lee's office said the deal was near. Ruiz aides said it was dead. "
        "Lee's deputy national security adviser said it was not."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[1:] == ["Chile", "Chile", "Media", "Chile"]  # Ruiz: no one the text titles


def test_a_titled_person_s_office_or_team_takes_that_person_s_side():
    text = (
        "Chilean President Ann Lee said the talks would go on. Lee's office said the deal was near. "
        "Lee's team said the border was open. Lee's legal team said nothing was signed."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[1:] == [
        ["Lee's office", "Chile"],
        ["Lee's team", "Chile"],
        ["Lee's legal team", "Other"],  # her lawyers: no servants of the state
    ]


def test_news_organisations_counted_but_not_named_are_media():
    text = (
        "Chilean President Ann Lee said the talks would go on. Several news outlets reported the deal. "
        "Lee's campaign said the deal was near."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[1:] == ["Media", "Other"]  # a campaign is no state's body


def test_one_source_is_not_the_pair_named_before_it():
    text = (
        "A Chilean official and a police source said the border was closed. "
        "The checks were slow, the police source said."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist()[1] == "unnamed police source"


@pytest.mark.parametrize(
    "mention, side",
    [
        ("a Department of Homeland Security spokesman", "United States"),
        ("the Blue House", "South Korea"),
        ("Buckingham Palace", "United Kingdom"),
        ("the Bundestag", "Germany"),
    ],
)
def test_state_bodies_whose_name_does_not_say_their_country_are_in_the_bundled_list(mention, side):
    assert gazetteer().side_in(mention) == side


@pytest.mark.parametrize(
    "mention, side",
    [("Lebanese Prime Minister Ana Ruiz", "Lebanon"), ("South African President Ana Ruiz", "South Africa")],
)
def test_irregular_demonyms_no_rule_derives_are_listed(mention, side):
    assert gazetteer().side_in(mention) == side


@pytest.mark.parametrize(
    "description",
    ["a professor at American University's School of Service", "a professor at George Washington University"],
)
def test_a_university_s_name_gives_no_side_whatever_it_holds(description):
    assert side_of(description) == ""


def test_a_demonym_before_a_private_trade_gives_no_side():
    text = "Chilean economist Rui Dias said the peso would fall. Chilean negotiator Ana Ruiz said talks would go on."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() == ["Other", "Chile"]


def test_a_demonym_before_a_person_s_private_life_gives_no_side():
    text = (
        "British holidaymaker Paul Fox said the beach was calm. American mother Diane Cole said she was proud. "
        "British commander Ian Reed said the line held."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() == ["Other", "Other", "United Kingdom"]


def test_a_surname_that_is_also_a_title_is_the_person_its_document_names_in_full():
    text = "Rep. Peter King met the panel. King said the hearing was fair. King Abdullah visited the panel too."  # "King" is no word this corpus writes in lower case: classify reads it as a title
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "King said") == "Peter King"


def test_what_a_person_did_gives_no_side_but_an_office_they_left_does():
    text = (
        "Erik Vance, who met with a Russian official in May, said the deal was done. "
        "Phil Grant, who left as the White House's top Middle East official last month, said talks stalled."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() == ["Other", "United States"]


def test_the_report_is_its_author_the_document_named_first():
    text = (
        "A new report by the Senate Intelligence Committee faults the agency. "
        "Officials cited a New York Times report from May. "
        "The report said the warnings were ignored. "
        "“Our report shows nothing new,” the ministry said. "
        "The report found no protest took place."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "The report said") == "Senate Intelligence Committee"
    assert _speaker_of(table, "The report found") == "Senate Intelligence Committee"
    assert table.loc[table["text"].str.startswith("The report"), "speaker_group"].eq("United States").all()


def test_a_body_is_no_person_named_before_it():
    text = (
        "Russian President Vladimir Putin said the crash was a tragedy. "
        "The Russian emergency ministry said it was sending five planes."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "The Russian emergency ministry") == "Russian emergency ministry"
    assert table["speaker_group"].tolist() == ["Russia", "Russia"]


def test_a_candidate_s_campaign_is_no_state_s_body():
    text = "Former U.S. Secretary of State Hillary Clinton spoke in Ohio. Clinton's campaign said the rally was full."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].iloc[-1].tolist() == ["Clinton's campaign", "Other"]


def test_with_no_codebook_the_media_an_attributed_statement_names_are_cited():
    from newsframe import clean, statements
    from newsframe.corpus import Corpus, Document

    text = "The talks stalled, Reuters reported. According to the New York Times, the deal is off. Reuters is big."
    corpus = Corpus("c", [Document("d", "c", text, "", "utf-8", "json")], [])
    found = statements.extract_statements(corpus, clean.clean_corpus(corpus)[0], Codebook()).statements
    assert found["cited_media"].tolist() == ["Reuters", "New York Times", ""]


def test_nigerian_is_nigeria_s_not_niger_s():
    assert gazetteer().side_in("Nigerian President Ana Ruiz") == "Nigeria"


def test_a_state_s_title_with_no_country_serves_the_state_the_story_s_voices_do():
    text = (
        "Chilean President Ann Lee said the talks would go on. Chilean Foreign Minister Rui Dias said "
        "the border was open. Gen. Tomas Vardo said the troops would stay. Taliban Commander Abu Zed "
        "said the fight would go on. Vardo said the roads were cut."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[2:] == [
        ["Tomas Vardo", "Chile"],
        ["Abu Zed", "Other"],  # a body's title, not a state's
        ["Tomas Vardo", "Chile"],
    ]


@pytest.mark.parametrize(
    "description, side",
    [
        ("a fellow at the Center for a New American Security", ""),  # a think tank is its own side
        ("executive director of the Foundation for Defense of Democracies in Washington", ""),
        ("a senior Iran policy analyst at the Carnegie Endowment", ""),  # the subject of expertise
        ("an expert on the Chinese economy", ""),
        ("director of the U.S. National Counterterrorism Center", "United States"),  # a national centre
        ("the head of Belgium's Crisis Center", "Belgium"),  # a country's own
        ("Canada’s foreign affairs minister", "Canada"),
    ],
)
def test_a_research_body_s_name_and_seat_give_no_side(description, side):
    assert side_of(description) == side


def test_a_military_expert_is_no_officer_of_the_state():
    text = (
        "Chilean President Ann Lee said the talks would go on. Chile's army said the border was open. "
        "Rui Dias, a military expert at a private institute, said the troops would stay."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[-1] == "Other"


def test_a_party_s_politician_serves_the_state_of_the_story():
    text = (
        "Chilean President Ann Lee said the talks would go on. Chilean Foreign Minister Rui Dias said "
        "the border was open. Labour leader Tomas Vardo said the deal was bad."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["Tomas Vardo", "Chile"]


@pytest.mark.parametrize(
    "text, speaker, side",
    [
        ("Chilean President Ann Lee spoke. Lee's statement said the deal was bad.", "Ann Lee", "Chile"),
        ("Spending rose 2 percent, according to NATO data.", "NATO", "NATO"),
        ("The official Palabra newspaper said the deal was bad.", "Palabra", "Media"),
        ("The official Palabra news agency on Monday said the deal was bad.", "Palabra", "Media"),
    ],
)
def test_a_document_is_its_author_s_and_official_before_a_name_is_no_official(text, speaker, side):
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == [speaker, side]


def test_a_region_is_no_one_a_pronoun_may_mean():
    text = "Chilean President Ann Lee flew to the Middle East. She said the talks would go on."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["Ann Lee", "Chile"]


def test_a_vice_president_is_no_president():
    text = (
        "President Tom Reed said the talks would go on. Vice President Ann Lee said the deal was good. "
        "The vice president added that it was fine."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist() == ["Tom Reed", "Ann Lee", "Ann Lee"]


def test_the_newspaper_is_the_one_named_before():
    text = "The Palabra Times reported the talks had stalled. The officials met. The newspaper said the deal was off."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["Palabra Times", "Media"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The family of murdered journalist Rui Dias said it was grateful.", "Rui Dias’s family"),
        ("Rui Dias's mother said he was kind.", "Rui Dias’s mother"),
    ],
)
def test_a_person_s_relatives_speak_as_themselves(text, speaker):
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [[speaker, "Other"]]


def test_his_lawyer_speaks_for_him_and_her_family_as_themselves():
    text = (
        "Chilean President Ann Lee spoke on Monday. Her spokesman said the talks would go on. "
        "Rui Dias was arrested. His wife said he was kind. His wife, Eva Dias, said he was innocent."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[1:] == [
        ["Ann Lee’s spokesman", "Chile"],
        ["", ""],
        ["Rui Dias’s wife", "Other"],
        ["Eva Dias", "Other"],
    ]


@pytest.mark.parametrize(
    "mention, cleaned",
    [
        ("Sen. Rui Dias Rui Alberto DiasMORE", "Sen. Rui Dias"),  # a news site's pop-up glued to the name
        ("President Lee Ann Maria LeeDem lawmaker", "President Lee"),
        ("The latest incident comes just days after the Chilean navy", "the Chilean navy"),
        ("Saturday the Chilean army", "the Chilean army"),
        ("Lima-based Andean Monitor for Rights", "Andean Monitor for Rights"),  # a seat is no side
        ("Lima-based banker", "Lima-based banker"),
        ("Her remarks came days after the Chilean navy", "the Chilean navy"),
        ("Navy leaders, including Admiral Ana Ruiz", "Navy leaders"),
        ("@SenDias Sen. Rui Dias on #AMShow this morning", "Sen. Rui Dias"),  # a handle, a hashtag, a time
        ("Mr. Dias earlier", "Mr. Dias"),
        ("Senate Committee on Foreign Relations", "Senate Committee on Foreign Relations"),
    ],
)
def test_words_around_a_source_are_no_part_of_it(mention, cleaned):
    assert without_noise(mention) == cleaned


def test_a_medium_written_as_a_handle_is_the_medium():
    assert gazetteer().media_in("according to SkyNews and FoxNews") == ["Fox News", "Sky News"]


@pytest.mark.parametrize("mention", ["Australian Foreign Minister Julie Bishop", "Sen. Angus King"])
def test_a_surname_that_is_a_title_still_names_a_person(mention):
    assert classify(mention, frozenset()).kind == "person"


@pytest.mark.parametrize(
    "text, speaker, side",
    [
        ("Omran Zoubi, Syria's information minister, on Tuesday challenged the United States.", "Omran Zoubi", "Syria"),
        (
            "The panel is chaired by Rep. Eli Cummings, who on Tuesday also announced a probe.",
            "Eli Cummings",
            "United States",
        ),
        ("Tuesday: the cabinet meets.", "", ""),
    ],
)
def test_a_day_is_no_speaker_but_who_the_sentence_names_before_it(text, speaker, side):
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [[speaker, side]]


def test_members_a_clause_ends_with_are_who_speaks_after_it():
    text = "The bill angered congressional Democrats, who said it was cruel."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["unnamed congressional Democrats", "United States"]]


def test_a_lower_case_office_after_a_name_serves_the_story_s_state():
    text = (
        "British Prime Minister Tom Reed said the talks would go on. "
        "Sheila Oakes, the town mayor, said it was sad. Sheila Oakes added that it was late."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[1:] == ["United Kingdom", "United Kingdom"]


def test_the_statement_is_whose_the_document_said_it_was():
    text = (
        "In a joint statement, Chilean President Ann Lee said the border was open. "
        "The rains came. The statement added that talks would go on."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["Ann Lee", "Chile"]


def test_the_report_is_the_body_s_that_reported_just_before_not_a_person_s():
    text = (
        "In mid-October, Amnesty International reported that hundreds of men were held. "
        "The report noted that the guards were paid. "
        "Ana Ruiz wrote on Twitter that the talks failed, according to a report. "
        "The report said the talks would resume."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert _speaker_of(table, "The report noted") == "Amnesty International"
    assert _speaker_of(table, "The report said") != "Ana Ruiz"


def test_unnamed_voters_are_the_media_s():
    text = "In Toronto, voters expressed frustration at the campaign."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["voters", "Media"]]


@pytest.mark.parametrize(
    "mention, cleaned",
    [("where sources close to the probe", "sources close to the probe"), ("said one witness", "one witness")],
)
def test_a_conjunction_or_verb_before_a_source_is_no_part_of_it(mention, cleaned):
    assert without_noise(mention) == cleaned


def test_a_body_s_name_is_the_whole_name():
    assert classify("Trump allies outside the White House", frozenset()).name == "White House"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("No group immediately claimed responsibility for the attack.", ""),
        ("Neither Rui Dias nor his lawyer responded to requests for comment.", ""),
        ("None other than Rui Dias said the deal was bad.", "Rui Dias"),  # emphatic, not a negation
        ("In Calgary Rui Dias spoke to a crowd, saying the deal was bad.", "Rui Dias"),  # after the circumstance
    ],
)
def test_a_subject_that_names_no_one_is_no_speaker(text, speaker):
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    "description, side",
    [
        ("one of Chile's most important allies in Peru", ""),  # a country's ally is not that country
        ("an ally of Chile", ""),
        ("director of the Chile Project at a private institute", ""),  # a research body's subject
    ],
)
def test_an_ally_or_a_project_s_subject_gives_no_side(description, side):
    assert side_of(description) == side


def test_a_demonym_before_an_expert_is_where_they_are_from_and_a_list_is_no_apposition():
    text = (
        "Chilean President Ann Lee said the talks would go on. "
        "Chilean expert Rui Dias said the deal was bad. Tomas Vardo, an Argentine analyst, said it was late. "
        "The talks included the governor of the Bank of Chile, Eva Soto, and the Peruvian president. "
        "Eva Soto said the bank was calm."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    groups = dict(zip(table["speaker"], table["speaker_group"]))
    assert (groups["Rui Dias"], groups["Tomas Vardo"]) == ("Other", "Other")
    assert groups["Eva Soto"] != "Peru"


def test_a_shadow_minister_or_opposition_leader_serves_the_state_of_the_story():
    text = (
        "British Prime Minister Tom Reed said the talks would go on. British Foreign Secretary Ann Lee said "
        "the border was open. But shadow chancellor Rui Dias said the deal was bad. "
        "Opposition leader Eva Soto said it was late."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[2:] == ["United Kingdom", "United Kingdom"]


def test_a_document_put_out_is_whose_the_sentence_says():
    text = "Late Monday, Chilean President Ann Lee released a short statement calling the attack shocking."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["Ann Lee", "Chile"]]


def test_a_body_s_name_is_no_person_a_pronoun_may_mean():
    text = "Chilean President Ann Lee spoke. Fighters of the Islamic State fled the town. She said it was over."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["Ann Lee", "Chile"]


def test_an_unnamed_defence_official_serves_the_state_of_the_story():
    text = (
        "Chilean President Ann Lee said the talks would go on. Chilean Foreign Minister Rui Dias said "
        "the border was open. A senior defense official said the troops would stay."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[-1] == "Chile"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Soldiers who served with Rui Dias said they were outraged.", "Soldiers"),
        ("Eva Soto, a former senior official who supported Rui Dias in the race, warned that it was late.", "Eva Soto"),
        ("Chilean President Ann Lee -- who talked with Rui Dias on Tuesday -- called lawmakers back.", "Ann Lee"),
    ],
)
def test_a_relative_clause_s_predicate_is_no_source_but_its_antecedent_is(text, speaker):
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist() == [speaker]


def test_an_inverted_subject_is_a_question_or_a_hypothesis_not_a_speaker():
    table = resolve(_table("Should Rui Dias say the deal is off, talks would end.", Codebook()), Codebook())
    assert table["speaker"].tolist() in ([""], [])


@pytest.mark.parametrize(
    "description, side",
    [("a professor at the London School of Economics", ""), ("a reporter for the Palabra Weekly", "")],
)
def test_a_school_s_name_gives_no_side(description, side):
    assert side_of(description) == side


def test_a_named_person_s_spokesman_or_lawyers_speak_for_them():
    text = "Chilean President Ann Lee spoke on Monday. Ann Lee's spokesman said the talks would go on."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["spokesman for Ann Lee", "Chile"]


def test_an_unnamed_law_enforcement_official_serves_the_state_of_the_story():
    text = (
        "Chilean President Ann Lee said the talks would go on. Chilean Foreign Minister Rui Dias said "
        "the border was open. A federal law enforcement official said the suspect was held."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[-1] == "Chile"


@pytest.mark.parametrize(
    "description, side",
    [
        ("professor of Chilean history at a private university", ""),  # a field of study
        ("a scholar at the Santiago-based Center for Studies", ""),  # a body's seat
        ("Chile's foreign minister", "Chile"),
    ],
)
def test_a_field_of_study_or_a_body_s_seat_gives_no_side(description, side):
    assert side_of(description) == side


def test_what_a_relative_clause_says_a_person_did_gives_no_side():
    mention = classify(
        "Rui Dias, chief executive of a private institute, who pushed for changes to the Chile deal", frozenset()
    )
    assert (mention.kind, mention.name, mention.side) == ("person", "Rui Dias", "")


def test_a_body_the_corpus_also_writes_with_a_lower_case_al_is_no_man_called_al():
    text = (
        "Chilean President Ann Lee said the talks would go on. Fighters of al Qaeda fled. "
        "Al Qaeda said it would fight on. Al Gore said the deal was good."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    kinds = dict(zip(table["speaker"], table["speaker_group"]))
    assert kinds.get("Al Qaeda") != "Chile" and "Al Gore" in kinds


@pytest.mark.parametrize(
    "mention, name",
    [
        ("Chile expert Rui Dias of the Santiago Endowment for Peace", "Rui Dias"),  # a description first
        ("Rui Dias of Santiago and Eva Soto of Lima", "Rui Dias"),
    ],
)
def test_a_person_of_a_body_is_the_person(mention, name):
    assert classify(mention, frozenset()).name == name


@pytest.mark.parametrize(
    "label, kept",
    [
        ("unnamed board completed its investigation", "unnamed board"),
        ("Trump already canceled the meeting once", "Trump"),
        ("unnamed joined a parade of officials", "unnamed joined a parade of officials"),  # nothing would be left
    ],
)
def test_a_clause_left_in_a_speaker_label_is_cut(label, kept):
    assert before_a_past_tense(label) == kept


def test_a_surname_alone_with_an_office_or_a_tie_is_the_person_the_corpus_mostly_gives_it():
    documents = {
        "a": "Chilean President Rui Dias said the talks would go on. Rui Dias said the border was open. "
        "Rui Dias spoke again.",
        "b": "Chilean President Rui Dias met first lady Zoe Dias. Dias said the deal was good.",  # a tie
        "c": "First lady Zoe Dias visited a school. President Dias said it was late.",  # an office
    }
    table = pd.concat([_table(text, Codebook(), doc_id) for doc_id, text in documents.items()], ignore_index=True)
    out = resolve(table, Codebook())
    assert out.loc[(out["doc_id"] != "a") & (out["speaker"] != ""), "speaker"].tolist() == ["Rui Dias", "Rui Dias"]


def test_a_surname_alone_takes_the_full_name_a_quotation_of_its_document_gives():
    documents = {
        "a": "Chilean Mayor Rui Dias said the talks would go on.",
        "b": 'The minister wrote: "Rui Dias has done a poor job." Dias answered with an op-ed, saying it was unfair.',
    }
    table = pd.concat([_table(text, Codebook(), doc_id) for doc_id, text in documents.items()], ignore_index=True)
    out = resolve(table, Codebook())
    assert out.loc[out["doc_id"] == "b", ["speaker", "speaker_group"]].values.tolist()[-1] == ["Rui Dias", "Chile"]


@pytest.mark.parametrize(
    "text",
    [
        "Chilean President Ann Lee said the talks would go on. Transport Secretary Rui Dias said the road was shut.",
        "Chilean President Ann Lee said the talks would go on. “It is over,” department spokesman Rui Dias said.",
        "Chilean President Ann Lee said the talks would go on. Rui Dias, the government’s chief medical adviser, "
        "said the virus was spreading.",
    ],
)
def test_a_portfolio_or_a_government_s_office_in_lower_case_serves_the_state_of_the_story(text):
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["Rui Dias", "Chile"]


@pytest.mark.parametrize(
    "before, run, apposition, side",
    [
        ("said ", "Rui Dias", "an expert on populist movements at Sciences Po in Paris", ""),
        ("said ", "Rui Dias", "a senior fellow at a think tank and former Chilean ambassador", "Chile"),
        ("said ", "Rui Dias", "cited by an Irish correspondent as a rising star", ""),
        ("said ", "Irish Prime Minister Rui Dias", "", "Ireland"),
        ("said ", "Rui Dias", "a scholar at the Center for Strategic & International Studies in Washington", ""),
        # an office held at a body takes the body's side: a bank's is none, whatever region or city
        ("said ", "Rui Dias", "vice chairman for Greater Asia at Harbor Private Banking in Singapore", ""),
        ("said ", "Rui Dias", "a spokesman at the Chilean embassy in Lima", "Chile"),
        ("said ", "Rui Dias", "the Chilean ambassador at the United Nations", "Chile"),
        (
            "said ",
            "Rui Dias",
            "director at the Center for a New Chilean Security in Lima and a former Peruvian envoy",
            "Peru",
        ),
        ("said ", "Rui Dias", "director at the Center for a New Chilean Security in Lima", ""),
        (
            "said ",
            "Rui Dias",
            "director of the Safety with Rights program at Amnesty International",
            "Amnesty International",
        ),
        # a journalist by trade, whoever employs them; not one who spoke to reporters
        ("says ", "Rui Dias", "a journalist for the local news site Diario de Lima", "Media"),
        ("said ", "Vice Adm. Rui Dias", "told reporters at the Pentagon", ""),
        # a private trade after a region's name, not after a state's body
        ("says Professor ", "Rui Dias", "an East Asia expert at a university in Santiago", ""),
        ("said ", "Rui Dias", "a Pentagon expert on Chile", "United States"),
    ],
)
def test_what_a_description_says_of_a_person_s_side(before, run, apposition, side):
    assert described_side(before, run, apposition) == side


@pytest.mark.parametrize(
    "mention, name, side",
    [
        ("Professor Rui Dias, an East Asia expert at a university in Santiago", "Rui Dias", ""),
        ("Rui Dias, a State Department expert on Chile", "Rui Dias", "United States"),
        ('retired Maj. Gen. Rui "Spider" Dias, a Chilean commander', "Rui Dias", "Chile"),
    ],
)
def test_a_mention_s_side_skips_a_private_trade_and_a_nickname(mention, name, side):
    found = classify(mention, frozenset())
    assert (found.kind, found.name, found.side) == ("person", name, side)


@pytest.mark.parametrize(
    "demonym, country", [("Malawian", "Malawi"), ("Northern Irish", "United Kingdom"), ("Soviet", "Russia")]
)
def test_demonyms_the_rule_derives_or_the_bundled_list_adds(demonym, country):
    assert gazetteer().phrases[demonym].side == country


def test_a_capitalised_le_opens_a_surname():
    text = "French candidate Marine Le Pen spoke in Lyon. Le Pen said the vote was close."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist()[-1] == "Marine Le Pen"


@pytest.mark.parametrize("source", ["The man", "One woman", "Friends", "Human rights groups"])
def test_an_unnamed_private_person_is_media(source):
    text = f"The mayor met friends and rights groups at noon. {source} said the town was quiet."  # in lower case first
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[-1] == "Media"


def test_a_day_capitalised_in_a_name_is_kept():
    assert without_noise("USA Today") == "USA Today" and without_noise("Rui Dias today") == "Rui Dias"


def test_a_family_name_alone_is_the_person_named_last_before_it():
    text = (
        "Chilean President Lee Min Ho spoke on Monday. Lee Jae-won, an analyst at a private institute, "
        "said the talks would stall. Lee said the border would stay shut."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist()[-1] == "Lee Jae-won"


def test_a_one_name_person_the_story_introduces_is_not_one_it_named_before():
    text = (
        "Chilean President Ali Reza spoke on Monday. Ali Karim, the minister, said the talks would go on. "
        "Ali, a young farmer, said the road was shut. Ali said the harvest was lost."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist()[-2:] == ["Ali", "Ali"]


@pytest.mark.parametrize("source, speaker, side", [("WBUR", "WBUR", "Media"), ("member station KQED", "KQED", "Media")])
def test_a_broadcaster_s_call_sign_is_a_medium(source, speaker, side):
    table = resolve(_table(f"{source} reported that the road was shut.", Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [[speaker, side]]


def test_a_private_person_of_a_place_takes_no_side_from_it():
    table = resolve(_table("Eva Soto of Santiago said the road was shut.", Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["Eva Soto", "Other"]]


@pytest.mark.parametrize(
    "mention, kind, name",
    [
        ("Soto's report", "person", "Soto"),
        ("a Pentagon memo", "institution", "Pentagon"),
        ("a Reuters poll", "media", "Reuters"),
    ],
)
def test_a_document_named_by_its_author_is_the_author_s(mention, kind, name):
    found = classify(mention, frozenset())
    assert (found.kind, found.name) == (kind, name)


def test_a_party_s_document_is_no_country_s():
    assert classify("a Democratic memo", frozenset()).name != "United States"


@pytest.mark.parametrize(
    "source, kept",
    [("Radio Sur's Ana Gil why the talks stalled", "Radio Sur's Ana Gil"), ("Asked why Gil", "Asked why Gil")],
)
def test_a_question_asked_of_a_name_is_cut_after_the_name(source, kept):
    assert without_noise(source) == kept


def test_an_irish_title_is_no_part_of_a_name():
    assert name_in_run("Taoiseach Rui Dias") == "Rui Dias"


def test_members_of_a_body_are_its_people_not_the_body():
    table = resolve(_table("Members of Congress said the deal was bad.", Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist() == [["unnamed members of Congress", "United States"]]


@pytest.mark.parametrize(
    "mention, kind, name",
    [
        ("a study published by the Pentagon", "institution", "Pentagon"),
        ("a report by Reuters", "media", "Reuters"),
        ("the findings by the Soto Institute", "institution", "Soto Institute"),
    ],
)
def test_a_document_by_its_author_is_the_author_s(mention, kind, name):
    found = classify(mention, frozenset())
    assert (found.kind, found.name) == (kind, name)


@pytest.mark.parametrize(
    "before, run, apposition",
    [
        ("said ", "Rui Dias", "foreign affairs columnist with the Santiago daily Voz"),  # a medium the list lacks
        ("said Radio Sur terrorism analyst ", "Rui Dias", ""),
        ("", "Ann Lee", "The New York Times' Johannesburg bureau chief"),  # a place between, a bureau chief
        ("", "Ann Lee", "Reuters' Moscow correspondent"),  # Reuters, not Moscow
    ],
)
def test_an_analyst_or_columnist_of_a_medium_is_media(before, run, apposition):
    assert described_side(before, run, apposition) == "Media"


def test_a_lower_case_state_office_before_a_name_serves_the_state_of_the_story():
    text = (
        "Chilean President Ann Lee said the talks would go on. “We will see,” said national security adviser Rui Dias."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[-1] == ["Rui Dias", "Chile"]


@pytest.mark.parametrize(
    "mention, name",
    [
        ("a tribal leader, Tarek al-Daghari al-Awlaki", "Tarek al-Daghari al-Awlaki"),  # particles in the name
        ("the army's chief of staff, General Rui Dias", "Rui Dias"),  # the title is no part of it
        ("one of the victims, Virginia Soto", "Virginia Soto"),  # a place's name may be a first name
    ],
)
def test_a_name_set_off_after_its_description_speaks(mention, name):
    assert classify(mention, frozenset()).name == name


#: Texts made of the pieces a name run's first word is told apart by: particles, initials, capitals
#: and the characters a look-behind tests.
_SCAN_TEXT = st.lists(
    st.sampled_from(
        [*(f"{p}-Ba" for p in ("al", "el", "ul", "ad", "an", "as", "ash", "at", "az", "bin", "ibn", "abu", "ab")),
         "Hassan", "Al", "H.", "R.", "e", "x", "de ", "van ", " ", "-", ".", "'", "’", "\n", ","]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(_SCAN_TEXT)
def test_patterns_that_open_with_their_letters_find_what_a_leading_look_behind_finds(text):
    from newsframe.actors import trie_pattern
    from newsframe.names import _FIRST_NAME_WORD, _NAME_WORD, NAME_RUN, PARTICLE_NAME

    tail = NAME_RUN.pattern.removeprefix(_FIRST_NAME_WORD)
    looked_behind = re.compile(rf"(?<![\w’'.-])(?:{_NAME_WORD}|{PARTICLE_NAME}){tail}")
    assert [m.span() for m in NAME_RUN.finditer(text)] == [m.span() for m in looked_behind.finditer(text)]
    words = ["Al", "Ali", "Bin", "Hassan", "Ba. Ru", "e-Sun"]
    guarded = re.compile(trie_pattern(words, not_after=r"[\w.-]"))
    plain = re.compile(rf"(?<![\w.-])(?:{trie_pattern(words)})")
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    "written, joined",
    [("Pak Son Il", "Pak Son-il"), ("Ju Yong Ha", "Ju Yong-ha")],  # invented Korean-shaped names
)
def test_a_given_name_of_two_syllables_is_one_name_written_apart_or_joined(written, joined):
    from newsframe.names import person_key

    assert (
        person_key(written) == person_key(joined) == (written.split()[0].lower(), "".join(written.lower().split()[1:]))
    )


@pytest.mark.parametrize("name", ["Marine Le Pen", "Abu Ali Bakr", "Donald Trump", "Jacob Rees-Mogg"])
def test_names_of_other_shapes_keep_their_last_word_as_the_surname(name):
    from newsframe.names import person_key

    assert person_key(name)[1] == name.split()[-1].lower()


def test_a_nickname_is_its_person_unless_the_surname_is_many_people_s():
    from newsframe.names import GivenNames

    keys = {
        ("james", "mattix"): {"a", "b", "c"},
        ("jim", "mattix"): {"c", "d"},
        ("michael", "jonsen"): {"a"},
        ("mike", "jonsen"): {"b"},
        ("boris", "jonsen"): {"c", "d", "e", "f", "g"},
    }
    given = GivenNames(keys, {}, frozenset())
    assert given("jim", "mattix") == "james"
    assert given("mike", "jonsen") == "mike"  # Mike and Michael hold too few of the Jonsens' documents


def test_the_speaker_table_counts_each_speaker_with_the_side_most_of_their_statements_carry():
    from newsframe.statements import speaker_table

    frame = pd.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "b:0", "b:1", "b:2"],
            "doc_id": ["a", "a", "b", "b", "b"],
            "speaker": ["Ana Ruiz", "", "Ana Ruiz", "Rui Dias", "Ana Ruiz"],
            "speaker_group": ["Chile", "", "Chile", "Peru", "Other"],
        }
    )
    table = speaker_table(frame)
    assert table.index.tolist() == ["Ana Ruiz", "Rui Dias"]
    assert table.loc["Ana Ruiz"].tolist() == ["Chile", 3, 2, 0.75, "a:0"]


def test_a_label_that_names_no_one_has_a_row_per_side():
    from newsframe.statements import speaker_table

    frame = pd.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "b:0", "c:0", "c:1"],
            "doc_id": ["a", "a", "b", "c", "c"],
            "speaker": ["police", "police", "police", "Ana Ruiz", "Ana Ruiz"],
            "speaker_group": ["Chile", "Chile", "Peru", "Chile", "Other"],
        }
    )
    table = speaker_table(frame).reset_index()
    assert table[["speaker", "side", "statements"]].values.tolist() == [
        ["Ana Ruiz", "Chile", 2],
        ["police", "Chile", 2],
        ["police", "Peru", 1],
    ]


def test_a_title_or_common_word_alone_is_no_side_of_its_own():
    text = (
        "The king said the talks would go on. The King said the border was open. "
        "The Joint Council for Refugees said the camps were full."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    sides = dict(zip(table["speaker"], table["speaker_group"]))
    assert sides["King"] == "Other"  # "king" is a word the text writes in lower case
    assert sides["Joint Council for Refugees"] == "Joint Council for Refugees"


def test_a_un_agency_speaks_for_the_un_and_a_national_agency_for_its_story_s_state():
    text = (
        "Chilean President Ann Lee said the talks in Chile would go on. UNHCR said the camps were full. "
        "The National Water Agency said the river was low."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[1:] == [
        ["UNHCR", "United Nations"],
        ["National Water Agency", "Chile"],
    ]


def test_lawmakers_of_a_party_or_of_both_take_the_country_of_the_story_s_speakers():
    text = (
        "Chilean President Ann Lee said the talks would go on. Chilean officials said the deal was near. "
        "Tory MPs said the vote would fail. Lawmakers from both parties said the border was open."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist()[2:] == ["Chile", "Chile"]


def test_a_name_shaped_like_a_masthead_is_a_medium_and_local_titles_are_no_name():
    text = (
        "The storm hit the coast, the Lakeside Star Tribune reported. Assemblywoman Ann Lee said the roads were closed."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[0] == ["Lakeside Star Tribune", "Media"]
    assert table["speaker"].tolist()[1] == "Ann Lee"


@pytest.mark.parametrize(
    "apposition, serves",
    [
        ("vice-president of Ms Lee's National Front", True),
        ("a member of the governing Unity party", True),
        ("a Labour party spokesman", True),
        ("a member of the audience", False),
        ("a leading member of the Muslim Brotherhood", False),
    ],
)
def test_an_office_in_a_party_after_a_name_serves_a_state(apposition, serves):
    assert serves_a_state("", "Ana Ruiz", apposition) is serves


def test_a_word_written_alone_a_hundred_times_for_each_full_name_names_no_one_alone():
    background = pd.concat(
        [_table("Officials said the Zorban attacked the town.", Codebook(), f"b{k}") for k in range(300)]
    )
    named = _table("Sunni Zorban said the war was over.", Codebook(), "n")
    story = _table("In a statement, Zorban said the talks had failed.", Codebook(), "s")
    table = resolve(pd.concat([background, named, story], ignore_index=True), Codebook())
    assert table["speaker"].tolist()[-1] == "Zorban"


def test_a_source_close_to_a_person_is_unnamed_not_that_person():
    text = "Chilean President Ann Lee said the talks would go on. A person close to Lee said she would not sign."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table[["speaker", "speaker_group"]].values.tolist()[1] == ["unnamed person close to Lee", "Media"]


def test_a_label_capitalised_only_as_its_sentence_opens_is_one_speaker_with_its_lower_case():
    text = (
        "Officials said the checks were slow at the border. Police said the road was closed. "
        "The road stayed shut, police said."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker"].tolist()[1:] == ["police", "police"]


def _draft() -> Codebook:
    """A draft-shaped codebook: a few of the corpus's most-quoted, open to everyone else."""
    return Codebook(
        groups=("United States", "United Kingdom", "Iran"),
        actors=(
            Actor("Iran", "Iran", "country", aliases=("Iranian",)),
            Actor("White House", "United States", "institution"),
            Actor("Boris Johnson", "United Kingdom", "person", aliases=("Boris",)),
            Actor("Adam Schiff", "United States", "person", aliases=("Schiff",)),
            Actor("Robert Mueller", "United States", "person", aliases=("Mueller",)),
        ),
    )


def test_a_draft_codebook_names_its_own_and_leaves_everyone_else_themselves():
    text = (
        "Mark Dubowitz of the Foundation for Defense of Democracies, a think tank that studies Iran, said the deal "
        "was weak. White House press secretary Sean Spicer said the talks would go on. Homeland Security Secretary "
        "Jeh Johnson spoke on Monday. Johnson said the borders were safe. Schiff, who wants Mueller to testify, "
        "said the report was clear."
    )
    table = resolve(_table(text, _draft()), _draft())
    assert _speaker_of(table, "Mark Dubowitz") == "Mark Dubowitz"
    spicer = table[table["text"].str.startswith("White House press secretary")].iloc[0]
    assert (spicer["speaker"], spicer["speaker_group"]) == ("Sean Spicer", "United States")
    assert _speaker_of(table, "Johnson said") == "Jeh Johnson"
    assert _speaker_of(table, "Schiff, who") == "Adam Schiff"
    own = "Prime Minister Boris Johnson spoke on Monday. Johnson said Britain would wait."
    assert _speaker_of(resolve(_table(own, _draft()), _draft()), "Johnson said") == "Boris Johnson"


@pytest.mark.parametrize(
    "text, media",
    [
        ("Mr. Bloomberg's decision was clear, she said.", []),
        ("New York City Mayor Michael Bloomberg revealed the plan, officials said.", []),
        ("He told Bloomberg on Monday that the talks had failed.", ["Bloomberg"]),
        ("When Vox asked the consul general, he said nothing.", ["Vox"]),
    ],
)
def test_a_one_word_medium_after_a_first_name_or_an_honorific_is_a_person(text, media):
    assert gazetteer().media_in(text) == media


@pytest.mark.parametrize(
    "mention, kind, name, side",
    [
        # a description, then the person's name: the person speaks, not the place the office covers
        ("the agency's emergency coordinator for Chile, Rui Dias", "person", "Rui Dias", ""),
        ("the Chilean foreign minister, Rui Dias", "person", "Rui Dias", "Chile"),
        ("including a senator highly critical of the Peruvians, Senator Rui Dias", "person", "Rui Dias", None),
        ("another tourist from Great Britain, Ana Lee", "person", "Ana Lee", None),  # sides: the corpus pass's
        ("the commander of the air force, Brig-Gen Rui Alves Dias", "person", "Rui Alves Dias", None),
    ],
)
def test_a_description_apposed_to_a_name_is_that_person(mention, kind, name, side):
    found = classify(mention, frozenset())
    assert (found.kind, found.name) == (kind, name)
    assert side is None or found.side == side


def test_a_spokesman_for_a_named_person_is_not_that_person():
    assert classify("a spokesman for recently appointed Defense Secretary, Rui Dias", frozenset()).name != "Rui Dias"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("At least three officials said the talks failed.", "unnamed officials"),  # a count is no part of a label
        (
            "Rebels downed a helicopter on Tuesday, according to a government official said.",
            "unnamed government official",
        ),
    ],
)
def test_a_count_or_a_writer_s_slip_is_no_part_of_a_label(text, speaker):
    assert resolve(_table(text, Codebook()), Codebook())["speaker"].tolist() == [speaker]


def test_the_office_of_the_person_who_spoke_just_before_is_theirs():
    """'the president' after the president who just spoke, though an earlier president is written
    with the title further back."""
    context = [
        f"President Ann Lee said the vote was fair. Lee said it again in {city}." for city in ("Lima", "Quito", "Cusco")
    ]
    text = (
        "President Rui Dias signed the treaty in 1990. Ann Lee said the talks would go on. "
        '"We will not give up," the president said on Tuesday.'
    )
    tables = [_table(t, Codebook(), doc_id=f"c{k}") for k, t in enumerate(context)]
    tables.append(_table(text, Codebook(), doc_id="d"))
    table = resolve(pd.concat(tables, ignore_index=True), Codebook())
    assert table[table["doc_id"] == "d"]["speaker"].tolist()[-1] == "Ann Lee"


def test_a_monitoring_group_named_with_a_demonym_is_its_own_side():
    text = "The Syrian Observatory for Human Rights said 20 people were killed."
    table = resolve(_table(text, Codebook()), Codebook())
    assert table["speaker_group"].tolist() != ["Syria"]


@pytest.mark.parametrize(
    "run, name", [("French prosecutor François Molins", "François Molins"), ("Pedro Sánchez", "Pedro Sánchez")]
)
def test_a_name_with_diacritics_is_a_full_name(run, name):
    assert written_full_name(run, frozenset()) == name


def test_a_sentence_adverb_is_no_part_of_a_group_s_name():
    assert (
        without_noise("Recently lawmakers, both Democrats and Republicans")
        == "lawmakers, both Democrats and Republicans"
    )
    assert without_noise("Family members") == "Family members"


def test_a_pronoun_after_someone_new_is_them_when_the_noun_agrees():
    text = (
        "Chilean minister Ann Lee said the road was closed. One woman said she saw the blast. "
        '"It was loud," she said. A man who lived nearby said he ran. "I ran," he said.'
    )
    table = resolve(_table(text, Codebook()), Codebook())
    speakers = table["speaker"].tolist()
    assert speakers[2].lower() == "one woman"
    assert "woman" not in speakers[-1].lower()


@pytest.mark.parametrize("mention, name", [("Gen. Scales", "Scales"), ("Ambassador Rice", "Rice")])
def test_a_title_before_a_surname_the_corpus_also_writes_as_a_word_is_a_person(mention, name):
    found = classify(mention, frozenset({"scales", "rice", "motors"}))
    assert (found.kind, found.name) == ("person", name)
    assert classify("General Motors", frozenset({"motors"})).kind != "person"


def test_someone_introduced_by_a_noun_and_named_just_after_is_the_named_person():
    text = (
        "A journalist on the scene tweeted that the gunman was agitated. "
        '"He is shouting," tweeted journalist Ann Lee. An official said the siege was over. '
        "Chilean official Rui Dias said it was not."
    )
    table = resolve(_table(text, Codebook()), Codebook())
    speakers = table["speaker"].tolist()
    assert speakers[0] == "Ann Lee"
    assert speakers[2] != "Rui Dias"  # an official may stay anonymous


def test_the_state_and_party_of_a_member_is_the_member_named_before_of_that_party():
    """'the Ohio Republican' is the Republican named just before, not a Democrat named in between,
    nor the United States; with no member of the party named, an unnamed Ohio Republican."""
    context = " ".join(f"Rep. Ann Lee, R-Ohio, said the bill would pass in {city}." for city in ("Lima", "Quito"))
    text = (
        "Rep. Ann Lee said the bill was fair. Rep. Rui Dias, D-Maine, called it a trap. "
        '"It will pass," the Ohio Republican said.'
    )
    alone = 'The vote is on Monday. "It will fail," the Ohio Republican said.'
    tables = [_table(context, Codebook(), "c"), _table(text, Codebook(), "d"), _table(alone, Codebook(), "e")]
    table = resolve(pd.concat(tables, ignore_index=True), Codebook())
    assert table[table["doc_id"] == "d"]["speaker"].tolist()[-1] == "Ann Lee"
    assert table[table["doc_id"] == "e"][["speaker", "speaker_group"]].values.tolist()[-1] == [
        "unnamed Ohio Republican",
        "United States",
    ]


@pytest.mark.parametrize(
    "run, name", [("Rep. Ruben Gallego D-Ariz.", "Ruben Gallego"), ("Sen. Tim Scott R-S.C.", "Tim Scott")]
)
def test_a_party_tag_without_its_comma_is_no_part_of_the_name(run, name):
    assert name_in_run(run) == name


@pytest.mark.parametrize(
    "text, source, name",
    [
        (
            '"He will not return," Adm. Ann Lee, the Chief of Naval Operations told reporters.',
            "the Chief of Naval Operations",
            "Ann Lee",
        ),
        (
            "But Rui Dias, legal director of the Center for Rights, said it was illegal.",
            "legal director of the Center for Rights",
            "Rui Dias",
        ),
        ("The bill passed, said Rep. Ann Lee, D-Wash., on Monday.", "D-Wash.", "Ann Lee"),
        (
            "In an interview with CNN's Ann Lee, the Republican senator confirmed the call.",
            "the Republican senator",
            None,
        ),
        ("Invoking the parable of the Good Samaritan, the Pope said it.", "the Pope", None),
        ("After meeting Rui Dias, officials said the talks went well.", "officials", None),
        ("In a call with Rui Dias, the Pentagon said it would help.", "the Pentagon", None),
    ],
)
def test_an_office_apposed_to_a_name_at_its_clause_s_start_is_that_person(text, source, name):
    found = _apposed_person(text, source, frozenset())
    assert (found.name if found else None) == name


def test_an_office_whose_holder_speaks_next_is_that_holder():
    context = " ".join(f"Syrian leader Rui Dias said the war went on in {city}." for city in ("Homs", "Hama"))
    text = 'The Syrian leader warned of a response. "Expect everything," Dias told the network.'
    tables = [_table(context, Codebook(), doc_id="c"), _table(text, Codebook(), doc_id="d")]
    table = resolve(pd.concat(tables, ignore_index=True), Codebook())
    assert table[table["doc_id"] == "d"]["speaker"].tolist()[0] == "Rui Dias"


def test_labels_differing_only_in_apostrophes_or_capitals_are_one_speaker():
    text = (
        "Michael O’Hanlon said the war was long. Michael O'Hanlon said it again. "
        "Michael O’Hanlon said it a third time. CRITICS said it was not. Critics said so. critics said so."
    )
    speakers = resolve(_table(text, Codebook()), Codebook())["speaker"].tolist()
    assert speakers[:3] == ["Michael O’Hanlon"] * 3
    assert len(set(speakers[3:])) == 1


@pytest.mark.parametrize(
    "mention, name",
    [
        ("Director of the Aleppo Media Center Rui Dias", "Rui Dias"),
        ("the governor of Guam Eddie Baza Calvo", "Eddie Baza Calvo"),
        ("the president of the Council on Foreign Relations", None),
    ],
)
def test_a_name_ending_an_office_without_a_comma_is_that_person(mention, name):
    found = classify(mention, frozenset({"foreign", "relations", "media", "center"}))
    assert (found.name if found.kind == "person" else None) == name


def test_the_spokesman_of_an_office_speaks_for_its_holder_and_is_not_the_holder():
    text = (
        "Chilean Prime Minister Ann Lee said the deal was done. "
        "The prime minister's spokesman said talks would go on. The prime minister said it again."
    )
    speakers = resolve(_table(text, Codebook()), Codebook())[["speaker", "speaker_group"]].values.tolist()
    assert speakers[1] == ["Ann Lee’s spokesman", "Chile"]
    assert speakers[2] == ["Ann Lee", "Chile"]


def test_investigators_and_court_records_serve_the_story_s_state():
    text = (
        "Chilean police said the man was held. Chilean prosecutors said he was charged. "
        "Investigators said he acted alone. He bought the gun, court documents show."
    )
    groups = resolve(_table(text, Codebook()), Codebook())["speaker_group"].tolist()
    assert groups[2:] == ["Chile", "Chile"]


@pytest.mark.parametrize(
    "before, run, apposition, serves",
    [
        ("Retired Air Force Gen. ", "Ann Lee", "", True),
        ("", "Rui Dias", "a former Army officer", True),
        ("", "Ann Lee", "a former military intelligence officer", True),
        ("", "Ann Lee", "a former intelligence officer", True),
        ("Taliban Commander ", "Rui Dias", "", False),
        ("Salvation Army Major ", "Ann Lee", "", False),
    ],
)
def test_a_rank_in_a_state_s_armed_services_serves_a_state(before, run, apposition, serves):
    assert serves_a_state(before, run, apposition) is serves


def test_findings_and_papers_no_one_is_named_for_are_the_media_s():
    text = "The race is close, polls show. The plan failed, documents show. Chilean police said it was over."
    groups = resolve(_table(text, Codebook()), Codebook())["speaker_group"].tolist()
    assert groups[:2] == ["Media", "Media"]


def test_a_news_organisation_is_named_without_its_country_or_kind():
    text = "The talks failed, South Korea's Yonhap news agency reported. The Kommersant newspaper said so too."
    speakers = resolve(_table(text, Codebook()), Codebook())[["speaker", "speaker_group"]].values.tolist()
    assert speakers == [["Yonhap", "Media"], ["Kommersant", "Media"]]
