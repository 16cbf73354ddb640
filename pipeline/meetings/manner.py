"""How, when, where and on what occasion a clause says a meeting took place, and whether it has."""
from __future__ import annotations

import re
from datetime import date

from pipeline.dates.expressions import date_for_sentence
from pipeline.meetings.clauses import Context
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
# "held talks on Monday by video link": a manner word qualifies a cue this close to it
MANNER_REACH = 40

_SIDELINES = re.compile(r"\b(?:on|at) the (?:sidelines|margins) of\b")
_AT_OCCASION = re.compile(r"\bat (?:the|a) ")
_DURING = re.compile(r"\s*[\"'“‘]?(?:during|while|on the sidelines of|at)\b")
_SAME_DAY = re.compile(r"\b(?:(?:earlier|later) (?:in|that) the day|earlier that day|later that day|the same day)\b")
_DAYS_APART = re.compile(r"\b(\w+) days? (after|before)\b")
_RELATIVE = re.compile(r",? (?:which|where) ")
# "travel to Geneva on Sunday and meet Lutnick": a day before "and" + the cue is the other verb's
_OTHER_VERB = re.compile(r"\s(?:and|then)\s+(?:then\s+|also\s+|later\s+)?$")
_WORD_BEFORE = re.compile(r"(\w+)\s+(?:on\s+)?$")


def has_tense(ctx: Context, seg: str) -> bool:
    """A verb that reports the meeting as done or going on."""
    return bool(ctx.rules.tense.search(seg))


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
    return ctx.places.city_in(ctx.low, ctx.text, a, b, ctx.taken, invite)


def city_in_relative(ctx: Context, idx: int, b: int) -> str:
    """ "at the forum, which took place in Geneva": the place in the clause describing the event."""
    if not _RELATIVE.match(ctx.low[b:b + RELATIVE_REACH]):
        return ""
    e = ctx.article.sentences[idx][1]
    nxt = ctx.rules.boundary.search(ctx.low, b + 3, e)
    return city_of_clause(ctx, b, nxt.start() if nxt else e)


class MeetingDayRules:
    """The words that tell a day of something else from the day of the meeting, composed once per lexicon."""

    def __init__(self, lexicon):
        starts = lexicon.data("date_patterns.json")["event_start_verbs"]
        gatherings = lexicon.data("meeting_patterns.json")["gatherings"]
        said = trie_alternation(lexicon.data("date_patterns.json")["statement_verbs"])
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


def when(ctx: Context, idx: int, a: int, b: int, base: dict, only_segment: bool, cue: int) -> None:
    """Fill base["date"] and base["precision"]: the clause's date nearest the cue, else the sentence's."""
    low = ctx.low
    floor = max(a, ctx.dateline_end)   # "BEIJING, Nov 3 (Reuters) -" dates the story, not the meeting
    exprs = [t for t in ctx.article.dates if floor <= t.start < b
             and not _statement_day(ctx, t, a, b, cue) and not _gathering_day(ctx, t, a, cue)]
    if not exprs and only_segment:
        t = date_for_sentence(ctx.article, idx)
        e = ctx.article.sentences[idx][1]
        exprs = [t] if t is not None and t.start >= floor and not _statement_day(ctx, t, 0, e, cue) and not (
            _gathering_day(ctx, t, 0, cue)) else []
    s = ctx.article.sentences[idx][0]
    if not exprs and a > s and _DURING.match(low, s):   # "During his visit on Monday, X held talks with Y"
        exprs = [t for t in ctx.article.dates if max(s, ctx.dateline_end) <= t.start < a]
    if exprs:
        best = min(exprs, key=lambda t: (t.end <= cue and bool(_OTHER_VERB.search(low, t.end, cue)),
                                         abs(t.start - cue)))
        base["precision"] = best.precision
        base["date"] = best.value if best.precision == "day" else None
        return
    # "earlier in the day", "two days after": relative to the day the story is about, its lead's day
    lead = next((t for t in ctx.article.dates if t.precision == "day" and t.start >= ctx.dateline_end), None)
    if lead is None:
        return
    if _SAME_DAY.search(low, a, b):
        base["precision"], base["date"] = "day", lead.value
        return
    m = _DAYS_APART.search(low, max(0, a - DAYS_APART_BEFORE), a + DAYS_APART_INTO)
    if m and lead.value and (n := ctx.rules.numbers.get(m.group(1))):
        shift = -n if m.group(2) == "after" else n
        base["precision"], base["date"] = "day", date.fromordinal(lead.value.toordinal() + shift)
