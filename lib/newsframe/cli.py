"""The command line: ``newsframe run --corpus PATH --out PATH`` regenerates a report folder.

Expected failures (a stage that raises, a bad parameter) end with a one-line message and an
exit code, not a Python traceback: 0 success, 1 a stage failed, 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys

from newsframe import engine, paths, pipeline


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsframe", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "run",
        help="execute the stage notebooks and render their HTML pages",
        description="Execute notebooks/NN_*.py with papermill into build/ and render "
        "OUT/NN_*.html and OUT/index.html. Relative paths are taken from the repository root.",
    )
    run.add_argument("--corpus", required=True, help="corpus folder or table file")
    run.add_argument("--out", required=True, help="output folder (pages, tables/, figures/)")
    run.add_argument(
        "--codebook",
        help="codebook YAML (default: CORPUS/codebook.yml if present, else the empty codebook)",
    )
    run.add_argument(
        "--params",
        metavar="FILE.yml",
        help="extra parameters: top-level keys for every stage, 'NN_name: {...}' sections per stage",
    )
    run.add_argument(
        "--engine",
        default="local",
        help="where per-document stages run: local (default), processes, dask, or a Dask scheduler address",
    )
    run.add_argument("--show-code", action="store_true", help="show code cells in the HTML pages")
    run.add_argument("--stages", help="comma-separated stage numbers or names, e.g. 01,02 (default: all)")
    run.add_argument(
        "--notebooks", default=str(paths.NOTEBOOKS), help="folder of stage notebooks (default: notebooks/)"
    )
    run.add_argument("--build", default=str(paths.BUILD), help="folder for executed notebooks (default: build/)")
    diff = commands.add_parser(
        "diff",
        help="summarise what changed between two report folders or git revisions (Markdown)",
        description="Markdown summary of what changed from OLD to NEW: key numbers, claims (by id), framing "
        "per outlet, disagreements, rows of the key tables, figures. Each side is a report folder or a git "
        "revision whose reports/ is compared (e.g. main).",
    )
    diff.add_argument("old", help="report folder or git revision (its reports/)")
    diff.add_argument("new", nargs="?", default="reports", help="report folder or git revision (default: reports)")
    diff.add_argument("--out", help="write the summary to this file instead of standard output")
    draft = commands.add_parser(
        "codebook",
        help="draft a codebook from a corpus: most-quoted speakers with their sides, media, a claim",
        description="Run cleaning and attribution without a codebook and write a draft codebook (YAML with "
        "counts and example sentences as comments) for the researcher to edit and rerun with.",
    )
    draft.add_argument("--corpus", required=True, help="corpus folder or table file")
    draft.add_argument("--out", required=True, help="the draft codebook to write, e.g. draft.yml")
    draft.add_argument("--top", type=int, default=40, help="how many of the most-quoted speakers (default 40)")
    draft.add_argument("--engine", default="local", help="local (default), processes, dask, or a scheduler address")
    return parser


def _diff(args) -> int:
    from newsframe import diff

    try:
        text = diff.compare(args.old, args.new)
    except diff.DiffError as exc:
        print(f"newsframe: error: {exc}", file=sys.stderr)
        return 2
    if args.out:
        paths.resolve(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _draft(args) -> int:
    from newsframe import corpus, draft_codebook

    try:
        engine.engine_kind(args.engine)
        written = draft_codebook.write_draft(paths.resolve(args.corpus), paths.resolve(args.out), args.top, args.engine)
    except (corpus.CorpusError, engine.EngineError, FileNotFoundError) as exc:
        print(f"newsframe: error: {exc}", file=sys.stderr)
        return 2
    print(
        f"newsframe: wrote the draft codebook {paths.display(written)}; edit it, then "
        f"newsframe run --corpus {args.corpus} --codebook {paths.display(written)} --out ...",
        file=sys.stderr,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "diff":
        return _diff(args)
    if args.command == "codebook":
        return _draft(args)
    try:
        params = pipeline.load_params(args.params)
        engine.engine_kind(args.engine)  # an unknown engine is a usage error, before anything runs
        if args.engine != "local":
            params = {**params, "engine": args.engine}
        result = pipeline.run(
            corpus=args.corpus,
            out=args.out,
            codebook=args.codebook,
            params=params,
            show_code=args.show_code,
            stages=args.stages,
            progress=True,
            notebooks_dir=paths.resolve(args.notebooks),
            build_dir=paths.resolve(args.build),
        )
    except (pipeline.UsageError, engine.EngineError) as exc:
        message = " ".join(str(exc).split())  # one line, even for multi-line messages (YAML errors)
        print(f"newsframe: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsframe: interrupted", file=sys.stderr)
        return 130
    if not result.ok:
        return 1  # run() has already said which stage and cell failed
    print(f"newsframe: wrote {len(result.html)} page(s) and {paths.display(result.index)}", file=sys.stderr)
    return 0
