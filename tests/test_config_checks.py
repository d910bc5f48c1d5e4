"""Issue 15, points 12 and 13: crashes that did not say what to fix, and configuration accepted
silently. Each case now ends in one line naming the file, row or parameter and the fix, before
anything is written where it can be; one bad row never stops the others."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import hostile
import pytest
from newsframe import cli, cluster, pipeline
from newsframe.codebook import CodebookError, load_codebook, parse_codebook
from newsframe.corpus import CorpusError, load_corpus

TOY = Path(__file__).parent / "data" / "toy_notebooks"


@pytest.fixture
def ws(tmp_path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(hostile.ARTICLE, encoding="utf-8")
    return tmp_path


def _cli(ws: Path, *extra: str) -> int:
    return cli.main(
        [
            "run",
            "--corpus",
            str(ws / "corpus"),
            "--out",
            str(ws / "out"),
            "--notebooks",
            str(TOY),
            "--build",
            str(ws / "build"),
            *extra,
        ]
    )


def _one_line(err: str) -> str:
    errors = [line for line in err.splitlines() if line.startswith("newsframe: error: ")]
    assert len(errors) == 1 and err.endswith(errors[0] + "\n") and "Traceback" not in err, err
    return errors[0]


# --- point 13: configuration ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "name", "value", "allowed"),
    [
        ("03_cluster_statements", "n_claims", -1, "a whole number from 0 (chosen by silhouette) to 100,000"),
        ("03_cluster_statements", "n_claims", "ten", "a whole number from 0"),
        ("04_compare_framing", "top_terms", -1, "a whole number from 1 to 1,000"),
        ("04_compare_framing", "top_terms", "2024-01-01", "a whole number from 1 to 1,000"),
        ("04_compare_framing", "z_threshold", math.nan, "a finite number above 0"),
        ("04_compare_framing", "z_threshold", True, "a finite number above 0"),
        ("02_extract_statements", "segmenter", "spacy", "blingfire or syntok"),
    ],
)
def test_parameters_are_checked_for_type_and_range(stage, name, value, allowed):
    with pytest.raises(pipeline.UsageError, match=f"parameter {name} = .* is not allowed: give {re.escape(allowed)}"):
        pipeline.check_parameters({stage: {name: value}})
    pipeline.check_parameters({"02_other_stage": {name: value}})  # another stage's parameter of that name


def test_a_yaml_date_or_nan_in_params_is_refused_before_the_run(ws, capsys):
    params = ws / "params.yml"
    params.write_text("01_words:\n  words: [a]\n", encoding="utf-8")
    for text, fragment in [
        ("z: 1\n", "unknown parameter z"),
    ]:
        params.write_text(text, encoding="utf-8")
        assert _cli(ws, "--params", str(params)) == 2
        assert fragment in _one_line(capsys.readouterr().err)
    assert not (ws / "out").exists()
    with pytest.raises(pipeline.UsageError, match=r"top_terms = datetime.date\(2024, 1, 1\) \(date, "):
        import yaml

        pipeline.check_parameters({"04_compare_framing": yaml.safe_load("top_terms: 2024-01-01\n")})
    with pytest.raises(pipeline.UsageError, match=r"z_threshold = nan \(float"):
        pipeline.check_parameters({"04_compare_framing": yaml.safe_load("z_threshold: .nan\n")})


def test_more_claims_than_statements_is_an_error_not_a_clamp():
    import pandas as pd

    texts = [
        "Iran sent drones to Russia.",
        "Tehran denied sending drones.",
        "Kyiv said it has evidence.",
        "The envoy called it baseless.",
        "Officials said more would follow.",
    ]
    statements = pd.DataFrame(
        {
            "statement_id": [f"d:{i:03d}" for i in range(5)],
            "doc_id": "d",
            "start": range(5),
            "text": texts,
            "speaker_group": "",
            "stance": "",
        }
    )
    with pytest.raises(ValueError, match="n_claims = 10000 is more than the 5 statements; give 0"):
        cluster.partitions(statements, "tfidf", "average", [10000])


def test_an_alias_in_two_groups_names_both(ws, capsys):
    book = (
        "actors:\n  - name: Iran\n    group: Iran\n    aliases: [Tehran]\n"
        "  - name: Tehran officials\n    group: Russia\n    aliases: [tehran]\n"
    )
    with pytest.raises(
        CodebookError,
        match=r"'tehran' is listed under actors\[0\] \(Iran, group Iran\) and under "
        r"actors\[1\] \(Tehran officials, group Russia\); keep it in one group",
    ):
        parse_codebook(__import__("yaml").safe_load(book), "book.yml")
    (ws / "corpus" / "codebook.yml").write_text(book, encoding="utf-8")
    before = hostile.checksums(ws / "corpus")
    assert _cli(ws) == 2
    assert "keep it in one group" in _one_line(capsys.readouterr().err)
    assert not (ws / "out").exists() and hostile.checksums(ws / "corpus") == before


def test_the_same_alias_twice_in_one_group_is_fine():
    parse_codebook(
        {
            "actors": [
                {"name": "Iran", "group": "Iran", "aliases": ["Tehran"]},
                {"name": "Iranian government", "group": "Iran", "aliases": ["tehran"]},
            ]
        }
    )


# --- point 12: crashes that now say what to fix ---------------------------------------------


def test_a_500_character_alias_names_the_codebook(tmp_path):
    path = tmp_path / "codebook.yml"
    path.write_text(f"actors:\n  - name: Iran\n    group: Iran\n    aliases: [{'x' * 600}]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=rf"codebook {path}: actors\[0\] \(Iran.*600 characters.*shorten it"):
        load_codebook(path)


def test_a_lone_surrogate_in_one_jsonl_row_fails_only_that_row(tmp_path):
    table = tmp_path / "rows.jsonl"
    table.write_text(
        json.dumps({"doc_id": "a", "text": hostile.ARTICLE})
        + "\n"
        + '{"doc_id": "b", "text": "bad \\ud800 text"}\n'
        + json.dumps({"doc_id": "c", "text": hostile.LEGACY})
        + "\n",
        encoding="utf-8",
    )
    before = hostile.checksums(tmp_path)
    docs = load_corpus(table).documents
    assert [d.status for d in docs] == ["ok", "error", "ok"]
    assert docs[1].error.endswith(
        "line 2 holds a lone surrogate \\ud800 in `text`, which is not valid Unicode "
        "(half of an escaped pair?): fix or remove the line"
    )
    assert hostile.checksums(tmp_path) == before


def test_a_corpus_of_only_unreadable_documents_says_so(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n")
    with pytest.raises(
        CorpusError,
        match=r"none of the 2 documents could be read \(first: .*blank.txt: only "
        r"whitespace.*\); fix them",
    ):
        load_corpus(tmp_path)


def test_an_unwritable_out_is_one_line_not_a_traceback(ws, capsys):
    blocker = ws / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = cli.main(
        [
            "run",
            "--corpus",
            str(ws / "corpus"),
            "--out",
            str(blocker / "out"),
            "--notebooks",
            str(TOY),
            "--build",
            str(ws / "build"),
        ]
    )
    assert code == 2
    err = _one_line(capsys.readouterr().err)
    assert "cannot write to" in err and "choose another --out" in err
