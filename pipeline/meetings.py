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

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import dates as _dates
from . import entities as _entities
from . import lexicons
from .article import Article, Meeting, Mention

_DATA = json.loads((Path(__file__).resolve().parent.parent / "data" / "meeting_patterns.json")
                   .read_text(encoding="utf-8"))


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_CUE_KINDS = [kind for _, kind in _DATA["cues"]]
_CUE = re.compile("|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(_DATA["cues"])))
_TRIGGERS = frozenset(_DATA["triggers"])
# the lookahead on the first letter lets the scan skip most positions without trying the words
_TRIGGER = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in _TRIGGERS})) + r"])(?:"
                      + _alternation(_TRIGGERS) + r")\b")
_NON_MEETING = re.compile("|".join(f"(?:\\b{p})" for p in _DATA["non_meeting"]))
_GENERIC = re.compile("|".join(_DATA["generic"]))
_PLANNED = re.compile(_DATA["planned"])
_BOUNDARY = re.compile(_DATA["boundaries"])
_LAUNCH = re.compile(r"\b" + _DATA["launch"])
_SIDE_NOUN = re.compile(r"\s*" + _DATA["side_nouns"])
_GROUP = re.compile(r"\b(?:with|told|telling|addressed|addressing|met|meet|meets)\s+(?:a group of |the |a |some )?"
                    r"((?:[a-z][\w'-]* (?:and [a-z][\w'-]* )?){0,3}?" + _DATA["group_nouns"] + r")\b")
_POSSESSIVE_SIDE = re.compile(r"'s (?:[a-z]+ ){0,3}?" + _DATA["possessive_sides"] + r"\b")
_PLURAL_REF = re.compile(_DATA["references_plural"].replace("the two sides|", "the two sides|the two parties|"))
_SINGULAR_REF = re.compile(_DATA["references_singular"])
_OWNER = re.compile(r"\b(his|her)\s+(?:[\w-]+\s+){0,3}?(?:meeting|meetings|talks|visit|trip|call|conversation)\b")
_DEFINITE = re.compile(_DATA["definite"])
_IN_PERSON = re.compile(_DATA["in_person"])
_REPEAT = re.compile(_DATA["repeat"])
_LEADING = re.compile(r"\s*[\"'“‘]?(?:after|before|when|while|since|following|during|ahead of|once|according to)\b")
_SIDELINES = re.compile(r"\b(?:on|at) the (?:sidelines|margins) of\b")
_AT_OCCASION = re.compile(r"\bat (?:the|a) ")
_OCCASIONS = [(re.compile(rf"\b(?:{p})\b"), name) for p, name in _DATA["occasions"]]
_ACCEPT = re.compile(r"\baccept(?:ed|s)? (?:his|her|the|this|an|their|our|my|that) (?:\w+ )?invitation")
_BARE_CALL = re.compile(r"(?:the|a|phone|video|telephone|this|that|their|his|her) $")
_SAID_ON = re.compile(r"\b(?:said|says|told (?:\w+ ){1,2}|announced|stated|added|reported)\s+(?:on\s+|late\s+|early\s+)?$")
_ROLE_REF = re.compile(r"\bthe (?:top |chief |senior )?(?:[a-z.]+ ){0,2}?(?:secretary|minister|diplomat|premier|"
                       r"president|commissioner|envoy|chancellor|ambassador|trade chief)\b(?! of\b)")
_ANY_REF = re.compile("|".join((_PLURAL_REF.pattern, _SINGULAR_REF.pattern, _ROLE_REF.pattern)))
# every reference above holds one of these words; a cheap test before the full patterns
_REF_WORD = re.compile(r"\b(?=[acdehimpst])(?:they|them|two|pair|sides|each|he|she|his|her|him|secretary|"
                       r"minister|diplomat|premier|president|commissioner|envoy|chancellor|ambassador|chief)\b")
_SAME_DAY = re.compile(r"\b(?:(?:earlier|later) (?:in|that) the day|earlier that day|later that day|the same day)\b")
_DAYS_APART = re.compile(r"\b(\w+) days? (after|before)\b")
_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SPOKES = re.compile(r"spokes(?:man|woman|person)")

_COUNTRY_OF: dict[str, str] = {}     # lower-cased alias or demonym -> canonical country or bloc
_WRITTEN: set[str] = set()           # aliases as they must be written: "US" is not "us"
_COUNTRY_NOUNS: set[str] = set()     # names, not demonyms: "met with Japan" names a side
_CAPITALS: dict[str, str] = {}
for _name, _row in lexicons.countries().items():
    if _row.get("kind") not in ("country", "bloc", "group"):
        continue
    _names = [_name] + lexicons.split_list(_row.get("aliases", ""))
    for _alias in _names + lexicons.split_list(_row.get("demonyms", "")):
        _key = _alias.lower()
        _COUNTRY_OF.setdefault(_key, _name)
        if _alias[:1].isupper():
            _WRITTEN.add(_alias)
            if not (_alias.isupper() and len(_alias) <= 5):   # "CHINA" in a headline, not "US" for "us"
                _WRITTEN.add(_alias.upper())
    _COUNTRY_NOUNS |= {a.lower() for a in _names}
    _capitals = lexicons.split_list(_row.get("capitals", ""))
    if _capitals:
        _CAPITALS[_name] = _capitals[0]
for _alias in _DATA["not_countries"]:
    _COUNTRY_OF[_alias] = ""
_COUNTRY = re.compile(r"(?<![\w.])(?=[A-Z])(?:" + _alternation(_WRITTEN | {a.title() for a in _DATA["not_countries"]})
                      + r")(?![\w])")
_CITY_OF = {c.lower(): c for c in _DATA["cities"]} | {c.lower(): c for c in _CAPITALS.values()}
_COUNTRY_NOUNS_CANON = set(_COUNTRY_OF.values())
_CITY = re.compile(r"\b(?:" + _alternation(_CITY_OF) + r")\b")
_CAPITAL_OF = re.compile(r"\b(" + _alternation(_COUNTRY_OF) + r")(?:'s)? capital\b|\bcapital of (?:the )?("
                         + _alternation(_COUNTRY_OF) + r")\b")
_CITY_BEFORE = re.compile(r"(?:\bin|\bat|\bcity of|\bcapital,?|visit to|trip to|visited|arrived in|talks in) (?:the )?"
                          r"(?:[a-z-]+ ){0,3}?$")
_CITY_NOT_AFTER = re.compile(r"^(?:'s\b|\s+(?:has|had|have|says|said|announced|is|was|will|would)\b)")


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
        return _unique(p for c in self.clues for p in c.persons)

    @property
    def countries(self) -> list[str]:
        return _unique(k for c in self.clues for k in c.countries)


def _unique(items) -> list:
    out: list = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def _lower(text: str) -> str:
    low = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    if len(low) != len(text):   # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("\u2019", "'")
    return low


class _Context:
    """What one article offers the meeting rules, indexed once."""

    def __init__(self, article: Article, low: str, spans: list[tuple[int, int]]):
        self.article = article
        self.text = article.text
        self.low = low
        self.starts = [s for s, _ in article.sentences]
        self.persons = sorted((m for m in article.mentions if m.kind == "person" and m.canonical),
                              key=lambda m: m.start)
        self.country_of_person = {}
        for m in article.mentions:
            if m.kind == "person" and m.canonical and m.country:
                self.country_of_person.setdefault(m.canonical, _canonical_country(m.country))
        self.countries = []   # only the sentences with a cue are ever asked about
        for m in (m for s, e in spans for m in _COUNTRY.finditer(self.text, s, e)):
            name = _COUNTRY_OF.get(m.group().lower().replace("\u2019", "'"))
            if name:
                self.countries.append((m.start(), m.end(), name))
        self.accepted = bool(_ACCEPT.search(self.low))

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def persons_in(self, a: int, b: int) -> list[Mention]:
        return [m for m in self.persons if a <= m.start and m.end <= b and not self.is_spokesperson(m)]

    def is_spokesperson(self, m: Mention) -> bool:
        near = self.low[max(0, m.start - 45):m.end + 45]
        return bool(_SPOKES.search(m.role.lower()) or _SPOKES.search(near))

    def country(self, canonical: str) -> str:
        return self.country_of_person.get(canonical, "")


def _canonical_country(name: str) -> str:
    return _COUNTRY_OF.get(name.lower(), name) or name


def _new_clause(ctx: _Context, m: re.Match) -> bool:
    """ ", and" starts a clause only before a subject: "..., and Varga met Lind", not "..., and exchange views"."""
    if not m.group().startswith(", and"):
        return True
    rest = ctx.text[m.end():m.end() + 12].lstrip()
    return rest[:1].isupper() or bool(re.match(r"(?:the|they|he|she|both|their|his|her|it)\b", rest))


def _segments(ctx: _Context, s: int, e: int) -> list[tuple[int, int]]:
    cuts = [s] + [m.start() for m in _BOUNDARY.finditer(ctx.low, s, e) if m.start() > s and _new_clause(ctx, m)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:] + [e]) if b > a]
    a, b = spans[0]
    comma = ctx.low.find(",", a, b)
    if _LEADING.match(ctx.low, a) and comma > 0:   # "After the talks with X, Y said": two clauses
        spans[0:1] = [(a, comma), (comma, b)]
    return spans


def extract_meetings(article: Article) -> Article:
    """Fill article.meetings from the sentences that carry a meeting cue."""
    article.meetings = []
    if not article.sentences:
        return article
    low = _lower(article.text)
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
    ctx = _Context(article, low, [article.sentences[i] for i in cues_by_sent])
    clues: list[_Clue] = []
    peopled = {bisect_right(starts, m.start) - 1 for m in ctx.persons} | {
        bisect_right(starts, h[0]) - 1 for h in ctx.countries}
    for idx in sorted(cues_by_sent):
        s, e = article.sentences[idx]
        if idx not in peopled and not (_REF_WORD.search(ctx.low, s, e) and _ANY_REF.search(ctx.low, s, e)):
            continue   # nobody in the sentence, not even "he" or "the two": "the talks came as ..."
        blocked = [(m.start(), m.end()) for m in _NON_MEETING.finditer(ctx.low, s, e)]
        cues = [m for m in cues_by_sent[idx] if not any(a <= m.start() < b or a < m.end() <= b for a, b in blocked)]
        segs = [seg for seg in _segments(ctx, s, e) if any(seg[0] <= m.start() < seg[1] for m in cues)]
        for a, b in segs:
            seg_cues = [m for m in cues if a <= m.start() < b]
            clues += _clues_of_segment(ctx, idx, a, b, seg_cues, clues, len(segs) == 1)
    groups = [g for g in _group(ctx, clues) if len(_parties(ctx, g)) >= 2]
    _name_country_sides(ctx, groups)
    _share_dates(groups)
    article.meetings = [_meeting(ctx, g) for g in groups]
    return article


# -- one clause ------------------------------------------------------------------------------

def _clues_of_segment(ctx: _Context, idx: int, a: int, b: int, cues: list[re.Match],
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
            or _ANY_REF.search(seg)):   # nobody here: at most a pointer back to a meeting
        return [_Clue(idx, [], [], [], kind="back")] if _DEFINITE.search(seg) else []
    occasion, occ_start = _occasion(seg)
    # sides sit near the cue: a country named further on is usually the topic ("talks ... on Ukraine")
    occ_end = a + occ_start if occ_start is not None else b
    side_end = min(occ_end, max(m.end() for m in cues) + 120)
    persons = _unique(m.canonical for m in ctx.persons_in(a, occ_end))
    groups = _groups(ctx, a, side_end)
    sides, destinations = _country_sides(ctx, a, side_end, [g[1] for g in groups])
    groups = [g[0] for g in groups]
    owner = _OWNER.search(seg)
    if len(persons) < 2:   # "the secretary's conversations", "the top U.S. diplomat is scheduled to meet"
        for m in _ROLE_REF.finditer(low, a, side_end):
            persons = _unique(persons + _entity_reference(ctx, idx, m.group(), a))
    uncovered = [k for k in _unique(sides) if k not in {ctx.country(p) for p in persons}]
    if len(persons) + len(uncovered) + len(groups) < 2 or owner:
        more, more_sides = _resolve(ctx, idx, a, b, persons, earlier, owner)
        persons = _unique(persons + more)
        sides = _unique(sides + more_sides)
    countries = _unique([ctx.country(p) for p in persons] + sides + destinations)
    sides = [k for k in _unique(sides) if k not in {ctx.country(p) for p in persons}] + groups
    base = dict(sent=idx, persons=persons, sides=sides, countries=countries, occasion=occasion,
                repeat=bool(_REPEAT.search(seg)), also=bool(re.search(r"\balso\b", seg)))
    _when(ctx, idx, a, b, base, only_segment, min(m.start() for m in kinds.values()))
    planned = bool(_PLANNED.search(seg))
    out: list[_Clue] = []

    for m in _LAUNCH.finditer(low, a, b):   # "agreed to launch a dialogue": a planned meeting of the sides
        ks = _unique(countries + [k for k in sides if k in _COUNTRY_NOUNS_CANON])
        if len(ks) >= 2:
            key = m.group().split()[-1].rstrip("s")
            topic = re.sub(r"^\w+(?: up)? (?:(?:a|an|the) )?", "", m.group())   # "diplomatic and security dialogue"
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

    if "visit" in kinds and not destinations and set(kinds) <= {"visit", "told", "agree", "speak"}:
        base["kind"] = "back"   # "Yellen's visit": refers to a trip, names no counterpart
        return out + [_Clue(**base)]
    if "visit" in kinds and destinations:   # a visit to a country meets that country
        visitor = persons or [k for k in base["sides"] if k not in destinations]
        for dest in destinations:
            ks = _unique([ctx.country(p) for p in visitor] + [k for k in base["sides"] if k not in destinations] + [dest])
            out.append(_Clue(**{**base, "persons": [p for p in visitor if p in persons],
                                "sides": [k for k in base["sides"] if k not in destinations] + [dest],
                                "countries": ks, "mode": "in_person", "strength": 2}))
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


def _weak_cue_fails(ctx: _Context, kind: str, m: re.Match, a: int, b: int) -> bool:
    low = ctx.low
    if kind in ("told", "host"):   # "told Li in Beijing": only a named person of another country
        after = next((p for p in ctx.persons if m.end() <= p.start <= m.end() + 25), None)
        before = [p for p in ctx.persons if a <= p.start and p.end <= m.start()]
        if after is None or not before or re.search(r"[,.;\"“”]|\b(?:from|by|about|of|on)\b",
                                                    low[m.end():after.start]):
            return True
        c1, c2 = ctx.country(before[-1].canonical), ctx.country(after.canonical)
        return kind == "told" and not (c1 and c2 and c1 != c2)
    if kind == "phone" and m.group() in ("call", "calls"):
        return not (_BARE_CALL.search(low[max(0, m.start() - 12):m.start()]) or low.startswith(" with", m.end()))
    if kind == "accept":
        return not _ACCEPT.match(low, m.start())
    return False


def _has_tense(seg: str) -> bool:
    return bool(re.search(r"\b(?:met|held|hosted|received|visited|spoke|talked|had|has|was|were|took place|"
                          r"sat|shook|discussed|agreed|exchanged|traded|told|called|joined|made|brought|"
                          r"holds|meets|visits|receives|hosts)\b", seg))


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


def _country_sides(ctx: _Context, a: int, b: int, skip: list[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """Countries standing for a side in the clause, and the countries a visit goes to."""
    low = ctx.low
    persons = [p for p in ctx.persons if a <= p.start < b]
    hits = [h for h in ctx.countries if a <= h[0] and h[1] <= b
            and not any(p.start <= h[0] < p.end for p in persons) and not any(x <= h[0] < y for x, y in skip)]
    sides: list[str] = []
    dests: list[str] = []
    for i, (hs, he, name) in enumerate(hits):
        before = low[max(a, hs - 25):hs]
        after = low[he:min(b, he + 70)]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt and re.fullmatch(r"(?:'s)?,? (?:and|or) (?:the )?", low[he:nxt[0]]):
            after = low[nxt[1]:min(b, nxt[1] + 70)]   # "EU and Chinese officials": both sides
        if re.search(r"\b(?:visit|visits|visited|visiting|trips?|travel\w*) (?:to )?(?:the )?$", before) or (
                dests and re.search(r"(?:,|and) (?:the )?$", before)):
            dests.append(name)
            continue
        if re.search(r"\b(?:in|from the|across|throughout|around)\s+(?:the\s+)?$", before):
            continue   # a place or a scope, not a side
        person_after = next((p for p in persons if p.start >= he), None)
        if person_after and person_after.start - he <= 70 and _title_gap(low[he:person_after.start]):
            continue   # "Japan's Minister ... Akazawa": the person is the side
        if re.match(r"-(?:[a-z.]+ ?){1,3}", after) and re.search(r"\b(?:summit|talks|dialogue|meetings?|consultations)\b", after[:40]):
            sides.append(name)   # "a China-EU summit"
        elif before.endswith("-") and re.search(r"\b(?:summit|talks|dialogue|meetings?|consultations)\b", after[:40]):
            sides.append(name)   # the second half of "a China-EU summit"
        elif _POSSESSIVE_SIDE.match(after) or _SIDE_NOUN.match(after) or low[he:he + 5].startswith(" side"):
            sides.append(name)
        elif low[hs:he] in _COUNTRY_NOUNS and re.search(r"\b(?:with|and|between|of|from|to|met|meet|meets|"
                                                         r"visited|hosted|received)\s+(?:the\s+)?$", before):
            sides.append(name)
        elif low[hs:he] in _COUNTRY_NOUNS and re.match(r"\s*(?:\([^)]*\)\s*)?(?:and\s+(?:the\s+)?[a-z. ]+(?:\([^)]*\)\s*)?)?\s*(?:agreed|met|held|will|are|have|hold)\b", after):
            sides.append(name)
    return _unique(sides), _unique(dests)


def _title_gap(gap: str) -> bool:
    """Only a title between a country and a name: "'s Minister of Economy, Trade and Industry "."""
    if re.search(r"[.;:!?\"“”()]", gap):
        return False
    words = re.findall(r"[a-z][\w-]*", gap)
    return len([w for w in words if w not in {"s", "of", "and", "the", "for"}]) <= 7 and not re.search(
        r"\b(?:met|meet|said|told|with|and the|held|talks|who|which)\b", gap)


def _groups(ctx: _Context, a: int, b: int) -> list[tuple[str, tuple[int, int]]]:
    """Unnamed groups met as a side: 'a meeting with American business people'."""
    return [(ctx.text[m.start(1):m.end(1)].strip(), (m.start(1), m.end(1))) for m in _GROUP.finditer(ctx.low, a, b)]


def _resolve(ctx: _Context, idx: int, a: int, b: int, persons: list[str], earlier: list[_Clue],
             owner: re.Match | None) -> tuple[list[str], list[str]]:
    """Sides a clause refers to without naming them: "the two", "they", "he", "his counterpart"."""
    low = ctx.low
    seg = low[a:b]
    s, e = ctx.article.sentences[idx]
    before = _unique(m.canonical for m in ctx.persons_in(s, a))
    plural = _PLURAL_REF.search(seg)
    if low.startswith(", who", a) and before:   # "Li Qiang, who is on his first visit ..."
        return [before[-1]], []
    if plural and not owner:
        if len(before) >= 2:
            return before[-2:], []
        prev = next((c for c in reversed(earlier) if c.sent >= idx - 2 and len(c.parties) >= 2
                     and (c.kind != "launch" or c.sent == idx)), None)
        if prev is not None:
            return list(prev.persons), list(prev.sides)
        return _entity_reference(ctx, idx, plural.group(), a), []
    single = owner or _SINGULAR_REF.search(seg)
    if not (single or _LEADING.match(low, a) or low[a:a + 1] == ","):
        return [], []
    # the subject of the main clause: the nearest person before who is nobody's object ...
    for m in reversed(ctx.persons_in(s, a)):
        if not re.search(r"\b(?:told|with|met|telling|to|and)\s+(?:the\s+|his\s+|her\s+)?$", low[max(s, m.start - 30):m.start]):
            return ([m.canonical] if m.canonical not in persons else []), []
    # ... or, after a leading clause ("Before his talks with Xi, Sanchez will ..."), the first one after
    after = ctx.persons_in(b, e)
    if after and (_LEADING.match(low, a) or a == s) and after[0].start - b <= 30:
        return ([after[0].canonical] if after[0].canonical not in persons else []), []
    prev = next((c for c in reversed(earlier) if c.sent == idx and len(c.parties) >= 2), None)
    if prev is not None and not single:   # "..., as they met in Seoul ahead of a summit with Japan"
        return list(prev.persons), list(prev.sides)
    if single:
        return [p for p in _entity_reference(ctx, idx, single.group(1) if owner else single.group(), a)
                if p not in persons][:1], []
    return [], []


def _entity_reference(ctx: _Context, idx: int, phrase: str, before: int | None = None) -> list[str]:
    fn = getattr(_entities, "resolve_reference", None)
    if fn is None:
        return []
    found = fn(ctx.article, idx, phrase, before)
    found = found if isinstance(found, (list, tuple)) else [found] if found is not None else []
    return _unique(m.canonical for m in found if m.kind == "person")


def _city(ctx: _Context, a: int, b: int, invite: bool = False) -> str:
    low = ctx.low
    for m in _CITY.finditer(low, a, b):
        before = low[max(a, m.start() - 40):m.start()]
        if invite and not re.search(r"\b(?:come to|visit|to)\s+(?:[a-z]+\s+){0,2}$", before):
            continue
        if _CITY_BEFORE.search(before) and not _CITY_NOT_AFTER.match(low[m.end():m.end() + 12]) \
                and not re.search(r"\b(?:back|flying|heading|return\w*|leav\w*|from)\s+(?:to\s+)?$", before):
            return _CITY_OF[m.group()]
    m = _CAPITAL_OF.search(low, a, b)
    if m:
        return _CAPITALS.get(_COUNTRY_OF.get(m.group(1) or m.group(2), ""), "")
    return ""


def _city_in_relative(ctx: _Context, idx: int, b: int) -> str:
    """ "at the dialogue, which was held in Beijing": the place in the clause describing the event."""
    if not re.match(r",? (?:which|where) ", ctx.low[b:b + 8]):
        return ""
    e = ctx.article.sentences[idx][1]
    nxt = _BOUNDARY.search(ctx.low, b + 3, e)
    return _city(ctx, b, nxt.start() if nxt else e)


def _when(ctx: _Context, idx: int, a: int, b: int, base: dict, only_segment: bool, cue: int) -> None:
    low = ctx.low
    exprs = [t for t in ctx.article.dates if a <= t.start < b and not _SAID_ON.search(low[max(a, t.start - 30):t.start])]
    if not exprs and only_segment:
        fn = getattr(_dates, "date_for_sentence", None)
        t = fn(ctx.article, idx) if fn else None
        exprs = [t] if t is not None and not _SAID_ON.search(low[max(0, t.start - 30):t.start]) else []
    if exprs:
        best = min(exprs, key=lambda t: abs(t.start - cue))
        base["precision"] = best.precision
        base["date"] = best.value if best.precision == "day" else None
        return
    # "earlier in the day", "two days after": relative to the day the story is about, its lead's day
    lead = next((t for t in ctx.article.dates if t.precision == "day"), None)
    if lead is None:
        return
    if _SAME_DAY.search(low, a, b):
        base["precision"], base["date"] = "day", lead.value
        return
    m = _DAYS_APART.search(low, max(0, a - 20), a + 8)
    if m and lead.value and (n := _NUMBERS.get(m.group(1))):
        shift = -n if m.group(2) == "after" else n
        base["precision"], base["date"] = "day", date.fromordinal(lead.value.toordinal() + shift)


def _split_counterparts(ctx: _Context, a: int, b: int, persons: list[str], base: dict) -> list[_Clue]:
    """ "held meetings with A, and with B": one meeting per counterpart."""
    low = ctx.low
    m = re.search(r"\bmeetings with\b", low[a:b])
    if not m:
        return []
    start = a + m.end()
    parts = re.split(r",? (?:–|—|-)? ?and with ", low[start:b])
    if len(parts) < 2:
        return []
    hosts = [p for p in persons if not any(
        start <= q.start < b and q.canonical == p for q in ctx.persons)]
    if not hosts and not base["sides"]:   # "..., Sanchez will hold meetings with ...": he, if unnamed
        hosts = _entity_reference(ctx, base["sent"], "he", ctx.article.sentences[base["sent"]][0])[:1]
    host_sides = [k for k in base["sides"] if all(k != h[2] or h[0] < start for h in ctx.countries if a <= h[0] < b)]
    out = []
    pos = start
    for part in parts:
        end = pos + len(part)
        others = _unique(q.canonical for q in ctx.persons_in(pos, end))
        other_sides = _unique(h[2] for h in ctx.countries if pos <= h[0] < end)
        if not others and not other_sides and "each other" not in part:
            return []
        ps = _unique(hosts + others)
        ss = [k for k in _unique(host_sides + other_sides) if k not in {ctx.country(p) for p in ps}]
        ks = _unique([ctx.country(p) for p in ps] + ss)
        out.append(_Clue(**{**base, "persons": ps, "sides": ss, "countries": ks, "key": f"{base['sent']}:{len(out)}"}))
        pos = end + len(", and with ")
    return out


# -- merging mentions ------------------------------------------------------------------------

def _named(x) -> set[str]:
    """People and unnamed groups: the sides that are not a country."""
    return set(x.persons) | {s for s in x.sides if s not in _COUNTRY_NOUNS_CANON}


def _sides_of(ctx: _Context, clues) -> set[str]:
    """Named people and groups, plus the countries no named person stands for."""
    named = set().union(*(_named(c) for c in clues))
    covered = {ctx.country(p) for p in named}
    return named | {s for c in clues for s in c.sides if s not in covered}


def _same_people(ctx: _Context, g: _Group, c: _Clue) -> bool:
    """One mention may name fewer sides, or give a country where the other names a person,
    but together they must not describe more sides than the fuller one."""
    merged = _sides_of(ctx, g.clues + [c])
    return len(merged) <= max(len(_sides_of(ctx, g.clues)), len(_sides_of(ctx, [c])))


def _compatible(ctx: _Context, g: _Group, c: _Clue) -> bool:
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
        return (c.status == "planned" and c.kind == "meet" and not c.date and not c.location
                and _named(c) == _named(g) and len(_named(c)) >= 2 and c.sent - g.clues[-1].sent <= 1)
    return True


def _group(ctx: _Context, clues: list[_Clue]) -> list[_Group]:
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


def _name_country_sides(ctx: _Context, groups: list[_Group]) -> None:
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


def _parties(ctx: _Context, g: _Group) -> list[str]:
    """People first; a country side only where no person of that country is named."""
    persons = g.persons
    named = {ctx.country(p) for p in persons}
    return persons + [s for s in _unique(s for c in g.clues for s in c.sides) if s not in named]


def _meeting(ctx: _Context, g: _Group) -> Meeting:
    real = [c for c in g.clues if c.kind != "back"]
    day = next((c for c in real if c.date), None)
    precision = day.precision if day else next((c.precision for c in real if c.precision), "")
    mode = max(real, key=lambda c: c.strength).mode if real else "unknown"
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
