"""The filters every page shares, kept in the URL so a view can be shared as a link."""
from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.data import FILTERS_KEY, current_lexicon
from dashboard.url import BOUNCES, PAGE, start_run, url_params, write_params
from pipeline.errors import TradeTalksError
from pipeline.query.pickers import MODE_WORDS, STATUS_WORDS, person_labels, word_for
from pipeline.query.views import ANY, BETWEEN, MATCHES, Filters, Views

EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)
# widget key (also the query parameter) -> (label, option list in Views.options())
CHOICES = {
    "people": ("People", "people"),
    "countries": ("Countries", "countries"),
    "issues": ("Issues", "tags"),
    "mode": ("Meeting mode", "modes"),
    "status": ("Meeting status", "statuses"),
    "source": ("Source", "sources"),
}
KEYS = ("from", "to", *CHOICES, "match", "q")
MATCH_WORDS = {ANY: "Any of them", BETWEEN: "Between them"}


def _clear() -> None:
    for key in KEYS:
        if key in st.session_state:
            st.session_state[key] = {"from": None, "to": None, "q": "", "match": ANY}.get(key, [])


def _keep_known(key: str, options: list[str]) -> None:
    """Drop chosen values the store no longer has (another store, a stale link)."""
    chosen = st.session_state.get(key)
    if chosen and any(c not in options for c in chosen):
        st.session_state[key] = [c for c in chosen if c in options]


def _day(text: str) -> date | None:
    try:
        return max(EARLIEST, min(LATEST, date.fromisoformat(text)))
    except ValueError:
        return None


def _from_url(params: dict[str, list[str]], options: dict[str, list[str]]) -> None:
    """Set every filter widget to what the URL says (absent: no filter)."""
    def first(key: str) -> str:
        return (params.get(key) or [""])[0]
    st.session_state["from"], st.session_state["to"] = _day(first("from")), _day(first("to"))
    st.session_state["q"] = first("q")
    st.session_state["match"] = first("match") if first("match") in MATCHES else ANY
    for key, (_, source) in CHOICES.items():
        st.session_state[key] = [v for v in params.get(key, []) if v in options[source]]


def _to_url(f: Filters, chosen: dict[str, list[str]]) -> dict[str, list[str]]:
    return {"from": [f.start], "to": [f.end], "q": [f.search], **chosen,
            "match": [f.match] if f.match != ANY else []}


def _labels(v: Views, options: dict[str, list[str]]) -> dict:
    try:
        lexicon = current_lexicon()
    except TradeTalksError:   # a broken data folder: people are still listed, by their stored names
        lexicon = None
    people = person_labels(options["people"], lexicon)
    return {"people": lambda p: people.get(p, p), "issues": lambda t: v.labels.get(t, t),
            "mode": lambda m: word_for(m, MODE_WORDS), "status": lambda s: word_for(s, STATUS_WORDS)}


def _restore(page: str, options: dict[str, list[str]]) -> None:
    """On a first visit or Back/Forward: the view from the URL. A page opened from the menu
    drops the filters from its first history entry; going back to that entry keeps them."""
    params = url_params(KEYS)
    if not params and page in st.session_state.get(BOUNCES, {}):
        params = st.session_state[BOUNCES][page]
    _from_url(params, options)


def sidebar_filters(v: Views, page: str = "") -> Filters:
    """Render the shared filters in the sidebar; the chosen Filters are also kept for the pages.

    `page` is the shown page's path, to tell a page opened from the menu from a change of filter.
    """
    options = v.options()
    opened = st.session_state.get(PAGE, page) != page   # a page opened from the menu (or by Back)
    st.session_state[PAGE] = page
    restoring = start_run()
    if restoring:
        _restore(page, options)
    labels = _labels(v, options)
    with st.sidebar:
        st.header("Filters")
        low, high = (date.fromisoformat(d) for d in options["dates"]) if options["dates"] else (None, None)
        start = st.date_input("From", value=None, min_value=EARLIEST, max_value=LATEST, key="from",
                              help=f"Articles run from {low} to {high}" if low else None)
        end = st.date_input("To", value=None, min_value=EARLIEST, max_value=LATEST, key="to")
        chosen = {}
        for key, (label, source) in CHOICES.items():
            _keep_known(key, options[source])
            chosen[key] = st.multiselect(label, options[source], key=key, format_func=labels.get(key, str),
                                         placeholder="All")
            if key == "countries":
                st.session_state.setdefault("match", ANY)
                st.radio("Meetings of the chosen people and countries", MATCHES, key="match", horizontal=True,
                         format_func=MATCH_WORDS.get,
                         help="Any of them: a meeting with at least one of each. Between them: a meeting "
                              "every chosen person and country took part in.")
        search = st.text_input("Search text", key="q", placeholder="words in titles, quotes, evidence")
        st.button("Clear filters", on_click=_clear)
        if start and end and start > end:
            st.warning("'From' is after 'To': nothing can match.")
    filters = Filters(
        start=start.isoformat() if start else "", end=end.isoformat() if end else "",
        people=tuple(chosen["people"]), countries=tuple(chosen["countries"]),
        tags=tuple(chosen["issues"]), modes=tuple(chosen["mode"]), statuses=tuple(chosen["status"]),
        sources=tuple(chosen["source"]), search=(search or "").strip(), match=st.session_state["match"])
    wanted = {k: [x for x in values if x] for k, values in _to_url(filters, chosen).items()}
    if opened and not restoring and not url_params(KEYS):
        # the menu opened this page without the filters: remember them for Back to this entry
        st.session_state.setdefault(BOUNCES, {})[page] = {k: x for k, x in wanted.items() if x}
    write_params(wanted, KEYS)
    st.session_state[FILTERS_KEY] = filters
    return filters


def choose_issue(tag: str) -> None:
    """A callback: filter every page by one issue."""
    st.session_state["issues"] = [tag]
