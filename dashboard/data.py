"""Reading the store once per version, shared by every session and page.

The prepared tables are cached as a resource: every session reads the same
frames without copying them, and pages treat them as read-only. The key is
the store's folder and its version, so an upload in one session shows at
once in all of them.
"""
from __future__ import annotations

import streamlit as st

from dashboard.state import open_store
from pipeline.errors import TradeTalksError
from pipeline.library import read_table
from pipeline.schema import TABLES
from pipeline.store import Store
from pipeline.views import Filters, Views, prepare

FILTERS_KEY = "filters"


@st.cache_resource(max_entries=2, show_spinner="Reading the store…")
def prepared_views(root: str, version: int) -> Views:
    store = Store(root)
    return prepare({name: read_table(store, name) for name in TABLES})


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
