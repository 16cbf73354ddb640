"""One regular-expression alternation builder: a list of words or phrases as a trie.

A trie lets the regex engine fail on the first character instead of trying every
word, and the longest entry wins because longer continuations come before the end
of an entry. `units` splits an entry into pieces and `unit_regex` writes a piece,
so the lexicon's phrase syntax (spaces matching hyphens, `*` wildcards) builds on
the same trie as plain word lists.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable


def trie_alternation(words: Iterable[str], units: Callable[[str], Iterable[str]] = iter,
                     unit_regex: Callable[[str], str] = re.escape,
                     is_wild: Callable[[str], bool] = lambda unit: False) -> str:
    """A regex matching any of `words` (longest first), without groups or anchors."""
    root: dict = {}
    for word in words:
        node = root
        for unit in units(word):
            node = node.setdefault(unit, {})
        node[""] = {}

    def build(node: dict) -> str:
        # literal continuations first, then wildcards: a literal is the longer match
        keys = sorted((k for k in node if k), key=lambda k: (is_wild(k), k))
        alts = [unit_regex(k) + build(node[k]) for k in keys]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
