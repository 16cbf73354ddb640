"""Linking an article to the earlier article it nearly repeats.

Candidates come from MinHash LSH over every stored signature; a candidate is a copy
when the estimated share of the smaller article's shingles found in the other (its
containment) reaches `CONTAINMENT`, so that a copy cut short, or padded with an outlet's
lines, still matches. Both thresholds were measured on built pairs (see
benchmarks/copies.py): copies of one wire story re-headed, padded, with a reworded lead
or a cut last paragraph must match; different stories about the same meeting must not.
The canonical article is the earliest stored one of its group: a link always points
at a canonical article, never at another copy. A large batch goes through an LSH index
of the store (`Linker`); a few articles are compared with the stored signatures outright
(`scan`, the same bands), which is cheaper than building the index each time.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field

import numpy as np

from pipeline.copies.signature import PERMUTATIONS, decode, unpack

CANDIDATE = 0.2      # LSH threshold on estimated Jaccard similarity: wide, the check below decides
BANDS = (28, 2)      # bands and rows per band MinHashLSH picks for CANDIDATE and 128 values (worked
                     # out once here: choosing them integrates the error curves, ~0.1 s a time)
CONTAINMENT = 0.4    # share of the smaller article's shingles the other must hold


def containment(a: tuple[int, object], b: tuple[int, object]) -> float:
    """|A & B| / min(|A|, |B|), estimated from the Jaccard estimate and the two set sizes."""
    (na, ma), (nb, mb) = a, b
    return _containment(na, nb, ma.jaccard(mb))


def _containment(na: int, nb: int, j: float) -> float:
    if not na or not nb:
        return 0.0
    return (j * (na + nb) / (1.0 + j)) / min(na, nb)


def _band_keys(values: np.ndarray) -> list[int]:
    """One key per LSH band: the band's values as one integer (two 32-bit values a band)."""
    b, r = BANDS
    return values[:b * r].astype("<u4").view(f"<u{4 * r}").tolist()


@dataclass
class Linker:
    """The articles seen so far, in stored order, and which canonical each belongs to.

    The LSH index is a dict per band from the band's values to the articles having them:
    the candidates MinHashLSH would give with `BANDS` (any band equal), at a few dict
    operations an article instead of its per-band copies and byte swaps."""
    buckets: list[dict[int, list[str]]] = field(default_factory=lambda: [{} for _ in range(BANDS[0])])
    signatures: dict[str, tuple[int, np.ndarray]] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)   # article id -> its canonical id ("" if itself)
    order: dict[str, int] = field(default_factory=dict)

    def add(self, article_id: str, signature: str, duplicate_of: str = "") -> None:
        """A stored article with its link as stored."""
        self._add(article_id, unpack(signature), duplicate_of)

    def _add(self, article_id: str, unpacked: tuple[int, np.ndarray] | None, duplicate_of: str) -> None:
        if article_id in self.order:
            return
        self.order[article_id] = len(self.order)
        self.canonical[article_id] = duplicate_of
        if unpacked is not None:
            self.signatures[article_id] = unpacked
            for bucket, key in zip(self.buckets, _band_keys(unpacked[1])):
                bucket.setdefault(key, []).append(article_id)

    def match(self, signature: str) -> str:
        """The canonical article this signature copies, or "" for none."""
        return self._match(unpack(signature))

    def candidates(self, values: np.ndarray) -> set[str]:
        """The articles sharing a band with these MinHash values."""
        found: set[str] = set()
        for bucket, key in zip(self.buckets, _band_keys(values)):
            found.update(bucket.get(key, ()))
        return found

    def _match(self, unpacked: tuple[int, np.ndarray] | None) -> str:
        if unpacked is None:
            return ""
        count, values = unpacked
        best, best_score = "", 0.0
        for other in self.candidates(values):
            n, theirs = self.signatures[other]
            score = _containment(count, n, float(np.count_nonzero(values == theirs)) / PERMUTATIONS)
            if score >= CONTAINMENT and (score > best_score or (score == best_score and
                                                                 self.order[other] < self.order.get(best, 1 << 62))):
                best, best_score = other, score
        return (self.canonical.get(best) or best) if best else ""

    def link(self, article_id: str, signature: str) -> str:
        """Add a new article after the stored ones; its canonical id ("" if it is one)."""
        if article_id in self.order:
            return self.canonical[article_id]
        unpacked = unpack(signature)
        found = self._match(unpacked)
        self._add(article_id, unpacked, found)
        return found


def scan(stored_ids: list[str], stored: list[str], links: list[str], new_ids: list[str], new: list[str]) -> list[str]:
    """What `Linker` finds, for a few new articles against many stored ones: the same bands
    compared over the stored signatures at once, without building an index of them all
    (which costs more than the comparisons when the batch is small)."""
    b, r = BANDS
    have = [i for i, sig in enumerate(stored) if sig]
    width = 4 * (PERMUTATIONS + 1)   # bytes in a signature; a multiple of 3, so no padding
    matrix = (np.frombuffer(base64.b64decode("".join(stored[i] for i in have)), dtype="<u4")
              .reshape(len(have), PERMUTATIONS + 1) if have else np.zeros((0, PERMUTATIONS + 1), dtype="<u4"))
    if matrix.nbytes != width * len(have):
        raise ValueError("a stored signature is not of the expected size")
    ids = [stored_ids[i] for i in have]
    canonical = {i: links[k] for k, i in enumerate(stored_ids)}
    found, batch, batch_ids = [], [], []
    for article_id, signature in zip(new_ids, new):
        if article_id in canonical:
            found.append(canonical[article_id])
            continue
        mine = decode(signature)
        best, best_score = "", 0.0
        if mine is not None:
            q = mine[1].hashvalues.astype("<u4")
            # the stored ones, then the batch's before it (kept apart: growing the large matrix copies it)
            for rows, names in ((matrix, ids), (np.array(batch, dtype="<u4").reshape(-1, PERMUTATIONS + 1), batch_ids)):
                same = rows[:, 1:] == q
                banded = same[:, :b * r].reshape(len(rows), b, r).all(axis=2).any(axis=1)
                for k in np.flatnonzero(banded):   # in stored order: the first best wins
                    score = _containment(int(mine[0]), int(rows[k, 0]), float(same[k].mean()))
                    if score >= CONTAINMENT and score > best_score:
                        best, best_score = names[k], score
        link = (canonical.get(best) or best) if best else ""
        found.append(link)
        canonical[article_id] = link
        if mine is not None:
            batch.append(np.frombuffer(base64.b64decode(signature), dtype="<u4"))
            batch_ids.append(article_id)
    return found


def linker_of(ids, signatures, duplicate_of) -> Linker:
    linker = Linker()
    with_sig = [(i, s, d) for i, s, d in zip(ids, signatures, duplicate_of)]
    for i, s, d in with_sig:
        linker.add(i, s, d)
    return linker
