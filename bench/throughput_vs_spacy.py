"""Library throughput (clean + statements + attribution) against spaCy's sentencizer, on Reuters-21578.

    .venv/bin/python bench/throughput_vs_spacy.py --data ../shared/data/reuters21578 \
        --out bench/results/throughput_vs_spacy.json

Every Reuters-21578 article with a body (19,043) becomes one in-memory document,
``title + newline + dateline + body`` (as in ``bench/scale_sweep.py``). The library runs
``clean.clean_corpus`` then ``statements.extract_statements`` with the seed codebook (statement
splitting, attribution, stance, quantities), with engine ``local`` and ``processes``. The
reference is spaCy's ``blank("en")`` with the rule-based ``sentencizer`` doing only sentence
splitting of the same texts (``nlp.pipe``, one process), in the same run. MB are millions of
characters of raw document text; each timing is the best of ``--repeat`` runs. Wall-clock
timings: a busy machine slows all of them; the load average at the start is recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from scale_sweep import reuters_records  # noqa: E402
from stage2_throughput import best_of  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "reuters21578"))
    parser.add_argument("--codebook", default=str(ROOT / "seeds" / "codebook.yml"))
    parser.add_argument("--engines", nargs="+", default=["local", "processes"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "throughput_vs_spacy.json"))
    args = parser.parse_args(argv)

    import spacy

    from newsframe import clean, statements
    from newsframe.codebook import load_codebook
    from newsframe.corpus import Corpus, Document

    load_average = os.getloadavg()[0]
    records = reuters_records(Path(args.data))[: args.limit]
    corpus = Corpus("reuters21578", [Document(f"reuters_{newid}", "reuters21578", text, "", "utf-8", "json")
                                     for newid, text in records], [])
    texts = [doc.text for doc in corpus.documents]
    mb = sum(map(len, texts)) / 1e6
    codebook = load_codebook(args.codebook)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    spacy_seconds, n_sentences = best_of(lambda: sum(sum(1 for _ in doc.sents) for doc in nlp.pipe(texts)),
                                       args.repeat)
    report = {
        "data": "Reuters-21578 articles with a body (title + dateline + body per document)",
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
                   f"load average {load_average:.1f} at start",
        "documents": len(texts), "mb": round(mb, 2), "repeat": args.repeat,
        "versions": {"spacy": spacy.__version__},
        "spacy_blank_en_sentencizer": {
            "what": "sentence splitting only, spacy.blank('en') + sentencizer, nlp.pipe, one process",
            "seconds": round(spacy_seconds, 3), "mb_per_s": round(mb / spacy_seconds, 2),
            "sentences": n_sentences, "sentences_per_s": round(n_sentences / spacy_seconds)},
        "newsframe": {},
    }
    print(f"{len(texts)} documents, {mb:.2f} MB; spaCy sentencizer {mb / spacy_seconds:.2f} MB/s", flush=True)

    def library(engine):
        def run():
            body_blocks, _ = clean.clean_corpus(corpus, engine=engine)
            return statements.extract_statements(corpus, body_blocks, codebook, engine=engine)
        return run

    for engine in args.engines:
        seconds, found = best_of(library(engine), args.repeat)
        n = len(found.statements)
        report["newsframe"][engine] = {
            "what": "clean_corpus + extract_statements (segmentation, attribution, stance, quantities)",
            "seconds": round(seconds, 3), "mb_per_s": round(mb / seconds, 2),
            "statements": n, "statements_per_s": round(n / seconds),
            "attributed": int((found.statements["cue"] != "").sum()),
            "vs_spacy_sentencizer": round(spacy_seconds / seconds, 2)}
        print(f"newsframe {engine}: {seconds:.1f} s, {mb / seconds:.2f} MB/s, {n / seconds:.0f} statements/s",
              flush=True)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
