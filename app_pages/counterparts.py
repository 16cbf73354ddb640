"""Who meets whom: meetings per pair of people or countries as an adjacency matrix, and a
chosen pair's negotiation track (its meetings, oldest first, and its quotes about each other)."""
from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard.charts import heatmap
from dashboard.data import current_filters, current_lexicon, data_page
from dashboard.safe import as_text, safe_url
from dashboard.url import page_choice, restoring, url_values, write_params
from dashboard.widgets import show_table
from pipeline.errors import TradeTalksError
from pipeline.query.counterparts import (matrix, network, other_names, pair_quotes, pair_track, reporting_articles,
                                         with_sources)
from pipeline.query.views import BETWEEN, filter_meetings, filter_quotes, memoised

TOP = 25               # sides in the matrix
LISTED = 2_000         # pairs in the picker
TABLE_ROWS = 2_000
BY_KEY, PAIR_KEY = "counterparts_by", "counterparts_pair"
SEP = "\t"             # between the two sides of a pair's key
SIDE = {"countries": "country", "people": "person"}


def _clicked(chart_key: str) -> None:
    """A click on a cell picks its pair."""
    cells = st.session_state[chart_key].selection.get("pair_cell") or []
    if cells:
        st.session_state[PAIR_KEY] = SEP.join(sorted((cells[0]["a"], cells[0]["b"])))


def _between(a: str, b: str, by: str) -> None:
    """The pair becomes the sidebar's people (or countries) filter, matched 'Between them'."""
    other = "countries" if by == "people" else "people"
    st.session_state[by], st.session_state[other] = [a, b], []
    st.session_state["match"] = BETWEEN
    st.session_state["timeline_rows"] = SIDE[by]


def _also(sides: list[str], by: str) -> dict[str, list[str]]:
    try:
        return other_names(current_lexicon(), sides, by)
    except TradeTalksError:   # a broken data folder: sides are found by their own names only
        return {}


v = data_page("Counterparts", "meetings", "meetings")
f = current_filters()
meetings = filter_meetings(v, f)

page_choice(BY_KEY, "by", ["countries", "people"], "countries")
by = st.segmented_control("Who meets whom", ["countries", "people"], key=BY_KEY, required=True,
                          format_func=str.capitalize)
side = SIDE[by]
pairs, counts = memoised(v, ("counterparts", f, by), lambda: network(meetings, by))
if pairs.empty:
    st.info(f"No meeting of the filtered ones has two {by}.")
    write_params({}, ["pair"])
    st.stop()
keys = dict(zip(pairs["a"] + SEP + pairs["b"], pairs["meetings"]))

# the pair: a click, the picker, or (first visit, Back) the URL; gone when the filters drop it
if restoring() or PAIR_KEY not in st.session_state:
    wanted = SEP.join(sorted(url_values("pair")))
    st.session_state[PAIR_KEY] = wanted if len(url_values("pair")) == 2 else None
if st.session_state[PAIR_KEY] not in keys:
    st.session_state[PAIR_KEY] = None
chosen = st.session_state[PAIR_KEY]

top = counts.index[:TOP].tolist()
cells = matrix(pairs, top)
chart_key = f"counterparts_chart-{by}-{chosen}"   # a new pair from the picker clears the chart's click
st.altair_chart(heatmap(cells, "a", "b", f"Meetings per pair of {by}", side.capitalize(), side.capitalize(),
                        name="pair_cell", count="meetings", count_title="Meetings"),
                width="content", on_select=partial(_clicked, chart_key), key=chart_key)
st.caption(f"Each cell: the meetings the row's and the column's {side} both took part in; a meeting of "
           f"three gives three pairs. Click a cell to follow its pair. "
           + (f"Showing the {TOP} of {len(counts):,} {by} with most meetings; narrow the filters or pick "
              "any pair below to see others." if len(counts) > TOP else ""))

listed = list(keys)[:LISTED]
if chosen and chosen not in listed:
    listed.append(chosen)


def label(key: str) -> str:
    n = keys[key]
    return f"{key.replace(SEP, ' – ')} ({n:,} meeting{'s' if n != 1 else ''})"


st.selectbox("Pair (strongest first)", listed, key=PAIR_KEY, format_func=label, index=None,
             placeholder=f"Pick a pair of {by}",
             help=f"The {len(listed):,} pairs with most meetings" if len(keys) > LISTED else None)
chosen = st.session_state[PAIR_KEY]
write_params({"pair": chosen.split(SEP) if chosen else []}, ["pair"])
if not chosen:
    shown = pairs.head(TABLE_ROWS)
    more = f"; the first {TABLE_ROWS:,} shown." if len(pairs) > TABLE_ROWS else "."
    st.caption(f"{len(pairs):,} pairs, strongest first{more}")
    st.dataframe(shown, hide_index=True, column_config={"a": side.capitalize(), "b": "With",
                                                        "meetings": st.column_config.NumberColumn("Meetings")})
    st.stop()

a, b = chosen.split(SEP)
st.subheader(as_text(f"{a} – {b}"))
other = "people" if by == "countries" else "countries"
if st.button("Show only these two on the Timeline", on_click=_between, args=(a, b, by),
             help=f"Sets the sidebar's {by} to these two, matched 'Between them' (its {other} are cleared, "
                  "the other filters stay), and opens the Timeline."):
    st.switch_page("app_pages/timeline.py")

track = memoised(v, ("counterpart_track", f, by, chosen), lambda: with_sources(pair_track(meetings, a, b, by),
                                                                               v.articles))
st.markdown(f"**Meetings** ({len(track):,}), oldest first: a track reads forwards; undated ones last.")
table = track.assign(link="articles?article=" + track["first_article"], original=track["first_url"].map(safe_url))
show_table(table, "events",
           ["date", "date_precision", "location", "mode", "status", "announced_on", "occasion", "reports", "outlets",
            "outlet_names", "article_titles", "link", "original", "participants", "countries", "history", "evidence",
            "event_id", "article_ids"], limit=TABLE_ROWS, name="meetings",
           extra={"reports": st.column_config.NumberColumn("Articles", help="how many articles report it"),
                  "outlets": st.column_config.NumberColumn("Outlets", help="how many named outlets"),
                  "outlet_names": st.column_config.ListColumn("Sources"),
                  "article_titles": st.column_config.ListColumn("Reported in"),
                  "link": st.column_config.LinkColumn("Read", display_text="Open article"),
                  "original": st.column_config.LinkColumn("Original", display_text="Original article")})

quotes = memoised(v, ("counterpart_quotes", f, by, chosen),
                  lambda: pair_quotes(filter_quotes(v, f), a, b, by, _also([a, b], by)))
st.markdown(f"**Quotes about each other** ({len(quotes):,}): what one side said that names the other.")
st.caption(f"The speaker is one {side} ({'by name' if by == 'people' else 'by the speaker’s country'}); "
           f"the quoted words or their sentence name the other "
           + ("by full name, family or given name, or an alias." if by == "people"
              else "by name, another name or its adjective (Chinese)."))
if len(quotes):
    quotes = quotes.sort_values("date", kind="stable")
    show_table(quotes.assign(link="articles?article=" + quotes["article_id"]), "quotes",
               ["date", "speaker", "speaker_country", "text", "kind", "source", "title", "link", "evidence",
                "quote_id"], limit=TABLE_ROWS,
               extra={"text": st.column_config.TextColumn("Quote text", width="large"), "source": "Source",
                      "title": "Article title",
                      "link": st.column_config.LinkColumn("Read", display_text="Open article")})

articles = reporting_articles(track, v.articles)
st.markdown(f"**Articles reporting these meetings** ({len(articles):,}), in the track's order.")
if len(articles):
    articles = articles.assign(url=articles["url"].map(safe_url), link="articles?article=" + articles["article_id"])
    show_table(articles, "articles", ["published", "source", "title", "link", "url", "article_id"],
               limit=TABLE_ROWS, extra={"title": st.column_config.TextColumn("Title", width="large"),
                                        "link": st.column_config.LinkColumn("Read", display_text="Open article"),
                                        "url": st.column_config.LinkColumn("URL")})
