"""What an edit of one issue tag would do to the stored articles, before it is saved.

The stored texts are tagged by the tagger itself (`tag_article`, the gazetteer scan the
tags step runs), once with the lexicon as it is and once with the edited one, so the
preview is what `reprocess` will store. Only the articles where one of the tag's patterns,
old or new, matches at all are tagged: in every other article no pattern that the edit
adds or removes matches anywhere, so no tag of it can change. Those articles are found in
two passes: a loose expression of the patterns (no word bounds, accents and case allowed
for) over the whole text column at once, in RE2 through Arrow, then the tagger's own
pattern over the folded texts it found.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.article import Article
from pipeline.lexicon.lexicon import Lexicon
from pipeline.lexicon.phrases import Entry, compile_phrases
from pipeline.tags.tagger import tag_article
from pipeline.text.folding import fold_aligned, folds_to
from pipeline.text.sentences import sentence_spans

SENTENCES_PER_ARTICLE = 3
PROGRESS_EVERY = 250
# what the tagger's "[\s\-]+" meets in folded text: Python's white space, no-break space included
_LOOSE_SEP = r"[\s\-\pZ\x{1c}-\x{1f}\x{85}]+"


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


def loose_expression(pattern: str) -> str:
    """An RE2 expression (to run ignoring case) that matches the raw text wherever the taxonomy
    `pattern` matches its folded form, and perhaps elsewhere (it has no word bounds)."""
    out: list[str] = []
    for ch in fold_aligned(pattern.removeprefix("!")).strip():
        if ch.isspace() or ch == "-":
            if not out or out[-1] != _LOOSE_SEP:
                out.append(_LOOSE_SEP)
        elif ch == "*":
            out.append(r"[\pL\pN_]*")
        elif ch == ",":
            out.append(",?")
        else:
            chars = folds_to(ch)
            out.append("[" + "".join("\\" + c if c in "\\]^-[" else c for c in chars) + "]")
    return "".join(out)


def candidates(texts: Sequence[str] | pa.Array, patterns: list[str]) -> list[int]:
    """Positions of the texts where one of `patterns` matches as the tagger matches it."""
    patterns = [p for p in patterns if p.removeprefix("!").strip()]
    if not patterns or not len(texts):
        return []
    column = texts if isinstance(texts, (pa.Array, pa.ChunkedArray)) else pa.array(list(texts), pa.string())
    loose = "|".join(f"(?:{loose_expression(p)})" for p in patterns)
    found = pc.match_substring_regex(column, loose, ignore_case=True).fill_null(False)
    regex = pattern_matcher(patterns)
    return [i for i in pc.indices_nonzero(found).to_pylist() if regex.search(fold_aligned(column[i].as_py()))]


def preview_tag(ids: Sequence[str], texts: Sequence[str] | pa.Array, before: Lexicon, after: Lexicon, tag: str,
                old_patterns: list[str], new_patterns: list[str],
                progress: Callable[[int, int], None] | None = None) -> TagPreview:
    """The tag `tag` edited from `old_patterns` (none: a new tag) to `new_patterns`, over the
    stored articles `ids` and their `texts`: which articles it would be on, the sentences its
    patterns match there, and every article whose tags would change, with what it gains and loses.

    The cost is in the articles the patterns appear in (each is tagged twice, about a
    millisecond): `progress(done, total)` hears of them every few hundred."""
    ids = list(ids)
    if not isinstance(texts, (pa.Array, pa.ChunkedArray)):
        texts = list(texts)
    preview = TagPreview(tag, scanned=len(ids))
    found = candidates(texts, [*old_patterns, *new_patterns])
    preview.candidates = len(found)
    evidence, changes = [], []
    for n, i in enumerate(found, 1):
        if progress is not None and (n % PROGRESS_EVERY == 0 or n == len(found)):
            progress(n, len(found))
        article_id = ids[i]
        text = texts[i] if not isinstance(texts, (pa.Array, pa.ChunkedArray)) else texts[i].as_py()
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
