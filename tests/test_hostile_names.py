"""Issue 15: untrusted names and links in a corpus (points 2-5 and the crashes of point 12).

The library cases run on small folders; one pipeline run over a corpus of hostile names
(``names_run``) checks what reaches the tables, findings.md and the pages.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import hostile
import pytest

from newsframe import paths
from newsframe.corpus import documents_frame, load_corpus

SECRET = "root:x:0:0:SECRET-LOCAL-FILE:/root:/bin/bash\n"


def _linked_corpus(root: Path) -> Path:
    """A corpus folder with a link out of it (to a "local secret"), a dangling link and a link inside."""
    secret = root / "outside" / "passwd"
    secret.parent.mkdir(parents=True)
    secret.write_text(SECRET, encoding="utf-8")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(hostile.ARTICLE, encoding="utf-8")
    os.symlink(secret, corpus / "passwd.txt")
    os.symlink(root / "nowhere" / "gone.txt", corpus / "dangling.txt")
    os.symlink("story.txt", corpus / "alias.txt")
    return corpus


def test_links_out_of_the_corpus_are_not_read(tmp_path):
    corpus = _linked_corpus(tmp_path)
    docs = {d.doc_id: d for d in load_corpus(corpus).documents}
    doc = docs["passwd"]
    assert doc.status == "error" and doc.text == ""
    assert doc.source_path == f"{paths.display(corpus)}/passwd.txt"  # the link, not its target
    assert "symbolic link to a file outside the corpus folder, not read" in doc.error
    assert "SECRET" not in documents_frame(load_corpus(corpus)).to_csv()
    assert docs["alias"].status == "ok" and docs["alias"].text == hostile.ARTICLE  # a link inside is read


def test_a_dangling_link_gets_an_error_row(tmp_path):
    corpus = _linked_corpus(tmp_path)
    loaded = load_corpus(corpus)
    frame = documents_frame(loaded)
    assert len(frame) == 4  # every input has a row
    row = frame.set_index("doc_id").loc["dangling"]
    assert row["status"] == "error"
    assert row["error"] == (f"{paths.display(corpus)}/dangling.txt: dangling symbolic link (its target does not "
                            "exist): fix the link or remove it")
    assert not any("gone.txt" in p for p in loaded.problems)
