"""Countries and cities for the meeting rules: the gazetteer, and where a meeting took place.

A place is read only after a word that puts something there ("in", "visited",
"arrived in", "trip to"), so "Beijing said" or "Washington's tariffs" are never
a venue.  A city the gazetteer lacks is still taken from "met in Surabaya" when
the capitalised word is no country, region, month, weekday or named entity.
A wire story's dateline ("BEIJING, Nov 3 (Reuters) -", "NEW DELHI:") is where
the reporter is: the venue of the day's meetings that name no place of their own.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.lexicon import legacy as lexicons
from pipeline.text.alternation import trie_alternation

PATTERNS = json.loads((Path(__file__).resolve().parents[2] / "data" / "meeting_patterns.json")
                   .read_text(encoding="utf-8"))


def alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


COUNTRY_OF: dict[str, str] = {}     # lower-cased alias or demonym -> canonical country or bloc
WRITTEN: set[str] = set()           # aliases as they must be written: "US" is not "us"
COUNTRY_NOUNS: set[str] = set()     # names, not demonyms: "met with Japan" names a side
CAPITALS: dict[str, str] = {}
_NOT_A_CITY: set[str] = set()       # every country, bloc and region name or demonym, lower-cased
_NATION_OF_CITY: dict[str, set[str]] = {}   # a capital -> its country and the blocs it belongs to
for _name, _row in lexicons.countries().items():
    _names = [_name] + lexicons.split_list(_row.get("aliases", ""))
    _all = _names + lexicons.split_list(_row.get("demonyms", ""))
    _NOT_A_CITY |= {a.lower() for a in _all}
    if _row.get("kind") not in ("country", "bloc", "group"):
        continue
    for _alias in _all:
        COUNTRY_OF.setdefault(_alias.lower(), _name)
        if _alias[:1].isupper():
            WRITTEN.add(_alias)
            if not (_alias.isupper() and len(_alias) <= 5):   # "CHINA" in a headline, not "US" for "us"
                WRITTEN.add(_alias.upper())
    COUNTRY_NOUNS |= {a.lower() for a in _names}
    _capitals = lexicons.split_list(_row.get("capitals", ""))
    if _capitals:
        CAPITALS[_name] = _capitals[0]
    for _capital in _capitals:
        _NATION_OF_CITY.setdefault(_capital, set()).update([_name] + lexicons.split_list(_row.get("member_of", "")))
for _alias in PATTERNS["not_countries"]:
    COUNTRY_OF[_alias] = ""
_NOT_A_CITY |= {w.lower() for w in PATTERNS["not_cities"]}

_HOST_OF = {c: k for k, c in CAPITALS.items()}
CITY_OF = {c.lower(): c for c in PATTERNS["cities"]} | {c.lower(): c for c in CAPITALS.values()}
_CITY = re.compile(r"\b" + trie_alternation(CITY_OF) + r"\b")   # a trie: the scan fails on the first letter
_CAPITAL_OF = re.compile(r"\b(" + alternation(COUNTRY_OF) + r")(?:'s)? capital\b|\bcapital of (?:the )?("
                         + alternation(COUNTRY_OF) + r")\b")
_CITY_BEFORE = re.compile(r"(?:\bin|\bat|\bcity of|\bcapital,?|visits? to|trip to|visited|visiting|\bvisits?|"
                          r"arrived in|arriving in|talks in|travel(?:s|led|ed|ling)? to) (?:the )?(?:[a-z-]+ ){0,3}?$")
_CITY_NOT_AFTER = re.compile(r"^(?:'s\b|\s+(?:has|had|have|says|said|announced|is|was|will|would)\b)")
_PLACED = re.compile(r"(?:\bin|\bcity of|visits? to|trip to|visited|arrived in|arriving in|landed in|"
                     r"travel(?:s|led|ed|ling)? to) (?:the )?$")
_AWAY = re.compile(r"\b(?:back|flying|heading|return\w*|leav\w*|from)\s+(?:to\s+)?$")
# an unknown city: one to three capitalised words right after "in" (or a visit), then a pause
_NEW_CITY = re.compile(r"(?:\bin|\bvisited|\bvisit to|\btrip to|\barrived in|\blanded in) "
                       r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?=[,.;:]|\s+(?:on|in|last|this|next|earlier|later|"
                       r"for|to|ahead|during|at|with|and|from|over|until|after|before|where)\b|$)")
_DATELINE = re.compile(r"([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2})(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?(?=\s*[(,]))?"
                       r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)?\s*(?:\([A-Za-z .]+\))?\s*(?:--|—|–|-|:)\s")
# a cheap test before the dateline pattern: a short run of capitalised words, then a comma, colon or dash
_OPENING = re.compile(r"[A-Z][A-Za-z.']*(?: [A-Z][A-Za-z.']*){0,3}(?:,|:| ?\(| ?[-—–])")
# The Hindu: "Published - September 09, 2024 01:41 pm IST - Beijing"
_PUBLISHED_LINE = re.compile(r"(?:Published|Updated)\b[^\n]{0,60}\d[^\n]{0,30}\s[-–—]\s+([A-Z][A-Za-z.' ]+?)\s*$")
_ARRIVAL = re.compile(r"\b(?:arrived in|arrives in|arriving in|landed in|lands in|is in|was in|"
                      r"visit to|trip to|travelled to|traveled to)\s+$")


def city_in(low: str, text: str, a: int, b: int, taken=(), invite: bool = False) -> str:
    """The city a stretch of text puts something in; `taken` are spans of named entities."""
    for m in _CITY.finditer(low, a, b):
        before = low[max(a, m.start() - 40):m.start()]
        if invite and not re.search(r"\b(?:come to|visit|to)\s+(?:[a-z]+\s+){0,2}$", before):
            continue
        if _CITY_BEFORE.search(before) and not _CITY_NOT_AFTER.match(low[m.end():m.end() + 12]) \
                and not _AWAY.search(before):
            return CITY_OF[m.group()]
    m = _CAPITAL_OF.search(low, a, b) if low.find("capital", a, b) >= 0 else None
    if m:
        return CAPITALS.get(COUNTRY_OF.get(m.group(1) or m.group(2), ""), "")
    return "" if invite else new_city(low, text, a, b, taken)


def new_city(low: str, text: str, a: int, b: int, taken=()) -> str:
    """A capitalised place the gazetteer lacks: "met in Surabaya on Thursday"."""
    for m in _NEW_CITY.finditer(text, a, b):
        name = m.group(1)
        words = name.lower().replace("-", " ").split()
        if (name.lower() in _NOT_A_CITY or any(w in _NOT_A_CITY for w in words)
                or any(s < m.end(1) and m.start(1) < e for s, e in taken) or _AWAY.search(low, max(a, m.start() - 20), m.start())):
            continue
        return name
    return ""


def host_of(city: str) -> str:
    """The country whose capital the city is, or ""."""
    return _HOST_OF.get(city, "")


def city_in_country(city: str, countries) -> bool:
    """Whether a city lies in one of the countries (or blocs); only capitals are known."""
    return bool(_NATION_OF_CITY.get(city, set()) & set(countries))


def arrival_city(low: str, a: int, b: int) -> str:
    """ "Farrell arrived in Shanghai on Wednesday": where a visitor is, for the next sentence's meeting."""
    for m in _CITY.finditer(low, a, b):
        if _ARRIVAL.search(low, max(a, m.start() - 25), m.start()):
            return CITY_OF[m.group()]
    return ""


def dateline(paragraphs: list[str], metadata: list[str] = ()) -> tuple[str, int]:
    """(city, end offset in the joined text) of a wire dateline opening one of the first
    paragraphs: "BEIJING, Nov 3 (Reuters) -", "TOKYO (Kyodo) --", "Beijing:"; else the city
    of a site's "Published - <date> - City" line the cleaning dropped, with offset 0; else ("", 0)."""
    offset = 0
    for para in paragraphs[:3]:
        m = _DATELINE.match(para) if _OPENING.match(para) else None
        if m:
            name = m.group(1)
            low = name.lower()
            known = CITY_OF.get(low)
            if low not in _NOT_A_CITY and (known or (name.isupper() and len(name) > 3) or "(" in m.group()):
                return known or name.title(), offset + m.end()
        m = _PUBLISHED_LINE.match(para)
        if m and m.group(1).lower() not in _NOT_A_CITY:
            return CITY_OF.get(m.group(1).lower(), m.group(1)), offset + m.end()
        offset += len(para) + 1
    for line in metadata:
        m = _PUBLISHED_LINE.match(line)
        if m and m.group(1).lower() not in _NOT_A_CITY:
            return CITY_OF.get(m.group(1).lower(), m.group(1)), 0
    return "", 0


def placed_cities(low: str) -> set[str]:
    """Every gazetteer city the text puts something in."""
    return {CITY_OF[m.group()] for m in _CITY.finditer(low)
            if _PLACED.search(low, max(0, m.start() - 25), m.start())}
