"""Which country hits of the gazetteer name a country here.

A place name that is also a given name is part of a person's name when a capitalised word
the gazetteer does not know stands right after it ("Chad Bown", "Israel Katz"), or right
before it inside a sentence ("Michael Jordan"); a place after "state of" is a sub-national
state ("the U.S. state of Georgia"). The words are in data/entities.json
(`places_also_given_names`, `subnational_cues`).
"""
from __future__ import annotations

import re

from pipeline.entities.words import alternation, entity_words
from pipeline.lexicon.lexicon import Lexicon
from pipeline.text.folding import fold

_NEXT_WORD = re.compile(r" +([A-Z][a-z]+)\b")
_PREV_WORD = re.compile(r"\b([A-Z][a-z]+) +$")
# "the U.S. state of " is the longest cue looked back for, with room to spare
SUBNATIONAL_REACH = 30
# a given name's neighbour is one word: look this far on either side
NEIGHBOUR_REACH = 30


class PlaceRules:
    def __init__(self, lexicon: Lexicon):
        w = entity_words(lexicon, "places_also_given_names", "subnational_cues")
        self.given = frozenset(w["places_also_given_names"])
        self.subnational = re.compile(rf"(?<![\w]){alternation(w['subnational_cues'])}\s+(?:the\s+)?$")
        self.stop = lexicon.name_stopwords


def not_places(lexicon: Lexicon, cased: str, spans) -> set[int]:
    """Indexes of the country spans (objects with start, end, entry) that name no country."""
    rules = lexicon.compiled(PlaceRules)
    starts = {sp.start for sp in spans}
    ends = {sp.end for sp in spans}
    out: set[int] = set()
    for i, sp in enumerate(spans):
        if sp.entry.kind != "country":
            continue
        if rules.subnational.search(cased[max(0, sp.start - SUBNATIONAL_REACH):sp.start]):
            out.add(i)
            continue
        if fold(cased[sp.start:sp.end]).lower() not in rules.given:
            continue
        after = _NEXT_WORD.match(cased[sp.end:sp.end + NEIGHBOUR_REACH])
        if after and sp.end + after.start(1) not in starts and after.group(1).lower() not in rules.stop:
            out.add(i)
            continue
        lo = max(0, sp.start - NEIGHBOUR_REACH)
        before = _PREV_WORD.search(cased[lo:sp.start])
        if before and lo + before.end(1) not in ends and before.group(1).lower() not in rules.stop \
                and not _opens_sentence(cased, lo + before.start(1)):
            out.add(i)
    return out


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the word at `pos` opens a sentence (then its capital says nothing)."""
    before = text[:pos].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"
