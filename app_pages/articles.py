"""The articles, and a reader with the evidence of the article's meetings and quotes highlighted."""
from __future__ import annotations

import streamlit as st

from dashboard.corrections import correct_article, review_panel
from dashboard.data import current_filters, current_views, data_page
from dashboard.safe import as_text, safe_url
from dashboard.url import keep_in_url, restoring
from dashboard.widgets import column_config, show_table
from pipeline.query.views import (article_facts, article_text, copies_of, evidence_of, filter_articles, highlight,
                                  in_words, memoised)

# one colour per kind of evidence; a sentence behind both a meeting and a quote gets the third
MARKS = {"meeting": ("#fde68a", "a meeting"), "quote": ("#bfdbfe", "a quote"),
         "meeting.quote": ("#bbf7d0", "a meeting and a quote")}
STYLE = "".join(f".article-text mark.{kind} {{background: {colour}; padding: 0 1px;}}"
                for kind, (colour, _) in MARKS.items())

TABLE_ROWS = 2_000     # rows sent to the browser: the filters narrow, the download holds all

v = data_page("Articles", "articles", "articles")
store, _ = current_views()
review_panel(store)

# a link only to a web address: a data: or javascript: "URL" from a file is left blank
articles = filter_articles(v, current_filters())
links = memoised(v, ("article_links",), lambda: v.articles["url"].map(safe_url))   # checked once per store
articles = articles.assign(url=links.loc[articles.index])
st.caption(f"{len(articles):,} of {len(v.articles):,} articles. Pick a row to read it. "
           "An untitled article shows its first sentence (or its file name) as its title.")
event = show_table(articles, "articles",
                   ["published", "title", "source", "outlets", "words", "issues", "countries", "people", "published_source",
                    "origin", "url", "author", "article_id"],
                   extra={"title": st.column_config.TextColumn("Title", width="large"),
                          "url": st.column_config.LinkColumn("URL"), "issues": st.column_config.ListColumn("Issues")},
                   on_select="rerun", selection_mode="single-row", key="article_list", limit=TABLE_ROWS)

rows = event.selection.rows if event and not restoring() else []   # Back: the URL's article
wanted = articles["article_id"].iloc[rows[0]] if rows else st.query_params.get("article", "")
keep_in_url("article", wanted)
match = v.articles[v.articles["article_id"] == wanted]
if match.empty:
    if wanted:
        st.warning(f"No article with id {as_text(wanted)} in the store.")
    st.stop()

article = match.iloc[0]
facts = article_facts(v, article["article_id"])
st.header(as_text(article["title"]))
meta = [article["source"], article["published"] and f"published {article['published']} ({article['published_source']})",
        article["author"], f"{article['words']} words", f"file {article['origin']}",
        "untitled: the title shown is derived" if not article["stored_title"] else ""]
st.caption(as_text(" · ".join(m for m in meta if m)))
if safe_url(article["url"]):
    st.link_button("Original article", safe_url(article["url"]))
if article.get("outlets", 1) > 1:
    others = copies_of(v.articles, article["article_id"])
    st.markdown(f"**{article['outlets']} outlets**: " + as_text(
        f"{', '.join(article['outlet_names'])}. " + ("A syndicated copy: its meetings, and the quotes it "
                                                      "shares, are counted from the first one stored."
                                                      if article["duplicate_of"]
                                                      else "The copies' meetings and shared quotes are counted here.")))
    st.dataframe(others[["published", "source", "title", "origin"]], hide_index=True, width="stretch")

st.subheader("Text")
evidence = evidence_of(facts)
legend = " ".join(f'<mark class="{k.replace(".", " ")}">evidence of {what}</mark>'
                  for k, (_, what) in MARKS.items())
st.html(f'<style>{STYLE}</style><div class="article-text">Highlighted: {legend}</div>')
# highlight() escapes the article first, so nothing in it can render as HTML
st.html(f'<style>{STYLE}</style><div class="article-text">'
        f'{highlight(article_text(v, article["article_id"]), evidence)}</div>')

st.subheader("Facts")
wide = {"participants": st.column_config.ListColumn("Participants", width="medium"),
        "text": st.column_config.TextColumn("Quote text", width="large"),
        "evidence": st.column_config.TextColumn("Evidence", width="large")}
for table, title, cols in (
        ("meetings", "Meetings", ["date", "participants", "location", "mode", "status", "evidence", "corrected"]),
        ("quotes", "Quotes", ["speaker", "text", "kind", "evidence", "corrected"]),
        ("tags", "Issues", ["label", "hits", "evidence"])):
    frame = in_words(facts[table][cols])
    if table == "meetings":  # the evidence sentences as text, not a row of chips
        frame = frame.assign(evidence=frame["evidence"].map(" ".join))
    st.markdown(f"**{title}** ({len(frame)})")
    if len(frame):
        # full width, under the text: a side column would cut the columns off
        st.dataframe(frame, hide_index=True, width="stretch",
                     column_config=column_config(table, frame, {k: c for k, c in wide.items() if k in cols}))
st.markdown(f"**What loading and cleaning removed** ({len(article['removed'])})")
for item in article["removed"]:
    st.text(item)

correct_article(store, article, facts, article_text(v, article["article_id"]), v.meetings)
