"""Rules that depend on where a line stands: related-links blocks, the first and last lines,
captions set between paragraphs of the story.

Each function takes the lines and their reasons so far (None: kept) and fills in more reasons.
"""
from __future__ import annotations

import re

from pipeline.clean.duplicates import paragraph_key
from pipeline.clean.lines import (BULLET, SENTENCE_END, SHORT_LINE, before_agency_credit, is_captioned_scene,
                                  is_related_heading)
from pipeline.clean.rules import CleanRules

HEADLINE_MAX = 160        # a linked headline fits on one line; a longer line is a paragraph
PROSE_CHARS = 120         # a line this long is a paragraph whatever its ending
PROSE_WORDS = 8           # a finished sentence of this many words is prose, not a link
RELATED_TAIL_LINES = 10   # a related-links block lists a handful of headlines, not the rest of a story
RELATED_TAIL_CHARS = 300  # a teaser under a related link is shorter than this
LEAD_BULLET_WORDS = 6     # "- Asia", "- Trade war": bulleted section labels above the story
NAME_HEAD, NAME_TAIL = 3, 2   # a lone author name stands among the first three or the last two lines
BIO_TAIL = 4              # the author's note is among the last few lines, only promotions after it

_NAME_WORD = re.compile(r"[A-Z](?:[a-zà-ÿ'’-]+|\.)")


def _headline_like(line: str) -> bool:
    return len(line) <= HEADLINE_MAX and not line.endswith(SENTENCE_END)


def is_prose(line: str) -> bool:
    return len(line) >= PROSE_CHARS or (line.endswith(SENTENCE_END) and len(line.split()) >= PROSE_WORDS)


def _is_lone_name(line: str, rules: CleanRules) -> bool:
    """"Ana Ruiz": two or three capitalised words, none of them a common headline word."""
    words = line.split()
    return (2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) for w in words)
            and not any(w.lower().strip(".") in rules.name_stopwords for w in words))


def _tail_is_related(lines: list[str], ends_in_link: bool) -> bool:
    """The lines left after a related heading are all links: short, and no prose unless a link closes them."""
    if not lines or len(lines) > RELATED_TAIL_LINES or any(len(s) >= RELATED_TAIL_CHARS for s in lines):
        return False
    return ends_in_link or not any(map(is_prose, lines))


def mark_related_blocks(lines: list[str], reasons: list[str | None], rules: CleanRules) -> None:
    i, n = 0, len(lines)
    while i < n:
        if reasons[i] not in (None, "link") or not is_related_heading(lines[i], rules):
            i += 1
            continue
        reasons[i] = "related"
        rest = [j for j in range(i + 1, n) if reasons[j] is None]
        if _tail_is_related([lines[j] for j in rest], reasons[-1] == "link"):
            for j in rest:
                reasons[j] = "related"
            return
        i += 1
        while i < n and (reasons[i] is not None or _headline_like(lines[i])):
            reasons[i] = reasons[i] or "related"
            i += 1


def mark_scene_captions(lines: list[str], reasons: list[str | None], rules: CleanRules) -> None:
    """"Two ministers met in Geneva on Monday. (AFP)" with the story going on after it: a caption left
    between paragraphs. Where nothing follows, the agency's name signs off the wire copy and stays."""
    last_prose = max((i for i, r in enumerate(reasons) if r is None and is_prose(lines[i])), default=-1)
    for i in range(last_prose):
        if reasons[i] is not None:
            continue
        before = before_agency_credit(lines[i], rules)
        if before is not None and is_captioned_scene(before, rules):
            reasons[i] = "caption"


def mark_edges(lines: list[str], reasons: list[str | None], title: str, rules: CleanRules) -> None:
    """Labels and bullets before the first prose line, bulleted headlines and author names at the end."""
    live = [i for i, r in enumerate(reasons) if r is None]
    for i in live:
        if is_prose(lines[i]):
            break
        if BULLET.match(lines[i]) and len(lines[i].split()) <= LEAD_BULLET_WORDS:
            reasons[i] = "nav"
    tail = [i for i, r in enumerate(reasons) if r is None]
    run = []
    for i in reversed(tail):
        if not (BULLET.match(lines[i]) and _headline_like(lines[i])):
            break
        run.append(i)
    if len(run) >= 2:
        for i in run:
            reasons[i] = "related"
    live = [i for i, r in enumerate(reasons) if r is None]
    for i in live[:NAME_HEAD] + live[-NAME_TAIL:]:
        if _is_lone_name(lines[i], rules):
            reasons[i] = "byline"
    for i in reversed(live[-BIO_TAIL:]):  # only promotions may follow the author's note, never prose
        if len(lines[i]) <= SHORT_LINE and rules.author_bio.match(lines[i]):
            reasons[i] = "byline"
        elif is_prose(lines[i]):
            break
    title_key = paragraph_key(title)
    if title_key:
        for i in live:
            if paragraph_key(lines[i]) == title_key:
                reasons[i] = "title"
