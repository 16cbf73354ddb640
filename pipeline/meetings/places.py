"""Countries and cities for the meeting rules: the gazetteer, and where a meeting took place.

A place is read only after a word that puts something there ("in", "visited",
"arrived in", "trip to"), so "Beijing said" or "Washington's tariffs" are never
a venue.  A city the gazetteer lacks is still taken from "met in Surabaya" when
the capitalised word is no country, region, month, weekday or named entity.
A wire story's dateline ("BEIJING, Nov 3 (Reuters) -", "NEW DELHI:") is where
the reporter is: the venue of the day's meetings that name no place of their own.
"""
from __future__ import annotations

import re

from pipeline.lexicon.files import split_list
from pipeline.text.alternation import trie_alternation
from pipeline.text.datelines import parse_dateline

DATA = "meeting_patterns.json"
# how far before a city the word that places something there may stand: "visited the southern city of"
CITY_CUE_REACH = 40
# the words that put someone in a city stand right before it: "arrived in", "trip to the"
PLACING_REACH = 25
# "flew back from", "returning to": the words of leaving stand right before the place
AWAY_REACH = 20
# what follows a city that makes it a government, not a place: "'s", " has said", " announced"
CITY_AS_ACTOR_REACH = 12
# a dateline opens one of the body's first paragraphs ...
DATELINE_PARAGRAPHS = 3
# ... where a line of fewer words (a byline, a time, "Share") is debris above the body, not a paragraph
DEBRIS_WORDS = 6

# "in talks with Beijing", "in the dispute with Washington": a capital after one of these words is
# the government the words take as their object, not where the placing word puts anything
_OBJECT_OF = r"(?:with|against|between|versus|toward|towards|from|over|and|on)"
# "fly on to Oslo for talks": the next stop of a trip; "in Sweden's Gothenburg": a country's city
_CITY_BEFORE = re.compile(r"(?:\bin|\bat|\bcity of|\bcapital,?|visits? to|trip to|visited|visiting|\bvisits?|"
                          r"arrived in|arriving in|talks in|travel(?:s|led|ed|ling)? (?:on )?to|"
                          r"\bfl(?:y|ies|ew|own|ying) (?:on )?to|\bhead(?:s|ed|ing)? (?:on )?to|\bgo(?:es|ing)? on to) "
                          r"(?:the )?(?:(?!" + _OBJECT_OF + r"\b)[a-z-]+ ){0,3}?(?:[a-z.]+(?:'s|’s) )?$")
_RIGHT_IN = re.compile(r"\b(?:in|at)\s+$")
_COPULA = re.compile(r"\s+(?:is|was)\b")
_CITY_NOT_AFTER = re.compile(r"^(?:'s\b|\s+(?:has|had|have|says|said|announced|is|was|will|would)\b)")
_PLACED = re.compile(r"(?:\bin|\bcity of|visits? to|trip to|visited|arrived in|arriving in|landed in|"
                     r"travel(?:s|led|ed|ling)? to) (?:the )?$")
_AWAY = re.compile(r"\b(?:back|flying|heading|return\w*|leav\w*|from)\s+(?:to\s+)?$")
_INVITED_TO = re.compile(r"\b(?:come to|visit|to)\s+(?:[a-z]+\s+){0,2}$")
# an unknown city: one to three capitalised words right after "in" (or a visit), then a pause
_NEW_CITY = re.compile(r"(?:\bin|\bvisited|\bvisit to|\btrip to|\barrived in|\blanded in) (?:[A-Z][a-z]+(?:'s|’s) )?"
                       r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?=[,.;:]|\s+(?:on|in|last|this|next|earlier|later|"
                       r"for|to|ahead|during|at|with|and|from|over|until|after|before|where)\b|$)")
_LIST_SEPARATOR = re.compile(r",? and |, ")
# The Hindu: "Published - March 02, 2025 10:15 am IST - Madrid"
_PUBLISHED_LINE = re.compile(r"(?:Published|Updated)\b[^\n]{0,60}\d[^\n]{0,30}\s[-–—]\s+([A-Z][A-Za-z.' ]+?)\s*$")
_ARRIVAL = re.compile(r"\b(?:arrived in|arrives in|arriving in|landed in|lands in|is in|was in|"
                      r"visit to|trip to|travelled to|traveled to)\s+$")


class PlaceTables:
    """Countries and cities of one lexicon: countries.csv and the city lists of meeting_patterns.json."""

    def __init__(self, lexicon):
        data = lexicon.data(DATA)
        self.country_of: dict[str, str] = {}   # lower-cased alias or demonym -> canonical country or bloc
        self.written: set[str] = set()         # aliases as they must be written: "US" is not "us"
        self.country_nouns: set[str] = set()   # names, not demonyms: "met with Japan" names a side
        self.capitals: dict[str, str] = {}
        self.not_a_city: set[str] = set()      # every country, bloc and region name or demonym, lower-cased
        self.nation_of_city: dict[str, set[str]] = {}   # a capital -> its country and the blocs it belongs to
        self.region_of: dict[str, str] = {}    # lower-cased region name or demonym -> canonical region
        self.blocs: set[str] = set()           # canonical blocs and groups: they may name a gathering ("the G20 summit")
        for name, row in lexicon.countries.items():
            names = [name] + split_list(row.get("aliases", ""))
            every = names + split_list(row.get("demonyms", ""))
            self.not_a_city |= {a.lower() for a in every}
            if row.get("kind") == "region":   # a region is a side only as a regional gathering
                self.region_of.update({alias.lower(): name for alias in every})
            if row.get("kind") not in ("country", "bloc", "group"):
                continue
            if row.get("kind") != "country":
                self.blocs.add(name)
            for alias in every:
                self.country_of.setdefault(alias.lower(), name)
                if alias[:1].isupper():
                    self.written.add(alias)
                    if not (alias.isupper() and len(alias) <= 5):   # "CHINA" in a headline, not "US" for "us"
                        self.written.add(alias.upper())
            self.country_nouns |= {a.lower() for a in names}
            capitals = split_list(row.get("capitals", ""))
            if capitals:
                self.capitals[name] = capitals[0]
            for capital in capitals:
                self.nation_of_city.setdefault(capital, set()).update([name] + split_list(row.get("member_of", "")))
        for alias in data["not_countries"]:
            self.country_of[alias] = ""
        self.not_a_city |= {w.lower() for w in data["not_cities"]}
        # the canonical names a side may carry
        self.country_names: set[str] = set(self.country_of.values())

        self.host_of_city = {c: k for k, c in self.capitals.items()}
        self.city_of = {c.lower(): c for c in data["cities"]} | {c.lower(): c for c in self.capitals.values()}
        self.city_of |= {w.lower(): c for c, spelt in data["city_spellings"].items() for w in spelt}   # "Ha Noi"
        self.city = re.compile(r"\b" + trie_alternation(self.city_of) + r"\b")   # a trie: the scan fails on the first letter
        # "at the Great Hall of the People": a landmark stands for its city
        self.venue_city = {v.lower(): city for city, venues in data["venues"].items() for v in venues}
        self.venue = re.compile(r"\b(?:at|in|inside) (?:the )?(" + trie_alternation(self.venue_city) + r")\b")
        countries = trie_alternation(self.country_of)
        self.capital_of = re.compile(r"\b(" + countries + r")(?:'s)? capital\b|\bcapital of (?:the )?(" + countries + r")\b")
        # a country as written in the text, case and all ("US", "CHINA", "Japan"); not_countries block a longer name
        self.country = re.compile(r"(?<![\w.])(?=[A-Z])(?:" + trie_alternation(
            self.written | {a.title() for a in data["not_countries"]}) + r")(?![\w])")

    def canonical_country(self, name: str) -> str:
        return self.country_of.get(name.lower(), name) or name

    def city_in(self, low: str, text: str, a: int, b: int, taken=(), invite: bool = False) -> str:
        """The city a stretch of text puts something in; `taken` are spans of named entities."""
        for m in self.city.finditer(low, a, b):
            before = low[max(a, m.start() - CITY_CUE_REACH):m.start()]
            if invite and not _INVITED_TO.search(before):
                continue
            # "Beijing has said" is a government; "the meeting in Geneva was candid" a place all the same
            after = low[m.end():m.end() + CITY_AS_ACTOR_REACH]
            actor = _CITY_NOT_AFTER.match(after) and not (_RIGHT_IN.search(before) and _COPULA.match(after))
            if (invite or _CITY_BEFORE.search(before)) and not actor and not _AWAY.search(before):
                return self.city_of[m.group()]
        m = self.venue.search(low, a, b) if not invite else None
        if m:
            return self.venue_city[m.group(1)]
        m = self.capital_of.search(low, a, b) if low.find("capital", a, b) >= 0 else None
        if m:
            return self.capitals.get(self.country_of.get(m.group(1) or m.group(2), ""), "")
        return "" if invite else self.new_city(low, text, a, b, taken)

    def city_list(self, low: str, pos: int, end: int) -> list[str]:
        """ "Geneva, Oslo and Vienna" starting at `pos`: the gazetteer cities of the list."""
        out = []
        while (m := self.city.match(low, pos, end)) is not None:
            out.append(self.city_of[m.group()])
            sep = _LIST_SEPARATOR.match(low, m.end(), end)
            if sep is None:
                break
            pos = sep.end()
        return out

    def new_city(self, low: str, text: str, a: int, b: int, taken=()) -> str:
        """A capitalised place the gazetteer lacks: "met in Surabaya on Thursday"."""
        for m in _NEW_CITY.finditer(text, a, b):
            name = m.group(1)
            words = name.lower().replace("-", " ").split()
            if (name.lower() in self.not_a_city or any(w in self.not_a_city for w in words)
                    or any(s < m.end(1) and m.start(1) < e for s, e in taken)
                    or _AWAY.search(low, max(a, m.start() - AWAY_REACH), m.start())):
                continue
            return name
        return ""

    def host_of(self, city: str) -> str:
        """The country whose capital the city is, or ""."""
        return self.host_of_city.get(city, "")

    def city_in_country(self, city: str, countries) -> bool:
        """Whether a city lies in one of the countries (or blocs); only capitals are known."""
        return bool(self.nation_of_city.get(city, set()) & set(countries))

    def arrival_city(self, low: str, a: int, b: int) -> str:
        """ "Hart arrived in Shanghai on Wednesday": where a visitor is, for the next sentence's meeting."""
        for m in self.city.finditer(low, a, b):
            if _ARRIVAL.search(low, max(a, m.start() - PLACING_REACH), m.start()):
                return self.city_of[m.group()]
        return ""

    def placed_cities(self, low: str) -> set[str]:
        """Every gazetteer city the text puts something in."""
        return {self.city_of[m.group()] for m in self.city.finditer(low)
                if _PLACED.search(low, max(0, m.start() - PLACING_REACH), m.start())}


def dateline(paragraphs: list[str], metadata: list[str] = (), *, lexicon) -> tuple[str, int]:
    """(city, end offset in the joined text) of a wire dateline opening one of the first
    paragraphs of the body (lines of a few words above them are not counted): "BEIJING, Nov 3 (Reuters) -", "TOKYO (Kyodo) --", "Beijing:"; else the city
    of a site's "Published - <date> - City" line the cleaning dropped, with offset 0; else ("", 0)."""
    places = lexicon.compiled(PlaceTables)
    offset = 0
    read = 0
    for para in paragraphs:
        if read == DATELINE_PARAGRAPHS:
            break
        # a byline, a time or a "Share" line the cleaning kept does not push the dateline out of reach
        read += len(para.split()) >= DEBRIS_WORDS
        line = parse_dateline(para, lexicon)
        if line:
            name, low = line.place, line.place.lower()
            known = places.city_of.get(low)
            # "ANALYSIS:", "EXCLUSIVE:": a kicker in capitals before a colon is no place
            kicker = not known and not line.agency and line.month is None and para[line.end - 2:line.end].strip() == ":"
            # a city-state ("SINGAPORE (Wire) -") is a country the gazetteer also lists as a city
            if (known or low not in places.not_a_city) and not kicker and (
                    known or (name.isupper() and len(name) > 3) or line.agency):
                return known or name.title(), offset + line.end
        m = _PUBLISHED_LINE.match(para)
        if m and m.group(1).lower() not in places.not_a_city:
            return places.city_of.get(m.group(1).lower(), m.group(1)), offset + m.end()
        offset += len(para) + 1
    for line in metadata:
        m = _PUBLISHED_LINE.match(line)
        if m and m.group(1).lower() not in places.not_a_city:
            return places.city_of.get(m.group(1).lower(), m.group(1)), 0
    return "", 0
