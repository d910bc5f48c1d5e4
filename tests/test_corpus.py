"""The corpus loader: exact raw text, every input accounted for, actionable errors."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from newsframe import paths
from newsframe.corpus import (
    FRAME_COLUMNS,
    CorpusError,
    decode_text,
    documents_frame,
    load_corpus,
)

SEEDS = sorted(paths.SEEDS.glob("*.txt"))

ARTICLE = (
    "Iran denies “missile” reports\n"
    "\n"
    "Tehran’s envoy said the talks at the café in Vienna were “constructive” and that "
    "no ballistic missiles had been sent to Russia, calling the reports baseless.\n"
    "\n"
    "Officials in Kyiv disagreed. “We have seen the evidence,” a spokesman said on Monday, "
    "adding that the résumé of deliveries would be shared with European partners.\n"
)
FIRST_NON_ASCII = ARTICLE.encode("cp1252").index(b"\x93")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def normalised(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def by_id(corpus):
    return {doc.doc_id: doc for doc in corpus.documents}


def html_page(text: str = ARTICLE, title: str = "Iran denies “missile” reports") -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n")[1:])
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        "<meta property='article:published_time' content='2024-09-10T08:00:00Z'>"
        "</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>\n{paragraphs}</article>"
        "<footer>© 2024 Example News</footer></body></html>"
    )


# --- the seed corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_corpus():
    return load_corpus("seeds")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_loads_exactly(seeds_corpus, seed):
    doc = by_id(seeds_corpus)[seed.stem]
    with open(seed, encoding="utf-8", newline="") as f:
        raw_text = f.read()
    assert (doc.status, doc.error, doc.encoding, doc.input_format) == ("ok", "", "utf-8", "txt")
    assert doc.text == raw_text
    assert doc.sha256 == sha(seed.read_bytes())
    assert doc.source_path == f"seeds/{seed.name}"


def test_seed_metadata_applied(seeds_corpus):
    docs = by_id(seeds_corpus)
    assert docs["000_ece4c98a25b6d21d"].title.startswith("Ukraine Summons Iranian Diplomat")
    assert docs["001_a02e728c2cc5b928"].title == ""  # empty metadata cells leave fields empty
    assert [d.doc_id for d in seeds_corpus.documents] == [p.stem for p in SEEDS]
    assert seeds_corpus.problems == []  # codebook.yml and metadata.csv are not documents
    assert seeds_corpus.path == "seeds"


def test_relative_path_resolves_from_repository_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(load_corpus("seeds").documents) == len(SEEDS)


def test_loading_is_deterministic(seeds_corpus):
    assert load_corpus(paths.SEEDS) == seeds_corpus


def test_documents_frame(seeds_corpus):
    frame = documents_frame(seeds_corpus)
    assert list(frame.columns) == FRAME_COLUMNS
    assert FRAME_COLUMNS[:3] == ["doc_id", "source_path", "sha256"]
    assert len(frame) == len(SEEDS)
    assert frame["n_chars"].tolist() == [len(d.text) for d in seeds_corpus.documents]
    assert not frame.isna().any().any()


# --- one article in every format ------------------------------------------------------------


@pytest.fixture
def variants_folder(tmp_path):
    folder = tmp_path / "variants"
    folder.mkdir()
    write(folder, "utf8.txt", ARTICLE.encode("utf-8"))
    write(folder, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    write(folder, "crlf.txt", ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    write(folder, "cr.txt", ARTICLE.replace("\n", "\r").encode("utf-8"))
    write(folder, "cp1252.txt", ARTICLE.encode("cp1252"))
    return folder


def test_text_variants_load_to_the_same_article(variants_folder):
    docs = by_id(load_corpus(variants_folder))
    assert list(docs) == ["bom", "cp1252", "cr", "crlf", "utf8"]  # sorted by file name
    for doc_id, doc in docs.items():
        assert doc.status == "ok", doc.error
        assert normalised(doc.text) == ARTICLE, doc_id
        assert doc.sha256 == sha((variants_folder / f"{doc_id}.txt").read_bytes())


def test_raw_text_is_not_normalised(variants_folder):
    docs = by_id(load_corpus(variants_folder))
    assert docs["bom"].text == "\ufeff" + ARTICLE
    assert docs["crlf"].text == ARTICLE.replace("\n", "\r\n")
    assert docs["cr"].text == ARTICLE.replace("\n", "\r")
    for doc_id in ("bom", "crlf", "cr", "utf8"):
        path = variants_folder / f"{doc_id}.txt"
        with open(path, encoding="utf-8", newline="") as f:
            assert docs[doc_id].text == f.read()
        assert (docs[doc_id].encoding, docs[doc_id].warnings) == ("utf-8", "")


def test_cp1252_recorded_as_fallback(variants_folder):
    doc = by_id(load_corpus(variants_folder))["cp1252"]
    assert doc.text == ARTICLE
    assert doc.encoding == "cp1252"
    assert doc.warnings == f"decoded as cp1252: not valid UTF-8 at byte {FIRST_NON_ASCII}"


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def write_parquet(path: Path, rows: list[dict]) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


TABLE_WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet}


@pytest.mark.parametrize("fmt", sorted(TABLE_WRITERS))
def test_tables_give_the_same_text_as_txt(tmp_path, fmt):
    rows = [
        {"doc_id": "a1", "text": ARTICLE, "outlet": "Example News", "published": "2024-09"},
        {"doc_id": "a2", "text": ARTICLE.replace("\n", "\r\n"), "outlet": "", "published": ""},
    ]
    table = TABLE_WRITERS[fmt](tmp_path / f"corpus.{fmt}", rows)
    txt = load_corpus(write(tmp_path, "a1.txt", ARTICLE)).documents[0]
    corpus = load_corpus(table)
    a1, a2 = corpus.documents
    assert a1.text == txt.text
    assert a2.text == ARTICLE.replace("\n", "\r\n")  # CRLF inside a cell survives
    assert (a1.status, a1.encoding, a1.input_format) == ("ok", "utf-8", fmt)
    assert a1.sha256 == sha(ARTICLE.encode("utf-8"))
    assert (a1.outlet, a1.published) == ("Example News", "2024-09")
    assert [d.source_path for d in corpus.documents] == [f"{corpus.path}#1", f"{corpus.path}#2"]


def test_csv_written_by_pandas(tmp_path):
    table = tmp_path / "pandas.csv"
    pd.DataFrame({"text": [ARTICLE, "Second article.\n"], "title": ["T1", ""]}).to_csv(table, index=False)
    docs = load_corpus(table).documents
    assert [d.doc_id for d in docs] == ["row000001", "row000002"]
    assert docs[0].text == ARTICLE
    assert (docs[0].title, docs[1].title) == ("T1", "")


def test_csv_with_bom_and_cp1252(tmp_path):
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b'\xef\xbb\xbfdoc_id,text\r\nx,"' + ARTICLE.encode("utf-8") + b'"\r\n')
    assert load_corpus(bom).documents[0].text == ARTICLE  # the BOM belongs to the header
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes(b'doc_id,text\nx,"' + ARTICLE.encode("cp1252") + b'"\n')
    doc = load_corpus(legacy).documents[0]
    assert (doc.text, doc.encoding) == (ARTICLE, "cp1252")
    assert doc.warnings.startswith("decoded as cp1252")


def test_parquet_native_types(tmp_path):
    rows = [
        {"text": ARTICLE, "published": dt.datetime(2024, 9, 10, 8, 30)},
        {"text": None, "published": None},
    ]
    docs = load_corpus(write_parquet(tmp_path / "dates.parquet", rows)).documents
    assert [d.doc_id for d in docs] == ["row000001", "row000002"]
    assert [d.published for d in docs] == ["2024-09-10", ""]
    assert [d.status for d in docs] == ["ok", "error"]  # a null text is an empty document
    assert "dates.parquet#2: no text (empty): fill in the text or remove the row" in docs[1].error


def test_jsonl_keeps_line_separators_inside_strings(tmp_path):
    text = "First line\u2028same paragraph.\n"
    table = write_jsonl(tmp_path / "sep.jsonl", [{"text": text}, {"text": ARTICLE}])
    docs = load_corpus(table).documents
    assert [d.text for d in docs] == [text, ARTICLE]


def test_html_page(tmp_path):
    page = write(tmp_path, "page.html", html_page())
    doc = load_corpus(page).documents[0]
    assert doc.status == "ok", doc.error
    assert (doc.input_format, doc.encoding, doc.doc_id) == ("html", "utf-8", "page")
    assert doc.sha256 == sha(page.read_bytes())
    assert doc.title == "Iran denies “missile” reports"
    assert doc.published == "2024-09-10"
    for paragraph in ARTICLE.split("\n\n")[1:]:
        assert paragraph.strip() in doc.text
    assert "Home" not in doc.text and "Example News" not in doc.text


def test_html_metadata_csv_wins_over_page_metadata(tmp_path):
    write(tmp_path, "page.htm", html_page())
    write(tmp_path, "metadata.csv", "doc_id,title,published\npage,Curated title,2024\n")
    doc = load_corpus(tmp_path).documents[0]
    assert (doc.title, doc.published, doc.input_format) == ("Curated title", "2024", "html")


def test_html_without_main_text_is_an_error(tmp_path):
    write(tmp_path, "blank.html", "<html><head><title>Nothing</title></head><body></body></html>")
    write(tmp_path, "ok.txt", ARTICLE)
    docs = by_id(load_corpus(tmp_path))
    assert len(docs) == 2
    assert docs["blank"].status == "error"
    assert "blank.html: no main text found in the HTML" in docs["blank"].error


# --- per-document errors --------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("empty.txt", b"", "empty file (0 bytes): remove the file or restore its text"),
        ("blank.txt", b"  \r\n\t\n ", "only whitespace, no text"),
        ("image.txt", PNG, "binary file (PNG image), not text: remove it or convert it to .txt"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document)"),
        ("nul.txt", b"abc\x00def", "binary content (NUL bytes)"),
        ("ctrl.txt", bytes(range(1, 9)) * 20 + b"text", "mostly control characters"),
        ("wide.txt", ARTICLE.encode("utf-16"), "UTF-16 encoded text, not UTF-8: re-save it"),
    ],
)
def test_bad_file_becomes_error_row(tmp_path, name, data, expected):
    write(tmp_path, name, data)
    write(tmp_path, "good.txt", ARTICLE)
    corpus = load_corpus(tmp_path)
    assert len(corpus.documents) == 2
    bad, good = sorted(corpus.documents, key=lambda d: d.doc_id == "good")
    assert good.status == "ok"
    assert (bad.status, bad.text) == ("error", "")
    assert bad.error.startswith(f"{paths.display(tmp_path / name)}: ")
    assert expected in bad.error
    assert bad.sha256 == sha(data)


def test_latin1_fallback_when_cp1252_undefined(tmp_path):
    raw = "Caf\xe9 \x81 report".encode("latin-1")
    doc = load_corpus(write(tmp_path, "odd.txt", raw)).documents[0]
    assert (doc.text, doc.encoding, doc.status) == ("Caf\xe9 \x81 report", "latin-1", "ok")
    assert "not valid UTF-8 at byte 3" in doc.warnings
    assert "0x81" in doc.warnings


def test_decode_text():
    assert decode_text("é".encode()) == ("é", "utf-8", "")
    assert decode_text(b"\xef\xbb\xbfx") == ("\ufeffx", "utf-8", "")
    warning = "decoded as cp1252: not valid UTF-8 at byte 2"
    assert decode_text(b"ab\x93c") == ("ab“c", "cp1252", warning)


def test_duplicate_doc_id_in_folder(tmp_path):
    write(tmp_path, "story.html", html_page())
    write(tmp_path, "story.txt", ARTICLE)
    first, second = load_corpus(tmp_path).documents
    assert first.status == "ok"
    assert second.status == "error"
    assert f"duplicate doc_id 'story', already used by {first.source_path}" in second.error


def test_duplicate_doc_id_in_table(tmp_path):
    rows = [{"doc_id": "x", "text": ARTICLE}, {"doc_id": "y", "text": "Other.\n"}, {"doc_id": "x", "text": "Again.\n"}]
    corpus = load_corpus(write_csv(tmp_path / "dup.csv", rows))
    assert len(corpus.documents) == 3
    assert [d.status for d in corpus.documents] == ["ok", "ok", "error"]
    assert f"already used by {corpus.path}#1" in corpus.documents[2].error


def test_bad_table_rows_become_error_rows(tmp_path):
    table = tmp_path / "rows.jsonl"
    table.write_text(
        json.dumps({"text": ARTICLE})
        + "\n\n{not json\n[1, 2]\n"
        + json.dumps({"text": "   "})
        + "\n"
        + json.dumps({"text": 42})
        + "\n"
        + json.dumps({"doc_id": "no-text"})
        + "\n",
        "utf-8",
    )
    docs = load_corpus(table).documents
    assert len(docs) == 6  # the blank line is not a row
    assert [d.status for d in docs] == ["ok"] + ["error"] * 5
    assert docs[1].source_path.endswith("rows.jsonl#3")
    assert "line 3 is not valid JSON" in docs[1].error
    assert "JSON list, not an object" in docs[2].error
    assert "only whitespace" in docs[3].error
    assert "`text` is a int" in docs[4].error
    assert docs[5].doc_id == "no-text" and "no text" in docs[5].error


@pytest.mark.parametrize("fmt", sorted(TABLE_WRITERS))
def test_table_without_text_column(tmp_path, fmt):
    table = TABLE_WRITERS[fmt](tmp_path / f"notext.{fmt}", [{"doc_id": "a", "story": ARTICLE}])
    with pytest.raises(CorpusError) as raised:
        load_corpus(table)
    message = str(raised.value)
    assert f"notext.{fmt}" in message
    assert "missing column `text`" in message
    assert "story" in message and "doc_id" in message


def test_nonexistent_path():
    with pytest.raises(CorpusError, match="no-such-corpus: no such file or folder"):
        load_corpus("no-such-corpus")


def test_unsupported_file_and_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="unsupported corpus file"):
        load_corpus(write(tmp_path, "article.pdf", b"%PDF-1.7"))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CorpusError, match="no documents found"):
        load_corpus(empty)


def test_unexpected_files_are_listed_not_ignored(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "README.md", "# corpus")
    write(tmp_path, "codebook.yml", "version: 1")
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    (tmp_path / "more").mkdir()
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["a"]
    assert len(corpus.problems) == 2
    assert "more: skipped, sub-folders are not read" in corpus.problems[0]
    assert "notes.docx: skipped, not a .txt/.html/.htm document" in corpus.problems[1]


# --- metadata.csv ---------------------------------------------------------------------------


@pytest.fixture
def two_docs(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", "Second article.\n")
    return tmp_path


def test_metadata_fills_fields_and_ignores_extra_columns(two_docs):
    write(
        two_docs,
        "metadata.csv",
        "doc_id,outlet,published,url,title,evidence\n"
        'a,Example News,2024-09-10,https://example.org/a,Title A,"from the text, line 1"\n',
    )
    corpus = load_corpus(two_docs)
    a, b = corpus.documents
    assert (a.outlet, a.published, a.url, a.title) == ("Example News", "2024-09-10", "https://example.org/a", "Title A")
    assert (b.outlet, b.title, b.warnings) == ("", "", "")
    assert corpus.problems == []


def test_metadata_without_doc_id_column_is_not_applied(two_docs):
    write(two_docs, "metadata.csv", "name,title\na,Title A\n")
    corpus = load_corpus(two_docs)
    assert len(corpus.documents) == 2
    assert all(d.title == "" for d in corpus.documents)
    [problem] = corpus.problems
    assert "metadata.csv: not applied, no `doc_id` column (columns found: name, title)" in problem


def test_metadata_for_unknown_doc_id(two_docs):
    write(two_docs, "metadata.csv", "doc_id,title\na,Title A\nzzz,Ghost\n")
    corpus = load_corpus(two_docs)
    assert len(corpus.documents) == 2
    assert by_id(corpus)["a"].title == "Title A"
    [problem] = corpus.problems
    assert "metadata.csv row 2: doc_id 'zzz' matches no document" in problem


@pytest.mark.parametrize("bad", ["yesterday", "2024-13", "2024-02-30", "24-09-10", "10/09/2024", "April 12"])
def test_metadata_bad_date(two_docs, bad):
    write(two_docs, "metadata.csv", f"doc_id,published,title\na,{bad},Title A\n")
    corpus = load_corpus(two_docs)
    a = by_id(corpus)["a"]
    assert len(corpus.documents) == 2
    assert (a.status, a.published, a.title) == ("ok", "", "Title A")
    assert f"published {bad!r} in" in a.warnings and "metadata.csv row 1" in a.warnings
    assert "not a date that can be read without guessing; use ISO 8601" in a.warnings
    assert a.published_raw == bad  # the original stays beside the (empty) normalised date


def test_metadata_keeps_values_as_text(two_docs):
    write(two_docs, "metadata.csv", "doc_id,outlet,published\na,NA,2024\nb,null,\n")
    docs = by_id(load_corpus(two_docs))
    assert (docs["a"].outlet, docs["a"].published) == ("NA", "2024")
    assert (docs["b"].outlet, docs["b"].published) == ("null", "")


# --- file names -----------------------------------------------------------------------------


def test_file_names_with_spaces_and_non_ascii(tmp_path):
    folder = tmp_path / "Corpus Ünïcode"
    folder.mkdir()
    names = ["café report – 1.txt", "Дипломат 2.txt", "plain name.htm"]
    write(folder, names[0], ARTICLE)
    write(folder, names[1], ARTICLE.encode("cp1252"))
    write(folder, names[2], html_page())
    write(folder, "metadata.csv", "doc_id,title\ncafé report – 1,Café\n")
    corpus = load_corpus(folder)
    docs = by_id(corpus)
    assert sorted(docs) == sorted(Path(n).stem for n in names)
    assert all(d.status == "ok" for d in corpus.documents), [d.error for d in corpus.documents]
    assert docs["café report – 1"].title == "Café"
    assert docs["Дипломат 2"].source_path.endswith("Corpus Ünïcode/Дипломат 2.txt")
    assert corpus.path == paths.display(folder)
