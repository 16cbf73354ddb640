"""Meetings: who, when, where, how, held or planned.

Only sentences holding a cue word (met, talks, video call, visit ...) are read.
Each sentence is cut into clauses at subordinators ("since", "after", ", who",
"that" ...) so that "the talks ... since Hart and Zhou met in May" gives two
meetings, each with the people, date and place of its own clause.  A clause
that names fewer than two sides borrows them only through an explicit reference
("the two", "they", "his counterpart"), and otherwise just adds its sentence to
an earlier meeting: missing a meeting is better than inventing one.

All mentions of one meeting in an article are merged into one `Meeting`
(`assemble`). The words come from the lexicon (`MeetingRules`), the parties from
`participants`, how/when/where from `manner`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from pipeline.article import Article
from pipeline.lexicon.lexicon import Lexicon
from pipeline.meetings.after_talks import talks_after
from pipeline.meetings.assemble import assemble
from pipeline.meetings.bodies import bilateral_body_meeting
from pipeline.meetings.clauses import Context, segments
from pipeline.text.folding import lower_keeping_offsets
from pipeline.meetings.clue import Clue, unique
from pipeline.meetings.days import another_gathering, met_since
from pipeline.meetings.followups import FollowUpRules, convened_body, follow_up, launched_body_meeting
from pipeline.meetings.manner import (city_here, city_in_relative, city_of_clause, city_of_presence, city_there,
                                      has_tense, invitation_day, mode, status_of, when)
from pipeline.meetings.participants import implicit_countries, parties_of
from pipeline.meetings.separate import split_counterparts
from pipeline.meetings.roles import weak_cue_fails
from pipeline.meetings.rules import MeetingRules
from pipeline.text.alternation import trie_alternation

# "are expected to meet in South Korea": the "in" before a country the meeting is set in
IN_COUNTRY_REACH = 8

_LAUNCH_TOPIC = re.compile(r"(?:up )?(?:(?:a|an|the) )?")
_ALSO = re.compile(r"\balso\b")
_SINCE = re.compile(r"\bsince\b")
_THEIR = re.compile(r"\btheir\b")
# "will visit", "is due to visit", "would then visit": the words that make "visit" a verb stand right before it
VISIT_VERB_REACH = 20
# ", two weeks | after": how far the span's words reach either side of the cut before "after"
SPAN_APART_BEFORE = 10
SPAN_APART_INTO = 12
_TO_VISIT = re.compile(r"\b(?:will|would|shall|to|may|might|could|should|must)\s+(?:then\s+|also\s+|later\s+)?$")
_DETERMINER = re.compile(r"\b(?:the|his|her|their|its|a|an|this|that)\s+(?:[\w-]+\s+)?$")
_ASIDE = re.compile(r"\b(?:bilateral (?:meeting|meetings|talks|discussions|session)|on the (?:sidelines|margins))\b")
# "visited Swedish trade minister Lind": a title may stand between the verb and its object
VISITED_PERSON_REACH = 30
# "Lind's visit to Budapest": the noun names where the trip goes
_VISIT_TO = re.compile(r" to ")
_NOT_VISIT_OBJECT = re.compile(r"[,.;:()]|\b(?:by|from|to|and|with|in|on|of|for|after|before|where)\b")


def extract_meetings(article: Article, lexicon: Lexicon) -> Article:
    """Fill article.meetings from the sentences that carry a meeting cue."""
    article.meetings = []
    if not article.sentences:
        return article
    low = lower_keeping_offsets(article.text)
    rules = lexicon.compiled(MeetingRules)
    starts = [s for s, _ in article.sentences]
    cues_by_sent: dict[int, list[re.Match]] = {}
    for m in rules.cue.finditer(low):
        cues_by_sent.setdefault(bisect_right(starts, m.start()) - 1, []).append(m)
    if not cues_by_sent:
        return article
    ctx = Context(article, low, [article.sentences[i] for i in cues_by_sent], lexicon)
    clues: list[Clue] = []
    peopled = {bisect_right(starts, m.start) - 1 for m in ctx.persons} | {
        bisect_right(starts, h[0]) - 1 for h in ctx.countries}
    # "A second round is scheduled for Oslo": a later meeting of the sides just reported, cue word or not
    again = {bisect_right(starts, m.start()) - 1 for m in lexicon.compiled(FollowUpRules).trigger.finditer(low)}
    for idx in sorted(set(cues_by_sent) | again):
        later = follow_up(ctx, idx, clues) if idx in again else None
        if later is not None or idx not in cues_by_sent:
            clues += [later] if later else []
            continue
        body = launched_body_meeting(ctx, idx, clues)   # "The working group's first meeting took place in Geneva"
        if body is not None:
            clues.append(body)
            continue
        s, e = article.sentences[idx]
        if idx not in peopled and not (rules.ref_word.search(low, s, e) and rules.any_ref.search(low, s, e)) \
                and not implicit_countries(ctx, idx, s, e, clues):
            # nobody in the sentence, not even "he", "the two" or "both countries": at most earlier rounds
            # of the article's meeting, or details of the one just reported ("The talks took place in Geneva")
            lone = _earlier_rounds(ctx, idx, s, e) or (_lone_pointer(ctx, idx, s, e) if idx - 1 in cues_by_sent else None)
            lone = bilateral_body_meeting(ctx, idx, clues) or lone   # "the joint committee will meet in May"
            clues += [lone] if lone else []
            continue
        blocked = [(m.start(), m.end()) for m in rules.not_meeting.finditer(low, s, e)]
        cues = [m for m in cues_by_sent[idx] if not any(a <= m.start() < b or a < m.end() <= b for a, b in blocked)]
        segs = [seg for seg in segments(ctx, s, e) if any(seg[0] <= m.start() < seg[1] for m in cues)]
        for a, b in segs:
            seg_cues = [m for m in cues if a <= m.start() < b]
            split = _then_planned(ctx, a, b, seg_cues)
            held = _clues_of_segment(ctx, idx, a, split or b, [m for m in seg_cues if m.start() < (split or b)],
                                     clues, len(segs) == 1)
            clues += held + (_agreed_after(ctx, idx, split, b, seg_cues, held) if split else [])
        # "agreed to ..., including by convening the Joint Commission", "the X-Y Trade Committee will meet"
        body = convened_body(ctx, idx, clues) or bilateral_body_meeting(ctx, idx, clues)
        clues += [body] if body else []
    article.meetings = assemble(ctx, clues)
    return article


def _span_apart(ctx: Context, idx: int, a: int) -> bool:
    """ "..., a week | after their officials met": the clause at `a` opens a span of time away."""
    m = ctx.rules.span_apart.search(ctx.low, max(ctx.article.sentences[idx][0], a - SPAN_APART_BEFORE),
                                    a + SPAN_APART_INTO)
    return bool(m and m.start() < a < m.end())


def _clues_of_segment(ctx: Context, idx: int, a: int, b: int, cues: list[re.Match],
                      earlier: list[Clue], only_segment: bool) -> list[Clue]:
    low, rules = ctx.low, ctx.rules
    seg = low[a:b]
    if rules.generic.search(seg):
        return []
    # "A and B announced the deal after talks in Geneva": the subject's own talks, not earlier rounds
    after = None if ctx.persons_in(a, b) else talks_after(ctx, idx, a, b)
    if after:
        return [after]
    rounds = None if ctx.persons_in(a, b) else _earlier_rounds(ctx, idx, a, b)
    if rounds:   # "this follows talks in Tokyo and Osaka between officials of the two governments"
        return [rounds]
    kinds = {}
    for m in cues:
        kind = rules.cue_kind[m.group()]
        if weak_cue_fails(ctx, kind, m, a, b):
            continue
        kinds.setdefault(kind, m)
    if not kinds:
        return []
    if not (any(a <= p.start < b for p in ctx.persons) or any(a <= h[0] < b for h in ctx.countries)
            or rules.any_ref.search(seg) or seg.startswith(", who ") or a in ctx.resumed
            or implicit_countries(ctx, idx, a, b, earlier)):
        rounds = _earlier_rounds(ctx, idx, a, b)    # nobody here: at most a pointer back
        if rounds:
            return [rounds]
        same = [c for c in earlier if c.sent == idx and c.kind == "meet" and c.status == "held"]
        if same and _THEIR.search(seg) and status_of(ctx, seg) == "planned":
            # "held a video call on Monday, days before their planned meeting in Geneva": another meeting
            return _agreed_after(ctx, idx, a, b, cues, same[-1:])
        if not rules.definite.search(seg) or another_gathering(ctx, a, [c for c in earlier if c.sent == idx]):
            return []   # "will meet Lind before the summit on Friday": the summit is not their meeting
        return [_pointer(ctx, idx, a, b, min(m.start() for m in kinds.values()))]
    parties = parties_of(ctx, idx, a, b, cues, earlier)
    persons, sides, countries, destinations = parties.persons, parties.sides, parties.countries, parties.destinations
    if len(countries) >= 2 and not ctx.persons_in(a, b) and rules.promise.search(seg) and rules.country_pair.search(seg) \
            and any(c.sent >= idx - 1 and set(c.countries) == set(countries) for c in earlier):
        persons, sides = [], list(countries)   # "the two sides vowed to hold talks": the countries will meet
    base = dict(sent=idx, persons=persons, sides=sides, countries=countries, occasion=parties.occasion,
                deputies=bool(sides and not persons and rules.deputies.search(seg)),
                span_apart=_span_apart(ctx, idx, a),
                repeat=bool(rules.repeat.search(seg)), also=bool(_ALSO.search(seg)), aside=bool(_ASIDE.search(seg)))
    again = ctx.lexicon.compiled(OneClauseTwice).again.search(low, a, b)   # "met on Monday and again on Wednesday"
    first_cue = min(m.start() for m in kinds.values())
    when(ctx, idx, a, again.start() if again else b, base, only_segment, first_cue)
    out: list[Clue] = []

    # "Wang and Lutnick resumed talks in Geneva on Monday": named people's talks on a day are a meeting, not a launch
    concrete = len(persons) >= 2 and base.get("precision") == "day" and "agree" not in kinds
    launches = [] if concrete else list(rules.launch.finditer(low, a, b))
    # "Sweden and Chile opened talks in Santiago on Monday": talks opened on a day were held that day
    if launches and base.get("precision") == "day" and "agree" not in kinds and len(unique(countries)) >= 2 \
            and all(rules.opened_past.fullmatch(m.group("verb") or "") for m in launches) \
            and status_of(ctx, seg, base.get("date")) == "held":
        launches = []
    for m in launches:   # "agreed to launch a dialogue": a planned meeting of the sides
        ks = unique(countries + [k for k in sides if k in ctx.places.country_names])
        if len(ks) >= 2:
            key = m.group().split()[-1].rstrip("s")
            verb_end = m.end("verb") if m.group("verb") else m.end("hold")
            said = low[verb_end + 1:m.end()]   # "a steel and energy dialogue"
            topic = said[_LAUNCH_TOPIC.match(said).end():]
            # "agreed to hold a high-level dialogue in Tokyo later this year": the city it is to meet in
            place = city_of_clause(ctx, m.end(), b)
            out.append(Clue(idx, [], ks, ks, kind="launch", key=key, status="planned", occasion=topic,
                            location=place, mode="in_person" if place else "unknown", strength=2 if place else 0))
    if out and set(kinds) <= {"meet", "agree"} and all(
            any(lm.start() <= c.start() < lm.end() for lm in launches) for k, c in kinds.items() if k == "meet"):
        kinds.pop("meet", None)   # the talks being launched are not a meeting held now

    if "invite" in kinds or "accept" in kinds:
        if ctx.accepted and len(persons) + len(sides) >= 2:
            loc = city_of_clause(ctx, a, b, invite=True) if "invite" in kinds else ""
            day, precision = invitation_day(ctx, idx, (kinds.get("invite") or kinds["accept"]).start(), b)
            out.append(Clue(**{**base, "location": loc, "date": day, "precision": precision}, kind="invite",
                            status="planned", mode="in_person", strength=2))
        invited = kinds.pop("invite", None)
        kinds.pop("accept", None)
        if invited is not None:   # "invited Muto to Washington for talks": the talks are the invitation's
            kinds = {k: m for k, m in kinds.items() if m.start() < invited.start()}
    if "agree" in kinds:
        if len(kinds) > 1 or len(persons) < 2 or len({ctx.country(p) for p in persons} - {""}) < 2:
            kinds.pop("agree")
    if not kinds:
        return out

    if set(kinds) == {"discuss"} and not any(a <= d.start < b and d.precision == "day" for d in ctx.article.dates):
        base["repeat"] = True   # "first discussed the plan in Nairobi in 2024": a meeting before the one reported
    how, strength = mode(ctx, kinds, seg, a)
    # "met ... and agreed to hold the next dialogue in Beijing": the launched dialogue's city is its own
    b_place = min([lm.start() for lm in launches if out], default=b)
    location = "" if how in ("phone", "video") else (city_of_clause(ctx, a, b_place) or city_in_relative(ctx, idx, b)
                                                     or city_here(ctx, a, b) or city_there(ctx, idx, a, b)
                                                     or city_of_presence(ctx, idx, a, b, persons))
    if location and strength < 2 and how != "unknown" or location and how == "unknown":
        how, strength = "in_person", 2
    status = ("held" if has_tense(ctx, seg) else "") if "agree" in kinds else status_of(ctx, seg, base.get("date"))
    if set(kinds) == {"agree"}:
        status = "held"
    base.update(mode=how, strength=strength, location=location, status=status)
    if not location:   # "are expected to meet in South Korea": no city, but a country to keep to
        base["destination"] = next((h[2] for h in ctx.countries if a <= h[0] < b
                                    and re.search(r"\bin (?:the )?$", low[max(a, h[0] - IN_COUNTRY_REACH):h[0]])), "")

    visits_person = "visit" in kinds and _visits_person(ctx, kinds["visit"], b)   # "is due to visit Lind in Stockholm"
    if "visit" in kinds and not destinations and not visits_person and len(persons) == 1 \
            and (_visit_verb(ctx, kinds["visit"]) or status == "planned" and _VISIT_TO.match(low, kinds["visit"].end())):
        # "Ishiba would visit Beijing next year", "Lind's visit to Budapest, expected next year, ...": a trip of
        # its own to the capital's country, not a mention of one
        host = ctx.places.host_of(location)
        destinations = [host] if host and host != ctx.country(persons[0]) else []
    if "visit" in kinds and not destinations and not persons and len(base["sides"]) == 1:
        # "a visit to Accra by the UK's trade minister": the city's country hosts the visiting side
        host = ctx.places.host_of(location)
        destinations = [host] if host and host not in base["sides"] else []
    if "visit" in kinds and not destinations and not visits_person and set(kinds) <= {"visit", "told", "agree", "speak"}:
        base["kind"] = "back"   # "Hart's visit": refers to a trip, names no counterpart
        return out + [Clue(**base)]
    host = ctx.places.host_of(location) if "visit" in kinds and not destinations and len(base["persons"]) == 1 else ""
    if host and host not in countries:   # "visited Beijing for the dialogue": the capital's country hosts
        destinations = [host]
    if "visit" in kinds and destinations:   # a visit to a country meets that country
        visitor = persons or [k for k in base["sides"] if k not in destinations]
        others = [k for k in base["sides"] if k not in destinations]
        for dest in destinations:
            ks = unique([ctx.country(p) for p in visitor] + others + [dest])
            out.append(Clue(**{**base, "persons": [p for p in visitor if p in persons], "sides": others + [dest],
                               "countries": ks, "mode": "in_person", "strength": 2, "destination": dest,
                               "visit": True}))
        return out
    split = split_counterparts(ctx, a, parties.side_end, persons, base)
    if split:
        return out + split
    clue = Clue(**base)
    if len(clue.parties) < 2:
        clue.pointer = bool(rules.definite.search(seg))
        clue.kind = "back" if clue.pointer or clue.parties else ""
        if not clue.kind:
            return out
    out.append(clue)
    if again and clue.kind != "back":   # each day said after "again" is another meeting of the same sides
        out += [replace(clue, date=t.value, precision="day", repeat=True) for t in ctx.article.dates
                if again.end() <= t.start < b and t.precision == "day" and t.value]
    if clue.kind != "back":   # "their first talks since a round in Oslo on May 3": that round is a row of its own
        out += [replace(clue, date=t.value, precision="day", repeat=True, status="held", location=city_of_clause(
            ctx, since, t.end)) for t, since in met_since(ctx, a, ctx.article.sentences[idx][1], first_cue)]
    return out


class OneClauseTwice:
    """Two meetings of one pair in one clause: "met on Monday and again on Wednesday", "met in Geneva
    and agreed to meet again in Tokyo" (a meeting held, then one agreed on)."""

    def __init__(self, lexicon):
        data = lexicon.data("meeting_patterns.json")
        promised = trie_alternation(data["cues"]["agree"] + data["pledge_verbs"])
        self.again = re.compile(r",? and (?:then |later )?again\b")
        self.then_planned = re.compile(rf",? and (?:then |later |also )?(?:{promised})(?: on \w+)? to\b")


def _then_planned(ctx: Context, a: int, b: int, cues: list[re.Match]) -> int | None:
    """Where "... and agreed to meet again in Tokyo" starts, after a clause reporting a meeting held:
    only where each half has a meeting cue of its own."""
    m = ctx.lexicon.compiled(OneClauseTwice).then_planned.search(ctx.low, a, b)
    if m is None or not has_tense(ctx, ctx.low[a:m.start()]):
        return None
    kinds = [(c.start(), ctx.rules.cue_kind[c.group()]) for c in cues]
    if any(pos < m.start() and k != "agree" for pos, k in kinds) and any(pos >= m.end() and k != "agree" for pos, k in kinds):
        return m.start()
    return None


def _agreed_after(ctx: Context, idx: int, a: int, b: int, cues: list[re.Match], held: list[Clue]) -> list[Clue]:
    """A planned meeting of the sides of the clause before ("... and agreed to meet in Tokyo", "days before
    their planned meeting in Geneva"), with its own place and day; none where it has neither."""
    first = next((c for c in reversed(held) if c.kind == "meet" and len(c.parties) >= 2), None)
    kinds = {ctx.rules.cue_kind[m.group()]: m for m in cues if m.start() >= a}
    kinds.pop("agree", None)
    if first is None or not kinds:
        return []
    seg = ctx.low[a:b]
    how, strength = mode(ctx, kinds, seg, a)
    said: dict = {}
    when(ctx, idx, a, b, said, False, min(m.start() for m in kinds.values()))
    place = "" if how in ("phone", "video") else city_of_clause(ctx, a, b)
    if not place and not said.get("precision"):
        return []   # "agreed to hold further talks": no meeting of its own said yet
    return [Clue(idx, list(first.persons), list(first.sides), list(first.countries), status="planned", mode=how,
                 strength=strength, location=place, date=said.get("date"), precision=said.get("precision", ""),
                 repeat=bool(ctx.rules.repeat.search(seg)))]


def _visit_verb(ctx: Context, cue: re.Match) -> bool:
    """ "visited", "will visit", "is due to visit": the visit told as an act, not named ("his visit")."""
    before = ctx.low[max(0, cue.start() - VISIT_VERB_REACH):cue.start()]
    return bool(_TO_VISIT.search(before) or cue.group() == "visited" and not _DETERMINER.search(before))


def _visits_person(ctx: Context, cue: re.Match, b: int) -> bool:
    """ "visited Lind", "will visit Swedish minister Lind": a visit whose object is a person of
    another country than its subject's, right after the verb."""
    guest = next((p for p in ctx.persons if cue.end() < p.start < min(b, cue.end() + VISITED_PERSON_REACH)), None)
    host = next((p for p in reversed(ctx.persons) if p.end <= cue.start() and ctx.sentence_of(p.start) == ctx.sentence_of(cue.start())), None)
    if guest is None or host is None or _NOT_VISIT_OBJECT.search(ctx.low, cue.end(), guest.start):
        return False
    c1, c2 = ctx.country(host.canonical), ctx.country(guest.canonical)
    return bool(c1 and c2 and c1 != c2)


def _earlier_rounds(ctx: Context, idx: int, a: int, b: int) -> Clue | None:
    """ "This follows talks in Geneva and Oslo": held rounds of the article's meeting, one per city."""
    m = ctx.rules.earlier_rounds.search(ctx.low, a, b)
    if m is None or ctx.rules.planned.search(ctx.low, a, b):
        return None
    cities = ctx.places.city_list(ctx.low, m.end(), b)
    return Clue(idx, [], [], [], kind="rounds", status="held", cities=cities) if cities else None


def _lone_pointer(ctx: Context, idx: int, s: int, e: int) -> Clue | None:
    """A sentence about the meeting just reported, naming nobody, that says where or when:
    "The talks took place in Geneva", "During the meeting on Tuesday, tariffs were discussed"."""
    m = ctx.rules.setting.match(ctx.low, s, e)
    if m is None:
        return None
    clue = _pointer(ctx, idx, s, e, m.start())
    gathering = ctx.rules.generic_occasion.search(ctx.low, m.start(), m.end())
    if gathering and gathering.group() not in ctx.low[slice(*ctx.article.sentences[idx - 1])]:
        clue.date, clue.precision = None, ""   # "... met Lind. The summit is set for Friday": another gathering's day
    vague = {(t.precision, t.value) for t in ctx.article.dates if t.sentence == idx and t.precision not in ("", "day")
             and not _SINCE.search(ctx.low, max(s, t.start - len("since ")), t.start + len("since"))}   # "the first since May"
    if vague - {(t.precision, t.value) for t in ctx.article.dates if t.sentence == idx - 1}:
        return None   # "The talks in Geneva last month ...": an earlier round, not the one just reported
    return clue if clue.location or clue.date else None


def _pointer(ctx: Context, idx: int, a: int, b: int, cue: int) -> Clue:
    """ "The talks took place in Geneva": a clause naming nobody that points back at a meeting,
    with the place and date it gives that meeting."""
    said: dict = {}
    when(ctx, idx, a, b, said, False, cue)
    return Clue(idx, [], [], [], kind="back", pointer=True, location=city_of_clause(ctx, a, b),
                date=said.get("date"), precision=said.get("precision", ""))
