"""Clauses and sides for the meeting rules.

A sentence is cut into clauses at subordinators so that each clause reports one
meeting; a clause's sides are the people it names, the countries that stand for
a side ("Japanese officials", "met with Japan"), unnamed groups ("American
business people"), or, where it names too few, the people it refers back to
("the two", "he", "his counterpart").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from pipeline.article import Article, Mention
from pipeline.entities.coreference import resolve_reference
from pipeline.lexicon.lexicon import Lexicon
from pipeline.meetings.clue import unique
from pipeline.meetings.filed import dateline
from pipeline.meetings.places import PlaceTables
from pipeline.meetings.rules import MeetingRules, any_of

# "spokesperson" and a few words of title before a name: "foreign ministry spokesperson Ana Ruiz"
SPOKESPERSON_REACH = 45
# the words before a country that say what it is there: "a visit to", "talks with the", "in the"
SIDE_BEFORE_REACH = 25
# "exports of farm machinery and parts to": a trade word and what is traded stand this close before "to"
TRADE_FLOW_REACH = 60
# a side noun or a person follows its country within a long title: "Sweden's Minister for Foreign Trade and Development"
SIDE_AFTER_REACH = 70
# "a Sweden-EU summit": the meeting noun follows the pair closely
PAIR_MEETING_REACH = 40
# the words after ", and" that tell a new subject: "..., and the two", "..., and Varga"
NEW_SUBJECT_REACH = 12
# a main-clause subject is nobody's object: "told", "with", "met" stand right before an object
OBJECT_CUE_REACH = 30
# after a leading clause ("Before his talks with Zhou, ...") the subject comes within a few words
LEADING_SUBJECT_REACH = 30
# an Oxford comma's last item: a title of a few words and the name ("and Japanese Trade Minister Sato Kenji")
LIST_ITEM_REACH = 70

# "the two ministers also met ...": the pair of the latest meeting reported within a few sentences
PAIR_SENTENCES = 5

LEADING = re.compile(r"\s*[\"'“‘]?(?:after|before|when|while|since|following|during|ahead of|once|according to)\b")
# "During their two-day talks": the meeting noun comes within a few words of "during"
DURING_CUE_REACH = 25
_DURING_TALKS = re.compile(r"\s*[\"'“‘]?during\s+")
# "accepted the invitation", "accepted Moe's invitation", "(invited B to Oslo,) and B accepted with pleasure"
ACCEPT = re.compile(r"\baccept(?:ed|s)? (?:(?:his|her|the|this|an|their|our|my|that) (?:\w+ )?"
                    r"|(?:[\w.-]+ ){0,2}?[\w.-]+['\u2019]s (?:\w+ )?)invitation"
                    r"|\baccepted(?= with (?:pleasure|thanks|gratitude)\b|\s*[.;])")
# what may follow the last name of a list: the end of the sentence or of a phrase
_LIST_END = re.compile(r"\s*(?:[.;:,)!?]|$)")
# after a name in a list: its organisation, then the comma ("Chairman A of the Business Federation, and ...")
_COMPLEMENT = r"(?: of (?:the )?[^,.;:()]{1,60}?)?"
_LIST_COMMA = re.compile(_COMPLEMENT + r",\s")
_LIST_COMMA_AND = re.compile(_COMPLEMENT + r"\s*,\s*and\s*")
# a role of a minister, negotiator or envoy, not a head of government
_MINISTERIAL = re.compile(r"\b(?:minister|secretary|negotiator|envoy|commissioner|representative|trade chief)\b")
_OFFICE = re.compile(r"\b(?:minister|secretary|ministry)\b")
_LEADER_ROLE = re.compile(r"\b(?:prime minister|president|premier|chancellor|leader|king)\b")
_BETWEEN = re.compile(r"\bbetween\b")
_SPOKES = re.compile(r"spokes(?:man|woman|person)")
# "ministry spokesperson Ana Ruiz", "Ana Ruiz, a foreign ministry spokeswoman, said"; not "..., a spokesman said"
_SPOKES_BEFORE = re.compile(r"spokes(?:man|woman|person)\s+(?:[\w-]+\s+){0,3}$")
_PAIR_MEETING = re.compile(r"\b(?:summit|talks|dialogue|meetings?|consultations)\b")
_OBJECT_CUE = re.compile(r"\b(?:told|with|met|telling|to|and)\s+(?:the\s+|his\s+|her\s+)?$")
# "met World Trade Organization Director-General Okonjo-Iweala": an organisation's name before the object's title
_OBJECT_CUE_NAMED = re.compile(r"\b(?:told|with|met|telling|to)\s+(?:the\s+)?(?:[A-Z][\w.'&-]*\s+){1,5}$")
# ... the words of the organisation's name, at most
OBJECT_NAME_REACH = 70
_SPOKES_AFTER = re.compile(r",\s+(?:a|the|who is a|who is the)\s+(?:[\w-]+\s+){0,4}?spokes(?:man|woman|person)\b"
                           r"(?!\s+(?:said|says|told|added|stated)\b)")




class SideRules:
    """ "officials from the Netherlands": a side noun and "from" make the country a side;
    "exports of machinery to Sweden": after a trade word, "to" names where goods go, not a side."""

    def __init__(self, lexicon: Lexicon):
        data = lexicon.data("meeting_patterns.json")
        self.from_side = re.compile(r"\b" + any_of(data["side_nouns"]) + r" from (?:the )?$")
        # the trade word, a few words of what is traded (no punctuation, no clause), then "to"
        self.goods_to = re.compile(r"\b" + any_of(data["trade_flows"]) + r"(?: [\w'-]+){0,5}? to (?:the )?$")


class Context:
    """What one article offers the meeting rules, indexed once."""

    def __init__(self, article: Article, low: str, spans: list[tuple[int, int]], lexicon: Lexicon):
        self.article = article
        self.lexicon = lexicon
        self.rules: MeetingRules = lexicon.compiled(MeetingRules)
        self.places: PlaceTables = self.rules.places
        self.text = article.text
        self.low = low
        self.starts = [s for s, _ in article.sentences]
        self.persons = sorted((m for m in article.mentions if m.kind == "person" and m.canonical),
                              key=lambda m: m.start)
        self.country_of_person = {}
        for m in article.mentions:
            if m.kind == "person" and m.canonical and m.country:
                self.country_of_person.setdefault(m.canonical, self.places.canonical_country(m.country))
        self.countries = []   # only the sentences with a cue are ever asked about
        for m in (m for s, e in spans for m in self.places.country.finditer(self.text, s, e)):
            name = self.places.country_of.get(m.group().lower().replace("\u2019", "'"))
            if name:
                self.countries.append((m.start(), m.end(), name))
        # the start of a main clause resumed after a relative one -> where that relative clause starts:
        # "Varga and Lind, who spoke on Friday, will meet next week"
        self.resumed: dict[int, int] = {}
        self.accepted = bool(ACCEPT.search(self.low))
        self.taken = [(m.start, m.end) for m in article.mentions]
        self.dateline_city, self.dateline_end = dateline(
            article.paragraphs, [r.text for r in article.removed if r.reason in ("metadata", "byline")], lexicon=lexicon)
        # "HA NOI —": a word of the dateline's city is nobody's name
        self.persons = [m for m in self.persons if m.start >= self.dateline_end or not m.text.isupper()]
        self.person_starts = [m.start for m in self.persons]

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def persons_from(self, a: int, b: int) -> list[Mention]:
        """The persons whose mention starts in [a, b), found by bisection: a scan of every person of the
        article for each clause would grow with the square of a long paragraph."""
        return self.persons[bisect_left(self.person_starts, a):bisect_left(self.person_starts, b)]

    def persons_in(self, a: int, b: int) -> list[Mention]:
        return [m for m in self.persons_from(a, b) if m.end <= b and not self.is_spokesperson(m)]

    def is_spokesperson(self, m: Mention) -> bool:
        return bool(_SPOKES.search(m.role.lower())
                    or _SPOKES_BEFORE.search(self.low, max(0, m.start - SPOKESPERSON_REACH), m.start)
                    or _SPOKES_AFTER.match(self.low, m.end))

    def country(self, canonical: str) -> str:
        return self.country_of_person.get(canonical, "")


def _new_clause(ctx: Context, m: re.Match) -> bool:
    """ ", and" starts a clause only before a subject: "..., and Varga met Lind", not "..., and exchange views"."""
    if not m.group().startswith(", and"):
        return True
    rest = ctx.text[m.end():m.end() + NEW_SUBJECT_REACH].lstrip()
    if rest[:1].isupper() and (_last_list_item(ctx, m.end()) or _second_of_between(ctx, m.start())):
        return False
    return rest[:1].isupper() or bool(re.match(r"(?:the|they|he|she|both|their|his|her|it)\b", rest))


def _second_of_between(ctx: Context, pos: int) -> bool:
    """ "Talks between delegations headed by Secretary A, and Vice Premier B": "between" has named
    one side so far, so ", and" brings the second, not a new clause."""
    s = ctx.article.sentences[ctx.sentence_of(pos)][0]
    between = None
    for between in _BETWEEN.finditer(ctx.low, s, pos):
        pass
    if between is None:
        return False
    named = [p for p in ctx.persons if between.end() <= p.start and p.end <= pos]
    named += [h for h in ctx.countries if between.end() <= h[0] and h[1] <= pos
              and not any(p.start <= h[0] < p.end or _in_title(ctx, h[1]) for p in ctx.persons)]
    return len(named) == 1


def _in_title(ctx: Context, end: int) -> bool:
    """A country that opens a person's title: "Japanese Trade Minister Sato Kenji"."""
    who = next((p for p in ctx.persons if end <= p.start <= end + LIST_ITEM_REACH), None)
    return who is not None and _title_gap(ctx.low[end:who.start])


def _last_list_item(ctx: Context, pos: int) -> bool:
    """ "..., Swedish Trade Minister Tomas Lind, and Japanese Trade Minister Sato Kenji.": after an
    Oxford comma, a titled name (or a country) that closes the sentence or a phrase ends a list,
    and so does the third of "A, B, and C met"; a new subject would go on with its verb
    ("Hart met Zhou, and Sato met Lind")."""
    items = sorted([(p.start, p.end) for p in ctx.persons] + [
        (h[0], h[1]) for h in ctx.countries if not any(p.start <= h[0] < p.end for p in ctx.persons)
        and not _in_title(ctx, h[1])])
    who = next((i for i in items if pos <= i[0] <= pos + LIST_ITEM_REACH), None)
    if who is None or not _title_gap(ctx.low[pos:who[0]]):
        return False
    before = [i for i in items if i[1] <= pos][-2:]
    if not before or not _LIST_COMMA_AND.fullmatch(ctx.low, before[-1][1], pos):
        return False
    # "A, B, and C are ...": three items, the verb is the list's
    comma = _LIST_COMMA.match(ctx.low, before[0][1]) if len(before) == 2 else None
    three = comma and _title_gap(ctx.low[comma.end():before[1][0]])
    return bool(three or _LIST_END.match(ctx.text, who[1]))


def segments(ctx: Context, s: int, e: int) -> list[tuple[int, int]]:
    cuts = [s] + [m.start() for m in ctx.rules.boundary.finditer(ctx.low, s, e) if m.start() > s and _new_clause(ctx, m)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:] + [e]) if b > a]
    for i in range(len(spans) - 1, -1, -1):   # "A and B, who spoke on Friday, will meet": the main clause goes on
        a, b = spans[i]
        end = ctx.rules.relative_end.search(ctx.low, a + 1, b) if ctx.low.startswith(", who ", a) else None
        # only where each clause reports a meeting of its own
        if end and ctx.rules.cue.search(ctx.low, a, end.start()) and ctx.rules.cue.search(ctx.low, end.end(), b):
            spans[i:i + 1] = [(a, end.start()), (end.start(), b)]
            ctx.resumed[end.start()] = a
    if len(spans) > 1 and ctx.rules.opening_meeting.fullmatch(ctx.low, *spans[0]) \
            and (rel := ctx.rules.describing.match(ctx.low, spans[1][0], spans[1][1])) \
            and not ctx.persons_in(rel.start(), rel.end()):
        spans[0:2] = [(spans[0][0], spans[1][1])]   # the relative clause describes the opening meeting
    a, b = spans[0]
    comma = ctx.low.find(",", a, b)
    if LEADING.match(ctx.low, a) and comma > 0 and not _during_talks(ctx, a, comma):   # "After the talks with X, Y said": two clauses
        spans[0:1] = [(a, comma), (comma, b)]
    return spans


def _during_talks(ctx: Context, a: int, comma: int) -> bool:
    """ "During talks in Geneva on Monday, Varga urged Lind to ...": a leading phrase that sets the
    main clause in dated talks naming nobody; the main clause's people are the talks' sides. A bare
    "During talks," only points back at talks already told."""
    m = _DURING_TALKS.match(ctx.low, a, comma)
    cue = ctx.rules.cue.search(ctx.low, m.end(), comma) if m else None
    return bool(cue) and cue.start() - m.end() <= DURING_CUE_REACH and ctx.rules.cue_kind.get(cue.group()) in (
        "meet", "video", "phone") and not ctx.persons_in(a, comma) and any(
        cue.end() <= t.start < comma and t.precision == "day" for t in ctx.article.dates)


def country_sides(ctx: Context, a: int, b: int, skip: list[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """Countries standing for a side in the clause, and the countries a visit goes to."""
    low = ctx.low
    persons = ctx.persons_from(a, b)
    hits = [h for h in ctx.countries if a <= h[0] and h[1] <= b
            and not any(p.start <= h[0] < p.end for p in persons) and not any(x <= h[0] < y for x, y in skip)]
    sides: list[str] = []
    dests: list[str] = []
    for i, (hs, he, name) in enumerate(hits):
        before = low[max(a, hs - SIDE_BEFORE_REACH):hs]
        after = low[he:min(b, he + SIDE_AFTER_REACH)]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt and re.fullmatch(r"(?:'s)?,? (?:and|or) (?:the )?", low[he:nxt[0]]):
            after = low[nxt[1]:min(b, nxt[1] + SIDE_AFTER_REACH)]   # "EU and Chinese officials": both sides
        if re.search(r"\b(?:visit|visits|visited|visiting|trips?|travel\w*) (?:to )?(?:the )?$", before) or (
                dests and re.search(r"(?:,|and) (?:the )?$", before)):
            dests.append(name)
            continue
        if re.search(r"\b(?:in|from the|across|throughout|around)\s+(?:the\s+)?$", before) and not \
                ctx.lexicon.compiled(SideRules).from_side.search(before):
            continue   # a place or a scope, not a side; but "officials from the Netherlands" are one
        if before.endswith(("to ", "to the ")) and ctx.lexicon.compiled(SideRules).goods_to.search(
                low[max(a, hs - TRADE_FLOW_REACH):hs]):
            continue   # "restrict exports of machinery to Sweden": where goods go
        person_after = next((p for p in persons if p.start >= he), None)
        if person_after and person_after.start - he <= SIDE_AFTER_REACH and _title_gap(low[he:person_after.start]):
            continue   # "Japan's Minister ... Sato": the person is the side
        if re.match(r"-(?:[a-z.]+ ?){1,3}", after) and _PAIR_MEETING.search(after[:PAIR_MEETING_REACH]):
            sides.append(name)   # "a Sweden-EU summit"
        elif before.endswith("-") and _PAIR_MEETING.search(after[:PAIR_MEETING_REACH]):
            sides.append(name)   # the second half of "a Sweden-EU summit"
        elif ctx.rules.possessive_side.match(after) or ctx.rules.side_noun.match(after) or low[he:he + 5].startswith(" side"):
            sides.append(name)
        elif low[hs:he] in ctx.places.country_nouns and re.search(r"\b(?:with|and|between|of|from|to|met|meet|meets|"
                                                         r"visited|hosted|received)\s+(?:the\s+)?$", before):
            sides.append(name)
        elif low[hs:he] in ctx.places.country_nouns and ctx.rules.country_subject.match(after):
            sides.append(name)
    return unique(sides), unique(dests)


def _title_gap(gap: str) -> bool:
    """Only a title between a country and a name: "'s Minister of Economy, Trade and Industry "."""
    if re.search(r"[.;:!?\"“”()]", gap):
        return False
    words = re.findall(r"[a-z][\w-]*", gap)
    return len([w for w in words if w not in {"s", "of", "and", "the", "for"}]) <= 7 and not re.search(
        r"\b(?:met|meet|said|told|with|and the|held|talks|who|which)\b", gap)


def groups_met(ctx: Context, a: int, b: int) -> list[tuple[str, tuple[int, int]]]:
    """Unnamed groups met as a side: 'a meeting with American business people'.

    Only a group whose country is said: a minister chairing a meeting with "battery industry
    executives" at home is domestic policy, not a meeting between two sides."""
    return [(ctx.text[m.start(1):m.end(1)].strip(), (m.start(1), m.end(1))) for m in ctx.rules.group.finditer(ctx.low, a, b)
            if any(m.start(1) <= h[0] < m.end(1) for h in ctx.countries)]


def plural_is_one(seg: str) -> bool:
    """ ", who is ..." / ", who has ...": the relative clause speaks of one person."""
    return bool(re.match(r", who (?:is|was|has|says|said)\b", seg))


def resolve_sides(ctx: Context, idx: int, a: int, b: int, persons: list[str], earlier: list,
                  owner: re.Match | None) -> tuple[list[str], list[str]]:
    """Sides a clause refers to without naming them: "the two", "they", "he", "his counterpart"."""
    low = ctx.low
    seg = low[a:b]
    s, e = ctx.article.sentences[idx]
    before = unique(m.canonical for m in ctx.persons_in(s, a))
    plural = ctx.rules.plural_ref.search(seg)
    if a in ctx.resumed:   # the main clause after "A and B, who ...,": the subject of the relative clause
        return resolve_sides(ctx, idx, ctx.resumed[a], b, persons, earlier, owner)
    if low.startswith(", who", a) and before:   # "Zhou Ming, who arrived on Monday, ..."
        near = [m for m in ctx.persons_in(s, a) if m.canonical in before[-2:]]
        if len(before) >= 2 and len(near) >= 2 and re.fullmatch(   # "signed by A and B, who held talks"
                r"\s+and\s+(?:[\w.'-]+\s+){0,5}", low[near[-2].end:near[-1].start]) and not plural_is_one(seg):
            return before[-2:], []
        return [before[-1]], []
    if plural and not owner:
        if len(before) >= 2:
            return before[-2:], []
        prev = next((c for c in reversed(earlier) if c.sent >= idx - PAIR_SENTENCES and len(c.parties) >= 2
                     and (c.kind != "launch" or c.sent == idx)), None)
        if prev is not None:
            return list(prev.persons), list(prev.sides)
        return entity_reference(ctx, idx, plural.group(), a), []
    single = owner or ctx.rules.singular_ref.search(seg)
    if not (single or LEADING.match(low, a) or low[a:a + 1] == ","):
        return [], []
    # the subject of the main clause: the nearest person before who is nobody's object ...
    for m in reversed(ctx.persons_in(s, a)):
        if not (_OBJECT_CUE.search(low[max(s, m.start - OBJECT_CUE_REACH):m.start])
                or _OBJECT_CUE_NAMED.search(ctx.text[max(s, m.start - OBJECT_NAME_REACH):m.start])):
            return ([m.canonical] if m.canonical not in persons else []), []
    # ... or, after a leading clause ("Before his talks with Zhou, Hart will ..."), the first one after
    after = ctx.persons_in(b, e)
    if after and (LEADING.match(low, a) or a == s) and after[0].start - b <= LEADING_SUBJECT_REACH:
        return ([after[0].canonical] if after[0].canonical not in persons else []), []
    prev = next((c for c in reversed(earlier) if c.sent == idx and len(c.parties) >= 2), None)
    if prev is not None and not single:   # "..., as they met in Geneva before the council"
        return list(prev.persons), list(prev.sides)
    if owner and len(persons) >= 2:   # "In his talks with Sato, Zhou said ...": the owner is named
        return [], []
    lead = ctx.rules.role_ref.match(low, s) if single and not owner else None
    if lead and lead.end() <= a:   # "The premier then flew to Hanoi, where he called on ...": the role opening the sentence
        found = [p for p in entity_reference(ctx, idx, lead.group(), s) if p not in persons]
        if found:
            return found[:1], []
    if single:
        return [p for p in entity_reference(ctx, idx, single.group(1) if owner else single.group(), a)
                if p not in persons][:1], []
    return [], []


def entity_reference(ctx: Context, idx: int, phrase: str, before: int | None = None) -> list[str]:
    """The person a phrase ("he", "the minister") refers to, as a one-item list, or []."""
    found = resolve_reference(ctx.article, idx, phrase, before, lexicon=ctx.lexicon)
    if found is not None and found.kind == "person" and found.canonical:
        return [found.canonical]
    return _only_one_of_country(ctx, idx, phrase, before)


def _only_one_of_country(ctx: Context, idx: int, phrase: str, before: int | None) -> list[str]:
    """ "the Japanese economic revitalization minister", where no title fits: the one Japanese
    person the article has named so far, if there is exactly one and the article gives them no
    ministry of their own ("trade negotiator Akazawa"). Not for a leader ("the Japanese prime
    minister" is nobody named as a minister) and not for a bare role with no country."""
    where = ctx.places.country.search(phrase.title())   # the pattern reads cased text
    low = phrase.lower()
    if where is None or not _MINISTERIAL.search(low) or _LEADER_ROLE.search(low):
        return []
    country = ctx.places.country_of.get(where.group().lower().replace("\u2019", "'"), "")
    cutoff = ctx.article.sentences[idx][0] if before is None else before
    named = {p.canonical for p in ctx.persons if p.end <= cutoff and ctx.country(p.canonical) == country
             and not ctx.is_spokesperson(p)}
    if not country or len(named) != 1:
        return []
    who = named.pop()   # a person the article gives another ministry is not this minister
    offices = [p.role.lower() for p in ctx.persons if p.canonical == who and _OFFICE.search(p.role.lower())]
    return [] if offices else [who]
