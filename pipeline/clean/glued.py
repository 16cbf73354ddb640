"""Debris glued to a paragraph of the story: a credit in brackets anywhere in it ("(By Ana Ruiz; Editing by
Jo Lind) Ministers met ..."), or a sentence of page furniture before its first or after its last sentence
("... she said. Get the Lima Herald app."). The piece is cut and the paragraph kept; the line rules
(`pipeline.clean.lines`) judge both pieces, so whatever they call furniture alone is furniture glued on.
"""
from __future__ import annotations

import re

from pipeline.clean.furniture import quotes_nobody
from pipeline.clean.lines import classify_line, glued_kind, is_credit
from pipeline.clean.rules import CleanRules, lower
from pipeline.text.sentences import sentence_spans

GLUED_MAX = 100        # a prompt or a credit is one short sentence
GLUED_MIN_LINE = 30    # a greeting and a prompt: "Hi! Sign up for our newsletter."
STORY_MIN = 60         # what is left must be a paragraph of the story, not another scrap
GLUED_PIECES = 2       # "... said. Sign up for our newsletter. Follow us on X."
GREETING_WORDS = 3     # "Good morning.", "Hello again!"
BRACKETED_MAX = 240    # "(Reporting by ...; additional reporting by ...; Editing by ...)"
# what a line rule may call a glued piece (a caption's credit only on conditions, see `_furniture`)
_FURNITURE = {"share_prompt", "byline", "footer", "nav", "link", "consent", "embed", "metadata"}
_QUOTE_MARKS = "\"“”«»"
# a sentence's end and the next one's start: the piece after the last of these, or before the first
_BOUNDARY = re.compile(r"(?<=[.!?])([\"”’)]?)\s+(?=[A-Z(\[—–-])")
_BRACKETED = re.compile(r"\(([^()]{3,%d})\)" % BRACKETED_MAX)
_NOTE_MARKER = re.compile(r"(?<=[\w.,;:!?\"”’)])\[\d{1,3}\](?=\s|$)")
_SPACES = re.compile(r"\s{2,}")
_WORD = re.compile(r"[a-z]+")
_READER = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours)\b")


def _furniture(piece: str, rest: str, rules: CleanRules) -> bool:
    """A piece of furniture glued to `rest`; a picture's credit only after text that quotes someone in two
    sentences or more, or in the past tense: after one sentence in the present ("Ana Ruiz says ... Photograph:
    Jo Lind/Reuters") it is the credit of that caption."""
    piece = piece.strip()
    if not piece or len(piece) > GLUED_MAX or any(c in piece for c in _QUOTE_MARKS) or not quotes_nobody(piece, rules):
        return False
    if piece[:1] in "([" and piece[-1:] in ")]":
        piece = piece[1:-1].strip()
    if lower(piece).strip(" .") in rules.outlets:   # "... in a year. (AFP)": wire copy signs off its own paragraph
        return False
    reason = glued_kind(piece, rules)
    return reason in _FURNITURE or (reason == "caption" and not quotes_nobody(rest, rules)
                                    and (len(sentence_spans(rest)) > 1 or _reported_in_past(rest, rules)))


def _reported_in_past(text: str, rules: CleanRules) -> bool:
    """"..., she said.": the story's tense. A caption reports in the present ("Ana Ruiz says ...")."""
    return any(w in rules.reporting and w in rules.past_verbs for w in _WORD.findall(lower(text)))


def _greeting(text: str, rules: CleanRules) -> bool:
    """A few words with no one quoted before a prompt: the newsletter's "Good morning." or "Hi there!"."""
    return len(text.split()) <= GREETING_WORDS and text.endswith((".", "!")) and quotes_nobody(text, rules)


def _story(text: str, rules: CleanRules) -> bool:
    """What is left reads as the story: long enough, no line rule against it, and not addressed to the reader
    unless someone is quoted ("By signing up you agree ..." is the rest of a prompt)."""
    if len(text) < STORY_MIN or classify_line(text, rules) is not None:
        return False
    return not _READER.search(text) or not quotes_nobody(text, rules)


def _bracketed_credits(line: str, rules: CleanRules) -> tuple[str, list[str]]:
    """"(By Ana Ruiz; Editing by Jo Lind)", "(Source: Lima Herald)" wherever they stand in the paragraph."""
    cut = []
    for m in _BRACKETED.finditer(line):
        inner = m.group(1)
        low = lower(inner)
        if ("by " in low or ":" in low or rules.credit.search(low)) and is_credit(inner, low, rules):
            cut.append(m.group())
    if not cut:
        return line, cut
    text = line
    for c in cut:
        text = text.replace(c, " ")
    text = _SPACES.sub(" ", text).strip()
    return (text, cut) if _story(text, rules) else (line, [])


def cut_glued(line: str, rules: CleanRules) -> tuple[str, list[str]]:
    """The paragraph without the debris glued to it, and the pieces cut; the line itself where nothing is, or
    where the whole line is a caption quoting nobody (a credit glued to the picture's description, both furniture);
    an empty text where every piece of the line is furniture."""
    if len(line) < GLUED_MIN_LINE:
        return line, []
    text, cut = _cut(line, rules)
    if cut and quotes_nobody(text, rules) and classify_line(line, rules) == "caption":
        return line, []
    return text, cut


def _cut(line: str, rules: CleanRules) -> tuple[str, list[str]]:
    cut = []
    if "(" in line:
        line, cut = _bracketed_credits(line, rules)
    if "[" in line and _NOTE_MARKER.search(line):   # "... found no abnormality.[1]": the marker of a note
        cut += _NOTE_MARKER.findall(line)
        line = _NOTE_MARKER.sub("", line)
    for _ in range(GLUED_PIECES):   # after the last sentence
        start = max(0, len(line) - GLUED_MAX - 2)
        ends = [m for m in _BOUNDARY.finditer(line, start)]
        if not ends:
            break
        head, tail = line[:ends[-1].end(1)], line[ends[-1].end():]
        if not _furniture(tail, head, rules):
            break
        if _greeting(head, rules):   # "Good morning. Here is what you need to know this week.": all furniture
            return "", cut + [head, tail]
        if not _story(head, rules):
            break
        cut.append(tail)
        line = head
    m = _BOUNDARY.search(line, 0, GLUED_MAX + 2)   # before the first
    if m is not None:
        head, tail = line[:m.end(1)], line[m.end():]
        if _furniture(head, tail, rules) and _story(tail, rules):
            cut.append(head)
            line = tail
    return line, cut
