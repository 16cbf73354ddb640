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
_MULTIPLIER = np.uint32(0x9E3779B1)   # odd: combines the words of a shingle in order
_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(rb"\w+")     # the same words in ASCII text, found in its bytes


def _word_hashes(text: str) -> np.ndarray:
    """The CRC-32 of each word's UTF-8 bytes, lower-cased; an ASCII text (most are) is
    encoded once and its words found as bytes, not encoded one by one."""
    low = text.lower()
    if low.isascii():
        words = _ASCII_WORD.findall(low.encode("ascii"))
    else:
        words = map(str.encode, _WORD.findall(low))
    return np.fromiter(map(zlib.crc32, words), dtype=np.uint32)


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the text's word shingles (lower-cased, punctuation dropped).
    A text shorter than a shingle is one shingle of all its words."""
    hashed = _word_hashes(text)
    if not len(hashed):
        return hashed
    k = min(SHINGLE, len(hashed))
    n = len(hashed) - k + 1
    combined = np.zeros(n, dtype=np.uint32)
    for j in range(k):   # a polynomial of the k word hashes, modulo 2**32 (uint32 arithmetic wraps)
        combined = combined * _MULTIPLIER + hashed[j:j + n]
    return np.unique(combined)


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer, with which the affine32 scheme mixes each value first."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


class Signer:
    """The MinHash permutations, drawn once (per lexicon, through `Lexicon.compiled`)."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.permutations = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME).permutations
        self._a, self._b = (p.astype(np.uint32).reshape(1, -1) for p in self.permutations)

    def hashvalues(self, hashes: np.ndarray) -> np.ndarray:
        """The MinHash values of the shingle hashes: datasketch's affine32 update, all the
        values at once in 32-bit arithmetic (wrapping, as the scheme does), without building
        a MinHash object and converting each value through Python."""
        mixed = _fmix32(hashes.astype(np.uint32)).reshape(-1, 1)
        return (mixed * self._a + self._b).min(axis=0)

    def minhash(self, hashes: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=SEED, hashvalues=self.hashvalues(hashes), scheme=SCHEME)

    def sign(self, text: str) -> str:
        """The stored signature of a text; "" for a text without words."""
        hashes = shingle_hashes(text)
        return encode(len(hashes), self.hashvalues(hashes)) if len(hashes) else ""


def encode(count: int, hashvalues: np.ndarray) -> str:
    words = np.concatenate([[min(count, 0xFFFFFFFF)], hashvalues]).astype("<u4")
    return base64.b64encode(words.tobytes()).decode("ascii")


def unpack(signature: str) -> tuple[int, np.ndarray] | None:
    """The shingle count and the MinHash values of a stored signature; None for none (an
    article stored before signatures were kept, or one without words)."""
    if not signature:
        return None
    words = np.frombuffer(base64.b64decode(signature), dtype="<u4")
    if len(words) != PERMUTATIONS + 1:
        return None
    return int(words[0]), words[1:]


def decode(signature: str) -> tuple[int, LeanMinHash] | None:
    """The shingle count and the MinHash of a stored signature; None for none."""
    unpacked = unpack(signature)
    if unpacked is None:
        return None
    return unpacked[0], LeanMinHash(seed=SEED, hashvalues=unpacked[1].astype(np.uint32), scheme=SCHEME)


def signature_of(text: str) -> str:
    return Signer().sign(text)


def sign_article(article: Article, lexicon: Lexicon) -> Article:
    """The processing step: the signature of the cleaned text."""
    article.signature = lexicon.compiled(Signer).sign(article.text)
    return article
