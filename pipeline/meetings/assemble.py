"""From the clauses of an article to its meetings: which mentions report the same meeting,
and what that meeting's row says (sides, date, place, mode, status, evidence)."""
from __future__ import annotations

import re

from pipeline.article import Article, Meeting
from pipeline.meetings.clauses import Context
from pipeline.meetings.heads import delegation_heads
from pipeline.meetings.clue import Clue, Group, unique
from pipeline.meetings.days import dated_reference, into_week
from pipeline.meetings.manner import city_of_clause

# a meeting of one trip: dated this many days apart at most
SAME_TRIP_DAYS = 3
# "Kenya and Tanzania held talks ... Lee headed the Kenyan side": the heads are named within a few sentences
HEAD_SENTENCES = 5
# the day's news, which the dateline places: within a week of publication
CURRENT_DAYS = 7


def assemble(ctx: Context, clues: list[Clue]) -> list[Meeting]:
    """One row per meeting the clauses report."""
    article = ctx.article
    groups = [g for g in _group(ctx, clues) if len(_parties(ctx, g)) >= 2]
    # "agreed to restart the dialogue" where the article already plans a meeting of those sides: that one
    # (one that names the same kind of meeting: "the ministers' talks" are not the steel dialogue)
    scheduled = [(set(g.countries), " ".join(ctx.low[slice(*article.sentences[c.sent])] for c in g.clues))
                 for g in groups if g.kind != "launch" and g.status == "planned"]
    groups = [g for g in groups if g.kind != "launch" or not any(
        ks == set(g.countries) and re.search(r"\b" + re.escape(g.key), said) for ks, said in scheduled)]
    _name_country_sides(ctx, groups)
    groups = _name_delegation_heads(ctx, groups)
    groups = _without_covered(ctx, groups)
    _share_dates(ctx, groups)
    _fill_places(ctx, groups)
    return [_meeting(ctx, g) for g in groups]


def _named(ctx: Context, x) -> set[str]:
    """People and unnamed groups: the sides that are not a country."""
    return set(x.persons) | {s for s in x.sides if s not in ctx.places.country_names}


def _sides_of(ctx: Context, named: set[str], sides: set[str]) -> set[str]:
    """Named people and groups, plus the countries no named person stands for."""
    covered = {ctx.country(p) for p in named}
    return named | {s for s in sides if s not in covered}


class _People:
    """Each group's named people and groups and all its sides, folded in as clues join it (while grouping,
    a group's clues only grow): gathered again from every clue for every candidate group, they made
    grouping grow with the square of an article's clues."""

    def __init__(self, ctx: Context):
        self.ctx, self.seen = ctx, {}

    def of(self, g: Group) -> tuple[set[str], set[str]]:
        done, named, sides = self.seen.get(id(g), (0, set(), set()))
        for c in g.clues[done:]:
            named |= _named(self.ctx, c)
            sides.update(c.sides)
        self.seen[id(g)] = (len(g.clues), named, sides)
        return named, sides


def _same_people(ctx: Context, group: tuple[set[str], set[str]], c: Clue) -> bool:
    """One mention may name fewer sides, or give a country where the other names a person,
    but together they must not describe more sides than the fuller one."""
    (named, sides), mine = group, _named(ctx, c)
    merged = _sides_of(ctx, named | mine, sides | set(c.sides))
    return len(merged) <= max(len(_sides_of(ctx, named, sides)), len(_sides_of(ctx, mine, set(c.sides))))


def _compatible(ctx: Context, g: Group, c: Clue, people: _People) -> bool:
    if g.kind == "launch" or c.kind == "launch":
        return g.kind == c.kind and g.key == c.key and set(g.countries) == set(c.countries)
    if not _same_people(ctx, people.of(g), c) or g.key and c.key and g.key != c.key:
        return False
    if "follow" in (g.kind, c.kind) and (set(_parties(ctx, g)) != set(c.parties) or g.date is None and c.date is None
                                         and g.precision != c.precision):
        return False   # "the two men will meet again on Tuesday ... talks would continue in Stockholm": two rounds
    if (c.repeat and c.key or c.aside) and (len(_sides_of(ctx, *people.of(g)))
                                            > len(_sides_of(ctx, _named(ctx, c), set(c.sides)))):
        return False   # one of the separate meetings a clause lists, or one on the sidelines, is not the larger one
    gk, ck = set(g.countries), set(c.countries)
    if gk and ck and not (gk <= ck or ck <= gk):
        return False
    if g.location and c.location and g.location != c.location:
        return False
    if c.kind == "invite" and c.location and any(x.destination and not ctx.places.city_in_country(c.location, [x.destination])
                                                 for x in g.clues):
        return False   # an invitation to Manila is not the visit to Vietnam the guest is making
    if c.repeat and c.sent != max(x.sent for x in g.clues if x.kind != "back"):   # "The meeting ... comes after
        return False                                      # last year's summit": a pointer makes it no mention
    modes = {x.mode for x in g.clues if x.strength == 2} | ({c.mode} if c.strength == 2 else set())
    if len(modes - {"unknown"}) > 1:
        return False
    if g.date and c.date and g.date != c.date:
        return False
    statuses = {x.status for x in g.clues} | {c.status}
    if {"held", "planned"} <= statuses:
        # "Hart held a meeting with Zhou ... the two will hold discussions": the same visit
        # but a planned visit to a country ("he will visit China next year") is another meeting
        # (a call is not the visit: "A and B, who spoke by phone, will meet" are two meetings)
        return (c.status == "planned" and c.kind == "meet" and not c.date and not c.location and not _remote(g)
                and not c.repeat and not c.visit and _named(ctx, c) == _named(ctx, g) and len(_named(ctx, c)) >= 2
                and c.sent - g.clues[-1].sent <= 1)
    return True


def _group(ctx: Context, clues: list[Clue]) -> list[Group]:
    groups: list[Group] = []
    people = _People(ctx)
    for c in clues:
        if c.kind == "rounds":
            groups += _rounds_of(ctx, groups, c)
            continue
        if c.kind == "back":
            joins = _joins(ctx, c)
            target = next((g for g in reversed(groups) if g.kind != "launch" and (
                (set(c.parties) and set(c.parties) <= set(g.persons) | set(g.countries) | set(g.sides))
                or (not c.parties or joins) and c.sent - g.clues[-1].sent <= 2)), None)
            if target is not None:
                target.clues.append(_details_of(ctx, target, c))
            continue
        fits = [g for g in groups if _compatible(ctx, g, c, people)]
        if fits:
            best = max(fits, key=lambda g: (len(_named(ctx, g) & _named(ctx, c)), groups.index(g)))
            best.clues.append(c)
        else:
            groups.append(Group([c]))
    return groups


def _rounds_of(ctx: Context, groups: list[Group], c: Clue) -> list[Group]:
    """Earlier rounds in named cities ("this follows talks in Geneva and Oslo"): meetings of the
    countries of the article's first meeting (the rounds name nobody), one per city it did not
    already hold."""
    main = next((g for g in groups if g.kind != "launch" and len(g.countries) >= 2), None)
    if main is None:
        return []
    held = {g.location for g in groups if g.location}
    return [Group([Clue(c.sent, [], list(main.countries), list(main.countries), kind="rounds", status="held",
                        mode="in_person", strength=1, location=city, repeat=True)])
            for city in c.cities if city not in held]


# a person who took part in the meeting a sentence points back at: "The meeting was chaired by ..."
_CHAIRED_BY = re.compile(r"\b(?:was|were) (?:also )?(?:chaired|co-chaired|attended|joined|hosted|presided over) by\b"
                         r"|\b(?:chaired|co-chaired|attended|addressed|opened|told) (?:the|this|that) (?:[\w-]+ ){0,2}?"
                         r"(?:meeting|talks|session|gathering|dialogue)\b")


def _joins(ctx: Context, c: Clue) -> bool:
    """A sentence pointing back at the meeting names someone who took part: "The meeting was chaired by X"."""
    s, e = ctx.article.sentences[c.sent]
    return bool(c.pointer and c.persons and _CHAIRED_BY.search(ctx.low, s, e))


def _one_per_side(ctx: Context, target: Group, c: Clue) -> list[str]:
    """ "The ministers of A, B and C met ...; X, Y and Z issued a statement after the meeting": the
    next sentence, pointing back, names one person for every country side, and so the parties."""
    sides = {k for x in target.clues for k in x.sides}
    if len(sides) < 2 or target.persons:
        return []
    s, e = ctx.article.sentences[c.sent]
    named = unique(m.canonical for m in ctx.persons_in(s, e))
    return named if len(named) == len(sides) and {ctx.country(p) for p in named} == sides else []


def _details_of(ctx: Context, target: Group, c: Clue) -> Clue:
    """A mention pointing back at the meeting just reported ("During their talks in Geneva, ...",
    "The talks took place on Monday") gives it the place and day it lacks."""
    back = Clue(c.sent, [], [], [], kind="back")
    if _joins(ctx, c):   # "The meeting was chaired by Vice Minister Li"
        back.persons = [p for p in c.persons if p not in target.persons]
    elif c.pointer and c.sent - target.clues[-1].sent <= 1:
        back.persons = _one_per_side(ctx, target, c)
    if not c.pointer or c.sent - target.clues[-1].sent > 1:
        return back
    if c.location and not target.location and not _remote(target):
        back.location = c.location
    if c.date and not target.date and (not target.precision or target.precision == "week" and c.precision == "day"):
        back.date, back.precision = into_week(ctx, {x.sent for x in target.clues}, c.date), c.precision
    return back


def _without_covered(ctx: Context, groups: list[Group]) -> list[Group]:
    """ "Kim flew to the US on Thursday to lead the negotiations ... met Lutnick on Saturday": a
    person's meeting with a country is the one the article reports with a named person of that
    country, the same trip (days apart at most, or undated) and status."""
    def fuller(g: Group, h: Group) -> bool:
        ps, ss = _parties(ctx, g), _parties(ctx, h)
        if h is g or h.kind == "launch" or len(ps) != 2 or len(ss) != 2 or (g.status or "held") != (h.status or "held"):
            return False
        person = next((p for p in ps if p in g.persons), None)
        country = next((k for k in ps if k in ctx.places.country_names), None)
        if person is None or country is None or person not in h.persons:
            return False
        near = not (g.date and h.date) or abs((g.date - h.date).days) <= SAME_TRIP_DAYS
        # "visited Manila ... spoke with Roque again by phone on Saturday": a call is not the visit's talks
        remote = _remote(h) and not _remote(g) and any(c.visit for c in g.clues)
        return near and not remote and any(ctx.country(p) == country for p in h.persons if p != person)
    return [g for g in groups if g.kind == "launch" or not any(fuller(g, h) for h in groups)]


def _share_dates(ctx: Context, groups: list[Group]) -> None:
    """A meeting with no time of its own, reported in one sentence with a dated meeting of the
    same status ("Before his talks with Zhou on Monday, Hart will meet Sato"), or continuing the
    previous sentence's meeting ("She also met the central bank governor"), happened that day."""
    dated = [(c.sent, g.status or "held", g) for g in groups if g.date for c in g.clues
             if c.kind != "back" and not c.repeat]   # an earlier round's day ("since talks on May 3") is its own
    for g in groups:
        if g.date or g.precision or g.kind in ("rounds", "follow"):   # an earlier or later round is another day
            continue
        for c in (c for c in g.clues if not c.span_apart):   # "a week after their officials met": another day
            src = next((d for s, st, d in dated if d is not g and st == (g.status or "held") and (
                s == c.sent or (c.also and s == c.sent - 1))), None)
            if src is not None:
                c.date, c.precision = src.date, "day"
                break
    for g in groups:   # "Ishiba met Xi here. ... after the Nov. 15 session": the next sentence's dated reference
        if g.date or g.precision or g.kind in ("rounds", "follow"):
            continue
        others = {c.sent for h in groups if h is not g for c in h.clues}
        nxt = sorted({c.sent + 1 for c in g.clues if c.kind != "back"} - others)
        refs = [r for i in nxt if (r := dated_reference(ctx, i, g.status or "held")) is not None]
        if len({r.value for r in refs}) == 1:
            g.clues[0].date, g.clues[0].precision = refs[0].value, "day"


def _name_country_sides(ctx: Context, groups: list[Group]) -> None:
    """ "Swedish and Hungarian leaders met ... ahead of a summit with Japan; Lind met Varga": a country
    side of one meeting takes the person who stands for that country in another meeting
    reported in the same sentence."""
    for g in groups:   # a later round left to unnamed officials keeps its countries
        if g.kind in ("launch", "follow") or not any(c.sides for c in g.clues) or all(c.deputies for c in g.clues):
            continue   # "days after officials of the two countries met": not the named people
        sents = {c.sent for c in g.clues if c.kind != "back"}
        for other in groups:
            if other is g or other.kind == "launch" or not sents & {c.sent for c in other.clues if c.kind != "back"}:
                continue
            if g.date and other.date and g.date != other.date:   # "Kim flew in on Thursday after talks between
                continue                                          # Korean and US officials on the 8th": other days, other people
            # a side another mention of this meeting already names a person for keeps that person:
            # "talks led by Hart and Zhou ... pending a call between their leaders"
            covered = {ctx.country(p) for p in g.persons}
            stand_in = {ctx.country(p): p for p in other.persons if ctx.country(p) and ctx.country(p) not in covered}
            for c in g.clues:
                named = [stand_in[k] for k in c.sides if k in stand_in]
                if named and not c.persons:
                    c.persons = named
                    c.sides = [k for k in c.sides if k not in stand_in]


def _name_delegation_heads(ctx: Context, groups: list[Group]) -> list[Group]:
    """A meeting of country sides whose teams' leaders are named next: those leaders are the parties.
    The sentence naming them ("A, B and C are representing the US at the talks") then reports no
    other meeting: a meeting of some of those people in it is this one."""
    named_groups = []
    for g in groups:
        if g.kind in ("launch", "follow") or len(g.persons) >= 2 or not any(c.sides for c in g.clues):
            continue
        first = min(c.sent for c in g.clues)
        heads = delegation_heads(ctx, first, first + HEAD_SENTENCES)
        for c in g.clues:
            named = [p for k in c.sides if k in heads for p in heads[k]]
            c.persons = unique(c.persons + named)
            c.sides = [k for k in c.sides if k not in heads]
        if heads:
            named_groups.append(g)
    for g in named_groups:
        window = range(min(c.sent for c in g.clues), min(c.sent for c in g.clues) + HEAD_SENTENCES + 1)
        for h in list(groups):
            if h is not g and h.kind == "meet" and h.persons and set(h.persons) <= set(g.persons) \
                    and all(c.sent in window and not c.repeat and not c.key for c in h.clues) \
                    and not (g.date and h.date and g.date != h.date) and (h.status or "held") == (g.status or "held"):
                g.clues += h.clues
                groups.remove(h)
    return groups


def _mode_of(g: Group) -> str:
    real = [c for c in g.clues if c.kind != "back"]
    return max(real, key=lambda c: c.strength).mode if real else "unknown"


def _remote(g: Group) -> bool:
    """A call: no place, by convention."""
    return _mode_of(g) in ("phone", "video")


def _fill_places(ctx: Context, groups: list[Group]) -> None:
    """A meeting that names no place takes one from its own sentences, from a visitor's arrival
    just before, from the one city the article's other meetings of those days share, or from
    the dateline."""
    for g in groups:
        if g.location or g.kind == "launch" or _remote(g):
            continue
        taken = {h.location for h in groups if h.location}
        for i in sorted({c.sent for c in g.clues if c.kind != "back"}):
            s, e = ctx.article.sentences[i]
            city = city_of_clause(ctx, s, e)
            if city and city not in taken:
                g.location = city
                break
            prev = ctx.article.sentences[i - 1] if i else None
            if prev and "\n" not in ctx.text[prev[0]:s]:   # the same paragraph
                city = ctx.places.arrival_city(ctx.low, *prev)
                if city:
                    g.location = city
                    break
    # "the pair last met in Geneva": an earlier round lends its place to no other meeting
    located = [h for h in groups if h.location and not _remote(h) and h.kind != "follow"
               and not any(c.repeat for c in h.clues)]
    stray = None
    for g in groups:   # a borrowed city only for a meeting known to be face to face; a later round says its own
        if g.location or g.kind in ("launch", "follow") or _mode_of(g) != "in_person":
            continue
        near = {h.location for h in located if _close(g, h) and _lends(ctx, h, g)}
        if len(near) == 1 and stray is None:   # a city no meeting took: the trip went elsewhere too
            stray = ctx.places.placed_cities(ctx.low) - {h.location for h in groups if h.location}   # earlier rounds' too
        # a visit to Germany did not happen in Brussels
        dests = [c.destination for c in g.clues if c.destination]
        if len(near) == 1 and (not stray or near == {ctx.dateline_city}):   # the dateline's city: the story's
            city = near.pop()
        elif not near and ctx.dateline_city and _current(ctx, g):
            city = ctx.dateline_city
        else:
            continue
        if not dests or ctx.places.city_in_country(city, dests):
            g.location = city


def _lends(ctx: Context, h: Group, g: Group) -> bool:
    """Whether h's city may be g's: not the next stop of a trip ("then flew to", "will travel on to")
    for a meeting before it or held while it is planned, and not where the dateline is the capital
    of g's side but not of h's."""
    later = (h.date and g.date and h.date > g.date) or (h.status == "planned" and g.status != "planned")
    if later and ctx.places.next_stop(ctx.low, h.location):
        return False
    home = ctx.dateline_city
    return not (home and ctx.places.city_in_country(home, g.countries)
                and not ctx.places.city_in_country(home, h.countries))


def _close(g: Group, h: Group) -> bool:
    """Two meetings of one trip: dated days apart at most, or one of them undated but not old."""
    if g.date and h.date:
        return abs((g.date - h.date).days) <= SAME_TRIP_DAYS
    if g.date and h.date is None:   # a dated meeting and one of "last week": not known to be days apart
        return h.precision in ("", "day")
    return (h.date is not None or h.precision in ("", "day", "week")) and g.precision in ("", "day", "week")


def _current(ctx: Context, g: Group) -> bool:
    """The day's news, which the dateline places: undated held meetings, or within days of publication."""
    if g.date is None:
        return (g.status or "held") == "held" and g.precision in ("", "day", "week")
    pub = ctx.article.published
    return pub is None or abs((g.date - pub).days) <= CURRENT_DAYS


def _parties(ctx: Context, g: Group) -> list[str]:
    """People first; a country side only where no person of that country is named."""
    persons = g.persons
    named = {ctx.country(p) for p in persons}
    return persons + [s for s in unique(s for c in g.clues for s in c.sides) if s not in named]


def _meeting(ctx: Context, g: Group) -> Meeting:
    real = [c for c in g.clues if c.kind != "back"]
    day = next((c for c in real if c.date), None) or next((c for c in g.clues if c.date), None)
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
