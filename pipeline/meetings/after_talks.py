"""Talks that a main clause's pair of people came out of: "Varga and Lind announced the deal on
Monday after talks in Geneva", "... unveiled the accord after two days of talks in Lima". The
trailing phrase names nobody; the two people joined by "and" as the sentence's subject are its
sides. The day is the talks' only when the phrase itself gives one: the main clause's day is
the announcement's."""
from __future__ import annotations

import re

from pipeline.meetings.clauses import Context
from pipeline.meetings.clue import Clue
from pipeline.meetings.manner import city_of_clause, status_of, when

# ", after two days of talks in", " following a round of negotiations": the phrase opening the clause
_AFTER_TALKS = re.compile(r"\s*,?\s*(?:after|following)\s+(?:(?:a|one|two|three|four|five|several|\d+)\s+"
                          r"(?:days?|rounds?)\s+of\s+)?(?:\w+\s+)?(?:talks|negotiations|meetings)\b")
# "A and B": nothing but "and" between the two names
_AND = re.compile(r"\s+and\s+")
# "On Monday, A and B ...": at most a short time phrase before the subject
_LEAD = re.compile(r"\s*(?:[\w\s]{0,30},\s*)?")
# "the deal struck after talks", "the pact reached after": the talks belong to the thing made, not the subject
_MADE_BEFORE = re.compile(r"\b(?:\w+ed|struck|done|made|brokered|reached|sealed|won|hammered out)\s*,?\s*$")


def talks_after(ctx: Context, idx: int, a: int, b: int) -> Clue | None:
    """The meeting a trailing "after talks in Geneva" clause at [a, b) reports, or None."""
    low = ctx.low
    m = _AFTER_TALKS.match(low, a, b)
    s = ctx.article.sentences[idx][0]
    if not m or ctx.persons_in(a, b) or any(a <= h[0] < b for h in ctx.countries):
        return None
    subject = [p for p in ctx.persons if s <= p.start < a]
    if len(subject) != 2 or not _LEAD.fullmatch(low, s, subject[0].start) \
            or not _AND.fullmatch(low, subject[0].end, subject[1].start) \
            or subject[0].canonical == subject[1].canonical or _MADE_BEFORE.search(low, subject[1].end, a):
        return None
    said: dict = {}
    when(ctx, idx, a, b, said, False, m.end())
    place = city_of_clause(ctx, a, b)
    status = status_of(ctx, low[s:b], said.get("date")) or "held"
    persons = [p.canonical for p in subject]
    return Clue(idx, persons, [], [ctx.country(p) for p in persons], status=status, location=place,
                mode="in_person" if place else "unknown", strength=2 if place else 0,
                date=said.get("date"), precision=said.get("precision", ""))
