"""Datelines: where, and often when, a story was filed, as its first words say.

    BEIJING, Nov 2 (Reuters) -        TOKYO (Kyodo) --          New Delhi: ...
    Seoul, Mar 30: ...                GYEONGJU, South Korea (AP) —
    TOKYO, March 3, 2025 - ...        DETROIT, the United States, May 26 (Xinhua) --
    WASHINGTON – March 3, 2026 – ...  Washington, D.C. (March 3, 2026) – ...

A dateline is a place, then optionally a region (", South Korea"), a month-day with an
optional year (either order) after a comma, or a full date after a dash or in brackets (a release's), an agency in parentheses, and a dash, double dash, en or em
dash, or colon before the story begins. How much of that a line needs depends on the place:
- a date or an agency makes any capitalised place a dateline ("Tokyo, June 15 (Jiji Press)--");
- without either, a place in capitals needs a dash or colon ("WASHINGTON -", "NEW DELHI:"),
  a place in Title case a colon ("New Delhi:").
A story label ("BREAKING:", "ANALYSIS -", "(File)"), a weekday or month name ("Monday:"),
a sentence ("Officials said, March 3 ...") and a speaker before a quotation
("Zhou Ming: 'We will ...'") are never datelines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.calendar import Calendar

MAX_PLACE_WORDS = 4     # "Rio de Janeiro", "Bandar Seri Begawan"; a longer capitalised run is a headline
MAX_REGION_WORDS = 3    # "South Korea", "the United States", "D.C."
MAX_AGENCY = 40         # "(Jiji Press)", "(Reuters)"; a longer parenthesis is a remark or a caption
MIN_CAPS_LETTERS = 3    # "ROME -", "NEW DELHI:"; "US:" or "UN -" are abbreviations, not datelines
_QUOTES = "\"“‘'«"      # a colon before a quotation introduces a speaker, not a story

_LETTERS = r"[^\W\d_]+"
_WORD = rf"{_LETTERS}(?:[.'’-]{_LETTERS})*\.?"     # "Xi'an", "St.", "D.C.", "Bogotá", "Hong-Kong"
# a hyphen needs a space beside it, or a closing parenthesis or a digit before it ("(AP)-", "3-"),
# so that "TOKYO-based" is one word; the other marks may touch the story ("(Jiji Press)--Japanese")
_SEPARATOR = r"(?P<sep>\s*(?:--|[–—])|\s*-(?=\s)|\s+-|(?<=[)\d])-|\s*:(?=\s|$)|(?=\s*$))\s*"


@dataclass(frozen=True)
class Dateline:
    place: str                # as written: "BEIJING", "New Delhi"
    region: str               # "South Korea", "" when none
    month: int | None         # the dateline's month-day, when it has one
    day: int | None
    year: int | None
    agency: str               # "Reuters", "" when none
    end: int                  # offset where the story begins, after the mark and its spaces


class DatelineGrammar:
    """The dateline pattern and its word checks, built once per lexicon (`lexicon.compiled`)."""

    def __init__(self, lexicon):
        data = lexicon.data("date_patterns.json")
        self.calendar = lexicon.compiled(Calendar)
        self.labels = frozenset(w.lower() for w in data["dateline_labels"])
        self.particles = frozenset(data["place_particles"])
        self.pattern = re.compile(
            rf"(?P<place>{_WORD}(?: {_WORD}){{0,{MAX_PLACE_WORDS - 1}}})"
            rf"(?:,\s*(?:the\s+)?(?P<region>{_WORD}(?: {_WORD}){{0,{MAX_REGION_WORDS - 1}}})"
            rf"(?=\s*[,(:–—-]|\s*$))?"
            rf"(?:,\s*(?P<date>{self.calendar.month_day()})"
            # a release's "WASHINGTON – March 3, 2026 –", "Washington, D.C. (March 3, 2026) –": a full date after a dash or in brackets
            rf"|\s*(?:(?:--|[–—])\s*|\s-\s+)(?P<rdate>{self.calendar.month_day('r', year_needed=True)})"
            rf"|\s*\((?P<bdate>{self.calendar.month_day('b', year_needed=True)})\))?"
            rf"(?:\s*\((?P<agency>[^()\n]{{1,{MAX_AGENCY}}})\))?"
            + _SEPARATOR)
        self._first_word = re.compile(_LETTERS)

    def parse(self, text: str, pos: int = 0, endpos: int | None = None) -> Dateline | None:
        """The dateline opening `text` at `pos` (reading no further than `endpos`), or None."""
        endpos = len(text) if endpos is None else endpos
        if pos >= endpos or not text[pos].isupper():
            return None
        m = self.pattern.match(text, pos, endpos)
        if m is None:
            return None
        place, region, agency = m["place"], m["region"] or "", (m["agency"] or "").strip()
        tag = "" if m["date"] else "r" if m["rdate"] else "b" if m["bdate"] else None
        day = self.calendar.read_month_day(m, tag) if tag is not None else None
        if tag is not None and day is None:
            return None         # "Feb 30": not a date, so not a dateline either
        if not (self._capitalised(place) and (not region or self._capitalised(region))):
            return None
        words = [w.lower().rstrip(".") for w in place.split(" ")]
        if any(w in self.labels or self.calendar.is_name(w) for w in words):
            return None
        if agency and not (agency[0].isupper() and self._agency_ok(agency)):
            return None
        if not (day or agency) and not self._bare_place_ok(place, m, text, endpos):
            return None
        month, dd, year = day if day else (None, None, None)
        return Dateline(place, region, month, dd, year, agency, m.end())

    def _capitalised(self, words: str) -> bool:
        """Every word capitalised, but for a particle inside ("Rio de Janeiro")."""
        parts = words.split(" ")
        return all(w[0].isupper() or (0 < i < len(parts) - 1 and w in self.particles)
                   for i, w in enumerate(parts))

    def _agency_ok(self, agency: str) -> bool:
        """An agency, not a photo caption's "(L)" or "(File)"."""
        first = self._first_word.match(agency)
        return bool(first) and first.group().lower() not in self.labels

    def _bare_place_ok(self, place: str, m: re.Match, text: str, endpos: int) -> bool:
        """A place with neither date nor agency: in capitals before a mark, or in Title case
        before a colon; and a story, not a quotation, after it."""
        sep = m["sep"].strip()
        if not sep:
            return False
        if place.isupper():
            if sum(c.isalpha() for c in place) < MIN_CAPS_LETTERS:
                return False
        elif sep != ":":
            return False
        return m.end() < endpos and text[m.end()] not in _QUOTES


def parse_dateline(text: str, lexicon, pos: int = 0, endpos: int | None = None) -> Dateline | None:
    """The dateline opening `text` at `pos`, or None; see `DatelineGrammar`."""
    return lexicon.compiled(DatelineGrammar).parse(text, pos, endpos)
