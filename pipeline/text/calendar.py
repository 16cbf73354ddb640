"""One calendar: month and weekday names, number words, and the regex pieces made from them.

The words are data (`date_patterns.json`: months, weekdays, numbers); every step that
reads a date, a dateline or a "three days ago" takes them from here, built once per
lexicon with `lexicon.compiled(Calendar)`.
"""
from __future__ import annotations

from datetime import date

from pipeline.text.alternation import trie_alternation

YEAR = r"(?:19|20)\d\d"
ORDINAL = r"(?:st|nd|rd|th)?"


class Calendar:
    def __init__(self, lexicon):
        data = lexicon.data("date_patterns.json")
        self.months: dict[str, int] = dict(data["months"])         # "sept" -> 9
        self.weekdays: dict[str, int] = dict(data["weekdays"])     # "monday" -> 0
        self.numbers: dict[str, int] = dict(data["numbers"])       # "two" -> 2
        # month names and their abbreviations, lower-case: "sept", "september", "sep."
        self.month = trie_alternation(self.months)
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


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None where the day does not exist (31 June)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
