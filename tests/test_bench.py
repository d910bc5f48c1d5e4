"""The benchmark plumbing, without running a benchmark: README renderers on small fake results,
the Reuters reader on a tiny fake corpus, the floor notebooks' imports, and `make bench`'s recipe."""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import summarise  # noqa: E402
from reuters import reuters_records  # noqa: E402


def _recipe(target: str) -> list[str]:
    """The command lines of a Makefile target."""
    lines = (ROOT / "Makefile").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"{re.escape(target)}\s*:", line))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return recipe


# --- make bench -------------------------------------------------------------------------------


def test_bench_recipe_names_only_scripts_that_exist():
    recipe = _recipe("bench")
    scripts = [s for line in recipe for s in re.findall(r"bench/\w+\.py", line)]
    assert scripts, recipe
    assert [s for s in scripts if not (ROOT / s).is_file()] == []
    assert scripts[-1] == "bench/summarise.py"


def test_every_result_the_bench_recipe_writes_has_a_readme_renderer():
    outs = [Path(o).name for line in _recipe("bench") for o in re.findall(r"--out (bench/results/\S+\.json)", line)]
    assert {"reports_floor.json", "throughput_vs_spacy.json", "scale_sweep.json"} <= set(outs)
    assert [o for o in outs if o not in summarise.RENDERERS] == []
    assert set(summarise.RENDERERS) <= set(outs), "a renderer for a file make bench no longer writes"


def test_bench_installs_the_extras_and_every_extra_is_pinned():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^bench: \$\(BENCH_STAMP\)", makefile, re.M)
    assert "-c requirements.lock -e '.[dev,dask,bench,semantic]'" in makefile
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert {"spacy", "psutil"} <= set(extras["bench"])

    def name(requirement):
        return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")

    pins = {
        name(line)
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    wanted = {name(r) for extra in ("dev", "dask", "bench", "semantic") for r in extras[extra]}
    assert wanted - pins == set()
    assert {"thinc", "blis", "srsly", "sentence-transformers", "transformers", "tokenizers"} <= pins


# --- renderers --------------------------------------------------------------------------------


def test_verdict_says_how_far_off():
    assert summarise._verdict(1.18, 1.3, "the floor", True, at_most=True) == "**1.18x the floor, goal ≤ 1.3x: met**"
    assert (
        summarise._verdict(2.6, 1.3, "the floor", False, at_most=True)
        == "**2.6x the floor, goal ≤ 1.3x: not met (needs to be 2.00x faster)**"
    )
    assert (
        summarise._verdict(0.4, 1, "the sentencizer's speed", False, at_most=False)
        == "**0.4x the sentencizer's speed, goal ≥ 1x: not met (needs to be 2.50x faster)**"
    )


def test_reports_floor_table():
    result = {
        "notebooks": 2,
        "floor": "import-only notebooks",
        "machine": "2 CPUs, load average 1.0 at start",
        "repeat": 3,
        "floor_seconds": 5.0,
        "pipeline_seconds": 5.9,
        "ratio": 1.18,
        "goal_ratio": 1.3,
        "goal_met": True,
        "per_notebook_seconds": {"01_a": {"floor": 2.4, "pipeline": 3.0}, "02_b": {"floor": 2.6, "pipeline": 2.9}},
    }
    text = "\n".join(summarise._reports_floor(result))
    assert "| 01_a | 2.4 | 3.0 |" in text
    assert "| all 2 | 5.0 | 5.9 |" in text
    assert "1.18x the floor, goal ≤ 1.3x: met**; most time above the floor: 01_a +0.6 s, 02_b +0.3 s." in text
    assert "load average 1.0" in text


def _throughput(ratio: float, met: bool) -> dict:
    return {
        "documents": 19043,
        "mb": 17.3,
        "repeat": 3,
        "machine": "2 CPUs, load average 2.0 at start",
        "spacy_blank_en_sentencizer": {
            "seconds": 10.0,
            "mb_per_s": 1.73,
            "sentences": 120000,
            "sentences_per_s": 12000,
        },
        "blingfire_sentences": {"seconds": 1.0, "mb_per_s": 17.3, "sentences": 121000, "sentences_per_s": 121000},
        "newsframe": {
            "what": "clean + statements",
            "local": {
                "seconds": 10.0 / ratio,
                "mb_per_s": round(1.73 * ratio, 2),
                "statements": 100000,
                "statements_per_s": 4000,
                "stage_seconds": {"clean": 5.0, "statements": 20.0},
                "vs_spacy_sentencizer": ratio,
            },
        },
        "goal_ratio": 1.0,
        "best_engine": "local",
        "ratio": ratio,
        "goal_met": met,
    }


def test_throughput_table():
    text = "\n".join(summarise._throughput(_throughput(0.4, False)))
    assert "0.4x the sentencizer's speed (engine `local`), goal ≥ 1x: not met (needs to be 2.50x faster)" in text
    assert "19,043 documents, 17.3 MB" in text
    assert "| blingfire, sentences only | 1.0 | 17.3 | 121,000 sentences | 10.0x |" in text
    assert "(clean 5.0 s + statements 20.0 s)" in text
    assert "4,000 statements" in text and "12,000 sentences" in text
    assert "goal ≥ 1x: met**" in "\n".join(summarise._throughput(_throughput(1.2, True)))


def _sweep(runs: list[dict], met) -> dict:
    return {
        "engine": "processes",
        "machine": "2 CPUs, load average 3.0 at start",
        "goal": {"size": 100_000, "seconds": 300, "rss_gb": 4.0},
        "goal_met": met,
        "runs": runs,
        "growth_exponent": {
            "wall_time_fitted": 1.02,
            "per_stage": {"clean": {"fitted": 0.9}, "framing.profile": {"fitted": 1.4}},
        },
    }


def _run(size: int, seconds: float, rss_mb: float) -> dict:
    return {
        "size": size,
        "status": "ok",
        "seconds": seconds,
        "peak_rss_mb_process_tree": rss_mb,
        "statements": size * 5,
        "stage_seconds": {"clean": 1.0, "statements": 2.0, "framing.profile": 0.5, "sourcing_edges": 0.1},
    }


def test_scale_sweep_table():
    text = "\n".join(summarise._scale_sweep(_sweep([_run(1000, 10.0, 500.0), _run(100_000, 150.0, 2048.0)], True)))
    assert "| 1,000 | ok | 10.0 | 500 MB | 5,000 | statements 2.0, clean 1.0, framing.profile 0.5 |" in text
    assert "(1 = linear): 1.02; stages above 1.1: framing.profile 1.4." in text
    assert (
        "**Goal 100,000 documents in under 300 s and 4 GB: met (150 s, 0.50x the time allowed; "
        "2.0 GB, 0.50x the memory allowed)**"
    ) in text

    slow = "\n".join(summarise._scale_sweep(_sweep([_run(100_000, 450.0, 6144.0)], False)))
    assert "not met (450 s, 1.50x the time allowed; 6.0 GB, 1.50x the memory allowed)" in slow

    failed = {
        "size": 100_000,
        "status": "failed with exit code -9",
        "seconds": 381.7,
        "peak_rss_mb_process_tree": 2471.9,
        "stage_seconds_before_stop": {"clean": 19.4},
    }
    text = "\n".join(summarise._scale_sweep(_sweep([failed], None)))
    assert "| 100,000 | failed with exit code -9 | 381.7 | 2,472 MB | – | clean 19.4 |" in text
    assert "not met: the 100,000-document run failed with exit code -9 after 381.7 s" in text
    assert "not measured: no run of that size" in "\n".join(summarise._scale_sweep(_sweep([_run(10, 1, 1)], None)))


def test_summary_orders_goals_first_and_lists_unknown_files(tmp_path):
    (tmp_path / "zz_other.json").write_text("{}")
    (tmp_path / "cluster_scale.json").write_text(
        json.dumps(
            {
                "data": "d",
                "representation": "r",
                "rows": [
                    {"statements": 1000, "method": "average", "n_claims": 3, "seconds": 0.8, "peak_rss_growth_mb": 31}
                ],
            }
        )
    )
    (tmp_path / "throughput_vs_spacy.json").write_text(json.dumps(_throughput(0.5, False)))
    text = summarise.summary(tmp_path)
    assert text.index("throughput_vs_spacy.json") < text.index("cluster_scale.json") < text.index("zz_other.json")
    assert "| 1,000 | 1 | average | 3 | 0.8 | 31 MB |" in text  # one story when the file does not say
    assert "`zz_other.json` (raw numbers)" in text


def _real(share: float) -> dict:
    families = {"copyright or reprint line": "Copyright", "link to other stories": "^Read more"}
    run = {
        "corpus": "allsides_world",
        "status": "ok",
        "documents": 4735,
        "outlets": 135,
        "statements": 1000,
        "surviving_boilerplate": {
            "copyright or reprint line": int(share * 1000),
            "link to other stories": 0,
            "any": int(share * 1000),
        },
        "surviving_share": share,
        "documents_over_40pct_removed": 3,
        "seconds": 120.5,
        "peak_rss_mb_process_tree": 1300,
    }
    return {
        "machine": "m",
        "engine": "processes",
        "goal_share": 0.005,
        "survivor_patterns": families,
        "runs": [run, {"corpus": "basil", "status": "skipped: not found"}],
        "goal_met": share < 0.005,
        "before": {k: v for k, v in run.items() if k not in ("seconds", "peak_rss_mb_process_tree")},
    }


def test_real_corpora_renderer():
    text = "\n".join(summarise._real_corpora(_real(0.002)))
    assert (
        "| allsides_world | 4,735 / 135 | 1,000 | 2 (0.20%) | copyright or reprint line 2 | 3 | 120.5 | 1,300 MB |"
        in text
    )
    assert "allsides_world (before: parent commit's cleaner)" in text and "| basil | skipped: not found |" in text
    assert "AllSides: met (0.20%)**" in text
    assert "AllSides: not met (1.50%)**" in "\n".join(summarise._real_corpora(_real(0.015)))


# --- readers and helpers ----------------------------------------------------------------------


def test_reuters_records_shape(tmp_path):
    folder = tmp_path / "json-data"
    folder.mkdir()
    articles = [
        {"attrs": {"newid": "1"}, "title": " COCOA REVIEW ", "dateline": "SALVADOR, Feb 26 -", "body": "Showers.\n"},
        {"attrs": {"newid": "2"}, "title": "NO BODY", "dateline": "X", "body": "  "},
        {"attrs": {"newid": "3"}, "body": "Body only."},
    ]
    (folder / "reut2-000.json").write_text(json.dumps(articles))
    expected = [("1", "COCOA REVIEW\nSALVADOR, Feb 26 - Showers."), ("3", "Body only.")]
    assert reuters_records(tmp_path) == expected
    assert reuters_records(str(folder)) == expected


def test_floor_notebooks_import_what_the_stage_notebooks_import():
    reports_floor = pytest.importorskip("reports_floor")
    from newsframe.pipeline import discover

    for stage in discover():
        cell = reports_floor.import_lines(stage)
        compile(cell, stage.name, "exec")
        assert cell.rstrip().endswith("notebook.setup()"), stage.name
        assert "from newsframe import" in cell
        statements = ast.parse(cell).body  # imports may wrap over lines: whole statements are checked
        assert all(
            isinstance(node, (ast.Import, ast.ImportFrom)) or ast.unparse(node) == "notebook.setup()"
            for node in statements
        ), stage.name


def test_basil_bench_scores_a_tiny_fake_corpus(tmp_path):
    """bench/speakers.py's BASIL reader on two made-up articles in BASIL's layout: the one right
    quote and the one missed are counted (the bench once broke unseen when statement rows
    became tuples)."""
    pytest.importorskip("rapidfuzz")
    import speakers as speakers_bench

    for year, name, paragraphs, speaker, quote in (
        (
            "2010",
            "1_a",
            [["Jane Doe, the mayor of Springfield, said the bridge would reopen in May."]],
            "Jane_Doe",
            "the bridge would reopen in May",
        ),
        (
            "2011",
            "2_b",
            [["The weather was cold on Tuesday.", "Nobody spoke about the storm."]],
            "Max_Roe",
            "Nobody spoke about the storm",
        ),
    ):
        (tmp_path / "articles" / year).mkdir(parents=True, exist_ok=True)
        (tmp_path / "annotations" / year).mkdir(parents=True, exist_ok=True)
        (tmp_path / "articles" / year / f"{name}.json").write_text(json.dumps({"body-paragraphs": paragraphs}))
        annotation = {"phrase-level-annotations": [{"quote": "yes", "speaker": speaker, "txt": quote}]}
        (tmp_path / "annotations" / year / f"{name}_ann.json").write_text(json.dumps(annotation))
    result = speakers_bench.basil(tmp_path)
    assert result["quotes_with_named_speaker"] == 2 and result["person_quotes"] == 2
    assert result["person_speaker_right"] == 1 and result["person_misses"] == {"no speaker": 1}


def test_past_checks_are_rescored_by_verdict_or_by_their_expected_labels(tmp_path):
    """bench/speakers.py's re-scoring of past checks: a statement whose output is the one read keeps
    its verdict; one whose output changed is compared with the reader's expected labels."""
    pytest.importorskip("rapidfuzz")
    import speakers as speakers_bench

    check = tmp_path / "allsides_speakers_check_9.csv"
    rows = [
        ("d:001", "no", "yes", "Ann Lee", "Chile", speakers_bench.output_hash("Lee", "Chile")),  # unchanged: no
        ("d:002", "no", "no", "Rui Dias", "Peru", speakers_bench.output_hash("Peru", "Peru")),  # now Rui Dias
        ("d:003", "no", "no", "none", "none", speakers_bench.output_hash("They", "Other")),  # now no one
    ]
    check.write_text(
        "statement_id,speaker_ok,side_ok,stance_ok,expected_speaker,expected_side,output_hash,note\n"
        + "".join(f"{i},{s},{g},n/a,{es},{eg},{h},x\n" for i, s, g, es, eg, h in rows)
    )
    import pandas as pd

    statements = pd.DataFrame(
        {
            "statement_id": ["d:001", "d:002", "d:003"],
            "speaker": ["Lee", "Rui Dias", ""],
            "speaker_group": ["Chile", "Peru", ""],
        }
    )
    result = speakers_bench.rescored(statements, [check])
    assert (result["by_verdict"], result["by_automatic_comparison"]) == (1, 2)
    assert (result["speaker"], result["side"]) == (round(2 / 3, 3), 1.0)
