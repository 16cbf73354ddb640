"""The filters every page shares, kept in the URL so a view can be shared as a link."""
from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.data import FILTERS_KEY
from pipeline.query.views import Filters, Views

EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)
# widget key (also the query parameter) -> (label, option list in Views.options())
CHOICES = {
    "people": ("People", "people"),
    "countries": ("Countries", "countries"),
    "issues": ("Issues", "tags"),
    "mode": ("Meeting mode", "modes"),
    "status": ("Meeting status", "statuses"),
    "source": ("Source", "sources"),
}
KEYS = ("from", "to", *CHOICES, "q")


def _clear() -> None:
    for key in KEYS:
        if key in st.session_state:
            st.session_state[key] = None if key in ("from", "to") else ("" if key == "q" else [])


def _keep_known(key: str, options: list[str]) -> None:
    """Drop chosen values the store no longer has (another store, a stale link)."""
    chosen = st.session_state.get(key)
    if chosen and any(c not in options for c in chosen):
        st.session_state[key] = [c for c in chosen if c in options]


def sidebar_filters(v: Views) -> Filters:
    """Render the shared filters in the sidebar; the chosen Filters are also kept for the pages."""
    options = v.options()
    # the URL holds the shown option text: issue labels read well there, mode ids too
    labels = {"issues": lambda t: v.labels.get(t, t)}
    with st.sidebar:
        st.header("Filters")
        low, high = (date.fromisoformat(d) for d in options["dates"]) if options["dates"] else (None, None)
        start = st.date_input("From", value=None, min_value=EARLIEST, max_value=LATEST, key="from",
                              bind="query-params", help=f"Articles run from {low} to {high}" if low else None)
        end = st.date_input("To", value=None, min_value=EARLIEST, max_value=LATEST, key="to",
                            bind="query-params")
        chosen = {}
        for key, (label, source) in CHOICES.items():
            _keep_known(key, options[source])
            chosen[key] = st.multiselect(label, options[source], key=key, bind="query-params",
                                         format_func=labels.get(key, str), placeholder="All")
        search = st.text_input("Search text", key="q", bind="query-params",
                               placeholder="words in titles, quotes, evidence")
        st.button("Clear filters", on_click=_clear)
        if start and end and start > end:
            st.warning("'From' is after 'To': nothing can match.")
    filters = Filters(
        start=start.isoformat() if start else "", end=end.isoformat() if end else "",
        people=tuple(chosen["people"]), countries=tuple(chosen["countries"]),
        tags=tuple(chosen["issues"]), modes=tuple(chosen["mode"]), statuses=tuple(chosen["status"]),
        sources=tuple(chosen["source"]), search=(search or "").strip())
    st.session_state[FILTERS_KEY] = filters
    return filters


def choose_issue(tag: str) -> None:
    """A callback: filter every page by one issue."""
    st.session_state["issues"] = [tag]
