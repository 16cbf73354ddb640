"""Which watchlists newly stored articles match, said after an upload or an ingest."""
from __future__ import annotations

from pipeline.query.library import read_table
from pipeline.query.prepared import prepare
from pipeline.store.parquet import Store
from pipeline.watch.watchlists import load, match_lines, matches


def arrival_lines(store: Store, new_ids) -> list[str]:
    """"3 new articles match 'EU–China rare earths'" for each watchlist the new articles match;
    nothing is read when there is no watchlist or no new article."""
    watchlists = load(store.root)
    if not watchlists or not new_ids:
        return []
    views = prepare({"articles": read_table(store, "articles"), "quotes": read_table(store, "quotes"),
                     "tags": read_table(store, "tags"), "meetings": read_table(store, "events")})
    return match_lines(matches(views, new_ids, watchlists))
