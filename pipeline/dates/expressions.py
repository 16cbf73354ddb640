"""Temporal expressions resolved against the publication date.

One pass of a keyword regex (months, weekdays, "today", "week", years...)
over the lower-cased body finds the few places worth a closer look; at each,
one phrase grammar is tried from the keyword and from the modifier words just
before it ("last", "in the coming", "2 of"). The same grammar, anchored at
both ends, parses a phrase in `resolve_expression`, so finding and resolving
never disagree. Weekdays follow HeidelTime's news rules; see `_weekday`.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from pipeline.lexicon.lexicon import Lexicon
from pipeline.article import Article, TimeExpr
from pipeline.text.folding import fold, fold_aligned
from pipeline.text.sentences import sentence_spans
from pipeline.text.alternation import trie_alternation

_DATA = json.loads((Path(__file__).resolve().parents[2] / "data" / "date_patterns.json")
                   .read_text(encoding="utf-8"))
MONTHS: dict[str, int] = _DATA["months"]
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
NUMBERS: dict[str, int] = _DATA["numbers"]
RELATIVE: dict[str, tuple[str, int]] = {k: tuple(v) for k, v in _DATA["relative"].items()}
PREPOSITIONS = frozenset(_DATA["prepositions"])
FUTURE_CUES = frozenset(_DATA["future_cues"])
PRECISIONS = ("day", "week", "month", "year", "future", "unknown")




_MON = trie_alternation(MONTHS)
_FULL_MON = trie_alternation(m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july"))
_WD = trie_alternation(WEEKDAYS)
_YEAR = r"(?:19|20)\d\d"
_ORD = r"(?:st|nd|rd|th)?"
_NUM = trie_alternation(NUMBERS)


def _month_day(p: str) -> str:
    """Month-day with an optional year; group names carry prefix p so the grammar can embed it twice."""
    return (rf"(?:(?P<{p}m>{_MON})\b\.? (?P<{p}d>\d{{1,2}}){_ORD}\b(?:,? (?P<{p}y>{_YEAR})\b)?"
            rf"|(?P<{p}d2>\d{{1,2}}){_ORD} (?:of )?(?P<{p}m2>{_MON})\b(?:\.?,? (?P<{p}y2>{_YEAR})\b)?)")


_GRAMMAR = "|".join([
    rf"(?P<WD>(?:(?P<wmod>{trie_alternation(_DATA['weekday_modifiers'])}) )?(?P<wd>{_WD})\b"
    rf"(?: (?P<wpart>{trie_alternation(_DATA['parts_of_day'])})\b)?"
    rf"(?:,? \((?P<P>{_month_day('p')})\)|,? (?P<C>{_month_day('c')}))?)",
    rf"(?P<ISO>(?P<isoy>{_YEAR})-(?P<isom>\d\d)-(?P<isod>\d\d))\b",
    rf"(?P<NUM>(?P<na>\d{{1,2}})(?P<nsep>[/.])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>{_YEAR}))\b",
    rf"(?P<MD>{_month_day('s')})",
    rf"(?P<MY>(?P<mym>{_MON})\b\.?,? (?P<myy>{_YEAR}))\b",
    rf"(?P<AGO>(?P<agon>\d{{1,2}}|{_NUM}) (?P<agou>day|week|month|year)s? ago)\b",
    rf"(?P<REL>{trie_alternation(RELATIVE)})\b",
    rf"(?P<BM>(?:(?P<bmod>{trie_alternation(_DATA['month_modifiers'])})[ -])?(?P<bm>{_FULL_MON}))\b",
    rf"(?P<YR>(?:(?P<ymod>early|mid|late)[ -])?(?P<yr>{_YEAR}))\b",
])
_PHRASE = re.compile(_GRAMMAR)
_PHRASE_FULL = re.compile(rf"(?:(?:{trie_alternation(PREPOSITIONS)}) )?(?:{_GRAMMAR})")
_UNIT_WORDS = ["today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening",
               "night", "day", "days", "week", "weeks", "month", "months", "year", "years", "soon",
               "future"]
_KEYWORDS = frozenset(w.encode() for w in list(MONTHS) + list(WEEKDAYS) + _UNIT_WORDS) | frozenset(
    str(y).encode() for y in range(1900, 2100))
_NEVER_FIRST = frozenset(_UNIT_WORDS) - {"today", "tonight", "yesterday", "tomorrow", "soon"}
# every byte that is not an ASCII letter or digit becomes a space: the body then splits into words
_WORD_BYTES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
# words that may open a phrase before its keyword: "last", "in the coming", "2nd of", "two"
_LEAD_WORDS = (frozenset(_DATA["weekday_modifiers"]) | frozenset(_DATA["month_modifiers"])
               | PREPOSITIONS | frozenset(NUMBERS) | {"the", "coming", "over", "near", "mid"})
_CUES = re.compile(r"\b(" + trie_alternation(FUTURE_CUES | frozenset(_DATA["past_cues"])) + r")\b")
_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)")
_ODD_SPACE = re.compile("[\t\u00a0\u2009\u202f]")   # one character each: offsets stay put


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _by_tense(cands: list[int], ref: int, future: bool) -> int:
    """Among candidate ordinals, the one a news reader means: the next one on or after ref when
    the sentence speaks of the future, else the last one on or before ref, unless the one after
    is much closer ("the deadline of November 10" published November 2)."""
    after = [c for c in cands if c >= ref]
    before = [c for c in cands if c <= ref]
    if after and (future or not before):
        return min(after)
    prev = max(before)
    return min(after) if after and 3 * (min(after) - ref) < ref - prev else prev


def _pick_year(month: int, day: int, pub: date, future: bool, weekday: int | None = None) -> date | None:
    cands = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _date(y, month, day))]
    if not cands:
        return None
    if weekday is not None:
        # a weekday beside the date pins the year; without a match, the year nearest publication
        fits = [c for c in cands if c.weekday() == weekday] or cands
        return min(fits, key=lambda c: abs((c - pub).days))
    return date.fromordinal(_by_tense([c.toordinal() for c in cands], pub.toordinal(), future))


def _weekday(pub: date, wd: int, mod: str | None, future: bool) -> date:
    """HeidelTime for news: "last" strictly before, "next" strictly after, "this" and a bare
    weekday on or before (same day allowed), or on or after in a future-tense sentence."""
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if mod == "last":
        return pub - timedelta(days=back or 7)
    if mod == "next":
        return pub + timedelta(days=ahead or 7)
    return pub + timedelta(days=ahead) if future else pub - timedelta(days=back)


def _shift_month(pub: date, months: int) -> date:
    idx = pub.year * 12 + pub.month - 1 + months
    return date(idx // 12, idx % 12 + 1, 1)


def _relative(unit: str, n: int, pub: date) -> tuple[date, str]:
    if unit == "day":
        return pub + timedelta(days=n), "day"
    if unit == "week":
        return pub - timedelta(days=pub.weekday()) + timedelta(weeks=n), "week"
    if unit == "month":
        return _shift_month(pub, n), "month"
    return date(pub.year + n, 1, 1), "year"


def _md(m: re.Match, p: str) -> tuple[int, int, int | None]:
    if m[p + "m"]:
        return MONTHS[m[p + "m"]], int(m[p + "d"]), int(m[p + "y"]) if m[p + "y"] else None
    return MONTHS[m[p + "m2"]], int(m[p + "d2"]), int(m[p + "y2"]) if m[p + "y2"] else None


def _resolve(m: re.Match, pub: date | None, future: bool) -> tuple[date | None, str]:
    if m["WD"] or m["MD"]:
        prefix = "p" if m["P"] else "c" if m["C"] else "s" if m["MD"] else ""
        if prefix:
            month, day, year = _md(m, prefix)
            if year:
                return _date(year, month, day), "day"
            wd = WEEKDAYS[m["wd"]] if m["WD"] else None
            return (_pick_year(month, day, pub, future, wd) if pub else None), "day"
        return (_weekday(pub, WEEKDAYS[m["wd"]], m["wmod"], future) if pub else None), "day"
    if m["ISO"]:
        return _date(int(m["isoy"]), int(m["isom"]), int(m["isod"])), "day"
    if m["NUM"]:
        a, b, y = int(m["na"]), int(m["nb"]), int(m["ny"])
        cands = {d for d in (_date(y, b, a), _date(y, a, b)) if d}
        if len(cands) == 1:
            return cands.pop(), "day"
        # day/month order is ambiguous: the reading nearest publication, if there is one
        return (min(cands, key=lambda d: abs((d - pub).days)), "day") if pub and cands else (None, "unknown")
    if m["MY"]:
        return date(int(m["myy"]), MONTHS[m["mym"]], 1), "month"
    if m["YR"]:
        return date(int(m["yr"]), 1, 1), "year"
    if m["REL"]:
        unit, n = RELATIVE[m["REL"]]
        if unit == "future":
            return None, "future"   # no period to anchor to: the caller reads the precision
        return _relative(unit, n, pub) if pub else (None, unit)
    if m["AGO"]:
        n = int(m["agon"]) if m["agon"].isdigit() else NUMBERS[m["agon"]]
        return _relative(m["agou"], -n, pub) if pub else (None, m["agou"])
    # a bare month: "last"/"next" are strict, "this" is the publication year, else by tense
    if not pub:
        return None, "month"
    month, ref, mod = MONTHS[m["bm"]], pub.year * 12 + pub.month - 1, m["bmod"]
    cands = [y * 12 + month - 1 for y in (pub.year - 1, pub.year, pub.year + 1)]
    if mod == "last":
        idx = max(c for c in cands if c < ref)
    elif mod == "next":
        idx = min(c for c in cands if c > ref)
    elif mod == "this":
        idx = pub.year * 12 + month - 1
    else:
        idx = _by_tense(cands, ref, future)
    return date(idx // 12, idx % 12 + 1, 1), "month"


@lru_cache(maxsize=1024)
def _dateparser_day(phrase: str) -> date | None:
    """Odd absolute formats ("2 Nov. 2025 10:30 GMT"); dateparser loads lazily, off the hot path."""
    import dateparser
    found = dateparser.parse(phrase, languages=["en"],
                             settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return found.date() if found else None


@lru_cache(maxsize=65536)
def resolve_expression(phrase: str, published: date | None, future: bool = False) -> tuple[date | None, str]:
    """(value, precision) of one temporal phrase ("last Thursday", "on Sunday (November 2)",
    "next month"). `future` says the sentence speaks of the future. Relative phrases need
    `published`; without it their value is None. "soon" and "in the coming days" give
    (None, "future"). Unknown phrases give (None, "unknown")."""
    low = _ODD_SPACE.sub(" ", fold(phrase))
    m = _PHRASE_FULL.fullmatch(low)
    if m:
        return _resolve(m, published, future)
    value = _dateparser_day(low) if re.search(_YEAR, low) else None
    return value, "day" if value else "unknown"


def _is_future(low: str, sent_start: int, start: int, end: int, sent_end: int) -> bool:
    """The tense cue nearest before the expression in its sentence decides; failing one, the
    first cue just after it ("Talks on Tuesday are expected to...")."""
    cues = list(_CUES.finditer(low, max(sent_start, start - 160), start))
    if cues:
        return cues[-1][1] in FUTURE_CUES
    after = _CUES.search(low, end, min(sent_end, end + 40))
    return bool(after) and after[1] in FUTURE_CUES


def _needs_tense(m: re.Match) -> bool:
    if m["WD"]:
        return m["wmod"] not in ("last", "next") and not (m["py"] or m["py2"] or m["cy"] or m["cy2"])
    return bool(m["MD"] and not (m["sy"] or m["sy2"]) or m["BM"] and m["bmod"] not in ("last", "next", "this"))


def _acceptable(m: re.Match, text: str, low: str) -> bool:
    """Case and context checks on the text as written: months are capitalised ("march" is a
    verb), a bare month or year needs a preposition or modifier ("May I", "2025 tonnes"), and
    a weekday followed by a capitalised word is a name ("Sunday Times")."""
    for g in ("pm", "pm2", "cm", "cm2", "sm", "sm2", "mym", "bm"):
        if m[g] and not text[m.start(g)].isupper():
            return False
    if (m["BM"] and not m["bmod"]) or (m["YR"] and not m["ymod"]):
        prev = _word_before(low, m.start(), 0)
        return bool(prev) and prev[0] in PREPOSITIONS
    if m["REL"] == "soon":   # "as soon as", "soon after the talks" are not the future
        prev = _word_before(low, m.start(), 0)
        return not (prev and prev[0] == "as" or low.startswith(" after", m.end()))
    if m["WD"] and not (m["wpart"] or m["P"] or m["C"]):
        nxt = _WORD_AFTER.match(text, m.end())
        return not nxt or nxt[1].lower() in MONTHS
    return True


def _keyword_hits(low: str) -> list[tuple[int, int]]:
    """(start, end) of each keyword, in text order. Splitting and a set intersection run in C;
    a regex scan of the whole body costs several times more."""
    flat = low.encode("ascii", "replace").translate(_WORD_BYTES)   # one byte per character
    hits = []
    for word in _KEYWORDS.intersection(flat.split()):
        size, i = len(word), flat.find(word)
        while i >= 0:
            if (i == 0 or flat[i - 1] == 32) and flat[i + size:i + size + 1] in (b" ", b""):
                hits.append((i, i + size))
            i = flat.find(word, i + size)
    return sorted(hits)


def _word_before(low: str, pos: int, floor: int) -> tuple[str, int] | None:
    """The word ending one space or hyphen before pos, and its start; None past floor."""
    if pos - 2 < floor or low[pos - 1] not in " -":
        return None
    start, stop = pos - 1, max(floor, pos - 16)
    while start > stop and low[start - 1].isalnum():
        start -= 1
    if start == pos - 1 or (start > 0 and low[start - 1].isalnum()):
        return None
    return low[start:pos - 1], start


def _starts(low: str, pos: int, end: int, floor: int):
    """The keyword's own start, then the starts of up to three lead words before it."""
    if low[pos:end] not in _NEVER_FIRST:
        yield pos
    if pos > 2 and low[pos - 1] in "/.":   # the year of "02/11/2025"
        yield max(low.rfind(" ", max(floor, pos - 7), pos) + 1, floor)
        return
    for _ in range(3):
        lead = _word_before(low, pos, floor)
        if not lead or lead[0] not in _LEAD_WORDS and not lead[0][0].isdigit():
            return
        pos = lead[1]
        yield pos


def find_expressions(text: str, sentences: list[tuple[int, int]], published: date | None) -> list[TimeExpr]:
    """Every temporal expression in `text`, left to right, without overlaps."""
    low = _ODD_SPACE.sub(" ", fold_aligned(text))
    sent_starts = [s for s, _ in sentences]
    found: list[TimeExpr] = []
    last_end = 0
    for kw_start, kw_end in _keyword_hits(low):
        if kw_start < last_end:
            continue
        best = None
        for st in _starts(low, kw_start, kw_end, last_end):
            m = _PHRASE.match(low, st)
            if m and m.end() >= kw_end and _acceptable(m, text, low):
                if best is None or m.end() - m.start() > best.end() - best.start():
                    best = m
        if best is None:
            continue
        start, end = best.span()
        idx = bisect_right(sent_starts, start) - 1
        s_start, s_end = sentences[idx] if idx >= 0 else (0, len(text))
        future = _needs_tense(best) and _is_future(low, s_start, start, end, s_end)
        value, precision = resolve_expression(low[start:end], published, future)
        found.append(TimeExpr(text[start:end], start, end, value, precision, idx))
        last_end = end
    return found


def resolve_dates(article: Article, lexicon: Lexicon | None = None) -> Article:
    text = article.text
    article.dates = find_expressions(text, article.sentences or sentence_spans(text), article.published)
    return article


def date_for_sentence(article: Article, sent_idx: int, prefer: str = "day",
                      near: int | None = None) -> TimeExpr | None:
    """The expression in sentence `sent_idx` that best dates a fact there: precision closest to
    `prefer` (day, then week, month, year, future, unknown), a resolved value before none, then
    the one nearest character offset `near` (e.g. the meeting verb), else the first."""
    order = PRECISIONS.index(prefer) if prefer in PRECISIONS else 0

    def rank(t: TimeExpr):
        p = PRECISIONS.index(t.precision) if t.precision in PRECISIONS else len(PRECISIONS)
        return (abs(p - order), t.value is None, abs(t.start - near) if near is not None else t.start)

    here = [t for t in article.dates if t.sentence == sent_idx]
    return min(here, key=rank) if here else None
