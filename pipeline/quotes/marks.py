"""Pairing quotation marks in running text without trusting them to balance.

Curly double marks and guillemets are unambiguous; straight double marks open after a space
and close before one; single marks (curly or straight) double as apostrophes,
so a closing single mark must not be followed by a letter ("China’s") and a
plural possessive ("ministers’ talks") yields to a later closer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile(r"[“”„\"‘’']")
# guillemets as the curly marks the pairing reads, offsets kept: a French space inside the marks
# moves outside them ("« A »" -> " “A” ")
_GUILLEMETS = (("« ", " “"), (" »", "” "), ("‹ ", " ‘"), (" ›", "’ "))
_GUILLEMET_MARKS = str.maketrans("«»‹›", "“”‘’")


def guillemets_as_curly(text: str) -> str:
    """The text with «…» and ‹…› written as “…” and ‘…’, every character where it was."""
    if "«" not in text and "‹" not in text:
        return text
    for spaced, curly in _GUILLEMETS:
        text = text.replace(spaced, curly)
    return text.translate(_GUILLEMET_MARKS)


def _apostrophe(para: str, i: int) -> bool:
    """A mark between two letters ("China’s", "don't") is an apostrophe, never a quotation mark."""
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if para[i] == "’":
        return after.isalnum()
    return after.isalnum() == before.isalnum() and before.isalnum() or not (after.isalnum() or before.isalnum() or before in ".,!?")


@dataclass
class QuoteSpan:
    open: int          # offset of the opening mark (or of the paragraph start when it is missing)
    close: int         # offset of the closing mark (paragraph end when unclosed)
    paragraph: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _role(text: str, i: int, ch: str) -> str:
    """'open', 'close' or 'either' for the mark at `i`."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“„‘":
        return "open"
    if ch in "”’":
        return "close"
    opens = before.isspace() or before in "([{—–-/" or i == 0
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == len(text))
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _closes_like(text: str, i: int) -> bool:
    """A mark after a word and before a space, punctuation or the end sits where a closing mark goes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in "([{—–-/" and (after.isspace() or after in ".,;:!?)]}—–")


def _family(ch: str) -> str:
    return "d" if ch in "“”„\"" else "s"


def _possessive(text: str, i: int) -> bool:
    """"the ministers’ talks": an apostrophe after a plural, followed by a lower-case word."""
    return text[i - 1:i] == "s" and bool(re.match(r"\s[a-z]", text[i + 1:i + 3]))


def quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted stretches of `text`, paragraph by paragraph (paragraphs are split on newlines)."""
    spans: list[QuoteSpan] = []
    pos = 0
    for p_idx, para in enumerate(text.split("\n")):
        marks = [(m.start(), m.group(0)) for m in _MARKS.finditer(para)
                 if m.group(0) not in "’'" or not _apostrophe(para, m.start())]
        open_at, fam = -1, ""
        for k, (i, ch) in enumerate(marks):
            role = _role(para, i, ch)
            if open_at < 0:
                if role in ("open", "either") and i + 1 < len(para) and not para[i + 1].isspace():
                    open_at, fam = i, _family(ch)
                continue
            if _family(ch) != fam:
                continue
            if role == "open" and _closes_like(para, i):
                role = "close"  # “...“: an opening mark used for both ends, placed where a closer goes
            if role in ("close", "either"):
                if fam == "s" and _possessive(para, i) and any(
                        _family(c) == "s" and _role(para, j, c) == "close" and not _possessive(para, j)
                        for j, c in marks[k + 1:]):
                    continue
                spans.append(QuoteSpan(pos + open_at, pos + i, p_idx, True))
                open_at = -1
            elif role == "open":
                open_at = i  # a second opening mark: the first one never closed
        if open_at >= 0:
            spans.append(QuoteSpan(pos + open_at, pos + len(para), p_idx, False))
        pos += len(para) + 1
    return spans
