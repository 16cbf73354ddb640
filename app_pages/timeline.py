"""Meetings over time, one row per counterpart; a brush on the time axis filters the table."""
from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard.data import current_filters, data_page
from dashboard.widgets import show_table
from pipeline.views import filter_meetings, in_days, timeline_points

TOP = 25
SHAPES = {"in_person": "circle", "video": "square", "phone": "triangle-up", "unknown": "diamond"}

v = data_page("Timeline", "meetings", "meetings")
meetings = filter_meetings(v, current_filters())

by = st.segmented_control("One row per", ["country", "person"], default="country", key="timeline_rows",
                          required=True)
points, counterparts = timeline_points(meetings, "countries" if by == "country" else "participants", TOP)
brush = alt.selection_interval(encodings=["x"], name="brush")
if points.empty:
    st.info("No dated meeting matches the filters; the table below lists the undated ones.")
    selected = meetings
else:
    chart = alt.Chart(points).mark_point(size=120, strokeWidth=2, filled=True).encode(
        x=alt.X("day:T", title="Date"),
        y=alt.Y("counterpart:N", title=by.capitalize(), sort="-x"),
        shape=alt.Shape("mode:N", title="Mode", scale=alt.Scale(domain=list(SHAPES), range=list(SHAPES.values())),
                        legend=alt.Legend(orient="bottom")),
        color=alt.Color("issue:N", title="Issue", legend=alt.Legend(orient="bottom", columns=4)),
        # planned meetings are drawn hollow
        fillOpacity=alt.condition("datum.held", alt.value(0.9), alt.value(0.0)),
        tooltip=[alt.Tooltip("date:N", title="Date"), alt.Tooltip("participants_text:N", title="Participants"),
                 alt.Tooltip("location:N", title="Place"), alt.Tooltip("occasion:N", title="Occasion"),
                 alt.Tooltip("mode:N", title="Mode"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("issue:N", title="Issue"), alt.Tooltip("source_count:Q", title="Articles"),
                 alt.Tooltip("evidence_text:N", title="Evidence")],
    # the height covers the legends below the plot too
    ).add_params(brush).properties(height=140 + 30 * points["counterpart"].nunique())
    event = st.altair_chart(chart, on_select="rerun", key="timeline_chart", width="stretch")
    st.caption("Filled: held; hollow: planned. Drag across the chart to pick a period; "
               "double-click to clear it."
               + (f" Showing the {TOP} of {counterparts} {by} rows with most meetings; "
                  "narrow the filters to see others." if counterparts > TOP else ""))
    span = (event.selection.get("brush") or {}).get("day") if event else None
    selected = in_days(meetings, *span[:2]) if span else meetings

st.subheader("Meetings")
undated = int((meetings["date"] == "").sum())
st.caption(f"{len(selected):,} meetings" + (" in the chosen period" if len(selected) != len(meetings) else "")
           + (f"; {undated:,} of the filtered meetings have no resolvable day and are not on the chart."
              if undated else "."))
table = selected.assign(link="articles?article=" + selected["first_article"])
show_table(table, "meetings",
           ["date", "participants", "countries", "location", "occasion", "mode", "status", "issues",
            "source_count", "titles", "link", "evidence", "date_precision", "meeting_id", "article_ids"],
           extra={"titles": "Reported in", "issues": st.column_config.ListColumn("Issues"),
                  "link": st.column_config.LinkColumn("Read", display_text="Open article")})
