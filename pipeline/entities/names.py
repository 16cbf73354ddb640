"""A written name to the known person it stands for (data/people.csv)."""
from __future__ import annotations

from rapidfuzz import fuzz

from pipeline.lexicon.lexicon import Lexicon, Person
from pipeline.lexicon.phrases import normalise

# a misspelt name ("Wang Wengbin") still names a person at this rapidfuzz ratio or above
MIN_SIMILARITY = 90


class NameIndex:
    """The people of one lexicon by each word of their names, and the names resolved so far."""

    CACHE = 8192          # the same names recur across a batch; keep the latest this many answers

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.by_word: dict[str, list[tuple[str, list[Person]]]] = {}
        for key, persons in lexicon.people_index.items():
            for w in set(key.split()):
                self.by_word.setdefault(w, []).append((key, persons))
        self._resolved: dict[str, Person | None] = {}

    def resolve(self, name: str) -> Person | None:
        try:
            return self._resolved[name]
        except KeyError:
            pass
        found = self._resolve(name)
        if len(self._resolved) >= self.CACHE:
            del self._resolved[next(iter(self._resolved))]
        self._resolved[name] = found
        return found

    def _resolve(self, name: str) -> Person | None:
        lexicon = self.lexicon
        key = normalise(name)
        words = key.split()
        if not words:
            return None
        for k in (key, " ".join(reversed(words))):
            hit = lexicon.people_index.get(k)
            if hit:
                return hit[0]
        if len(words) == 1:
            if key in lexicon.common_surnames or len(key) < 3:
                return None
            found = lexicon.surname_index.get(key, [])
            return found[0] if len({p.canonical for p in found}) == 1 else None
        best, best_score = None, 0.0
        for cand_key, persons in self.by_word.get(words[0], []) + self.by_word.get(words[-1], []):
            cw = cand_key.split()
            if len(cw) != len(words) or not set(cw) & set(words):
                continue
            score = max(fuzz.ratio(key, cand_key), fuzz.ratio(" ".join(reversed(words)), cand_key))
            if score >= MIN_SIMILARITY and score > best_score:
                best, best_score = persons[0], score
        return best


def resolve_name(name: str, lexicon: Lexicon) -> Person | None:
    """The known person `name` stands for: alias, either name order, accents, small typos,
    or a family name that only one person in the lexicon carries; else None."""
    return lexicon.compiled(NameIndex).resolve(name)
