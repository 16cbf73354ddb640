"""Which day of a clause is the meeting's: the first day of talks counted in days, the day of the
talks a trip was made for, not a day of another person's past told in a relative clause."""
from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.dates.expressions import resolve_expression
from pipeline.meetings.clauses import Context
from pipeline.meetings.rules import MeetingRules
from pipeline.text.alternation import trie_alternation

# "the tariffs took effect on Monday": the other event's verb stands right before its day
EVENT_VERB_REACH = 32
# "concluded three days of talks": the count stands a few words before the meeting noun
SPAN_REACH = 30
# "talks ... ended on Tuesday": the ending verb stands right before the day it ends on
ENDED_ON_REACH = 16

# "arrived on Sunday for talks", "flew in on Sunday to meet": the trip's day, then the meeting it was for
_PURPOSE = re.compile(r"[^,;:]*?\s(?:for|to)\s+(?:[\w-]+\s+){0,2}$")
# ", who took office on March 3,": a person's own past, told in passing
_WHO = re.compile(r",\s+who(?:se)?\s")
_CLAUSE_END = re.compile(r"[,;:()]")
# "he had met Lind in Paris": an earlier meeting, told in the past perfect
_HAD = re.compile(r"\b(?:had|'d)\s+(?:\w+\s+)?(?:met|held|spoken|talked|visited)\b")
# "are meeting on Monday", "meets Lind on Friday": the present progressive, or a meeting verb in the
# present simple, with a day still ahead tells a plan
_PROGRESSIVE = re.compile(r"\b(?:(?:is|are|am)\s+(?:also\s+|now\s+)?\w+ing|meets|hosts|holds|visits|receives|welcomes|travels|heads|flies|arrives)\b")
# "their first meeting since talks in Geneva on Monday": a day after "since" is an earlier event's
_SINCE = re.compile(r"\bsince\b(?:\s+(?!and\b|but\b)[\w'’-]+){0,5}\s+(?:on\s+)?$")
# "on the sidelines of the annual WTO ministerial meeting in Geneva on 3-4 November": a gathering before its days
GATHERING_REACH = 120
_AROUND = re.compile(r"\b(?:sidelines|margins|during|attending|attended|attend)\b")
_MEETING_NOUN = re.compile(r"\b(?:meeting|meetings|ministerial|assembly|conference|congress)\b")
_DAY_RANGE = re.compile(r"\d\s*(?:-|–|and|to)\s*\d")
_COUNTED = re.compile(r"\b\w+-day\b")
_SPAN_LINK = re.compile(r"\s*(?:-|–|and|to|through|until|till)\s*")
# "ahead of the Nov. 20 session": how far before a dated reference the word relating it to another meeting stands
OTHER_BEFORE_REACH = 16
# "the first meeting since ... on Monday": how far before a day its "since" may stand
SINCE_REACH = 60


class OtherEventRules:
    """ "days before the deadline on Friday", "a deal signed on 5 May": a day that belongs to another
    event than the meeting, composed once per lexicon."""

    def __init__(self, lexicon):
        verbs = trie_alternation(lexicon.data("date_patterns.json")["other_event_verbs"])
        self.event_on = re.compile(rf"\b(?:{verbs})\s+(?:on\s+)?$")
        numbers = lexicon.data("date_patterns.json")["numbers"]
        self.count_of = {w: int(n) for w, n in numbers.items()}
        self.opens = re.compile(r"[\s,]*(?:\w+ days? |the day |hours |weeks )?(?:after|before|following|ahead of|prior to)\b")
        self.relation = re.compile(r"\b(?:(?P<n>\d{1,2}|the|" + trie_alternation(self.count_of) + r") days? )?"
                                   r"(?P<rel>after|before|following|ahead of|prior to)\b")


def another_event(ctx: Context, t, cue: int) -> int | None:
    """None where the day may be the meeting's; else how many days the meeting lies from it, 0 where
    that is not said: "met Lind, days before the deadline on Friday" (0, the day is the deadline's),
    "met Lind three days after the tariffs took effect on Monday" (3), "a deal signed on 5 May" (0).
    Only words after the cue count: "after meeting Lind on Monday" keeps the cue between."""
    rules = ctx.lexicon.compiled(OtherEventRules)
    rel = None
    for rel in rules.relation.finditer(ctx.low, cue, t.start) if t.start > cue else ():
        pass
    # "after meeting Lind on Monday": the cue's own day; "the day after the summit ended on Monday": another event's
    if rel is None or ctx.rules.cue.search(ctx.low, rel.end(), t.start) and not ctx.rules.definite.search(
            ctx.low, rel.end(), t.start):
        return 0 if rules.event_on.search(ctx.low, max(cue + 1, t.start - EVENT_VERB_REACH), t.start) else None
    n = rel.group("n")
    days = int(n) if n and n.isdigit() else 1 if n == "the" else rules.count_of.get(n, 0) if n else 0
    return -days if rel.group("rel") in ("before", "ahead of", "prior to") else days


class DaySpanRules:
    """ "two days of talks", "a three-day visit", "talks entered a second day": a meeting counted in days,
    composed once per lexicon."""

    def __init__(self, lexicon):
        data = lexicon.data("meeting_patterns.json")
        numbers = lexicon.data("date_patterns.json")["numbers"]
        self.count_of = {w: int(n) for w, n in numbers.items()} | {str(n): n for n in range(2, 15)}
        count = trie_alternation(self.count_of)
        self.span = re.compile(rf"\b(?P<n>{count})(?:-| )days?(?: of)?\s+(?:[\w-]+\s+){{0,2}}?$")
        # the verbs that end a trip or talks, one alternation for every pattern built on them
        self.ending = trie_alternation(data["trip_end_verbs"])
        self.ended_on = re.compile(rf"\b(?:{self.ending})\s+(?:on\s+)?$")
        # "met for a second day", "entered a third straight day", "on the second day of talks": the day
        # said is that day of the talks; not "on the second day of his visit", a day of a trip the meeting lies in
        self.ordinal_of = dict(lexicon.data("date_patterns.json")["ordinals"])
        self.nth_day = re.compile(rf"\b(?:a|the|its|their)\s+(?P<n>{trie_alternation(self.ordinal_of)})\s+"
                                  r"(?:(?:straight|consecutive|successive|full)\s+)?day\b(?!\s+of\s+(?:\w+\s+){0,2}?"
                                  r"(?:visits?|trips?|tours?|stay|state visit)\b)")


def span_days(ctx: Context, a: int, cue: int) -> int:
    """How many days the talks the cue names lasted: "two days of talks" 2, "a three-day visit" 3, else 0."""
    rules = ctx.lexicon.compiled(DaySpanRules)
    m = rules.span.search(ctx.low, max(a, cue - SPAN_REACH), cue)
    return rules.count_of.get(m.group("n"), 0) if m else 0


def ended_on(ctx: Context, t, floor: int) -> bool:
    """ "talks that ended on Tuesday": the day an ending verb gives."""
    return bool(ctx.lexicon.compiled(DaySpanRules).ended_on.search(ctx.low, max(floor, t.start - ENDED_ON_REACH), t.start))


def nth_day(ctx: Context, a: int, b: int) -> int:
    """Which day of the talks the clause's day is: "met for a second day on Tuesday" 2, else 0."""
    m = ctx.lexicon.compiled(DaySpanRules).nth_day.search(ctx.low, a, b)
    return ctx.lexicon.compiled(DaySpanRules).ordinal_of[m.group("n")] if m else 0


def since_then(ctx: Context, t, floor: int, cue: int) -> bool:
    """ "met Lind, their first talks since a call on Monday": the day of the earlier event "since" counts
    from; the day of the meeting whose cue follows "since" ("since a round in Oslo on May 3") is its own."""
    m = _SINCE.search(ctx.low, max(floor, t.start - SINCE_REACH), t.start)
    return bool(m) and m.start() > cue


class SinceRules:
    """ "since a tense round in Beijing on Feb. 12": an earlier meeting named after "since", composed once per lexicon."""

    def __init__(self, lexicon):
        nouns = lexicon.data("meeting_patterns.json")["meeting_nouns"]
        self.meeting = re.compile(rf"\b(?:{trie_alternation(set(nouns) | {'round', 'rounds', 'negotiations'})})\b")


def met_since(ctx: Context, a: int, b: int, cue: int) -> list[tuple]:
    """(day, where its "since" starts) of each earlier meeting named after "since" from a to b (the clause
    and the rest of its sentence), whose cue comes before it: "met Lind, their first talks since a round in Oslo on May 3" (May 3, "since ...")."""
    meeting = ctx.lexicon.compiled(SinceRules).meeting
    found = []
    for t in ctx.article.dates:
        if a <= t.start < b and t.precision == "day" and t.value:
            m = _SINCE.search(ctx.low, max(a, t.start - SINCE_REACH), t.start)
            if m and m.start() > cue and meeting.search(ctx.low, m.start(), t.start):
                found.append((t, m.start()))
    return found


# "arrived on Thursday for a day of meetings", "flew in on Monday to hold talks": the trip's day, then what it was for
_TRIP_FOR = re.compile(r"[^,;:]{0,40}?\b(?:for|to)\s+(?:[\w-]+\s+){0,3}?$")
# "for a two-day visit", "three days of talks": a stay of several days, whose first day dates no meeting told next
_SEVERAL_DAYS = re.compile(r"(?<!\bone)-days?\b|\bdays\b|\bweek")


class PresenceRules:
    """ "Wang spent Tuesday in Geneva. He met Lind ...": a sentence of one place on one day, composed once per lexicon."""

    def __init__(self, lexicon):
        data = lexicon.data("date_patterns.json")
        self.presence = re.compile(rf"\b(?:{trie_alternation(data['presence_phrases'])})\b")
        self.trip = re.compile(rf"\b(?:{trie_alternation(data['trip_words'])})\b|\w-days?\b")
        self.cue = lexicon.compiled(MeetingRules).cue
        self.cue_kind = lexicon.compiled(MeetingRules).cue_kind
        self.arrival = re.compile(rf"\b(?:{trie_alternation(data['arrival_verbs'])})\b")


def presence_day(ctx: Context, idx: int, a: int, b: int, persons: list[str]):
    """The day the sentence before puts one of `persons` in one place ("Wang spent Tuesday in Geneva."),
    for an undated meeting held, told at the start of the next sentence of the same paragraph ("He met
    Lind there", "In a meeting at the ministry, Wang and Lind ..."); None elsewhere."""
    s, e = ctx.article.sentences[idx]
    if idx == 0 or a != s or not persons:
        return None
    ps, pe = ctx.article.sentences[idx - 1]
    rules = ctx.lexicon.compiled(PresenceRules)
    if "\n" in ctx.low[ps:s] or _HAD.search(ctx.low, a, b):
        return None
    said = [t for t in ctx.article.dates if t.sentence == idx - 1 and t.start >= ctx.dateline_end]
    if len(said) != 1 or said[0].precision != "day" or said[0].value is None:
        return None
    if not trip_for_talks(ctx, said[0], pe) and (
            not rules.presence.search(ctx.low, ps, pe) or rules.trip.search(ctx.low, ps, pe)
            or rules.cue.search(ctx.low, ps, pe) or ctx.rules.planned.search(ctx.low, a, b)):
        return None
    there = {p.canonical for p in ctx.persons if ps <= p.start < pe}
    return said[0] if there & set(persons) else None


def trip_for_talks(ctx: Context, t, pe: int) -> bool:
    """ "arrived in Hanoi on Thursday for a day of meetings", "flew to Oslo on Monday to hold talks": a trip
    made on that day for talks, which the talks told next in its paragraph took place on; not a stay of
    several days ("for a three-day visit") nor a trip for a visit of no said length."""
    s = ctx.article.sentences[t.sentence][0]
    rules = ctx.lexicon.compiled(PresenceRules)
    if not rules.arrival.search(ctx.low, s, t.start) or _SEVERAL_DAYS.search(ctx.low, s, pe):
        return False
    for m in rules.cue.finditer(ctx.low, t.end, pe):
        if rules.cue_kind.get(m.group()) == "meet" and _TRIP_FOR.match(ctx.low, t.end, m.start()):
            return True
    return False


def refined(best, exprs: list):
    """ "earlier this week, on Monday", "last month, on October 14": the day inside the vague period that
    the clause also names, which says when the meeting was; else the expression itself."""
    if best.value is None or best.precision not in ("week", "month"):
        return best
    for t in exprs:
        if t.precision == "day" and t.value and (
                best.precision == "week" and 0 <= (t.value - best.value).days < 7
                or best.precision == "month" and (t.value.year, t.value.month) == (best.value.year, best.value.month)):
            return t
    return best


def into_week(ctx: Context, sents: set[int], day: date) -> date:
    """ "will meet next week ... The talks are set for Thursday": the weekday of a day said later, in the
    week the meeting's own sentences name (its first day), where the day fell outside it."""
    week = next((t.value for t in ctx.article.dates if t.sentence in sents and t.precision == "week" and t.value), None)
    if week is None or 0 <= (day - week).days < 7:
        return day
    return week + timedelta(days=(day.weekday() - week.weekday()) % 7)


def gathering_span(ctx: Context, t) -> bool:
    """ "met Lind on the sidelines of the WTO meeting in Geneva on 3-4 November", "during a two-day G20 meeting
    ... on Monday and Tuesday", "..., which runs from Friday to Sunday": days of a gathering of several days,
    on one of which the meeting took place; no day of the meeting's own."""
    s = ctx.article.sentences[t.sentence][0]
    lead = ctx.low[max(s, t.start - GATHERING_REACH):t.start]
    occasion = _AROUND.search(lead)
    if occasion is None or not (ctx.rules.generic_occasion.search(lead, occasion.end()) or ctx.rules.named_occasion.search(
            lead, occasion.end()) or _MEETING_NOUN.search(lead, occasion.end())):
        return False
    if _DAY_RANGE.search(t.text) or _COUNTED.search(lead, occasion.start()):
        return True
    nxt = next((u for u in ctx.article.dates if u.start >= t.end and u.sentence == t.sentence), None)
    return bool(nxt and _SPAN_LINK.fullmatch(ctx.low, t.end, nxt.start))


def first_day(last: date, days: int) -> date:
    """Multi-day talks are dated to their first day."""
    return last - timedelta(days=days - 1)


def for_the_meeting(low: str, t, cue: int) -> bool:
    """ "arrived in Geneva on Sunday for talks", "flew in on Sunday to meet": the day of the trip made
    for the meeting, which a day said after the cue outranks."""
    return t.end <= cue and bool(_PURPOSE.match(low, t.end, cue))


def in_another_life(ctx: Context, t, cue: int) -> bool:
    """ "Wang, who took office on March 3, met Lind": a day told in a relative clause about a person,
    which the meeting cue lies outside of."""
    s, e = ctx.article.sentences[t.sentence]
    who = None
    for who in _WHO.finditer(ctx.low, s, t.start):
        pass
    if who is None or _CLAUSE_END.search(ctx.low, who.end(), t.start):
        return False
    end = _CLAUSE_END.search(ctx.low, t.end, e)
    stop = end.start() if end else e
    return not who.start() <= cue < stop


def counted_from(ctx: Context, t, before) -> date | None:
    """ "arrived on Sunday for talks on Monday": a bare weekday after the trip's day is the first such
    day on or after it, whatever tense the sentence reads in."""
    if before is None or before.value is None or any(ch.isdigit() for ch in t.text):
        return None
    value, precision = resolve_expression(t.text, before.value, ctx.lexicon, future=True)
    return value if precision == "day" else None


def planned_by_day(ctx: Context, seg: str, day) -> bool:
    """ "are meeting on Monday", published the Wednesday before: a progressive with a day ahead."""
    pub = ctx.article.published
    return bool(day and pub and day > pub and _PROGRESSIVE.search(seg))


def another_gathering(ctx: Context, a: int, same_sentence: list) -> bool:
    """ "Wang will meet Lind before the summit on Friday": a clause opened by a word relating it to the
    meeting its sentence has told names another event, not that meeting again."""
    opens = ctx.lexicon.compiled(OtherEventRules).opens.match(ctx.low, a)
    return bool(opens) and any(len(c.parties) >= 2 and c.kind == "meet" for c in same_sentence)


class DatedReferenceRules:
    """ "after the Nov. 15 session", "Monday's talks": a day written as the attribute of a meeting noun,
    composed once per lexicon."""

    def __init__(self, lexicon):
        nouns = set(lexicon.data("meeting_patterns.json")["meeting_nouns"]) | {"round", "negotiations"}
        # "ahead of the Nov. 20 session", "since Monday's talks": another meeting than the one just reported
        self.other_before = re.compile(r"\b(?:ahead of|before|prior to|since|until|unlike|than|next|previous|last)\s+(?:the\s+)?$")
        self.noun_after = re.compile(rf"(?:['\u2019]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{trie_alternation(nouns)})\b")


def dated_reference(ctx: Context, idx: int, status: str):
    """The one day sentence `idx` gives a meeting noun as its attribute ("told reporters after the Nov. 15
    session", "Monday's talks were useful"): a definite reference back to the meeting just reported; else None."""
    rules = ctx.lexicon.compiled(DatedReferenceRules)
    found = []
    for t in ctx.article.dates:
        if t.sentence != idx or t.precision != "day" or t.value is None or t.start < ctx.dateline_end:
            continue
        possessive = ctx.low.startswith(("'s ", "\u2019s "), t.end)
        if (possessive or ctx.low.endswith("the ", 0, t.start)) and rules.noun_after.match(ctx.low, t.end) \
                and not rules.other_before.search(ctx.low, max(0, t.start - OTHER_BEFORE_REACH), t.start):
            found.append(t)
    pub = ctx.article.published
    if len(found) != 1 or pub and (found[0].value > pub) != (status == "planned"):
        return None   # a held meeting's day lies behind publication, a planned one's ahead
    return found[0]
