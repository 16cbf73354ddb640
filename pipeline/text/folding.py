"""Folding text for matching: case, accents and apostrophes, with or without keeping offsets."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes, squeeze spaces."""
    if not text.isascii():  # most text is ASCII: skip the per-character pass
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.lower()
    return re.sub(r"\s+", " ", text).strip()


def _aligned_table() -> dict[int, str]:
    """One character for one character: accents dropped, curly apostrophes unified."""
    table: dict[int, str] = {0x2019: "'", 0x2018: "'", 0xA0: " "}
    for code in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if len(base) == 1 and base != chr(code):
            table[code] = base
    table.update({ord("ø"): "o", ord("Ø"): "O", ord("đ"): "d", ord("Đ"): "D", ord("ł"): "l", ord("Ł"): "L"})
    return table


_ALIGNED = _aligned_table()
_ACCENTED = re.compile("[\u00a0\u00c0-\u024f]")


@lru_cache(maxsize=1)
def _folded_from() -> dict[str, str]:
    found: dict[str, str] = {}
    for code, base in _ALIGNED.items():
        found[base.lower()] = found.get(base.lower(), "") + chr(code)
    return found


def folds_to(ch: str) -> str:
    """`ch` and every character `fold_aligned` turns into it, in either case ("e" -> "eEéÉè...")."""
    low = ch.lower()
    return "".join(dict.fromkeys(low + low.upper() + _folded_from().get(low, "")))


def _unaccent(m: re.Match) -> str:
    return _ALIGNED.get(ord(m.group()), m.group())


def fold_aligned(text: str, lower: bool = True) -> str:
    """Like fold() but keeps every character in place (no squeezing), so a match found
    in the result has the same offsets in `text`; `lower=False` keeps the case."""
    # str.translate is slow on non-ASCII text; accented letters are rare, so substitute only them
    out = text.replace("\u2019", "'").replace("\u2018", "'")
    if not out.isascii():
        out = _ACCENTED.sub(_unaccent, out)
    if lower:
        low = out.lower()
        # a few characters lower-case to two ("İ"); keep offsets at the cost of the dot
        out = low if len(low) == len(out) else "".join(c.lower()[0] for c in out)
    return out


def lower_keeping_offsets(text: str) -> str:
    """Lower-case with one apostrophe and every character in place: a match found in the
    result has the same offsets in `text` (accents are kept, unlike `fold_aligned`)."""
    low = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    if len(low) != len(text):   # a few characters lower-case to two ("İ"): keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("\u2019", "'")
    return low
