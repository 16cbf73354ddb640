"""Cue words that report a meeting only with the right parties around them.

"Told", "hosted", "handed", "brought together" happen between people, but just as often
to things: "the ban handed her a headache", "the crisis brought together exporters and
insurers", "Zhou received a letter". Such a cue counts only with its parties in their
roles: a person as the subject; as the object, a person of another country ("told Lind",
"handed him a signed copy": him, a person named before) or, for a gathering verb, a person
or a side ("the summit brought together the leaders of Sweden and Hungary").
"""
from __future__ import annotations

import re

from pipeline.meetings.clauses import ACCEPT, Context, country_sides, entity_reference
from pipeline.meetings.rules import SUBJECT_GAP

# "told Lind", "hosted Lind": the named guest or listener follows the verb within a few words
OBJECT_REACH = 25
# "received a delegation led by Swedish minister Lind": the leader follows the guest phrase
GUEST_LEADER_REACH = 40
# "brought together the leaders of Sweden and Hungary": the object of a gathering verb
GATHERED_REACH = 60
# how far before a name its title's country word may start ("Korvian Deputy Ocean Minister ")
TITLE_COUNTRY_REACH = 60
# "the call", "a phone call": the word before a bare "call" that makes it a noun
BARE_CALL_REACH = 12

# a host's guests named by their side: "received a Chinese delegation (led by Zhou)", "hosted his Japanese counterpart"
_GUEST = re.compile(r" (?:an? |the |his |her |their )(?:visiting |high-level |senior |[a-z]+ ){0,2}?"
                    r"(?:delegations?|counterparts?|officials|ministers?|leaders?|envoys?|president|premier|"
                    r"prime minister)\b(?:,? (led|headed) by )?")
_BARE_CALL = re.compile(r"(?:the|a|phone|video|telephone|this|that|their|his|her) $")
_NOT_AN_OBJECT = re.compile(r"[,.;\"“”]|\b(?:from|by|about|of|on)\b")
_OBJECT_ENDS = re.compile(r"[,.;:\"“”(]|\b(?:from|by|about|on|over|for|to|in|at|after|before|while)\b")
# "Delmar's Fisheries Minister ", "Korvian Ocean Minister ": a country's possessive or demonym, then title words
_TITLE_COUNTRY = re.compile(r"(?<![\w'\u2019-])([A-Z][a-z]+(?:['\u2019]s|(?<=[a-z])(?:ian|an|ese|ish)))"
                            r" (?:[A-Z][\w-]* ){0,4}$")
_PRONOUN_SUBJECT = re.compile(r"\b(he|she)" + SUBJECT_GAP + "$")
_PRONOUN_OBJECT = re.compile(r" (him|her)\b")
# "Zhou and Lind signed", "the two last spoke": two subjects joined, or a pair named before
# "Dalton and Canadian Fisheries and Oceans Minister Dubois": the capitalised words after "and" are
# the second person's title (read on the text as written, where case tells a title from a clause)
_AND_TITLED = re.compile(r"\s*(?:,|and|&)\s*(?:[A-Z][\w.'\u2019-]*(?: (?:and|of|for|&))? ){0,6}")


def _joined(ctx: Context, first, second) -> bool:
    """Two people joined by "and" (or a comma), the second's own title between them allowed."""
    return bool(_AND_TITLED.fullmatch(ctx.text, first.end, second.start))
_PAIR_SUBJECT = re.compile(r"\b(?:the two(?: [a-z]+)?|the pair|both sides|both leaders|both ministers)" + SUBJECT_GAP
                           + r"(?:last |first |also |briefly )*$")
# "A and B talked about tariffs / by phone / on Friday": to each other; not "spoke at the forum", "spoke out"
_SPOKE_TO_EACH_OTHER = re.compile(r" (?:about|over|by|for|again|briefly|on (?:the )?(?:phone|telephone|\w+day\b|\d|[a-z]+\.? \d))")
# "to sign a memorandum of understanding on lithium refining with Williams": what is signed, then "with"
SIGNED_WITH_REACH = 80
_WITH = re.compile(r"(?<=[a-z ])[^,.;:\"“”()]*?\bwith (?:(?:his|her|their) (?:[a-z]+ ){0,3}?)?")
# "signed by Zhou and Lind", "a pact signed by the two ministers"
_SIGNED_BY = re.compile(r" by ")


def weak_cue_fails(ctx: Context, kind: str, m: re.Match, a: int, b: int) -> bool:
    """Whether the cue `m` of `kind` in the clause a..b lacks the parties it needs."""
    low = ctx.low
    if kind in ("told", "host"):   # "told Lind in Beijing": only a named person of another country
        before = [p for p in ctx.persons if a <= p.start and p.end <= m.start()]
        guest = _GUEST.match(low, m.end()) if kind == "host" else None
        if guest and before and not guest.group(1):   # "received a Chinese delegation"
            return False
        reach = guest.end() + GUEST_LEADER_REACH if guest else m.end() + OBJECT_REACH   # "led by Swedish minister Lind"
        after = next((p for p in ctx.persons if m.end() <= p.start <= reach), None)
        if after is None and before and kind == "host" and (pronoun := _PRONOUN_OBJECT.match(low, m.end())):
            return not _another_country(ctx, before[-1].canonical, _resolved(ctx, m, pronoun, a))   # "welcomed him"
        if after is None or not before or _NOT_AN_OBJECT.search(low[guest.end() if guest else m.end():after.start]):
            return True
        c1, c2 = ctx.country(before[-1].canonical), ctx.country(after.canonical)
        return kind == "told" and not (c1 and c2 and c1 != c2)
    if kind == "hand":
        giver = _person_subject(ctx, m, a)
        return not (giver and _hands_to_another(ctx, m, a, giver))
    if kind == "gather":   # a person, or the event itself: "the summit brought together"
        return not ((_person_subject(ctx, m, a) or ctx.rules.gathering_subject.search(ctx.low, a, m.start()))
                    and _has_object(ctx, m, b))
    if kind == "phone" and m.group() in ("call", "calls"):
        return not (_BARE_CALL.search(low[max(0, m.start() - BARE_CALL_REACH):m.start()])
                    or low.startswith((" with", " between"), m.end()))   # "a Friday call between A and B"
    if kind == "spoke":   # "A and B talked about tariffs"; not "A and B spoke at the forum"
        # a conversation of its own has a day; "A and B talked about X" alone tells what a meeting covered
        own_day = any(a <= d.start < b for d in ctx.article.dates)
        # "Dahl spoke by video on Monday with Rojas": the subject with a person of another country
        return not (own_day and (_SPOKE_TO_EACH_OTHER.match(low, m.end()) and _joint_subject(ctx, m, a)
                                 or _signs_with(ctx, m, a, b)))
    if kind == "in_person" and m.group().startswith("call"):   # "he called on Vietnam's trade minister Dien"
        host = next((p for p in ctx.persons if m.end() <= p.start <= m.end() + OBJECT_REACH), None)
        caller = _person_subject(ctx, m, a)
        if host is None or not caller or _OBJECT_ENDS.search(low, m.end(), host.start):
            return True
        c1, c2 = ctx.country(caller), ctx.country(host.canonical)
        return caller == host.canonical or bool(c1 and c1 == c2)
    if kind == "discuss":
        # "A and B discussed trade on Monday": a conversation of its own, with its own day; "the two ministers
        # first discussed the plan in Sao Paulo in November": an earlier meeting, with a city and a time after
        # the verb ("first discussed the idea in November" alone tells of a contact, not a meeting)
        joint = _joint_subject(ctx, m, a) or len(country_sides(ctx, a, m.start(), [])[0]) >= 2
        day = any(a <= d.start < b and d.precision == "day" for d in ctx.article.dates)
        when_said = any(m.end() <= d.start < b for d in ctx.article.dates)
        return not (joint and (day or when_said and ctx.places.city_in(ctx.low, ctx.text, m.end(), b, ctx.taken, False)))
    if kind == "sign":   # signing together is a meeting; "signed an order" alone is not
        return not (_joint_subject(ctx, m, a) or _joint_object(ctx, m, b) or _signs_with(ctx, m, a, b))
    if kind == "accept":
        return not ACCEPT.match(low, m.start())
    return False


def _joint_subject(ctx: Context, m: re.Match, a: int) -> bool:
    """Two people of different countries as the subject right before the verb ("Zhou and Lind,
    the two ministers, signed"), or "the two" / "the pair" standing for them."""
    low = ctx.low
    before = [p for p in ctx.persons if a <= p.start and p.end <= m.start()]
    if len(before) >= 2 and re.fullmatch(SUBJECT_GAP + r"(?:last |first |briefly )*", low[before[-1].end:m.start()]) \
            and _joined(ctx, before[-2], before[-1]):
        c1, c2 = ctx.country(before[-2].canonical), ctx.country(before[-1].canonical)
        if not (c1 or c2):   # countries the gazetteer lacks: the titles' own country words tell them apart
            c1, c2 = _title_country_word(ctx, a, before[-2].start), _title_country_word(ctx, a, before[-1].start)
        return bool(c1 and c2 and c1 != c2)
    return bool(_PAIR_SUBJECT.search(low, a, m.start()))


def _title_country_word(ctx: Context, a: int, start: int) -> str:
    """ "Delmar's Fisheries Minister Hartono", "Korvian Ocean Minister Lee": the possessive or demonym
    opening the capitalised title before a name, or "" ("Trade Minister Ruiz" names no country)."""
    m = _TITLE_COUNTRY.search(ctx.text, max(a, start - TITLE_COUNTRY_REACH), start)
    return m.group(1) if m else ""


def _signs_with(ctx: Context, m: re.Match, a: int, b: int) -> bool:
    """ "Kim is expected to travel to Santiago to sign a memorandum with Williams", "Dahl spoke by video
    on Monday with Rojas": the clause's subject acts with a person of another country named after "with"."""
    subject = next((p for p in ctx.persons if a <= p.start < m.start()), None)
    with_ = _WITH.search(ctx.low, m.end(), min(b, m.end() + SIGNED_WITH_REACH))
    other = next((p for p in ctx.persons if with_ and p.start == with_.end()), None)
    return bool(subject and other and _another_country(ctx, subject.canonical, other.canonical))


def _joint_object(ctx: Context, m: re.Match, b: int) -> bool:
    """ "(a pact) signed by Zhou and Lind": two people of different countries after "by"."""
    if not _SIGNED_BY.match(ctx.low, m.end()):
        return False
    # the first within reach of "by"; the second right after it, however long its own title
    after = [p for p in ctx.persons if m.end() <= p.start < b]
    if len(after) < 2 or after[0].start >= m.end() + OBJECT_REACH + GATHERED_REACH \
            or not _joined(ctx, after[0], after[1]):
        return False
    c1, c2 = ctx.country(after[0].canonical), ctx.country(after[1].canonical)
    return bool(c1 and c2 and c1 != c2)


def _person_subject(ctx: Context, m: re.Match, a: int) -> str:
    """The person right before the verb: "Varga, the trade minister, on Monday handed", or
    "he"/"she" standing for one named before."""
    low = ctx.low
    before = [p for p in ctx.persons if a <= p.start and p.end <= m.start()]
    if before and re.fullmatch(SUBJECT_GAP, low[before[-1].end:m.start()]):
        return before[-1].canonical
    pronoun = _PRONOUN_SUBJECT.search(low, a, m.start())
    if pronoun:
        found = entity_reference(ctx, ctx.sentence_of(m.start()), pronoun.group(1), pronoun.start())
        return found[0] if found else ""
    # "The ambassador then called on Lind": a role standing for a person named before, right before the verb
    role = None
    for role in ctx.rules.role_ref.finditer(low, a, m.start()):
        pass
    if role is not None and not before and re.fullmatch(SUBJECT_GAP, low[role.end():m.start()]):
        found = entity_reference(ctx, ctx.sentence_of(m.start()), role.group(), role.start())
        return found[0] if found else ""
    return ""


def _hands_to_another(ctx: Context, m: re.Match, a: int, giver: str) -> bool:
    """ "Varga handed Lind a letter", "handed him a signed copy of the accord" (him: the person named before):
    a person of another country receives it."""
    low = ctx.low
    after = next((p for p in ctx.persons if m.end() <= p.start <= m.end() + OBJECT_REACH), None)
    taker = after.canonical if after and not _NOT_AN_OBJECT.search(low, m.end(), after.start) else ""
    pronoun = _PRONOUN_OBJECT.match(low, m.end())
    if not taker and pronoun:
        taker = _resolved(ctx, m, pronoun, a)
    return _another_country(ctx, giver, taker)


def _resolved(ctx: Context, m: re.Match, pronoun: re.Match, a: int) -> str:
    """The person named before whom "him" / "her" after the verb stands for."""
    found = entity_reference(ctx, ctx.sentence_of(m.start()), pronoun.group(1), a)
    return found[0] if found else ""


def _another_country(ctx: Context, one: str, other: str) -> bool:
    c1, c2 = ctx.country(one), ctx.country(other) if other else ""
    return bool(c1 and c2 and c1 != c2)


def _has_object(ctx: Context, m: re.Match, b: int) -> bool:
    """A person or a side right after a gathering verb: "brought together Lind and Zhou",
    "brought together the leaders of Sweden and Hungary"; not "exporters and insurers"."""
    end = min(b, m.end() + GATHERED_REACH)
    stop = _OBJECT_ENDS.search(ctx.low, m.end() + 1, end)
    end = stop.start() if stop else end
    if any(m.end() <= p.start < end for p in ctx.persons):
        return True
    return bool(country_sides(ctx, m.end(), end, [])[0])
