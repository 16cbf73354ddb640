"""`python -m pipeline brief`: the brief of a period over filtered articles, written to a file."""
from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from pipeline.brief.build import BriefError, Period, build_brief, views_of_store, week_of
from pipeline.brief.charts import with_charts
from pipeline.brief.files import write_brief
from pipeline.query.views import MATCHES, Filters
from pipeline.store.parquet import Store


def add_parser(sub, parents: list[argparse.ArgumentParser], day) -> None:
    p = sub.add_parser("brief", parents=parents,
                       help="write the brief of a period (meetings, key quotes, issue movements) as .md or .docx")
    p.add_argument("--from", dest="start", type=day, help="first day (YYYY-MM-DD; default: last week's Monday)")
    p.add_argument("--to", dest="end", type=day, help="last day, included (default: six days after --from)")
    for name, what in (("countries", "countries"), ("people", "people"), ("tags", "issue tag ids")):
        p.add_argument(f"--{name}", nargs="+", default=[], metavar=name.upper()[:-1], help=f"only these {what}")
    p.add_argument("--match", choices=MATCHES, default="any",
                   help="chosen people and countries: any of them, or meetings between all of them")
    p.add_argument("--out", type=Path, required=True, help="the brief: FILE.md (charts written beside it) or FILE.docx")
    p.set_defaults(func=run)


def period_of(start: date | None, end: date | None, today: date | None = None) -> Period:
    """From --from and --to: a week from --from, the week before today, or the days given."""
    if start is None:
        return week_of((end or (today or date.today()) - timedelta(days=7)))
    return Period(start, end or start + timedelta(days=6))


def run(args) -> int:
    period = period_of(args.start, args.end)
    filters = Filters(countries=tuple(args.countries), people=tuple(args.people), tags=tuple(args.tags),
                      match=args.match)
    store = Store(args.store)
    if store.is_empty():
        raise BriefError(f"{args.store} holds no articles: ingest some, or load the demo corpus, first")
    brief = with_charts(build_brief(views_of_store(store), filters, period))
    written = write_brief(brief, args.out)
    print(f"brief of {period} written to {', '.join(str(p) for p in written)}: {len(brief.held)} held, "
          f"{len(brief.planned)} planned, {sum(map(len, brief.quotes.values()))} quotes, "
          f"{len(brief.citations)} sources" + (f" (no charts: {brief.chart_note})" if not brief.charts else ""))
    return 0
