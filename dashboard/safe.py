"""Text from the files, shown as text: never as Markdown, HTML or a link that is not http(s).

Streamlit renders the body of `st.markdown`, `st.header`, `st.caption`, `st.error` and the
like as Markdown, with its own additions (`:red[...]`, `:material/icon:`, emoji shortcodes,
`$...$` LaTeX). An uploaded title `![x](http://host/p)` would otherwise make every reader's
browser fetch that address, and `[x](data:...)` would become a link. `as_text` is how a value
from a file (a title, source, file name, a message naming one) goes into such an element.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# every ASCII punctuation mark: CommonMark lets a backslash make each one literal, which stops
# images, links, emphasis, HTML, tables, lists, headings, math and Streamlit's directives
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# what the renderer rewrites in the text it has already parsed, where a backslash no longer
# counts: bare web and e-mail addresses become links, ":streamlit:" a logo. A word joiner
# (zero-width, invisible) after the colon, the "www" or the "@" keeps them apart.
_AFTER_PARSING = re.compile(r"(\\:)(?=\\?[A-Za-z/])|(?i:\b(www))(?=\\\.)|(\\@)")
WORD_JOINER = "\u2060"


def as_text(value: object) -> str:
    """`value` as Markdown that renders as exactly its text (runs of white space as one space)."""
    text = _PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))
    return _AFTER_PARSING.sub(lambda m: m.group(0) + WORD_JOINER, text)


def safe_url(url: object) -> str:
    """`url` if it is an absolute http(s) address, else "": only those may become links."""
    text = str(url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    if any(ch.isspace() or ord(ch) < 32 or ch == "\x7f" for ch in text):
        return ""
    return text
