"""Reuters-21578 for the benchmarks: one reader, so every Reuters figure is over the same documents.

Every article with a body (19,043 of 21,578) becomes one document, ``title + newline + dateline +
" " + body`` (the shape of a wire story: headline, then the dated body), read in place from
``<data>/json-data/*.json`` (or ``<data>/*.json``). Also the best-of-N timer the throughput
benchmarks share.
"""

from __future__ import annotations

import json
from pathlib import Path


def reuters_records(data) -> list[tuple[str, str]]:
    """``(newid, text)`` of every article with a body, in file order."""
    data = Path(data)
    folder = data / "json-data" if (data / "json-data").is_dir() else data
    records = []
    for path in sorted(folder.glob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8", errors="replace")):
            body = (record.get("body") or "").strip()
            if not body:
                continue
            head = [part.strip() for part in (record.get("title"), record.get("dateline")) if (part or "").strip()]
            text = "\n".join(head[:1] + [" ".join(head[1:] + [body])])
            records.append((record["attrs"]["newid"], text))
    return records


def reuters_corpus(data, limit: int | None = None):
    """The records as an in-memory ``newsframe.corpus.Corpus`` (doc_id ``reuters_<newid>``)."""
    from newsframe.corpus import Corpus, Document

    records = reuters_records(data)[:limit]
    return Corpus(
        "reuters21578",
        [Document(f"reuters_{newid}", "reuters21578", text, "", "utf-8", "json") for newid, text in records],
        [],
    )
