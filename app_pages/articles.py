"""The articles, and a reader with each evidence sentence highlighted."""
from __future__ import annotations

import streamlit as st

from dashboard.data import current_filters, data_page
from dashboard.widgets import column_config, show_table
from pipeline.views import article_facts, evidence_of, filter_articles, highlight

v = data_page("Articles", "articles", "articles")

articles = filter_articles(v, current_filters())
st.caption(f"{len(articles):,} of {len(v.articles):,} articles. Pick a row to read it.")
event = show_table(articles, "articles",
                   ["published", "title", "source", "words", "issues", "countries", "people", "published_source",
                    "origin", "url", "author", "article_id"],
                   extra={"url": st.column_config.LinkColumn("URL"), "issues": st.column_config.ListColumn("Issues")},
                   on_select="rerun", selection_mode="single-row", key="article_list")

rows = event.selection.rows if event else []
wanted = articles["article_id"].iloc[rows[0]] if rows else st.query_params.get("article", "")
match = v.articles[v.articles["article_id"] == wanted]
if match.empty:
    if wanted:
        st.warning(f"No article with id {wanted} in the store.")
    st.stop()

article = match.iloc[0]
facts = article_facts(v, article["article_id"])
st.header(article["title"] or article["origin"])
meta = [article["source"], article["published"] and f"published {article['published']} ({article['published_source']})",
        article["author"], f"{article['words']} words", f"file {article['origin']}"]
st.caption(" · ".join(m for m in meta if m))
if article["url"]:
    st.link_button("Original article", article["url"])
reader, side = st.columns([3, 2])
with reader:
    st.subheader("Text")
    st.caption("Highlighted: the sentences the meetings, quotes and issue tags come from.")
    # highlight() escapes the article first, so nothing in it can render as HTML
    st.html(f'<div class="article-text">{highlight(article["text"], evidence_of(facts))}</div>')
with side:
    st.subheader("Facts")
    for table, title, cols in (
            ("meetings", "Meetings", ["date", "participants", "location", "mode", "status", "evidence"]),
            ("quotes", "Quotes", ["speaker", "kind", "text", "evidence"]),
            ("tags", "Issues", ["label", "hits", "evidence"])):
        frame = facts[table][cols]
        st.markdown(f"**{title}** ({len(frame)})")
        if len(frame):
            st.dataframe(frame, hide_index=True, column_config=column_config(table, frame))
    st.markdown(f"**What cleaning removed** ({len(article['removed'])})")
    for item in article["removed"]:
        st.text(item)
