"""Processing one article: a list of named steps, each `Article -> Article`.

`process_article` is a pure function of the article and the read-only
lexicons in `data/`, so a batch can be mapped over processes unchanged.
"""
from __future__ import annotations

import hashlib
import re
from typing import Callable

from pipeline.article import Article
from pipeline.lexicon.lexicon import Lexicon
from pipeline.clean.boilerplate import clean_article
from pipeline.copies.signature import sign_article
from pipeline.dates.expressions import resolve_dates
from pipeline.entities.mentions import extract_entities
from pipeline.errors import StepFailed, TradeTalksError
from pipeline.meetings.extract import extract_meetings
from pipeline.dates.published import resolve_published
from pipeline.quotes.extract import extract_quotes
from pipeline.tags.tagger import tag_article
from pipeline.text.folding import fold
from pipeline.text.sentences import sentence_spans


def article_id_for(text: str) -> str:
    """A hash of the folded, punctuation-light text: whitespace and quote styles don't matter."""
    key = re.sub(r"[^\w]+", " ", fold(text)).strip()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def identify(article: Article, lexicon: Lexicon) -> Article:
    article.article_id = article_id_for(article.text)
    return article


def split_sentences(article: Article, lexicon: Lexicon) -> Article:
    article.sentences = sentence_spans(article.text)
    return article


STEPS: list[tuple[str, Callable[[Article, Lexicon], Article]]] = [
    ("clean", clean_article),
    ("identify", identify),
    ("signature", sign_article),
    ("published", resolve_published),
    ("sentences", split_sentences),
    ("dates", resolve_dates),
    ("entities", extract_entities),
    ("tags", tag_article),
    ("meetings", extract_meetings),
    ("quotes", extract_quotes),
]

EXTRACTION_STEPS = {"dates", "entities", "tags", "meetings", "quotes"}


def process_article(article: Article, lexicon: Lexicon, steps=STEPS) -> Article:
    """Run `steps` on the article with `lexicon`; the result depends on nothing else.

    A user error a step raises (a `TradeTalksError`) goes up as it is; anything else
    is a bug, raised as `StepFailed` naming the step, with the original as its cause.
    """
    for name, step in steps:
        try:
            article = step(article, lexicon)
        except TradeTalksError:
            raise
        except Exception as exc:  # a bug in one step must not sink the batch: name it
            raise StepFailed(name, article.origin, exc) from exc
    return article
