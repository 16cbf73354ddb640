"""Two people given their offices respectively: "the Presidents of Kazakhstan and Azerbaijan,
Dauren Amanzholov and Rauf Mammadli," names the first country's president first.

The shape: an office in the plural, "of", two countries joined by "and", a comma, then two
names joined by "and" and closed by a comma, a bracket or a verb. Each name becomes a person
holding the office (in the singular) for its own country; what the title-and-name reading made
of the same words gives way."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.article import Mention
from pipeline.entities.honorifics import plain_case
from pipeline.entities.names import resolve_name

if TYPE_CHECKING:                           # the context is built by the mentions step
    from pipeline.entities.mentions import _Context

# "Presidents of", "foreign ministers of the": an office of one to three words in the plural, before the first country
_PLURAL_OFFICE = re.compile(r"(?<![\w-])((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*?)s\s+of\s+(?:the\s+)?$")
_BETWEEN_COUNTRIES = re.compile(r"\s+and\s+(?:the\s+)?")
# ", Dauren Amanzholov and Rauf Mammadli," a name is two to four capitalised words (particles between)
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’.-]*){1,3}"
_TWO_NAMES = re.compile(rf",\s+({_NAME})\s+and\s+({_NAME})(?=\s*[,)]|\s+[a-z])")


def respective_people(ctx: "_Context", mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the people of each respective apposition put in."""
    text, places = ctx.text, ctx.places
    added: list[Mention] = []
    for first, second in zip(places, places[1:]):
        if not _BETWEEN_COUNTRIES.fullmatch(text, first.end, second.start):
            continue
        office = _PLURAL_OFFICE.search(text, max(0, first.start - 60), first.start)
        names = _TWO_NAMES.match(text, second.end)
        title = _title_in(ctx, office.group(1)) if office is not None and names is not None else ""
        if not title:
            continue
        role = _singular_role(title)
        for i, place in ((1, first), (2, second)):
            start, end = names.span(i)
            name = text[start:end].rstrip(".")
            p = resolve_name(name, ctx.lexicon)
            canonical = p.canonical if p is not None else plain_case(name)
            added.append(Mention(name, start, start + len(name), canonical, "person", role,
                                 (p.country if p is not None else "") or place.entry.key))
    if not added:
        return mentions
    spans = [(m.start, m.end) for m in added]
    kept = [m for m in mentions if not (m.kind == "person" and any(m.start < e and s < m.end for s, e in spans))]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))


def _title_in(ctx: "_Context", words: str) -> str:
    """The longest tail of the words before a plural's "s" that is a title the lexicon knows:
    "The President" -> "President", "trade minister" -> "trade minister"."""
    split = words.split()
    for i in range(len(split)):
        office = " ".join(split[i:])
        hits = ctx.lexicon.scan(office).hits
        if any(start == 0 and end == len(office) and any(e.kind == "title" for e in entries)
               for start, end, entries in hits):
            return office
    return ""


def _singular_role(office: str) -> str:
    words = office.split()
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in words)
