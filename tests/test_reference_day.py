"""The day relative expressions count from: the publication day, or the dateline's day near it."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.article import Article
from pipeline.dates.expressions import reference_day

THU = date(2026, 3, 5)


def day(lexicon, lead: str, published: date = THU) -> date | None:
    return reference_day(Article(origin="t.txt", raw_text=lead, paragraphs=[lead], published=published), lexicon)


@pytest.mark.parametrize("lead,expected", [
    ("TOKYO, March 3 (Wire) - Ministers met.", date(2026, 3, 3)),     # filed two days before
    ("TOKYO, March 6 (Wire) - Ministers met.", date(2026, 3, 6)),     # a zone ahead of the header's clock
    ("TOKYO, March 9 (Wire) - Ministers met.", THU),                  # too far ahead: a slip
    ("TOKYO, Feb 3 (Wire) - Ministers met.", THU),                    # a month old: a slip
    ("TOKYO (Wire) - Ministers met.", THU),
    ("WASHINGTON – March 3, 2026 – Today the ministers met.", date(2026, 3, 3)),   # a release's dated line
    ("Washington, D.C. (March 2, 2026) – Today the ministers met.", date(2026, 3, 2)),
    ("WASHINGTON – February 3, 2026 – Today the ministers met.", THU),           # a month old: a slip
])
def test_dateline_day_near_publication(lexicon, lead, expected):
    assert day(lexicon, lead) == expected


def test_dateline_across_the_new_year(lexicon):
    assert day(lexicon, "SEOUL, Jan 1 (Wire) - Ministers met.", date(2025, 12, 31)) == date(2026, 1, 1)
    assert day(lexicon, "SEOUL, Dec 31 (Wire) - Ministers met.", date(2026, 1, 2)) == date(2025, 12, 31)


def test_no_publication_day_no_reference(lexicon):
    assert day(lexicon, "TOKYO, March 6 (Wire) - Ministers met.", None) is None
