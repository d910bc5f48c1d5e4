"""Run the stage notebooks with papermill and render them to HTML with nbconvert.

The ``.py`` files (jupytext ``py:percent``) are the source of truth; a run executes them in
order into ``build/<run>/``, strips whatever makes two runs differ (timestamps, random ids,
absolute paths), renders each to ``<out>/NN_name.html`` and writes ``<out>/index.html``.
The default run (seeds -> reports) also refreshes the paired ``notebooks/NN_name.ipynb``
whose stored outputs nbval checks.

HTML rendering (offline, sanitised) lives in ``render``.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import hashlib
import json
import math
import os
import re
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat
import papermill
import yaml
from tqdm import tqdm

from newsframe import paths, runstate, site
from newsframe.codebook import CodebookError, load_codebook
from newsframe.paths import BUILD, NOTEBOOKS, ROOT
from newsframe.render import render

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
PAIRING = "ipynb,py:percent"
INJECTED_TAG = "injected-parameters"
#: Set from ``run()``'s own arguments, never from a params file.
RESERVED = ("corpus", "codebook", "out_dir")
#: Kernel log noise (e.g. ipykernel's TCP warning) would otherwise land on the user's terminal.
KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR"]


class UsageError(ValueError):
    """The caller's mistake (unknown stage or parameter), found before anything runs."""


@dataclass(frozen=True)
class Stage:
    """One stage notebook: ``NN_name.py`` with its paired ``NN_name.ipynb`` beside it."""

    source: Path

    @property
    def name(self) -> str:
        return self.source.stem

    @property
    def paired(self) -> Path:
        return self.source.with_suffix(".ipynb")

    def html(self, out: Path) -> Path:
        return out / f"{self.name}.html"


@dataclass
class StageFailure:
    """Where a stage stopped, said so that the reader can open the traceback at once."""

    stage: str
    source: Path
    cell: int | None  # 1-based position among the cells of the stage's .py
    execution_count: int | None
    ename: str
    evalue: str
    notebook: Path  # executed notebook in build/ holding the traceback

    def __str__(self) -> str:
        where = f"cell {self.cell} of {paths.display(self.source)}" if self.cell else "an unknown cell"
        if self.execution_count:
            where += f" (In [{self.execution_count}])"
        evalue = " ".join(self.evalue.split())  # one line, even for multi-line messages (YAML errors)
        return (
            f"newsframe: stage {self.stage} failed at {where}: {self.ename}: {evalue}\n"
            f"  executed notebook with the traceback: {paths.display(self.notebook)}"
        )


@dataclass
class RunResult:
    """What a run did: stages that ran to the end, pages written, notebooks refreshed, failures."""

    out: Path
    build: Path
    ran: list[str] = field(default_factory=list)
    html: dict[str, Path] = field(default_factory=dict)
    index: Path | None = None
    written_back: list[Path] = field(default_factory=list)
    failures: list[StageFailure] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage (execute + render); the index last

    @property
    def ok(self) -> bool:
        return not self.failures


# --- stages and parameters -------------------------------------------------------------------


def discover(notebooks_dir: Path = NOTEBOOKS) -> list[Stage]:
    """Stage notebooks, in run order: ``NN_*.py``."""
    return [Stage(p) for p in sorted(Path(notebooks_dir).glob("[0-9][0-9]_*.py"))]


def select(stages: list[Stage], wanted: str | Iterable[str] | None) -> list[Stage]:
    """Stages picked by number (``01``) or full name; ``None`` picks all, in run order."""
    if wanted is None:
        return list(stages)
    tokens = [t.strip() for t in (wanted.split(",") if isinstance(wanted, str) else wanted)]
    tokens = [t for t in tokens if t]
    unknown = [t for t in tokens if not any(t in (s.name, s.name[:2]) for s in stages)]
    if unknown or not tokens:
        names = ", ".join(s.name for s in stages) or "none"
        raise UsageError(f"unknown stage {', '.join(unknown) or '(empty)'}; stages are: {names}")
    return [s for s in stages if s.name in tokens or s.name[:2] in tokens]


def load_params(params: Mapping | str | os.PathLike | None) -> dict:
    """Extra parameters as a dict: given as one, or read from a YAML file (lists and maps welcome)."""
    if params is None:
        return {}
    if isinstance(params, Mapping):
        return dict(params)
    path = paths.resolve(params)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read params file {params}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise UsageError(f"params file {params} is not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"params file {params} must hold a mapping of name: value")
    return data


def split_params(params: Mapping, declared: Mapping[str, set[str]]) -> dict[str, dict]:
    """Per-stage parameters: top-level keys go to every stage declaring them, ``stage: {...}``
    sections to that stage only. Anything no stage declares is an error, so typos cannot pass."""
    per_stage: dict[str, dict] = {name: {} for name in declared}
    for key, value in params.items():
        if key in declared:
            if not isinstance(value, Mapping):
                raise UsageError(f"params section {key} must be a mapping of name: value")
            for name, val in value.items():
                _check_name(name, declared[key], f"stage {key} does not declare it")
                per_stage[key][name] = val
            continue
        owners = [stage for stage, names in declared.items() if key in names]
        _check_name(key, set().union(*declared.values()) if declared else set(), "no stage declares it")
        for stage in owners:
            per_stage[stage].setdefault(key, value)
    return per_stage


def _whole(low: int, high: int):
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _real(low: float, high: float):
    return lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and low < v <= high


#: What the stage parameters may be, per stage: name -> (check, what is allowed). YAML turns
#: 2024-01-01 into a date and .nan into a float, so types are checked, not assumed.
PARAMETER_RULES = {
    "02_extract_statements": {
        "segmenter": (lambda v: v in ("blingfire", "syntok"), "blingfire or syntok"),
    },
    "03_cluster_statements": {
        "n_claims": (_whole(0, 100_000), "a whole number from 0 (chosen by silhouette) to 100,000"),
        "random_seed": (_whole(0, 2**32 - 1), "a whole number from 0 to 4,294,967,295"),
        "method": (lambda v: v in ("average", "ward", "kmeans"), "average, ward or kmeans"),
        "representation": (
            lambda v: isinstance(v, str) and v.strip() != "",
            "a representation such as tfidf+context+voice",
        ),
    },
    "04_compare_framing": {
        "top_terms": (_whole(1, 1000), "a whole number from 1 to 1,000"),
        "z_threshold": (_real(0, 100), "a finite number above 0 and at most 100, e.g. 1.96"),
    },
}


def check_parameters(per_stage: Mapping[str, Mapping]) -> None:
    """Refuse a parameter of the wrong type or out of range, saying what is allowed."""
    for stage, values in per_stage.items():
        for name, value in values.items():
            rule = PARAMETER_RULES.get(stage, {}).get(name)
            if rule and not rule[0](value):
                kind = type(value).__name__
                raise UsageError(
                    f"parameter {name} = {value!r} ({kind}, for stage {stage}) is not allowed: give {rule[1]}"
                )


def _check_name(name, known: set[str], why: str) -> None:
    if name in RESERVED:
        raise UsageError(f"parameter {name} is set with --{name.replace('_', '-')}, not in params")
    if name not in known:
        hint = difflib.get_close_matches(str(name), sorted(known), n=1)
        tip = f" (did you mean {hint[0]}?)" if hint else ""
        raise UsageError(f"unknown parameter {name}: {why}{tip}")


# --- notebooks -------------------------------------------------------------------------------


def read_stage(stage: Stage) -> nbformat.NotebookNode:
    """The .py as a notebook with stable cell ids (jupytext makes random ones) and python3 kernel."""
    nb = jupytext.read(stage.source)
    nb.nbformat, nb.nbformat_minor = 4, 5
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:03d}"
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    return nb


def _renumber(nb) -> None:
    """Execution counts 1..n in cell order, whatever the kernel counted."""
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code" or cell.get("execution_count") is None:
            continue
        count += 1
        cell.execution_count = count
        for output in cell.get("outputs", []):
            if "execution_count" in output:
                output.execution_count = count


def _relative_or_none(path) -> str | None:
    shown = paths.display(path) if path else None
    return shown if shown and not Path(shown).is_absolute() else None


def normalise(nb, source_ids: set[str]) -> None:
    """Strip what differs between runs: timings, timestamps, random ids, absolute paths."""
    meta = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration"):
        meta.pop(key, None)
    for key in ("input_path", "output_path"):
        if key in meta:
            shown = _relative_or_none(meta.pop(key))
            if shown:
                meta[key] = shown
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        for key in ("start_time", "end_time", "duration"):
            cell.metadata.get("papermill", {}).pop(key, None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        if cell.get("id") not in source_ids:  # papermill's own cells get random ids
            tags = cell.metadata.get("tags", [])
            cell.id = INJECTED_TAG if INJECTED_TAG in tags else f"papermill-{i:03d}"
    _renumber(nb)


def _added(cell) -> bool:
    """A cell papermill put in (parameters, error banners), not one of the .py's."""
    return INJECTED_TAG in cell.metadata.get("tags", []) or cell.id.startswith("papermill-")


def paired_metadata(source: Path, language_info: Mapping | None = None) -> dict:
    """Notebook metadata for the stored .ipynb: the .py's own plus kernel and pairing."""
    meta = dict(jupytext.read(source).metadata)
    meta["jupytext"] = {k: v for k, v in meta.get("jupytext", {}).items() if k != "text_representation"}
    meta["jupytext"]["formats"] = PAIRING
    meta["kernelspec"] = dict(KERNELSPEC)
    if language_info:
        meta["language_info"] = dict(language_info)
    return meta


def write_back(executed, source: Path, target: Path | None = None) -> Path:
    """Store an executed notebook as the paired .ipynb of ``source``, minus papermill's traces,
    so that ``jupytext --to py:percent`` of it gives the .py back."""
    if not isinstance(executed, nbformat.NotebookNode):
        executed = nbformat.read(executed, 4)
    nb = copy.deepcopy(executed)
    nb.cells = [c for c in nb.cells if not _added(c)]
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
    nb.metadata = nbformat.from_dict(paired_metadata(Path(source), nb.metadata.get("language_info")))
    _renumber(nb)
    target = Path(target) if target else Path(source).with_suffix(".ipynb")
    nbformat.write(nb, target)
    return target


_VERSION_STAMP = re.compile(r"^#\s+(format_version|jupytext_version):.*\n", re.MULTILINE)


def sync_diff(source: Path, paired: Path | None = None) -> str:
    """Empty when ``jupytext --to py:percent`` of the paired .ipynb equals the .py, else a diff.
    jupytext's version stamp lines are ignored, so an upgrade alone does not unpair them."""
    source = Path(source)
    paired = Path(paired) if paired else source.with_suffix(".ipynb")
    if not paired.is_file():
        return f"{paths.display(paired)} is missing"
    want = _VERSION_STAMP.sub("", source.read_text(encoding="utf-8"))
    got = _VERSION_STAMP.sub("", jupytext.writes(jupytext.read(paired), fmt="py:percent"))
    lines = difflib.unified_diff(
        want.splitlines(True), got.splitlines(True), paths.display(source), paths.display(paired)
    )
    return "".join(lines)


def in_sync(source: Path, paired: Path | None = None) -> bool:
    """Whether the stored .ipynb still holds exactly the cells of the .py."""
    return sync_diff(source, paired) == ""


# --- execution -------------------------------------------------------------------------------


@contextlib.contextmanager
def _kernel_env(stage_marker: str | None = None):
    """``--out`` wins: the nbval sandbox override must not redirect a pipeline run's tables; the
    kernels know they belong to the pipeline (only it writes ``reports/`` from a kernel), and
    ``stage_marker`` (``<out><pathsep><stage>``) lets the notebook check run.json at its start."""
    saved = os.environ.pop(paths.OUT_DIR_OVERRIDE_ENV, None)
    os.environ[paths.PIPELINE_ENV] = "1"
    if stage_marker:
        os.environ[runstate.STAGE_ENV] = stage_marker
    try:
        yield
    finally:
        os.environ.pop(paths.PIPELINE_ENV, None)
        os.environ.pop(runstate.STAGE_ENV, None)
        if saved is not None:
            os.environ[paths.OUT_DIR_OVERRIDE_ENV] = saved


def _failed_cell(nb):
    """The cell that stopped the run: papermill marks errors; a dead kernel leaves the last started."""
    failed = [c for c in nb.cells if c.metadata.get("papermill", {}).get("status") == "failed"]
    started = [c for c in nb.cells if c.metadata.get("papermill", {}).get("start_time")]
    return (failed or started or [None])[-1]


class StageStopped(Exception):
    """A stage that papermill saw finish although a cell stopped it (``SystemExit``, ``KeyboardInterrupt``)."""

    def __init__(self, ename: str, evalue: str):
        super().__init__(evalue)
        self.ename, self.evalue = ename, evalue


def _stopped_early(nb) -> StageStopped | None:
    """IPython shows ``SystemExit`` in a cell as an error output yet papermill carries on as if the
    stage had succeeded: any error output or code cell left unexecuted is a failure of the stage."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return StageStopped(output.get("ename", "Error"), str(output.get("evalue", "")))
        if cell.metadata.get("papermill", {}).get("status") in ("failed", "pending") and cell.source.strip():
            return StageStopped("StageStopped", "the stage stopped before running all its cells")
    return None


#: A kernel that dies before it answers has run nothing; most often another kernel starting at the
#: same moment took the port jupyter_client had picked for it ("Address already in use"), so a
#: stage starts its kernel up to this many times.
KERNEL_STARTS = 3
KERNEL_DIED_AT_START = "Kernel died before replying to kernel_info"


def execute(
    stage: Stage, nb, parameters: Mapping, build: Path, progress: bool = False
) -> tuple[Path, StageFailure | None]:
    """Execute one stage into ``build/NN_name.ipynb``; the saved notebook is normalised either way.
    ``progress`` shows a bar of the stage's cells on stderr (never in the notebook or its page)."""
    inputs = build / "inputs" / f"{stage.name}.ipynb"
    output = build / f"{stage.name}.ipynb"
    output.unlink(missing_ok=True)
    error: BaseException | None = None
    try:
        marker = f"{parameters['out_dir']}{os.pathsep}{stage.name}" if parameters.get("out_dir") else None
        with _kernel_env(marker and str(paths.resolve(marker))):
            bar = {"desc": f"  {stage.name}", "leave": False, "file": sys.stderr} if progress else False
            for attempt in range(KERNEL_STARTS):
                try:
                    papermill.execute_notebook(
                        str(inputs),
                        str(output),
                        parameters=dict(parameters),
                        kernel_name="python3",
                        cwd=str(ROOT),
                        record_timing=False,
                        extra_arguments=KERNEL_ARGS,
                        progress_bar=bar,
                    )
                    break
                except RuntimeError as exc:  # nothing ran: the kernel could not start
                    if KERNEL_DIED_AT_START not in str(exc) or attempt + 1 == KERNEL_STARTS:
                        raise
                    output.unlink(missing_ok=True)
    except Exception as exc:  # cell error, dead kernel, missing kernel: all stop the run
        error = exc
    if not output.is_file():
        nbformat.write(nb, output)  # nothing ran: keep the input for reference
    executed = nbformat.read(output, 4)
    if error is None:
        error = _stopped_early(executed)
    cell = _failed_cell(executed) if error else None
    normalise(executed, {c.id for c in nb.cells})
    nbformat.write(executed, output)
    if error is None:
        return output, None
    ids = [c.id for c in nb.cells]
    ename = getattr(error, "ename", None) or type(error).__name__
    evalue = error.evalue if hasattr(error, "ename") else str(error)
    return output, StageFailure(
        stage=stage.name,
        source=stage.source,
        cell=ids.index(cell.id) + 1 if cell is not None and cell.id in ids else None,
        execution_count=cell.get("execution_count") if cell is not None else None,
        ename=ename,
        evalue=(evalue or "").strip(),
        notebook=output,
    )


# --- the run ---------------------------------------------------------------------------------


def _run_name(out: Path) -> str:
    """build/<run name>/: the out folder's path inside the root, else its name plus a hash."""
    shown = paths.display(out)
    if not Path(shown).is_absolute():
        return shown.replace("/", "-")
    return f"{out.name}-{hashlib.sha1(shown.encode()).hexdigest()[:8]}"


def _what_the_run_lacks(codebook: Path | None, claim, extra: Mapping) -> list[str]:
    """Sentences for the index page on what a run went without (a new user's first run has neither
    a codebook nor a claim), so that its reader knows what that changes."""
    notes = []
    if codebook is None or str(codebook) == "":
        notes.append(
            "This run had no codebook: each speaker's side comes from how the text presents them (titles, "
            "demonyms, bundled lists of countries, organisations and media), name variants are merged by rule, "
            "and no actor is renamed or overridden. Draft one with make codebook (see the README) and rerun."
        )
    if not claim and not extra.get("claim"):
        notes.append(
            "No claim under study was given (no codebook claim, no claim parameter): every stance is empty, "
            "every lead frame neutral, and the contradictions are plain assertions only."
        )
    return notes


def default_codebook(corpus: Path) -> Path | None:
    """``<corpus>/codebook.yml`` when the corpus is a folder holding one."""
    candidate = corpus / "codebook.yml"
    return candidate if corpus.is_dir() and candidate.is_file() else None


def _arg(path: Path | None) -> str:
    return "" if path is None else paths.display(path)


def is_default_run(corpus: Path, out: Path, codebook: Path | None, extra: Mapping) -> bool:
    """The run whose outputs the paired .ipynb store: seeds -> reports, as the notebooks default."""
    same = lambda a, b: a is not None and Path(a).resolve() == Path(b).resolve()
    return (
        same(corpus, paths.SEEDS)
        and same(out, ROOT / "reports")
        and same(codebook, paths.SEEDS / "codebook.yml")
        and not extra
    )


def _codebook(corpus: Path, codebook) -> Path | None:
    """``None``: the corpus's own codebook.yml, else the empty one (said aloud); ``""``: empty."""
    if codebook is None:
        found = default_codebook(corpus)
        if found is None:
            where = paths.display(corpus)
            said = f"no codebook.yml in {where}" if corpus.is_dir() else f"no --codebook given for {where}"
            print(f"newsframe: {said}; using the empty codebook", file=sys.stderr)
        return found
    if str(codebook) == "":
        return None
    path = paths.resolve(codebook)
    if not path.is_file():
        raise UsageError(f"codebook {path} does not exist")
    return path


def prepare(stages: list[Stage], build: Path) -> tuple[dict, dict[str, set[str]]]:
    """Write each stage as a notebook into ``build/inputs/`` and read the parameters it declares."""
    (build / "inputs").mkdir(parents=True, exist_ok=True)
    sources, declared = {}, {}
    for stage in stages:
        sources[stage.name] = nb = read_stage(stage)
        path = build / "inputs" / f"{stage.name}.ipynb"
        nbformat.write(nb, path)
        tagged = sum("parameters" in c.metadata.get("tags", []) for c in nb.cells)
        if tagged != 1:
            where = paths.display(stage.source)
            raise UsageError(f"{where} needs exactly one cell tagged parameters, has {tagged}")
        declared[stage.name] = set(papermill.inspect_notebook(str(path)))
    return sources, declared


def run(
    corpus,
    out,
    codebook=None,
    params=None,
    show_code: bool = False,
    stages=None,
    notebooks_dir: Path = NOTEBOOKS,
    build_dir: Path = BUILD,
    progress: bool = True,
    write_back_notebooks: bool | None = None,
) -> RunResult:
    """Execute the stages in order, render each, then write the index; stop at the first failure.

    Relative paths are taken from the repository root. ``params``: a dict or a YAML file.
    ``write_back_notebooks=None`` refreshes the paired .ipynb only on the default run
    (seeds -> reports, default codebook, no extra params), whose outputs nbval checks.
    """
    corpus, out = paths.resolve(corpus), paths.resolve(out)
    if not corpus.exists():
        raise UsageError(f"corpus {corpus} does not exist")
    try:
        runstate.check_out(corpus, out)
    except runstate.RunStateError as exc:
        raise UsageError(str(exc)) from None
    codebook = _codebook(corpus, codebook)
    extra = load_params(params)
    every = discover(notebooks_dir)
    if not every:
        raise UsageError(
            f"no stage notebooks (NN_name.py) in {notebooks_dir}: run newsframe from the repository folder "
            "(where notebooks/ is), or pass --notebooks"
        )
    chosen = select(every, stages)
    build = Path(build_dir) / _run_name(out)
    sources, declared = prepare(every, build)
    per_stage = split_params(extra, declared)
    check_parameters(per_stage)
    try:
        loaded = load_codebook(codebook)  # a broken codebook stops the run before anything is written
    except CodebookError as exc:
        raise UsageError(str(exc)) from None
    notes = _what_the_run_lacks(codebook, loaded.claim, extra)
    base = {"corpus": _arg(corpus), "codebook": _arg(codebook), "out_dir": _arg(out)}
    if write_back_notebooks is None:
        write_back_notebooks = is_default_run(corpus, out, codebook, extra)
    parameters = {
        stage.name: {k: v for k, v in {**base, **per_stage[stage.name]}.items() if k in declared[stage.name]}
        for stage in every
    }
    try:
        out.mkdir(parents=True, exist_ok=True)
        with runstate.Lock(out, corpus):
            manifest = _start_manifest(out, every, chosen, corpus, codebook, parameters)
            return _run_stages(
                out,
                build,
                every,
                chosen,
                sources,
                parameters,
                manifest,
                show_code,
                progress,
                write_back_notebooks,
                notes,
            )
    except runstate.RunStateError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(runstate._os_message(exc, out)) from None


def _recorded(parameters: Mapping) -> dict:
    """Parameters as run.json keeps them: without the output folder (it differs between copies)."""
    kept = {k: v for k, v in parameters.items() if k != "out_dir"}
    return json.loads(json.dumps(kept, sort_keys=True, default=str))


def _start_manifest(
    out: Path, every: list[Stage], chosen: list[Stage], corpus: Path, codebook: Path | None, parameters: Mapping
) -> dict:
    """Check that the stages this run skips are done for the same inputs, delete the recorded
    outputs of the stages it reruns (and of all later ones), and write the new run.json."""
    names = [s.name for s in every]
    picked = [names.index(s.name) for s in chosen]
    first, last = min(picked), max(picked)
    gaps = [names[i] for i in range(first, last + 1) if i not in picked]
    if gaps:
        raise UsageError(
            f"--stages skips {', '.join(gaps)}, whose tables the later stages read; give consecutive stages"
        )
    old = runstate.read(out)
    wanted = runstate.inputs(corpus, codebook)
    if first:
        reason = runstate.not_ready(old, wanted, {n: _recorded(parameters[n]) for n in names[:first]})
        if reason:
            raise UsageError(
                f"cannot start at stage {names[first]} in {paths.display(out)}: {reason}; "
                "run the earlier stages too (leave out --stages)"
            )
    keep = runstate.outputs(old, names[:first]) if first else set()
    stale = runstate.outputs(old, [*names[first:], "index"]) - keep
    runstate.remove(out, stale)
    stages = {name: old["stages"][name] for name in names[:first]}
    for name in names[first:]:
        stages[name] = {
            "status": "pending" if names.index(name) <= last else "not run",
            "parameters": _recorded(parameters[name]),
            "outputs": [],
        }
    manifest = {**wanted, "stages": stages, "index": {"outputs": []}}
    runstate.write(out, manifest)
    return manifest


def _run_stages(
    out, build, every, chosen, sources, parameters, manifest, show_code, progress, write_back_notebooks, notes
) -> RunResult:
    result = RunResult(out=out, build=build)
    live = progress and sys.stderr.isatty()  # a log file gets a line per stage, not a bar's carriage returns
    bar = tqdm(chosen, desc="stages", unit="stage", file=sys.stderr, disable=not live)
    for stage in bar:
        bar.set_postfix_str(stage.name)
        started = time.perf_counter()
        record = manifest["stages"][stage.name]
        record["status"] = "running"
        runstate.write(out, manifest)
        before = runstate.snapshot(out)
        try:
            executed_path, failure = execute(stage, sources[stage.name], parameters[stage.name], build, live)
            if not failure:
                executed = nbformat.read(executed_path, 4)
                title = site.describe(stage.source)[0]
                result.html[stage.name] = render(executed, stage.html(out), show_code=show_code, title=title)
        except KeyboardInterrupt:
            record.update(status="interrupted", outputs=runstate.written(before, runstate.snapshot(out)))
            runstate.write(out, manifest)
            raise
        record["outputs"] = runstate.written(before, runstate.snapshot(out))
        if failure:
            bar.close()
            record["status"] = "failed"
            runstate.write(out, manifest)
            print(failure, file=sys.stderr)
            result.failures.append(failure)
            return result
        record["status"] = "done"
        runstate.write(out, manifest)
        if write_back_notebooks:
            result.written_back.append(write_back(executed, stage.source))
        result.ran.append(stage.name)
        result.seconds[stage.name] = round(time.perf_counter() - started, 3)
        if progress and not live:
            print(f"{stage.name}: done in {result.seconds[stage.name]:.0f} s", file=sys.stderr, flush=True)
    bar.close()
    started = time.perf_counter()
    before = runstate.snapshot(out)
    result.index = site.write_index(
        out, [s.source for s in every], incomplete=runstate.incomplete(manifest), notes=notes
    )
    manifest["index"]["outputs"] = runstate.written(before, runstate.snapshot(out))
    runstate.write(out, manifest)
    result.seconds["index"] = round(time.perf_counter() - started, 3)
    return result
