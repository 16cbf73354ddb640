"""Read-only lexicons from `data/`, loaded once and compiled to fast matchers.

Files (UTF-8 CSV, one header row):
  people.csv         canonical, aliases (";"), role, country, valid_from, valid_to,
                     family (the name used alone, only where it is not the usual one)
  titles.csv         pattern, role, country       (a role phrase; country is a default)
  countries.csv      canonical, kind, aliases, demonyms, capitals, member_of (lists ";")
  organisations.csv  canonical, aliases (";"), country, kind
  taxonomy.csv       id, label, patterns (";")

Phrase patterns (taxonomy, titles, every alias) are matched on folded text
(`text.fold_aligned`: lower-case, accents dropped), whole words only:
  - a space or a hyphen matches any run of spaces and hyphens ("rare earth" also
    finds "rare-earth"); a comma is optional ("minister of economy, trade");
  - `*` matches any letters, so "tariff*" finds tariff, tariffs, tariffed;
  - in taxonomy.csv a pattern starting with `!` is an exclusion: where it matches,
    nothing inside it counts ("!chips in" keeps "chips in" from semiconductors).
Aliases keep one case rule: an alias written in capitals (US, EU, METI) must be
capitalised in the text; an alias starting with a capital must start with one.

`reload()` drops the cache so tests or an edited data file take effect.
"""
from __future__ import annotations

import csv
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from pipeline.text.folding import fold, fold_aligned

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# family name first in the press for these countries
FAMILY_FIRST = {"China", "Japan", "South Korea", "North Korea", "Taiwan", "Hong Kong"}

_SEP = r"[\s\-]+"
_UNIT_RE = {" ": _SEP, "*": r"\w*", ",": ",?"}


@dataclass(frozen=True)
class Person:
    canonical: str
    aliases: tuple[str, ...]
    role: str
    country: str
    valid_from: date | None = None
    valid_to: date | None = None
    family_name: str = ""    # people.csv "family": only where the rule below gets it wrong

    @property
    def family(self) -> str:
        """The name used alone in a later mention: "Akazawa", "von der Leyen"."""
        if self.family_name:
            return self.family_name
        words = self.canonical.split()
        if len(words) == 1:
            return words[0]
        return words[0] if self.country in FAMILY_FIRST else " ".join(
            w for w in words[1:] if w not in {"Jr.", "Jr", "Sr."})

    def in_office(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Entry:
    """What a gazetteer phrase stands for."""
    kind: str            # person, country, org, title, tag, exclude
    key: str             # canonical name, tag id or title role
    country: str = ""
    role: str = ""       # person role; country: name/demonym/capital; org kind; title role
    case: str = ""       # "upper": exact capitals; "title": first letter capitalised


@dataclass
class PhraseMatcher:
    """One compiled alternation (a character trie) over folded text, and what each phrase means."""
    regex: re.Pattern
    exact: dict[str, list[Entry]]
    wild: list[tuple[re.Pattern, list[Entry]]] = field(default_factory=list)

    cache: dict[str, list[Entry]] = field(default_factory=dict)

    def lookup(self, matched: str) -> list[Entry]:
        found = self.cache.get(matched)
        if found is None:
            found = self.exact.get(normalise(matched))
            if found is None:
                found = [e for pattern, entries in self.wild if pattern.fullmatch(matched) for e in entries]
            if len(self.cache) < 100_000:
                self.cache[matched] = found
        return found


@lru_cache(maxsize=65536)
def normalise(phrase: str) -> str:
    """The dictionary key of a phrase: folded, commas dropped, hyphens and spaces as one space."""
    return re.sub(r"[\s\-]+", " ", fold_aligned(phrase).replace(",", "")).strip()


def _units(pattern: str) -> list[str]:
    units: list[str] = []
    for ch in re.sub(r"[\s\-]+", " ", pattern.strip()):
        if ch == " " and units and units[-1] == ",":
            units[-1] = ", "          # comma then space: ",?[\s-]+"
        else:
            units.append(ch)
    return units


def _unit_regex(unit: str) -> str:
    if unit == ", ":
        return ",?" + _SEP
    return _UNIT_RE.get(unit, re.escape(unit))


def _trie_regex(patterns: list[str]) -> str:
    trie: dict = {}
    for p in patterns:
        node = trie
        for unit in _units(p):
            node = node.setdefault(unit, {})
        node[""] = True

    def emit(node: dict) -> str:
        # literal continuations first, then wildcards, then the end: longest match wins
        keys = sorted((k for k in node if k), key=lambda k: (k in _UNIT_RE or k == ", ", k))
        alts = [_unit_regex(k) + emit(node[k]) for k in keys]
        if "" in node:
            alts.append("")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return r"(?<!\w)" + emit(trie) + r"(?!\w)"


def compile_phrases(pairs: list[tuple[str, Entry]]) -> PhraseMatcher:
    """Compile (pattern, entry) pairs; one pattern may stand for several entries."""
    exact: dict[str, list[Entry]] = {}
    wild: dict[str, list[Entry]] = {}
    written: set[str] = set()       # as written: a comma in a pattern is an optional comma
    for pattern, entry in pairs:
        pattern = fold_aligned(pattern).strip()
        if not pattern:
            continue
        written.add(pattern)
        if "*" in pattern:
            wild.setdefault(pattern, []).append(entry)
        else:
            exact.setdefault(normalise(pattern), []).append(entry)
    regex = re.compile(_trie_regex(sorted(written)))
    wild_list = [(re.compile("".join(_unit_regex(u) for u in _units(p))), es) for p, es in wild.items()]
    for key, entries in exact.items():      # "world trade organization" is an org and, by "organization*", a tag
        entries.extend(e for pattern, es in wild_list if pattern.fullmatch(key) for e in es if e not in entries)
    return PhraseMatcher(regex, exact, wild_list)


def case_of(alias: str) -> str:
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "upper"
    return "title" if letters and letters[0].isupper() else ""


def case_ok(entry_case: str, original: str) -> bool:
    if entry_case == "upper":
        return all(c.isupper() for c in original if c.isalpha())
    if entry_case == "title":
        return original[:1].isupper()
    return True


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8-sig", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh)]


def split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def people() -> tuple[Person, ...]:
    return tuple(Person(r["canonical"], tuple(split_list(r.get("aliases", ""))), r.get("role", ""),
                        r.get("country", ""), _day(r.get("valid_from", "")), _day(r.get("valid_to", "")),
                        r.get("family", ""))
                 for r in _rows("people.csv") if r.get("canonical"))


@lru_cache(maxsize=1)
def people_index() -> dict[str, list[Person]]:
    """Folded full name (both orders) -> people."""
    index: dict[str, list[Person]] = {}
    for p in people():
        for name in (p.canonical, *p.aliases):
            words = normalise(name).split()
            for key in {" ".join(words), " ".join(reversed(words))} if len(words) > 1 else {words[0]}:
                if p not in index.setdefault(key, []):
                    index[key].append(p)
    return index


@lru_cache(maxsize=1)
def people_by_canonical() -> dict[str, list[Person]]:
    """Canonical name -> its rows (one person may hold several offices over time)."""
    out: dict[str, list[Person]] = {}
    for p in people():
        out.setdefault(p.canonical, []).append(p)
    return out


@lru_cache(maxsize=1)
def surname_index() -> dict[str, list[Person]]:
    """Folded family name -> people carrying it."""
    index: dict[str, list[Person]] = {}
    for p in people():
        index.setdefault(normalise(p.family), []).append(p)
    return index


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, str]]:
    return {r["canonical"]: r for r in _rows("countries.csv") if r.get("canonical")}


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, str]:
    """Tag id -> label, in file order."""
    return {r["id"]: r.get("label", r["id"]) for r in _rows("taxonomy.csv") if r.get("id")}


def _entity_pairs() -> list[tuple[str, Entry]]:
    pairs: list[tuple[str, Entry]] = []
    for p in people():
        for name in (p.canonical, *p.aliases):
            words = name.split()
            for form in {name, " ".join(reversed(words))} if len(words) in (2, 3) else {name}:
                pairs.append((form, Entry("person", p.canonical, p.country, p.role, case_of(form))))
    for canonical, r in countries().items():
        for col, role in (("aliases", "name"), ("demonyms", "demonym"), ("capitals", "capital")):
            for alias in split_list(r.get(col, "")) + ([canonical] if col == "aliases" else []):
                pairs.append((alias, Entry("country", canonical, canonical, role, case_of(alias))))
    for r in _rows("organisations.csv"):
        for alias in [r["canonical"], *split_list(r.get("aliases", ""))]:
            pairs.append((alias, Entry("org", r["canonical"], r.get("country", ""), r.get("kind", ""), case_of(alias))))
    for r in _rows("titles.csv"):
        # an empty role marks an honorific ("Mr", "Dr"): it introduces a name but says no office
        # a title written in capitals ("PM") must be in capitals: "3 pm" is a time
        case = "upper" if case_of(r["pattern"]) == "upper" else ""
        pairs.append((r["pattern"], Entry("title", r.get("role", ""), r.get("country", ""), case=case)))
    return pairs


def _tag_pairs() -> list[tuple[str, Entry]]:
    pairs: list[tuple[str, Entry]] = []
    for r in _rows("taxonomy.csv"):
        for pattern in split_list(r.get("patterns", "")):
            if pattern.startswith("!"):
                pairs.append((pattern[1:], Entry("exclude", "")))
            else:
                pairs.append((pattern, Entry("tag", r["id"])))
    return pairs


@lru_cache(maxsize=1)
def entity_matcher() -> PhraseMatcher:
    """People, countries, organisations and titles (for short phrases: "the Chinese minister")."""
    return compile_phrases(_entity_pairs())


@lru_cache(maxsize=1)
def gazetteer() -> PhraseMatcher:
    """Every lexicon phrase and taxonomy pattern in one alternation, so that an article
    is scanned once for the entities and the tags steps together."""
    return compile_phrases(_entity_pairs() + _tag_pairs())


@dataclass(frozen=True)
class Scan:
    cased: str                       # accents dropped, case kept, same offsets as the text
    folded: str                      # the same, lower-cased
    hits: tuple[tuple[int, int, tuple[Entry, ...]], ...]   # (start, end, entries whose case fits)


@lru_cache(maxsize=16)
def scan(text: str) -> Scan:
    """All gazetteer hits in `text`; cached so the steps after the first reuse it."""
    cased = fold_aligned(text, lower=False)
    folded = cased.lower()
    if len(folded) != len(cased):
        folded = fold_aligned(cased)
    matcher = gazetteer()
    fitting = _fitting
    hits = []
    for m in matcher.regex.finditer(folded):
        start, end = m.span()
        original = cased[start:end]
        entries = fitting.get(original)
        if entries is None:
            entries = tuple(e for e in matcher.lookup(m.group()) if case_ok(e.case, original))
            if len(fitting) < 100_000:
                fitting[original] = entries
        if entries:
            hits.append((start, end, entries))
    return Scan(cased, folded, tuple(hits))


_fitting: dict[str, tuple[Entry, ...]] = {}


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    """Capitalised words that are never part of a person's name (from titles, organisations, places)."""
    words: set[str] = set()
    for r in _rows("titles.csv"):
        words.update(normalise(r["pattern"]).split())
    for r in _rows("organisations.csv"):
        for alias in [r["canonical"], *split_list(r.get("aliases", ""))]:
            words.update(normalise(alias).split())
    for r in countries().values():
        for col in ("aliases", "demonyms", "capitals"):
            for alias in split_list(r.get(col, "")) + [r["canonical"]]:
                words.update(normalise(alias).split())
    words.update(fold(w) for w in _rows_words("name_stopwords.txt"))
    return frozenset(w for w in words if len(w) > 1)


def _rows_words(name: str) -> list[str]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    return [w for line in path.read_text(encoding="utf-8").splitlines()
            for w in line.split("#", 1)[0].split()]


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    return frozenset(fold(w) for w in _rows_words("common_surnames.txt"))


_on_reload: list = []


def on_reload(forget) -> None:
    """Register a cache of derived data that `reload()` must clear too."""
    _on_reload.append(forget)


def reload() -> None:
    """Forget every loaded lexicon; the next call reads the files again."""
    for forget in _on_reload:
        forget()
    _fitting.clear()
    for fn in (scan, gazetteer, normalise, people, people_index, people_by_canonical, surname_index, countries, taxonomy, entity_matcher, name_stopwords,
               common_surnames):
        fn.cache_clear()


@contextmanager
def data_dir(path: Path | str):
    """Read the lexicons from another folder inside the block (an edited copy, a test)."""
    global DATA_DIR
    old, DATA_DIR = DATA_DIR, Path(path)
    reload()
    try:
        yield
    finally:
        DATA_DIR = old
        reload()
