"""Whether two mentions have the same sides, and whether their manner and place agree.

Two mentions are of the same parties when they name two people in common, or when
they share at least two sides (countries or blocs) and most of their sides (so a
bilateral on a summit's sidelines is not the summit), with no named people that
contradict each other: "Trump met Xi" and "Trump held talks with Chinese officials"
agree; "Bessent met He Lifeng" and "Greer met Li Chenggang" name nobody in common
and stay apart. A call said outright is not a face-to-face meeting, and two places
named differently are two meetings.
"""
from __future__ import annotations

from pipeline.events.mention import Mention

MOST_SIDES = 0.5      # shared sides over all sides of the two mentions, at least


def parties_overlap(a: Mention, b: Mention) -> bool:
    shared_people = len(a.people & b.people)
    if shared_people >= 2:
        return True
    if a.people and b.people and not shared_people:
        return False
    shared = a.sides & b.sides
    return len(shared) >= 2 and len(shared) >= MOST_SIDES * len(a.sides | b.sides)


def manner_fits(a: Mention, b: Mention) -> bool:
    if a.manner and b.manner and a.manner != b.manner:
        return False
    return not (a.location and b.location and a.location != b.location)
