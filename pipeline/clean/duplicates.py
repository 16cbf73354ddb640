"""Repeated paragraphs: a page that prints its body twice, or a teaser that repeats the lead."""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from pipeline.clean.rules import lower

DUP_RATIO = 92        # fuzzy similarity (0-100) above which two long paragraphs are one: punctuation, quote styles
DUP_MIN_CHARS = 20    # shorter paragraphs are only dropped when repeated exactly

_PUNCTUATION = re.compile(r"[^\w\s]")


def paragraph_key(text: str) -> str:
    """Comparison key of a paragraph. Punctuation only counts on long ones, where the fuzzy match absorbs it."""
    low = lower(text)
    return low if len(low) >= DUP_MIN_CHARS else " ".join(_PUNCTUATION.sub(" ", low).split())


def duplicates(paragraphs: list[str]) -> list[bool]:
    """True for a paragraph that repeats an earlier one, exactly or nearly (compared by `paragraph_key`)."""
    seen: set[str] = set()
    kept: list[str] = []
    out = []
    for p in paragraphs:
        key = paragraph_key(p)
        dup = key in seen
        if not dup and len(key) >= DUP_MIN_CHARS:
            # one call over all kept paragraphs; the cutoff lets it skip those of too different a length
            dup = process.extractOne(key, kept, scorer=fuzz.ratio, processor=None, score_cutoff=DUP_RATIO) is not None
        out.append(dup)
        if not dup:
            seen.add(key)
            if len(key) >= DUP_MIN_CHARS:
                kept.append(key)
    return out
