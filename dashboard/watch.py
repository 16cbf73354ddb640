"""Watchlists on screen: saving the sidebar's filters, opening one, and marking new rows.

The watchlist being looked at (opened from the Watchlists page) is kept for the session with
the time it had been opened before: rows whose article came in after that are marked new
in every table until another watchlist is opened or it is closed.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.data import current_filters, current_views
from dashboard.safe import as_text
from dashboard.state import open_store
from pipeline.errors import TradeTalksError
from pipeline.query.filters import Filters
from pipeline.watch import watchlists

ACTIVE = "watch_active"          # (name, since): the opened watchlist and the time it was opened before
GOTO = "watch_goto"              # set by Open: the next run goes to the Timeline
NEW = "new"                      # the column marking a new row
TIMELINE = "app_pages/timeline.py"


def active() -> tuple[str, str] | None:
    return st.session_state.get(ACTIVE)


def _save(name_key: str) -> None:
    try:
        saved = watchlists.save(open_store().root, st.session_state.get(name_key, ""), current_filters())
    except TradeTalksError as exc:
        st.session_state["watch_message"] = ("error", str(exc))
    else:
        st.session_state["watch_message"] = ("success", f"Saved the watchlist '{saved.name}'.")
        st.session_state[name_key] = ""


def save_form() -> None:
    """In the sidebar: save the filters as they are as a named watchlist."""
    with st.sidebar.expander("Save as watchlist", icon=":material/visibility:"):
        st.text_input("Watchlist name", key="watch_name", placeholder="e.g. EU–China rare earths",
                      max_chars=watchlists.MAX_NAME)
        st.button("Save watchlist", key="watch_save", on_click=_save, args=("watch_name",))
        kind, text = st.session_state.pop("watch_message", (None, ""))
        if kind:
            getattr(st, kind)(as_text(text))
    if active():
        name, since = active()
        st.sidebar.caption(f"Watchlist {as_text(name)}: rows new since {as_text(since[:16].replace('T', ' '))} "
                           "UTC are marked in the tables.")
        st.sidebar.button("Stop marking new rows", key="watch_close", on_click=st.session_state.pop,
                          args=(ACTIVE, None))


def _apply(f: Filters) -> None:
    """Set the sidebar's widgets to `f` (drawn afterwards, so this runs in a callback)."""
    day = lambda text: date.fromisoformat(text) if text else None   # noqa: E731
    st.session_state.update({
        "from": day(f.start), "to": day(f.end), "q": f.search, "match": f.match,
        "people": list(f.people), "countries": list(f.countries), "issues": list(f.tags),
        "mode": list(f.modes), "status": list(f.statuses), "source": list(f.sources)})


def open_watchlist(name: str) -> None:
    """A callback: apply the watchlist's filters, record that it was opened, go to the Timeline."""
    root = open_store().root
    try:
        before = watchlists.get(root, name)
        if before is None:
            raise TradeTalksError(f"there is no watchlist called '{name}'")
        watchlists.mark_opened(root, name)
    except TradeTalksError as exc:
        st.session_state["watch_message"] = ("error", str(exc))
        return
    _apply(before.filters)
    st.session_state[ACTIVE] = (name, before.opened_at)
    st.session_state[GOTO] = True


def delete_watchlist(name: str) -> None:
    try:
        watchlists.delete(open_store().root, name)
    except TradeTalksError as exc:
        st.session_state["watch_message"] = ("error", str(exc))
        return
    if (active() or ("",))[0] == name:
        st.session_state.pop(ACTIVE, None)


def go_if_opened() -> None:
    if st.session_state.pop(GOTO, False):
        st.switch_page(TIMELINE)


def new_mask(df: pd.DataFrame) -> np.ndarray | None:
    """Which rows of a shown table are new for the opened watchlist (None: no watchlist is open,
    or the table has no article column)."""
    if not active() or not ({"article_id", "article_ids"} & set(df.columns)):
        return None
    _, views = current_views()
    since = active()[1]
    if ("watch_new", since) not in views.memo:   # once per store version and opening, not per table
        views.memo["watch_new", since] = watchlists.new_article_ids(views, since)
    return watchlists.is_new(df, views.memo["watch_new", since])


def with_new_column(df: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """`df` and `columns` with a first column marking the new rows, when a watchlist is open."""
    mask = new_mask(df)
    if mask is None:
        return df, columns
    return df.assign(**{NEW: np.where(mask, "🆕 new", "")}), [NEW, *columns]


def arrival_lines(new_ids) -> list[str]:
    """Which watchlists newly stored articles match, one line each."""
    if not new_ids:
        return []
    store, views = current_views()
    try:
        return watchlists.match_lines(watchlists.matches(views, new_ids, watchlists.load(store.root)))
    except TradeTalksError as exc:   # a damaged watchlists file: the articles went in all the same
        return [f"Watchlists not matched: {exc}"]
