"""The brief: a week's (or any period's) meetings, key quotes and issue movements under the
sidebar's filters, previewed, and downloaded as Markdown or Word."""
from __future__ import annotations

import base64
from datetime import date, timedelta

import streamlit as st

from dashboard.data import current_filters, data_page
from dashboard.safe import as_text
from pipeline.brief import Period, build_brief, to_docx, to_markdown, week_of, with_charts
from pipeline.brief.blocks import CHART_TITLES
from pipeline.query.views import memoised

v = data_page("Brief", "articles", "articles")
f = current_filters()
st.caption("Meetings, key quotes and issue movements of a period, under the sidebar's filters (its dates "
           "give way to the period's), each fact citing its article.")

dated = v.articles["published"][v.articles["published"] != ""]
latest = date.fromisoformat(dated.max()) if len(dated) else date.today()
kind = st.segmented_control("Period", ["A week", "From and to"], default="A week", key="brief_kind", required=True)
if kind == "A week":
    day = st.date_input("The week of", value=latest, key="brief_week")
    period = week_of(day)
else:
    days = st.date_input("From and to", value=(latest - timedelta(days=6), latest), key="brief_days")
    if len(days) < 2:
        st.info("Pick the last day too.")
        st.stop()
    period = Period(*days)

brief = memoised(v, ("brief", f, period), lambda: with_charts(build_brief(v, f, period)))
st.caption(f"{period}: {len(brief.held)} meetings held, {len(brief.planned)} planned, "
           f"{sum(map(len, brief.quotes.values()))} quotes, {len(brief.tags)} issues, "
           f"{len(brief.citations)} sources.")

name = f"brief-{period.start.isoformat()}-{period.end.isoformat()}"
# the downloaded Markdown is one file: its charts inline, as data addresses
inline = {n: "data:image/png;base64," + base64.b64encode(png).decode("ascii") for n, png in brief.charts.items()}
md, docx = st.columns(2)
md.download_button("Download Markdown", to_markdown(brief, images=inline), file_name=f"{name}.md",
                   mime="text/markdown", icon=":material/download:", key="brief_md")
docx.download_button("Download Word", memoised(v, ("brief_docx", f, period), lambda: to_docx(brief)),
                     file_name=f"{name}.docx", icon=":material/download:", key="brief_docx",
                     mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")

with st.container(border=True):
    # the preview: the same Markdown, every text from the files escaped as text; charts drawn apart
    st.markdown(to_markdown(brief, esc=as_text, unshown="drawn below"))
    for n, png in brief.charts.items():
        st.image(png, caption=CHART_TITLES.get(n, n))
