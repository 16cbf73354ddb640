"""The view in the URL, so a view can be shared as a link and Back undoes a change.

Widgets are not bound to query parameters: a bound widget's change replaces the
browser's history entry. Instead each run writes the parameters that changed in
one go, which Streamlit adds to the history as a new entry; a run started by Back
or Forward (or a first visit) reads the view from the URL instead. So no widget
may be bound (`bind="query-params"`): a page's own choice goes through `page_choice`.
"""
from __future__ import annotations

from collections.abc import Iterable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

SEEN = "url_seen"            # the session has run once: its widgets, not the URL, hold the view
RESTORING = "url_restoring"  # this run takes the view from the URL
BOUNCES = "url_bounces"      # page path -> the filters it had when the menu opened it
PAGE = "url_page"            # the page the last run showed


def start_run() -> bool:
    """Work out, once at the top of a run, whether this run takes the view from the URL."""
    ctx = get_script_run_ctx()
    restoring = SEEN not in st.session_state or bool(ctx is not None and ctx.is_history_navigation)
    st.session_state[SEEN] = True
    st.session_state[RESTORING] = restoring
    return restoring


def restoring() -> bool:
    return bool(st.session_state.get(RESTORING, True))


def url_values(key: str) -> list[str]:
    return st.query_params.get_all(key)


def url_params(keys: Iterable[str]) -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in keys if st.query_params.get_all(k)}


def write_params(wanted: dict[str, list[str]], keys: Iterable[str]) -> None:
    """Make the URL's `keys` say `wanted` (empty values left out), other parameters kept, in one write."""
    keys = set(keys)
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    new = {k: v for k, v in current.items() if k not in keys}
    new.update({k: [x for x in v if x] for k, v in wanted.items() if k in keys and any(v)})
    if new != current:
        st.query_params.from_dict(new)


def page_choice(key: str, param: str, options: list[str], default: str | list[str]) -> None:
    """Before a page's own widget `key` is drawn (one value when `default` is one, else a list):
    its value from the URL's `param` on a restoring run, else what the reader chose; the URL
    then says it (nothing when it is the default)."""
    single = isinstance(default, str)
    if restoring() or key not in st.session_state:
        chosen = [v for v in url_values(param) if v in options]
        st.session_state[key] = (chosen[0] if single else chosen) if chosen else default
    value = st.session_state[key]
    values = [value] if single else list(value or [])
    defaults = [default] if single else default
    write_params({param: values if sorted(values) != sorted(defaults) else []}, [param])


def keep_in_url(param: str, value: str) -> None:
    """The URL's `param` says `value` (absent when it is empty)."""
    write_params({param: [value]}, [param])
