"""Meetings: who, when, where, how, held or planned.

Only sentences holding a cue word (met, talks, video call, visit ...) are read.
Each sentence is cut into clauses at subordinators ("since", "after", ", who",
"that" ...) so that "the talks ... since Biden and Xi met in November" gives two
meetings, each with the people, date and place of its own clause.  A clause
that names fewer than two sides borrows them only through an explicit reference
("the two", "they", "his counterpart"), and otherwise just adds its sentence to
an earlier meeting: missing a meeting is better than inventing one.

All mentions of one meeting in an article are merged into one `Meeting`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from pipeline.dates import expressions as _dates
from pipeline.meetings import clauses as _clauses
from pipeline.meetings import places as _places
from pipeline.lexicon.lexicon import Lexicon
from pipeline.article import Article, Meeting

_DATA = _places.PATTERNS
_alternation = _places.alternation


_CUE_KINDS = [kind for _, kind in _DATA["cues"]]
_CUE = re.compile("|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(_DATA["cues"])))
_TRIGGERS = frozenset(_DATA["triggers"])
# the lookahead on the first letter lets the scan skip most positions without trying the words
_TRIGGER = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in _TRIGGERS})) + r"])(?:"
                      + _alternation(_TRIGGERS) + r")\b")
_NON_MEETING = re.compile("|".join(f"(?:\\b{p})" for p in _DATA["non_meeting"]))
_GENERIC = re.compile("|".join(_DATA["generic"]))
_PLANNED = re.compile(_DATA["planned"])
_LAUNCH = re.compile(r"\b" + _DATA["launch"])
_OWNER = re.compile(r"\b(his|her)\s+(?:[\w-]+\s+){0,3}?(?:meeting|meetings|talks|visit|trip|call|conversation)\b")
_DEFINITE = re.compile(_DATA["definite"])
_IN_PERSON = re.compile(_DATA["in_person"])
_REPEAT = re.compile(_DATA["repeat"])
_SIDELINES = re.compile(r"\b(?:on|at) the (?:sidelines|margins) of\b")
_AT_OCCASION = re.compile(r"\bat (?:the|a) ")
_OCCASIONS = [(re.compile(rf"\b(?:{p})\b"), name) for p, name in _DATA["occasions"]]
_BARE_CALL = re.compile(r"(?:the|a|phone|video|telephone|this|that|their|his|her) $")
_SAID_ON = re.compile(r"\b(?:said|says|told (?:\w+ ){1,2}|announced|stated|added|reported)\s+"
                      r"(?:in (?:a|an|its|his|her) (?:\w+ )?(?:statement|post|readout|interview)\s+)?(?:on\s+|late\s+|early\s+)?$")
_ROLE_REF = re.compile(r"\bthe (?:top |chief |senior )?(?:[a-z.]+ ){0,2}?(?:secretary|minister|diplomat|premier|"
                       r"president|commissioner|envoy|chancellor|ambassador|trade chief)\b(?! of\b)")
_ANY_REF = re.compile("|".join((_clauses.PLURAL_REF.pattern, _clauses.SINGULAR_REF.pattern, _ROLE_REF.pattern)))
# every reference above holds one of these words; a cheap test before the full patterns
_REF_WORD = re.compile(r"\b(?=[acdehimpst])(?:they|them|two|pair|sides|each|he|she|his|her|him|secretary|"
                       r"minister|diplomat|premier|president|commissioner|envoy|chancellor|ambassador|chief)\b")
_DURING = re.compile(r"\s*[\"'“‘]?(?:during|while|on the sidelines of|at)\b")
_SAME_DAY = re.compile(r"\b(?:(?:earlier|later) (?:in|that) the day|earlier that day|later that day|the same day)\b")
_DAYS_APART = re.compile(r"\b(\w+) days? (after|before)\b")
_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# a host's guests named by their side: "received a Chinese delegation (led by Li)", "hosted his Japanese counterpart"
_GUEST = re.compile(r" (?:an? |the |his |her |their )(?:visiting |high-level |senior |[a-z]+ ){0,2}?"
                    r"(?:delegations?|counterparts?|officials|ministers?|leaders?|envoys?|president|premier|"
                    r"prime minister)\b(?:,? (led|headed) by )?")

_COUNTRY_NOUNS_CANON = set(_clauses.COUNTRY_OF.values())


@dataclass
class _Clue:
    """One clause reporting a meeting (or referring back to one)."""
    sent: int
    persons: list[str]
    sides: list[str]                       # countries, blocs or groups with no named person
    countries: list[str]
    kind: str = "meet"                     # meet, launch, invite, back
    key: str = ""                          # what a launched dialogue is about: keeps two apart
    status: str = ""                       # held, planned, "" when the clause has no tense cue
    mode: str = "unknown"
    strength: int = 0                      # 2 explicit mode, 1 default guess, 0 none
    date: object = None
    precision: str = ""
    location: str = ""
    occasion: str = ""
    repeat: bool = False
    also: bool = False                     # "She also sat down with ...": continues the last one
    destination: str = ""                  # the country a visit goes to

    @property
    def parties(self) -> list[str]:
        return self.persons + self.sides


@dataclass
class _Group:
    clues: list[_Clue] = field(default_factory=list)

    def __getattr__(self, name):           # the merged view: first clue that has the field
        if name.startswith("_") or name == "clues":
            raise AttributeError(name)
        values = [getattr(c, name) for c in self.clues]
        return next((v for v in values if v), values[0] if values else None)

    @property
    def persons(self) -> list[str]:
        return _clauses.unique(p for c in self.clues for p in c.persons)

    @property
    def countries(self) -> list[str]:
        return _clauses.unique(k for c in self.clues for k in c.countries)


def extract_meetings(article: Article, lexicon: Lexicon | None = None) -> Article:
    """Fill article.meetings from the sentences that carry a meeting cue."""
    article.meetings = []
    if not article.sentences:
        return article
    low = _clauses.lower_text(article.text)
    cues_by_sent: dict[int, list[re.Match]] = {}
    starts = [s for s, _ in article.sentences]
    last = -1
    for w in _TRIGGER.finditer(low):   # the cue patterns only where a trigger word stands
        if w.start() >= last:
            m = _CUE.match(low, w.start())
            if m:
                cues_by_sent.setdefault(bisect_right(starts, m.start()) - 1, []).append(m)
                last = m.end()
    if not cues_by_sent:
        return article
    ctx = _clauses.Context(article, low, [article.sentences[i] for i in cues_by_sent])
    clues: list[_Clue] = []
    peopled = {bisect_right(starts, m.start) - 1 for m in ctx.persons} | {
        bisect_right(starts, h[0]) - 1 for h in ctx.countries}
    for idx in sorted(cues_by_sent):
        s, e = article.sentences[idx]
        if idx not in peopled and not (_REF_WORD.search(ctx.low, s, e) and _ANY_REF.search(ctx.low, s, e)):
            continue   # nobody in the sentence, not even "he" or "the two": "the talks came as ..."
        blocked = [(m.start(), m.end()) for m in _NON_MEETING.finditer(ctx.low, s, e)]
        cues = [m for m in cues_by_sent[idx] if not any(a <= m.start() < b or a < m.end() <= b for a, b in blocked)]
        segs = [seg for seg in _clauses.segments(ctx, s, e) if any(seg[0] <= m.start() < seg[1] for m in cues)]
        for a, b in segs:
            seg_cues = [m for m in cues if a <= m.start() < b]
            clues += _clues_of_segment(ctx, idx, a, b, seg_cues, clues, len(segs) == 1)
    groups = [g for g in _group(ctx, clues) if len(_parties(ctx, g)) >= 2]
    # "agreed to restart the dialogue" where the article already plans a meeting of those sides: that one
    # (one that names the same kind of meeting: "2-plus-2 talks" are not the vice-ministers' dialogue)
    scheduled = [(set(g.countries), " ".join(ctx.low[slice(*article.sentences[c.sent])] for c in g.clues))
                 for g in groups if g.kind != "launch" and g.status == "planned"]
    groups = [g for g in groups if g.kind != "launch" or not any(
        ks == set(g.countries) and re.search(r"\b" + re.escape(g.key), said) for ks, said in scheduled)]
    _name_country_sides(ctx, groups)
    _name_delegation_heads(ctx, groups)
    _share_dates(groups)
    _fill_places(ctx, groups)
    article.meetings = [_meeting(ctx, g) for g in groups]
    return article


# -- one clause ------------------------------------------------------------------------------

def _clues_of_segment(ctx: _clauses.Context, idx: int, a: int, b: int, cues: list[re.Match],
                      earlier: list[_Clue], only_segment: bool) -> list[_Clue]:
    low = ctx.low
    seg = low[a:b]
    if _GENERIC.search(seg):
        return []
    kinds = {}
    for m in cues:
        kind = _CUE_KINDS[int(m.lastgroup[1:])]
        if _weak_cue_fails(ctx, kind, m, a, b):
            continue
        kinds.setdefault(kind, m)
    if not kinds:
        return []
    if not (any(a <= p.start < b for p in ctx.persons) or any(a <= h[0] < b for h in ctx.countries)
            or _ANY_REF.search(seg) or seg.startswith(", who ")):   # nobody here: at most a pointer back
        return [_Clue(idx, [], [], [], kind="back")] if _DEFINITE.search(seg) else []
    occasion, occ_start = _occasion(seg)
    # sides sit near the cue: a country named further on is usually the topic ("talks ... on Ukraine")
    first_cue = min(m.start() for m in cues)
    occ_end, side_start = b, a
    if occ_start is not None and a + occ_start > first_cue:
        occ_end = a + occ_start
    elif occ_start is not None:   # "On the sidelines of the G20 in Osaka, X met Y": the sides follow it
        comma = low.find(",", a + occ_start, b)
        side_start = comma if 0 < comma < max(m.start() for m in cues) else a
    side_end = min(occ_end, max(m.end() for m in cues) + 120)
    persons = _clauses.unique(m.canonical for m in ctx.persons_in(side_start, occ_end))
    groups = _clauses.groups_met(ctx, side_start, side_end)
    sides, destinations = _clauses.country_sides(ctx, side_start, side_end, [g[1] for g in groups])
    groups = [g[0] for g in groups]
    owner = _OWNER.search(seg)
    if len(persons) < 2:   # "the secretary's conversations", "the top U.S. diplomat is scheduled to meet"
        for m in _ROLE_REF.finditer(low, a, side_end):
            persons = _clauses.unique(persons + _clauses.entity_reference(ctx, idx, m.group(), a))
    uncovered = [k for k in _clauses.unique(sides) if k not in {ctx.country(p) for p in persons}]
    if len(persons) + len(uncovered) + len(groups) < 2 or owner:
        more, more_sides = _clauses.resolve_sides(ctx, idx, a, b, persons, earlier, owner)
        persons = _clauses.unique(persons + more)
        sides = _clauses.unique(sides + more_sides)
    countries = _clauses.unique([ctx.country(p) for p in persons] + sides + destinations)
    sides = [k for k in _clauses.unique(sides) if k not in {ctx.country(p) for p in persons}] + groups
    base = dict(sent=idx, persons=persons, sides=sides, countries=countries, occasion=occasion,
                repeat=bool(_REPEAT.search(seg)), also=bool(re.search(r"\balso\b", seg)))
    _when(ctx, idx, a, b, base, only_segment, min(m.start() for m in kinds.values()))
    planned = bool(_PLANNED.search(seg))
    out: list[_Clue] = []

    for m in _LAUNCH.finditer(low, a, b):   # "agreed to launch a dialogue": a planned meeting of the sides
        ks = _clauses.unique(countries + [k for k in sides if k in _COUNTRY_NOUNS_CANON])
        if len(ks) >= 2:
            key = m.group().split()[-1].rstrip("s")
            topic = re.sub(r"^(?:agree[sd]? to hold|\w+(?: up)?) (?:(?:a|an|the) )?", "", m.group())   # "diplomatic and security dialogue"
            out.append(_Clue(idx, [], ks, ks, kind="launch", key=key, status="planned", occasion=topic))
    if out and set(kinds) <= {"meet", "agree"} and all(
            any(lm.start() <= c.start() < lm.end() for lm in _LAUNCH.finditer(low, a, b))
            for k, c in kinds.items() if k == "meet"):
        kinds.pop("meet", None)   # the talks being launched are not a meeting held now

    if "invite" in kinds or "accept" in kinds:
        if ctx.accepted and len(persons) + len(sides) >= 2:
            loc = _city(ctx, a, b, invite=True) if "invite" in kinds else ""
            out.append(_Clue(**{**base, "location": loc, "date": None, "precision": ""}, kind="invite",
                             status="planned", mode="in_person", strength=2))
        kinds.pop("invite", None)
        kinds.pop("accept", None)
    if "agree" in kinds:
        if len(kinds) > 1 or len(persons) < 2 or len({ctx.country(p) for p in persons} - {""}) < 2:
            kinds.pop("agree")
    if not kinds:
        return out

    mode, strength = _mode(kinds, seg)
    location = "" if mode in ("phone", "video") else _city(ctx, a, b) or _city_in_relative(ctx, idx, b)
    if location and strength < 2 and mode != "unknown" or location and mode == "unknown":
        mode, strength = "in_person", 2
    status = "planned" if planned and "agree" not in kinds else ("held" if _has_tense(seg) else "")
    if set(kinds) == {"agree"}:
        status = "held"
    base.update(mode=mode, strength=strength, location=location, status=status)
    if not location:   # "are expected to meet in South Korea": no city, but a country to keep to
        base["destination"] = next((h[2] for h in ctx.countries if a <= h[0] < b
                                    and re.search(r"\bin (?:the )?$", low[max(a, h[0] - 8):h[0]])), "")

    if "visit" in kinds and not destinations and set(kinds) <= {"visit", "told", "agree", "speak"}:
        base["kind"] = "back"   # "Yellen's visit": refers to a trip, names no counterpart
        return out + [_Clue(**base)]
    host = _places.host_of(location) if "visit" in kinds and not destinations and len(base["persons"]) == 1 else ""
    if host and host not in countries:   # "visited Beijing for the dialogue": the capital's country hosts
        destinations = [host]
    if "visit" in kinds and destinations:   # a visit to a country meets that country
        visitor = persons or [k for k in base["sides"] if k not in destinations]
        for dest in destinations:
            ks = _clauses.unique([ctx.country(p) for p in visitor] + [k for k in base["sides"] if k not in destinations] + [dest])
            out.append(_Clue(**{**base, "persons": [p for p in visitor if p in persons],
                                "sides": [k for k in base["sides"] if k not in destinations] + [dest],
                                "countries": ks, "mode": "in_person", "strength": 2, "destination": dest}))
        return out
    split = _split_counterparts(ctx, a, side_end, persons, base)
    if split:
        return out + split
    clue = _Clue(**base)
    if len(clue.parties) < 2:
        clue.kind = "back" if _DEFINITE.search(seg) or clue.parties else ""
        if not clue.kind:
            return out
    out.append(clue)
    return out


def _weak_cue_fails(ctx: _clauses.Context, kind: str, m: re.Match, a: int, b: int) -> bool:
    low = ctx.low
    if kind in ("told", "host"):   # "told Li in Beijing": only a named person of another country
        before = [p for p in ctx.persons if a <= p.start and p.end <= m.start()]
        guest = _GUEST.match(low, m.end()) if kind == "host" else None
        if guest and before and not guest.group(1):   # "received a Chinese delegation"
            return False
        reach = guest.end() + 40 if guest else m.end() + 25   # "led by Swedish minister Lind"
        after = next((p for p in ctx.persons if m.end() <= p.start <= reach), None)
        if after is None or not before or re.search(r"[,.;\"“”]|\b(?:from|by|about|of|on)\b",
                                                    low[guest.end() if guest else m.end():after.start]):
            return True
        c1, c2 = ctx.country(before[-1].canonical), ctx.country(after.canonical)
        return kind == "told" and not (c1 and c2 and c1 != c2)
    if kind == "phone" and m.group() in ("call", "calls"):
        return not (_BARE_CALL.search(low[max(0, m.start() - 12):m.start()]) or low.startswith(" with", m.end()))
    if kind == "accept":
        return not _clauses.ACCEPT.match(low, m.start())
    return False


def _has_tense(seg: str) -> bool:
    return bool(re.search(r"\b(?:met|held|hosted|received|visited|spoke|talked|had|has|was|were|took place|"
                          r"sat|shook|discussed|agreed|exchanged|traded|told|called|joined|made|brought|"
                          r"holds|meets|visits|receives|hosts|ended|concluded|wrapped up|began|opened|closed|took|"
                          r"welcomed|greeted|resumed|kicked off)\b", seg))


def _mode(kinds: dict, seg: str) -> tuple[str, int]:
    if "video" in kinds or re.search(r"\bvideo\b|\bvirtual(?:ly)?\b", seg):
        return "video", 2
    if re.search(r"\b(?:tele)?phone\b", seg):
        return "phone", 2
    if "phone" in kinds:   # "the call": remote, but phone or video is not said
        return "unknown", 1
    if "speak" in kinds and not _IN_PERSON.search(seg):
        return "unknown", 0
    if _IN_PERSON.search(seg) or "in_person" in kinds or "visit" in kinds:
        return "in_person", 2
    if kinds.keys() & {"meet", "summit", "host", "agree"}:
        return "in_person", 1
    return "unknown", 0


def _occasion(seg: str) -> tuple[str, int | None]:
    m = _SIDELINES.search(seg)
    if m:
        tail = seg[m.end():m.end() + 120]
        name = next((n for rx, n in _OCCASIONS if rx.search(tail)), "")
        return name, m.start()
    for m in _AT_OCCASION.finditer(seg):
        tail = seg[m.end():m.end() + 60]
        for rx, name in _OCCASIONS[:-3]:   # "at the G20": named gatherings only
            if rx.match(tail) or re.match(r"(?:[\w-]+ ){0,3}" + rx.pattern, tail):
                return name, m.start()
    return "", None


def _city(ctx: _clauses.Context, a: int, b: int, invite: bool = False) -> str:
    return _places.city_in(ctx.low, ctx.text, a, b, ctx.taken, invite)


def _city_in_relative(ctx: _clauses.Context, idx: int, b: int) -> str:
    """ "at the dialogue, which was held in Beijing": the place in the clause describing the event."""
    if not re.match(r",? (?:which|where) ", ctx.low[b:b + 8]):
        return ""
    e = ctx.article.sentences[idx][1]
    nxt = _clauses.BOUNDARY.search(ctx.low, b + 3, e)
    return _city(ctx, b, nxt.start() if nxt else e)


def _when(ctx: _clauses.Context, idx: int, a: int, b: int, base: dict, only_segment: bool, cue: int) -> None:
    low = ctx.low
    floor = max(a, ctx.dateline_end)   # "BEIJING, Nov 3 (Reuters) -" dates the story, not the meeting
    exprs = [t for t in ctx.article.dates if floor <= t.start < b and not _SAID_ON.search(low[max(a, t.start - 30):t.start])]
    if not exprs and only_segment:
        fn = getattr(_dates, "date_for_sentence", None)
        t = fn(ctx.article, idx) if fn else None
        exprs = [t] if t is not None and t.start >= floor and not _SAID_ON.search(low[max(0, t.start - 30):t.start]) else []
    s = ctx.article.sentences[idx][0]
    if not exprs and a > s and _DURING.match(low, s):   # "During his visit on Monday, X held talks with Y"
        exprs = [t for t in ctx.article.dates if max(s, ctx.dateline_end) <= t.start < a]
    if exprs:
        best = min(exprs, key=lambda t: abs(t.start - cue))
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
    m = _DAYS_APART.search(low, max(0, a - 20), a + 8)
    if m and lead.value and (n := _NUMBERS.get(m.group(1))):
        shift = -n if m.group(2) == "after" else n
        base["precision"], base["date"] = "day", date.fromordinal(lead.value.toordinal() + shift)


def _split_counterparts(ctx: _clauses.Context, a: int, b: int, persons: list[str], base: dict) -> list[_Clue]:
    """ "held meetings with A, and with B", "met separately with A and B": one meeting per counterpart."""
    low = ctx.low
    m = re.search(r"\bmeetings with\b", low[a:b])
    if not m:
        return _split_separately(ctx, a, b, persons, base)
    start = a + m.end()
    parts = re.split(r",? (?:–|—|-)? ?and with ", low[start:b])
    if len(parts) < 2:
        return []
    hosts = [p for p in persons if not any(
        start <= q.start < b and q.canonical == p for q in ctx.persons)]
    if not hosts and not base["sides"]:   # "..., Sanchez will hold meetings with ...": he, if unnamed
        hosts = _clauses.entity_reference(ctx, base["sent"], "he", ctx.article.sentences[base["sent"]][0])[:1]
    host_sides = [k for k in base["sides"] if all(k != h[2] or h[0] < start for h in ctx.countries if a <= h[0] < b)]
    out = []
    pos = start
    for part in parts:
        end = pos + len(part)
        others = _clauses.unique(q.canonical for q in ctx.persons_in(pos, end))
        other_sides = _clauses.unique(h[2] for h in ctx.countries if pos <= h[0] < end)
        if not others and not other_sides and "each other" not in part:
            return []
        ps = _clauses.unique(hosts + others)
        ss = [k for k in _clauses.unique(host_sides + other_sides) if k not in {ctx.country(p) for p in ps}]
        ks = _clauses.unique([ctx.country(p) for p in ps] + ss)
        out.append(_Clue(**{**base, "persons": ps, "sides": ss, "countries": ks, "key": f"{base['sent']}:{len(out)}"}))
        pos = end + len(", and with ")
    return out


def _split_separately(ctx: _clauses.Context, a: int, b: int, persons: list[str], base: dict) -> list[_Clue]:
    """ "X met separately with A and B": each named counterpart is a meeting of its own."""
    m = re.search(r"\bseparate(?:ly)?\b(?: (?:meetings|talks|calls))? with\b", ctx.low[a:b])
    if not m:
        return []
    start = a + m.end()
    others = _clauses.unique(q.canonical for q in ctx.persons_in(start, b))
    hosts = [p for p in persons if p not in others]
    if len(others) < 2 or not hosts and not base["sides"]:
        return []
    out = []
    for other in others:
        ps = _clauses.unique(hosts + [other])
        ss = [k for k in base["sides"] if k not in {ctx.country(p) for p in ps} and k not in {ctx.country(o) for o in others}]
        ks = _clauses.unique([ctx.country(p) for p in ps] + ss)
        out.append(_Clue(**{**base, "persons": ps, "sides": ss, "countries": ks, "key": f"{base['sent']}:{len(out)}"}))
    return out


# -- merging mentions ------------------------------------------------------------------------

def _named(x) -> set[str]:
    """People and unnamed groups: the sides that are not a country."""
    return set(x.persons) | {s for s in x.sides if s not in _COUNTRY_NOUNS_CANON}


def _sides_of(ctx: _clauses.Context, clues) -> set[str]:
    """Named people and groups, plus the countries no named person stands for."""
    named = set().union(*(_named(c) for c in clues))
    covered = {ctx.country(p) for p in named}
    return named | {s for c in clues for s in c.sides if s not in covered}


def _same_people(ctx: _clauses.Context, g: _Group, c: _Clue) -> bool:
    """One mention may name fewer sides, or give a country where the other names a person,
    but together they must not describe more sides than the fuller one."""
    merged = _sides_of(ctx, g.clues + [c])
    return len(merged) <= max(len(_sides_of(ctx, g.clues)), len(_sides_of(ctx, [c])))


def _compatible(ctx: _clauses.Context, g: _Group, c: _Clue) -> bool:
    if g.kind == "launch" or c.kind == "launch":
        return g.kind == c.kind and g.key == c.key and set(g.countries) == set(c.countries)
    if not _same_people(ctx, g, c) or g.key and c.key and g.key != c.key:
        return False
    gk, ck = set(g.countries), set(c.countries)
    if gk and ck and not (gk <= ck or ck <= gk):
        return False
    if g.location and c.location and g.location != c.location:
        return False
    if c.repeat and c.sent != g.clues[-1].sent:
        return False
    modes = {x.mode for x in g.clues if x.strength == 2} | ({c.mode} if c.strength == 2 else set())
    if len(modes - {"unknown"}) > 1:
        return False
    if g.date and c.date and g.date != c.date:
        return False
    statuses = {x.status for x in g.clues} | {c.status}
    if {"held", "planned"} <= statuses:
        # "Blinken held a meeting with Wang ... the two will hold discussions": the same visit
        return (c.status == "planned" and c.kind == "meet" and not c.date and not c.location and not c.repeat
                and _named(c) == _named(g) and len(_named(c)) >= 2 and c.sent - g.clues[-1].sent <= 1)
    return True


def _group(ctx: _clauses.Context, clues: list[_Clue]) -> list[_Group]:
    groups: list[_Group] = []
    for c in clues:
        if c.kind == "back":
            target = next((g for g in reversed(groups) if g.kind != "launch" and (
                (set(c.parties) and set(c.parties) <= set(g.persons) | set(g.countries) | set(g.sides))
                or (not c.parties and c.sent - g.clues[-1].sent <= 2))), None)
            if target is not None:
                target.clues.append(_Clue(c.sent, [], [], [], kind="back"))
            continue
        fits = [g for g in groups if _compatible(ctx, g, c)]
        if fits:
            best = max(fits, key=lambda g: (len(_named(g) & _named(c)), groups.index(g)))
            best.clues.append(c)
        else:
            groups.append(_Group([c]))
    return groups


def _share_dates(groups: list[_Group]) -> None:
    """A meeting with no time of its own, reported in one sentence with a dated meeting of the
    same status ("Before his talks with Xi on Monday, Sanchez will meet Li"), or continuing the
    previous sentence's meeting ("She also sat down with Yi Gang"), happened that day."""
    dated = [(c.sent, g.status or "held", g) for g in groups if g.date for c in g.clues if c.kind != "back"]
    for g in groups:
        if g.date or g.precision:
            continue
        for c in g.clues:
            src = next((d for s, st, d in dated if d is not g and st == (g.status or "held") and (
                s == c.sent or (c.also and s == c.sent - 1))), None)
            if src is not None:
                c.date, c.precision = src.date, "day"
                break


def _name_country_sides(ctx: _clauses.Context, groups: list[_Group]) -> None:
    """ "Korean and Chinese leaders met ... ahead of a summit with Japan; Yoon met Li": a country
    side of one meeting takes the person who stands for that country in another meeting
    reported in the same sentence."""
    for g in groups:
        if g.kind == "launch" or not any(c.sides for c in g.clues):
            continue
        sents = {c.sent for c in g.clues}
        for other in groups:
            if other is g or other.kind == "launch" or not sents & {c.sent for c in other.clues}:
                continue
            stand_in = {ctx.country(p): p for p in other.persons if ctx.country(p)}
            for c in g.clues:
                named = [stand_in[k] for k in c.sides if k in stand_in]
                if named and not c.persons:
                    c.persons = named
                    c.sides = [k for k in c.sides if k not in stand_in]


def _name_delegation_heads(ctx: _clauses.Context, groups: list[_Group]) -> None:
    """A meeting of country sides whose teams' leaders are named next: those leaders are the parties."""
    for g in groups:
        if g.kind == "launch" or len(g.persons) >= 2 or not any(c.sides for c in g.clues):
            continue
        first = min(c.sent for c in g.clues)
        heads = _clauses.delegation_heads(ctx, first, first + 2)
        for c in g.clues:
            named = [heads[k] for k in c.sides if k in heads and heads[k] not in c.persons]
            c.persons = _clauses.unique(c.persons + named)
            c.sides = [k for k in c.sides if k not in heads]


def _mode_of(g: _Group) -> str:
    real = [c for c in g.clues if c.kind != "back"]
    return max(real, key=lambda c: c.strength).mode if real else "unknown"


def _remote(g: _Group) -> bool:
    """A call: no place, by convention."""
    return _mode_of(g) in ("phone", "video")


def _fill_places(ctx: _clauses.Context, groups: list[_Group]) -> None:
    """A meeting that names no place takes one from its own sentences, from a visitor's arrival
    just before, from the one city the article's other meetings of those days share, or from
    the dateline."""
    for g in groups:
        if g.location or g.kind == "launch" or _remote(g):
            continue
        taken = {h.location for h in groups if h.location}
        for i in sorted({c.sent for c in g.clues if c.kind != "back"}):
            s, e = ctx.article.sentences[i]
            city = _city(ctx, s, e)
            if city and city not in taken:
                g.location = city
                break
            prev = ctx.article.sentences[i - 1] if i else None
            if prev and "\n" not in ctx.text[prev[0]:s]:   # the same paragraph
                city = _places.arrival_city(ctx.low, *prev)
                if city:
                    g.location = city
                    break
    located = [h for h in groups if h.location and not _remote(h)]
    stray = None
    for g in groups:   # a borrowed city only for a meeting known to be face to face
        if g.location or g.kind == "launch" or _mode_of(g) != "in_person":
            continue
        near = {h.location for h in located if _close(g, h)}
        if len(near) == 1 and stray is None:   # a city no meeting took: the trip went elsewhere too
            stray = _places.placed_cities(ctx.low) - {h.location for h in located}
        # a visit to Germany did not happen in Brussels
        dests = [c.destination for c in g.clues if c.destination]
        if len(near) == 1 and not stray:
            city = near.pop()
        elif not near and ctx.dateline_city and _current(ctx, g):
            city = ctx.dateline_city
        else:
            continue
        if not dests or _places.city_in_country(city, dests):
            g.location = city


def _close(g: _Group, h: _Group) -> bool:
    """Two meetings of one trip: dated days apart at most, or one of them undated but not old."""
    if g.date and h.date:
        return abs((g.date - h.date).days) <= 3
    return (h.date is not None or h.precision in ("", "day", "week")) and g.precision in ("", "day", "week")


def _current(ctx: _clauses.Context, g: _Group) -> bool:
    """The day's news, which the dateline places: undated held meetings, or within days of publication."""
    if g.date is None:
        return (g.status or "held") == "held" and g.precision in ("", "day", "week")
    pub = ctx.article.published
    return pub is None or abs((g.date - pub).days) <= 7


def _parties(ctx: _clauses.Context, g: _Group) -> list[str]:
    """People first; a country side only where no person of that country is named."""
    persons = g.persons
    named = {ctx.country(p) for p in persons}
    return persons + [s for s in _clauses.unique(s for c in g.clues for s in c.sides) if s not in named]


def _meeting(ctx: _clauses.Context, g: _Group) -> Meeting:
    real = [c for c in g.clues if c.kind != "back"]
    day = next((c for c in real if c.date), None)
    precision = day.precision if day else next((c.precision for c in real if c.precision), "")
    mode = _mode_of(g)
    status = next((c.status for c in real if c.status), "held")
    sents = sorted({c.sent for c in g.clues})
    evidence = [ctx.text[slice(*ctx.article.sentences[i])] for i in sents]
    return Meeting(
        participants=_parties(ctx, g), countries=g.countries, date=day.date if day else None,
        date_precision=precision, location="" if mode in ("phone", "video") else (g.location or ""),
        occasion=g.occasion or "", mode=mode, status=status,
        tags=_tags_of(ctx.article, sents), evidence=evidence)


def _tags_of(article: Article, sents: list[int]) -> list[str]:
    """The issue tags of the evidence sentences, read from the tags step's per-sentence hits
    (the same answer as `tags.tags_for_span` on each sentence, without scanning again)."""
    wanted = set(sents)
    return [t.tag for t in article.tags if wanted.intersection(t.sentences)]
