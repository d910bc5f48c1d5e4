"""The pipeline on two toy stage notebooks: parameters, failures, determinism, safe HTML, index.

Kernels take ~2 s to start, so the runs are module-scoped and shared between tests.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest
from newsframe import cli, paths, pipeline, render, site

TOY = Path(__file__).parent / "data" / "toy_notebooks"
PARAMS = "words: [alpha, 'b<eta>']\n02_count:\n  method: median\n"


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pipeline")
    shutil.copytree(TOY, root / "notebooks")
    (root / "corpus").mkdir()
    (root / "params.yml").write_text(PARAMS, encoding="utf-8")
    return root


def _run(ws: Path, **kw) -> pipeline.RunResult:
    return pipeline.run(
        corpus=ws / "corpus",
        out=ws / "out",
        params=ws / "params.yml",
        notebooks_dir=ws / "notebooks",
        build_dir=ws / "build",
        progress=False,
        **kw,
    )


def _snapshot(result: pipeline.RunResult) -> dict[str, bytes]:
    files = [*result.out.glob("*.html"), *result.build.rglob("*.ipynb")]
    return {p.as_posix(): p.read_bytes() for p in sorted(files)}


@pytest.fixture(scope="module")
def first(ws):
    result = _run(ws)
    return result, _snapshot(result)


@pytest.fixture(scope="module")
def second(ws, first):
    result = _run(ws)
    return result, _snapshot(result)


def test_run_reports_what_it_did(first, ws):
    result, _ = first
    assert result.ok and result.ran == ["01_words", "02_count"]
    assert result.html == {s: ws / "out" / f"{s}.html" for s in result.ran}
    assert result.index == ws / "out" / "index.html" and result.index.is_file()
    assert result.written_back == [] and not list((ws / "notebooks").glob("*.ipynb"))
    assert list(result.seconds) == [*result.ran, "index"] and all(t > 0 for t in result.seconds.values())


def test_params_reach_the_notebooks(first, ws):
    words = pd.read_csv(ws / "out" / "tables" / "words.csv", keep_default_na=False)
    assert words["word"].tolist() == ["alpha", "b<eta>"]  # a list, from the YAML file
    assert set(words["corpus"]) == {paths.display(ws / "corpus")}
    assert set(words["codebook"]) == {""}  # no codebook.yml in the corpus: the empty one
    summary = pd.read_csv(ws / "out" / "tables" / "summary.csv")
    assert summary.to_dict("records") == [{"method": "median", "n_words": 2}]  # per-stage section


def test_a_log_gets_a_line_per_stage_and_no_progress_bars(ws, tmp_path, capsys):
    pipeline.run(
        corpus=ws / "corpus",
        out=tmp_path / "out",
        params=ws / "params.yml",
        notebooks_dir=ws / "notebooks",
        build_dir=tmp_path / "build",
        progress=True,  # stderr is captured here, as in CI or `make reports > log 2>&1`: no terminal
    )
    err = capsys.readouterr().err
    assert "\r" not in err
    assert re.findall(r"^(\w+): done in \d+ s$", err, re.M) == ["01_words", "02_count"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"wrods": ["x"]}, "unknown parameter wrods: no stage declares it (did you mean words?)"),
        ({"02_count": {"words": ["x"]}}, "unknown parameter words: stage 02_count does not declare it"),
        ({"02_count": ["x"]}, "params section 02_count must be a mapping"),
        ({"corpus": "elsewhere"}, "parameter corpus is set with --corpus"),
    ],
)
def test_bad_params_are_rejected_before_running(ws, tmp_path, params, message):
    with pytest.raises(pipeline.UsageError, match=re.escape(message)):
        pipeline.run(
            ws / "corpus",
            tmp_path / "out",
            params=params,
            notebooks_dir=ws / "notebooks",
            build_dir=tmp_path / "build",
            progress=False,
        )
    assert not (tmp_path / "out").exists()


def test_cli_usage_errors_exit_2_without_traceback(ws, tmp_path, capsys):
    (tmp_path / "typo.yml").write_text("wrods: [x]\n", encoding="utf-8")
    common = ["--out", str(tmp_path / "out"), "--notebooks", str(ws / "notebooks"), "--build", str(tmp_path / "b")]
    assert cli.main(["run", "--corpus", str(ws / "corpus"), "--params", str(tmp_path / "typo.yml"), *common]) == 2
    assert cli.main(["run", "--corpus", str(tmp_path / "missing"), *common]) == 2
    assert cli.main(["run", "--corpus", str(ws / "corpus"), "--stages", "07", *common]) == 2
    assert cli.main(["run", "--corpus", str(ws / "corpus"), "--engine", "spark", *common]) == 2
    err = capsys.readouterr().err
    assert "wrods" in err and "missing does not exist" in err and "unknown stage 07" in err
    assert "unknown engine 'spark'" in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as exit_:
        cli.main(["run", "--corpus", "seeds"])  # --out missing: argparse
    assert exit_.value.code == 2


def test_the_per_document_stages_take_an_engine():
    """`--engine` (and `make reports ENGINE=...`) reaches the notebooks that map over documents."""
    declared = {stage.name: set(papermill.inspect_notebook(str(stage.paired))) for stage in pipeline.discover()}
    assert {name for name, params in declared.items() if "engine" in params} == {
        "01_clean_corpus",
        "02_extract_statements",
    }


def test_stage_selection():
    stages = pipeline.discover(TOY)
    assert [s.name for s in pipeline.select(stages, "02")] == ["02_count"]
    assert [s.name for s in pipeline.select(stages, ["02_count", "01"])] == ["01_words", "02_count"]
    with pytest.raises(pipeline.UsageError, match="unknown stage 3"):
        pipeline.select(stages, "01,3")


def test_executed_notebooks_carry_no_run_specific_traces(first):
    result, _ = first
    for name in result.ran:
        text = (result.build / f"{name}.ipynb").read_text(encoding="utf-8")
        for trace in ("start_time", "end_time", "duration", "iopub.status", "shell.execute_reply", "input_path"):
            assert trace not in text, (name, trace)
        nb = nbformat.read(result.build / f"{name}.ipynb", 4)
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1))
        assert [c.id for c in nb.cells][:3] == ["cell-000", "cell-001", "injected-parameters"]
        assert nb.metadata.papermill.parameters["out_dir"] == paths.display(result.out)


def test_two_runs_give_identical_bytes(first, second):
    assert first[1].keys() == second[1].keys() and len(first[1]) == 7  # 2 pages + index, 2 executed, 2 inputs
    for path, data in first[1].items():
        assert second[1][path] == data, path


def test_code_is_hidden_unless_asked(first, tmp_path):
    result, _ = first
    hidden = result.html["01_words"].read_text(encoding="utf-8")
    assert "to_csv" not in hidden and "hl-ipython3" not in hidden
    assert "<th>word</th>" in hidden and "<td>b&lt;eta&gt;</td>" in hidden  # the DataFrame survives
    executed = nbformat.read(result.build / "01_words.ipynb", 4)
    shown = render.render(executed, tmp_path / "shown.html", show_code=True).read_text(encoding="utf-8")
    assert "to_csv" in shown and "hl-ipython3" in shown


def test_html_loads_nothing_and_runs_nothing(first):
    result, _ = first
    for page in [*result.html.values(), result.index]:
        text = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in text
        assert not re.search(r"<(script|link|iframe|object)\b", text, re.I), page
        assert not re.search(r"\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", text, re.I), page
        assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//|@import", text, re.I), page
        assert "evil.example" not in text and "alert(" not in text  # the untrusted Markdown output
        assert str(paths.ROOT) not in text


def test_sanitizer_keeps_tables_and_safe_styles():
    dirty = (
        "<style>.nf-cut{text-decoration:line-through}</style><style>.x{background:url(http://e)}</style>"
        '<table><thead><tr><th onclick="x()">h</th></tr></thead><tbody><tr><td style="color:red;'
        'background:url(http://e)">v</td></tr></tbody></table><a href="javascript:alert(1)">j</a>'
    )
    clean = render.clean_html(dirty)
    assert clean.startswith("<style>.nf-cut{text-decoration:line-through}</style><table>")
    assert "<th>h</th>" in clean and '<td style="color:red;">v</td>' in clean
    assert "url(" not in clean and "onclick" not in clean and "javascript" not in clean


def test_failed_stage_leaves_no_page_and_no_index(ws, tmp_path, capsys):
    out = tmp_path / "out"
    common = ["--notebooks", str(ws / "notebooks"), "--build", str(tmp_path / "build")]
    assert cli.main(["run", "--corpus", str(ws / "corpus"), "--out", str(out), *common]) == 0
    (out / "notes.html").write_text("the user's own file", encoding="utf-8")
    (tmp_path / "fail.yml").write_text("02_count: {fail: true}\n", encoding="utf-8")
    capsys.readouterr()
    code = cli.main(
        [
            "run",
            "--corpus",
            str(ws / "corpus"),
            "--out",
            str(out),
            "--params",
            str(tmp_path / "fail.yml"),
            "--stages",
            "02",
            *common,
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert not (out / "02_count.html").exists() and not (out / "index.html").exists()
    assert (out / "01_words.html").exists()  # not part of this run
    assert (out / "notes.html").read_text(encoding="utf-8") == "the user's own file"  # not written by a run
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["stages"]["01_words"]["status"] == "done"
    assert manifest["stages"]["02_count"]["status"] == "failed"
    assert "using the empty codebook" in err
    executed = next((tmp_path / "build").glob("*/02_count.ipynb"))
    assert "stage 02_count failed at cell 3 of " in err
    assert "02_count.py (In [3]): RuntimeError: toy failure requested" in err
    assert paths.display(executed) in err and "Traceback (most recent" not in err
    nb = nbformat.read(executed, 4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors and errors[0].ename == "RuntimeError"
    assert "start_time" not in executed.read_text(encoding="utf-8")


def _write_back_case(first, tmp_path, header: bool):
    result, _ = first
    source = tmp_path / "01_words.py"
    text = (TOY / "01_words.py").read_text(encoding="utf-8")
    if not header:
        text = text.split("# ---\n\n", 1)[1]
    source.write_text(text, encoding="utf-8")
    return result.build / "01_words.ipynb", source


@pytest.mark.parametrize("header", [True, False])
def test_write_back_is_in_sync_with_the_py(first, tmp_path, header):
    executed, source = _write_back_case(first, tmp_path, header)
    target = pipeline.write_back(executed, source)
    assert target == source.with_suffix(".ipynb")
    assert pipeline.in_sync(source), pipeline.sync_diff(source)
    stored = json.loads(target.read_text(encoding="utf-8"))
    assert stored["metadata"]["kernelspec"]["name"] == "python3"
    assert stored["metadata"]["jupytext"]["formats"] == "ipynb,py:percent"
    assert "papermill" not in json.dumps(stored)
    assert not any("injected-parameters" in c["metadata"].get("tags", []) for c in stored["cells"])
    code = [c for c in stored["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == [1, 2, 3]
    assert "alpha" in json.dumps(code[1]["outputs"])  # outputs kept for nbval
    first_bytes = target.read_bytes()
    assert pipeline.write_back(executed, source).read_bytes() == first_bytes

    source.write_text(source.read_text(encoding="utf-8") + "\n# %%\nprint('new')\n", encoding="utf-8")
    assert not pipeline.in_sync(source) and "print('new')" in pipeline.sync_diff(source)


def test_sync_diff_names_a_missing_notebook(tmp_path):
    (tmp_path / "01_x.py").write_text("# %%\n1\n", encoding="utf-8")
    assert "is missing" in pipeline.sync_diff(tmp_path / "01_x.py")


def test_only_the_default_run_refreshes_stored_notebooks():
    seeds, reports = paths.SEEDS, paths.ROOT / "reports"
    assert pipeline.is_default_run(seeds, reports, seeds / "codebook.yml", {})
    assert not pipeline.is_default_run(seeds, reports, seeds / "codebook.yml", {"method": "ward"})
    assert not pipeline.is_default_run(seeds, reports, None, {})
    assert not pipeline.is_default_run(seeds, paths.ROOT / "other", seeds / "codebook.yml", {})


def _tables(out: Path, **frames: dict) -> None:
    (out / "tables").mkdir(parents=True)
    for name, columns in frames.items():
        pd.DataFrame(columns).to_csv(out / "tables" / f"{name}.csv", index=False)


def test_index_escapes_table_text_and_tolerates_missing_tables(tmp_path):
    out = tmp_path / "out"
    _tables(
        out,
        documents={"doc_id": ["a", "b"], "n_chars": [100, 0], "status": ["ok", "error"]},
        body_blocks={"doc_id": ["a"], "block_id": [0], "start": [10], "end": [90], "text": ["x"]},
        removed_spans={
            "doc_id": ["a", "a"],
            "start": [0, 90],
            "end": [10, 100],
            "reason": ["<script>alert(1)</script>", "title"],
            "text": ["t", "u"],
        },
        statements={"doc_id": ["a", "a", "a"], "speaker": ["Dmitry Peskov", "", " "]},
        claims={"cluster_id": [1, 2]},
    )
    (out / "findings.md").write_text("# Findings\n", encoding="utf-8")
    (out / "01_words.html").write_text("page", encoding="utf-8")
    page = site.write_index(out, [TOY / "01_words.py", TOY / "02_count.py"]).read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;: 1 span, 10 characters" in page
    rows = dict(re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", page))
    assert rows["Documents (ok / error)"] == "1 / 1" and rows["Raw characters (= kept + removed)"] == "100"
    assert rows["Characters kept as body"] == "80" and rows["Characters removed"] == "20"
    assert rows["Statements"] == "3" and rows["Attributed statements"] == "1" and rows["Claims"] == "2"
    assert "Disagreements between outlets" not in rows  # no table yet
    assert '<a href="01_words.html">01 · Toy words</a>' in page
    assert "Writes the words it is given to tables/words.csv.</li>" in page  # first sentence only
    assert "02 · Toy count (not rendered)" in page and '<a href="findings.md">' in page
    assert site.write_index(out, [TOY / "01_words.py", TOY / "02_count.py"]).read_text(encoding="utf-8") == page


def test_index_without_tables(tmp_path):
    page = site.write_index(tmp_path, []).read_text(encoding="utf-8")
    assert "Key numbers" not in page and "<script" not in page


def test_a_stage_needs_exactly_one_parameters_cell(ws, tmp_path):
    (tmp_path / "nbs").mkdir()
    (tmp_path / "nbs" / "01_bare.py").write_text("# %%\nout_dir = 'reports'\n", encoding="utf-8")
    with pytest.raises(pipeline.UsageError, match="exactly one cell tagged parameters, has 0"):
        pipeline.run(
            ws / "corpus",
            tmp_path / "out",
            notebooks_dir=tmp_path / "nbs",
            build_dir=tmp_path / "build",
            progress=False,
        )


@pytest.mark.parametrize("failures, fails", [(1, False), (pipeline.KERNEL_STARTS, True)])
def test_a_kernel_that_dies_at_start_is_started_again(tmp_path, monkeypatch, failures, fails):
    """Kernels started at the same moment can take each other's port ("Address already in use";
    jupyter_client: "Kernel died before replying to kernel_info"): nothing ran, so the stage
    starts its kernel again, a few times at most, then fails naming the error."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1", id="only")])
    (tmp_path / "inputs").mkdir()
    nbformat.write(nb, tmp_path / "inputs" / "01_x.ipynb")
    starts = []

    def execute_notebook(source, target, **kwargs):
        starts.append(source)
        if len(starts) <= failures:
            raise RuntimeError(f"{pipeline.KERNEL_DIED_AT_START} (port taken)")
        shutil.copy(source, target)

    monkeypatch.setattr(papermill, "execute_notebook", execute_notebook)
    _, failure = pipeline.execute(pipeline.Stage(tmp_path / "01_x.py"), nb, {}, tmp_path)
    assert len(starts) == min(failures + 1, pipeline.KERNEL_STARTS)
    assert (failure is not None) == fails
    if fails:
        assert pipeline.KERNEL_DIED_AT_START in failure.evalue


def test_index_says_what_the_run_went_without(tmp_path):
    notes = pipeline._what_the_run_lacks(None, {}, {})
    assert len(notes) == 2 and "no codebook" in notes[0] and "No claim under study" in notes[1]
    assert pipeline._what_the_run_lacks(Path("codebook.yml"), {"label": "x"}, {}) == []
    assert len(pipeline._what_the_run_lacks(None, {}, {"claim": "Iran supplies drones to Russia"})) == 1
    page = site.write_index(tmp_path, [], notes=[*notes, "<b>x</b>"]).read_text(encoding="utf-8")
    assert page.count('<p class="notice">') == 3 and "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
