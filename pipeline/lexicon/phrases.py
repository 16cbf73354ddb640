"""Phrase matching over folded text: one compiled alternation (a trie) for many phrases.

Pattern syntax, on folded text (lower-case, accents dropped), whole words only:
  - a space or a hyphen matches any run of spaces and hyphens ("rare earth" also
    finds "rare-earth"); a comma is optional ("minister of economy, trade");
  - `*` matches any letters, so "tariff*" finds tariff, tariffs, tariffed.
A phrase written in capitals (US, EU, METI, or a plural such as REEs) must be in
capitals in the text; one starting with a capital must start with one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.text.alternation import trie_alternation
from pipeline.text.folding import fold_aligned

_SEP = r"[\s\-]+"
_UNIT_RE = {" ": _SEP, "*": r"\w*", ",": ",?"}


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
    return r"(?<!\w)" + trie_alternation(patterns, units=_units, unit_regex=_unit_regex,
                                          is_wild=lambda u: u in _UNIT_RE or u == ", ") + r"(?!\w)"


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


def _capitals(letters: list[str]) -> bool:
    """Two or more capitals, perhaps with a plural "s": "EU", "REE", "REEs" (not "Us")."""
    if len(letters) >= 3 and letters[-1] == "s":
        letters = letters[:-1]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def case_of(alias: str) -> str:
    letters = [c for c in alias if c.isalpha()]
    if _capitals(letters):
        return "upper"
    return "title" if letters and letters[0].isupper() else ""


def case_ok(entry_case: str, original: str) -> bool:
    if entry_case == "upper":
        letters = [c for c in original if c.isalpha()]
        return _capitals(letters) or all(c.isupper() for c in letters)
    if entry_case == "title":
        return original[:1].isupper()
    return True
