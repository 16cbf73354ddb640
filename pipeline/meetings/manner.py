"""How, when, where and on what occasion a clause says a meeting took place, and whether it has."""
from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.dates.expressions import date_for_sentence, resolve_expression
from pipeline.meetings.clauses import Context
from pipeline.meetings.days import (DaySpanRules, another_event, counted_from, ended_on, first_day, for_the_meeting,
                                   gathering_span, in_another_life, nth_day, planned_by_day, presence_day, refined,
                                   since_then, span_days)
from pipeline.text.alternation import trie_alternation

# "on the sidelines of the annual summit of the Group of 20 leaders in ...": the occasion's name
# may come a long way after "sidelines of"
SIDELINES_REACH = 120
# "at the first-ever ASEAN-China summit": after "at the" the name comes within a few words
AT_OCCASION_REACH = 60
# "said in a statement on": the words of a statement stand right before its date
SAID_ON_REACH = 30
# "two days after": how far before a clause the counted days may stand
DAYS_APART_BEFORE = 20
# ... and how far into it: "Two days after" opening the clause
DAYS_APART_INTO = 8
# "On Tuesday, the ministry said": the statement verb a few words after its day
SAID_AFTER_REACH = 40
# "agreed on Monday to": the agreeing word stands right before the day it was agreed
AGREED_ON_REACH = 16
# "a summit set to begin Monday": the day stands a few words after the gathering's name ...
GATHERING_OPENS_REACH = 60
# ... and the start verb right before it ("set to begin on")
GATHERING_TO_VERB = 30
# ", which was held in": the start of a relative clause describing the event
RELATIVE_REACH = 8
# "wrapped up a five-day visit": the ending verb stands a few words before the trip's noun
TRIP_END_REACH = 40
# "held talks until Friday": the word that ends a span stands right before its last day
UNTIL_REACH = 12
# "held talks on Monday by video link": a manner word qualifies a cue this close to it
MANNER_REACH = 40

_SIDELINES = re.compile(r"\b(?:on|at) the (?:sidelines|margins) of\b")
_AT_OCCASION = re.compile(r"\bat (?:the|a) ")
_DURING = re.compile(r"\s*[\"'“‘]?(?:during|while|on the sidelines of|at)\b")
# a day counted from the day said before it: "the next day", "two days later", "that evening"
_ANCHORED = re.compile(r"\b(?:(?:the )?(?P<next>next|following) day|(?P<n>a|one|two|three|four|five|\d) days? later"
                       r"|(?P<prev>(?:the )?(?:previous|preceding) day|the day before(?=\s*(?:[,.;]|$|(?:to|and|in|at|with|for|when|as)\b)))"
                       r"|(?P<back>a|one|two|three|four|five|\d) days? earlier"
                       r"|(?:that|the same) (?:day|morning|afternoon|evening|night)"
                       r"|(?P<first>the (?:first|opening) day)(?! of)"
                       r"|(?:earlier|later) (?:in|that) (?:the )?(?:day|morning|afternoon|evening))\b")
_PERSONAL = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b")
# "the next day" reaches back this many sentences for the day it counts from
ANCHOR_SENTENCES = 2
_DAYS_APART = re.compile(r"\b(\w+) days? (after|before)\b")
_RELATIVE = re.compile(r",? (?:which|where) ")
# "met him there": the place said before; "there were talks", "there is hope" only say something exists
_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|will|would|has|have|had|could|can|may|might|must|should|"
                    r"seems?|appears?|remains?|being|be)\b)")
# "met Xi here", "talks here on Monday"; not "here is", "here's", "from here on"
_HERE = re.compile(r"(?<!from )\bhere\b(?!\s+(?:is|are|was|were)\b|'s|\s+on\s+in\b)")
# a clause set at the place and time of the one before it: "..., where he will meet"
_WHERE_THEN = re.compile(r",?\s*(?:where|when)\b")
# "travel to Geneva on Sunday and meet Lutnick": a day before "and" + the cue is the other verb's
# "... when he visits Geneva on Thursday": a clause of time right after the meeting's own
_WHEN_AFTER = re.compile(r",?\s*when\s")
_OTHER_VERB = re.compile(r"\s(?:and|then)\s+(?:then\s+|also\s+|later\s+)?$")
_WORD_BEFORE = re.compile(r"(\w+)\s+(?:on\s+)?$")


def has_tense(ctx: Context, seg: str) -> bool:
    """A verb that reports the meeting as done or going on."""
    return bool(ctx.rules.tense.search(seg))


def status_of(ctx: Context, seg: str, day=None) -> str:
    """held, planned or "" (not said): a plan cue makes the meeting planned unless a word reporting it
    held or going on comes first ("talks began on Monday and will run through Friday", "met on
    Monday, hoping to ..."); a meeting called off stays planned; "are meeting on Monday", with the
    meeting's `day` still ahead, is planned too."""
    rules = ctx.rules
    plan = rules.planned.search(seg)
    if plan is None:
        if planned_by_day(ctx, seg, day):
            return "planned"
        return "held" if has_tense(ctx, seg) else ""
    going = rules.under_way.search(seg, 0, plan.start())
    return "held" if going and not rules.called_off.search(seg) else "planned"


def _near_cue(pattern: re.Pattern, seg: str, a: int, kinds: dict) -> bool:
    """A manner word close to the cue it qualifies: "talks by video", not "a video app"."""
    return any(abs(m.start() + a - c.start()) <= MANNER_REACH or abs(m.end() + a - c.end()) <= MANNER_REACH
               for m in pattern.finditer(seg) for c in kinds.values())


def mode(ctx: Context, kinds: dict, seg: str, a: int) -> tuple[str, int]:
    """(mode, strength): 2 said outright, 1 the usual for the cue, 0 unknown. `a` is where `seg` starts."""
    face_to_face = ctx.rules.face_to_face.search(seg)
    if "video" in kinds or _near_cue(ctx.rules.video, seg, a, kinds):
        return "video", 2
    if _near_cue(ctx.rules.phone, seg, a, kinds):
        return "phone", 2
    if "phone" in kinds:   # "the call": remote, but phone or video is not said
        return "phone", 1
    if "speak" in kinds and not face_to_face:
        return "unknown", 0
    if "spoke" in kinds and not face_to_face:   # "the two leaders spoke on Friday": by phone, unless a place says otherwise
        return "phone", 1
    if face_to_face or kinds.keys() & {"in_person", "visit", "hand", "sign"}:
        return "in_person", 2
    if kinds.keys() & {"meet", "summit", "host", "agree", "gather"}:
        return "in_person", 1
    return "unknown", 0


def occasion(ctx: Context, seg: str) -> tuple[str, int | None]:
    """The gathering a clause's meeting took place at, and where in the clause it is named."""
    rules = ctx.rules
    m = _SIDELINES.search(seg)
    if m:
        tail = seg[m.end():m.end() + SIDELINES_REACH]
        named = rules.named_occasion.search(tail)
        if named:
            return rules.occasion_of[named.group()], m.start()
        generic = rules.generic_occasion.search(tail)
        return (generic.group() if generic else ""), m.start()
    for m in _AT_OCCASION.finditer(seg):   # "at the G20": named gatherings only
        named = rules.named_occasion_after.match(seg[m.end():m.end() + AT_OCCASION_REACH])
        if named:
            return rules.occasion_of[named.group("name")], m.start()
    return "", None


def city_of_clause(ctx: Context, a: int, b: int, invite: bool = False) -> str:
    return ctx.places.city_in(ctx.low, ctx.text, a, b, ctx.taken, invite, ctx.dateline_city)


def city_in_relative(ctx: Context, idx: int, b: int) -> str:
    """ "at the forum, which took place in Geneva": the place in the clause describing the event."""
    if not _RELATIVE.match(ctx.low[b:b + RELATIVE_REACH]):
        return ""
    e = ctx.article.sentences[idx][1]
    nxt = ctx.rules.boundary.search(ctx.low, b + 3, e)
    return city_of_clause(ctx, b, nxt.start() if nxt else e)


def city_here(ctx: Context, a: int, b: int) -> str:
    """ "LIMA -- Ishiba held talks with Xi here": "here" is the dateline's city."""
    return ctx.dateline_city if ctx.dateline_city and _HERE.search(ctx.low, a, b) else ""


def city_there(ctx: Context, idx: int, a: int, b: int) -> str:
    """ "He flew to Geneva on Sunday. He met Lind there on Monday": "there" is the city the sentence
    before (or this one, before the clause) puts someone in; not the "there" of "there were talks"."""
    m = _THERE.search(ctx.low, a, b)
    if m is None:
        return ""
    s = ctx.article.sentences[idx][0]
    city = city_of_clause(ctx, s, a) if a > s else ""
    if not city and idx > 0:
        city = city_of_clause(ctx, *ctx.article.sentences[idx - 1])
    return city


def city_of_presence(ctx: Context, idx: int, a: int, b: int, persons: list[str]) -> str:
    """ "Wang spent Tuesday in Geneva. In a meeting at the ministry, Wang and Lind ...": the city of the
    sentence that puts one of them somewhere on a day, where that day is the meeting's (presence_day)."""
    if idx == 0 or presence_day(ctx, idx, a, b, persons) is None:
        return ""
    return city_of_clause(ctx, *ctx.article.sentences[idx - 1])


class MeetingDayRules:
    """The words that tell a day of something else from the day of the meeting, composed once per lexicon."""

    def __init__(self, lexicon):
        starts = lexicon.data("date_patterns.json")["event_start_verbs"]
        gatherings = lexicon.data("meeting_patterns.json")["gatherings"]
        said = trie_alternation(lexicon.data("date_patterns.json")["statement_verbs"])
        ends = lexicon.compiled(DaySpanRules).ending
        # "wrapped up a five-day visit to China on Monday": the last day of a trip or of talks
        self.trip_end = re.compile(rf"\b(?:{ends})\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w-]+\s+){{0,3}}$")
        self.ends = re.compile(rf"\b(?:{ends})\b")
        # "talks through Friday", "until Monday": the day something ends, not the day it began
        self.until = re.compile(rf"\b(?:{trie_alternation(lexicon.data('date_patterns.json')['until_words'])})"
                                r"\s+(?:on\s+)?")
        self.said_on = re.compile(rf"\b(?:{said}|told (?:\w+ ){{1,2}})\s+"
                                  r"(?:in (?:a|an|its|his|her) (?:\w+ )?(?:statement|post|readout|interview)\s+)?"
                                  r"(?:on\s+|late\s+|early\s+)?$")
        self.said = re.compile(rf"\b(?:{said}|told)\b")
        self.gathering_opens = re.compile(
            rf"\b(?:{trie_alternation(gatherings)})\b[^.;]{{0,{GATHERING_TO_VERB}}}?"
            rf"\b(?:{trie_alternation(starts)})\s+(?:on\s+)?$")


def _gathering_day(ctx: Context, t, floor: int, cue: int) -> bool:
    """ "on the sidelines of a summit set to begin Monday": the day the gathering opens, not the
    meeting's; unless the gathering is itself the meeting (its word is the clause's cue)."""
    rules = ctx.lexicon.compiled(MeetingDayRules)
    m = rules.gathering_opens.search(ctx.low, max(floor, t.start - GATHERING_OPENS_REACH), t.start)
    return bool(m) and m.start() != cue


def _statement_day(ctx: Context, t, floor: int, b: int, cue: int) -> bool:
    """The day something was said or agreed, not the day of the meeting: "said on Tuesday that",
    "On Tuesday, the ministry said the two met" (the meeting cue after the statement verb),
    "agreed on Monday to meet on Friday" (a meeting cue after the day: the agreement is not the
    meeting, and its day dates the agreeing alone)."""
    low, rules = ctx.low, ctx.lexicon.compiled(MeetingDayRules)
    if low.startswith(("'s ", "\u2019s "), t.end):   # "said Monday's talks were useful": the talks' own day
        return False
    if rules.said_on.search(low[max(floor, t.start - SAID_ON_REACH):t.start]):
        return True
    said = rules.said.search(low, t.end, min(b, t.end + SAID_AFTER_REACH))
    if said and said.start() < cue and not ctx.rules.cue.search(low, t.end, said.start()):
        return True
    verb = _WORD_BEFORE.search(low, max(floor, t.start - AGREED_ON_REACH), t.start)
    if not verb or not (ctx.rules.cue_kind.get(verb.group(1)) == "agree"
                        or re.fullmatch(ctx.rules.pledge_words, verb.group(1))):   # "vowed on Monday to"
        return False
    later = ctx.rules.cue.search(low, t.end, b)
    return bool(later) and ctx.rules.cue_kind.get(later.group()) != "agree"


def _until_day(ctx: Context, t, floor: int) -> bool:
    """ "held talks through Friday": the last day of the talks; multi-day talks take their first."""
    until = ctx.lexicon.compiled(MeetingDayRules).until
    return bool(until.match(ctx.low, t.start) or any(   # the word may open the expression or stand before it
        m.end() == t.start for m in until.finditer(ctx.low, max(floor, t.start - UNTIL_REACH), t.start)))


def _ahead_if_planned(ctx: Context, t, a: int, b: int):
    """The day of a planned meeting lies ahead: "pending a Friday call" published on a Tuesday is
    that week's Friday, though no future verb steered the weekday when the dates were read."""
    pub = ctx.article.published
    if t.value is None or pub is None or t.value >= pub:
        return t.value
    seg = ctx.low[a:b]
    if status_of(ctx, seg) != "planned" or has_tense(ctx, seg):
        return t.value
    ahead, _ = resolve_expression(t.text, pub, ctx.lexicon, future=True)
    return ahead or t.value


def _days_on(ctx: Context, counted: re.Match) -> int:
    if counted.group("next"):
        return 1
    if counted.group("prev"):
        return -1
    if counted.group("back"):
        n = counted.group("back")
        return -(int(n) if n.isdigit() else 1 if n == "a" else ctx.rules.numbers.get(n, 0))
    n = counted.group("n")
    return (int(n) if n.isdigit() else 1 if n == "a" else ctx.rules.numbers.get(n, 0)) if n else 0


def _anchor(ctx: Context, idx: int, pos: int, persons: list[str], lead: bool = True):
    """The last day said before `pos` in this sentence or the two before it, else (with `lead`) the story's
    lead day. A day of a sentence before that names people, none of them the meeting's `persons`, is
    their event's: "On August 11, Tiu paid a call on Ha. ... The same day, Dien received Ito" counts
    from Dien's day, not Tiu's."""
    said_on = ctx.lexicon.compiled(MeetingDayRules).said_on
    said = [t for t in ctx.article.dates if t.precision == "day" and t.value and ctx.dateline_end <= t.start < pos
            and idx - ANCHOR_SENTENCES <= t.sentence <= idx and not _until_day(ctx, t, 0)
            and (t.sentence == idx   # "said on Tuesday he had met Lind the day before": the sentence's own day
                 or not said_on.search(ctx.low[max(0, t.start - SAID_ON_REACH):t.start]))   # "..., her office said on Thursday"
            and (t.sentence == idx or not _others_day(ctx, t.sentence, persons))]
    if said:
        return said[-1]
    return next((t for t in ctx.article.dates if t.precision == "day" and t.value and t.start >= ctx.dateline_end
                 ), None) if lead else None


def _others_day(ctx: Context, sent: int, persons: list[str]) -> bool:
    """Whether sentence `sent` names people, none of `persons`, and has no pronoun that may stand for one
    ("He met Zafrul there on Wednesday" may be the meeting's own person)."""
    s, e = ctx.article.sentences[sent]
    named = {p.canonical for p in ctx.persons if s <= p.start < e}
    return bool(persons and named and not named & set(persons)) and not _PERSONAL.search(ctx.low, s, e)


def when(ctx: Context, idx: int, a: int, b: int, base: dict, only_segment: bool, cue: int) -> None:
    """Fill base["date"] and base["precision"]: the clause's date nearest the cue, else the sentence's."""
    low = ctx.low
    day_rules = ctx.lexicon.compiled(MeetingDayRules)
    days = span_days(ctx, a, cue)   # "two days of talks": dated by the first day, counted back from the last
    ending = bool(day_rules.trip_end.search(low, max(a, cue - TRIP_END_REACH), cue))
    if ending and days < 2:
        return   # the day a trip or talks ended: multi-day meetings take their first day, not said here
    floor = max(a, ctx.dateline_end)   # "BEIJING, Nov 3 (Reuters) -" dates the story, not the meeting
    exprs = [t for t in ctx.article.dates if floor <= t.start < b and not _until_day(ctx, t, a)
             and not _statement_day(ctx, t, a, b, cue) and not _gathering_day(ctx, t, a, cue)
             and not in_another_life(ctx, t, cue) and another_event(ctx, t, cue) is None and not since_then(ctx, t, a, cue)
             and not gathering_span(ctx, t)]
    if not exprs:   # "three days after the tariffs took effect on Monday": counted from another event's day
        e = ctx.article.sentences[idx][1]
        nxt = ctx.rules.boundary.search(low, b + 2, e) if b < e else None   # "..., three days | after the tariffs ..."
        stop = nxt.start() if nxt else e
        apart = [(t, n) for t in ctx.article.dates if floor <= t.start < stop and t.precision == "day" and t.value
                 and (n := another_event(ctx, t, cue))]
        if apart:
            t, n = apart[0]
            base["precision"], base["date"] = "day", t.value + timedelta(days=n)
            return
    if not exprs and only_segment:
        t = date_for_sentence(ctx.article, idx)
        e = ctx.article.sentences[idx][1]
        exprs = [t] if t is not None and t.start >= floor and not _statement_day(ctx, t, 0, e, cue) and not (
            _gathering_day(ctx, t, 0, cue)) and not _until_day(ctx, t, 0) and not in_another_life(ctx, t, cue) and (
            another_event(ctx, t, cue) is None) and not since_then(ctx, t, 0, cue) and not gathering_span(ctx, t) else []
    s = ctx.article.sentences[idx][0]
    if not exprs and a > s and _DURING.match(low, s):   # "During his visit on Monday, X held talks with Y"
        exprs = [t for t in ctx.article.dates if max(s, ctx.dateline_end) <= t.start < a]
    if not exprs and a > s and _WHERE_THEN.match(low, a) and not day_rules.ends.search(low, s, a):
        # "travel to Canberra on Thursday, where he will meet"; not "wrapped up a visit on Monday, where"
        exprs = [t for t in ctx.article.dates if max(s, ctx.dateline_end) <= t.start < a
                 and not _until_day(ctx, t, s) and not _statement_day(ctx, t, s, a, cue)][-1:]
    if not exprs and _WHEN_AFTER.match(low, b):   # "will hold talks with Lind when he visits Geneva on Thursday"
        e = ctx.article.sentences[idx][1]
        nxt = ctx.rules.boundary.search(low, b + 2, e)
        stop = nxt.start() if nxt else e
        exprs = [t for t in ctx.article.dates if b <= t.start < stop and t.precision == "day" and not _until_day(ctx, t, b)
                 and not _statement_day(ctx, t, b, stop, cue) and not in_another_life(ctx, t, cue)][:1]
    counted = _ANCHORED.search(low, a, ctx.article.sentences[idx][1])   # "the following day" runs past a cut at "following"
    counted = counted if counted and counted.start() < b else None
    if exprs:
        other = [t for t in exprs if t.end <= cue and (_OTHER_VERB.search(low, t.end, cue) or for_the_meeting(low, t, cue))]
        best = refined(min(exprs, key=lambda t: (t in other, abs(t.start - cue))), exprs)
        base["precision"] = best.precision
        base["date"] = _ahead_if_planned(ctx, best, a, b) if best.precision == "day" else None
        if best.start > cue and other and best.precision == "day":   # "arrived on Sunday for talks on Monday"
            base["date"] = counted_from(ctx, best, other[-1]) or base["date"]
        if days >= 2 and base["date"] and (ending or ended_on(ctx, best, a)):
            base["date"] = first_day(base["date"], days)
        elif base["date"] and best.precision == "day" and (nth := nth_day(ctx, a, b)) >= 2:
            base["date"] = first_day(base["date"], nth)   # "met for a second day on Tuesday": the talks began Monday
        if counted and counted.start() > cue and best.value and best.precision == "day" \
                and best.end <= cue and _OTHER_VERB.search(low, best.end, cue):
            # "arrived on Monday and met Lind the following day": counted from the other verb's day
            base["date"] = date.fromordinal(best.value.toordinal() + _days_on(ctx, counted))
        return
    if counted:   # "The next day he met Lind": counted from the last day said before it
        # "the first day" of a span said before: never the story's lead day
        anchor = _anchor(ctx, idx, counted.start(), base.get("persons", []), lead=not counted.group("first"))
        if anchor is not None:
            base["precision"], base["date"] = "day", date.fromordinal(anchor.value.toordinal() + _days_on(ctx, counted))
        return
    there = presence_day(ctx, idx, a, b, base.get("persons", []))   # "Wang spent Tuesday in Geneva. He met Lind."
    if there is not None:
        base["precision"], base["date"] = "day", there.value
        return
    # "two days after": relative to the day the story is about, its lead's day
    lead = next((t for t in ctx.article.dates if t.precision == "day" and t.start >= ctx.dateline_end), None)
    if lead is None:
        return
    m = _DAYS_APART.search(low, max(0, a - DAYS_APART_BEFORE), a + DAYS_APART_INTO)
    if m and lead.value and (n := ctx.rules.numbers.get(m.group(1))):
        shift = -n if m.group(2) == "after" else n
        base["precision"], base["date"] = "day", date.fromordinal(lead.value.toordinal() + shift)


def invitation_day(ctx: Context, idx: int, invited: int, b: int) -> tuple[object, str]:
    """ "accepted an invitation to visit Washington on November 20": the day said after the invitation
    is the visit's; a day before it ("accepted on Monday an invitation") is the accepting's."""
    said: dict = {}
    when(ctx, idx, invited, b, said, False, invited)
    return said.get("date"), said.get("precision", "")
