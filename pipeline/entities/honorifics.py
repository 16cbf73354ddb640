"""Honorifics before a name, the written case of an unknown name, and what the mentions of one
unknown person tell about each other.

An honorific ("H.E.", "Sheikh", "Dato' Sri", "Tan Sri", "Dr.") is no part of a name and no
office: the office may stand before it ("Qatar's Minister of Commerce, H.E. Sheikh Khalid ...")
and an apposition after the name may give the role instead ("Dr. A B, Minister of Trade of X,").
The honorifics are listed in data/entities.json (`name_honorifics`).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.article import Mention
from pipeline.entities.words import alternation, entity_words
from pipeline.lexicon.lexicon import Lexicon


# a character that joins what follows to the word before: "ADR Holdings" holds no "Dr"
_INSIDE_WORD = frozenset("_'’.-")


class HonorificRules:
    def __init__(self, lexicon: Lexicon):
        words = entity_words(lexicon, "name_honorifics")["name_honorifics"]
        # as written in text: "Sheikh", "Dato' Sri", "H.E.", "SHEIKH"
        one = alternation({form for w in words for form in (w.title(), w.upper())}).replace("'", "['’]")
        # a chain of honorifics right before a capitalised word: "H.E. Sheikh Khalid"
        # (the start of a word is checked on each hit: a look-behind here would slow the scan)
        self.chain = re.compile(rf"(?:{one})(?![\w'’])(?:\s+(?:{one})(?![\w'’]))*\s+(?=[A-Z])")


class Honorifics:
    """The honorific chains of one text, by where the name after them starts."""

    def __init__(self, lexicon: Lexicon, cased: str):
        found = [m.span() for m in lexicon.compiled(HonorificRules).chain.finditer(cased)
                 if not m.start() or cased[m.start() - 1] not in _INSIDE_WORD and not cased[m.start() - 1].isalnum()]
        self.spans = found
        self.ends = [e for _, e in found]

    def start_before(self, pos: int) -> int:
        """Where the honorifics right before `pos` start (`pos` itself when there are none)."""
        i = bisect_left(self.ends, pos)
        if i < len(self.ends) and self.ends[i] == pos:
            return self.spans[i][0]
        return pos


# a generational suffix in capitals ("John Smith III") stays in capitals
_ROMAN = re.compile(r"I{2,3}|IV")


def plain_case(name: str) -> str:
    """A name written in capitals in a release ("Ayşe Nur KARAKAŞ") as it is usually written."""
    return " ".join("-".join(p.capitalize() if len(p) > 1 and p.isupper() and not _ROMAN.fullmatch(p) else p
                             for p in w.split("-"))
                    for w in name.split(" "))


def share_details(mentions: list[Mention], known: dict) -> None:
    """Give every mention of a person the lexicon does not know the role and country another
    mention of the same person has ("Chelule, who heads Kenya's trade ministry," names the
    country of "Cabinet Secretary for Trade Amos Chelule")."""
    country: dict[str, str] = {}
    role: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person" and m.canonical not in known:
            if m.country:
                country.setdefault(m.canonical, m.country)
            if m.role:
                role.setdefault(m.canonical, m.role)
    for m in mentions:
        if m.kind == "person" and m.canonical not in known:
            m.country = m.country or country.get(m.canonical, "")
            m.role = m.role or role.get(m.canonical, "")
