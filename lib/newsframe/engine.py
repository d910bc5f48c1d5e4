"""Run a per-document function over a corpus: in this process, on local processes, or on Dask.

Every stage that works document by document (cleaning, statement extraction) calls
``map_documents`` with a pure, picklable function of one item and gets the results back in
input order, whatever the engine, so the tables a stage writes do not depend on where it ran
(``iter_documents`` gives the same results one at a time, as they are done):

- ``"local"`` (default): a plain loop in this process. What the notebooks use; nothing is pickled.
- ``"processes"``: a ``concurrent.futures.ProcessPoolExecutor`` with ``os.cpu_count()`` workers
  (started with ``forkserver`` where available, so a kernel's threads are never forked), started
  on first use and reused for the rest of the session (``close_pools`` or exit shuts it down), so
  that workers start and import the library once, not once per stage. The function reaches each
  worker once per call; items travel in chunks of ``chunk_size``.
- ``"dask"``: a ``dask.bag`` of partitions of ``chunk_size`` items on a ``distributed.LocalCluster``
  started on first use (one worker process per CPU, reused for the rest of the session).
- ``"tcp://host:port"`` (any scheduler address), or a ``distributed.Client``: the same on an
  existing Dask cluster. The workers need ``newsframe`` installed in the same version.

Dask is an optional extra (``pip install -e .[dask]``); it is imported only when asked for.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import itertools
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

ENGINES = ("local", "processes", "dask")
#: Chunks per worker when ``chunk_size`` is not given: enough to balance uneven documents.
CHUNKS_PER_WORKER = 4
#: At most this many items a chunk: the last chunks decide when a call ends (one worker finishes
#: while another is mid-chunk), and a caller reading results as they come works on the last one
#: after the workers are done. A chunk of a few hundred news documents is a few tenths of a second.
MAX_CHUNK = 250
DASK_INSTALL = 'pip install -e ".[dask]"  (or: pip install "dask[distributed]")'
#: The garbage collector's thresholds while a stage runs, in its workers and in the caller: the
#: stages make millions of short-lived objects, nearly all freed as they go, and the default
#: first threshold (700) spent about 4% of a worker's time collecting and 0.8 s of the caller's
#: 8 s on Reuters-21578 (measured).
STAGE_GC_THRESHOLD = (20_000, 10, 10)


class EngineError(ValueError):
    """An engine that cannot be used, with what to do about it in the message."""


def map_documents(
    function: Callable[[Any], Any],
    items: Iterable[Any],
    engine: Any = "local",
    chunk_size: int | None = None,
    progress: bool = False,
    workers: int | None = None,
) -> list:
    """``[function(item) for item in items]``, run by ``engine``; results in input order.

    ``function`` must be pure (its result depends only on the item) and, for every engine but
    ``"local"``, picklable: a module-level function or a ``functools.partial`` of one.
    ``chunk_size`` is the number of items sent to a worker at once (default: the items split
    into ``CHUNKS_PER_WORKER`` chunks per worker, at most ``MAX_CHUNK``); ``workers`` defaults to
    ``os.cpu_count()``; ``progress`` prints finished items to stderr.
    """
    return list(iter_documents(function, items, engine, chunk_size, progress, workers))


def iter_documents(
    function: Callable[[Any], Any],
    items: Iterable[Any],
    engine: Any = "local",
    chunk_size: int | None = None,
    progress: bool = False,
    workers: int | None = None,
) -> Iterator:
    """``map_documents``, yielding each result as soon as it and those before it are done: the
    caller works on the first documents' results while the workers still run the rest. With
    ``"processes"`` the work starts at once, before the first result is asked for; with
    ``"local"`` each item runs when its result is asked for."""
    items = items if isinstance(items, Sequence) else list(items)
    kind = engine_kind(engine)
    if kind == "local" or not items:
        return _local(function, items, progress)
    n_workers = max(1, workers or os.cpu_count() or 1)
    size = chunk_size or default_chunk_size(len(items), n_workers)
    if size < 1:
        raise EngineError(f"chunk_size must be at least 1, not {chunk_size!r}")
    if kind == "processes":
        return _processes(function, items, size, n_workers, progress)
    return iter(_dask(function, items, size, engine, progress))


@contextlib.contextmanager
def fewer_collections():
    """A stage's caller collects garbage as seldom as its workers (``STAGE_GC_THRESHOLD``) while
    the stage runs, whatever the engine; the thresholds it had come back after. Also a decorator."""
    before = gc.get_threshold()
    gc.set_threshold(*STAGE_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def engine_kind(engine: Any) -> str:
    """``"local"``, ``"processes"`` or ``"dask"`` (a scheduler address or Client is ``"dask"``)."""
    if isinstance(engine, str):
        if engine in ENGINES:
            return engine
        if "://" in engine:
            return "dask"
    elif type(engine).__name__ == "Client" and type(engine).__module__.startswith("distributed"):
        return "dask"
    raise EngineError(
        f"unknown engine {engine!r}: use one of {', '.join(map(repr, ENGINES))}, "
        "a Dask scheduler address such as 'tcp://host:8786', or a distributed.Client"
    )


def default_chunk_size(n_items: int, n_workers: int) -> int:
    return max(1, min(MAX_CHUNK, math.ceil(n_items / (n_workers * CHUNKS_PER_WORKER))))


def chunk_size_sparing_one_cpu(n_items: int) -> int:
    """A chunk size that leaves one CPU to the caller: for work queued on the workers while the
    caller runs something of its own, which would otherwise share a CPU with them."""
    return max(1, math.ceil(n_items / max(1, (os.cpu_count() or 1) - 1)))


def chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# --- local ------------------------------------------------------------------------------------


def _local(function, items, progress):
    if not progress:
        return map(function, items)
    return _local_with_progress(function, items)


def _local_with_progress(function, items):
    meter = _Progress(len(items))
    for item in items:
        yield function(item)
        meter.add(1)
    meter.close()


# --- processes --------------------------------------------------------------------------------

_WORKER_FUNCTION: tuple[int, Callable] | None = None  # (call, function) in a worker
_CALLS = itertools.count()
_POOLS: dict[int, ProcessPoolExecutor] = {}  # by number of workers
_POOLS_LOCK = threading.Lock()


def _run_part(call: int, payload: bytes, chunk) -> list:
    """A chunk of one call: the call's function is unpickled once per worker, not per chunk."""
    global _WORKER_FUNCTION
    if _WORKER_FUNCTION is None or _WORKER_FUNCTION[0] != call:
        _WORKER_FUNCTION = (call, pickle.loads(payload))
    function = _WORKER_FUNCTION[1]
    return [function(item) for item in chunk]


def _run_chunk(chunk, function) -> list:
    return [function(item) for item in chunk]


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _prepare_worker() -> None:
    """A worker ignores Ctrl-C and the interrupt a kernel's shutdown sends its process group: its
    parent stops it (``close_pools`` at exit; a parent that dies closes the worker's queue). Idle
    workers of the session's pool otherwise each printed a KeyboardInterrupt traceback. Its
    garbage collector runs less often (``STAGE_GC_THRESHOLD``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*STAGE_GC_THRESHOLD)


def _pool(n_workers: int) -> ProcessPoolExecutor:
    """The session's pool of ``n_workers`` processes, started on first use."""
    with _POOLS_LOCK:
        pool = _POOLS.get(n_workers)
        if pool is None:
            pool = _POOLS[n_workers] = ProcessPoolExecutor(
                max_workers=n_workers, mp_context=_mp_context(), initializer=_prepare_worker
            )
        return pool


def close_pools() -> None:
    """Shut down the pools that ``engine="processes"`` started (also done at exit)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.shutdown(cancel_futures=True)


atexit.register(close_pools)


def _processes(function, items, size, n_workers, progress):
    """Every chunk is submitted at once: the workers start before the caller reads a result."""
    parts = chunks(items, size)
    pool = _pool(n_workers)
    call, payload = next(_CALLS), pickle.dumps(function)
    try:
        futures = [pool.submit(_run_part, call, payload, part) for part in parts]
    except BrokenProcessPool:
        _drop_pool(pool, n_workers)
        raise
    return _results(parts, futures, pool, n_workers, progress)


def _results(parts, futures, pool, n_workers, progress):
    """The chunks' results in submission order, which is input order, each as soon as it is done."""
    meter = _Progress(sum(map(len, parts))) if progress else None
    try:
        try:
            for part, future in zip(parts, futures):
                yield from future.result()
                if meter:
                    meter.add(len(part))
        finally:
            for future in futures:  # a failed chunk, or a caller that stopped: the rest need not run
                future.cancel()
    except BrokenProcessPool:
        _drop_pool(pool, n_workers)
        raise
    if meter:
        meter.close()


def _drop_pool(pool: ProcessPoolExecutor, n_workers: int) -> None:
    """A worker died: the pool goes, and the next call starts a new one."""
    with _POOLS_LOCK:
        if _POOLS.get(n_workers) is pool:
            del _POOLS[n_workers]
    pool.shutdown(wait=False, cancel_futures=True)


# --- dask -------------------------------------------------------------------------------------

_CLIENT_LOCK = threading.Lock()
_LOCAL_CLIENT = None


def _import_dask():
    try:
        import dask.bag
        import distributed
    except ImportError as error:
        raise EngineError(
            f"engine 'dask' needs dask and distributed, which are not installed "
            f"({error}); install the extra: {DASK_INSTALL}"
        ) from error
    return dask.bag, distributed


def local_client():
    """The session's ``distributed.LocalCluster`` client, started on first use (one process per CPU)."""
    global _LOCAL_CLIENT
    _, distributed = _import_dask()
    with _CLIENT_LOCK:
        if _LOCAL_CLIENT is None or _LOCAL_CLIENT.status not in ("running", "connecting", "newly-created"):
            cluster = distributed.LocalCluster(
                n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None
            )
            _LOCAL_CLIENT = distributed.Client(cluster, set_as_default=False)
        return _LOCAL_CLIENT


def close_local_client() -> None:
    """Shut down the LocalCluster that ``engine="dask"`` started, if any."""
    global _LOCAL_CLIENT
    with _CLIENT_LOCK:
        if _LOCAL_CLIENT is not None:
            cluster = _LOCAL_CLIENT.cluster
            _LOCAL_CLIENT.close()
            if cluster is not None:
                cluster.close()
            _LOCAL_CLIENT = None


def _dask(function, items, size, engine, progress):
    bag_module, distributed = _import_dask()
    own = None
    if engine == "dask":
        client = local_client()
    elif isinstance(engine, str):
        client = own = distributed.Client(engine, set_as_default=False)
    else:
        client = engine
    try:
        bag = bag_module.from_sequence(items, partition_size=size)
        mapped = bag.map_partitions(_run_chunk, function)
        if progress:
            future = client.compute(mapped)
            distributed.progress(future)
            print(file=sys.stderr)
            return list(future.result())
        return list(client.compute(mapped).result())
    finally:
        if own is not None:
            own.close()


# --- progress ---------------------------------------------------------------------------------


class _Progress:
    """tqdm when installed, else a line on stderr every ~5%."""

    def __init__(self, total: int):
        self.total, self.done, self.shown = total, 0, -1
        try:
            from tqdm.auto import tqdm
        except ImportError:
            self.bar = None
        else:
            self.bar = tqdm(total=total, unit="doc")

    def add(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            return
        step = self.done * 20 // max(self.total, 1)
        if step != self.shown:
            self.shown = step
            print(f"{self.done:,}/{self.total:,} documents", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
