"""One calendar: month and weekday names, number words, and the regex pieces made from them.

The words are data (`date_patterns.json`: months, weekdays, numbers); every step that
reads a date, a dateline or a "three days ago" takes them from here, built once per
lexicon with `lexicon.compiled(Calendar)`.
"""
from __future__ import annotations

import re
from datetime import date

from pipeline.text.alternation import trie_alternation

YEAR = r"(?:19|20)\d\d"
ORDINAL = r"(?:st|nd|rd|th)?"
LEAP_YEAR = 2000   # a year in which every month-day that exists at all exists


class Calendar:
    def __init__(self, lexicon):
        data = lexicon.data("date_patterns.json")
        self.months: dict[str, int] = dict(data["months"])         # "sept" -> 9
        self.weekdays: dict[str, int] = dict(data["weekdays"])     # "monday" -> 0
        self.numbers: dict[str, int] = dict(data["numbers"])       # "two" -> 2
        # the full names: a word that is no abbreviation of a longer name of the same month
        self.full_months = frozenset(
            w for w, n in self.months.items()
            if not any(o != w and o.startswith(w) and self.months[o] == n for o in self.months))
        # month names and their abbreviations, lower-case: "sept", "september", "sep."
        self.month = trie_alternation(self.months)
        self.full_month = trie_alternation(self.full_months)
        self.weekday = trie_alternation(self.weekdays)
        # abbreviated weekdays too ("Tue", "Thurs"): any prefix of three letters or more
        self.weekday_short = trie_alternation(
            {name[:n] for name in self.weekdays for n in range(3, len(name) + 1)})
        self.number = trie_alternation(self.numbers)

    def month_number(self, word: str) -> int | None:
        """1-12 for a month name or abbreviation in any case, with or without a dot."""
        return self.months.get(word.lower().rstrip("."))

    def weekday_number(self, word: str) -> int | None:
        """0 (Monday) to 6 for a weekday name or an abbreviation of three letters or more."""
        low = word.lower().rstrip(".")
        if len(low) < 3:
            return None
        return next((n for name, n in self.weekdays.items() if name.startswith(low)), None)

    def is_name(self, word: str) -> bool:
        """Whether a word is a weekday or the full name of a month ("March", not "Mar")."""
        low = word.lower()
        return low in self.weekdays or low in self.full_months

    def month_day(self, tag: str = "", year: str = r"\d{4}", year_needed: bool = False) -> str:
        """A regex for "November 2", "Nov. 2nd", "2 November", "2nd of Nov." with an optional
        year after a space or a comma ("November 2, 2025", "2 Nov 2025"), or a required one with
        `year_needed`; month names match in any case. Its groups are named after `tag`, so that
        one pattern may hold several; `read_month_day` reads them."""
        mon = rf"(?i:{self.month})\b\.?"
        return (rf"(?:(?P<{tag}m>{mon})\s+(?P<{tag}d>\d{{1,2}}){ORDINAL}\b"
                rf"|(?P<{tag}d2>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<{tag}m2>{mon}))"
                rf"(?:,?\s+(?P<{tag}y>{year})\b){'' if year_needed else '?'}")

    def read_month_day(self, m: re.Match, tag: str = "") -> tuple[int, int, int | None] | None:
        """(month, day, year or None) of a `month_day` match; None when the day does not exist
        in that month (or, without a year, in any year: "February 30")."""
        if m[tag + "m"]:
            month, day = self.month_number(m[tag + "m"]), int(m[tag + "d"])
        else:
            month, day = self.month_number(m[tag + "m2"]), int(m[tag + "d2"])
        year = int(m[tag + "y"]) if m[tag + "y"] else None
        if safe_date(year or LEAP_YEAR, month, day) is None:
            return None
        return month, day, year


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None where the day does not exist (31 June)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
