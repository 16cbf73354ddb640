"""Reading the store once per version, shared by every session and page.

The prepared tables are cached as a resource: every session reads the same
frames without copying them, and pages treat them as read-only. The key is
the store's folder and its version, so an upload in one session shows at
once in all of them. Article texts are the bulk of the store and most page
runs never need them, so they are read apart, on another thread, while the
rest is prepared; the meetings are merged when a page first needs them.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import streamlit as st

from dashboard.state import open_store
from pipeline.errors import TradeTalksError
from pipeline.query.library import read_table
from pipeline.store.schema import TABLES
from pipeline.store.parquet import Store
from pipeline.query.views import Filters, TextLoader, Views, prepare

FILTERS_KEY = "filters"
_BACKGROUND = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-texts")


def _read_articles(store: Store, columns: list[str]) -> pa.Table:
    """Some columns of the articles table, straight from its parts, lists kept as Arrow lists."""
    for attempt in range(2):
        try:
            parts = store.manifest()["tables"]["articles"]
            tables = [pq.read_table(store.root / p, columns=columns) for p in parts]
            break
        except FileNotFoundError:  # a writer compacted the parts we were about to read
            if attempt:
                raise
    schema = pa.schema([f for f in TABLES["articles"].arrow_schema if f.name in columns])
    return pa.concat_tables(tables) if tables else schema.empty_table()


def read_texts(root: str) -> dict[str, str]:
    """Article id -> text, for every article."""
    found = _read_articles(Store(root), ["article_id", "text"])
    return dict(zip(found.column("article_id").to_pylist(), found.column("text").to_pylist()))


def _text_loader(root: str) -> TextLoader:
    """Start reading every text now, on another thread; a caller waits only for what is left.

    Parquet decodes without holding the GIL, so on a second core the texts are ready by
    the time the reader or a search wants them, for about nothing.
    """
    pending = _BACKGROUND.submit(read_texts, root)

    def load(ids: list[str] | None) -> dict[str, str]:
        texts = pending.result()
        return texts if ids is None else {i: texts[i] for i in ids if i in texts}
    return load


def _articles_without_text(store: Store) -> pd.DataFrame:
    spec = TABLES["articles"]
    columns = [c.name for c in spec.columns if c.name != "text"]
    arrow = _read_articles(store, columns)
    return pd.DataFrame({
        c.name: (arrow.column(c.name).to_pylist() if c.kind == "list"
                 else arrow.column(c.name).to_pandas().fillna(0 if c.kind == "int" else ""))
        for c in spec.columns if c.name != "text"})


@st.cache_resource(max_entries=2, show_spinner="Reading the store…")
def prepared_views(root: str, version: int) -> Views:
    store = Store(root)
    tables = {"articles": _articles_without_text(store), "quotes": read_table(store, "quotes"),
              "tags": read_table(store, "tags"),
              # merging meetings is the costliest read: done when a page first asks for them
              "meetings": partial(read_table, store, "meetings")}
    facets = store.read("meetings")
    return prepare(tables, load_text=_text_loader(root), meeting_facets=facets)


def current_views() -> tuple[Store, Views]:
    """The open store and its prepared tables; a damaged store stops the page with a message."""
    store = open_store()
    try:
        return store, prepared_views(str(store.root.resolve()), store.version)
    except TradeTalksError as exc:
        st.error(str(exc))
        st.stop()


def current_filters() -> Filters:
    """What the sidebar chose on this run (no filter before the sidebar has run)."""
    return st.session_state.get(FILTERS_KEY) or Filters()


def data_page(title: str, table: str, what: str) -> Views:
    """A data page's title and tables; with nothing to show yet, a pointer to the upload instead."""
    st.title(title)
    _, views = current_views()
    if getattr(views, table).empty:
        st.info(f"No {what} yet: upload articles on the Overview page, or load the demo corpus there.")
        st.page_link("app_pages/overview.py", label="Go to Overview & upload", icon=":material/upload:")
        st.stop()
    return views
