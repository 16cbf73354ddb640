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
# "regarding Chinese envoy Zhou": the topic word stands this close before the name
TOPIC_REACH = 50
_REPORTER_BEFORE = re.compile(r",\s+(?:(?:[A-Z][\w.'-]*|of|for|and|the)\s+){0,6}$")


class PartyRules:
    """Who in a clause is only mentioned: the owner of a policy ("Hart's tariffs"), the person
    reporting the meeting ("..., Foreign Secretary Ana Ruiz said")."""

    def __init__(self, lexicon):
        data = lexicon.data("meeting_patterns.json")
        self.possession = re.compile(r"\s*['’]s\s+(?:[\w-]+\s+){0,3}?" + whole(data["party_possessions"]))
        self.possessive = re.compile(r"\s*['’]s\b")
        # "talked about Zhou", "regarding Chinese envoy Zhou": the person is the topic; a few title words
        # may stand between, but no word that opens another phrase ("about steel with Zhou")
        self.topic = re.compile(whole(data["topic_words"]) + r"\s+(?:(?!(?:with|and|between|to|by|from|of|for|in|at|on)\b)"
                                r"[\w.'’-]+\s+){0,3}$")
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
        # "the G7 trade ministers' meeting": after a bloc, a gathering it names
        self.names_gathering = re.compile(r"(?:'s)?\s+(?:[\w-]+'?\s+){0,3}?" + whole(data["gatherings"] + data["meeting_nouns"]))
        # "when their industry ministers met": the countries the sentence began with
        self.their_sides = re.compile(r"\btheir (?:[\w-]+ ){0,2}?" + whole(data["side_nouns"]))
        # leader first: "prime minister" is no minister's counterpart
        offices = lexicon.data("entities.json")["implied_roles"]
        self.offices = [(kind, re.compile(whole(words))) for kind, words in sorted(
            offices.items(), key=lambda kv: kv[0] != "leader")]
        # the verb closes the sentence, or a short phrase after it does ("said on Monday.")
        self.reporting = re.compile(r"\s*(?:,[^,.;]{0,80},\s*)?" + whole(data["reporting_verbs"])
                                    + r"(?:\s+(?:the\s+)?" + whole(data["press_audiences"]) + ")?"   # "told reporters"
                                    + r"(?:\s+(?:on|in|at|during|after|late|earlier|later|yesterday|today|tonight)\b[^,.;:\"“]{0,40}?)?"
                                    r"\s*[.!?]?\s*$")

    def only_mentioned(self, ctx: Context, m: Mention) -> bool:
        text = ctx.text
        if self.possessive.match(text, m.end):
            return not self.possession.match(ctx.low, m.end)
        if self.topic.search(ctx.low, max(0, m.start - TOPIC_REACH), m.start):
            return True
        end = ctx.article.sentences[ctx.sentence_of(m.start)][1]
        return bool(self.reporting.match(text, m.end, end)
                    and _REPORTER_BEFORE.search(text, max(0, m.start - REPORTER_TITLE_REACH), m.start))

# a clause told at another time than the sentence's main one: ", a week after ...", " before ..."
_OTHER_TIME = re.compile(r"\s*,?\s*(?:after|before|since|following|ahead of|prior to)\b")


def implicit_countries(ctx: Context, idx: int, a: int, b: int, earlier=()) -> list[str]:
    """ "officials from both countries", "the three nations' leaders": the countries named in this
    sentence and the ones before, if they are exactly that many; else those of the latest meeting
    reported before with that many countries; else []."""
    rules: PartyRules = ctx.lexicon.compiled(PartyRules)
    m = rules.country_plural.search(ctx.low, a, b)
    if not m:
        their = rules.their_sides.search(ctx.low, a, b)
        s = ctx.article.sentences[idx][0]
        found = [] if their is None else unique(
            ctx.places.country_of.get(h.group().lower().replace("\u2019", "'"), "")
            for h in ctx.places.country.finditer(ctx.text, s, a))
        named = ctx.persons_in(s, their.end()) if their else []
        if named and _OTHER_TIME.match(ctx.low, a) and not ctx.persons_in(a, b):
            # "A and B spoke on Monday, a week after their officials met": the named people's countries
            found = unique([ctx.country(p.canonical) for p in named])
            return found if len(found) == 2 else []
        return found if 2 <= len(found) <= MAX_THEIR_SIDES and not named else []
    want = next(rules.count_of[w] for w in m.group().split() if w in rules.count_of)
    start = ctx.article.sentences[max(0, idx - IMPLICIT_SENTENCES)][0]
    found = unique(ctx.places.country_of.get(h.group().lower().replace("\u2019", "'"), "")
                   for h in ctx.places.country.finditer(ctx.text, start, m.start()))
    found = unique(found + [ctx.country(p.canonical) for p in ctx.persons if start <= p.start < m.start()])
    if len(found) == want:
        return found
    return next((list(c.countries) for c in reversed(earlier) if c.kind != "back" and len(c.countries) == want
                 and all(k in ctx.places.country_names for k in c.countries)), [])


def parties_in(ctx: Context, a: int, b: int) -> list[str]:
    """The people of a..b who take part: every person, but one only mentioned there."""
    rules: PartyRules = ctx.lexicon.compiled(PartyRules)
    found = ctx.persons_in(a, b)
    keep = {m.canonical for m in found if not rules.only_mentioned(ctx, m)}
    return unique(m.canonical for m in found if m.canonical in keep)


# "the G20 summit", "an ASEAN leaders' summit": the bloc names the gathering
_NAMES_A_SUMMIT = re.compile(r"(?:'s)?\s+(?:leaders'?\s+)?summits?\b")
_PAIR_JOINERS = ("-", "\u2013", "\u2014", "/")
_COUNTERPART = re.compile(r"\bcounterpart(s)?\b")
# between the countries of "his U.S., Chinese and Japanese counterparts"
_LIST_GAP = re.compile(r"(?:,? and |, |,)")
# between the last country and the noun: "Japanese trade counterparts"
_BEFORE_NOUN = re.compile(r" (?:[a-z-]+ ){0,2}")
# "Minister Ana Ruiz: ...": a transcript's speaker label opens the paragraph within a few words
SPEAKER_LABEL_REACH = 60
_I_SUBJECT = re.compile(r"\bI\b")
_LABEL_END = re.compile(r"\s*(?:\([^)]{0,40}\))?\s*:")
# the unnamed rest of a gathering one person met: "his counterparts", "fellow ministers"
_UNNAMED_PEERS = re.compile(r"\b(?:(?:his|her|their) (?:[a-z-]+ ){0,2}?counterparts|(?:fellow|other) (?:[a-z-]+ ){0,2}?"
                            r"(?:ministers|leaders))\b")


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
    reporters = [x.span() for x in ctx.rules.role_ref.finditer(low, a, side_end) if _reporting_role(ctx, x)]
    sides, destinations = country_sides(ctx, side_start, side_end, [g[1] for g in groups] + reporters)
    groups = unique([g[0] for g in groups] + regions_met(ctx, side_start, side_end))
    if all(ctx.rules.cue_kind[m.group()] == "summit" for m in cues):
        named = summit_names(ctx, side_start, side_end)
        sides = [k for k in sides if k not in named]

    persons = unique(_first_person(ctx, a, first_cue) + persons)
    owner = ctx.rules.owner.search(low[a:b])
    if len(persons) < 2:   # "the secretary's talks", "the top Swedish diplomat is due to meet"
        for m in ctx.rules.role_ref.finditer(low, a, side_end):
            if m.span() not in reporters:   # "..., the ambassador said.": who tells of the meeting
                persons = unique(persons + entity_reference(ctx, idx, m.group(), a))
        if len(persons) == 1:   # "He spoke with Lutnick by phone, Mexican officials said": the pronoun, not the reporters
            persons = unique(persons + _subject_role(ctx, idx, a, first_cue, persons, cues))
    else:   # "the Hungarian economy minister met A and B": the subject is a side of its own
        persons = unique(persons + _subject_role(ctx, idx, a, first_cue, persons, cues))
    uncovered = [k for k in unique(sides) if k not in {ctx.country(p) for p in persons}]
    referred = 0
    if len(persons) + len(uncovered) + len(groups) < 2 and not persons:   # "officials from both countries"
        sides = unique(sides + implicit_countries(ctx, idx, a, b, earlier))
        uncovered = sides
    if len(persons) + len(uncovered) + len(groups) < 2 or owner:
        more, more_sides = resolve_sides(ctx, idx, a, b, persons, earlier, owner)
        referred = len(more) + len(more_sides)   # "they ... toward the G7 meeting": the pair, not the bloc
        persons = unique(persons + more)
        sides = unique(sides + more_sides)
    persons, sides = resolve_counterparts(ctx, a, side_end, persons, sides)
    venues = gathering_blocs(ctx, side_start, side_end, max(len(persons), referred) + 1)
    sides = [k for k in sides if k not in venues]
    if len(persons) == 1 and not sides and not groups and occasion in ctx.places.blocs \
            and _UNNAMED_PEERS.search(low, side_start, side_end):   # "met his counterparts at the ASEAN meeting"
        sides = [occasion]
    countries = unique([ctx.country(p) for p in persons] + sides + destinations)
    sides = [k for k in unique(sides) if k not in {ctx.country(p) for p in persons}] + groups
    return Parties(persons, sides, countries, destinations, side_end, occasion)


def _reporting_role(ctx: Context, m: re.Match) -> bool:
    """ "..., the Ambassador said.": a role closing the sentence with its speech verb reports it."""
    end = ctx.article.sentences[ctx.sentence_of(m.start())][1]
    return ctx.low[max(0, m.start() - 2):m.start()] == ", " and bool(
        ctx.lexicon.compiled(PartyRules).reporting.match(ctx.text, m.end(), end))


def _first_person(ctx: Context, a: int, cue: int) -> list[str]:
    """ "Minister Ruiz: This morning I held talks with ...": in a transcript answer, "I" before the
    cue is the speaker its paragraph opens with."""
    if not _I_SUBJECT.search(ctx.text, a, cue):
        return []
    start = ctx.text.rfind("\n", 0, a) + 1
    label = next((p for p in ctx.persons if start <= p.start and p.end <= min(a, start + SPEAKER_LABEL_REACH)), None)
    return [label.canonical] if label and _LABEL_END.match(ctx.text, label.end) else []


_BETWEEN = re.compile(r"\bbetween\b")


def _meets_those_named(ctx: Context, cue: int, cues: list[re.Match]) -> bool:
    """Whether the people named after the cue at `cue` are the ones its subject meets: "she met A
    and B", "he held talks with A and B"; not "he welcomed talks between A and B", whose object is
    another meeting (a second cue, or "between", before the first person)."""
    first = next((p for p in ctx.persons if p.start > cue), None)
    if first is None:
        return False
    return not (_BETWEEN.search(ctx.low, cue, first.start)
                or sum(cue <= m.start() < first.start for m in cues) > 1)


def summit_names(ctx: Context, a: int, b: int) -> set[str]:
    """Blocs in a..b that only name the gathering: "looked forward to the G20 summit" puts a summit in
    the calendar, and attending it is no meeting with the bloc. The second of a pair ("a China-EU
    summit") is a side."""
    return {h[2] for h in ctx.countries if a <= h[0] < b and h[2] in ctx.places.blocs
            and _NAMES_A_SUMMIT.match(ctx.low, h[1]) and ctx.low[h[0] - 1:h[0]] not in _PAIR_JOINERS}


def gathering_blocs(ctx: Context, a: int, b: int, sides: int) -> set[str]:
    """Blocs in a..b that name a gathering, where the clause names two other sides: "Hayashi met Tai
    ahead of the G7 trade ministers' meeting", "the two affirmed cooperation toward the G7 meeting"
    meet no G7. With one other side the bloc stands for the unnamed rest ("Ruiz met counterparts
    at the ASEAN ministers' meeting"); the second of a pair ("the ASEAN-China meeting") is a side.
    `sides` counts the clause's sides, the bloc among them."""
    rules: PartyRules = ctx.lexicon.compiled(PartyRules)
    out = set()
    for hs, he, name in ctx.countries:
        if not (a <= hs < b and name in ctx.places.blocs) or ctx.low[hs - 1:hs] in _PAIR_JOINERS:
            continue
        m = rules.names_gathering.match(ctx.low, he)
        if m and sides - 1 >= 2:
            out.add(name)
    return out


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


# what may open a clause before its pronoun subject: a phrase closed by a comma, or a word or two of time
_BEFORE_PRONOUN = re.compile(r"(?:[^,.;]*,\s*|(?:[a-z]+\s+){0,2})")


def _subject_role(ctx: Context, idx: int, a: int, cue: int, persons: list[str], cues: list[re.Match]) -> list[str]:
    """The person a role phrase before the cue ("the Hungarian economy minister met ...") or a
    pronoun subject ("she held talks with A and B") stands for, when the clause names nobody there
    and the person is of none of the named countries."""
    if any(a <= p.start < cue for p in ctx.persons_in(a, cue)):
        return []
    ref = None
    for ref in ctx.rules.role_ref.finditer(ctx.low, a, cue):
        pass
    pronoun = ctx.rules.pronoun_subject.search(ctx.low, a, cue) if ref is None else None
    if pronoun is not None and _BEFORE_PRONOUN.fullmatch(ctx.low, a, pronoun.start()) \
            and _meets_those_named(ctx, cue, cues):
        ref = pronoun
    found = entity_reference(ctx, idx, ref.group(1) if ref is pronoun else ref.group(), a) if ref else []
    named = {ctx.country(p) for p in persons}
    return [p for p in found if p not in persons and ctx.country(p) not in named]

