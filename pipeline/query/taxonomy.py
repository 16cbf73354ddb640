"""What an edit of one issue tag would do to the stored articles, before it is saved.

The stored texts are tagged by the tagger itself (`tag_article`, the gazetteer scan the
tags step runs), once with the lexicon as it is and once with the edited one, so the
preview is what `reprocess` will store. Only the articles where one of the tag's patterns,
old or new, matches at all are tagged: in every other article no pattern that the edit
adds or removes matches anywhere, so no tag of it can change.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from pipeline.article import Article
from pipeline.lexicon.lexicon import Lexicon
from pipeline.lexicon.phrases import Entry, compile_phrases
from pipeline.tags.tagger import tag_article
from pipeline.text.folding import fold_aligned
from pipeline.text.sentences import sentence_spans

SENTENCES_PER_ARTICLE = 3


@dataclass
class TagPreview:
    tag: str
    matched: list[str] = field(default_factory=list)   # articles the edited tag is on
    before: list[str] = field(default_factory=list)    # articles it is on now
    scanned: int = 0                                    # articles read
    candidates: int = 0                                 # of those, tagged twice
    evidence: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["article_id", "sentence"]))
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["article_id", "gains", "loses", "tags_now", "tags_then"]))

    @property
    def gained(self) -> list[str]:
        before = set(self.before)
        return [a for a in self.matched if a not in before]

    @property
    def lost(self) -> list[str]:
        after = set(self.matched)
        return [a for a in self.before if a not in after]

    def other_tags(self) -> pd.DataFrame:
        """Per other tag: how many articles would gain it and how many lose it (an exclusion,
        or a longer pattern of the edited tag, takes words from the others)."""
        counts: dict[str, list[int]] = {}
        for gains, loses in zip(self.changes["gains"], self.changes["loses"]):
            for t in gains:
                if t != self.tag:
                    counts.setdefault(t, [0, 0])[0] += 1
            for t in loses:
                if t != self.tag:
                    counts.setdefault(t, [0, 0])[1] += 1
        return pd.DataFrame([{"tag": t, "gained": g, "lost": lo} for t, (g, lo) in sorted(counts.items())],
                            columns=["tag", "gained", "lost"])


def _article(article_id: str, text: str) -> Article:
    article = Article(origin=article_id, raw_text=text, paragraphs=text.split("\n"), article_id=article_id)
    article.sentences = sentence_spans(article.text)
    return article


def pattern_matcher(patterns: Iterable[str]):
    """One alternation of these taxonomy patterns (exclusions without their "!"), over folded text."""
    pairs = [(p[1:] if p.startswith("!") else p, Entry("tag", "")) for p in patterns]
    pairs = [(p, e) for p, e in pairs if p.strip()]
    return compile_phrases(pairs).regex if pairs else None


def preview_tag(texts: Iterable[tuple[str, str]], before: Lexicon, after: Lexicon, tag: str,
                old_patterns: list[str], new_patterns: list[str]) -> TagPreview:
    """The tag `tag` edited from `old_patterns` (none: a new tag) to `new_patterns`, over the
    (article id, text) pairs: which articles it would be on, the sentences its patterns match
    there, and every article whose tags would change, with what it gains and loses."""
    preview = TagPreview(tag)
    regex = pattern_matcher([*old_patterns, *new_patterns])
    evidence, changes = [], []
    for article_id, text in texts:
        preview.scanned += 1
        if regex is None or not text or regex.search(fold_aligned(text)) is None:
            continue
        preview.candidates += 1
        now = tag_article(_article(article_id, text), before)
        then = tag_article(_article(article_id, text), after)
        tags_now, tags_then = [t.tag for t in now.tags], [t.tag for t in then.tags]
        if tag in tags_now:
            preview.before.append(article_id)
        hit = next((t for t in then.tags if t.tag == tag), None)
        if hit is not None:
            preview.matched.append(article_id)
            spans = then.sentences
            for idx in hit.sentences[:SENTENCES_PER_ARTICLE]:
                if idx < len(spans):
                    evidence.append({"article_id": article_id, "sentence": text[spans[idx][0]:spans[idx][1]]})
        if tags_now != tags_then:
            changes.append({"article_id": article_id, "gains": [t for t in tags_then if t not in tags_now],
                            "loses": [t for t in tags_now if t not in tags_then], "tags_now": tags_now,
                            "tags_then": tags_then})
    if evidence:
        preview.evidence = pd.DataFrame(evidence, columns=["article_id", "sentence"])
    if changes:
        preview.changes = pd.DataFrame(changes, columns=["article_id", "gains", "loses", "tags_now", "tags_then"])
    return preview
