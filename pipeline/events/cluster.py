"""Mentions into events: a pure function of the mentions.

Mentions are taken most telling first (held before planned, a day before a week or a
month, then the earliest report) and each joins the event every member of which it
fits (same parties, compatible times, the same manner and place), or starts one. Asking
every member, not one, keeps a vague mention from chaining two meetings together.
Candidates come from an index of the events by a pair of their people or sides and a
week, so the work grows with the mentions, not with their square.
"""
from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

from pipeline.events.mention import Mention
from pipeline.events.parties import manner_fits, parties_overlap
from pipeline.events.windows import NEAR_DAYS, UNDATED_AHEAD, UNDATED_BEFORE, times_fit, window

Key = tuple[frozenset, int | str]    # a pair of people or sides; a week (days since year 1, over 7) or a story


def _weeks(first: date, last: date) -> range:
    return range(first.toordinal() // 7, last.toordinal() // 7 + 1)


def reach(m: Mention) -> tuple[date, date] | None:
    """Every day a meeting this mention may be part of can fall on."""
    w = window(m)
    if w is not None:
        return w[0] - timedelta(days=NEAR_DAYS), w[1] + timedelta(days=NEAR_DAYS)
    if m.published is None:
        return None
    return m.published - timedelta(days=UNDATED_BEFORE), m.published + timedelta(days=UNDATED_AHEAD)


UNDATED = -1    # the week of a mention in an undated article


def keys(m: Mention) -> set[Key]:
    """A pair of people or of sides, and a week or the story: two mentions that may be one
    meeting share one."""
    span = reach(m)
    weeks = _weeks(*span) if span else (UNDATED,)
    pairs = [frozenset(p) for group in (m.people, m.sides) for p in combinations(sorted(group), 2)]
    # a story's own mentions meet whatever their dates (a copy may leave undated what it dates)
    return {(pair, when) for pair in pairs for when in (*weeks, m.story)}


def fits(m: Mention, members: list[Mention]) -> bool:
    return all(times_fit(m, x) and manner_fits(m, x) and parties_overlap(m, x) for x in members)


def _closeness(m: Mention, members: list[Mention]) -> tuple:
    first = members[0]
    same_day = m.day is not None and m.day == first.day
    return (same_day, sum(len(m.people & x.people) + len(m.sides & x.sides) for x in members))


def cluster(mentions: list[Mention], events: list[list[Mention]] | None = None) -> list[list[Mention]]:
    """The events, each a list of its mentions (most telling first), in the order they began.

    With `events`, the mentions are placed among those (kept as they are, each growing by
    the mentions that join it) and any new events follow them."""
    events = [list(e) for e in events or []]
    index: dict[Key, set[int]] = {}
    for i, members in enumerate(events):
        for x in members:
            for k in keys(x):
                index.setdefault(k, set()).add(i)
    for m in sorted(mentions, key=Mention.order):
        mine = keys(m)
        candidates = sorted({i for k in mine for i in index.get(k, ())})
        fitting = [i for i in candidates if fits(m, events[i])]
        if fitting:
            best = max(fitting, key=lambda i: (_closeness(m, events[i]), -i))
            events[best].append(m)
        else:
            best = len(events)
            events.append([m])
        for k in mine:
            index.setdefault(k, set()).add(best)
    return events
