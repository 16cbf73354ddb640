"""One article in the reader: its facts, their evidence sentences, the text with them marked."""
from __future__ import annotations

import html
import re

import pandas as pd

from pipeline.meetings.merge import merge_meetings
from pipeline.query.filters import any_in
from pipeline.query.prepared import Views
from pipeline.text.alternation import trie_alternation


def article_facts(v: Views, article_id: str) -> dict[str, pd.DataFrame]:
    """The article's meetings, quotes and issue tags.

    With the unmerged meeting rows at hand, the meetings are this article's rows merged
    among themselves: what the article itself reports, without waiting for the store's merge.
    """
    raw = v.meeting_facets
    if raw is not None and "article_ids" in raw.columns:
        meetings = merge_meetings(raw[[article_id in ids for ids in raw["article_ids"]]])
    else:
        meetings = v.meetings[any_in(v, "meetings", "article_ids", [article_id], len(v.meetings))]
    return {
        "meetings": meetings,
        "quotes": v.quotes[any_in(v, "quotes", "article_ids", [article_id], len(v.quotes))],
        "tags": v.tags[v.tags["article_id"] == article_id],
    }


def evidence_of(facts: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """The sentences the article's meetings and quotes come from, by kind of fact."""
    found = {"meeting": [s for ev in facts["meetings"]["evidence"] for s in ev],
             "quote": facts["quotes"]["evidence"].tolist()}
    return {kind: [s for s in dict.fromkeys(ss) if s.strip()] for kind, ss in found.items()}


def highlight(text: str, sentences: list[str] | dict[str, list[str]]) -> str:
    """The text escaped as HTML, each sentence found in it wrapped in <mark>.

    With sentences by kind, a mark's class names the kinds it is evidence of
    ("meeting", "quote", or "meeting quote"). Matching runs on escaped text with
    escaped sentences, so nothing the article contains can ever become markup.
    """
    escaped = html.escape(text)
    kinds: dict[str, list[str]] = {}
    for kind, group in (sentences.items() if isinstance(sentences, dict) else [("", sentences)]):
        for s in group:
            if s.strip():
                kinds.setdefault(html.escape(s.strip()), []).append(kind)
    if kinds:
        def mark(m: re.Match) -> str:
            names = " ".join(sorted(set(filter(None, kinds[m.group(0)]))))
            return f'<mark class="{names}">{m.group(0)}</mark>' if names else f"<mark>{m.group(0)}</mark>"
        pattern = re.compile(trie_alternation(kinds))
        escaped = pattern.sub(mark, escaped)
    return escaped.replace("\n", "<br>\n")
