"""Publication date: header, metadata lines, datelines, weekday inference, user date, unknown."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.article import Article
from pipeline.clean.boilerplate import clean_article
from pipeline.dates.published import infer_year, parse_date, resolve_published
from pipeline.lexicon.lexicon import Lexicon

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
INGEST = date(2026, 11, 23)
LEAD = "China's commerce ministry said the two ministers discussed export controls and supply chains."


def published(*lines: str, ingest: date | None = INGEST, **fields) -> Article:
    art = Article(origin="t.txt", raw_text="\n".join(lines), ingest_date=ingest, **fields)
    return resolve_published(clean_article(art, Lexicon.load()))


# --- infer_year -------------------------------------------------------------------

def test_infer_year_finds_the_latest_matching_year():
    assert infer_year(11, 2, 6, date(2026, 11, 23)) == date(2025, 11, 2)   # a Sunday
    assert infer_year(10, 30, 3, date(2026, 11, 23)) == date(2025, 10, 30)  # a Thursday


def test_infer_year_never_goes_past_the_limit():
    assert infer_year(11, 2, 6, date(2031, 11, 1)) == date(2025, 11, 2)
    assert infer_year(11, 2, 6, date(2031, 11, 2)) == date(2031, 11, 2)
    assert infer_year(11, 2, 6, date(2025, 11, 1)) == date(2014, 11, 2)


def test_infer_year_leap_day_and_impossible_dates():
    assert infer_year(2, 29, 3, date(2026, 1, 1)) == date(2024, 2, 29)      # a Thursday
    assert infer_year(2, 30, 0, date(2026, 1, 1)) is None
    assert infer_year(13, 1, 0, date(2026, 1, 1)) is None


# --- a. the header -------------------------------------------------------------------

@pytest.mark.parametrize("raw,expected", [
    ("2025-05-30", date(2025, 5, 30)),
    ("2025-05-30T08:15:00Z", date(2025, 5, 30)),
    ("May 30, 2025", date(2025, 5, 30)),
    ("30 May 2025", date(2025, 5, 30)),
    ("Sept. 9, 2024 01:41 pm IST", date(2024, 9, 9)),
    ("Fri, 30 May 2025 10:00:00 GMT", date(2025, 5, 30)),
    ("2025/05/30", date(2025, 5, 30)),
])
def test_header_formats(raw, expected):
    art = published(LEAD, published_raw=raw, published_hint="header")
    assert (art.published, art.published_source) == (expected, "header")


def test_header_source_follows_the_hint():
    art = published(LEAD, published_raw="2024-12-03", published_hint="metadata")
    assert art.published_source == "metadata"


def test_header_beats_inference():
    art = published("The ministry said on Sunday (November 2) that talks were held.", published_raw="2025-11-05")
    assert (art.published, art.published_source) == (date(2025, 11, 5), "header")


@pytest.mark.parametrize("raw", ["unknown", "Unknown", "n/a", "soon", "2025-13-45"])
def test_unusable_header_is_ignored(raw):
    art = published("The ministry said on Sunday (November 2) that talks were held.", published_raw=raw)
    assert (art.published, art.published_source) == (date(2025, 11, 2), "inferred")


def test_parse_date_rejects_partial_dates():
    assert parse_date("November 2") is None
    assert parse_date("11:52") is None
    assert parse_date("") is None


# --- b. dropped metadata lines ------------------------------------------------------------

def test_metadata_line_date():
    art = published("- Published Date: 11:52 | 03 December 2024", LEAD)
    assert (art.published, art.published_source) == (date(2024, 12, 3), "metadata")


def test_published_stamp_beats_updated_stamp():
    art = published("Updated: 5 December 2024", "Published: 3 December 2024", LEAD)
    assert art.published == date(2024, 12, 3)


def test_metadata_beats_inference():
    art = published("UPDATED at 5:47 p.m. ET on 2024-01-26", "Talks were held on Sunday (November 2).")
    assert (art.published, art.published_source) == (date(2024, 1, 26), "metadata")


# --- c. datelines --------------------------------------------------------------------------

def test_dateline_with_year():
    art = published("TOKYO, March 3, 2025 - Japan said it would raise the issue with China at the talks.")
    assert (art.published, art.published_source) == (date(2025, 3, 3), "metadata")


def test_dateline_without_year_uses_the_weekday_of_its_lead():
    art = published("BEIJING, Sept. 29 (Xinhua) -- China firmly opposes the move, a spokesperson said Monday.")
    assert (art.published, art.published_source) == (date(2025, 9, 29), "inferred")


def test_dateline_without_year_or_weekday_gives_nothing():
    art = published("BEIJING, Nov 2 (Reuters) - China said it would hold talks with Japan.")
    assert (art.published, art.published_source) == (None, "unknown")


# --- d. inference from weekday-dated expressions ---------------------------------------------

def test_seed_000_is_inferred_as_2025_11_02():
    files = sorted(SEEDS.glob("000_*.txt"))
    if not files:
        pytest.skip("seed articles not found beside the project")
    for ingest in (date(2026, 11, 23), date(2025, 11, 2), date(2031, 11, 1)):
        art = resolve_published(clean_article(Article(origin="000.txt", raw_text=files[0].read_text("utf-8"),
                                                      ingest_date=ingest), Lexicon.load()))
        assert (art.published, art.published_source) == (date(2025, 11, 2), "inferred")


@pytest.mark.parametrize("sentence,expected", [
    ("Officials met in Brussels on Sunday, November 2, the ministry said.", date(2025, 11, 2)),
    ("Officials met in Brussels on Sunday, 2 November, the ministry said.", date(2025, 11, 2)),
    ("The ministers met on Thursday morning (19 September) in Brussels.", date(2024, 9, 19)),
    ("Blinken met Wang in Beijing on Friday (Apr 26) to discuss trade.", date(2024, 4, 26)),
    ("Sanchez landed late Sunday (September 8, 2024) in Beijing.", date(2024, 9, 8)),
])
def test_weekday_expression_forms(sentence, expected):
    art = published(sentence)
    assert (art.published, art.published_source) == (expected, "inferred")


def test_latest_past_expression_is_the_publication_date():
    art = published("The ministry said on Sunday (November 2) that the ministers met last Thursday (October 30).")
    assert art.published == date(2025, 11, 2)


def test_future_expressions_do_not_push_the_date_forward():
    art = published("The ministers met on Wednesday (18 September) in Brussels.",
                    "Member states will vote next Wednesday (25 September) on the duties.")
    assert art.published == date(2024, 9, 18)


def test_only_future_expressions_give_the_earliest():
    art = published("The ministers are due to hold talks on Thursday (19 September).",
                    "Member states will vote next Wednesday (25 September) on the duties.")
    assert (art.published, art.published_source) == (date(2024, 9, 19), "inferred")


def test_inconsistent_expression_is_outvoted():
    # Tuesday 11 September last fell in 2018; the other two agree on 2025
    art = published("The talks on Sunday (November 2) followed a meeting on Thursday (October 30).",
                    "The minister recalled the attacks of Tuesday (September 11).")
    assert art.published == date(2025, 11, 2)


def test_an_outlier_that_would_be_latest_is_outvoted():
    # Sunday 2 November fits 2025 (or 2014), far from the two expressions that agree on September 2024
    art = published("The ministers met on Wednesday (18 September) and again on Thursday (19 September).",
                    "The minister recalled the talks of Sunday (November 2).")
    assert art.published == date(2024, 9, 19)


def test_no_weekday_expression_means_no_inference():
    art = published("The ministers met on November 2 in Gyeongju.", "They spoke again on Sunday.")
    assert (art.published, art.published_source) == (None, "unknown")


def test_ingest_date_defaults_to_today():
    art = published("The ministry said on Sunday (November 2) that talks were held.", ingest=None)
    assert art.published is not None and art.published <= date.today()
    assert art.published.weekday() == 6 and (art.published.month, art.published.day) == (11, 2)


# --- e./f. the user's date, or nothing ---------------------------------------------------------

def test_user_date_only_when_nothing_else():
    user = date(2024, 1, 1)
    art = published(LEAD, user_published=user)
    assert (art.published, art.published_source) == (user, "user")
    art = published("Talks were held on Sunday (November 2).", user_published=user)
    assert (art.published, art.published_source) == (date(2025, 11, 2), "inferred")
    art = published(LEAD, published_raw="2025-05-30", user_published=user)
    assert (art.published, art.published_source) == (date(2025, 5, 30), "header")


def test_unknown_when_nothing_is_found():
    art = published(LEAD, published_raw="unknown")
    assert (art.published, art.published_source) == (None, "unknown")
