"""People, organisations and countries mentioned in an article, resolved to canonical names.

How a person is found, in order of trust:
  1. a known name or alias from data/people.csv, matched on folded text (accents and
     name order do not matter: "Šefčovič" = "Sefcovic", "Ryosei Akazawa" = "Akazawa Ryosei");
  2. a misspelt known name ("Wang Wengbin"): same number of words, one word equal,
     rapidfuzz ratio >= 90;
  3. an unknown name of 2-4 capitalised words right after a title from data/titles.csv
     ("spokesperson Olof Gill", "Director-General of ... Liu Jinsong") or followed by an
     apposition holding one ("Mao Ning, a spokeswoman for China's foreign ministry,");
  4. a name used alone ("Akazawa", "Mr Wang") resolves to the one person of the article
     who carries it; when two people share it ("Wang Yi", "Wang Wentao") it resolves only
     while a single one of them has been named so far, otherwise it stays unresolved.
A person mention spans the title and its country ("EU trade chief Maros Sefcovic");
`role` is the role the article gives (else the lexicon's), `country` the lexicon's
country (else the one the title names: "Japan's", "Dutch", "US").
Country mentions carry role "name", "demonym", "capital" or "group"; organisation
mentions carry the organisation's kind ("ministry", "media", ...).
The words the patterns are built from (name particles, the words allowed between a
country, a title and a name, what opens an apposition) are in data/entities.json.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pipeline.article import Article, Mention
from pipeline.entities.honorifics import Honorifics, plain_case, share_details
from pipeline.entities.names import resolve_name
from pipeline.entities.places import not_places
from pipeline.entities.respective import respective_people
from pipeline.entities.suffixes import later_forms, suffix_of, without_suffix
from pipeline.entities.unlisted import after_place, described, written
from pipeline.entities.words import alternation, entity_words
from pipeline.lexicon.lexicon import Lexicon, Person
from pipeline.lexicon.phrases import Entry, normalise
from pipeline.text.folding import fold
from pipeline.text.sentences import sentence_spans

# a capitalised word; "Farrell's" stops before the possessive
_TOK = r"(?:[A-Z][A-Za-z]*(?:['’](?!s\b)[A-Za-z]+)*(?:-[A-Za-z]+)*|[A-Z]\.)"
# a lower-case word other than the small words of an office's name
_PLAIN_WORD = re.compile(r"\b(?!(?:of|for|to|the|and)\b)[a-z]")
# an office list inside an apposition: ", Trade and Investment" after "Minister of Industry"
_OFFICE_LIST_COMMA = r",(?=\s+[A-Z][\w-]+(?:,\s+[A-Z][\w-]+)*,?\s+and\s+[A-Z])"
_ADJACENT = re.compile(r"(?:['’]s)?\s*")
# a country names a title's or an organisation's owner only this close before it
# ("the Japanese foreign ministry's Asian and Oceanian Affairs Bureau Director-General")
COUNTRY_WINDOW = 90
# a title introduces a name at most this far after its end (its complement included)
TITLE_WINDOW = 80
# the complement of a title ("of Economy, Trade and Industry", "to the EU") is at most this long
TITLE_COMPLEMENT = 70
# an apposition holding a role (", the Chinese commerce ministry's spokesperson,") is at most this long
APPOSITION_SPAN = 90


class EntityRules:
    """The entities step's patterns, composed from data/entities.json, for one lexicon."""

    def __init__(self, lexicon: Lexicon):
        w = entity_words(lexicon, "name_particles", "surnames_also_words", "title_complement_words",
                         "title_gap_verbs", "country_gap_words", "country_gap_owners", "country_gap_counterparts", "apposition_openers",
                         "not_apposition_starts", "relative_pronouns")
        particle = alternation(w["name_particles"])
        more = entity_words(lexicon, "name_prefix_particles", "organisation_nouns", "heading_verbs", "name_suffixes")
        self.suffixes = frozenset(more["name_suffixes"])
        # "al-Harbi", "el-Sisi": a lower-case particle joined to a capitalised word
        prefixed = rf"(?:{alternation(more['name_prefix_particles'])}-)?{_TOK}"
        # a run opens with a capital (a fast scan); a hyphen-joined particle may follow: "Faisal al-Dosari"
        self.run = re.compile(rf"{_TOK}(?: +(?:{particle} +)*{prefixed})*")
        self.token = re.compile(rf"(?<![\w-]){prefixed}|\b{particle}\b")
        # "chief executive of shipping firm Nordhaven Lines": the name after these is the organisation's
        self.org_nouns = frozenset(more["organisation_nouns"])
        # ", who heads Peru's trade ministry,": the office a name holds, told in a relative clause
        self.heading = re.compile(rf",\s+who\s+{alternation(more['heading_verbs'])}\s+"
                                  rf"([^,.;:!?\"“”\n]{{3,{APPOSITION_SPAN}}})")
        # a title, then "of/for <its complement>", then the name
        # ... or "and <capitalised words>": "Minister of Industry and Advanced Technology Omar Saleh"
        self.title_gap = re.compile(rf"\s*,?\s*|\s+{alternation(w['title_complement_words'])}\s"
                                    rf"[^.;:!?\"“”\n]{{0,{TITLE_COMPLEMENT}}}?,?\s*"
                                    rf"|\s+and\s+(?=[A-Z])[^.;:!?\"“”\n]{{0,{TITLE_COMPLEMENT}}}?,?\s*"
                                    # "Minister for Trade, Agribusiness and Industry": the office's list goes on
                                    rf"|,\s+[A-Z][\w-]+(?:,\s+[A-Z][\w-]+)?\s+and\s+[A-Z][\w-]+\s+"
                                    # "Consul General in Sapporo, Lin Hao": the post's city, then the name
                                    rf"|\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+")
        self.gap_verbs = re.compile(rf"\b{alternation(w['title_gap_verbs'])}\b")
        # a country before a title: "Japan's", "US", "the Japanese foreign ministry's Asian ... Bureau"
        self.country_gap = re.compile(rf"(?:['’]s)?(?:\s+(?:[A-Z][\w.-]*(?:['’]s)?"
                                      rf"|{alternation(w['country_gap_words'])}(?!\w)"
                                      rf"|{alternation(w['country_gap_owners'])}['’]s"
                                      # "her Chilean counterpart, Foreign Minister X": the side's person
                                      rf"|{alternation(w['country_gap_counterparts'])}(?!\w),?))*\s*")
        # "Deputy Prime Minister of Uzbekistan": the country a title's complement names owns it
        self.complement_owner = re.compile(rf"\b{alternation(entity_words(lexicon, 'complement_owner_words')['complement_owner_words'])}\s+$")
        more = entity_words(lexicon, "office_words", "place_before_owner_words", "given_names_in_places")
        # the words of places are no name's words, save those that are also given names or family names
        # ("Saint Vincent", "San Salvador", "Costa Rica": Vincent Martin, Salvador Illa, Ana Costa)
        self.name_stopwords = lexicon.name_stopwords - frozenset(more["given_names_in_places"])
        # capitalised words of an office's name: "... Minister of Investment and Trade Jamshid Tursunov"
        # ends its office at the last of these (the words of titles and organisations count too)
        self.office_words = frozenset(more["office_words"]) | self.name_stopwords
        # "ambassador to China": a place after these is not the one owning a role
        self.place_not_owner = re.compile(rf"\b{alternation(more['place_before_owner_words'])}\s+(?:the\s+)?$")
        # "Foreign Minister Ana Kovacs of Hungary": the country right after a titled name
        self.of_country = re.compile(r" +of +(?:the +)?")
        relative = alternation(w["relative_pronouns"])
        self.apposition = re.compile(rf",\s+(?:{alternation(w['apposition_openers'])}\s+)*"
                                     rf"(?!{alternation(w['not_apposition_starts'])}\b)"
                                     rf"((?:(?!\b{relative}\b)(?:[^,.;:!?\"“”\n]|{_OFFICE_LIST_COMMA}))"
                                     rf"{{3,{APPOSITION_SPAN}}})")
        # family names that are also words ("He", "So"): at a sentence start they are the word
        self.surnames_also_words = frozenset(w["surnames_also_words"])
        self.lexicon = lexicon


@dataclass
class _Span:
    start: int
    end: int
    entry: Entry


def extract_entities(article: Article, lexicon: Lexicon) -> Article:
    text = article.text
    article.mentions = []
    if not text.strip():
        return article
    rules = lexicon.compiled(EntityRules)
    scanned = lexicon.scan(text)
    cased = scanned.cased
    spans = article.sentences or sentence_spans(text)
    starts = [s for s, _ in spans]
    found = _gazetteer(scanned.hits)
    dropped = not_places(lexicon, cased, found)
    if dropped:                             # "Chad Bown", "the state of Georgia": no country
        found = [sp for i, sp in enumerate(found) if i not in dropped]
    surnames = _titles_as_surnames(text, found)
    if surnames:                            # "Minister Madeleine King", "Ms King": a surname, not a title
        surname_starts = frozenset(found[i].start for i in surnames)
        found = [sp for i, sp in enumerate(found) if i not in surnames]
    titles = [sp for sp in found if sp.entry.kind == "title"]
    kinds = lexicon.country_kinds
    places = [sp for sp in found if sp.entry.kind == "country" and kinds.get(sp.entry.key) != "region"]
    ctx = _Context(rules, text, cased, titles, places, starts, article)
    ctx.surname_starts = surname_starts if surnames else frozenset()

    mentions: list[Mention] = []
    for sp in found:
        e = sp.entry
        if e.kind == "person":
            mentions.append(ctx.person(sp.start, sp.end, _pick(lexicon, e.key, article)))
        elif e.kind == "org":
            mentions.append(Mention(text[sp.start:sp.end], sp.start, sp.end, e.key, "org", e.role,
                                    ctx.country_before(sp.start, adjacent=True) or e.country))
        elif e.kind == "country" and kinds.get(e.key) != "region":
            role = "group" if kinds.get(e.key) == "group" else e.role
            mentions.append(Mention(text[sp.start:sp.end], sp.start, sp.end, e.key, "country", role, e.key))
    mentions += _names(ctx, found, [m for m in mentions if m.kind == "person"])
    mentions = respective_people(ctx, mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    share_details(mentions, lexicon.people_by_canonical)
    for m in mentions:
        m.sentence = max(bisect_right(starts, m.start) - 1, 0)
    article.mentions = mentions
    return article


_ENTITY_KINDS = {"person", "country", "org", "title"}


def _gazetteer(hits) -> list[_Span]:
    out: list[_Span] = []
    for start, end, entries in hits:
        for entry in entries:
            if entry.kind in _ENTITY_KINDS:
                out.append(_Span(start, end, entry))
                break
    return out


_CAPITALISED_WORD = re.compile(r"[A-Z][\w'’-]*")


def _titles_as_surnames(text: str, found: list[_Span]) -> set[int]:
    """The one-word titles that close a name instead of opening one: after an honorific ("Ms
    King") or after a titled given name ("Minister Madeleine King"), with no name following them.
    A title that introduces a name ("King Harald") or stands alone ("the King") stays a title."""
    out: set[int] = set()
    ends = {sp.end: sp for sp in found}
    for i, sp in enumerate(found):
        word = text[sp.start:sp.end]
        if sp.entry.kind != "title" or not _CAPITALISED_WORD.fullmatch(word) \
                or _CAPITALISED_WORD.match(text, sp.end + 1) and text[sp.end:sp.end + 1] == " ":
            continue
        before = ends.get(sp.start - 1)
        if before is not None and before.entry.kind == "title" and not before.entry.key:   # "Ms King"
            out.add(i)
            continue
        given = re.search(r"(?<![\w'’-])[A-Z][\w'’-]* $", text[max(0, sp.start - 40):sp.start])
        if given is None:
            continue
        given_start = sp.start - len(given.group())
        title = ends.get(given_start - 1)
        if given_start not in {x.start for x in found} and title is not None and title.entry.kind == "title" \
                and text[given_start - 1] == " ":
            out.add(i)                      # "Minister Madeleine King": the given name has the title
    return out


def _pick(lexicon: Lexicon, canonical: str, article: Article) -> Person:
    candidates = lexicon.people_by_canonical.get(canonical, [])
    day = article.published
    return next((p for p in candidates if p.in_office(day)), candidates[0])


class _Context:
    """What finding a person's title and country needs from one article."""

    def __init__(self, rules: EntityRules, text, cased, titles, places, starts, article):
        self.rules, self.lexicon = rules, rules.lexicon
        self.text, self.cased, self.titles, self.places, self.starts = text, cased, titles, places, starts
        self.title_ends = [t.end for t in titles]
        self.surname_starts: frozenset[int] = frozenset()   # title words read as surnames ("Ms King")
        self.place_ends = [p.end for p in places]
        self.article = article
        self.honorifics = Honorifics(rules.lexicon, cased)

    def sentence_start(self, pos: int) -> int:
        i = bisect_right(self.starts, pos) - 1
        return self.starts[i] if i >= 0 else 0

    def country_before(self, pos: int, adjacent: bool = False) -> str:
        """The country named just before `pos` (a possessive or demonym leading into it)."""
        i = bisect_right(self.place_ends, pos) - 1
        if i < 0:
            return ""
        place = self.places[i]
        if place.start < self.sentence_start(pos) or pos - place.end > COUNTRY_WINDOW:
            return ""
        gap = self.cased[place.end:pos]
        ok = _ADJACENT.fullmatch(gap) if adjacent else self.rules.country_gap.fullmatch(gap)
        return place.entry.key if ok else ""

    def title_before(self, name_start: int, honoured: bool = False) -> _Span | None:
        """The title introducing a name at `name_start`; `honoured`: an honorific stands between
        them, and only an office in capitals or of a country may stand before it."""
        i = bisect_right(self.title_ends, name_start) - 1
        if i < 0:
            return None
        t = self.titles[i]
        if name_start - t.end > TITLE_WINDOW:
            return None
        gap = self.text[t.end:name_start]
        if (t.start < self.sentence_start(name_start) or not self.rules.title_gap.fullmatch(gap)
                or self.rules.gap_verbs.search(gap)):
            return None
        if honoured and _PLAIN_WORD.search(gap):
            return None                     # "... held talks with Dr. Okonkwo": the honorific is the name's only title
        if gap.split(None, 1)[:1] == ["and"]:
            words = re.findall(r"[A-Z][\w-]*", gap)
            if not words or not all(fold(w) in self.rules.office_words for w in words):
                return None                 # "the prime minister and Rhea Collins": two people
        last = re.findall(r"[\w'’-]+", gap)[-1:]
        if last and last[0].islower() and last[0] in self.rules.org_nouns:
            return None                     # "chief executive of shipping firm Nordhaven Lines"
        return t

    def introduced(self, name_start: int) -> bool:
        """Whether a title or an honorific stands right before a name."""
        start = self.honorifics.start_before(name_start)
        return start < name_start or self.title_before(start) is not None

    def office_start(self, t: _Span) -> _Span:
        """The first of two offices joined by "and": "[Deputy Prime Minister and] Minister of Trade"."""
        i = bisect_right(self.title_ends, t.start) - 1
        while i >= 0:
            first = self.titles[i]
            if not first.entry.key or not re.fullmatch(r"\s+and\s+", self.text[first.end:t.start]):
                break
            t, i = first, i - 1
        return t

    def apposition(self, name_end: int) -> tuple[str, str] | None:
        """(role, country) from ", China's commerce minister," after a name."""
        m = self.rules.apposition.match(self.text, name_end)
        if not m:
            m = self.rules.heading.match(self.text, name_end)
            if m:                           # ", who heads Kenya's trade ministry,": its country
                country = self.owner_in(m.start(1), m.end(1))
                return ("", country) if country else None
            return None
        lo, hi = m.start(1), m.end(1)
        i = bisect_right(self.title_ends, hi) - 1
        if i < 0 or self.titles[i].start < lo:
            return None
        return m.group(1).strip(), self.owner_in(lo, hi)

    def owner_in(self, lo: int, hi: int) -> str:
        """The last country in text[lo:hi] that owns a role there: "Hungary's ambassador to China" is Hungary's."""
        j = bisect_right(self.place_ends, hi) - 1
        while j >= 0 and self.places[j].start >= lo:
            if not self.rules.place_not_owner.search(self.text, lo, self.places[j].start):
                return self.places[j].entry.key
            j -= 1
        return ""

    def country_after(self, end: int) -> str:
        """The country of "of Hungary" right after a name."""
        m = self.rules.of_country.match(self.text, end)
        if not m:
            return ""
        i = bisect_right(self.place_ends, m.end() + 1)
        for place in self.places[max(0, i - 3):i + 3]:
            if place.start == m.end():
                return place.entry.key
        return ""

    def complement_country(self, lo: int, hi: int) -> str:
        """The country a title's complement owns it by: "minister of Uzbekistan", not "ambassador to China"."""
        i = bisect_right(self.place_ends, hi) - 1
        while i >= 0 and self.places[i].start >= lo:
            place = self.places[i]
            if self.rules.complement_owner.search(self.text, lo, place.start):
                return place.entry.key
            i -= 1
        return ""

    def person(self, start: int, end: int, p: Person | None, name: str = "") -> Mention:
        """A person mention with its title and country folded in."""
        role, country = "", ""
        # "H.E. Sheikh", "Dato' Sri", "Dr.": no office; one may stand before them
        span_start = name_start = self.honorifics.start_before(start)
        t = self.title_before(name_start, honoured=name_start < start)
        if t is not None:
            first = self.office_start(t) if t.entry.key else t
            role = self.text[first.start:name_start].strip(" ,") if t.entry.key else ""   # "Mr" is no role
            span_start = first.start
            direct = self.country_before(first.start, adjacent=True)
            if direct:
                span_start = max(s.start for s in self.places if s.end <= first.start)
            country = direct or self.country_before(first.start) or self.complement_country(t.end, name_start) \
                or self.country_after(end) or t.entry.country
            if not country or not role:   # "Ambassador Dana Price, United States Trade Representative,"
                app = self.apposition(end)
                if app is not None:
                    role, country = role or app[0], country or app[1]
        else:
            app = self.apposition(end)
            if app is not None:
                role, country = app
        if self.lexicon.country_kinds.get(country) == "group":
            country = ""                    # "APEC Chair Ana Ruiz": a forum is no one's country
        if p is not None:
            return Mention(self.text[span_start:end], span_start, end, p.canonical, "person",
                           role or p.role, p.country or country)
        return Mention(self.text[span_start:end], span_start, end, plain_case(name), "person", role, country)


def _segments(ctx: _Context, found: list[_Span]):
    """Runs of capitalised words the gazetteer did not claim, as lists of (start, end) words."""
    cased, pieces, pos = ctx.cased, [], 0
    claimed = sorted([(sp.start, sp.end) for sp in found] + ctx.honorifics.spans)
    for start, end in claimed:              # blank out what is claimed (and honorifics): runs stop there
        if start >= pos:
            pieces.append(cased[pos:start])
            pieces.append("#" * (end - start))
            pos = end
    pieces.append(cased[pos:])
    masked = "".join(pieces)
    rules = ctx.rules
    for run in rules.run.finditer(masked):
        s, e = run.span()
        if " " in run.group():
            yield [(t.start(), t.end()) for t in rules.token.finditer(masked, s, e)]
        else:
            yield [(s, e)]


def _names(ctx: _Context, found: list[_Span], known: list[Mention]) -> list[Mention]:
    text, lexicon = ctx.text, ctx.lexicon
    stop = ctx.rules.name_stopwords
    out: list[Mention] = []
    singles: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    for seg in _segments(ctx, found):
        while seg and text[seg[0][0]:seg[0][1]].islower():   # a particle cannot open or close a name
            seg = seg[1:]
        while seg and text[seg[-1][0]:seg[-1][1]].islower():
            seg = seg[:-1]
        suffix = suffix_of(text, seg, ctx.rules.suffixes)   # "Jr.", "III": the name's, not a word of it
        core = seg[:-1] if suffix else seg
        if len(core) == 1:
            singles.append(core[0])
            continue
        capitals = len([t for t in core if not text[t[0]:t[1]].islower()])
        if capitals < 2:
            continue
        if capitals > 4:                    # particles aside: "Thani bin Ahmed Al Zeyoudi"
            tail = _after_office(ctx, core)  # "[Minister of State for] Foreign Trade Omar bin Rashid Al Mazrouei"
            if tail:
                out.append(ctx.person(tail[0][0], seg[-1][1], None, written(text, tail, suffix)))
            continue
        start, end = core[0][0], seg[-1][1]
        p = resolve_name(text[start:core[-1][1]], lexicon)
        tail = (_after_office(ctx, core) or after_place(ctx, core)) if p is None else []
        if p is not None:
            out.append(ctx.person(start, end, p))
        elif tail:
            out.append(ctx.person(tail[0][0], seg[-1][1], None, written(text, tail, suffix)))
        elif any(fold(text[s:e]) in stop and not text[s:e].islower() and s not in ctx.surname_starts for s, e in core):
            singles.extend(core)
        elif ctx.introduced(start) or ctx.apposition(end) is not None or described(text, start, end):
            out.append(ctx.person(start, end, None, written(text, core, suffix)))
        else:
            pending.append((start, end))
    # a long name's later, shorter form ("Secretary Dela Cruz") is the person named in full
    unknown = [m for m in out if m.canonical not in lexicon.people_by_canonical]
    shorter = later_forms([m.canonical for m in unknown], ctx.rules.suffixes)
    for m in unknown:
        full = shorter.get(normalise(m.canonical))
        if full and any(f.canonical == full and f.start < m.start for f in unknown):
            m.canonical = full
    # an unknown name given a title once is a person wherever it recurs
    local = {normalise(m.canonical): m.canonical for m in out if m.canonical not in lexicon.people_by_canonical}
    local = {**{k: v for k, v in shorter.items()}, **local}
    for start, end in pending:
        key = normalise(text[start:end])
        canonical = local.get(key) or local.get(" ".join(reversed(key.split())))
        if canonical:
            out.append(ctx.person(start, end, None, canonical))
        else:
            singles.extend(_token_spans(ctx, start, end))
    people = sorted(known + out, key=lambda m: m.start)
    out += _bare_names(ctx, singles, people)
    return out


def _after_office(ctx: _Context, seg: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name closing a run that starts with an office's words, where a title introduces it:
    "[Minister of State for] Foreign Trade Khalid Mansour" -> "Khalid Mansour"."""
    words = ctx.rules.office_words
    last = max((i for i, (s, e) in enumerate(seg) if fold(ctx.text[s:e]) in words), default=-1)
    if last < 0:
        return []
    tail = seg[last + 1:]
    while tail and ctx.text[tail[0][0]:tail[0][1]].islower():
        tail = tail[1:]
    if not 2 <= len([t for t in tail if not ctx.text[t[0]:t[1]].islower()]) <= 4 \
            or any(fold(ctx.text[s:e]) in ctx.rules.name_stopwords and not ctx.text[s:e].islower() for s, e in tail):
        return []
    return tail if ctx.title_before(tail[0][0]) is not None else []


def _token_spans(ctx: _Context, start: int, end: int):
    # on the accent-folded text, as the runs were found: "Sánchez" is one token
    cased = ctx.cased
    return ((m.start(), m.end()) for m in ctx.rules.token.finditer(cased, start, end) if cased[m.start()].isupper())


def _short_forms(lexicon: Lexicon, m: Mention, suffixes: frozenset[str]) -> set[str]:
    persons = lexicon.people_by_canonical.get(m.canonical)
    written = without_suffix(m.canonical, suffixes)     # "Carter III" is called "Carter"
    words = normalise(" ".join(written)).split()
    if persons:
        # "Santoso" for Budi Santoso, "Minister Dien" for Nguyen Hong Dien: the last word of a full name
        # is written alone too, where the family name the lexicon gives stands elsewhere
        last = {words[-1]} if len(words) > 1 and len(words[-1]) > 3 and not m.canonical.endswith(".") else set()
        return {normalise(persons[0].family)} | last
    # any capitalised word of a name of three or more: "Ms Paredes" is Ana Lucía Paredes de la Torre,
    # "Sheikh Khalid" Khalid bin Jassim Al Thani
    inner = {normalise(w) for w in written[1:-1] if not w.islower() and len(w) > 2}
    return {words[0], words[-1]} | inner


def _bare_names(ctx: _Context, singles: list[tuple[int, int]], people: list[Mention]) -> list[Mention]:
    if not singles:
        return []
    text, lexicon = ctx.text, ctx.lexicon
    forms: dict[str, list[tuple[int, str]]] = {}
    for m in people:
        for form in _short_forms(lexicon, m, ctx.rules.suffixes):
            forms.setdefault(form, []).append((m.start, m.canonical))
    common, surnames, wordlike = lexicon.common_surnames, lexicon.surname_index, ctx.rules.surnames_also_words
    out = []
    cased = ctx.cased
    for s, e in singles:
        key = cased[s:e].lower().replace("-", " ")
        carriers = forms.get(key)
        if carriers is None and key not in surnames:
            if _titled_single(ctx, s, e, key):   # "Indonesian Trade Minister Sutrisno": one name only
                m = ctx.person(s, e, None, text[s:e])
                forms.setdefault(key, []).append((s, m.canonical))
                out.append(m)
            continue
        if key in wordlike and not text[ctx.sentence_start(s):s].strip(" \"'“‘(["):
            continue                        # "He said": a pronoun, not He Lifeng
        before = {c for start, c in carriers or () if start < s}
        anywhere = {c for _, c in carriers or ()}
        if len(before) == 1:
            canonical = before.pop()
        elif not before and len(anywhere) == 1:
            canonical = anywhere.pop()
        elif before or anywhere or key in common or key in wordlike or len(key) < 4:
            continue
        else:
            p = _global_surname(lexicon, key, ctx.article)
            if p is None:
                continue
            canonical = p.canonical
        persons = lexicon.people_by_canonical.get(canonical)
        m = ctx.person(s, e, persons[0] if persons else None, canonical)
        full = [f for f in people if f.canonical == canonical]
        if full and (m.start == s or not m.role):   # no office of its own: the full mention's role holds
            m.role, m.country = full[-1].role, m.country or full[-1].country
        out.append(m)
    return out


def _titled_single(ctx: _Context, s: int, e: int, key: str) -> bool:
    """Whether a lone capitalised word the lexicon does not know is a person's whole name: an
    office right before it ("Trade Minister Sutrisno"); an honorific alone is not enough, for
    "Mr. Meng" may be named in full later."""
    rules, word = ctx.rules, ctx.text[s:e]
    if len(key) < 3 or (word.isupper() and len(word) <= 4) or key in rules.name_stopwords \
            or key in ctx.lexicon.common_surnames or key in rules.surnames_also_words:
        return False
    start = ctx.honorifics.start_before(s)
    t = ctx.title_before(start)
    return t is not None and bool(t.entry.key) and not ctx.text[t.end:start].strip()


def _global_surname(lexicon: Lexicon, key: str, article: Article) -> Person | None:
    found = lexicon.surname_index.get(key, [])
    if len({p.canonical for p in found}) > 1:
        found = [p for p in found if p.in_office(article.published)]
    return found[0] if len({p.canonical for p in found}) == 1 else None


def people_in_sentence(article: Article, sent_idx: int) -> list[Mention]:
    return [m for m in article.mentions if m.sentence == sent_idx and m.kind == "person"]


def countries_in_sentence(article: Article, sent_idx: int) -> list[Mention]:
    return [m for m in article.mentions if m.sentence == sent_idx and m.kind == "country"]


def orgs_in_sentence(article: Article, sent_idx: int) -> list[Mention]:
    return [m for m in article.mentions if m.sentence == sent_idx and m.kind == "org"]
