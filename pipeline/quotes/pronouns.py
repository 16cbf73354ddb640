"""Whom "he" or "she" can stand for, from what the article itself says about each person: a courtesy
title before the name ("Ms Rojas", "Mr Benitez"), or "his"/"her" after the name in a sentence that
names nobody else ("Rojas said her ministry ..."), seen before the pronoun. No list of given names: a person the article
gives no evidence for fits either pronoun.
"""
from __future__ import annotations

import re

from pipeline.quotes.context import Context

# the pronouns of each grammatical gender, and the one "he"/"she" asks for
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
# a courtesy title right before a mention ("Ms Valeria Rojas", "Mr. Benitez")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]{1,4})\.?\s+$")


def sex_of_pronoun(word: str) -> str:
    return _PRONOUN_SEX.get(word.lower(), "")


def _evidence(ctx: Context) -> dict[str, tuple[str, int]]:
    """canonical name -> ("m" or "f", where the article first says so); a title outweighs pronouns,
    and pronouns that disagree leave the person open."""
    rules = ctx.rules
    titled: dict[str, tuple[str, int]] = {}
    pronouns: dict[str, dict[str, int]] = {}
    by_sentence: dict[int, list] = {}
    for m in ctx.mentions:
        if m.kind != "person":
            continue
        name = m.canonical or m.text
        by_sentence.setdefault(m.sentence, []).append(m)
        first = m.text.split()[0].rstrip(".")
        t = _TITLE_BEFORE.search(ctx.text, max(0, m.start - 8), m.start)
        title = first if first in rules.courtesy_sex else (t.group(1) if t else "")
        if title in rules.courtesy_sex and (name not in titled or titled[name][1] > m.start):
            titled[name] = (rules.courtesy_sex[title], m.start)
    for sidx, found in by_sentence.items():
        if len({m.canonical or m.text for m in found}) != 1:
            continue
        first = min(found, key=lambda m: m.start)
        seen = pronouns.setdefault(first.canonical or first.text, {})
        for p in _PRONOUN.finditer(ctx.text, first.end, ctx.sentences.spans[sidx][1]):
            sex = _PRONOUN_SEX[p.group(0).lower()]
            seen[sex] = min(seen.get(sex, p.start()), p.start())
    out = {name: next(iter(seen.items())) for name, seen in pronouns.items() if len(seen) == 1}
    out.update(titled)
    return out


def _sex_at(ctx: Context, name: str, pos: int) -> str:
    """What the article has shown of the person named before `pos`: "m", "f" or ""."""
    if ctx.sexes is None:
        ctx.sexes = _evidence(ctx)
    sex, at = ctx.sexes.get(name, ("", pos))
    return sex if at < pos else ""


def knows_pronoun(ctx: Context, name: str, word: str, pos: int) -> bool:
    """Whether the article has shown, before `pos`, the person named to be the "he" or "she" in `word`."""
    want = sex_of_pronoun(word)
    return bool(want) and _sex_at(ctx, name, pos) == want


def fits_pronoun(ctx: Context, name: str, word: str, pos: int) -> bool:
    """Whether the person named may be the "he" or "she" in `word` at `pos` (unknown persons fit both)."""
    want = sex_of_pronoun(word)
    have = _sex_at(ctx, name, pos) if want else ""
    return not have or have == want
