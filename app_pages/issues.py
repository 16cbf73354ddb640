"""Issues: how often each is covered over time, where, and with which other issues."""
from __future__ import annotations

import streamlit as st

from dashboard.charts import heatmap, issues_over_time
from dashboard.data import current_filters, data_page
from dashboard.sidebar import choose_issue
from dashboard.widgets import show_table
from pipeline.query.views import (cooccurrence, filter_articles, filter_tags, issue_by_country, memoised, newest_first,
                                  picked_tags, tag_counts_over_time, tagged_per_period)

TABLE_ROWS = 2_000

v = data_page("Issues", "tags", "issue tags")

f = current_filters()
tags = filter_tags(v, f)
pick, go = st.columns([3, 1], vertical_alignment="bottom")
options = sorted(v.labels, key=lambda t: v.labels[t].lower())
issue = pick.selectbox("Issue to follow", options, format_func=lambda t: v.labels.get(t, t), key="issue_pick")
go.button("Filter all pages by this issue", on_click=choose_issue, args=(issue,))

period = st.segmented_control("Count per", ["week", "month"], default="week", key="issue_period", required=True)
freq = "W" if period == "week" else "M"
over_time = memoised(v, ("issue_lines", f, freq), lambda: tag_counts_over_time(tags, freq))
if over_time.empty:
    st.caption("No dated article matches the filters.")
else:
    totals = memoised(v, ("issue_bars", f, freq), lambda: tagged_per_period(tags, freq))
    st.altair_chart(issues_over_time(over_time, totals, period), width="stretch")
    st.caption("An article with several issues is on each of their lines; the grey bars count it once.")

# one heatmap under the other: each is as wide as its labels need, none is squeezed
articles = filter_articles(v, f)
heat = memoised(v, ("issue_country", f), lambda: issue_by_country(tags, articles))
picks: list[dict] = []
if heat.empty:
    st.caption("No tagged article names a country.")
else:
    event = st.altair_chart(heatmap(heat, "label", "country", "Articles per issue and country", "Issue", "Country",
                                    name="country_cell"), width="content", on_select="rerun", key="issue_country")
    picks += (event.selection.get("country_cell") or []) if event else []
pairs = memoised(v, ("issue_pairs", f), lambda: cooccurrence(filter_tags(v, f, other_tags=True)))
if pairs.empty:
    st.caption("No article carries two issues.")
else:
    event = st.altair_chart(heatmap(pairs, "label_other", "label", "Issues in the same article", "With issue",
                                    "Issue", name="pair_cell"), width="content", on_select="rerun", key="issue_pairs")
    picks += (event.selection.get("pair_cell") or []) if event else []
st.caption("Click a cell to list its articles below; click it again or on empty space to list them all.")

st.subheader("Tagged articles")
if picks:
    tags = picked_tags(filter_tags(v, f, other_tags=True), articles, picks)
    st.caption(f"{tags['article_id'].nunique():,} articles in the clicked cells.")
table = memoised(v, ("issue_table", f, str(picks)), lambda: newest_first(tags, "published"))
table = table.assign(link="articles?article=" + table["article_id"])
show_table(table, "tags", ["label", "published", "title", "source", "hits", "evidence", "link", "tag",
                           "article_id"], limit=TABLE_ROWS,
           extra={"title": st.column_config.TextColumn("Article title", width="large"), "source": "Source",
                  "link": st.column_config.LinkColumn("Read", display_text="Open article")})
