"""Publication date, and how it was obtained.

In order of trust: the date the file carried (`published_raw`), a date on a
site-metadata line the cleaning step dropped, a dateline with a year at the
start of the body, a year inferred from weekday-dated expressions in the body
("on Sunday (November 2)"), the date the user gave, else unknown. Datelines are
read by the one dateline parser, `pipeline.text.datelines`.

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

from pipeline.lexicon.lexicon import Lexicon
from pipeline.article import Article
from pipeline.text.alternation import trie_alternation
from pipeline.text.calendar import Calendar, safe_date
from pipeline.text.datelines import parse_dateline

FUTURE_WINDOW = 60       # characters before an expression, within its sentence, that may mark it as future
CONSISTENT_DAYS = 366    # expressions of one article lie within a year before its publication
YEARS_BACK = 40          # February 29 recurs on a weekday only every 28 years
DATEPARSER_MAX = 80      # a header or metadata line longer than this is prose, not a date for dateparser
PARSE_CACHE = 4096       # header and metadata strings repeat across a batch (one site, one format)
WEEKDAY_GAP = 20         # lower-case words between a weekday and its parenthesis: "Thursday morning ("


class PublishedRules:
    """The full-date and weekday-date patterns and the cue words, built once per lexicon."""

    def __init__(self, lexicon: Lexicon):
        data = lexicon.data("date_patterns.json")
        cal = self.calendar = lexicon.compiled(Calendar)
        self.iso = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
        # "05.03.2026": dotted numeric dates put the day first wherever they are written
        self.dotted = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
        self.full = re.compile(r"\b" + cal.month_day(year_needed=True))
        wd = rf"\b(?P<wd>{cal.weekday})\b"
        # "Sunday (November 2)", "Thursday morning (19 September)", "Friday (Apr 26, 2024)"
        self.weekday_paren = re.compile(rf"{wd}[a-z ]{{0,{WEEKDAY_GAP}}}?\(\s*{cal.month_day()}\s*\)")
        # "Sunday, November 2", "Sunday November 2, 2025", "Sunday, 2 November"
        self.weekday_comma = re.compile(rf"{wd},?\s+{cal.month_day()}")
        self.any_weekday = re.compile(rf"\b(?:{cal.weekday})\b")
        self.future = re.compile(rf"\b(?:{trie_alternation(data['inference_future_cues'])})\b")
        self.update_stamp = re.compile(trie_alternation(data["update_stamps"]))
        self.no_date = frozenset(data["no_date"])
        self.parsed: dict[str, date | None] = {}

    def parse_date(self, text: str) -> date | None:
        """The first full date (day, month and year) in `text`; our patterns first, dateparser last."""
        if text in self.parsed:
            return self.parsed[text]
        if len(self.parsed) >= PARSE_CACHE:
            self.parsed.clear()
        found = self.parsed[text] = self._parse_date(text)
        return found

    def _parse_date(self, text: str) -> date | None:
        low = text.lower()
        found = [(m.start(), safe_date(int(m[1]), int(m[2]), int(m[3]))) for m in self.iso.finditer(low)]
        found += [(m.start(), safe_date(int(m[3]), int(m[2]), int(m[1]))) for m in self.dotted.finditer(low)]
        # a numeric date in a fixed order that names no real day ("2025-13-01") is unreadable: dateparser
        # would swap its fields into some other day
        impossible = any(d is None for _, d in found)
        for m in self.full.finditer(low):
            md = self.calendar.read_month_day(m)     # None for "30 February 2025"
            found.append((m.start(), safe_date(md[2], md[0], md[1]) if md else None))
        found = sorted((pos, d) for pos, d in found if d is not None)
        if found:
            return found[0][1]
        if impossible or not re.search(r"\d", low) or len(low) > DATEPARSER_MAX:
            return None
        return _dateparser(text.strip())


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


def parse_date(text: str, lexicon: Lexicon) -> date | None:
    """The first full date (day, month and year) in `text`, or None."""
    return lexicon.compiled(PublishedRules).parse_date(text)


def _dateparser(text: str) -> date | None:
    import dateparser  # slow to import; most headers never need it

    try:
        parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    except (ValueError, OverflowError):
        return None
    return parsed.date() if isinstance(parsed, datetime) else None


def _from_metadata(lines: list[str], rules: PublishedRules) -> date | None:
    """A 'published' stamp beats an 'updated' one; otherwise the first that parses."""
    ordered = sorted(lines, key=lambda s: bool(rules.update_stamp.search(s.lower())))
    for line in ordered:
        d = rules.parse_date(line)
        if d is not None:
            return d
    return None


def _candidates(article: Article, not_after: date, rules: PublishedRules) -> list[tuple[list[date], bool]]:
    """Each weekday-dated expression as (its possible dates, newest first; whether it is in a future context)."""
    text = article.text.lower()
    out = []
    for pattern in (rules.weekday_paren, rules.weekday_comma):
        for m in pattern.finditer(text):
            md = rules.calendar.read_month_day(m)
            if md is None:
                continue
            month, day, year = md
            before = text[max(0, m.start() - FUTURE_WINDOW):m.start()]
            before = re.split(r"[.!?]\s", before)[-1]
            future = bool(rules.future.search(before))
            if year:
                d = safe_date(year, month, day)
                dates = [d] if d else []
            else:
                dates = _dates_on(month, day, rules.calendar.weekday_number(m["wd"]), not_after)
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


def _dateline(article: Article, not_after: date, lexicon: Lexicon,
              rules: PublishedRules) -> tuple[date | None, list[date]]:
    """(a dated dateline, or None; the possible dates of a year-less one whose lead names a weekday)."""
    first = article.paragraphs[0] if article.paragraphs else ""
    line = parse_dateline(first, lexicon)
    if line is None or line.day is None:
        return None, []
    if line.year:
        return safe_date(line.year, line.month, line.day), []
    # wire leads report the day's news: "TOKYO, May 30 - ... the government said on Friday"
    w = rules.any_weekday.search(first.lower(), line.end)
    return None, (_dates_on(line.month, line.day, rules.calendar.weekday_number(w.group()), not_after) if w else [])


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


def infer_published(article: Article, not_after: date, lexicon: Lexicon,
                    extra: list[list[date]] = ()) -> date | None:
    """The publication date implied by weekday-dated expressions (and a year-less dateline) in the body."""
    found = _candidates(article, not_after, lexicon.compiled(PublishedRules))
    past = [dates for dates, future in found if not future] + [d for d in extra if d]
    if past:
        return _consistent_latest(past)
    future = [dates for dates, is_future in found if is_future]
    if not future:
        return None
    latest = _consistent_latest(future)
    return min(d for dates in future for d in dates if latest - timedelta(days=CONSISTENT_DAYS) <= d <= latest)


def resolve_published(article: Article, lexicon: Lexicon) -> Article:
    rules = lexicon.compiled(PublishedRules)
    not_after = article.ingest_date or date.today()
    found, source = None, "unknown"
    if article.published_raw and article.published_raw.strip().lower() not in rules.no_date:
        found, source = rules.parse_date(article.published_raw), article.published_hint or "header"
    unread = found is None and any(ch.isdigit() for ch in article.published_raw)
    if found is None:
        found, source = _from_metadata(article.metadata_dates, rules), "metadata"
    yearless: list[date] = []
    if found is None:
        found, yearless = _dateline(article, not_after, lexicon, rules)
        source = "metadata"
    if found is None:
        found, source = infer_published(article, not_after, lexicon, [yearless]), "inferred"
    if found is None and article.user_published is not None:
        found, source = article.user_published, "user"
    article.published = found
    article.published_source = source if found is not None else "unknown"
    if unread:  # a date the file states but no reading can take is said, never dropped in silence
        article.warnings.append(f"its date '{article.published_raw}' is not a day that can be read (write it "
                                f"YYYY-MM-DD); {_UNREAD_OUTCOME[article.published_source]}")
    return article


_UNREAD_OUTCOME = {
    "metadata": "the date was taken from the page's other date lines",
    "inferred": "the date was inferred from the text",
    "user": "the date given for undated files was used",
    "unknown": "it is stored without a date",
}
