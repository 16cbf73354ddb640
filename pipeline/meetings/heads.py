"""Who leads each side of a meeting of countries: "The U.S. team was led by X", "Y headed the
Indian delegation", "A, B and C are representing the United States", "Lind opened the session",
"his Japanese counterpart Sato replied". The people found stand for those country sides."""
from __future__ import annotations

import re

from pipeline.meetings.clauses import Context

# "The U.S. team was led by": the team's country stands a few words before
TEAM_COUNTRY_REACH = 30
# "his Japanese trade counterpart, " before the name
COUNTERPART_TITLE_REACH = 40
# "led by" and the leader's name, with a short title between: "led by Assistant Trade Representative ..."
LEADER_REACH = 60

_REPRESENTING = re.compile(r"\b(?:all |both |jointly )?(?:representing|represent|represented|represents) (?:the )?")
# between two names of a list, a comma or "and" and a title: ", Commerce Secretary ", ", and "
_LIST_GAP = re.compile(r"(?:,|,? and) (?:and )?(?:[A-Z][\w.'-]*(?: of| for| and)? ){0,6}")
_LED_BY = re.compile(r"\b(?:team|delegation|side|negotiators)s? (?:was |were |is |are |will be )?(?:led|headed) by ")
_LEADS = re.compile(r"\b(?:led|leads|leading|headed|heads|heading|will lead|will head) (?:the |a )?"
                    r"(?:[\w.'-]+ ){0,3}?(?:team|delegation|side|negotiators)\b")

# the words of a person speaking for a side in the talks: "opened the session", "his counterpart Sato"
_OPENED = re.compile(r"\b(?:opened|chaired|co-chaired|closed) (?:the )?(?:session|talks|meeting|dialogue|discussions)\b")
_NAMED_COUNTERPART = re.compile(r"\b(?:his|her) (?:[\w.'-]+ ){0,2}?counterpart,? $")
_APPOSITION = re.compile(r"\s*(?:,[^,.;]{0,80},)?\s*(?:(?:is|are|was|were|will be|has been|have been|also|again)\s+)*")
_BARE_HEAD = re.compile(r"(?:^|, |\bwhile |\bwhereas |\band )([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})(?:,[^,.;]{0,80},)? ")
# "..., accompanied by Ida Berg", "and was accompanied by": the head's companions follow
_ACCOMPANIED = re.compile(r",?\s+(?:and\s+)?(?:(?:was|were|is|are|will be)\s+)?accompanied by\s+")
# "Accompanied by Ida Berg, Lind headed ...": they open the sentence
_ACCOMPANIED_LEAD = re.compile(r"accompanied by\s+")
# between two companions: "A and B", "A, B and C" (a comma alone ends the list: "A, Ek said")
_COMPANION_GAP = re.compile(r"(?:,? and |, (?=[^.;]*\band\b))(?:[A-Z][\w.'-]*(?: of| for| and)? ){0,6}")
# a title before a name: "Deputy Minister "
_TITLE_GAP = re.compile(r"(?:[A-Z][\w.'-]*(?: of| for| and)? ){0,6}")
_INSTITUTION_WORDS = {"ministry", "department", "office", "commission", "council", "bureau", "agency", "team",
                      "administration", "government", "delegation", "side", "embassy", "the", "a", "an"}


def delegation_heads(ctx: Context, first: int, last: int) -> dict[str, list[str]]:
    """Who led each country's team in sentences first..last: "The U.S. team was led by X, while
    Y headed the Indian delegation" names the people behind two country sides."""
    heads: dict[str, list[str]] = {}
    for idx in range(first, min(last, len(ctx.article.sentences) - 1) + 1):
        s, e = ctx.article.sentences[idx]
        for m in _LED_BY.finditer(ctx.low, s, e):
            who = next((p for p in ctx.persons if m.end() <= p.start <= m.end() + LEADER_REACH), None)
            if who is None or re.search(r"[.;]", ctx.low[m.end():who.start]):
                continue
            where = list(ctx.places.country.finditer(ctx.text, max(s, m.start() - TEAM_COUNTRY_REACH), m.start()))
            if where:
                country = ctx.places.country_of.get(where[-1].group().lower(), "")
                heads.setdefault(country, [who.canonical] + _companions(ctx, s, who.end, e, country))
        for m in _LEADS.finditer(ctx.low, s, e):
            who = next((p for p in reversed(ctx.persons) if s <= p.start and p.end <= m.start()), None)
            name = who.canonical if who and _APPOSITION.fullmatch(ctx.text, who.end, m.start()) else ""
            if not name:   # a name with its title after it, unknown to the lexicon: "while Ravi Menon, Special Secretary, headed"
                bare = _BARE_HEAD.search(ctx.text, s, m.start())
                name = bare.group(1) if bare and bare.end() == m.start() and not (
                    set(bare.group(1).lower().split()) & _INSTITUTION_WORDS) else ""
            where = list(ctx.places.country.finditer(ctx.text, m.start(), m.end()))
            if name and where:
                country = ctx.places.country_of.get(where[-1].group().lower(), "")
                heads.setdefault(country, [name] + _companions(ctx, s, m.end(), e, country))
        for m in _OPENED.finditer(ctx.low, s, e):   # "Lind opened the session ..."
            who = next((p for p in reversed(ctx.persons) if s <= p.start and p.end <= m.start()), None)
            if who is not None and _APPOSITION.fullmatch(ctx.text, who.end, m.start()):
                heads.setdefault(ctx.country(who.canonical), [who.canonical])
        for p in ctx.persons_in(s, e):   # "...; his Japanese counterpart Sato Kenji replied"
            if _NAMED_COUNTERPART.search(ctx.low, max(s, p.start - COUNTERPART_TITLE_REACH), p.start):
                heads.setdefault(ctx.country(p.canonical), [p.canonical])
        for m in _REPRESENTING.finditer(ctx.low, s, e):   # "A, B, and C are all representing the United States"
            where = next((h for h in ctx.places.country.finditer(ctx.text, m.end(), m.end() + LEADER_REACH)
                          if h.start() == m.end()), None)
            team = _listed_before(ctx, s, m.start())
            if where and team:
                heads.setdefault(ctx.places.country_of.get(where.group().lower(), ""), team)
    heads.pop("", None)
    return heads


def _companions(ctx: Context, s: int, end: int, e: int, country: str) -> list[str]:
    """The people accompanying the head of a side: "headed the Swedish side, accompanied by A and B"
    (after `end`, where the head's phrase stops), or "Accompanied by A, Lind headed ..." (opening the
    sentence at `s`). A companion of another country is no member of the side."""
    after = _ACCOMPANIED.match(ctx.low, end, e)
    lead = _ACCOMPANIED_LEAD.match(ctx.low, s, e) if after is None else None
    start = after.end() if after else lead.end() if lead else -1
    team: list = []
    for p in (ctx.persons if start >= 0 else []):
        if p.start < start or p.start >= e:
            continue
        gap = _COMPANION_GAP if team else _TITLE_GAP
        if not gap.fullmatch(ctx.text, team[-1].end if team else start, p.start):
            break
        team.append(p)
    return [p.canonical for p in team if ctx.country(p.canonical) in ("", country)]


def _listed_before(ctx: Context, s: int, end: int) -> list[str]:
    """The names listed right before `end` ("A, Commerce Secretary B, and C are"), last first undone."""
    before = [p for p in ctx.persons if s <= p.start and p.end <= end]
    if not before or not _APPOSITION.fullmatch(ctx.text, before[-1].end, end):
        return []
    team = [before[-1]]
    for p in reversed(before[:-1]):
        if not _LIST_GAP.fullmatch(ctx.text, p.end, team[0].start):
            break
        team.insert(0, p)
    return [p.canonical for p in team]
