"""What a run may write, and what it did write: the ``--out`` guard, the lock and ``run.json``.

A report folder is shared state: a second run into it, an interrupted run, or an ``--out`` that
points at the inputs could otherwise mix corpora or delete the user's own files. So a run

* refuses an ``--out`` that is, lies inside or contains the corpus, ``seeds/``, ``notebooks/``
  or ``lib/``, before anything is written;
* holds ``<out>/.newsframe.lock`` (created exclusively; a lock whose process is gone is stale);
* keeps ``<out>/run.json``: corpus fingerprint, codebook, parameters, and per stage its status
  and the files it wrote. Cleanup deletes only files listed there, and a stage runs only when
  the stages before it are ``done`` for the same corpus, codebook and parameters.

``run.json`` holds no timestamps or absolute paths, so two runs of the same inputs give the
same bytes wherever they write.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import paths

MANIFEST = "run.json"
#: Set by the pipeline for the stage kernel: ``<out>`` and the stage's name, so the notebook can
#: check ``run.json`` itself at its start (``notebook.setup``).
STAGE_ENV = "NEWSFRAME_RUN_STAGE"
LOCK = ".newsframe.lock"
#: Folders of the repository a run must never write into (nor contain).
PROTECTED = ("seeds", "notebooks", "lib")


class RunStateError(ValueError):
    """An ``--out`` or a report folder this run must not use; the message says why and what to do."""


# --- the --out guard -------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out(corpus: Path, out: Path) -> None:
    """Refuse an ``--out`` that would read or overwrite inputs (before anything is written)."""
    out, corpus = Path(out).resolve(), Path(corpus).resolve()
    shown = paths.display(out)
    corpus_folder = corpus if corpus.is_dir() else None
    if corpus_folder is not None and _inside(out, corpus_folder):
        raise RunStateError(
            f"--out {shown} is inside the corpus {paths.display(corpus)}: the run would read "
            "its own pages as documents and overwrite files there; choose a folder outside it"
        )
    if _inside(corpus, out):
        raise RunStateError(
            f"--out {shown} contains the corpus {paths.display(corpus)}; choose a folder that holds no inputs"
        )
    for name in PROTECTED:
        folder = (paths.ROOT / name).resolve()
        if _inside(out, folder) or _inside(folder, out):
            raise RunStateError(
                f"--out {shown} would write into the repository's {name}/ folder; "
                "choose another folder, e.g. reports/ or build/out"
            )


# --- the lock --------------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Lock:
    """``<out>/.newsframe.lock``, created with O_EXCL; a second run refuses and names the first."""

    def __init__(self, out: Path, corpus: Path):
        self.path = Path(out) / LOCK
        self.info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "corpus": paths.display(corpus),
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }

    def acquire(self) -> Lock:
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if self._stale():
                    self.path.unlink(missing_ok=True)
                    continue
                raise RunStateError(self._busy()) from None
            except OSError as exc:
                raise RunStateError(_os_message(exc, self.path.parent)) from None
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.info, f)
            return self
        raise RunStateError(self._busy())

    def _holder(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _stale(self) -> bool:
        holder = self._holder()
        pid = holder.get("pid")
        return holder.get("host") == self.info["host"] and isinstance(pid, int) and not _alive(pid)

    def _busy(self) -> str:
        h = self._holder()
        who = f"pid {h.get('pid', '?')} on {h.get('host', '?')}, started {h.get('started', '?')}, corpus {h.get('corpus', '?')}"
        return (
            f"{paths.display(self.path.parent)} is in use by another newsframe run ({who}); wait for it to "
            f"finish or choose another --out (remove {paths.display(self.path)} only if that run is gone)"
        )

    def release(self) -> None:
        if self._holder().get("pid") == self.info["pid"]:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> Lock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _os_message(exc: OSError, where: Path) -> str:
    reason = exc.strerror or str(exc)
    fix = (
        "make it writable or choose another --out"
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
        else "check the path or choose another --out"
    )
    return f"cannot write to {paths.display(where)}: {reason}; {fix}"


# --- the manifest ----------------------------------------------------------------------------


def fingerprint(corpus: Path) -> str:
    """sha256 over the corpus's file names and their sha256 (a folder: its files, not sub-folders)."""
    corpus = Path(corpus)
    files = sorted(p for p in corpus.iterdir() if p.is_file() or p.is_symlink()) if corpus.is_dir() else [corpus]
    digest = hashlib.sha256()
    for path in files:
        try:  # a link counts by where it points: the loader does not read links out of the corpus
            content = (
                "link:" + os.readlink(path) if path.is_symlink() else hashlib.sha256(path.read_bytes()).hexdigest()
            )
        except OSError:
            content = "unreadable"
        digest.update(f"{path.name}\0{content}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def file_sha256(path: Path | None) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""


def read(out: Path) -> dict:
    """``<out>/run.json`` as a dict, ``{}`` when there is none or it is unreadable."""
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write(out: Path, manifest: Mapping) -> None:
    """Write ``run.json`` atomically (temporary name, then moved into place)."""
    target = Path(out) / MANIFEST
    temporary = target.with_name(f".{MANIFEST}.{os.getpid()}.tmp")
    temporary.write_text(
        json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n"
    )
    os.replace(temporary, target)


def inputs(corpus: Path, codebook: Path | None) -> dict:
    """What makes two runs' tables comparable (besides each stage's parameters): corpus and codebook."""
    return {
        "corpus": paths.display(corpus),
        "corpus_fingerprint": fingerprint(corpus),
        "codebook": paths.display(codebook) if codebook else "",
        "codebook_sha256": file_sha256(codebook),
    }


def snapshot(out: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``out`` (relative path -> (size, mtime)), to see what a stage wrote."""
    out = Path(out)
    found = {}
    for path in out.rglob("*"):
        if path.is_file() and path.name not in (MANIFEST, LOCK):
            stat = path.stat()
            found[path.relative_to(out).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return found


def written(before: Mapping, after: Mapping) -> list[str]:
    return sorted(name for name, state in after.items() if before.get(name) != state)


def outputs(manifest: Mapping, stage_names: Iterable[str]) -> set[str]:
    """Files recorded for these stages (``"index"``: the index page)."""
    records = {**manifest.get("stages", {}), "index": manifest.get("index", {})}
    return {name for stage in stage_names for name in records.get(stage, {}).get("outputs", [])}


def remove(out: Path, names: Iterable[str]) -> None:
    """Delete files a recorded run wrote (never anything else), and folders left empty."""
    out = Path(out).resolve()
    for name in sorted(set(names)):
        path = out / name
        if not _inside(path.resolve().parent, out) or path.is_symlink():
            continue
        path.unlink(missing_ok=True)
        parent = path.parent
        while parent != out and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def not_ready(manifest: Mapping, wanted: Mapping, earlier: Mapping[str, Mapping]) -> str:
    """Why this folder's tables of the stages ``earlier`` (name -> parameters) cannot be read, or ``""``."""
    if not earlier:
        return ""
    if not manifest:
        return f"no {MANIFEST}: stage {next(iter(earlier))} has not run into this folder"
    for key, label in (
        ("corpus_fingerprint", "another corpus (or the corpus has changed since)"),
        ("codebook_sha256", "another codebook (or it has changed since)"),
    ):
        if manifest.get(key) != wanted.get(key):
            return f"its tables come from {label}"
    for stage, parameters in earlier.items():
        recorded = manifest.get("stages", {}).get(stage, {})
        status = recorded.get("status", "not run")
        if status != "done":
            return f"stage {stage} is {status}, not done"
        if recorded.get("parameters") != json.loads(json.dumps(parameters, sort_keys=True, default=str)):
            return f"stage {stage} ran with other parameters"
    return ""


def incomplete(manifest: Mapping) -> list[str]:
    """Stages of the recorded run that are not ``done`` (empty: the run is complete)."""
    return [name for name, stage in manifest.get("stages", {}).items() if stage.get("status") != "done"]


def check_stage() -> None:
    """In a stage kernel started by the pipeline: refuse to go on unless ``run.json`` says this stage
    is running and every earlier stage is done (so no table of another run is ever read)."""
    value = os.environ.get(STAGE_ENV)
    if not value:
        return  # JupyterLab, nbval: no pipeline run around the notebook
    out, _, stage = value.rpartition(os.pathsep)
    stages = read(Path(out)).get("stages", {})
    names = list(stages)
    if stages.get(stage, {}).get("status") != "running":
        raise RunStateError(
            f"{MANIFEST} in {paths.display(out)} does not say stage {stage} is running; "
            "another run has taken the folder over"
        )
    earlier = [n for n in names[: names.index(stage)] if stages[n].get("status") != "done"]
    if earlier:
        raise RunStateError(f"stage {earlier[0]} is not done in {paths.display(out)}; run the earlier stages first")
