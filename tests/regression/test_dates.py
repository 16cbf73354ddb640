"""Regression cases for the dates stage whose wording comes from dev-set articles, each beside an
invented variant that exercises the same mechanism."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.article import Article
from pipeline.clean.boilerplate import clean_article
from pipeline.dates.expressions import resolve_dates
from pipeline.dates.published import resolve_published
from pipeline.text.sentences import sentence_spans

INGEST = date(2026, 11, 23)
LEAD = "China's commerce ministry said the two ministers discussed export controls and supply chains."


def expressions(lexicon, text: str, published: date | None) -> list[tuple[str, date | None, str]]:
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published=published)
    article.sentences = sentence_spans(article.text)
    return [(t.text, t.value, t.precision) for t in resolve_dates(article, lexicon).dates]


def published(lexicon, *lines: str, **fields) -> Article:
    art = Article(origin="t.txt", raw_text="\n".join(lines), ingest_date=INGEST, **fields)
    return resolve_published(clean_article(art, lexicon), lexicon)


# --- expressions ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("They were due to meet in Bangkok on Sunday.", date(2025, 11, 2)),              # dev set
    ("The envoys were due to confer in Tallinn on Sunday.", date(2025, 11, 2)),      # invented
])
def test_past_of_a_future_cue_keeps_the_day_itself(lexicon, sentence, expected):
    assert [e[1] for e in expressions(lexicon, sentence, date(2025, 11, 2))] == [expected]


@pytest.mark.parametrize("text, published_on, expected", [
    ("Talks began Thursday morning (19 September) in Brussels.", date(2024, 9, 20),              # dev set
     ("Thursday morning (19 September)", date(2024, 9, 19), "day")),
    ("Talks opened Tuesday evening (14 October) in Lisbon.", date(2025, 10, 15),                 # invented
     ("Tuesday evening (14 October)", date(2025, 10, 14), "day")),
    ("He meets Xi on Monday (September 9, 2024) in Beijing.", None,                              # dev set
     ("Monday (September 9, 2024)", date(2024, 9, 9), "day")),
    ("She sees the premier on Wednesday (March 5, 2025) in Hanoi.", None,                         # invented
     ("Wednesday (March 5, 2025)", date(2025, 3, 5), "day")),
])
def test_weekday_with_a_parenthesised_date(lexicon, text, published_on, expected):
    assert expressions(lexicon, text, published_on)[0] == expected


# --- publication date -------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("Sept. 9, 2024 01:41 pm IST", date(2024, 9, 9)),      # dev set
    ("Oct. 14, 2025 09:05 am CET", date(2025, 10, 14)),    # invented
])
def test_header_with_a_time(lexicon, raw, expected):
    art = published(lexicon, LEAD, published_raw=raw, published_hint="header")
    assert (art.published, art.published_source) == (expected, "header")


@pytest.mark.parametrize("line, expected", [
    ("- Published Date: 11:52 | 03 December 2024", date(2024, 12, 3)),    # dev set
    ("- Posted on: 08:30 | 17 March 2025", date(2025, 3, 17)),            # invented
])
def test_metadata_line(lexicon, line, expected):
    art = published(lexicon, line, LEAD)
    assert (art.published, art.published_source) == (expected, "metadata")


@pytest.mark.parametrize("line, expected", [
    ("UPDATED at 5:47 p.m. ET on 2024-01-26", date(2024, 1, 26)),            # dev set
    ("Last updated at 9:12 a.m. GMT on 2025-02-11", date(2025, 2, 11)),     # invented
])
def test_metadata_beats_inference(lexicon, line, expected):
    art = published(lexicon, line, "Talks were held on Sunday (November 2).")
    assert (art.published, art.published_source) == (expected, "metadata")


@pytest.mark.parametrize("lead, expected", [
    ("BEIJING, Sept. 29 (Xinhua) -- China firmly opposes the move, a spokesperson said Monday.",   # dev set
     date(2025, 9, 29)),
    ("ROME, Oct. 13 (Agenzia) -- Italy rejects the plan, a ministry official said Monday.",        # invented
     date(2025, 10, 13)),
])
def test_yearless_dateline_takes_the_weekday_of_its_lead(lexicon, lead, expected):
    art = published(lexicon, lead)
    assert (art.published, art.published_source) == (expected, "inferred")


@pytest.mark.parametrize("sentence, expected", [
    ("The ministers met on Thursday morning (19 September) in Brussels.", date(2024, 9, 19)),   # dev set
    ("The envoys met on Tuesday evening (14 October) in Lisbon.", date(2025, 10, 14)),          # invented
    ("Blinken met Wang in Beijing on Friday (Apr 26) to discuss trade.", date(2024, 4, 26)),     # dev set
    ("Lind met Zhou in Hanoi on Monday (Feb 3) to discuss rice.", date(2025, 2, 3)),            # invented
    ("Sanchez landed late Sunday (September 8, 2024) in Beijing.", date(2024, 9, 8)),           # dev set
    ("Ruiz arrived late Saturday (March 8, 2025) in Quito.", date(2025, 3, 8)),                 # invented
])
def test_weekday_expression_forms(lexicon, sentence, expected):
    art = published(lexicon, sentence)
    assert (art.published, art.published_source) == (expected, "inferred")


@pytest.mark.parametrize("past, future, expected", [
    ("The ministers met on Wednesday (18 September) in Brussels.",                     # dev set
     "Member states will vote next Wednesday (25 September) on the duties.", date(2024, 9, 18)),
    ("The envoys met on Tuesday (14 October) in Lisbon.",                              # invented
     "Member states will vote next Tuesday (21 October) on the levies.", date(2025, 10, 14)),
])
def test_future_expressions_do_not_push_the_date_forward(lexicon, past, future, expected):
    assert published(lexicon, past, future).published == expected


@pytest.mark.parametrize("first, second, expected", [
    ("The ministers are due to hold talks on Thursday (19 September).",                # dev set
     "Member states will vote next Wednesday (25 September) on the duties.", date(2024, 9, 19)),
    ("The envoys are scheduled to confer on Wednesday (15 October).",                 # invented
     "Member states will vote next Tuesday (21 October) on the levies.", date(2025, 10, 15)),
])
def test_only_future_expressions_give_the_earliest(lexicon, first, second, expected):
    art = published(lexicon, first, second)
    assert (art.published, art.published_source) == (expected, "inferred")


@pytest.mark.parametrize("agreeing, outlier, expected", [
    ("The ministers met on Wednesday (18 September) and again on Thursday (19 September).",   # dev set
     "The minister recalled the talks of Sunday (November 2).", date(2024, 9, 19)),
    ("The envoys met on Tuesday (14 October) and again on Wednesday (15 October).",           # invented
     "The minister recalled the talks of Saturday (November 7).", date(2025, 10, 15)),
])
def test_an_outlier_that_would_be_latest_is_outvoted(lexicon, agreeing, outlier, expected):
    assert published(lexicon, agreeing, outlier).published == expected
