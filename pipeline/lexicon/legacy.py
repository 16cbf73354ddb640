"""Transitional module-level access to one current lexicon; stages move to the `Lexicon` they receive.

Nothing here reads a file at import: the current lexicon is loaded on first use.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from pipeline.lexicon.files import split_list  # noqa: F401  (re-exported)
from pipeline.lexicon.lexicon import DEFAULT_DATA, FAMILY_FIRST, Lexicon, Person, Scan  # noqa: F401
from pipeline.lexicon.phrases import Entry, PhraseMatcher, case_of, case_ok, compile_phrases, normalise  # noqa: F401

_current: list[Lexicon] = []
_on_reload: list = []


def current() -> Lexicon:
    if not _current:
        _current.append(Lexicon.load(DEFAULT_DATA))
    return _current[0]


def use(lexicon: Lexicon) -> None:
    """Make `lexicon` the current one (what `process_article` does for the steps not yet converted)."""
    if not _current or _current[0] is not lexicon:
        _current[:] = [lexicon]
        for forget in _on_reload:
            forget()


def people(): return current().people
def people_index(): return current().people_index
def people_by_canonical(): return current().people_by_canonical
def surname_index(): return current().surname_index
def countries(): return current().countries
def taxonomy(): return current().taxonomy
def entity_matcher(): return current().entity_matcher
def gazetteer(): return current().gazetteer
def scan(text: str) -> Scan: return current().scan(text)
def name_stopwords(): return current().name_stopwords
def common_surnames(): return current().common_surnames


def on_reload(forget) -> None:
    _on_reload.append(forget)


def reload() -> None:
    _current.clear()
    for forget in _on_reload:
        forget()


@contextmanager
def data_dir(path: Path | str):
    """Read the lexicons from another folder inside the block (an edited copy, a test)."""
    old = list(_current)
    use(Lexicon.load(path))
    try:
        yield
    finally:
        _current[:] = old
        for forget in _on_reload:
            forget()
DATA_DIR = DEFAULT_DATA
