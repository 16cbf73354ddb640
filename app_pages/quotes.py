"""Who said what: the quotes table and counts per speaker and per issue."""
from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard.charts import count_axis
from dashboard.data import current_filters, data_page
from dashboard.url import page_choice
from dashboard.widgets import show_table
from pipeline.query.views import counts_of, filter_quotes, memoised, newest_first

v = data_page("Quotes", "quotes", "quotes")

quotes = filter_quotes(v, current_filters())
page_choice("quote_kinds", "kind", ["direct", "reported"], ["direct", "reported"])
kinds = st.segmented_control("Kind", ["direct", "reported"], selection_mode="multi", key="quote_kinds")
quotes = quotes[quotes["kind"].isin(kinds or [])]
st.caption(f"{len(quotes):,} of {len(v.quotes):,} quotes. The sidebar's search looks in the speaker, "
           "the quoted words and the evidence.")

left, right = st.columns(2)
speakers = counts_of(quotes["speaker"], "speaker", top=20)
# the exploded tag lists of the shown quotes: no per-row Python over the table
tags = v.lists["quotes", "tags"]
issues = counts_of(tags[tags.index.isin(quotes.index)].map(lambda t: v.labels.get(t, t)), "issue", top=20)
for col, frame, field, title in ((left, speakers, "speaker", "Quotes per speaker (top 20)"),
                                 (right, issues, "issue", "Quotes per issue")):
    if frame.empty:
        col.caption(f"{title}: none")
        continue
    col.altair_chart(alt.Chart(frame, title=title).mark_bar().encode(
        x=alt.X("count:Q", axis=count_axis("Quotes")),
        y=alt.Y(f"{field}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=0)),
        tooltip=[f"{field}:N", "count:Q"]), width="stretch")

table = memoised(v, ("quote_table", current_filters(), tuple(kinds or ())), lambda: newest_first(quotes))
# a syndicated story's quote is one row; its Articles cell lists the articles carrying it,
# canonical first, as `pipeline export quotes` has it (both from quotes_once)
show_table(table.assign(link="articles?article=" + table["article_id"], article_id=table["article_ids"]), "quotes",
           ["speaker", "text", "kind", "date", "speaker_role", "speaker_country", "tags_text", "source",
            "title", "link", "evidence", "corrected", "quote_id", "article_id"], limit=2_000,
           extra={"speaker": st.column_config.TextColumn("Speaker"),
                  "article_id": st.column_config.ListColumn("Articles"),
                  "text": st.column_config.TextColumn("Quote text", width="large"),
                  "tags_text": "Issues", "source": "Source", "title": "Article title",
                  "link": st.column_config.LinkColumn("Read", display_text="Open article")})
