"""A bilateral body due to meet: "The next meeting of the Hungarian-Swedish Joint Commission is
scheduled to be held in Stockholm", "the EU-China Trade Committee will meet in Brussels on 21 May",
"the two sides agreed to hold the fourth session of the joint committee in Tokyo".

The body's meeting is a planned meeting of its two countries: those its name gives ("Hungarian-
Swedish", "EU-China"), or, for a body called only joint or intergovernmental, those of the meeting
reported just before. A body whose name gives one country or none and no such word ("the technical
committee", "the European Parliament's trade committee") may be anybody's: no row. A possible
meeting, a count of meetings and a meeting already held are not this rule's.
"""
from __future__ import annotations

import re

from pipeline.meetings.clauses import Context
from pipeline.meetings.clue import Clue, unique
from pipeline.meetings.manner import city_of_clause, when
from pipeline.meetings.rules import any_of, whole

DATA = "meeting_patterns.json"
# the meeting reported before, whose countries a body called only "joint" belongs to
BODY_SENTENCES = 6
# "the Viet Nam - Japan Joint Committee on Trade, Energy and Industry": the words of a body's name before its noun
NAME_WORDS = 6


class BodyRules:
    """The words of a body's own meeting, composed once per lexicon."""

    def __init__(self, lexicon):
        data = lexicon.data(DATA)
        body = whole(data["bilateral_bodies"])
        name = rf"(?P<name>(?:[\w'\u2019\u2013.-]+ (?:[-\u2013\u2014] )?){{0,{NAME_WORDS}}}?{body})"
        sitting = any_of(data["body_sittings"])
        # "the next meeting of the X-Y Joint Commission", "the 6th session of the joint committee"
        self.sitting_of = re.compile(rf"\b{sitting} of (?:the )?{name}")
        # "the X-Y Trade Committee will meet", "the joint commission is due to convene"
        self.body_meets = re.compile(rf"\b(?:the |an? ){name} (?:(?:will|would|is to|are to|is due to|is set to|"
                                     rf"is scheduled to|is expected to|shall) )(?:meet|convene|sit)\b")
        self.body = re.compile(body)   # a cheap test before the patterns above
        self.joint = re.compile(whole(data["bilateral_body_words"]))
        self.not_bilateral = re.compile(whole(data["one_side_bodies"]))
        self.hedge = re.compile(whole(data["follow_up_hedges"]))


def bilateral_body_meeting(ctx: Context, idx: int, clues: list[Clue]) -> Clue | None:
    """The planned meeting of a bilateral body told in sentence `idx`, if any; it stands for the
    planned meetings the sentence's clauses gave the people who agreed on it."""
    s, e = ctx.article.sentences[idx]
    low, rules = ctx.low, ctx.lexicon.compiled(BodyRules)
    if not rules.body.search(low, s, e) or not ctx.rules.planned.search(low, s, e):
        return None
    m = rules.sitting_of.search(low, s, e) or rules.body_meets.search(low, s, e)
    if m is None or rules.hedge.search(low, s, e) \
            or ctx.rules.generic.search(low, s, e) or rules.not_bilateral.search(m.group("name")):
        return None
    a, b = m.span("name")
    said = unique(ctx.places.country_of.get(x.group().lower().replace("\u2019", "'"), "")
                  for x in ctx.places.country.finditer(ctx.text, a, b))
    said = [k for k in said if k]
    if len(said) == 1:
        return None   # "the European Parliament's trade committee": one country's own body
    if not said:
        # the countries of the two people met last, each of a known country
        held = next((c for c in reversed(clues) if idx - BODY_SENTENCES <= c.sent < idx and c.status == "held"
                     and len(c.persons) == 2 and len({ctx.country(p) for p in c.persons} - {""}) == 2), None)
        if held is None or not rules.joint.search(low, a, b):
            return None
        said = [ctx.country(p) for p in held.persons]
    if len(said) != 2:
        return None
    day: dict = {}
    when(ctx, idx, s, e, day, True, m.start())
    place = city_of_clause(ctx, m.end(), e)
    video = ctx.rules.video.search(low, max(s, m.start() - 30), m.end())
    clues[:] = [c for c in clues if not (c.sent == idx and c.status == "planned" and c.kind in ("meet", "launch"))]
    return Clue(idx, [], said, said, kind="follow", status="planned", mode="video" if video else
                ("in_person" if place else "unknown"), strength=2 if video or place else 0, location="" if video else place,
                date=day.get("date"), precision=day.get("precision", ""))
