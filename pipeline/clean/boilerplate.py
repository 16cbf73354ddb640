"""Cleaning: paragraphs, with site boilerplate and repeated paragraphs removed.

Every dropped line is kept in `article.removed` with its reason, so a reader can
see what went and why. Boilerplate phrases live in `data/boilerplate.json` and are
compiled once per lexicon (`pipeline.clean.rules`); they are matched against the
lower-cased line (no `re.I`: this step runs on every line of every article). Single
lines are judged in `pipeline.clean.lines`, their place in the page in
`pipeline.clean.layout`, repeats in `pipeline.clean.duplicates`.
"""
from __future__ import annotations

import re
import unicodedata

from pipeline.article import Article, Removed
from pipeline.clean.duplicates import duplicates
from pipeline.clean.furniture import quotes_nobody, strip_inline
from pipeline.clean.glued import cut_glued
from pipeline.clean.layout import (is_prose, mark_edges, mark_lead_menus, mark_related_blocks,
                                   mark_repeated_labels, mark_scene_captions, mark_tail_headlines)
from pipeline.clean.lines import classify_line, unbullet
from pipeline.clean.notices import mark_caption_echoes, mark_release_tail
from pipeline.clean.rules import CleanRules
from pipeline.lexicon.lexicon import Lexicon

# regex substitutions, not str.translate; one scan for any of their characters skips all three on the
# usual text that has none of them
_ODD_CHARACTER = re.compile("[\u00a0\u2002-\u200d\u202f\u205f\u3000\t\f\v\u2060\ufeff\u00ad\r\u2028\u2029]")
_SPACE = re.compile("[\u00a0\u2002-\u200a\u202f\u205f\u3000\t\f\v]+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]+")
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029]")
# a no-break space read with the wrong code page leaves a stray "Â" at the end of a word
_MULTI_SPACE = re.compile(" {2,}")
_MOJIBAKE_NBSP = re.compile(r"(?<=\S)Â(?= |$)", re.M)


def normalise(raw: str) -> str:
    """NFC, one kind of space, no zero-width characters, no blank-padded lines. Quotes are left alone."""
    text = unicodedata.normalize("NFC", raw)
    if _ODD_CHARACTER.search(text):
        text = _SPACE.sub(" ", _INVISIBLE.sub("", _LINE_BREAK.sub("\n", text)))
    if "Â" in text:
        text = _MOJIBAKE_NBSP.sub("", text)
    if "  " in text:
        text = _MULTI_SPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _without_inline_credits(lines: list[str], rules: CleanRules) -> tuple[list[str], list[str]]:
    """Lines with bracketed credits and trailing "Read more: ..." cut out, before any line is judged:
    "Ministers met on Tuesday. (Photo: ...)" is a paragraph of the story, not a caption. A line that
    is nothing but a credit, or text quoting nobody under a picture's credit (a caption), is left
    whole for the line rules."""
    out, cuts = [], []
    for line in lines:
        text, cut = strip_inline(line, rules)
        picture = any(not rules.inline_byline.match(c) for c in cut if c.startswith("("))
        if not (cut and text and not (picture and quotes_nobody(text, rules))):
            text, cut = line, []
        out.append(text)
        cuts += cut
    return out, cuts


def _without_glued_debris(lines: list[str], reasons: list[str | None], by_line: list[str | None],
                          rules: CleanRules) -> list[str]:
    """Furniture glued to a paragraph cut out (`pipeline.clean.glued`): from a kept paragraph, and from one the
    line rules dropped for that piece alone, which then stays. A line dropped for where it stands stays dropped."""
    cuts = []
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if reason is not None and by_line[i] is None:
            continue
        text, glued = cut_glued(line, rules)
        if not text:
            reasons[i] = "share_prompt"
        elif glued:
            lines[i], reasons[i] = text, None
            cuts += glued
    return cuts


def clean_article(article: Article, lexicon: Lexicon) -> Article:
    rules = lexicon.compiled(CleanRules)
    lines, cuts = _without_inline_credits([s for s in normalise(article.raw_text).split("\n") if s], rules)
    reasons = [classify_line(s, rules) for s in lines]
    by_line = list(reasons)
    mark_related_blocks(lines, reasons, rules)
    mark_scene_captions(lines, reasons, rules)
    mark_edges(lines, reasons, article.title, rules, article.source)
    mark_release_tail(lines, reasons, rules)
    mark_caption_echoes(lines, reasons)
    mark_repeated_labels(lines, reasons)
    mark_lead_menus(lines, reasons)
    mark_tail_headlines(lines, reasons)
    cuts += _without_glued_debris(lines, reasons, by_line, rules)
    kept = [s for s, r in zip(lines, reasons) if r is None]
    dups = iter(duplicates(kept))
    paragraphs, removed, dates = [], [Removed("inline", c) for c in cuts], []
    for line, reason in zip(lines, reasons):
        if reason is None and next(dups):
            reason = "duplicate"
        if reason is None:
            body = unbullet(line)   # "- Both sides agreed ...": a bulleted paragraph of the story is body text
            paragraphs.append(body if body != line and is_prose(body) else line)
            continue
        removed.append(Removed(reason, line))
        if reason in ("metadata", "byline"):   # "By Ana Ruiz | March 5, 2026" dates the story too
            dates.append(unbullet(line))
    # what the loader left out of the file comes first, then what cleaning drops
    article.paragraphs, article.removed, article.metadata_dates = paragraphs, [*article.left_out, *removed], dates
    return article
