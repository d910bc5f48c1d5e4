"""Print one document's statements with the speaker and side the library gave each, for a reader
of a speakers check (``bench/speakers.py --dump``):

    .venv/bin/python bench/show_document.py DUMP.pkl STATEMENT_ID

``>>`` marks the statement asked about. Nothing is written: a check's verdict file holds ids,
verdicts and short labels, never the corpus text this prints.
"""

from __future__ import annotations

import argparse

import pandas as pd


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", help="statements pickled by bench/speakers.py --dump")
    parser.add_argument("statement_id", help="a statement id, or a document id")
    args = parser.parse_args(argv)
    table = pd.read_pickle(args.dump)
    asked = table["statement_id"] == args.statement_id
    doc_id = table.loc[asked, "doc_id"].iloc[0] if asked.any() else args.statement_id
    for row in table[table["doc_id"] == doc_id].itertuples():
        mark = ">>" if row.statement_id == args.statement_id else "  "
        print(f"{mark}{row.statement_id} [{row.speaker} | {row.speaker_group}] source={row.source_text!r}")
        print(f"    {row.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
