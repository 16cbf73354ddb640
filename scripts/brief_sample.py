"""The demo corpus's weekly brief, as Markdown (its charts as PNG beside it) and Word, for the README.

    .venv/bin/python scripts/brief_sample.py [--out docs/brief-sample]

The demo corpus is loaded into a temporary store; the week is the one in which the most
meetings were held or planned, under no filter.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.brief import build_brief, views_of_store, week_of, with_charts, write_brief  # noqa: E402
from pipeline.ingest import load_demo  # noqa: E402
from pipeline.query.views import Filters  # noqa: E402
from pipeline.store.parquet import Store  # noqa: E402


def busiest_week(days: list[str]) -> date:
    """The Monday of the week holding most of `days` (ISO days; the latest such week on a tie)."""
    weeks = [week_of(date.fromisoformat(d)).start for d in days if d]
    return max(set(weeks), key=lambda w: (weeks.count(w), w))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "brief-sample",
                        help="the files' path without suffix (default docs/brief-sample)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        load_demo(store)
        views = views_of_store(store)
        period = week_of(busiest_week(views.meetings["date"].tolist()))
        brief = with_charts(build_brief(views, Filters(), period))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in (".md", ".docx"):
        for path in write_brief(brief, args.out.with_suffix(suffix)):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
