"""Meetings over time, one row per counterpart, gathered per day, week or month so no mark hides
another; a brush on the time axis filters the table, and the chosen period can be zoomed into."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.charts import timeline_chart
from dashboard.data import current_filters, data_page
from dashboard.url import page_choice
from dashboard.widgets import show_table
from pipeline.query.views import filter_meetings, in_span, memoised, newest_first, timeline_marks

TOP = 25
TABLE_ROWS = 2_000
SPAN_KEY = "timeline_span"

v = data_page("Timeline", "meetings", "meetings")
f = current_filters()
meetings = filter_meetings(v, f)

page_choice("timeline_rows", "rows", ["country", "person"], "country")
by = st.segmented_control("One row per", ["country", "person"], key="timeline_rows", required=True)
zoom = st.session_state.get(SPAN_KEY)
shown = in_span(meetings, *zoom) if zoom else meetings
marks, counterparts, grain = memoised(v, ("timeline", f, by, zoom), lambda: timeline_marks(
    shown, "countries" if by == "country" else "participants", TOP))
span = None
if marks.empty:
    st.info("No dated meeting matches the filters; the table below lists the undated ones.")
    selected = shown
else:
    event = st.altair_chart(timeline_chart(marks, by.capitalize(), grain), on_select="rerun", key="timeline_chart",
                            width="stretch")
    st.caption(f"One mark per {by} and {grain}, larger and numbered when it holds several meetings. "
               "Status: \u25cf held (filled), \u25cb planned only (hollow). Colour: the commonest issue. "
               "A bar under a mark: a meeting known only to its week or month. "
               "Drag across the chart to pick a period; double-click to clear it."
               + (f" Showing the {TOP} of {counterparts} {by} rows with most meetings; "
                  "narrow the filters to see others." if counterparts > TOP else ""))
    brushed = (event.selection.get("brush") or {}).get("mid") if event else None
    if brushed:
        start, end = span = tuple(pd.Timestamp(x, unit="ms") if isinstance(x, (int, float)) else pd.Timestamp(x)
                                  for x in brushed[:2])
        selected = in_span(shown, start, end)
        st.button("Zoom into the chosen period", on_click=st.session_state.__setitem__,
                  args=(SPAN_KEY, (start, end)))
    else:
        selected = shown
if zoom:
    st.button(f"Show all dates (now {zoom[0]:%d %b %Y} to {zoom[1]:%d %b %Y})",
              on_click=st.session_state.pop, args=(SPAN_KEY, None))

st.subheader("Meetings")
undated = int((meetings["date"] == "").sum())
st.caption(f"{len(selected):,} meetings, newest first"
           + (" in the chosen period" if len(selected) != len(meetings) else "")
           + (f"; {undated:,} of the filtered meetings have no known day, week or month and are not on the chart."
              if undated else "."))
selected = memoised(v, ("timeline_table", f, zoom, span), lambda: newest_first(selected))
table = selected.assign(link="articles?article=" + selected["first_article"])
show_table(table, "events",
           ["date", "date_precision", "participants", "countries", "location", "occasion", "mode", "status",
            "announced_on", "issues", "source_count", "outlets", "titles", "link", "history", "evidence",
            "corrected", "event_id", "article_ids"], limit=TABLE_ROWS, name="meetings",
           extra={"titles": "Reported in", "issues": st.column_config.ListColumn("Issues"),
                  "link": st.column_config.LinkColumn("Read", display_text="Open article")})
