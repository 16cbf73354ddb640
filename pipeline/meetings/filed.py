"""Where a story was filed: its dateline, or else the city its byline puts the reporter in.

A wire story's dateline ("BEIJING, Nov 3 (Reuters) -", "NEW DELHI:") is where the reporter is:
the venue of the day's meetings that name no place of their own. A byline that puts the
reporter in a city says the same ("By Ana Ruiz in Jakarta", "From our correspondent in
Nairobi", "Ana Ruiz | Jakarta"), and so does a read-out's header ("Venue: Hyderabad House, New
Delhi"); a dateline wins over them. A kicker in capitals before a mark
("ANALYSIS:", "TARIFFS -", "TRADE WAR -", "CHINA-US -") is no place: a word of it is a country,
a region, a word never part of a name, or a word the story writes in small letters.
"""
from __future__ import annotations

import re

from pipeline.meetings.places import PlaceTables
from pipeline.text.datelines import parse_dateline

# a dateline opens one of the body's first paragraphs ...
DATELINE_PARAGRAPHS = 3
# ... where a line of fewer words (a byline, a time, "Share") is debris above the body, not a paragraph
DEBRIS_WORDS = 6
# The Hindu: "Published - March 02, 2025 10:15 am IST - Madrid"
_PUBLISHED_LINE = re.compile(r"(?:Published|Updated)\b[^\n]{0,60}\d[^\n]{0,30}\s[-–—]\s+([A-Z][A-Za-z.' ]+?)\s*$")
# a place of one to three capitalised words, a particle between them ("Dar es Salaam")
_PLACE = r"(?P<city>[A-Z][\w'’.-]*(?:\s+(?:(?:es|of|de|da|do|del|al|el|la)\s+)?[A-Z][\w'’.-]*){0,2})"
_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
# "By Ana Ruiz in Jakarta", "By Ana Ruiz, in Jakarta": one reporter, one city, nothing after it
_BYLINE_IN = re.compile(rf"(?:By|BY)\s+{_NAME},?\s+in\s+{_PLACE}\s*$")
# "From our correspondent in Nairobi", "Our special correspondent in Dakar", "Ana Ruiz reports from Lima"
_CORRESPONDENT_IN = re.compile(
    rf"(?:(?:From\s+)?(?:[Oo]ur|[Aa]|[Tt]he)\s+(?:own\s+|special\s+|staff\s+|foreign\s+)?"
    rf"(?:correspondent|reporter|bureau)\s+in|{_NAME}\s+reports\s+from)\s+{_PLACE}\s*$")
# "Ana Ruiz | Jakarta", "By Ana Ruiz - Jakarta": only a city the gazetteer knows
_BYLINE_CITY = re.compile(rf"(?:By\s+)?{_NAME}\s*[|–—-]\s*{_PLACE}\s*$")
# "BEIJING, March 11 /Xinhua/ --", "[SEOUL] ...", "ASTANA. March 11. KAZINFORM -": a city in capitals
# opening the paragraph, then a short stretch and a mark; taken for a city the gazetteer knows only
_CAPS_OPENING = re.compile(r"\[?(?P<city>[A-Z][A-Z'’. -]{2,30}?)(?:\]\s*|[,.]\s+[^\n–—:]{0,40}?\s(?:--|[–—-]|:)\s)")
# a read-out's or a transcript's header: "Venue: Hyderabad House, New Delhi", "Place: Geneva"
_VENUE_LINE = re.compile(r"(?:Venue|Place|Location)\s*:\s*(?P<where>[^\n:]{2,80}?)\s*$")
_LAST_PART = re.compile(r"(?:^|,\s*)(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s*$")
_WORDS_OF = re.compile(r"[^\W\d_]+")
_SMALL_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def dateline(paragraphs: list[str], metadata: list[str] = (), *, lexicon) -> tuple[str, int]:
    """(city, end offset in the joined text) of a wire dateline opening one of the first
    paragraphs of the body (lines of a few words above them are not counted): "BEIJING, Nov 3 (Reuters) -",
    "TOKYO (Kyodo) --", "Beijing:"; else the city of a byline, in the body or among the lines the
    cleaning dropped (`metadata`), or of a site's "Published - <date> - City" line the cleaning
    dropped (offset 0 for a dropped line); else ("", 0)."""
    places = lexicon.compiled(PlaceTables)
    offset = 0
    read = 0
    small: set[str] | None = None   # the words the story writes in small letters, read when first needed
    byline = ("", 0)
    for para in paragraphs:
        if read == DATELINE_PARAGRAPHS:
            break
        # a byline, a time or a "Share" line the cleaning kept does not push the dateline out of reach
        read += len(para.split()) >= DEBRIS_WORDS
        line = parse_dateline(para, lexicon)
        if line:
            name, low = line.place, line.place.lower()
            known = places.city_of.get(low) or places.dateline_city.get(low)
            bare = not known and not line.agency and line.month is None
            # "ANALYSIS:", "EXCLUSIVE:": a kicker in capitals before a colon is no place
            kicker = bare and para[line.end - 2:line.end].strip() == ":"
            if bare and not kicker:
                small = small if small is not None else set(_SMALL_WORD.findall("\n".join(paragraphs)))
                kicker = _common_words(name, places, lexicon, small)
            elif not known:   # "ABOARD AIR FORCE ONE (Reuters) -": a word of it is no place's
                kicker = kicker or any(w in places.not_a_city for w in _WORDS_OF.findall(low))
            # a city-state ("SINGAPORE (Wire) -") is a country the gazetteer also lists as a city
            if (known or low not in places.not_a_city) and not kicker and (
                    known or (name.isupper() and len(name) > 3) or line.agency):
                return known or name.title(), offset + line.end
        m = _CAPS_OPENING.match(para)
        if m and m.group("city").strip().lower() in places.city_of:
            return places.city_of[m.group("city").strip().lower()], offset + m.end()
        m = _PUBLISHED_LINE.match(para)
        if m and m.group(1).lower() not in places.not_a_city:
            return places.city_of.get(m.group(1).lower(), m.group(1)), offset + m.end()
        if not byline[0] and (city := byline_city(para, places)):
            byline = (city, offset + len(para))
        offset += len(para) + 1
    if byline[0]:
        return byline
    for line in metadata:
        m = _PUBLISHED_LINE.match(line)
        if m and m.group(1).lower() not in places.not_a_city:
            return places.city_of.get(m.group(1).lower(), m.group(1)), 0
    for line in metadata:
        city = byline_city(line, places)
        if city:
            return city, 0
    return "", 0


def byline_city(line: str, places: PlaceTables) -> str:
    """The city a byline line puts its reporter in: "By Ana Ruiz in Jakarta" (any place that is no
    country or region), "Ana Ruiz | Jakarta" (a city the gazetteer knows); else ""."""
    line = line.strip()
    m = _VENUE_LINE.match(line)
    if m:
        return venue_line_city(m.group("where"), places)
    m = _BYLINE_IN.match(line) or _CORRESPONDENT_IN.match(line)
    if m:
        name = m.group("city")
        known = places.city_of.get(name.lower())
        if known:
            return known
        words = name.lower().split()
        return "" if any(w in places.not_a_city for w in words) or name.lower() in places.not_a_city else name
    m = _BYLINE_CITY.match(line)
    return places.city_of.get(m.group("city").lower(), "") if m else ""


def venue_line_city(where: str, places: PlaceTables) -> str:
    """The city of a header's venue: the last gazetteer city or landmark named ("Hyderabad House,
    New Delhi"), else its last part when that is a capitalised name of no country ("Kazan")."""
    low = where.lower()
    cities = [places.city_of[m.group()] for m in places.city.finditer(low) if any(c.isupper() for c in where[m.start():m.end()])]
    if cities:
        return cities[-1]
    m = places.venue.search("at " + low)
    if m:
        return places.venue_city[m.group(1)]
    m = _LAST_PART.search(where)
    name = m.group("city") if m else ""
    return name if name and not any(w in places.not_a_city for w in _WORDS_OF.findall(name.lower())) else ""


def _common_words(name: str, places: PlaceTables, lexicon, small: set[str]) -> bool:
    """Whether a capitalised opening holds a word no unknown place would: a country or region
    ("CHINA-US"), a word never part of a name ("TRADE WAR"), a word written small elsewhere ("TARIFFS")."""
    stop = lexicon.name_stopwords
    return any(w in places.not_a_city or w in stop or w in small for w in _WORDS_OF.findall(name.lower()))
