"""Names the title-then-name reading misses, told by what stands around them: a place or body
between an office and the name ("the mayor of Cebu Ramon Santos"), a possessive description in
commas ("His neighbour, Rosa Delgado,"), and how a name with a suffix is written."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.text.folding import fold

if TYPE_CHECKING:                           # the context is built by the mentions step
    from pipeline.entities.mentions import _Context


# "His neighbour, Rosa Delgado,": a person described by a possessive and a plain noun, then named in commas
_DESCRIBED = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+[a-z]+(?:\s+[a-z]+)?,\s+$")


def described(text: str, start: int, end: int) -> bool:
    return text[end:end + 1] == "," and _DESCRIBED.search(text, max(0, start - 40), start) is not None


def written(text: str, seg: list[tuple[int, int]], suffix: str) -> str:
    """A name as written, with its suffix as a name carries it: "Francisco Reyes Dela Cruz Jr."."""
    name = text[seg[0][0]:seg[-1][1]]
    return f"{name} {suffix}" if suffix else name


_OF_BEFORE = re.compile(r"\bof (?:the )?$")


def after_place(ctx: "_Context", seg: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name after the place or body an office belongs to: "the mayor of [Cebu] Ramon Santos",
    "Chairman of the [Senate] Bolat Tokenov": the run's first word is the place, the rest a name
    of two to four words none of which is an office's or a place's word."""
    text, rules = ctx.text, ctx.rules
    start = seg[0][0]
    if len(seg) < 3 or not _OF_BEFORE.search(text, max(0, start - 8), start) or ctx.title_before(start) is None:
        return []
    tail = seg[1:]
    if not 2 <= len([t for t in tail if not text[t[0]:t[1]].islower()]) <= 4 \
            or any(fold(text[s:e]) in rules.office_words and not text[s:e].islower() for s, e in tail):
        return []
    return tail
