"""The entities step's word lists (data/entities.json) and the alternations built from them."""
from __future__ import annotations

import re
from typing import Iterable

from pipeline.errors import LexiconError
from pipeline.lexicon.lexicon import Lexicon
from pipeline.text.alternation import trie_alternation

ENTITY_WORDS = "entities.json"


def entity_words(lexicon: Lexicon, *keys: str) -> dict:
    """The entries of data/entities.json the caller needs; a missing key names the file."""
    data = lexicon.data(ENTITY_WORDS)
    missing = [k for k in keys if k not in data]
    if missing:
        raise LexiconError(f"{lexicon.folder.name}/{ENTITY_WORDS}: missing {', '.join(missing)}; "
                           f"copy them from the project's data/{ENTITY_WORDS}")
    return {k: data[k] for k in keys}


def alternation(phrases: Iterable[str]) -> str:
    """A group matching any of `phrases` (longest first); a space matches any run of white space."""
    body = trie_alternation((" ".join(p.split()) for p in phrases),
                            unit_regex=lambda ch: r"\s+" if ch == " " else re.escape(ch))
    return f"(?:{body})"
