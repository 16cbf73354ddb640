"""Reading the store once per version, shared by every session and page.

The prepared tables are cached as a resource: every session reads the same
frames without copying them, and pages treat them as read-only. The key is
the store's folder, its version and the part files its manifest names, so an
upload in one session shows at once in all of them, and another store put in
the same folder is read afresh even at the same version number. Article texts are the bulk of the store and most page
runs never need them, so they are read apart, on another thread, while the
rest is prepared; the meeting events are read when a page first needs them.
"""
from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pandas as pd
import streamlit as st

from dashboard.safe import as_text
from dashboard.state import data_path, open_store
from pipeline.corrections import with_corrections
from pipeline.errors import TradeTalksError
from pipeline.lexicon.lexicon import Lexicon
from pipeline.query.library import read_table
from pipeline.store.schema import TABLES
from pipeline.store.parquet import Store
from pipeline.query.views import Filters, TextLoader, Views, prepare

FILTERS_KEY = "filters"
_BACKGROUND = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-texts")


def read_texts(root: str) -> dict[str, str]:
    """Article id -> text, for every article."""
    found = Store(root).read_arrow("articles", ["article_id", "text"])
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
    """The articles' shown columns but the text (internal columns are never shown)."""
    spec = TABLES["articles"]
    columns = [c for c in spec.columns if c.name != "text" and not c.internal]
    arrow = store.read_arrow("articles", [c.name for c in columns])
    return pd.DataFrame({
        c.name: (arrow.column(c.name).to_pylist() if c.kind == "list"
                 else arrow.column(c.name).to_pandas().fillna(0 if c.kind == "int" else ""))
        for c in columns})


@st.cache_resource(max_entries=2, show_spinner="Reading the store…")
def prepared_views(root: str, version: int, identity: str) -> Views:
    store = Store(root)
    tables = {"articles": with_corrections(store, "articles", _articles_without_text(store)),
              "quotes": read_table(store, "quotes"),
              "tags": read_table(store, "tags"),
              # the meeting events, one row per real meeting, read when a page first asks for them
              "meetings": partial(read_table, store, "events")}
    facets = with_corrections(store, "meetings", store.read("meetings"))
    return prepare(tables, load_text=_text_loader(root), meeting_facets=facets)


def store_identity(manifest: dict) -> str:
    """What a store holds, by the part files its manifest names (each name carries a random
    tag): two stores never share it, whatever their version numbers."""
    return hashlib.sha256(json.dumps(manifest["tables"], sort_keys=True).encode()).hexdigest()


def current_views() -> tuple[Store, Views]:
    """The open store and its prepared tables; a damaged store stops the page with a message."""
    store = open_store()
    try:
        manifest = store.manifest()
        return store, prepared_views(str(store.root.resolve()), int(manifest["version"]), store_identity(manifest))
    except TradeTalksError as exc:
        st.error(as_text(exc))
        st.stop()


@st.cache_resource(max_entries=2, show_spinner="Reading the data folder…")
def _lexicon(folder: str, signature: tuple) -> Lexicon:
    return Lexicon.load(folder)


def current_lexicon() -> Lexicon:
    """The data folder's lexicon (`--data`), read again when one of its files changes;
    a broken file raises `LexiconError` naming it."""
    folder = data_path()
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    signature = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())
    return _lexicon(str(folder.resolve()), signature)


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
