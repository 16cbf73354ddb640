"""An article's MinHash signature: word shingles of the cleaned text, hashed once each.

The signature is stored as text (base64 of little-endian 32-bit words): the number of
distinct shingles, then the MinHash values. Headers and the outlet's furniture are gone
from the cleaned text already; what differs between two outlets' copies of one story is
a reworded lead, an added or cut paragraph, so a shingle of a few words keeps most of
a copy's shingles in common and few of another story's about the same meeting.
"""
from __future__ import annotations

import base64
import re
import zlib

import numpy as np
from datasketch import LeanMinHash, MinHash

from pipeline.article import Article
from pipeline.lexicon.lexicon import Lexicon

SHINGLE = 5           # words in a shingle
PERMUTATIONS = 128    # MinHash values in a signature
SEED = 1
SCHEME = "affine32"
_MULTIPLIER = np.uint64(0x9E3779B1)   # odd: combines the words of a shingle in order
_MASK = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+")


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the text's word shingles (lower-cased, punctuation dropped).
    A text shorter than a shingle is one shingle of all its words."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashed = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    k = min(SHINGLE, len(hashed))
    n = len(hashed) - k + 1
    combined = np.zeros(n, dtype=np.uint64)
    for j in range(k):   # a polynomial of the k word hashes, modulo 2**32
        combined = (combined * _MULTIPLIER + hashed[j:j + n]) & _MASK
    return np.unique(combined)


class Signer:
    """The MinHash permutations, drawn once (per lexicon, through `Lexicon.compiled`)."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.permutations = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME).permutations

    def minhash(self, hashes: np.ndarray) -> MinHash:
        # the shingles are hashed already: the values go in as they are
        m = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=int, scheme=SCHEME, permutations=self.permutations)
        if len(hashes):
            m.update_batch(hashes.tolist())
        return m

    def sign(self, text: str) -> str:
        """The stored signature of a text; "" for a text without words."""
        hashes = shingle_hashes(text)
        return encode(len(hashes), self.minhash(hashes)) if len(hashes) else ""


def encode(count: int, minhash: MinHash) -> str:
    words = np.concatenate([[min(count, 0xFFFFFFFF)], minhash.hashvalues]).astype("<u4")
    return base64.b64encode(words.tobytes()).decode("ascii")


def decode(signature: str) -> tuple[int, LeanMinHash] | None:
    """The shingle count and the MinHash of a stored signature; None for none (an article
    stored before signatures were kept, or one without words)."""
    if not signature:
        return None
    words = np.frombuffer(base64.b64decode(signature), dtype="<u4")
    if len(words) != PERMUTATIONS + 1:
        return None
    return int(words[0]), LeanMinHash(seed=SEED, hashvalues=words[1:].astype(np.uint32), scheme=SCHEME)


def signature_of(text: str) -> str:
    return Signer().sign(text)


def sign_article(article: Article, lexicon: Lexicon) -> Article:
    """The processing step: the signature of the cleaned text."""
    article.signature = lexicon.compiled(Signer).sign(article.text)
    return article
