"""What the CLI and the dashboard read: tables as analysts see them, and statistics.

Nothing here writes; ingesting and reprocessing live in `pipeline.ingest`.
"""
from __future__ import annotations

import pandas as pd

from pipeline.copies.groups import quotes_once, with_copies, with_outlets
from pipeline.corrections.read import with_corrections
from pipeline.events.update import build_events
from pipeline.store.parquet import Store
from pipeline.store.schema import TABLES


def read_table(store: Store, table: str, once: bool = False) -> pd.DataFrame:
    """A table as analysts see it: its exported columns, and the same meeting from several
    articles as one row. A syndicated copy keeps its article row (with how many outlets
    carry the story). With `once`, a copy's meetings and quotes are its canonical
    article's, counted once: a quote's `article_id` is then the list of the articles
    carrying it, the canonical first (`quotes_once`); without, each article keeps the
    facts read in its own text."""
    if table not in TABLES:
        raise ValueError(f"unknown table '{table}': choose one of {', '.join(TABLES)}")
    columns = TABLES[table].exported
    if table == "events":
        return with_corrections(store, table, read_events(store))[columns]
    df = with_corrections(store, table, store.read(table, columns=columns))
    if table == "articles":
        return with_outlets(df)[columns]
    if once and table in ("meetings", "quotes"):
        links = store.read("articles", columns=["article_id", "duplicate_of"])
        if table == "meetings":
            df = with_copies(df, links)
        else:
            df = quotes_once(df, links)
            df = df.assign(article_id=df.pop("article_ids"))
        df = df.reset_index(drop=True)
    if table == "meetings" and len(df):
        from pipeline.meetings.merge import merge_meetings
        df = merge_meetings(df)[columns]  # stored rows are already in the schema
    return df


def read_events(store: Store) -> pd.DataFrame:
    """The meeting events, as the store keeps them; a store written before events were kept
    (its meetings stored, no event yet) gets them worked out now, until its next ingest."""
    events = store.read("events")
    if len(events) or store.is_empty():
        return events
    meetings = store.read("meetings")
    if not len(meetings):
        return events
    return build_events(meetings, store.read("articles", columns=["article_id", "published", "source", "duplicate_of"]))


def stats(store: Store) -> dict:
    articles = store.read("articles", columns=["article_id", "published"])
    dated = articles["published"][articles["published"] != ""]
    return {
        "store": str(store.root), "version": store.version, "articles": len(articles),
        "meetings": len(read_table(store, "events")), "quotes": len(read_table(store, "quotes", once=True)),
        "tags": len(store.read("tags")),
        "published_from": dated.min() if len(dated) else "", "published_to": dated.max() if len(dated) else "",
    }
