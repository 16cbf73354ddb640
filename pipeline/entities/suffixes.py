"""Generational suffixes ("Jr.", "Sr.", "III") closing a person's name, and the later, shorter
forms of a long name ("Secretary Dela Cruz" for Francisco Reyes Dela Cruz Jr.).

A suffix belongs to the name it closes but is no word a reader calls the person by: it neither
counts among the name's words nor serves as a short form of it."""
from __future__ import annotations

import re

from pipeline.lexicon.phrases import normalise
from pipeline.text.folding import fold

_ROMAN = re.compile(r"[IVX]+")


def suffix_of(text: str, seg: list[tuple[int, int]], suffixes: frozenset[str]) -> str:
    """The suffix closing a run of name words, as it is written in a name ("Jr.", "III"), or ""."""
    if len(seg) < 2:
        return ""
    s, e = seg[-1]
    word = text[s:e]
    if fold(word) not in suffixes or not word[:1].isupper():
        return ""
    return word.upper() if _ROMAN.fullmatch(word.upper()) else word + "."


def without_suffix(name: str, suffixes: frozenset[str]) -> list[str]:
    """The words of a name a reader calls the person by: "Carter III" -> ["Carter"]."""
    words = name.split()
    while len(words) > 1 and fold(words[-1].rstrip(".")) in suffixes:
        words = words[:-1]
    return words


def later_forms(canonicals: list[str], suffixes: frozenset[str]) -> dict[str, str]:
    """The shorter multi-word forms of names of three words or more, each to its full name:
    "dela cruz" and "reyes dela cruz" for Francisco Reyes Dela Cruz Jr.; a form two names share
    is left out."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for canonical in dict.fromkeys(canonicals):
        words = normalise(" ".join(without_suffix(canonical, suffixes))).split()
        forms = {" ".join(words[i:]) for i in range(1, len(words) - 1)}
        if len(without_suffix(canonical, suffixes)) < len(canonical.split()):
            forms.add(" ".join(words))      # "Henry Alston Carter" for Henry Alston Carter III
        for form in forms:
            if out.get(form, canonical) != canonical:
                shared.add(form)
            out[form] = canonical
    return {k: v for k, v in out.items() if k not in shared}
