"""Meetings over time, one row per counterpart; a brush on the time axis filters the table."""
from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard.charts import DATE_FORMAT, issue_scale
from dashboard.data import current_filters, data_page
from dashboard.url import page_choice
from dashboard.widgets import show_table
from pipeline.query.views import filter_meetings, in_days, timeline_points

TOP = 25
SHAPES = {"in_person": "circle", "video": "square", "phone": "triangle-up", "unknown": "diamond"}

v = data_page("Timeline", "meetings", "meetings")
meetings = filter_meetings(v, current_filters())

page_choice("timeline_rows", "rows", ["country", "person"], "country")
by = st.segmented_control("One row per", ["country", "person"], key="timeline_rows", required=True)
points, counterparts = timeline_points(meetings, "countries" if by == "country" else "participants", TOP)
brush = alt.selection_interval(encodings=["x"], name="brush")
if points.empty:
    st.info("No dated meeting matches the filters; the table below lists the undated ones.")
    selected = meetings
else:
    issues = issue_scale(points["issue"])
    order = points["counterpart"].value_counts().index.tolist()   # busiest counterpart on top
    issue_legend = alt.Legend(orient="bottom", columns=3, symbolType="circle", labelLimit=0)
    chart = alt.Chart(points).mark_point(size=130, strokeWidth=2, filled=False).encode(
        # padding keeps the first and last points clear of the plot's edges
        x=alt.X("day:T", title="Date", scale=alt.Scale(padding=14),
                axis=alt.Axis(format=DATE_FORMAT, labelAngle=0, labelOverlap=True)),
        y=alt.Y("counterpart:N", title=by.capitalize(), sort=order, axis=alt.Axis(labelLimit=0)),
        shape=alt.Shape("mode:N", title="Mode", scale=alt.Scale(domain=list(SHAPES), range=list(SHAPES.values())),
                        legend=alt.Legend(orient="bottom")),
        # the outline has the issue's colour; the inside too, but see-through for planned meetings
        color=alt.Color("issue:N", title="Issue", scale=issues, legend=issue_legend),
        fill=alt.Fill("issue:N", title="Issue", scale=issues, legend=issue_legend),
        # planned meetings are hollow: the legend for it is the caption under the chart
        fillOpacity=alt.FillOpacity("status_shown:N", scale=alt.Scale(domain=["held", "planned"], range=[0.85, 0.0]),
                                    legend=None),
        tooltip=[alt.Tooltip("day:T", title="Date", format=DATE_FORMAT),
                 alt.Tooltip("participants_text:N", title="Participants"),
                 alt.Tooltip("location:N", title="Place"), alt.Tooltip("occasion:N", title="Occasion"),
                 alt.Tooltip("mode:N", title="Mode"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("issue:N", title="Issue"), alt.Tooltip("source_count:Q", title="Articles"),
                 alt.Tooltip("evidence_text:N", title="Evidence")],
    # the height covers the legends below the plot too
    ).add_params(brush).properties(height=170 + 30 * points["counterpart"].nunique())
    event = st.altair_chart(chart, on_select="rerun", key="timeline_chart", width="stretch")
    st.caption("Status: \u25cf held (filled), \u25cb planned (hollow). Colour: the meeting's first issue. "
               "Drag across the chart to pick a period; "
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
