"""A stored meeting row as the events step reads it."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from pipeline.meetings.merge import manner_class

PRECISION_RANK = {"day": 0, "week": 1, "month": 2}   # anything else (no date): 3


@dataclass(frozen=True)
class Mention:
    meeting_id: str
    article_id: str
    story: str                  # the article's canonical id: a syndicated copy's is its original's
    outlet: str                 # the article's source ("" when unnamed)
    published: date | None      # the reporting article's date
    participants: tuple[str, ...]
    people: frozenset[str]      # the participants that are persons
    sides: frozenset[str]       # the countries (or blocs) taking part
    day: date | None
    precision: str              # day, week, month or ""
    location: str               # folded for comparison; "" when unsaid
    occasion: str
    manner: str                 # "call", "in_person" or "" (see meetings.merge.manner_class)
    status: str                 # held or planned
    row: dict                   # the stored row, for assembling the event
    span: tuple[date, date] | None = None   # the days its date allows (windows.window), set once

    @property
    def rank(self) -> int:
        return PRECISION_RANK.get(self.precision, 3) if self.day else 3

    def order(self) -> tuple:
        """Most telling first: a held meeting before a planned one, a day before a week, then
        the earliest report."""
        return (self.status != "held", self.rank, self.day or date.max, self.published or date.max,
                self.meeting_id)


def _day(value) -> date | None:
    if not value or isinstance(value, float):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _fold(value) -> str:
    return " ".join(str(value or "").split()).casefold()


def mentions_of(meetings: pd.DataFrame, articles: pd.DataFrame) -> list[Mention]:
    """One Mention per stored meeting row (a row listing several articles is read as its
    first's); `articles` gives each article's date, outlet and canonical article."""
    info = {a: (_day(p), s, d or a) for a, p, s, d in zip(
        articles["article_id"], articles["published"], articles["source"],
        articles["duplicate_of"] if "duplicate_of" in articles.columns else [""] * len(articles))}
    names = list(meetings.columns)
    out = []
    for values in zip(*(meetings[c].tolist() for c in names)):
        row = dict(zip(names, values))
        ids = list(row["article_ids"])
        article = ids[0] if ids else ""
        published, outlet, story = info.get(article, (None, "", article))
        countries = [c for c in row["countries"] if c]
        participants = tuple(p for p in row["participants"] if p)
        side_names = set(countries)
        people = frozenset(p for p in participants if p not in side_names)
        sides = frozenset(countries) | frozenset(p for p in participants if p in side_names)
        day = _day(row["date"])
        precision = str(row.get("date_precision") or ("day" if day else ""))
        out.append(Mention(
            meeting_id=row["meeting_id"], article_id=article, story=story, outlet=outlet, published=published,
            participants=participants, people=people, sides=sides, day=day,
            precision=precision,
            location=_fold(row.get("location")), occasion=_fold(row.get("occasion")),
            manner=manner_class(row.get("mode"), row.get("location")),
            status=str(row.get("status") or "held").strip().lower(), row=row,
            span=days_allowed(day, precision)))
    return out


def days_allowed(day: date | None, precision: str) -> tuple[date, date] | None:
    """The first and last day a date of this precision allows: a day itself, a week its seven
    days from the date stored for it, a month its days; None without a date."""
    if day is None:
        return None
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        first = day.replace(day=1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return day, day
