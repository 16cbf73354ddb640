"""Sentence spans: where each sentence of a cleaned text starts and ends."""
from __future__ import annotations

import re
from bisect import bisect_right

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "jr", "sr", "no",
    "h.e", "hon", "eng", "engr", "mme", "hj", "drs",      # honorifics: "H.E. Sheikh ...", "Hon. ..."
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "inc", "co", "corp", "ltd", "vs", "etc", "approx", "dept",
}
# a clock time's "a.m."/"p.m." ends a sentence unless what follows still tells the time:
# a weekday, a month (first three letters), a time zone ("at 9 a.m. Tuesday", "3 p.m. GMT"), a
# city's time ("10 a.m. Beijing time", "9 p.m. New York Time") or a parenthesis ("9 a.m. (0100 GMT)")
_CLOCK = {"a.m", "p.m"}
_CLOCK_NEXT = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|(?:GMT|UTC|[ECMP][SD]?T|CES?T|JST|BST|IST|SGT|HKT|AEST|AEDT)\b"
    r"|(?:[A-Z][a-z]+ ){1,2}[Tt]ime\b|\(")
_OPENERS = "\"'“‘([{"
# an end mark, optional closing quote/bracket, white space, then something that starts a sentence
# (in any script: "... in Astana. Ömer Bolat said"; the loop checks the letter is a capital); a match
# starts at the first mark of a run, never inside it, or a run of thousands of dots costs a scan from each
_WORD_BACK = 40     # far more than the longest abbreviation, with its opening brackets
_BOUNDARY = re.compile(r"""(?<![.!?…])([.!?…]+["'”’)\]]*)(\s+)(?=["'“‘(\[]?(?P<first>\w))""")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs (newlines) always end a sentence."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start = pos
        for m in _BOUNDARY.finditer(para):
            first = m.group("first")
            if not (first.isupper() or first.isdigit()):
                continue
            cut = m.start(1)
            # the word before the mark; searched back a bounded stretch (no abbreviation is longer), as a
            # search to the paragraph's start from every mark is quadratic in a paragraph without tabs
            floor = max(cut - _WORD_BACK, 0)
            token = para[max(para.rfind(" ", floor, cut), para.rfind("\t", floor, cut), floor - 1) + 1: cut]
            token = token.lower().rstrip(".").lstrip(_OPENERS)   # "(Oct. 3)"
            if m.group(1) == "." and (token in _ABBREV or len(token) == 1 and token.isalpha()   # "Ö. Bolat"
                                      or token in _CLOCK and _CLOCK_NEXT.match(para, m.end())):
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


class SentenceIndex:
    """Which sentence an offset falls in, for one text: built once, asked many times."""

    def __init__(self, text: str, spans: list[tuple[int, int]] | None = None):
        self.text = text
        self.spans = spans if spans is not None else sentence_spans(text)
        self.starts = [s for s, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def index(self, pos: int) -> int:
        """The sentence holding offset `pos` (the first one for an offset before any)."""
        return max(bisect_right(self.starts, pos) - 1, 0)

    def start(self, pos: int) -> int:
        """Where the sentence holding `pos` starts."""
        return self.starts[self.index(pos)] if self.starts else 0

    def sentence(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]
