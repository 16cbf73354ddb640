"""Temporal expressions resolved against the publication date.

One pass of a keyword regex (months, weekdays, "today", "week", years...)
over the lower-cased body finds the few places worth a closer look; at each,
one phrase grammar is tried from the keyword and from the modifier words just
before it ("last", "in the coming", "2 of"). The same grammar, anchored at
both ends, parses a phrase in `resolve_expression`, so finding and resolving
never disagree. Weekdays follow HeidelTime's news rules; see `_weekday`.
The grammar and its word sets are composed from the lexicon's `date_patterns.json`
(`grammar.ExpressionGrammar`, built once per lexicon).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

from pipeline.lexicon.lexicon import Lexicon
from pipeline.article import Article, TimeExpr
from pipeline.dates.grammar import ExpressionGrammar
from pipeline.text.calendar import YEAR, safe_date
from pipeline.text.folding import fold, fold_aligned
from pipeline.text.datelines import parse_dateline
from pipeline.text.sentences import sentence_spans

PRECISIONS = ("day", "week", "month", "year", "future", "unknown")
CUE_BEFORE = 160       # characters before an expression searched for its tense cue: a clause or two
CUE_AFTER = 40         # characters after it, when none came before: "Talks on Tuesday are expected to"
LEAD_WORDS = 3         # words before a keyword that may open its phrase: "in the coming days"
LEAD_WORD_SIZE = 15    # letters read back for a lead word: twice the longest ("through", "earlier")
NUMERIC_HEAD = 7       # characters before the year of "02/11/2025" where its day and month start
WEEKDAY_SLIP_DAYS = 31  # "Monday, Nov. 4" published Nov. 5 when Nov. 4 is a Tuesday: this year's, not last year's
YEAR_DAYS = 366         # a weekday may pin a year no further than this from publication
FILED_BEFORE_DAYS = 3   # a dateline's day this many days before publication at most is the day the story was filed
FILED_AFTER_DAYS = 1    # ... or this many after: the header's clock runs behind the dateline's (Tokyo news, New York header)
AHEAD_FACTOR = 3       # a date ahead of publication beats the one behind it when this many times nearer
STALE_DAYS = 31        # a planned day at most this far behind publication is a late copy's, not next year's

# every byte that is not an ASCII letter or digit becomes a space: the body then splits into words
_WORD_BYTES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)")
_NEXT_WORD = re.compile(r" ([a-z]+)")   # the lower-case word right after an expression
_ODD_SPACE = re.compile("[\t\u00a0\u2009\u202f]")   # one character each: offsets stay put
_WEEK_OF = re.compile(r"\bweek of $")
# "a meeting scheduled for Thursday was called off": a plan told in the past, its day on either side
_PAST_PLAN = re.compile(r" (?:was|were|had been) ")


def _by_tense(cands: list[int], ref: int, future: bool | None, stale: int = 0) -> int:
    """Among candidate ordinals, the one a news reader means: the nearest one where the tense says
    neither (`future` None: "a meeting scheduled for Thursday was called off"); the next one on or after ref when
    the sentence speaks of the future, unless the one before lies within `stale` and is much
    closer ("will meet on June 9" in a copy dated June 12: the plan as first reported, not next
    year's June 9); else the last one on or before ref, unless the one after is much closer
    ("the deadline of November 10" published November 2)."""
    if future is None:
        return min(cands, key=lambda c: (abs(c - ref), c > ref))
    after = [c for c in cands if c >= ref]
    before = [c for c in cands if c <= ref]
    if after and (future or not before):
        nxt = min(after)
        if before and future and ref - max(before) <= stale and AHEAD_FACTOR * (ref - max(before)) < nxt - ref:
            return max(before)
        return nxt
    prev = max(before)
    return min(after) if after and AHEAD_FACTOR * (min(after) - ref) < ref - prev else prev


def _pick_year(month: int, day: int, pub: date, future: bool, weekday: int | None = None) -> date | None:
    """The year of a month-day: by tense (see `_by_tense`). A weekday beside it picks, first, the
    year the tense alone says (the next one ahead, else the last one behind) where it fits; else
    the day by tense where it fits or lies within WEEKDAY_SLIP_DAYS of publication (a slip of the
    weekday is likelier than old news); else the nearest year where it fits, within a year."""
    cands = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := safe_date(y, month, day))]
    if not cands:
        return None
    pick = date.fromordinal(_by_tense([c.toordinal() for c in cands], pub.toordinal(), future, STALE_DAYS))
    if weekday is None:
        return pick
    ahead, behind = [c for c in cands if c >= pub], [c for c in cands if c <= pub]
    strict = pick if future is None else min(ahead) if ahead and (future or not behind) else max(behind)
    if strict.weekday() == weekday:
        return strict
    if pick.weekday() == weekday or abs((pick - pub).days) <= WEEKDAY_SLIP_DAYS:
        return pick
    fits = [c for c in cands if c.weekday() == weekday and abs((c - pub).days) <= YEAR_DAYS]
    return min(fits, key=lambda c: abs((c - pub).days)) if fits else pick


def _weekday(pub: date, wd: int, mod: str | None, future: bool | None) -> date:
    """HeidelTime for news: "last" strictly before, "next" strictly after, "this" and a bare
    weekday on or before (same day allowed), or on or after in a future-tense sentence; the
    nearer one where the tense says neither."""
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if mod == "last":
        return pub - timedelta(days=back or 7)
    if mod == "next":
        return pub + timedelta(days=ahead or 7)
    if future is None:
        return pub + timedelta(days=ahead) if ahead < back else pub - timedelta(days=back)
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


def _md(g: ExpressionGrammar, m: re.Match, p: str) -> tuple[int, int, int | None]:
    if m[p + "m"]:
        return g.months[m[p + "m"]], int(m[p + "d"]), int(m[p + "y"]) if m[p + "y"] else None
    day, first = int(m[p + "d2"]), m[p + "r"]   # "3-5 March": a span of days is dated by its first
    day = int(first) if first and int(first) < day else day   # "rose 12 to 3 March levels" is no span
    return g.months[m[p + "m2"]], day, int(m[p + "y2"]) if m[p + "y2"] else None


def _resolve(g: ExpressionGrammar, m: re.Match, pub: date | None, future: bool) -> tuple[date | None, str]:
    if m["WD"] or m["MD"]:
        prefix = "p" if m["P"] else "c" if m["C"] else "s" if m["MD"] else ""
        if prefix:
            month, day, year = _md(g, m, prefix)
            if year:
                return safe_date(year, month, day), "day"
            wd = g.weekdays[m["wd"]] if m["WD"] else None
            return (_pick_year(month, day, pub, future, wd) if pub else None), "day"
        if m["wweek"]:   # "Tuesday last week": that weekday of the week named
            return (_relative("week", g.weeks[m["wweek"]], pub)[0] + timedelta(days=g.weekdays[m["wd"]])
                    if pub else None), "day"
        return (_weekday(pub, g.weekdays[m["wd"]], m["wmod"], future) if pub else None), "day"
    if m["ORD"]:   # "on the 12th": that day of the publication month or of a month beside it
        if not pub:
            return None, "day"
        day, first = int(m["od"][:-2]), _shift_month(pub, 0)
        if m["omon"]:   # "the 3rd of next month": that day of the month named, whatever the tense
            month = _shift_month(first, g.month_shifts[m["omon"]])
            return safe_date(month.year, month.month, day), "day"
        cands = [d.toordinal() for k in (-1, 0, 1)
                 if (d := safe_date((s := _shift_month(first, k)).year, s.month, day))]
        return date.fromordinal(_by_tense(cands, pub.toordinal(), future, STALE_DAYS)), "day"
    if m["ISO"]:
        return safe_date(int(m["isoy"]), int(m["isom"]), int(m["isod"])), "day"
    if m["NUM"]:
        a, b, y = int(m["na"]), int(m["nb"]), int(m["ny"])
        cands = {d for d in (safe_date(y, b, a), safe_date(y, a, b)) if d}
        if len(cands) == 1:
            return cands.pop(), "day"
        # day/month order is ambiguous: the reading nearest publication, if there is one
        return (min(cands, key=lambda d: abs((d - pub).days)), "day") if pub and cands else (None, "unknown")
    if m["MY"]:
        return date(int(m["myy"]), g.months[m["mym"]], 1), "month"
    if m["YR"]:
        return date(int(m["yr"]), 1, 1), "year"
    if m["REL"]:
        unit, n = g.relative[m["REL"]]
        if unit == "future":
            return None, "future"   # no period to anchor to: the caller reads the precision
        if unit == "weekend":
            return None, "week"     # two days and neither named: no day to give
        return _relative(unit, n, pub) if pub else (None, unit)
    if m["AGO"]:
        n = int(m["agon"]) if m["agon"].isdigit() else g.numbers[m["agon"]]
        return _relative(m["agou"], -n, pub) if pub else (None, m["agou"])
    # a bare month: "last"/"next" are strict, "this" is the publication year, else by tense
    if not pub:
        return None, "month"
    month, ref, mod = g.months[m["bm"]], pub.year * 12 + pub.month - 1, m["bmod"]
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


@lru_cache(maxsize=1024)   # dateparser's answer depends on the phrase alone, not on the lexicon
def _dateparser_day(phrase: str) -> date | None:
    """Odd absolute formats ("2 Nov. 2025 10:30 GMT"); dateparser loads lazily, off the hot path."""
    import dateparser
    found = dateparser.parse(phrase, languages=["en"],
                             settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return found.date() if found else None


def resolve_expression(phrase: str, published: date | None, lexicon: Lexicon,
                       future: bool = False) -> tuple[date | None, str]:
    """(value, precision) of one temporal phrase ("last Thursday", "on Sunday (November 2)",
    "next month"). `future` says the sentence speaks of the future. Relative phrases need
    `published`; without it their value is None. "soon" and "in the coming days" give
    (None, "future"). Unknown phrases give (None, "unknown")."""
    return _resolve_phrase(lexicon.compiled(ExpressionGrammar), phrase, published, future)


def _resolve_phrase(g: ExpressionGrammar, phrase: str, published: date | None,
                    future: bool) -> tuple[date | None, str]:
    key = (phrase, published, future)
    found = g.resolved.get(key)
    if found is None:
        low = _ODD_SPACE.sub(" ", fold(phrase))
        m = g.phrase_full.fullmatch(low)
        if m:
            found = _resolve(g, m, published, future)
        else:
            value = _dateparser_day(low) if re.search(YEAR, low) else None
            found = value, "day" if value else "unknown"
        g.remember(key, found)
    return found


def _is_future(g: ExpressionGrammar, low: str, sent_start: int, start: int, end: int, sent_end: int) -> bool | None:
    """The tense cue nearest before the expression in its sentence decides (a plan told in the past,
    "scheduled for Thursday was called off", says neither: None); failing one, the
    first cue just after it ("Talks on Tuesday are expected to..."). A weekday after "until" or
    "through" ends something still going on: ahead, unless a past cue comes before it."""
    cues = list(g.cues.finditer(low, max(sent_start, start - CUE_BEFORE), start))
    if cues:
        ahead = cues[-1][1] in g.future_cues
        return None if ahead and _PAST_PLAN.match(low, end) else ahead
    prev = _word_before(low, start, sent_start)
    if prev and prev[0] in g.until_words:   # "stayed until Monday": a past verb right before
        verb = _word_before(low, prev[1], sent_start)
        return not (verb and verb[0].endswith("ed"))
    after = g.cues.search(low, end, min(sent_end, end + CUE_AFTER))
    return bool(after) and after[1] in g.future_cues


def _needs_tense(m: re.Match) -> bool:
    if m["WD"]:
        return not m["wweek"] and m["wmod"] not in ("last", "next") and not (m["py"] or m["py2"] or m["cy"] or m["cy2"])
    return bool(m["MD"] and not (m["sy"] or m["sy2"]) or m["ORD"]
                or m["BM"] and m["bmod"] not in ("last", "next", "this"))


def _acceptable(g: ExpressionGrammar, m: re.Match, text: str, low: str) -> bool:
    """Case and context checks on the text as written: months are capitalised ("march" is a
    verb), a bare month or year needs a preposition or modifier ("May I", "2025 tonnes"), and
    a weekday followed by a capitalised word is a name ("Sunday Times")."""
    for month in ("pm", "pm2", "cm", "cm2", "sm", "sm2", "mym", "bm"):
        if m[month] and not text[m.start(month)].isupper():
            return False
    if (m["BM"] and not m["bmod"]) or (m["YR"] and not m["ymod"]):
        prev = _word_before(low, m.start(), 0)
        return bool(prev) and prev[0] in g.prepositions
    if m["REL"] == "soon":   # "as soon as", "soon after the talks" are not the future
        prev = _word_before(low, m.start(), 0)
        return not (prev and prev[0] == "as" or low.startswith(" after", m.end()))
    if m["ORD"]:   # "on the 12th." is a day; "the 12th round", "in the 21st century" are not
        prev, nxt = _word_before(low, m.start(), 0), _NEXT_WORD.match(low, m.end())
        return bool(prev) and prev[0] in g.prepositions and prev[0] != "in" and (
            not nxt or bool(m["omon"]) or nxt[1] != "of" and (nxt[1] in g.prepositions or nxt[1] in g.calendar.weekdays
                                             or nxt[1] in g.ordinal_followers))
    if m["WD"] and not (m["wpart"] or m["P"] or m["C"]):
        nxt = _WORD_AFTER.match(text, m.end())
        return not nxt or nxt[1].lower() in g.months
    return True


def _keyword_hits(g: ExpressionGrammar, low: str) -> list[tuple[int, int]]:
    """(start, end) of each keyword, in text order. Splitting and a set intersection run in C;
    a regex scan of the whole body costs several times more."""
    flat = low.encode("ascii", "replace").translate(_WORD_BYTES)   # one byte per character
    hits = []
    for word in g.keywords.intersection(flat.split()):
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
    start, stop = pos - 1, max(floor, pos - 1 - LEAD_WORD_SIZE)
    while start > stop and low[start - 1].isalnum():
        start -= 1
    if start == pos - 1 or (start > 0 and low[start - 1].isalnum()):
        return None
    return low[start:pos - 1], start


def _starts(g: ExpressionGrammar, low: str, pos: int, end: int, floor: int):
    """The keyword's own start, then the starts of up to LEAD_WORDS lead words before it."""
    if low[pos:end] not in g.never_first:
        yield pos
    if pos > 2 and low[pos - 1] in "/.":   # the year of "02/11/2025"
        yield max(low.rfind(" ", max(floor, pos - NUMERIC_HEAD), pos) + 1, floor)
        return
    for _ in range(LEAD_WORDS):
        lead = _word_before(low, pos, floor)
        if not lead or lead[0] not in g.lead_words and not lead[0][0].isdigit():
            return
        pos = lead[1]
        yield pos


def find_expressions(text: str, sentences: list[tuple[int, int]], published: date | None,
                     lexicon: Lexicon) -> list[TimeExpr]:
    """Every temporal expression in `text`, left to right, without overlaps."""
    g = lexicon.compiled(ExpressionGrammar)
    low = _ODD_SPACE.sub(" ", fold_aligned(text))
    sent_starts = [s for s, _ in sentences]
    found: list[TimeExpr] = []
    last_end = 0
    for kw_start, kw_end in _keyword_hits(g, low):
        if kw_start < last_end:
            continue
        best = None
        for st in _starts(g, low, kw_start, kw_end, last_end):
            m = g.phrase.match(low, st)
            if m and m.end() >= kw_end and _acceptable(g, m, text, low):
                if best is None or m.end() - m.start() > best.end() - best.start():
                    best = m
        if best is None:
            continue
        start, end = best.span()
        idx = bisect_right(sent_starts, start) - 1
        s_start, s_end = sentences[idx] if idx >= 0 else (0, len(text))
        future = _needs_tense(best) and _is_future(g, low, s_start, start, end, s_end)
        value, precision = _resolve_phrase(g, low[start:end], published, future)
        if precision == "day" and _WEEK_OF.search(low, max(0, start - len(" the week of ")), start):
            precision = "week"   # "during the week of May 4": a week named by its first day names no day
        found.append(TimeExpr(text[start:end], start, end, value, precision, idx))
        last_end = end
    return found


def resolve_dates(article: Article, lexicon: Lexicon) -> Article:
    text = article.text
    article.dates = find_expressions(text, article.sentences or sentence_spans(text), reference_day(article, lexicon),
                                     lexicon)
    return article


def reference_day(article: Article, lexicon: Lexicon) -> date | None:
    """The day the story's "Monday" and "yesterday" count from: its dateline's day ("GENEVA, Nov 3
    (Wire) -") where the story was filed a few days before it was published, or where the dateline's
    zone is already a day ahead of the header's ("TOKYO, March 6" published March 5 in New York);
    else the publication day."""
    pub = article.published
    first = article.paragraphs[0] if article.paragraphs else ""
    line = parse_dateline(first, lexicon) if pub and first else None
    if line is None or line.day is None:
        return pub
    years = (line.year,) if line.year else (pub.year - 1, pub.year, pub.year + 1)   # "Dec 31" published Jan 1
    filed = min((d for y in years if (d := safe_date(y, line.month, line.day))),
                key=lambda d: abs((d - pub).days), default=None)
    return filed if filed and -FILED_AFTER_DAYS <= (pub - filed).days <= FILED_BEFORE_DAYS else pub


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
