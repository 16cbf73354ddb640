"""When a mention may have happened, and whether two mentions' times fit one meeting.

A day is itself; a week its seven days from the date stored for it; a month its days.
Two reports of a held meeting must give the same day, or days one apart when they name
the same place (talks over two days are dated to either). A planned meeting fits the
held one that falls inside its window, as long as another article announced it by that
day.
An undated mention says too little to join on time alone: it needs the same place or
occasion, and a report within days of the event. In one article, undated mentions of the
same people are one meeting; a syndicated copy's undated mention is the meeting its story
dates.
"""
from __future__ import annotations

from datetime import date, timedelta

from pipeline.events.mention import Mention, days_allowed

NEAR_DAYS = 1          # a held meeting's day as two reports of multi-day talks may give it
UNDATED_BEFORE = 14    # an undated "held" report: the meeting may be this many days older
UNDATED_AHEAD = 60     # an undated "planned" report: the meeting may be this many days later


def window(m: Mention) -> tuple[date, date] | None:
    """The first and last day the mention's date allows; None when it has no date."""
    return m.span if m.span is not None or m.day is None else days_allowed(m.day, m.precision)


def _overlap(a: tuple[date, date], b: tuple[date, date], slack: int = 0) -> bool:
    return a[0] <= b[1] + timedelta(days=slack) and b[0] <= a[1] + timedelta(days=slack)


def _same_place(a: Mention, b: Mention) -> bool:
    return bool(a.location and a.location == b.location or a.occasion and a.occasion == b.occasion)


def _announced_in_time(planned: Mention, other: Mention) -> bool:
    """A planned meeting is the held one only if it was announced by the day it was held, in
    another article (an article telling of a meeting held and one planned tells of two)."""
    if planned.status != "planned" or other.status != "held":
        return True
    if planned.story == other.story:
        return False
    when = window(other)
    return planned.published is None or when is None or planned.published <= when[0]


def _undated_fits(undated: Mention, other: Mention) -> bool:
    if not _same_place(undated, other):
        return False
    if undated.published is None:
        return False
    when = window(other) or ((other.published, other.published) if other.published else None)
    if when is None:
        return False
    if undated.status == "planned":
        reach = (undated.published, undated.published + timedelta(days=UNDATED_AHEAD))
    else:
        reach = (undated.published - timedelta(days=UNDATED_BEFORE), undated.published)
    return _overlap(reach, when)


def times_fit(a: Mention, b: Mention) -> bool:
    """Whether the two mentions' dates allow one meeting."""
    if not (_announced_in_time(a, b) and _announced_in_time(b, a)):
        return False
    wa, wb = window(a), window(b)
    undated = (wa is None) + (wb is None)
    if a.story == b.story and undated >= (2 if a.article_id == b.article_id else 1):
        # one article's undated mentions of the same people are one meeting, as annotated; a
        # copy that leaves undated what its story dates tells of the same meeting
        return True
    if wa is None or wb is None:
        return (wa is not None or _undated_fits(a, b)) and (wb is not None or _undated_fits(b, a))
    held_days = a.status == b.status == "held" and a.rank == b.rank == 0
    slack = NEAR_DAYS if held_days and a.location and a.location == b.location else 0
    return _overlap(wa, wb, slack)
