"""Small text helpers every step shares: folding and sentence spans."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "jr", "sr", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "inc", "co", "corp", "ltd", "vs", "etc", "approx", "dept",
}
# an end mark, optional closing quote/bracket, white space, then something that starts a sentence
_BOUNDARY = re.compile(r"""([.!?…]+["'”’)\]]*)(\s+)(?=["'“‘(\[]?[A-Z0-9])""")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes, squeeze spaces."""
    if not text.isascii():  # most text is ASCII: skip the per-character pass
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.lower()
    return re.sub(r"\s+", " ", text).strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs (newlines) always end a sentence."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start = pos
        for m in _BOUNDARY.finditer(para):
            cut = m.start(1)
            token = para[max(para.rfind(" ", 0, cut), para.rfind("\t", 0, cut)) + 1: cut]
            token = token.lower().rstrip(".")
            if m.group(1) == "." and (token in _ABBREV or re.fullmatch(r"[a-z]", token)):
                continue
            end = pos + m.end(1)
            if end > start:
                spans.append((start, end))
            start = pos + m.end(2)
        end = pos + len(para)
        if para[start - pos:].strip():
            spans.append((start, end))
        pos = end + 1
    return spans


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


def trie_alternation(words) -> str:
    """An alternation as a trie: the regex engine then fails on the first letter, not per word."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
