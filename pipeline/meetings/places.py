"""Countries and cities for the meeting rules: the gazetteer, and where a meeting took place.

A place is read only after a word that puts something there ("in", "visited",
"arrived in", "trip to"), so "Beijing said" or "Washington's tariffs" are never
a venue.  A city the gazetteer lacks is still taken from "met in Surabaya" when
the capitalised word is no country, region, month, weekday or named entity.
Where the story was filed (its dateline or byline) is read in `pipeline/meetings/filed.py`.
"""
from __future__ import annotations

import re

from pipeline.lexicon.files import split_list
from pipeline.text.alternation import trie_alternation

DATA = "meeting_patterns.json"
# how far before a city the word that places something there may stand: "visited the southern city of"
CITY_CUE_REACH = 40
# the words that put someone in a city stand right before it: "arrived in", "trip to the"
PLACING_REACH = 25
# "flew back from", "returning to": the words of leaving stand right before the place
AWAY_REACH = 20
# what follows a city that makes it a government, not a place: "'s", " has said", " announced"
CITY_AS_ACTOR_REACH = 12

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
# "then flew to Hanoi", "will travel on to Oslo": a city the trip moves on to
_TRAVEL_TO = re.compile(r"\b(?:fl(?:y|ies|ew|own|ying)|travel(?:s|led|ed|ling)?|head(?:s|ed|ing)?|mov(?:e|es|ed|ing)|"
                        r"go(?:es|ing)?|went|continu(?:e|es|ed|ing)) (?:on )?to (?:the )?(?:[a-z-]+ ){0,3}?$")
# "the Paris Agreement", "the New York Times", "the Geneva Conventions": a city opening a longer name
_NEXT_NAME = re.compile(r" ([A-Z][\w.]*)")
# ... though not before a day, a month or the District of Columbia: "in Geneva Monday", "Washington D.C."
_NOT_A_NAME_AFTER = frozenset({"d.c", "dc"})
# "possibly in London", "perhaps at Camp David": a place only guessed at
_HEDGED = re.compile(r"\b(?:possibly|perhaps|maybe|probably|potentially|likely)\s+(?:in|at)\s+(?:the\s+)?$")
# "a week after tariffs were imposed in Brussels", "after a car fair opened in Shanghai": a clause of
# its own subject and verb, about something else, puts that thing in the city; "after arriving in" does not
_OTHER_EVENT = re.compile(r"\b(?:after|before|since|when|while|because|although|amid|once|until)\s+"
                          r"(?![^,;]*\b(?:meet|met\b|talk|held|hold|visit|summit|negotiat|gather|convene|arriv|land|travel))"
                          r"(?:(?:a|an|the|its|their|his|her|some)\s+|[a-z]+s\s+)(?:[a-z'-]+\s+){0,6}?"
                          r"(?:was|were|is|are|been|had|has|have|[a-z]+ed)\s+(?:[a-z]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$")
# "welcomed Li Qiang to Canberra": the guest is brought to the city
_WELCOMED_TO = re.compile(r"\bwelcom(?:e|es|ed|ing)\b[^.;:]{1,50}?\bto\s+(?:the\s+)?$")
# how far back the subordinate clause or the welcome of the patterns above may start
CLAUSE_REACH = 110
_INVITED_TO = re.compile(r"\b(?:come to|visit|to)\s+(?:[a-z]+\s+){0,2}$")
# letters of Latin scripts with their accents, capital and small: "Ürümqi", "Bogotá", "Łódź"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
# an unknown city: one to three capitalised words right after "in" (or a visit), then a pause; a particle
# may join them ("Dar es Salaam", "Port of Spain")
_CITY_NAME = (rf"(?:[{_UPPER}][{_LOWER}]+(?:'s|’s) )?"
              rf"([{_UPPER}][{_LOWER}]+(?:(?:[ -](?:(?:es|of|de|do|da|del|al|el|au|di|la) )?)[{_UPPER}][{_LOWER}]+){{0,2}})"
              r"(?=[,.;:]|\s+(?:on|in|last|this|next|earlier|later|"
              r"for|to|ahead|during|at|with|and|from|over|until|after|before|where)\b|$)")
_NEW_CITY = re.compile(r"(?:\bin|\bvisited|\bvisit to|\btrip to|\barrived in|\blanded in) " + _CITY_NAME)
# the place an invitation brings its guest to: "invited Thang to Poznań", "to visit Poznań"
_INVITED_CITY = re.compile(r"(?:\bto|\bvisit) " + _CITY_NAME)
# "in the capital", "in the country's capital": a capital named by its country elsewhere in the story
_BARE_CAPITAL = re.compile(r"\bin the (?:(?:heart|centre|center|outskirts|suburbs) of the )?"
                           r"(?:(?:country's|nation's|country’s|nation’s|host) )?capital"
                           r"(?=[,.;:]|\s+(?:on|in|last|this|next|earlier|later|for|ahead|during|with|and|"
                           r"where|after|before|that|which)\b|$)")
_LIST_SEPARATOR = re.compile(r",? and |, ")
_ARRIVAL = re.compile(r"\b(?:arrived in|arrives in|arriving in|landed in|lands in|is in|was in|"
                      r"visit to|trip to|travelled to|traveled to|travels to|travel to|fly to|flew to|flew into|flies to|"
                      r"flown to|headed to|heads to)\s+$")


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
        # every capital a country lists is a city of its own ("Abidjan" beside "Yamoussoukro"); another
        # spelling of one ("Kiev", "Brasília") is written as the city it spells
        self.city_of = {c.lower(): c for c in data["cities"]} | {
            c.lower(): c for row in lexicon.countries.values() for c in split_list(row.get("capitals", ""))}
        self.city_of |= {a.lower(): city for city, spellings in data["city_aliases"].items() for a in spellings}
        self.city_of |= {c.lower(): c for c in self.capitals.values()}
        self.city = re.compile(r"\b" + trie_alternation(self.city_of) + r"\b")   # a trie: the scan fails on the first letter
        # "at the Great Hall of the People": a landmark stands for its city
        self.venue_city = {v.lower(): city for city, venues in data["venues"].items() for v in venues}
        # "UNITED NATIONS (AP) -": a dateline naming the institution it was filed at
        self.dateline_city = {v: city for city, names in data["dateline_institutions"].items() for v in names}
        # "the ambassador in Washington", "a former official in Shanghai": where someone works or lives
        self.resident = re.compile(r"(?:,\s+(?:a|an|the|his|her|its|their)\s+(?:[\w'-]+\s+){0,3}?(?:"
                                   + trie_alternation(data["resident_nouns"]) + r")|\b(?:"
                                   + trie_alternation(data["resident_verbs"]) + r"))\s+(?:in|at)\s+(?:the\s+)?$")
        self.venue = re.compile(r"\b(?:at|in|inside) (?:the )?(" + trie_alternation(self.venue_city) + r")\b")
        countries = trie_alternation(self.country_of)
        self.capital_of = re.compile(r"\b(" + countries + r")(?:'s)? capital\b|\bcapital of (?:the )?(" + countries + r")\b")
        # a country as written in the text, case and all ("US", "CHINA", "Japan"); not_countries block a longer name
        self.country = re.compile(r"(?<![\w.])(?=[A-Z])(?:" + trie_alternation(
            self.written | {a.title() for a in data["not_countries"]}) + r")(?![\w])")

    def canonical_country(self, name: str) -> str:
        return self.country_of.get(name.lower(), name) or name

    def city_in(self, low: str, text: str, a: int, b: int, taken=(), invite: bool = False, home: str = "") -> str:
        """The city a stretch of text puts something in; `taken` are spans of named entities, `home`
        the dateline's city (the capital a bare "in the capital" means when no country is named)."""
        for m in self.city.finditer(low, a, b):
            if not _written_as_name(text, m) or self.opens_a_name(text, m.end()):
                continue
            before = low[max(a, m.start() - CITY_CUE_REACH):m.start()]
            if invite and not _INVITED_TO.search(before):
                continue
            # "Beijing has said" is a government; "the meeting in Geneva was candid" a place all the same
            after = low[m.end():m.end() + CITY_AS_ACTOR_REACH]
            actor = _CITY_NOT_AFTER.match(after) and not (_RIGHT_IN.search(before) and _COPULA.match(after))
            wide = low[max(a, m.start() - CLAUSE_REACH):m.start()]
            placed = invite or _CITY_BEFORE.search(before) or _WELCOMED_TO.search(wide)
            if placed and not actor and not _AWAY.search(before) and not self.elsewhere(before, wide):
                return self.city_of[m.group()]
        m = self.venue.search(low, a, b) if not invite else None
        if m:
            return self.venue_city[m.group(1)]
        if low.find("capital", a, b) >= 0:
            m = self.capital_of.search(low, a, b)
            if m:
                return self.capitals.get(self.country_of.get(m.group(1) or m.group(2), ""), "")
            m = _BARE_CAPITAL.search(low, a, b) if not invite else None
            if m:
                return self.host_capital(low, text, m.start()) or (home if self.host_of(home) else "")
        return self.new_city(low, text, a, b, taken, invite)

    def host_capital(self, low: str, text: str, pos: int) -> str:
        """ "Li arrived in Indonesia on Monday. He met Prabowo in the capital": the capital of the one
        country this paragraph or the one before puts someone in before `pos` ("arrived in", "visit to",
        "in"), by its name or by its capital's ("arrived in Madrid")."""
        start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, pos))) + 1   # this paragraph and the one before
        hosts = {self.country_of.get(m.group().lower().replace("\u2019", "'"), "")
                 for m in self.country.finditer(text, start, pos)
                 if m.group().lower() in self.country_nouns
                 and _PLACED.search(low, max(start, m.start() - PLACING_REACH), m.start())}
        # "arrived in Madrid": a capital someone is put in names its country too
        hosts |= {self.host_of(self.city_of[m.group()]) for m in self.city.finditer(low, start, pos)
                  if _written_as_name(text, m) and _PLACED.search(low, max(start, m.start() - PLACING_REACH), m.start())}
        hosts.discard("")
        return self.capitals.get(hosts.pop(), "") if len(hosts) == 1 else ""

    def opens_a_name(self, text: str, end: int) -> bool:
        """Whether a city ending at `end` opens a longer name ("Paris Agreement", "New York Times"):
        a capitalised word follows that is no day, month or other word of no place."""
        m = _NEXT_NAME.match(text, end)
        word = m.group(1).lower().rstrip(".") if m else ""
        return bool(word) and word not in self.not_a_city and word not in _NOT_A_NAME_AFTER

    def elsewhere(self, before: str, wide: str) -> bool:
        """Whether the words before a city put something else there: a guess ("possibly in"), where a
        person lives or works ("a former official in"), another event's clause ("after tariffs were imposed in")."""
        return bool(_HEDGED.search(before) or self.resident.search(before) or _OTHER_EVENT.search(wide))

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

    def new_city(self, low: str, text: str, a: int, b: int, taken=(), invite: bool = False) -> str:
        """A capitalised place the gazetteer lacks: "met in Surabaya on Thursday"; for an invitation,
        "invited Thang to lead a delegation to Poznań"."""
        for m in (_INVITED_CITY if invite else _NEW_CITY).finditer(text, a, b):
            name = m.group(1)
            words = name.lower().replace("-", " ").split()
            if (name.lower() in self.not_a_city or any(w in self.not_a_city for w in words)
                    or any(s < m.end(1) and m.start(1) < e for s, e in taken)
                    or _AWAY.search(low, max(a, m.start() - AWAY_REACH), m.start())
                    or self.elsewhere(low[max(a, m.start(1) - CITY_CUE_REACH):m.start(1)],
                                      low[max(a, m.start(1) - CLAUSE_REACH):m.start(1)])):
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

    def next_stop(self, low: str, city: str) -> bool:
        """Whether the text reaches the city by a trip: "then flew to Hanoi", "will travel on to Oslo"."""
        return any(_TRAVEL_TO.search(low, max(0, m.start() - PLACING_REACH), m.start())
                   for m in self.city.finditer(low) if self.city_of[m.group()] == city)

    def placed_cities(self, low: str) -> set[str]:
        """Every gazetteer city the text puts something in."""
        return {self.city_of[m.group()] for m in self.city.finditer(low)
                if _PLACED.search(low, max(0, m.start() - PLACING_REACH), m.start())}


def _written_as_name(text: str, m: re.Match) -> bool:
    """A gazetteer hit found in the lower-cased text is a city only where the text capitalises it:
    "in Bergen", not "in a nice way"."""
    return any(c.isupper() for c in text[m.start():m.end()])

