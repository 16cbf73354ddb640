"""Who meets in a clause: the people it names, the countries and groups standing for a side,
the people it refers back to, and one meeting per counterpart where it lists several."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.article import Mention
from pipeline.meetings.clauses import Context, country_sides, entity_reference, groups_met, resolve_sides
from pipeline.meetings.clue import Clue, unique
from pipeline.meetings.manner import occasion as occasion_of
from pipeline.meetings.rules import any_of, whole
from pipeline.text.calendar import Calendar

# sides sit near the cue: a country named further on is usually the topic ("talks ... on Ukraine")
SIDE_REACH = 120

# ", Foreign Secretary of the Republic Ana Ruiz said": the title between the comma and a reporter's name
REPORTER_TITLE_REACH = 60

# "both countries" are the ones named in this sentence and the two before
IMPLICIT_SENTENCES = 2
# "A, B and C ... their ministers": a sentence's subject lists a few countries at most
MAX_THEIR_SIDES = 4
# "her Swedish counterpart" stands for the Swede named in the last few sentences
COUNTERPART_SENTENCES = 3
_REPORTER_BEFORE = re.compile(r",\s+(?:(?:[A-Z][\w.'-]*|of|for|and|the)\s+){0,6}$")


class PartyRules:
    """Who in a clause is only mentioned: the owner of a policy ("Hart's tariffs"), the person
    reporting the meeting ("..., Foreign Secretary Ana Ruiz said")."""

    def __init__(self, lexicon):
        data = lexicon.data("meeting_patterns.json")
        self.possession = re.compile(r"\s*['’]s\s+(?:[\w-]+\s+){0,3}?" + whole(data["party_possessions"]))
        self.possessive = re.compile(r"\s*['’]s\b")
        self.joint = re.compile(whole(data["joint_words"]))
        numbers = lexicon.compiled(Calendar).numbers
        self.count_of = {**{w: n for w, n in numbers.items() if 1 < n < 10}, "both": 2}
        # "officials from both countries", "the three nations' leaders", "talks between the two
        # governments": the plural stands for the sides, not for a topic ("valuable to both countries")
        sides = any_of(data["side_nouns"])
        plural = (r"(?:both|(?:the|all|all the) (?:" + any_of([w for w, n in numbers.items() if 1 < n < 10])
                  + r")) " + any_of(data["country_plurals"]))
        self.country_plural = re.compile(
            r"\b(?:" + sides + r" (?:from|of) |between |with )" + plural + r"\b"
            r"|\b" + plural + r"(?:'s?|’s?) (?:[\w-]+ ){0,2}?" + sides + r"\b")
        # "when their industry ministers met": the countries the sentence began with
        self.their_sides = re.compile(r"\btheir (?:[\w-]+ ){0,2}?" + whole(data["side_nouns"]))
        # leader first: "prime minister" is no minister's counterpart
        offices = lexicon.data("entities.json")["implied_roles"]
        self.offices = [(kind, re.compile(whole(words))) for kind, words in sorted(
            offices.items(), key=lambda kv: kv[0] != "leader")]
        # the verb closes the sentence, or a short phrase after it does ("said on Monday.")
        self.reporting = re.compile(r"\s*(?:,[^,.;]{0,80},\s*)?" + whole(data["reporting_verbs"])
                                    + r"(?:\s+(?:on|in|at|during|after|late|earlier|later|yesterday|today|tonight)\b[^,.;:\"“]{0,40}?)?"
                                    r"\s*[.!?]?\s*$")

    def only_mentioned(self, ctx: Context, m: Mention) -> bool:
        text = ctx.text
        if self.possessive.match(text, m.end):
            return not self.possession.match(ctx.low, m.end)
        end = ctx.article.sentences[ctx.sentence_of(m.start)][1]
        return bool(self.reporting.match(text, m.end, end)
                    and _REPORTER_BEFORE.search(text, max(0, m.start - REPORTER_TITLE_REACH), m.start))


def implicit_countries(ctx: Context, idx: int, a: int, b: int) -> list[str]:
    """ "officials from both countries", "the three nations' leaders": the countries named in this
    sentence and the ones before, if they are exactly that many; else []."""
    rules: PartyRules = ctx.lexicon.compiled(PartyRules)
    m = rules.country_plural.search(ctx.low, a, b)
    if not m:
        their = rules.their_sides.search(ctx.low, a, b)
        s = ctx.article.sentences[idx][0]
        found = [] if their is None else unique(
            ctx.places.country_of.get(h.group().lower().replace("\u2019", "'"), "")
            for h in ctx.places.country.finditer(ctx.text, s, a))
        return found if 2 <= len(found) <= MAX_THEIR_SIDES and not ctx.persons_in(s, their.end()) else []
    want = next(rules.count_of[w] for w in m.group().split() if w in rules.count_of)
    start = ctx.article.sentences[max(0, idx - IMPLICIT_SENTENCES)][0]
    found = unique(ctx.places.country_of.get(h.group().lower().replace("\u2019", "'"), "")
                   for h in ctx.places.country.finditer(ctx.text, start, m.start()))
    found = unique(found + [ctx.country(p.canonical) for p in ctx.persons if start <= p.start < m.start()])
    return found if len(found) == want else []


def parties_in(ctx: Context, a: int, b: int) -> list[str]:
    """The people of a..b who take part: every person, but one only mentioned there."""
    rules: PartyRules = ctx.lexicon.compiled(PartyRules)
    found = ctx.persons_in(a, b)
    keep = {m.canonical for m in found if not rules.only_mentioned(ctx, m)}
    return unique(m.canonical for m in found if m.canonical in keep)


# "the G20 summit", "an ASEAN leaders' summit": the bloc names the gathering
_NAMES_A_SUMMIT = re.compile(r"(?:'s)?\s+(?:leaders'?\s+)?summits?\b")
_PAIR_JOINERS = ("-", "\u2013", "\u2014", "/")
_SEPARATE_WORD = re.compile(r"\b(?:separate(?:ly)?|bilateral)\b")
_COUNTERPART = re.compile(r"\bcounterpart(s)?\b")
# between the countries of "his U.S., Chinese and Japanese counterparts"
_LIST_GAP = re.compile(r"(?:,? and |, |,)")
# between the last country and the noun: "Japanese trade counterparts"
_BEFORE_NOUN = re.compile(r" (?:[a-z-]+ ){0,2}")
_WITH = re.compile(r"\bwith\b")
_MEETINGS_WITH = re.compile(r"\bmeetings with\b")
_AND_WITH = re.compile(r",? (?:–|—|-)? ?and with ")
_SEPARATELY = re.compile(r"\bseparate(?:ly)?\b(?: (?:\w+ )?(?:meetings|talks|calls))? with\b")
# "met with A and B separately", "met A and B separately": the word closes the list of those met
_SEPARATELY_AFTER = re.compile(r"\b(with|met|meets|meet) [^;:]{3,120}?\b(separately)\b")


@dataclass
class Parties:
    persons: list[str]
    sides: list[str]            # countries no named person stands for, then unnamed groups
    countries: list[str]
    destinations: list[str]     # the countries a visit goes to
    side_end: int               # where the clause stops naming sides
    occasion: str


def parties_of(ctx: Context, idx: int, a: int, b: int, cues: list[re.Match], earlier: list[Clue]) -> Parties:
    """The sides of the meeting the clause a..b reports."""
    low = ctx.low
    occasion, occ_start = occasion_of(ctx, low[a:b])
    first_cue = min(m.start() for m in cues)
    occ_end, side_start = b, a
    if occ_start is not None and a + occ_start > first_cue:
        occ_end = a + occ_start
    elif occ_start is not None:   # "On the sidelines of the G20 in Osaka, X met Y": the sides follow it
        comma = low.find(",", a + occ_start, b)
        side_start = comma if 0 < comma < max(m.start() for m in cues) else a
    side_end = min(occ_end, max(m.end() for m in cues) + SIDE_REACH)
    persons = parties_in(ctx, side_start, occ_end)
    groups = groups_met(ctx, side_start, side_end)
    sides, destinations = country_sides(ctx, side_start, side_end, [g[1] for g in groups])
    groups = unique([g[0] for g in groups] + regions_met(ctx, side_start, side_end))
    if all(ctx.rules.cue_kind[m.group()] == "summit" for m in cues):
        named = summit_names(ctx, side_start, side_end)
        sides = [k for k in sides if k not in named]
    owner = ctx.rules.owner.search(low[a:b])
    if len(persons) < 2:   # "the secretary's talks", "the top Swedish diplomat is due to meet"
        for m in ctx.rules.role_ref.finditer(low, a, side_end):
            persons = unique(persons + entity_reference(ctx, idx, m.group(), a))
    else:   # "the Hungarian economy minister met A and B": the subject is a side of its own
        persons = unique(persons + _subject_role(ctx, idx, a, first_cue, persons))
    uncovered = [k for k in unique(sides) if k not in {ctx.country(p) for p in persons}]
    if len(persons) + len(uncovered) + len(groups) < 2 and not persons:   # "officials from both countries"
        sides = unique(sides + implicit_countries(ctx, idx, a, b))
        uncovered = sides
    if len(persons) + len(uncovered) + len(groups) < 2 or owner:
        more, more_sides = resolve_sides(ctx, idx, a, b, persons, earlier, owner)
        persons = unique(persons + more)
        sides = unique(sides + more_sides)
    persons, sides = resolve_counterparts(ctx, a, side_end, persons, sides)
    countries = unique([ctx.country(p) for p in persons] + sides + destinations)
    sides = [k for k in unique(sides) if k not in {ctx.country(p) for p in persons}] + groups
    return Parties(persons, sides, countries, destinations, side_end, occasion)


def summit_names(ctx: Context, a: int, b: int) -> set[str]:
    """Blocs in a..b that only name the gathering: "looked forward to the G20 summit" puts a summit in
    the calendar, and attending it is no meeting with the bloc. The second of a pair ("a China-EU
    summit") is a side."""
    return {h[2] for h in ctx.countries if a <= h[0] < b and h[2] in ctx.places.blocs
            and _NAMES_A_SUMMIT.match(ctx.low, h[1]) and ctx.low[h[0] - 1:h[0]] not in _PAIR_JOINERS}


def regions_met(ctx: Context, a: int, b: int) -> list[str]:
    """Regions whose unnamed leaders are a side: "met Central Asian leaders", "his Nordic counterparts".
    A region inside a group's name ("Gulf Cooperation Council ministers") is that group, not the region."""
    return [ctx.places.region_of[m.group(1)] for m in ctx.rules.region_side.finditer(ctx.low, a, b)
            if not any(h[0] < m.end(1) and m.start(1) < h[1] for h in ctx.countries)]


def counterpart_countries(ctx: Context, a: int, b: int) -> list[tuple[str, bool]]:
    """The countries of "his Swedish and Japanese counterparts", "her Swedish counterpart" in a..b,
    each with whether the noun is plural."""
    out = []
    for m in _COUNTERPART.finditer(ctx.low, a, b):
        pos, found = m.start(), []
        for hs, he, name in reversed([h for h in ctx.countries if a <= h[0] and h[1] <= m.start()]):
            if not (_LIST_GAP if found else _BEFORE_NOUN).fullmatch(ctx.low, he, pos):
                break
            found.insert(0, name)
            pos = hs
        out += [(k, bool(m.group(1))) for k in found]
    return out


def named_counterpart(ctx: Context, country: str, at: int, hosts: list[str]) -> str:
    """The person the article names for `country`: the last one before `at`, else the first after;
    the country itself when it names nobody."""
    theirs = [p for p in ctx.persons if ctx.country(p.canonical) == country and p.canonical not in hosts
              and not ctx.is_spokesperson(p)]
    before = [p for p in theirs if p.start < at]
    return (before[-1] if before else theirs[0]).canonical if theirs else country


def _office(ctx: Context, m: Mention) -> str:
    """The kind of office a role names (leader, diplomat, negotiator ...), or "": a trade
    minister's counterpart is neither a president nor a foreign minister."""
    rules: PartyRules = ctx.lexicon.compiled(PartyRules)
    role = m.role.lower()
    return next((kind for kind, words in rules.offices if words.search(role)), "")


def resolve_counterparts(ctx: Context, a: int, b: int, persons: list[str], sides: list[str]) -> tuple[list[str], list[str]]:
    """ "met her Swedish counterpart": the Swedish person the article names stands for the side."""
    for country, _ in counterpart_countries(ctx, a, b):
        if country not in sides:
            continue
        rank = {_office(ctx, m) for m in ctx.persons_in(a, b) if m.canonical in persons}
        first = ctx.article.sentences[max(0, ctx.sentence_of(a) - COUNTERPART_SENTENCES)][0]
        named = {p.canonical for p in ctx.persons if first <= p.start < a and ctx.country(p.canonical) == country
                 and not ctx.is_spokesperson(p) and (not rank or rank == {_office(ctx, p)})} - set(persons)
        if len(named) == 1:   # only where the article has named one person of that country so far
            who = named.pop()
            persons = unique(persons + [who])
            sides = [k for k in sides if k != country]
    return persons, sides


def _subject_role(ctx: Context, idx: int, a: int, cue: int, persons: list[str]) -> list[str]:
    """The person a role phrase before the cue ("the Hungarian economy minister met ...") stands
    for, when the clause names nobody there and the person is of none of the named countries."""
    if any(a <= p.start < cue for p in ctx.persons_in(a, cue)):
        return []
    ref = None
    for ref in ctx.rules.role_ref.finditer(ctx.low, a, cue):
        pass
    found = entity_reference(ctx, idx, ref.group(), a) if ref else []
    named = {ctx.country(p) for p in persons}
    return [p for p in found if p not in persons and ctx.country(p) not in named]


def _subject_reference(ctx: Context, idx: int, a: int, b: int) -> list[str]:
    """The person "she" or "the trade minister" in a..b refers back to, as a one-item list, or []."""
    ref = ctx.rules.singular_ref.search(ctx.low, a, b) or ctx.rules.role_ref.search(ctx.low, a, b)
    return entity_reference(ctx, idx, ref.group(), a) if ref else []


def _split_by_country(ctx: Context, a: int, b: int, persons: list[str], base: dict) -> list[Clue]:
    """ "held talks with his Japanese and Chinese counterparts": one meeting per country, each
    with the person the article names for it (else the country), unless they met jointly."""
    found = counterpart_countries(ctx, a, b)
    if len(found) < 2 or not all(plural for _, plural in found):
        return []
    rules: PartyRules = ctx.lexicon.compiled(PartyRules)
    if rules.joint.search(ctx.low, a, b):
        return []
    theirs = {k for k, _ in found}
    hosts = [p for p in persons if ctx.country(p) not in theirs]
    if not hosts:
        hosts = _subject_reference(ctx, base["sent"], a, b)
    if not hosts:
        return []
    # "separate bilateral talks" after a joint meeting: new meetings, not mentions of that one
    separate = bool(_SEPARATE_WORD.search(ctx.low, a, b))
    out = []
    for country, _ in found:
        who = named_counterpart(ctx, country, a, hosts)
        ps = unique(hosts + ([who] if who != country else []))
        ss = [country] if who == country else []
        ks = unique([ctx.country(p) for p in ps] + ss)
        out.append(Clue(**{**base, "persons": ps, "sides": ss, "countries": ks, "key": f"{base['sent']}:{len(out)}",
                           "repeat": base["repeat"] or separate}))
    return out


def split_counterparts(ctx: Context, a: int, b: int, persons: list[str], base: dict) -> list[Clue]:
    """ "held meetings with A, and with B", "met separately with A and B", "met his Japanese and
    Chinese counterparts": one meeting per counterpart."""
    by_country = _split_by_country(ctx, a, b, persons, base)
    if by_country:
        return by_country
    low = ctx.low
    m = _MEETINGS_WITH.search(low, a, b)
    if not m and _AND_WITH.search(low, a, b):   # "will sit down with A on the 12th and with B on the 13th"
        m = _WITH.search(low, a, b)
    if not m:
        return _split_separately(ctx, a, b, persons, base)
    start = m.end()
    cuts = [x for x in _AND_WITH.finditer(low, start, b)]
    if not cuts:   # "held separate meetings with A and B": one list, split by the word
        return _split_separately(ctx, a, b, persons, base)
    spans = list(zip([start] + [x.end() for x in cuts], [x.start() for x in cuts] + [b]))
    hosts = [p for p in persons if not any(
        start <= q.start < b and q.canonical == p for q in ctx.persons)]
    if not hosts and not base["sides"]:   # "..., Hart will hold meetings with ...": he, if unnamed
        hosts = entity_reference(ctx, base["sent"], "he", ctx.article.sentences[base["sent"]][0])[:1]
    host_sides = [k for k in base["sides"] if all(k != h[2] or h[0] < start for h in ctx.countries if a <= h[0] < b)]
    out = []
    for pos, end in spans:
        others = unique(q.canonical for q in ctx.persons_in(pos, end))
        other_sides = unique(h[2] for h in ctx.countries if pos <= h[0] < end)
        if not others and not other_sides and "each other" not in low[pos:end]:
            return []
        ps = unique(hosts + others)
        ss = [k for k in unique(host_sides + other_sides) if k not in {ctx.country(p) for p in ps}]
        ks = unique([ctx.country(p) for p in ps] + ss)
        own_day = next((d.value for d in ctx.article.dates if pos <= d.start < end and d.value and d.precision == "day"), None)
        day = {"date": own_day, "precision": "day"} if own_day and len(spans) > 1 else {}
        out.append(Clue(**{**base, "persons": ps, "sides": ss, "countries": ks, "key": f"{base['sent']}:{len(out)}", **day}))
    return out


def _split_separately(ctx: Context, a: int, b: int, persons: list[str], base: dict) -> list[Clue]:
    """ "X met separately with A and B": each named counterpart is a meeting of its own."""
    m = _SEPARATELY.search(ctx.low, a, b)
    after = None if m else _SEPARATELY_AFTER.search(ctx.low, a, b)
    if not (m or after):
        return []
    start, end = (m.end(), b) if m else (after.end(1), after.start(2))
    others = unique(q.canonical for q in ctx.persons_in(start, end))
    hosts = [p for p in persons if p not in others]
    if not hosts:   # "She also held separate talks with A and B", "the trade minister met A and B separately"
        hosts = _subject_reference(ctx, base["sent"], a, (m or after).start())
    if len(others) < 2 or not hosts and not base["sides"]:
        return []
    out = []
    for other in others:
        ps = unique(hosts + [other])
        ss = [k for k in base["sides"] if k not in {ctx.country(p) for p in ps} and k not in {ctx.country(o) for o in others}]
        ks = unique([ctx.country(p) for p in ps] + ss)
        out.append(Clue(**{**base, "persons": ps, "sides": ss, "countries": ks, "key": f"{base['sent']}:{len(out)}"}))
    return out

