"""The store's tables with its corrections applied: what `read_table` and the dashboard read."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.corrections.apply import active, apply_corrections
from pipeline.corrections.events import corrected_events
from pipeline.corrections.grouping import regroup
from pipeline.corrections.model import ADDED
from pipeline.store.parquet import Store

EVENT_ARTICLE_COLUMNS = ["article_id", "published", "source", "duplicate_of"]


def with_corrections(store: Store, table: str, df: pd.DataFrame) -> pd.DataFrame:
    """`df`, stored rows of `table` (any columns with the key), as the store's corrections make
    them; the events are worked out again where a correction touches them."""
    corrections = store.read("corrections")
    if not len(corrections):
        return df
    if table == "events":
        return _events(store, df, corrections)
    if table not in ("articles", "meetings", "quotes", "tags"):
        return df
    tables = {table: df}
    if table in ("quotes", "tags") and _redates(corrections):
        tables["articles"] = store.read("articles", columns=["article_id", "published"])
    out, _ = apply_corrections(tables, corrections, texts=added_texts(store, corrections, table))
    return out[table]


def pending_review(store: Store) -> pd.DataFrame:
    """The corrections that find no row (their sentence is gone, or carries several rows), with why."""
    corrections = store.read("corrections")
    tables = {"articles": store.read("articles", columns=["article_id", "published"]),
              "meetings": store.read("meetings"), "quotes": store.read("quotes")}
    _, review = apply_corrections(tables, corrections, texts=added_texts(store, corrections))
    return review


def _redates(corrections: pd.DataFrame) -> bool:
    return bool(((corrections["table"] == "articles") & (corrections["field"] == "published")).any())


def added_texts(store: Store, corrections: pd.DataFrame, table: str | None = None) -> dict[str, str]:
    """The texts of the articles rows were added to (an added row holds while its sentence is there)."""
    added = corrections[(corrections["field"] == ADDED) & ((corrections["table"] == table) if table else True)]
    if not len(added):
        return {}
    arrow = store.read_arrow("articles", ["article_id", "text"])
    arrow = arrow.filter(pc.is_in(arrow.column("article_id"), value_set=pa.array(sorted(set(added["article_id"])))))
    return dict(zip(arrow.column("article_id").to_pylist(), arrow.column("text").to_pylist()))


def _events(store: Store, events: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    live = active(corrections)
    if not any(c.table == "meetings" or c.table == "articles" and c.field == "published" for c in live):
        return events
    before = store.read("meetings")
    articles = store.read("articles", columns=EVENT_ARTICLE_COLUMNS)
    out, _ = apply_corrections({"meetings": before, "articles": articles}, corrections,
                               texts=added_texts(store, corrections, "meetings"))
    dates = dict(zip(articles["article_id"], articles["published"]))
    redated = {a for a, day in zip(out["articles"]["article_id"], out["articles"]["published"]) if dates.get(a) != day}
    return regroup(corrected_events(events, before, out["meetings"], out["articles"], redated),
                   out["meetings"], out["articles"])
