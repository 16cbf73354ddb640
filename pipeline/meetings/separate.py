"""One meeting per counterpart where a clause lists several: "held meetings with A, B, and C",
"met separately with A and B", "will sit down with A on the 12th and with B on the 13th", "met
his Japanese and Chinese counterparts"."""
from __future__ import annotations

import re

from pipeline.meetings.clauses import Context, entity_reference
from pipeline.meetings.clue import Clue, unique
from pipeline.meetings.participants import PartyRules, counterpart_countries

_SEPARATE_WORD = re.compile(r"\b(?:separate(?:ly)?|bilateral)\b")
_WITH = re.compile(r"\bwith\b")
# a plural meeting noun before its list: "meetings with A and B", "phone calls with", "courtesy calls on"
_MEETINGS_WITH = re.compile(r"\b(?:meetings with|calls with|(?:courtesy|paid) calls on)\b")
_AND_WITH = re.compile(r",? (?:–|—|-)? ?and with ")
# between two names of a list: "A, Japanese Economy Minister B, and C"
_NEXT_IN_LIST = re.compile(r"(?:,|,? and) (?:and )?(?:(?!(?:with|met|said|says|who|to|on|in|at|while|after|before)\b)[A-Za-z][\w.'-]* ){0,6}")
_SEPARATELY = re.compile(r"\bseparate(?:ly)?\b(?: (?:\w+ )?(?:meetings|talks|calls))? with\b")
# "met with A and B separately", "met A and B separately": the word closes the list of those met
_SEPARATELY_AFTER = re.compile(r"\b(with|met|meets|meet) [^;:]{3,120}?\b(separately)\b")


def named_counterpart(ctx: Context, country: str, at: int, hosts: list[str]) -> str:
    """The person the article names for `country`: the last one before `at`, else the first after;
    the country itself when it names nobody."""
    theirs = [p for p in ctx.persons if ctx.country(p.canonical) == country and p.canonical not in hosts
              and not ctx.is_spokesperson(p)]
    before = [p for p in theirs if p.start < at]
    return (before[-1] if before else theirs[0]).canonical if theirs else country


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
    if not cuts:   # "held meetings with A, B, and C": the plural makes one meeting per person listed;
        # "held separate meetings with A and B": one list, split by the word
        listed = _split_list(ctx, a, start, b, persons, base) if _MEETINGS_WITH.match(low, m.start()) else []
        return listed or _split_separately(ctx, a, b, persons, base)
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


def _split_list(ctx: Context, a: int, start: int, b: int, persons: list[str], base: dict) -> list[Clue]:
    """ "X held meetings with A, B, and C": a meeting of X with each person listed after "meetings with"."""
    listed = ctx.persons_in(start, ctx.article.sentences[base["sent"]][1])
    chain = listed[:1]
    for q in listed[1:]:   # the list goes on while only a comma, "and" and a title stand between two names
        if not _NEXT_IN_LIST.fullmatch(ctx.text, chain[-1].end, q.start):
            break
        chain.append(q)
    others = unique(q.canonical for q in chain)
    hosts = [p for p in persons if p not in others]
    if len(others) < 2 or not hosts:
        return []
    return _one_each(ctx, hosts, others, base)


def _one_each(ctx: Context, hosts: list[str], others: list[str], base: dict) -> list[Clue]:
    """One meeting of the hosts with each of `others`; a country side stays only where neither names it."""
    out = []
    for other in others:
        ps = unique(hosts + [other])
        ss = [k for k in base["sides"] if k not in {ctx.country(p) for p in ps} and k not in {ctx.country(o) for o in others}]
        ks = unique([ctx.country(p) for p in ps] + ss)
        out.append(Clue(**{**base, "persons": ps, "sides": ss, "countries": ks, "key": f"{base['sent']}:{len(out)}"}))
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
    return _one_each(ctx, hosts, others, base)
