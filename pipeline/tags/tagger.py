"""Issue tags from the editable taxonomy (data/taxonomy.csv; pattern syntax in pipeline/lexicon/phrases.py).

The body is folded once and scanned once with one compiled alternation of every
pattern (shared with the entities step: `Lexicon.scan`); exclusions ("!chips in") sit in
the same alternation, so where one matches the words inside it count for nothing. A
pattern written in capitals ("REE") counts only where the text has it in capitals.
One hit in the body is enough for a tag: the annotation convention tags an issue
wherever the body discusses it, and a single sentence on it ("cooperation on the
semiconductor industrial chain") is discussion.
Only `article.text` is read, which cleaning has already freed of boilerplate.
"""
from __future__ import annotations

from bisect import bisect_right

from pipeline.article import Article, TagHit
from pipeline.lexicon.lexicon import Lexicon
from pipeline.text.sentences import sentence_spans

MIN_HITS = 1


def _matches(lexicon: Lexicon, text: str, lo: int = 0, hi: int | None = None):
    """(start, tag ids) for every pattern hit in text[lo:hi]; the scan is shared with entities."""
    hi = len(text) if hi is None else hi
    for start, end, entries in lexicon.scan(text).hits:
        if start >= lo and end <= hi:
            tags = [e.key for e in entries if e.kind == "tag"]
            if tags:
                yield start, tags


def tag_article(article: Article, lexicon: Lexicon) -> Article:
    text = article.text
    spans = article.sentences or sentence_spans(text)
    starts = [s for s, _ in spans]
    hits: dict[str, int] = {}
    sentences: dict[str, list[int]] = {}
    for pos, tags in _matches(lexicon, text):
        idx = max(bisect_right(starts, pos) - 1, 0)
        for tag in tags:
            hits[tag] = hits.get(tag, 0) + 1
            seen = sentences.setdefault(tag, [])
            if not seen or seen[-1] != idx:
                seen.append(idx)
    article.tags = []
    for tag in lexicon.taxonomy:
        if hits.get(tag, 0) >= MIN_HITS:
            first = sentences[tag][0]
            evidence = text[spans[first][0]:spans[first][1]] if spans else ""
            article.tags.append(TagHit(tag, hits[tag], evidence, sentences[tag]))
    return article


def tags_for_span(article: Article, start: int, end: int, lexicon: Lexicon) -> list[str]:
    """Tag ids whose patterns match inside article.text[start:end] (a sentence, a paragraph),
    in taxonomy order."""
    found = {tag for _, tags in _matches(lexicon, article.text, start, end) for tag in tags}
    return [tag for tag in lexicon.taxonomy if tag in found]


def tag_labels(lexicon: Lexicon) -> dict[str, str]:
    """Tag id -> its label in the lexicon's taxonomy.csv, in taxonomy order."""
    return dict(lexicon.taxonomy)
