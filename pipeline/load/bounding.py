"""Text over the length limits, cut or split before any step sees it, with a warning saying so.

An article longer than `MAX_ARTICLE_CHARS` (or of more than `MAX_LINES` lines) keeps
its beginning; a line longer than `MAX_PARAGRAPH_CHARS` becomes several paragraphs,
cut after a sentence end where there is one in the second half of the window, else
after a word, else at the limit. Every cut is found with bounded searches from a
moving offset, so the work is linear in the text whatever it holds.
"""
from __future__ import annotations

import re

from pipeline.load.limits import MAX_ARTICLE_CHARS, MAX_LINES, MAX_PARAGRAPH_CHARS

# every line break cleaning knows (a JSON or CSV body may hold "\r"), so that lines are counted as cleaning sees them
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029]")
# a sentence end followed by a space: the cut goes after the mark (and a closing quote or bracket)
_SENTENCE_ENDS = tuple(mark + close + " " for mark in ".!?…" for close in ("", '"', "”", "’", "'", ")"))


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece of `text` from `start` of at most `limit` characters: after the last line,
    else sentence, else word end in its second half, else at the limit."""
    end, floor = start + limit, start + limit // 2
    line = text.rfind("\n", floor, end)
    if line >= 0:
        return line
    found = ((text.rfind(mark, floor, end), mark) for mark in _SENTENCE_ENDS)
    cut = max((at + len(mark) - 1 for at, mark in found if at >= 0), default=-1)
    if cut < 0:
        space = text.rfind(" ", floor, end)
        cut = space if space >= 0 else end
    return cut


def _cut_article(text: str) -> tuple[str, list[str]]:
    warnings, size = [], len(text)
    if size > MAX_ARTICLE_CHARS:
        text = text.strip()   # white space around the text does not count
    if len(text) > MAX_ARTICLE_CHARS:
        kept = text[:_cut(text, 0, MAX_ARTICLE_CHARS)].rstrip()
        warnings.append(f"text of {size:,} characters cut to its first {len(kept):,} (the limit is "
                        f"{MAX_ARTICLE_CHARS:,} characters per article); split it into several articles to keep "
                        f"the rest")
        text = kept
    if text.count("\n") >= MAX_LINES:
        lines = text.split("\n", MAX_LINES)
        warnings.append(f"text of more than {MAX_LINES:,} lines cut to its first {MAX_LINES:,}; split it into "
                        f"several articles to keep the rest")
        text = "\n".join(lines[:MAX_LINES])
    return text, warnings


def _split_line(line: str, limit: int) -> list[str]:
    """`line` in pieces of at most `limit` characters, each cut after a sentence or word end if it can be."""
    pieces, start, n = [], 0, len(line)
    while n - start > limit:
        cut = _cut(line, start, limit)
        pieces.append(line[start:cut].rstrip())
        start = cut
        while start < n and line[start] == " ":
            start += 1
    pieces.append(line[start:])
    return [p for p in pieces if p]


def _split_paragraphs(text: str) -> tuple[str, list[str]]:
    if len(text) <= MAX_PARAGRAPH_CHARS or all(len(line) <= MAX_PARAGRAPH_CHARS for line in text.split("\n")):
        return text, []
    out, long, pieces, longest = [], 0, 0, 0
    for line in text.split("\n"):
        if len(line) <= MAX_PARAGRAPH_CHARS:
            out.append(line)
            continue
        parts = _split_line(line, MAX_PARAGRAPH_CHARS)
        long, pieces, longest = long + 1, pieces + len(parts), max(longest, len(line))
        out += parts
    what = f"a paragraph of {longest:,} characters" if long == 1 else \
        f"{long} paragraphs of up to {longest:,} characters"
    return "\n".join(out), [f"{what} split into {pieces} (at most {MAX_PARAGRAPH_CHARS:,} characters each, at "
                            f"sentence ends where it can)"]


def bound_text(text: str) -> tuple[str, list[str]]:
    """The text within the length limits, and a warning for each limit it was brought under."""
    if _LINE_BREAK.search(text):
        text = _LINE_BREAK.sub("\n", text)
    text, cut = _cut_article(text)
    text, split = _split_paragraphs(text)
    return text, cut + split
