"""What the dashboard shows: the tables filtered and aggregated, in plain pandas.

The pages import from here; the work lives in one module per idea:
`prepared` (the tables indexed once per store version), `filters` (the
sidebar's choices), `aggregates` (what the charts draw), `timeline` (its marks), `reader` (one
article with its facts and evidence) and `counterparts` (who meets whom; its page imports it itself).
"""
from __future__ import annotations

from pipeline.copies.groups import copies_of
from pipeline.query.aggregates import (articles_per_period, cooccurrence, counts_of, issue_by_country,
                                       picked_tags, tag_counts_over_time, tagged_per_period)
from pipeline.query.filters import (ANY, BETWEEN, MATCHES, Filters, article_mask, filter_articles, filter_meetings,
                                    filter_quotes, filter_tags)
from pipeline.query.pickers import in_words
from pipeline.query.prepared import (UNTAGGED, TextLoader, Views, article_text, article_texts, memoised, prepare,
                                     title_from)
from pipeline.query.timeline import in_span, newest_first, timeline_marks
from pipeline.query.reader import article_facts, evidence_of, highlight

__all__ = [
    "UNTAGGED", "TextLoader", "Views", "prepare", "memoised", "title_from", "article_texts", "article_text",
    "ANY", "BETWEEN", "MATCHES", "Filters", "article_mask", "filter_articles", "filter_meetings", "filter_quotes",
    "filter_tags",
    "counts_of", "articles_per_period", "tag_counts_over_time",
    "tagged_per_period", "picked_tags",
    "issue_by_country", "cooccurrence",
    "timeline_marks", "in_span", "newest_first",
    "article_facts", "evidence_of", "highlight", "copies_of", "in_words",
]
