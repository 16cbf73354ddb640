"""`python -m pipeline`: a thin command line over the library.

Every command opens the store, calls one library function and turns the
library's named errors into one line on stderr and exit code 1.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from pipeline.errors import TradeTalksError
from pipeline.store.export import to_csv_bytes
from pipeline.ingest import ingest_paths
from pipeline.query.library import load_demo, read_table, reprocess, stats
from pipeline.store.schema import TABLES
from pipeline.store.parquet import Store

DEFAULT_STORE = Path(__file__).resolve().parent.parent / "data" / "store"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as YYYY-MM-DD") from None


def _progress(done: int, total: int, what: str) -> None:
    if total >= 50:
        print(f"\r{what} {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def cmd_ingest(args) -> int:
    store = Store(args.store)
    report = ingest_paths(args.paths, store, published=args.published, progress=_progress)
    for err in report.errors:
        print(f"error: {err}", file=sys.stderr)
    print(f"{report.files} files, {len(report.new_ids)} new articles, "
          f"{len(report.duplicate_ids)} already stored, {report.meetings} meetings, "
          f"{report.quotes} quotes, {len(report.errors)} errors")
    return 1 if report.errors else 0


def cmd_export(args) -> int:
    data = to_csv_bytes(read_table(Store(args.store), args.table), args.table)
    if args.out:
        args.out.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_stats(args) -> int:
    print(json.dumps(stats(Store(args.store)), indent=1))
    return 0


def cmd_reprocess(args) -> int:
    count, errors = reprocess(Store(args.store), progress=_progress)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    print(f"{count} articles reprocessed, {len(errors)} errors")
    return 1 if errors else 0


def cmd_demo(args) -> int:
    report = load_demo(Store(args.store), progress=_progress)
    if report is None:
        print(f"{args.store} already holds articles; demo corpus not loaded")
        return 0
    for err in report.errors:
        print(f"error: {err}", file=sys.stderr)
    print(f"demo corpus: {len(report.new_ids)} articles loaded into {args.store}")
    return 1 if report.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline",
                                     description="Trade Talks Monitor: ingest articles and export facts.")
    sub = parser.add_subparsers(dest="command", required=True)
    store_help = f"store folder (default {DEFAULT_STORE})"

    p = sub.add_parser("ingest", help="clean, extract and store articles from files or folders")
    p.add_argument("paths", nargs="+", type=Path, help="files or folders (searched recursively)")
    p.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    p.add_argument("--published", type=_day, help="publication date (YYYY-MM-DD) for files that carry none")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("export", help="write a table as CSV (UTF-8 with BOM)")
    p.add_argument("table", choices=list(TABLES))
    p.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    p.add_argument("--out", type=Path, help="output file (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="counts of stored rows")
    p.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("reprocess", help="re-extract every stored article after lexicons or rules change")
    p.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("demo", help="load the demo corpus into the store if it is empty")
    p.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except TradeTalksError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
