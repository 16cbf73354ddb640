"""`python -m pipeline`: a thin command line over the library.

Every command opens the store, calls one library function and turns the
library's named errors into one line on stderr and exit code 1. A bug on one
article is reported apart from bad input; `--debug` prints its traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import unicodedata
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from pipeline.brief import command as brief_command
from pipeline.corrections import pending_review, read_corrections
from pipeline.corrections.csvfile import export_bytes, import_bytes
from pipeline.engines import ENGINES
from pipeline.errors import TradeTalksError
from pipeline.ingest import Bug, FileError, ingest_paths, load_demo, reprocess
from pipeline.lexicon import imports
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.query.library import read_table, stats
from pipeline.store.export import to_csv_bytes
from pipeline.store.parquet import Store
from pipeline.store.schema import TABLES
from pipeline.watch.arrival import arrival_lines
from pipeline.watch.folder import watch

DEFAULT_STORE = Path(__file__).resolve().parent.parent / "store"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as YYYY-MM-DD") from None


def _progress(done: int, total: int, what: str) -> None:
    if total >= 50:
        print(f"\r{what} {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def problems(errors: list[FileError], bugs: list[Bug]) -> str:
    """', 2 files could not be read, 1 article hit a bug (...)', or '' when all went well."""
    parts = []
    if errors:
        parts.append(f"{_plural(len(errors), 'file', 'files')} could not be read")
    if bugs:
        parts.append(f"{_plural(len(bugs), 'article', 'articles')} hit a bug "
                     f"(run with --debug for the traceback)")
    return "".join(f", {p}" for p in parts)


def one_line(text: str) -> str:
    """`text` with every control or format character written as an escape (\\x1b, \\n, \\u202e), so
    that a file name can neither drive the terminal, nor break its line in two to forge an `error:` line,
    nor reverse how the rest of the line reads."""
    return "".join(ch if ch == " " or unicodedata.category(ch)[0] not in "CZ"
                   else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _print_problems(errors: list[FileError], bugs: list[Bug]) -> None:
    for err in errors:
        print(one_line(f"error: {err}"), file=sys.stderr)
    for bug in bugs:  # the traceback goes to the log: on stderr with --debug
        print(one_line(f"bug: {bug}"), file=sys.stderr)


def cmd_ingest(args) -> int:
    return _ingest_and_report(args.paths, Store(args.store), Lexicon.load(args.data), args.published,
                              args.engine, args.scheduler)


def _ingest_and_report(paths: list[Path], store: Store, lexicon: Lexicon, published: date | None = None,
                       engine: str = "local", scheduler: str | None = None) -> int:
    report = ingest_paths(paths, store, published=published, progress=_progress, lexicon=lexicon,
                          engine=engine, scheduler=scheduler)
    for warning in report.warnings:  # went in all the same, cut or split to fit the limits
        print(one_line(f"warning: {warning}"), file=sys.stderr)
    _print_problems(report.errors, report.bugs)
    print(f"{report.files} files, {len(report.new_ids)} new articles, "
          f"{len(report.duplicate_ids)} already stored, {report.meetings} meetings, "
          f"{report.quotes} quotes{problems(report.errors, report.bugs)}")
    try:
        for line in arrival_lines(store, report.new_ids):
            print(one_line(line))
    except TradeTalksError as exc:   # the articles went in all the same
        print(one_line(f"warning: watchlists not matched: {exc}"), file=sys.stderr)
    return 1 if report.errors or report.bugs else 0


def cmd_watch(args) -> int:
    if not args.folder.is_dir():
        print(one_line(f"error: {args.folder}: not a folder to watch"), file=sys.stderr)
        return 1
    store, lexicon, stop = Store(args.store), Lexicon.load(args.data), []
    before = {signum: signal.signal(signum, lambda *_: stop.append(True))
              for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        watch(args.folder, store.root, lambda paths: _ingest_and_report(paths, store, lexicon, args.published),
              interval=args.interval, once=args.once, stopping=lambda: bool(stop))
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
    if stop:
        print(one_line(f"stopped watching {args.folder}"), flush=True)
    return 0


def cmd_export(args) -> int:
    # each quote of a syndicated story once, listing the articles carrying it
    data = to_csv_bytes(read_table(Store(args.store), args.table, once=args.table == "quotes"), args.table)
    if args.out:
        args.out.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_stats(args) -> int:
    print(json.dumps(stats(Store(args.store)), indent=1))
    return 0


def cmd_reprocess(args) -> int:
    lexicon = Lexicon.load(args.data)
    report = reprocess(Store(args.store), lexicon, progress=_progress, engine=args.engine, scheduler=args.scheduler)
    _print_problems(report.errors, report.bugs)
    line = f"{_plural(report.articles, 'article', 'articles')} reprocessed"
    if report.replayed:
        line += f" (of which {report.replayed} stored meanwhile by an ingest)"
    if report.kept:
        line += f", {len(report.kept)} kept {'its' if len(report.kept) == 1 else 'their'} previous rows"
    line += problems(report.errors, report.bugs)
    print(line + ("" if report.changed else ", nothing changed"))
    return 1 if report.errors or report.bugs else 0


def cmd_demo(args) -> int:
    report = load_demo(Store(args.store), progress=_progress, lexicon=Lexicon.load(args.data))
    if report is None:
        print(f"{args.store} already holds articles; demo corpus not loaded")
        return 0
    _print_problems(report.errors, report.bugs)
    print(f"demo corpus: {len(report.new_ids)} articles loaded into {args.store}"
          f"{problems(report.errors, report.bugs)}")
    return 1 if report.errors or report.bugs else 0


def cmd_corrections(args) -> int:
    store = Store(args.store)
    if args.action == "export":
        args.file.write_bytes(export_bytes(store))
        print(f"{_plural(len(read_corrections(store)), 'correction', 'corrections')} written to {args.file}")
        return 0
    if args.action == "import":
        report = import_bytes(store, args.file.read_bytes())
        for error in report.errors:
            print(one_line(f"error: {args.file} {error}"), file=sys.stderr)
        print(f"{_plural(len(report.new_ids), 'correction', 'corrections')} imported, "
              f"{report.rows - len(report.new_ids) - len(report.errors)} already stored"
              + (f", {_plural(len(report.errors), 'row', 'rows')} refused" if report.errors else ""))
        return 1 if report.errors else 0
    review = pending_review(store)
    for r in review.to_dict("records"):
        print(one_line(f"{r['correction_id']} {r['table']} {r['target_id'] or '(added)'} {r['field']} "
                       f"by {r['author']}: {r['reason']} (article {r['article_id']}: {r['evidence'][:80]})"))
    print(f"{_plural(len(review), 'correction', 'corrections')} to review")
    return 0


def cmd_data(args) -> int:
    folder, name = args.data or DEFAULT_DATA, f"{args.file_kind}.csv"
    if args.action == "export":
        args.file.write_bytes(imports.export_bytes(folder, name))
        print(f"{folder.name}/{name} written to {args.file}")
        return 0
    plan, lexicon = imports.apply_import(folder, name, args.file.read_bytes(), str(args.file))
    print(f"{args.file} into {folder.name}/{name}: {len(plan.added)} added, {len(plan.updated)} updated, "
          f"{plan.unchanged} already there, {plan.kept} only there and kept"
          + ("; run reprocess to apply it to the store" if lexicon is not None else "; nothing written"))
    return 0


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="where articles are processed: a local process pool (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask, the scheduler to use (e.g. tcp://host:8786); "
                        "without it, two local worker processes")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline",
                                     description="Trade Talks Monitor: ingest articles and export facts.")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", type=Path, default=DEFAULT_STORE, help=f"store folder (default {DEFAULT_STORE})")
    common.add_argument("--debug", action="store_true", help="print the traceback of any bug")
    processing = argparse.ArgumentParser(add_help=False)
    processing.add_argument("--data", type=Path, default=None,
                            help=f"data folder: people, countries, taxonomy... (default {DEFAULT_DATA})")

    p = sub.add_parser("ingest", parents=[common, processing],
                       help="clean, extract and store articles from files or folders")
    p.add_argument("paths", nargs="+", type=Path, help="files or folders (searched recursively)")
    p.add_argument("--published", type=_day, help="publication date (YYYY-MM-DD) for files that carry none")
    _engine_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("watch", parents=[common, processing],
                       help="ingest the files dropped into a folder as they arrive, until stopped (Ctrl-C)")
    p.add_argument("folder", type=Path, help="the folder to watch (searched recursively)")
    p.add_argument("--interval", type=float, default=2.0, help="seconds between two looks (default 2)")
    p.add_argument("--once", action="store_true", help="look twice, ingest what is ready, and stop")
    p.add_argument("--published", type=_day, help="publication date (YYYY-MM-DD) for files that carry none")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("export", parents=[common], help="write a table as CSV (UTF-8 with BOM)")
    p.add_argument("table", choices=list(TABLES))
    p.add_argument("--out", type=Path, help="output file (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", parents=[common], help="counts of stored rows")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("reprocess", parents=[common, processing],
                       help="run every step again on every stored article after the data files or rules change")
    _engine_options(p)
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("corrections", help="analysts' corrections: export, import (CSV) or list those to review")
    actions = p.add_subparsers(dest="action", required=True)
    for action, what in (("export", "write every correction to a CSV file"),
                         ("import", "record the corrections of a CSV file (importing twice changes nothing)")):
        q = actions.add_parser(action, parents=[common], help=what)
        q.add_argument("file", type=Path, help="the CSV file")
    actions.add_parser("review", parents=[common], help="list the corrections whose evidence no longer matches")
    p.set_defaults(func=cmd_corrections)

    p = sub.add_parser("data", help="share the taxonomy or the people list: export, import (CSV)")
    actions = p.add_subparsers(dest="action", required=True)
    for action, what in (("export", "write the data folder's file to FILE"),
                         ("import", "add and update the data folder's rows from FILE, never delete "
                                    "(importing twice changes nothing)")):
        q = actions.add_parser(action, parents=[processing], help=what)
        q.add_argument("file_kind", choices=["taxonomy", "people"], metavar="taxonomy|people")
        q.add_argument("file", type=Path, help="the CSV file")
        q.add_argument("--debug", action="store_true", help="print the traceback of any bug")
    p.set_defaults(func=cmd_data)

    p = sub.add_parser("demo", parents=[common, processing], help="load the demo corpus into the store if it is empty")
    p.set_defaults(func=cmd_demo)
    brief_command.add_parser(sub, [common], _day)
    return parser


@contextmanager
def _log_to_stderr(debug: bool):
    """The library logs a bug's traceback at debug level: shown with --debug only."""
    logger = logging.getLogger("pipeline")
    handler, level = logging.StreamHandler(sys.stderr), logger.level
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.WARNING)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with _log_to_stderr(args.debug):
        return _run(args)


def _run(args) -> int:
    try:
        return args.func(args)
    except TradeTalksError as exc:
        print(one_line(f"error: {exc}"), file=sys.stderr)
        return 1
    except OSError as exc:
        print(one_line(f"error: {exc.filename or ''}: {exc.strerror or exc}"), file=sys.stderr)
        return 1
