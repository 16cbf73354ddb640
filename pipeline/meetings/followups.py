"""A later meeting of the sides of the meeting just reported, told in a sentence of its own.

"Both sides agreed that officials would meet again before the end of June", "A second round
is scheduled for Oslo", "They plan to reconvene in the autumn", "Both sides confirmed that
consultations would be held in Oslo in July": the sentence names no sides,
or only points back at them, and says that they will meet once more. That is a planned
meeting of those sides, another row than the one held: it neither takes nor lends a city or a
day. Its parties are the people of the held meeting where the sentence points back at them
("the two ministers will meet again", "they plan to reconvene"); the countries where the new
meeting is left to people it does not name ("officials", "their deputies", "the talks").

A question or a possibility is no plan ("Will you meet again?", "could meet again", "a follow-up meeting may take place", "if
they meet again"), nor is a round the sentence tells as held or going on.
"""
from __future__ import annotations

import re

from pipeline.meetings.clauses import Context
from pipeline.meetings.clue import Clue, unique
from pipeline.meetings.manner import city_of_clause, status_of, when
from pipeline.meetings.rules import any_of, whole

DATA = "meeting_patterns.json"
# the held meeting a follow-up refers to was reported in this sentence or the few before it
FOLLOW_UP_SENTENCES = 6
# "will see Japanese officials again": the words between the verb and "again"
AGAIN_REACH = 4
# "agreed to step up dialogue ... including by convening the Joint Commission": how far the body may follow
CONVENE_REACH = 200
# "scheduled for Oslo": the place after the plan's own verb
_SCHEDULED_FOR = re.compile(r"\b(?:scheduled|set|planned|slated|due) for (?:the )?$")
# "report at the next meeting", "before another round": the round as a time for something else
_AS_TIME = re.compile(r"\b(?:at|during|before|until|by|ahead of|for|after) (?:the |a |an )?$")
# ", last held in 2024,": an aside about the body or talks, not a round told as held
_ASIDE = re.compile(r",[^,]*,")
# what a vaguer time leaves open: "in September", "next month", not a day one clause names
_VAGUE = ("month", "week", "year", "season", "quarter", "")


class FollowUpRules:
    """The words of a later meeting of the same sides, composed once per lexicon."""

    def __init__(self, lexicon):
        data = lexicon.data(DATA)
        verbs = any_of(data["follow_up_verbs"])
        nouns = any_of(data["follow_up_nouns"])
        dialogue = any_of(data["dialogue_formats"] + ["discussions"])
        self.trigger = re.compile(
            # "meet again", "will see Japanese officials again"
            rf"\b(?P<again>{verbs})\b (?:[\w'-]+ ){{0,{AGAIN_REACH}}}?again\b"
            # "a second round", "the next round of talks"; not "another round of tariffs"
            rf"|\b(?P<round>{any_of(data['follow_up_rounds'])}) (?:[\w-]+ )?{nouns}\b"
            rf"(?! of (?!(?:[\w-]+ ){{0,2}}?{dialogue}\b))"
            # "reconvene", "the talks will continue in Oslo"
            rf"|\b(?P<resume>{any_of(data['follow_up_resume'])})\b"
            # "both sides confirmed that expert consultations would be held in Oslo": talks yet to be held
            rf"|\b(?P<held>{dialogue}) (?:will|would|are to|is to) be held\b")
        # "may" the modal, not the month: "in May", "May 3"
        self.hedge = re.compile(whole(data["follow_up_hedges"]) + r"|n't\b|(?<!\bin )(?<!\bof )(?<!\bearly )"
                                r"(?<!\blate )(?<!\bmid-)(?<!\bby )(?<!\buntil )\bmay\b(?! \d)")
        self.teams = re.compile(whole(data["follow_up_teams"]))
        # "the two officials will meet again": the two people named before, though "officials" alone is a team
        self.pair_people = re.compile(r"\bthe two " + whole(data["pair_people"]))
        self.loose = frozenset(data["follow_up_loose"])
        # "agreed to step up dialogue, including by convening the Joint Commission": a named body to meet
        agree = any_of(data["cues"]["agree"] + data["pledge_verbs"])
        # "The working group's first meeting took place", "The dialogue will hold its first session",
        # "The first meeting of the new working group": the own meeting of a body launched before
        bodies = any_of([b for b in data["dialogue_formats"] + data["convened_bodies"] if b not in data["follow_up_nouns"]
                         or b in data["launch_bodies"]])
        named = r"(?:the|this|that|its|their)\s+(?:(?![\w-]+['’]s\b)[\w-]+\s+){0,3}?(?P<body>" + bodies + r")"
        self.body_meeting = re.compile(
            r"\b" + named + r"(?:['’]s\s+(?:[\w-]+\s+){0,2}?" + nouns + r"\b"
            r"|\s+(?:(?:will|would|has|have|had|also|then|finally|is to)\s+)*" + whole(data["body_meeting_verbs"]) + ")"
            r"|\b(?:the|its)\s+(?:[\w-]+\s+){0,2}?" + nouns + r"\s+of\s+(?:the|this|that)\s+"
            r"(?:(?![\w-]+['’]s\b)[\w-]+\s+){0,3}?(?P<body2>" + bodies + r")\b")
        self.convene = re.compile(rf"\b{agree}\b[^.;]{{0,{CONVENE_REACH}}}?\b(?:re)?conven(?:e|ing)\s+"
                                  rf"(?:the |a |an )?(?:[\w-]+ ){{0,6}}?{whole(data['convened_bodies'])}")


def follow_up(ctx: Context, idx: int, clues: list[Clue]) -> Clue | None:
    """The planned meeting a sentence announces for the sides of a meeting held just before."""
    s, e = ctx.article.sentences[idx]
    low, rules = ctx.low, ctx.lexicon.compiled(FollowUpRules)
    m = rules.trigger.search(low, s, e)
    if m is None or ctx.text[s:e].rstrip().endswith("?"):   # "Will you meet again soon?" asks, plans nothing
        return None
    if m.group("round") and _AS_TIME.search(low, max(s, m.start() - 16), m.start()):
        return None
    if not ctx.rules.planned.search(low, s, e) or rules.hedge.search(low, s, e) \
            or ctx.rules.under_way.search(_ASIDE.sub(_blank, low[s:m.start()])) or ctx.rules.generic.search(low, s, e):
        return None
    near = [c for c in clues if c.kind == "meet" and c.status != "planned"
            and idx - FOLLOW_UP_SENTENCES <= c.sent < idx and len(c.parties) >= 2]
    unnamed = _unnamed_subject(ctx, rules, s, e, m.start())
    held = _followed(ctx, near, s, m.start(), people=not unnamed)
    if held is None:
        return None
    named = unique(p.canonical for p in ctx.persons_in(s, e))
    said = set(_countries_said(ctx, s, e))
    if not set(named) <= set(held.persons) or not said - {""} <= set(held.countries):
        return None   # other people or countries: not the same sides meeting again
    if unnamed:
        persons, sides = [], list(held.countries)   # "officials would meet again", "talks will continue"
    else:
        persons = list(held.persons)
        sides = [k for k in held.sides if k not in {ctx.country(p) for p in persons}]
    if len(persons) + len(sides) < 2:
        return None
    place = city_of_clause(ctx, s, e) or _scheduled_city(ctx, s, e)
    day: dict = {}
    when(ctx, idx, s, e, day, True, m.start())
    if m.group("round") in rules.loose and not place and not day.get("precision"):
        return None   # "the two will hold further discussions": more of the talks under way, for all it says
    if m.group("resume") and m.group("resume") in ("continue", "resume") \
            and not (place and place != held.location) and day.get("precision", "") not in _VAGUE[:-1]:
        return None   # "the talks will continue on Tuesday": the same talks, running on
    if day.get("date") is not None and held.date is not None and day["date"] <= held.date:
        return None
    return Clue(idx, persons, sides, list(held.countries), kind="follow", status="planned",
                mode="in_person", strength=2 if place else 1, location=place,
                date=day.get("date"), precision=day.get("precision", ""))


def _followed(ctx: Context, near: list[Clue], s: int, at: int, people: bool) -> Clue | None:
    """The held meeting a follow-up sentence continues: the one whose city it names before its
    trigger ("The talks in Geneva will continue in Oslo"); else, where people meet again ("the
    ministers will meet again"), the latest with two people named; else the latest that is not a
    bilateral on the sidelines of a larger gathering (not the one whose sides "will meet again")."""
    before = ctx.low[s:at]
    by_city = [c for c in near if c.location and re.search(r"\b" + re.escape(c.location.lower()) + r"\b", before)]
    if by_city:
        return by_city[-1]
    pool = [c for c in near if not c.aside] or near
    if people:
        pool = [c for c in pool if len(c.persons) >= 2] or pool
    return pool[-1] if pool else None


def convened_body(ctx: Context, idx: int, clues: list[Clue]) -> Clue | None:
    """ "Minister Wang and I agreed to ... convene the China-Australia Joint Commission": a planned
    meeting of the countries whose body it is (named in the sentence, else those of the meeting just
    reported). It stands for the meeting the sentence's own clauses planned of the people who agreed."""
    s, e = ctx.article.sentences[idx]
    m = ctx.lexicon.compiled(FollowUpRules).convene.search(ctx.low, s, e)
    if m is None:
        return None
    said = _countries_said(ctx, s, e)
    if len(said) < 2:
        held = next((c for c in reversed(clues) if c.kind == "meet" and idx - FOLLOW_UP_SENTENCES <= c.sent <= idx
                     and len(c.countries) >= 2), None)
        said = list(held.countries) if held else []
    if len(said) < 2:
        return None
    place = city_of_clause(ctx, m.end(), e)
    clues[:] = [c for c in clues if not (c.sent == idx and c.status == "planned" and c.kind in ("meet", "launch"))]
    return Clue(idx, [], said, said, kind="follow", status="planned", mode="in_person" if place else "unknown",
                strength=2 if place else 0, location=place)


def body_meeting(ctx: Context, idx: int, clues: list[Clue]) -> Clue | None:
    """ "Sweden and Japan agreed to set up a working group. The working group's first meeting took
    place in Geneva": the meeting of a body launched a few sentences before is a meeting of the
    countries that launched it, held or planned as its sentence tells. It stands for the planned
    meeting the launch made. A sentence naming people, or other countries, or asking, is left alone."""
    launches = [c for c in clues if c.kind == "launch" and idx - FOLLOW_UP_SENTENCES <= c.sent < idx]
    if not launches:   # the usual case, before any scan
        return None
    s, e = ctx.article.sentences[idx]
    rules = ctx.lexicon.compiled(FollowUpRules)
    m = rules.body_meeting.search(ctx.low, s, e)
    if m is None or ctx.persons_in(s, e) or ctx.text[s:e].rstrip().endswith("?") or rules.hedge.search(ctx.low, s, e):
        return None
    key = (m.group("body") or m.group("body2")).split()[-1].rstrip("s")
    launch = next((c for c in reversed(launches) if c.key == key), None)
    said = set(_countries_said(ctx, s, e))
    if launch is None or not said - {""} <= set(launch.countries):
        return None
    place = city_of_clause(ctx, s, e) or _scheduled_city(ctx, s, e)
    day: dict = {}
    when(ctx, idx, s, e, day, True, m.start())
    clues.remove(launch)
    return Clue(idx, [], list(launch.countries), list(launch.countries), status=status_of(ctx, ctx.low[s:e]) or "held",
                mode="in_person" if place else "unknown", strength=2 if place else 0, location=place,
                date=day.get("date"), precision=day.get("precision", ""))


def _countries_said(ctx: Context, s: int, e: int) -> list[str]:
    """The countries text[s:e] names ("" for a name the gazetteer maps to none), first first."""
    return unique(ctx.places.country_of.get(x.group().lower(), "") for x in ctx.places.country.finditer(ctx.text, s, e))


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


def _unnamed_subject(ctx: Context, rules: FollowUpRules, s: int, e: int, at: int) -> bool:
    """Whether the new meeting is left to people the sentence does not name: the nearest
    mention of its people before the trigger is a team ("their deputies would hold another
    round"), or there is none and the sentence names no one at all ("talks will continue")."""
    # (end, rank, is a team): at the same end a pair of people outranks a team, a team any other reference
    marks = [(x.end(), 1, True) for x in rules.teams.finditer(ctx.low, s, at)]
    marks += [(x.end(), 2, False) for x in rules.pair_people.finditer(ctx.low, s, at)]
    marks += [(x.end(), 0, False) for x in ctx.rules.plural_ref.finditer(ctx.low, s, at)]
    marks += [(p.end, 0, False) for p in ctx.persons_in(s, at)]
    if marks:
        return max(marks)[2]   # "the two sides": the team; "the two officials": the people
    return not (ctx.persons_in(s, e) or ctx.rules.plural_ref.search(ctx.low, s, e)) or bool(
        rules.teams.search(ctx.low, at, e))


def _scheduled_city(ctx: Context, s: int, e: int) -> str:
    """ "A second round is scheduled for Oslo": the city right after the plan's verb."""
    for m in ctx.places.city.finditer(ctx.low, s, e):
        if _SCHEDULED_FOR.search(ctx.low, max(s, m.start() - 20), m.start()):
            return ctx.places.city_of[m.group()]
    return ""
