"""What an HTML page's article extraction left out: the page's other visible text blocks
(navigation, menus, footers, cookie banners, related links), so the reader can list them.

Linear in the page: the extracted body's word pairs go in a set, and a block counts as
part of the body when most of its word pairs are there. Bounded: blocks of fewer than two
words are skipped, at most `MAX_LEFT_OUT` are kept, each cut to `MAX_LEFT_OUT_CHARS`.
"""
from __future__ import annotations

import re

from pipeline.article import Removed
from pipeline.load.limits import MAX_LEFT_OUT, MAX_LEFT_OUT_CHARS
from pipeline.text.folding import fold

REASON = "page furniture"
_IN_BODY = 0.8   # share of a block's word pairs found in the body that makes it the body's


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:]))


def _shortened(block: str) -> str:
    if len(block) <= MAX_LEFT_OUT_CHARS:
        return block
    return block[:MAX_LEFT_OUT_CHARS].rsplit(" ", 1)[0] + " …"


def left_out(page_text: str, body: str, title: str = "") -> list[Removed]:
    """The lines of `page_text` (the page's visible text, a block a line) that are neither in
    the extracted `body` nor the `title`, each once, in page order."""
    body_pairs = _pairs(_words(body))
    skip = {" ".join(_words(title))} if title else set()
    found: list[Removed] = []
    for line in page_text.split("\n"):
        words = _words(line)
        key = " ".join(words)
        if len(words) < 2 or key in skip:
            continue
        skip.add(key)
        pairs = _pairs(words)
        if sum(p in body_pairs for p in pairs) >= _IN_BODY * len(pairs):
            continue
        found.append(Removed(REASON, _shortened(" ".join(line.split()))))
        if len(found) == MAX_LEFT_OUT:
            break
    return found
