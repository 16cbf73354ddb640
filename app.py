"""Trade Talks Monitor: the pages, and the filters they share.

    streamlit run app.py -- --store DIR --data DIR

`--store` is the store to read and fill, `--data` the data folder uploads are
processed with (both default as on the command line; `dashboard/state.py`
reads them, or TTM_STORE and TTM_DATA).

The page scripts live in app_pages/, not pages/: Streamlit treats a folder
named pages/ next to the entry point as the older multipage layout, which
runs a page without this script (and so without the shared sidebar).
"""
from __future__ import annotations

import streamlit as st

from dashboard.data import current_views
from dashboard.sidebar import sidebar_filters
from dashboard.watch import save_form

# an emoji icon is drawn in the page itself; without one, the browser fetches the default
# page's Material icon from a font host on every visit
st.set_page_config(page_title="Trade Talks Monitor", page_icon="📰", layout="wide")
pages = [
    st.Page("app_pages/overview.py", title="Overview & upload", icon=":material/home:", default=True),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("app_pages/counterparts.py", title="Counterparts", icon=":material/handshake:"),
    st.Page("app_pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("app_pages/issues.py", title="Issues", icon=":material/label:"),
    st.Page("app_pages/brief.py", title="Brief", icon=":material/summarize:"),
    st.Page("app_pages/articles.py", title="Articles", icon=":material/article:"),
    st.Page("app_pages/corrections.py", title="Corrections", icon=":material/edit_note:"),
    st.Page("app_pages/taxonomy.py", title="Taxonomy", icon=":material/sell:"),
    st.Page("app_pages/people.py", title="People", icon=":material/groups:"),
    st.Page("app_pages/watchlists.py", title="Watchlists", icon=":material/visibility:"),
]
page = st.navigation(pages)
# Rendered here, before the page, so the filters stay put when the page changes.
store, views = current_views()
if not store.is_empty():
    sidebar_filters(views, page.url_path)
    save_form()
page.run()
