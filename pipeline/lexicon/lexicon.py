"""The lexicon: every data file of one folder, read and validated once, and what is compiled from it.

Steps receive a `Lexicon` and never open a data file themselves, so processing an
article is a pure function of the article and the lexicon. A step's compiled
patterns live on the lexicon (`compiled`), built the first time they are needed;
pickling a lexicon (a spawn-started worker) sends the data, not the compiled parts.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Callable, TypeVar

from pipeline.lexicon.files import Row, read_folder, split_list
from pipeline.lexicon.phrases import Entry, PhraseMatcher, case_of, case_ok, compile_phrases, normalise
from pipeline.text.folding import fold, fold_aligned

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data"

# family name first in the press for these countries
FAMILY_FIRST = {"China", "Japan", "South Korea", "North Korea", "Taiwan", "Hong Kong"}

T = TypeVar("T")


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
class Scan:
    cased: str                       # accents dropped, case kept, same offsets as the text
    folded: str                      # the same, lower-cased
    hits: tuple[tuple[int, int, tuple[Entry, ...]], ...]   # (start, end, entries whose case fits)


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


class Lexicon:
    """Read-only vocabulary of one data folder. Build it with `Lexicon.load(folder)`."""

    SCAN_CACHE = 16          # the steps of one article rescan the same text: keep the last few

    def __init__(self, folder: Path, tables: dict[str, list[Row]], objects: dict[str, dict],
                 words: dict[str, list[str]]):
        self.folder = folder
        self.tables = tables          # "people.csv" -> rows
        self.objects = objects        # "meeting_patterns.json" -> object
        self.words = words            # "common_surnames.txt" -> words
        self._compiled: dict = {}
        self._scans: OrderedDict[str, Scan] = OrderedDict()
        self._fitting: dict[str, tuple[Entry, ...]] = {}

    @classmethod
    def load(cls, folder: Path | str | None = None) -> "Lexicon":
        """Read and validate every file of `folder` (the project's data/ by default);
        a broken file raises `LexiconError` naming `file:line`."""
        folder = Path(folder) if folder is not None else DEFAULT_DATA
        return cls(folder, *read_folder(folder))

    # pickling sends the data only: compiled regexes and caches are rebuilt on use
    def __getstate__(self):
        return {"folder": self.folder, "tables": self.tables, "objects": self.objects, "words": self.words}

    def __setstate__(self, state):
        self.__init__(state["folder"], state["tables"], state["objects"], state["words"])

    def __repr__(self) -> str:
        return f"Lexicon({str(self.folder)!r})"

    # -- raw data --------------------------------------------------------------------------
    def rows(self, name: str) -> list[Row]:
        return self.tables.get(name, [])

    def data(self, name: str) -> dict:
        """A JSON data file's object (keys starting with "_" are notes and dropped)."""
        return self.objects.get(name, {})

    def word_list(self, name: str) -> list[str]:
        return self.words.get(name, [])

    def compiled(self, factory: Callable[["Lexicon"], T]) -> T:
        """`factory(self)`, built once per lexicon: a step's compiled patterns."""
        try:
            return self._compiled[factory]
        except KeyError:
            built = self._compiled[factory] = factory(self)
            return built

    # -- people, countries, organisations, taxonomy ----------------------------------------
    @cached_property
    def people(self) -> tuple[Person, ...]:
        return tuple(Person(r["canonical"], tuple(split_list(r.get("aliases"))), r.get("role"), r.get("country"),
                            _day(r.get("valid_from")), _day(r.get("valid_to")), r.get("family"))
                     for r in self.rows("people.csv"))

    @cached_property
    def people_index(self) -> dict[str, list[Person]]:
        """Folded full name (both orders) -> people."""
        index: dict[str, list[Person]] = {}
        for p in self.people:
            for name in (p.canonical, *p.aliases):
                words = normalise(name).split()
                for key in {" ".join(words), " ".join(reversed(words))} if len(words) > 1 else {words[0]}:
                    if p not in index.setdefault(key, []):
                        index[key].append(p)
        return index

    @cached_property
    def people_by_canonical(self) -> dict[str, list[Person]]:
        """Canonical name -> its rows (one person may hold several offices over time)."""
        out: dict[str, list[Person]] = {}
        for p in self.people:
            out.setdefault(p.canonical, []).append(p)
        return out

    @cached_property
    def surname_index(self) -> dict[str, list[Person]]:
        """Folded family name -> people carrying it."""
        index: dict[str, list[Person]] = {}
        for p in self.people:
            index.setdefault(normalise(p.family), []).append(p)
        return index

    @cached_property
    def countries(self) -> dict[str, Row]:
        return {r["canonical"]: r for r in self.rows("countries.csv")}

    @cached_property
    def country_kinds(self) -> dict[str, str]:
        return {name: row.get("kind", "country") or "country" for name, row in self.countries.items()}

    @cached_property
    def taxonomy(self) -> dict[str, str]:
        """Tag id -> label, in file order."""
        return {r["id"]: r.get("label") or r["id"] for r in self.rows("taxonomy.csv")}

    def _entity_pairs(self) -> list[tuple[str, Entry]]:
        pairs: list[tuple[str, Entry]] = []
        for p in self.people:
            for name in (p.canonical, *p.aliases):
                words = name.split()
                for form in {name, " ".join(reversed(words))} if len(words) in (2, 3) else {name}:
                    pairs.append((form, Entry("person", p.canonical, p.country, p.role, case_of(form))))
        for canonical, r in self.countries.items():
            for col, role in (("aliases", "name"), ("demonyms", "demonym"), ("capitals", "capital")):
                for alias in split_list(r.get(col)) + ([canonical] if col == "aliases" else []):
                    pairs.append((alias, Entry("country", canonical, canonical, role, case_of(alias))))
        for r in self.rows("organisations.csv"):
            for alias in [r["canonical"], *split_list(r.get("aliases"))]:
                pairs.append((alias, Entry("org", r["canonical"], r.get("country"), r.get("kind"), case_of(alias))))
        for r in self.rows("titles.csv"):
            # an empty role marks an honorific ("Mr", "Dr"): it introduces a name but says no office
            # a title written in capitals ("PM") must be in capitals: "3 pm" is a time
            case = "upper" if case_of(r["pattern"]) == "upper" else ""
            pairs.append((r["pattern"], Entry("title", r.get("role"), r.get("country"), case=case)))
        return pairs

    def _tag_pairs(self) -> list[tuple[str, Entry]]:
        pairs: list[tuple[str, Entry]] = []
        for r in self.rows("taxonomy.csv"):
            for pattern in split_list(r.get("patterns")):
                if pattern.startswith("!"):
                    pairs.append((pattern[1:], Entry("exclude", "")))
                else:
                    pairs.append((pattern, Entry("tag", r["id"], case=case_of(pattern) if case_of(pattern) == "upper" else "")))
        return pairs

    @cached_property
    def entity_matcher(self) -> PhraseMatcher:
        """People, countries, organisations and titles (for short phrases: "the Chinese minister")."""
        return compile_phrases(self._entity_pairs())

    @cached_property
    def gazetteer(self) -> PhraseMatcher:
        """Every lexicon phrase and taxonomy pattern in one alternation, so that an article
        is scanned once for the entities and the tags steps together."""
        return compile_phrases(self._entity_pairs() + self._tag_pairs())

    def scan(self, text: str) -> Scan:
        """All gazetteer hits in `text`; the last few are kept so the steps after the first reuse it."""
        found = self._scans.get(text)
        if found is not None:
            self._scans.move_to_end(text)
            return found
        cased = fold_aligned(text, lower=False)
        folded = cased.lower()
        if len(folded) != len(cased):
            folded = fold_aligned(cased)
        matcher, fitting = self.gazetteer, self._fitting
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
        found = self._scans[text] = Scan(cased, folded, tuple(hits))
        if len(self._scans) > self.SCAN_CACHE:
            self._scans.popitem(last=False)
        return found

    @cached_property
    def name_stopwords(self) -> frozenset[str]:
        """Capitalised words that are never part of a person's name (from titles, organisations, places)."""
        words: set[str] = set()
        for r in self.rows("titles.csv"):
            words.update(normalise(r["pattern"]).split())
        for r in self.rows("organisations.csv"):
            for alias in [r["canonical"], *split_list(r.get("aliases"))]:
                words.update(normalise(alias).split())
        for r in self.countries.values():
            for col in ("aliases", "demonyms", "capitals"):
                for alias in split_list(r.get(col)) + [r["canonical"]]:
                    words.update(normalise(alias).split())
        words.update(fold(w) for w in self.word_list("name_stopwords.txt"))
        return frozenset(w for w in words if len(w) > 1)

    @cached_property
    def common_surnames(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.word_list("common_surnames.txt"))
