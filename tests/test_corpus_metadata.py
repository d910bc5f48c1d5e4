"""Metadata as real exports carry it: their column names, their date formats, compressed tables."""

from __future__ import annotations

import csv
import gzip
import json

import pytest
from newsframe import dates
from newsframe.corpus import documents_frame, field_columns, fields_markdown, load_corpus

TEXT = "Officials said the shipment arrived on Monday. Nobody denied it."


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-04-12T17:10:51", "2022-04-12"),
        ("2022-06-16T15:16:27Z", "2022-06-16"),
        ("2022-06-16T23:30:00-05:00", "2022-06-16"),  # the date its readers saw, not UTC's
        ("Tue, 12 Apr 2022 17:10:51 GMT", "2022-04-12"),
        ("April 12, 2022", "2022-04-12"),
        ("12 Apr 2022", "2022-04-12"),
        ("Monday, April 11, 2022 5:10 PM", "2022-04-11"),
        ("September 2024", "2024-09"),
        ("2022/04/12", "2022-04-12"),
        ("2024", "2024"),
        ("1539441713", "2018-10-13"),
        (1539441713000, "2018-10-13"),
    ],
)
def test_dates_normalised(value, expected):
    assert dates.normalise(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "10/09/2024", "24-09-10", "2024-02-30", "April 12", "may", ""])
def test_dates_that_need_a_guess_are_refused(value):
    with pytest.raises(dates.DateError, match="without guessing"):
        dates.normalise(value)


def test_date_from_url():
    assert dates.from_url("https://example.org/news/2019/11/some-story.html") == "2019-11"
    assert dates.from_url("http://example.org/2016/09/20/nyregion/story.html") == "2016-09-20"
    assert dates.from_url("http://example.org/2016/13/story") == ""
    assert dates.from_url("http://example.org/story-2016") == ""


def test_field_columns_case_insensitive_in_order_of_preference():
    mapping = field_columns(["ID", "Headline", "Source", "pubDate", "Link", "Body", "topic"])
    assert mapping == {
        "doc_id": "ID",
        "text": "Body",
        "title": "Headline",
        "outlet": "Source",
        "published": "pubDate",
        "url": "Link",
    }
    # `outlet` is preferred to `source`, `published` to `date`; a column serves one field only
    assert field_columns(["text", "source", "outlet", "date", "published"]) == {
        "text": "text",
        "outlet": "outlet",
        "published": "published",
    }


def _rows():
    return [
        {
            "id": "a1",
            "Source": "Daily Example",
            "Date": "2022-06-16T15:16:27Z",
            "Headline": "One",
            "Body": TEXT,
            "link": "https://example.org/a1",
        },
        {
            "id": "a2",
            "Source": "Weekly Example",
            "Date": "April 12, 2022",
            "Headline": "Two",
            "Body": TEXT,
            "link": "https://example.org/a2",
        },
        {
            "id": "a3",
            "Source": "Weekly Example",
            "Date": "",
            "Headline": "Three",
            "Body": TEXT,
            "link": "https://example.org/news/2019/11/a3.html",
        },
        {
            "id": "a4",
            "Source": "Weekly Example",
            "Date": "10/09/2024",
            "Headline": "Four",
            "Body": TEXT,
            "link": "https://example.org/a4",
        },
    ]


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".csv.gz", ".jsonl", ".csv"])
def test_export_with_its_own_column_names(tmp_path, suffix):
    path = tmp_path / f"export{suffix}"
    rows = _rows()
    opener = gzip.open if suffix.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:
        if ".jsonl" in suffix:
            handle.write("".join(json.dumps(r) + "\n" for r in rows))
        else:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    corpus = load_corpus(path)
    frame = documents_frame(corpus).set_index("doc_id")
    assert list(frame.index) == ["a1", "a2", "a3", "a4"]
    assert frame.loc["a2", ["outlet", "title", "url"]].tolist() == ["Weekly Example", "Two", "https://example.org/a2"]
    assert frame["published"].tolist() == ["2022-06-16", "2022-04-12", "2019-11", ""]
    assert frame["published_raw"].tolist() == ["2022-06-16T15:16:27Z", "April 12, 2022", "", "10/09/2024"]
    assert frame.loc["a1", "published_from"] == "column `Date`"
    assert frame.loc["a3", "published_from"] == "the URL"
    assert "'10/09/2024'" in frame.loc["a4", "warnings"] and "without guessing" in frame.loc["a4", "warnings"]
    assert (frame["status"] == "ok").all() and frame.loc["a1", "n_chars"] == len(TEXT)
    said = fields_markdown(corpus)
    assert "`published` from column `Date`" in said and "`outlet` from column `Source`" in said
    assert "**3 of 4 readable documents are dated**" in said and "1 from the URL" in said
    assert "1 give a date that could not be read" in said


def test_broken_gzip_names_the_file(tmp_path):
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(b"not gzip at all")
    with pytest.raises(ValueError, match=r"export\.jsonl\.gz: not a readable gzip file"):
        load_corpus(path)


def test_metadata_csv_with_export_column_names(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "ID,Publisher,Published_At\na,Example Times,2023-01-05T08:00:00+01:00\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    [doc] = corpus.documents
    assert (doc.outlet, doc.published, doc.published_from) == (
        "Example Times",
        "2023-01-05",
        "metadata.csv column `Published_At`",
    )
    assert corpus.fields == {"doc_id": "ID", "outlet": "Publisher", "published": "Published_At"}
