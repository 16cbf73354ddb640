"""Saved watchlists: what each matches that came in since it was last opened; open or delete one."""
from __future__ import annotations

import streamlit as st

from dashboard.data import current_views
from dashboard.safe import as_text
from dashboard.watch import active, delete_watchlist, go_if_opened, open_watchlist
from pipeline.errors import TradeTalksError
from pipeline.watch import watchlists

go_if_opened()
st.title("Watchlists")
store, views = current_views()
kind, text = st.session_state.pop("watch_message", (None, ""))
if kind:
    getattr(st, kind)(as_text(text))
try:
    saved = watchlists.load(store.root)
except TradeTalksError as exc:
    st.error(as_text(exc))
    st.stop()
if not saved:
    st.info("No watchlist yet: choose filters in the sidebar, then save them under "
            "'Save as watchlist' there.")
    st.stop()
st.caption("New: what the watchlist's filters match that came in since it was last opened. "
           "Opening one applies its filters, shows the Timeline and marks its new rows in every table.")


def describe(f) -> str:
    parts = [f"{label}: {', '.join(values)}" for label, values in (
        ("people", f.people), ("countries", f.countries), ("issues", [views.labels.get(t, t) for t in f.tags]),
        ("mode", f.modes), ("status", f.statuses), ("source", f.sources)) if values]
    if f.start or f.end:
        parts.append(f"dates: {f.start or '…'} to {f.end or '…'}")
    if f.search:
        parts.append(f"search: {f.search}")
    if f.between:
        parts.append("between them")
    return "; ".join(parts) or "no filter: everything"


for i, w in enumerate(saved):
    counts = watchlists.new_counts(views, w)
    with st.container(border=True, key=f"watchlist-{i}"):
        left, right = st.columns([4, 1])
        badge = f" :blue-badge[{counts.total:,} new]" if counts.total else ""
        left.markdown(f"**{as_text(w.name)}**{badge}"
                      + (" :gray-badge[open]" if (active() or ("",))[0] == w.name else ""))
        left.caption(as_text(describe(w.filters)))
        left.write(f"New since {as_text(w.opened_at[:16].replace('T', ' '))} UTC: {counts.meetings:,} meetings, "
                   f"{counts.quotes:,} quotes, {counts.articles:,} articles")
        right.button("Open", key=f"watch_open_{i}", type="primary", on_click=open_watchlist, args=(w.name,))
        right.button("Delete", key=f"watch_delete_{i}", on_click=delete_watchlist, args=(w.name,))
