"""The temporal-expression grammar: one regex of phrase forms and the word sets that steer the
scan, composed from `date_patterns.json` and built once per lexicon (`lexicon.compiled`)."""
from __future__ import annotations

import re
from datetime import date

from pipeline.text.alternation import trie_alternation
from pipeline.text.calendar import ORDINAL, YEAR, Calendar

UNITS = ("day", "week", "month", "year")   # what "three days ago" counts in
FIRST_YEAR, LAST_YEAR = 1900, 2099         # the years YEAR matches: each is a keyword of the scan
DAY_ORDINALS = {d: f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"
                for d in range(1, 32)}    # "the 12th", "the 22nd": a day of a month the reader knows
RANGE_WORDS = ("and", "to")              # "2 and 3 March", "2 to 4 March": days of one span, dated by the first
RESOLVE_CACHE = 65536                      # phrases resolved per lexicon before the cache starts over


def _words(phrases) -> set[str]:
    return {w for p in phrases for w in p.split()}


class ExpressionGrammar:
    """Regexes and word sets of the expression finder, and a cache of resolved phrases."""

    def __init__(self, lexicon):
        data = lexicon.data("date_patterns.json")
        cal = self.calendar = lexicon.compiled(Calendar)
        self.months, self.weekdays, self.numbers = cal.months, cal.weekdays, cal.numbers
        self.relative: dict[str, tuple[str, int]] = {k: tuple(v) for k, v in data["relative"].items()}
        self.prepositions = frozenset(data["prepositions"])
        # "Tuesday last week": the relative phrases of a week place a weekday in it
        self.weeks = {p: n for p, (unit, n) in self.relative.items() if unit == "week"}
        # "the 3rd of next month": the relative phrases of a month that name one month place an ordinal day in it
        self.month_shifts = {p: n for p, (unit, n) in self.relative.items() if unit == "month" and len(p.split()) == 2}
        self.future_cues = frozenset(data["future_cues"])
        self.until_words = frozenset(data["until_words"])
        self.ordinal_followers = frozenset(data["ordinal_followers"])
        self.grammar = "|".join([
            rf"(?P<WD>(?:(?P<wmod>{trie_alternation(data['weekday_modifiers'])}) )?(?P<wd>{cal.weekday})\b"
            rf"(?: (?P<wpart>{trie_alternation(data['parts_of_day'])})\b)?"
            rf"(?: (?:of )?(?P<wweek>{trie_alternation(self.weeks)})\b)?"
            rf"(?:,? \((?P<P>{self._month_day('p')})\)|,? (?P<C>{self._month_day('c')}))?)",
            rf"(?P<ISO>(?P<isoy>{YEAR})-(?P<isom>\d\d)-(?P<isod>\d\d))\b",
            rf"(?P<NUM>(?P<na>\d{{1,2}})(?P<nsep>[/.])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>{YEAR}))\b",
            rf"(?P<MD>{self._month_day('s')})",
            rf"(?P<ORD>the (?P<od>{'|'.join(sorted(DAY_ORDINALS.values(), key=len, reverse=True))})"
            rf"(?: of (?P<omon>{trie_alternation(self.month_shifts)}))?)\b",
            rf"(?P<MY>(?P<mym>{cal.month})\b\.?,? (?P<myy>{YEAR}))\b",
            rf"(?P<AGO>(?P<agon>\d{{1,2}}|{cal.number}) (?P<agou>{'|'.join(UNITS)})s? ago)\b",
            rf"(?P<REL>{trie_alternation(self.relative)})\b",
            rf"(?P<BM>(?:(?P<bmod>{trie_alternation(data['month_modifiers'])})[ -])?(?P<bm>{cal.full_month}))\b",
            rf"(?P<YR>(?:(?P<ymod>{trie_alternation(data['year_modifiers'])})[ -])?(?P<yr>{YEAR}))\b",
        ])
        self.phrase = re.compile(self.grammar)
        self.phrase_full = re.compile(rf"(?:(?:{trie_alternation(self.prepositions)}) )?(?:{self.grammar})")
        # the scan stops at these words: calendar names, years, units and parts of the day, and
        # the last word of each relative phrase ("in the coming days", "in the near future")
        units = set(UNITS) | {u + "s" for u in UNITS} | set(data["parts_of_day"])
        units |= {p.split()[-1] for p in self.relative}
        self.keywords = frozenset(w.encode() for w in set(self.months) | set(self.weekdays) | units
                                  | set(DAY_ORDINALS.values())) | frozenset(
            str(y).encode() for y in range(FIRST_YEAR, LAST_YEAR + 1))
        # keywords that never open a phrase: "week" only ends "last week"
        self.never_first = frozenset(units - {p.split()[0] for p in self.relative})
        # words that may open a phrase before its keyword: "last", "in the coming", "2 of", "two", "the 12th"
        self.lead_words = frozenset({"the"} | set(RANGE_WORDS) |
            _words(data["weekday_modifiers"]) | _words(data["month_modifiers"]) | _words(data["year_modifiers"])
            | _words(self.prepositions) | set(self.numbers) | {w for p in self.relative for w in p.split()[:-1]})
        self.cues = re.compile(r"\b(" + trie_alternation(self.future_cues | frozenset(data["past_cues"])) + r")\b")
        self.resolved: dict[tuple[str, date | None, bool], tuple[date | None, str]] = {}

    def _month_day(self, p: str) -> str:
        """Month-day with an optional year, or a span of days before the month ("3-5 March", "3 and 4
        March", "3 to 5 March", dated by its first); group names carry prefix p so the grammar can embed it
        several times. Single spaces: the finder reads text whose odd spaces became plain ones."""
        mon = self.calendar.month
        return (rf"(?:(?P<{p}m>{mon})\b\.? (?P<{p}d>\d{{1,2}}){ORDINAL}\b(?:,? (?P<{p}y>{YEAR})\b)?"
                rf"|(?:(?P<{p}r>\d{{1,2}}){ORDINAL}(?: ?[-\u2013] ?| (?:{'|'.join(RANGE_WORDS)}) ))?(?P<{p}d2>\d{{1,2}}){ORDINAL} (?:of )?(?P<{p}m2>{mon})\b(?:\.?,? (?P<{p}y2>{YEAR})\b)?)")

    def remember(self, key: tuple[str, date | None, bool], value: tuple[date | None, str]) -> None:
        if len(self.resolved) >= RESOLVE_CACHE:
            self.resolved.clear()
        self.resolved[key] = value
