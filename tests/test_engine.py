"""The engines of ``newsframe.engine`` give the stages' tables exactly as the local loop does."""

from __future__ import annotations

import builtins
import gc
import random
import signal
from functools import partial

import pytest
from newsframe import clean, engine, paths, speakers, statements
from newsframe.codebook import load_codebook
from newsframe.corpus import Corpus, Document, load_corpus
from newsframe.engine import EngineError, iter_documents, map_documents

PLACES = ["WASHINGTON", "KYIV", "MOSCOW", "TEHRAN", "BRUSSELS", "NEW YORK", "LONDON"]
SPEAKERS = [
    "Dmitry Peskov",
    "Kremlin spokesman Dmitry Peskov",
    "a senior U.S. official",
    "Nasser Kanaani",
    "the White House",
    "NATO",
    "Ukraine's foreign ministry",
    "John Kirby",
    "analysts",
    "the company",
]
VERBS = ["said", "told Reuters", "added", "denied", "warned", "said in a statement"]
FACTS = [
    "Iran has supplied ballistic missiles to Russia",
    "Tehran delivered about 200 Fath-360 missiles",
    "net profit rose 12 pct to 45.6 mln dlrs in the first quarter",
    "the talks would resume next week",
    "reports of drone deliveries were baseless",
    "oil output fell by 300,000 barrels per day",
    "the central bank cut its discount rate to 5.5 pct",
    "shipments may have begun in September",
]


def synthetic_corpus(n: int = 200, seed: int = 7) -> Corpus:
    """Reuters-like wire stories: a dateline, reported speech, quotes, figures, wrapped lines."""
    rng = random.Random(seed)
    documents = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(2, 9)):
            who, verb, fact = rng.choice(SPEAKERS), rng.choice(VERBS), rng.choice(FACTS)
            shape = rng.randrange(4)
            if shape == 0:
                sentences.append(f"{who[0].upper() + who[1:]} {verb} that {fact}.")
            elif shape == 1:
                sentences.append(f'"{fact[0].upper() + fact[1:]}," {who} {verb}.')
            elif shape == 2:
                sentences.append(f"According to {who}, {fact}.")
            else:
                sentences.append(f"{fact[0].upper() + fact[1:]}.")
        paragraphs = [" ".join(sentences[j : j + 2]) for j in range(0, len(sentences), 2)]
        body = "\n    ".join(paragraphs)
        text = f"{rng.choice(PLACES)}, March {rng.randint(1, 28)} - {body}\n Reuters\n"
        if rng.random() < 0.3:
            text = f"Officials Weigh Response To Reports\n\n{text}"
        documents.append(Document(f"syn_{i:04d}", f"synthetic#{i}", text, "", "utf-8", "txt"))
    seeds = load_corpus(paths.SEEDS)
    return Corpus("synthetic+seeds", documents + seeds.documents, [])


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return synthetic_corpus()


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(paths.SEEDS / "codebook.yml")


@pytest.fixture(scope="module")
def local(corpus, codebook):
    body_blocks, removed_spans = clean.clean_corpus(corpus)
    return body_blocks, removed_spans, statements.extract_statements(corpus, body_blocks, codebook)


def assert_same(found, local) -> None:
    body_blocks, removed_spans, expected = local
    found_blocks, found_removed, found_statements = found
    assert found_blocks.equals(body_blocks)
    assert found_removed.equals(removed_spans)
    for name in ("statements", "quantities", "gaps"):
        left, right = getattr(found_statements, name), getattr(expected, name)
        assert list(left.columns) == list(right.columns)
        assert left.to_dict("records") == right.to_dict("records"), name  # row for row
        assert left.equals(right), name


def run(corpus, codebook, how) -> tuple:
    body_blocks, removed_spans = clean.clean_corpus(corpus, engine=how)
    return body_blocks, removed_spans, statements.extract_statements(corpus, body_blocks, codebook, engine=how)


def test_local_corpus_is_substantial(local):
    _, _, found = local
    assert found.statements["doc_id"].nunique() == 205
    assert (found.statements["speaker"] != "").sum() > 200
    assert len(found.quantities) > 50


def test_processes_engine_equals_local(corpus, codebook, local):
    assert_same(run(corpus, codebook, "processes"), local)


def test_texts_read_as_documents_come_back_are_the_table_s(corpus, codebook, local, monkeypatch):
    """Extraction reads the statements' texts for the speakers pass while its workers run: the
    pass must find what it finds reading the finished table itself."""
    resolve, passed = speakers.resolve, {}

    def keep_table(table, *args, **kwargs):
        passed["table"] = table
        return resolve(table, *args, **kwargs)

    monkeypatch.setattr(speakers, "resolve", keep_table)
    found = statements.extract_statements(corpus, local[0], codebook, engine="processes")
    measured_meanwhile = ["stance", "hedged"]  # filled in after the pass, by the workers' second task
    assert (
        resolve(passed["table"], codebook)
        .drop(columns=measured_meanwhile)
        .equals(found.statements.drop(columns=measured_meanwhile))
    )
    assert found.statements.equals(local[2].statements)


def test_work_queued_while_the_caller_computes_spares_it_a_cpu(monkeypatch):
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 4)
    assert engine.chunk_size_sparing_one_cpu(300) == 100  # three workers' worth of chunks
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 1)
    assert engine.chunk_size_sparing_one_cpu(300) == 300
    assert engine.chunk_size_sparing_one_cpu(0) == 1


def test_dask_engine_equals_local(corpus, codebook, local):
    distributed = pytest.importorskip("distributed", reason="dask is an optional extra: pip install -e .[dask]")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        # by scheduler address, as for a remote cluster, and by Client
        assert_same(run(corpus, codebook, cluster.scheduler_address), local)
        with distributed.Client(cluster, set_as_default=False) as client:
            body_blocks = local[0]
            found = statements.extract_statements(corpus, body_blocks, codebook, engine=client)
            assert found.statements.equals(local[2].statements)


@pytest.mark.parametrize("chunk_size", [1, 3, 1000])
def test_order_kept_whatever_the_chunks(chunk_size):
    items = list(range(37))
    assert map_documents(_square, items, engine="processes", chunk_size=chunk_size, workers=2) == [i * i for i in items]


@pytest.mark.parametrize("how", ["local", "processes"])
def test_iter_documents_gives_the_results_in_order_as_they_come(how):
    results = iter_documents(_square, list(range(37)), engine=how, chunk_size=5, workers=2)
    assert next(results) == 0  # the first chunk's results before the last chunk is read
    assert list(results) == [i * i for i in range(1, 37)]


def test_partial_of_module_function_and_progress(capsys):
    add = partial(_add, 10)
    assert map_documents(add, range(5), progress=True) == [10, 11, 12, 13, 14]
    assert map_documents(add, [], engine="processes") == []


def test_worker_errors_surface():
    with pytest.raises(ZeroDivisionError):
        map_documents(_inverse, [1, 0, 2], engine="processes", workers=2)


def test_a_stage_collects_garbage_less_often_and_gives_the_thresholds_back():
    before = gc.get_threshold()

    @engine.fewer_collections()
    def stage():
        return gc.get_threshold()

    assert stage() == engine.STAGE_GC_THRESHOLD
    assert gc.get_threshold() == before
    with pytest.raises(KeyError), engine.fewer_collections():
        {}["missing"]
    assert gc.get_threshold() == before


def test_unknown_engine_says_what_exists():
    with pytest.raises(EngineError, match="'local', 'processes', 'dask'"):
        map_documents(_square, [1], engine="threads")


def test_missing_dask_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    for how in ("dask", "tcp://127.0.0.1:8786"):
        with pytest.raises(EngineError, match=r"pip install -e \"\.\[dask\]\""):
            map_documents(_square, [1, 2], engine=how)
    # the local engine never needs dask
    assert map_documents(_square, [1, 2]) == [1, 4]
    assert engine.engine_kind("tcp://example:8786") == "dask"


def _square(x):
    return x * x


def _add(a, b):
    return a + b


def _inverse(x):
    return 1 / x


def test_pool_workers_leave_interrupts_to_their_parent():
    """A kernel's shutdown interrupts its process group: the session's pool workers, idle, used to
    print a KeyboardInterrupt traceback each at the end of every stage run with ``processes``.
    The parent owns their lifetime (close_pools at exit; a dead parent closes their queue)."""
    handlers = map_documents(signal.getsignal, [signal.SIGINT] * 4, engine="processes", chunk_size=1)
    assert handlers == [signal.SIG_IGN] * 4
