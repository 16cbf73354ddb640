"""Home: what the store holds (after the filters), the upload, and a start for an empty store."""
from __future__ import annotations

import streamlit as st

from dashboard.charts import period_bars
from dashboard.data import current_filters, current_lexicon, current_views
from dashboard.safe import as_text
from dashboard.upload import show_report, upload_section
from pipeline.errors import TradeTalksError
from pipeline.ingest import load_demo
from pipeline.query.views import (articles_per_period, filter_articles, filter_meetings, filter_quotes, filter_tags,
                                  memoised)

st.title("Trade Talks Monitor")
store, v = current_views()

if v.articles.empty:
    st.subheader("Welcome")
    st.write("The store has no articles yet. Upload news articles below (text, Markdown, HTML, JSON, "
             "CSV or a zip of them), or load the demo corpus to look around first.")
    if st.button("Load the demo corpus", type="primary"):
        bar = st.progress(0.0, text="Loading the demo corpus…")
        try:
            report = load_demo(store, lambda done, total, what: bar.progress(done / max(total, 1),
                                                                            text=f"{what} {done}/{total}"),
                               current_lexicon())
        except TradeTalksError as exc:
            st.error(as_text(exc))
        else:
            if report is None or not report.new_ids:
                st.warning("The demo corpus is empty or already loaded.")
                if report:
                    show_report(report)
            else:
                st.session_state["last_report"] = report
                st.rerun()
else:
    f = current_filters()
    articles, meetings = filter_articles(v, f), filter_meetings(v, f)
    quotes, tags = filter_quotes(v, f), filter_tags(v, f)
    filtered = f != type(f)()
    cols = st.columns(4)
    for col, (label, frame, total, page) in zip(cols, [
            ("Articles", articles, v.articles, "app_pages/articles.py"),
            ("Meetings", meetings, v.meetings, "app_pages/timeline.py"),
            ("Quotes", quotes, v.quotes, "app_pages/quotes.py"),
            ("Issue tags", tags, v.tags, "app_pages/issues.py")]):
        col.metric(label, f"{len(frame):,}", help=f"{len(total):,} in the store" if filtered else None)
        col.page_link(page, label=f"See the {label.lower()}")
    weeks = memoised(v, ("overview_weeks", f), lambda: articles_per_period(articles, "W"))
    if len(weeks):
        st.altair_chart(period_bars(weeks, "Articles per week", "week"), width="stretch")
    undated = int((articles["published"] == "").sum())
    if undated:
        st.caption(f"Articles without a known publication date: {undated:,} (see the Articles page).")

st.header("Upload articles")
upload_section(store)
