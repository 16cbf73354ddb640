"""Publication date, and how it was obtained.

In order of trust: the date the file carried (`published_raw`), a date on a
site-metadata line the cleaning step dropped, a dateline with a year at the
start of the body, a year inferred from weekday-dated expressions in the body
("on Sunday (November 2)"), the date the user gave, else unknown.

Inferring a year: a month-day falls on a given weekday only every few years, so
"Sunday (November 2)" names the latest such year not after the ingest date. An
article is published on or after the past events it dates, so among several
expressions the publication date is the latest one. Expressions in a future
context ("will meet on Monday (May 5)", "due to ... next Wednesday") are left
out, unless nothing else is there: then the earliest of them is the best bound.
Expressions whose latest years disagree (a historic date among recent ones)
are reconciled by taking the date that most expressions agree with, within a
year before it; ties go to the latest.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from pipeline.lexicon.lexicon import Lexicon
from pipeline.article import Article

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD = r"(?:st|nd|rd|th)?"

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_MDY = re.compile(r"\b%s\s+(\d{1,2})%s,?\s+(\d{4})\b" % (_MONTH, _ORD))
_DMY = re.compile(r"\b(\d{1,2})%s\s+(?:of\s+)?%s,?\s+(\d{4})\b" % (_ORD, _MONTH))

# "Sunday (November 2)", "Thursday morning (19 September)", "Friday (Apr 26, 2024)"
_WEEKDAY_PAREN = re.compile(r"\b%s\b[a-z ]{0,20}?\(\s*(?:%s\s+(\d{1,2})%s|(\d{1,2})%s\s+%s)(?:,?\s+(\d{4}))?\s*\)"
                            % (_WEEKDAY, _MONTH, _ORD, _ORD, _MONTH))
# "Sunday, November 2", "Sunday November 2, 2025", "Sunday, 2 November"
_WEEKDAY_COMMA = re.compile(r"\b%s,?\s+(?:%s\s+(\d{1,2})%s\b|(\d{1,2})%s\s+%s)(?:,?\s+(\d{4})\b)?"
                            % (_WEEKDAY, _MONTH, _ORD, _ORD, _MONTH))
# "BEIJING, Nov 2 (Reuters) -", "TOKYO, March 3, 2025 -", "Beijing, Sept. 29 (Xinhua) --"
_DATELINE = re.compile(r"^[a-z][a-z .'’-]{1,40},\s+(?:%s\s+(\d{1,2})|(\d{1,2})\s+%s)(?:,?\s+(\d{4}))?"
                       r"\s*(?:\([^)]{1,40}\))?\s*(?:[-–—:]|$)" % (_MONTH, _MONTH))
_ANY_WEEKDAY = re.compile(r"\b%s\b" % _WEEKDAY)
_FUTURE = re.compile(r"\b(?:will|would|next|due to|set to|scheduled|expected to|plans? to|planning to|to be held"
                     r"|upcoming|is to|are to|later)\b")
_FUTURE_WINDOW = 60      # characters before an expression, within its sentence, that may mark it as future
CONSISTENT_DAYS = 366    # expressions of one article lie within a year before its publication
YEARS_BACK = 40          # February 29 recurs on a weekday only every 28 years


def infer_year(month: int, day: int, weekday: int, not_after: date) -> date | None:
    """The latest date not after `not_after` that is `month`/`day` and falls on `weekday` (Monday=0)."""
    for year in range(not_after.year, not_after.year - YEARS_BACK, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= not_after and d.weekday() == weekday:
            return d
    return None


def _make(year: str | int, month: int, day: str | int) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """The first full date (day, month and year) in `text`; our patterns first, dateparser last."""
    low = text.lower()
    found = []
    for m in _ISO.finditer(low):
        found.append((m.start(), _make(m.group(1), int(m.group(2)), m.group(3))))
    for m in _MDY.finditer(low):
        found.append((m.start(), _make(m.group(3), _month(m.group(1)), m.group(2))))
    for m in _DMY.finditer(low):
        found.append((m.start(), _make(m.group(3), _month(m.group(2)), m.group(1))))
    found = sorted((pos, d) for pos, d in found if d is not None)
    if found:
        return found[0][1]
    if not re.search(r"\d", low) or len(low) > 80:
        return None
    return _dateparser(text.strip())


def _dateparser(text: str) -> date | None:
    import dateparser  # slow to import; most headers never need it

    try:
        parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    except (ValueError, OverflowError):
        return None
    return parsed.date() if isinstance(parsed, datetime) else None


def _from_metadata(lines: list[str]) -> date | None:
    """A 'published' stamp beats an 'updated' one; otherwise the first that parses."""
    ordered = sorted(lines, key=lambda s: bool(re.search(r"updat|modif", s.lower())))
    for line in ordered:
        d = parse_date(line)
        if d is not None:
            return d
    return None


def _groups(month_a, day_a, day_b, month_b) -> tuple[int, int]:
    return (_month(month_a), int(day_a)) if month_a else (_month(month_b), int(day_b))


def _candidates(article: Article, not_after: date) -> list[tuple[list[date], bool]]:
    """Each weekday-dated expression as (its possible dates, newest first; whether it is in a future context)."""
    text = article.text.lower()
    out = []
    for pattern in (_WEEKDAY_PAREN, _WEEKDAY_COMMA):
        for m in pattern.finditer(text):
            weekday = WEEKDAYS[m.group(1)[:3]]
            month, day = _groups(*m.group(2, 3, 4, 5))
            before = text[max(0, m.start() - _FUTURE_WINDOW):m.start()]
            before = re.split(r"[.!?]\s", before)[-1]
            future = bool(_FUTURE.search(before))
            if m.group(6):
                d = _make(m.group(6), month, day)
                dates = [d] if d else []
            else:
                dates = _dates_on(month, day, weekday, not_after)
            if dates:
                out.append((dates, future))
    return out


def _dates_on(month: int, day: int, weekday: int, not_after: date) -> list[date]:
    """Every date within YEARS_BACK of `not_after` that is month/day on that weekday, newest first."""
    dates, limit, oldest = [], not_after, not_after.year - YEARS_BACK
    while (d := infer_year(month, day, weekday, limit)) is not None and d.year > oldest:
        dates.append(d)
        limit = date(d.year - 1, 12, 31)
    return dates


def _dateline(article: Article, not_after: date) -> tuple[date | None, list[date]]:
    """(a dated dateline, or None; the possible dates of a year-less one whose lead names a weekday)."""
    first = article.paragraphs[0].lower() if article.paragraphs else ""
    m = _DATELINE.match(first)
    if not m:
        return None, []
    month, day = _groups(*m.group(1, 2, 3, 4))
    if m.group(5):
        return _make(m.group(5), month, day), []
    # wire leads report the day's news: "TOKYO, May 30 - ... the government said on Friday"
    w = _ANY_WEEKDAY.search(first, m.end())
    return None, (_dates_on(month, day, WEEKDAYS[w.group(1)[:3]], not_after) if w else [])


def _consistent_latest(candidates: list[list[date]]) -> date | None:
    """The date most candidates agree with (one of their dates within a year before it); ties: the latest."""
    best, best_key = None, None
    for hypothesis in {d for dates in candidates for d in dates}:
        low = hypothesis - timedelta(days=CONSISTENT_DAYS)
        support = sum(any(low <= d <= hypothesis for d in dates) for dates in candidates)
        key = (support, hypothesis)
        if best_key is None or key > best_key:
            best, best_key = hypothesis, key
    return best


def infer_published(article: Article, not_after: date, extra: list[list[date]] = ()) -> date | None:
    """The publication date implied by weekday-dated expressions (and a year-less dateline) in the body."""
    found = _candidates(article, not_after)
    past = [dates for dates, future in found if not future] + [d for d in extra if d]
    if past:
        return _consistent_latest(past)
    future = [dates for dates, is_future in found if is_future]
    if not future:
        return None
    latest = _consistent_latest(future)
    return min(d for dates in future for d in dates if latest - timedelta(days=CONSISTENT_DAYS) <= d <= latest)


def resolve_published(article: Article, lexicon: Lexicon | None = None) -> Article:
    not_after = article.ingest_date or date.today()
    found, source = None, "unknown"
    if article.published_raw and article.published_raw.strip().lower() not in ("unknown", "n/a", "none", "-"):
        found, source = parse_date(article.published_raw), article.published_hint or "header"
    if found is None:
        found, source = _from_metadata(article.metadata_dates), "metadata"
    yearless: list[date] = []
    if found is None:
        found, yearless = _dateline(article, not_after)
        source = "metadata"
    if found is None:
        found, source = infer_published(article, not_after, [yearless]), "inferred"
    if found is None and article.user_published is not None:
        found, source = article.user_published, "user"
    article.published = found
    article.published_source = source if found is not None else "unknown"
    return article
