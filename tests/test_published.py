"""Publication date: header, metadata lines, datelines, weekday inference, user date, unknown."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.article import Article
from pipeline.clean.boilerplate import clean_article
from pipeline.dates.published import infer_year, parse_date, resolve_published
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon

SEEDS = Path(__file__).resolve().parents[1] / "data" / "samples"   # the two seed articles, as given
INGEST = date(2026, 11, 23)
LEAD = "China's commerce ministry said the two ministers discussed export controls and supply chains."


def published_with(lexicon, *lines: str, ingest: date | None = INGEST, **fields) -> Article:
    art = Article(origin="t.txt", raw_text="\n".join(lines), ingest_date=ingest, **fields)
    return resolve_published(clean_article(art, lexicon), lexicon)


@pytest.fixture
def published(lexicon):
    """lines, ingest=..., Article fields -> the cleaned article with its publication date."""
    return lambda *lines, **kw: published_with(lexicon, *lines, **kw)


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
    ("Oct. 14, 2025 09:05 am CET", date(2025, 10, 14)),
    ("Fri, 30 May 2025 10:00:00 GMT", date(2025, 5, 30)),
    ("2025/05/30", date(2025, 5, 30)),
    ("05.03.2026", date(2026, 3, 5)),           # dotted: the day comes first
    ("Do, 05.03.2026 14:20", date(2026, 3, 5)),
    ("2026-03-05T14:22:00+09:00", date(2026, 3, 5)),
])
def test_header_formats(published, raw, expected):
    art = published(LEAD, published_raw=raw, published_hint="header")
    assert (art.published, art.published_source) == (expected, "header")


def test_header_source_follows_the_hint(published):
    art = published(LEAD, published_raw="2024-12-03", published_hint="metadata")
    assert art.published_source == "metadata"


def test_header_beats_inference(published):
    art = published("The ministry said on Sunday (November 2) that talks were held.", published_raw="2025-11-05")
    assert (art.published, art.published_source) == (date(2025, 11, 5), "header")


@pytest.mark.parametrize("raw", ["unknown", "Unknown", "n/a", "soon", "2025-13-45"])
def test_unusable_header_is_ignored(published, raw):
    art = published("The ministry said on Sunday (November 2) that talks were held.", published_raw=raw)
    assert (art.published, art.published_source) == (date(2025, 11, 2), "inferred")


@pytest.mark.parametrize("raw", ["2025-13-01", "2025/13/01", "2025-02-30", "2025-00-10", "31.13.2025",
                                 "published 2024-14-02 09:00"])
def test_a_numeric_date_naming_no_real_day_is_unread_not_swapped(lexicon, raw):
    # month 13 does not exist: reading the fields in another order would invent a different day
    assert parse_date(raw, lexicon) is None


def test_an_impossible_header_date_leaves_the_date_to_the_text(published):
    art = published("The ministry said on Sunday (November 2) that talks were held.", published_raw="2025-13-01")
    assert (art.published, art.published_source) == (date(2025, 11, 2), "inferred")


def test_parse_date_rejects_partial_dates(lexicon):
    assert parse_date("November 2", lexicon) is None
    assert parse_date("11:52", lexicon) is None
    assert parse_date("", lexicon) is None
    assert parse_date("30 February 2025", lexicon) is None


def test_month_names_come_from_the_lexicon(tmp_path, lexicon):
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, folder)
    path = folder / "date_patterns.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["months"]["noviembre"] = 11
    path.write_text(json.dumps(data), encoding="utf-8")
    other = Lexicon.load(folder)
    assert parse_date("2 noviembre 2025", other) == date(2025, 11, 2)
    assert parse_date("2 noviembre 2025", lexicon) is None
    art = published_with(other, "QUITO, 2 noviembre 2025 - Ecuador said it would hold talks.")
    assert (art.published, art.published_source) == (date(2025, 11, 2), "metadata")


# --- b. dropped metadata lines ------------------------------------------------------------

def test_metadata_line_date(published):
    art = published("- Posted on: 08:30 | 17 March 2025", LEAD)
    assert (art.published, art.published_source) == (date(2025, 3, 17), "metadata")


@pytest.mark.parametrize("line", ["Publication date: 17 March 2025", "Date of publication: March 17, 2025",
                                  "Issue date: 17.03.2025"])
def test_a_publication_or_issue_date_label(published, line):
    art = published(line, LEAD)
    assert (art.published, art.published_source) == (date(2025, 3, 17), "metadata")


@pytest.mark.parametrize("line", ["By Ana Ruiz | March 5, 2026", "By Ana Ruiz, 5 March 2026"])
def test_byline_date(published, line):
    art = published(line, LEAD)
    assert (art.published, art.published_source) == (date(2026, 3, 5), "metadata")


def test_published_stamp_beats_updated_stamp(published):
    art = published("Updated: 5 December 2024", "Published: 3 December 2024", LEAD)
    assert art.published == date(2024, 12, 3)


def test_metadata_beats_inference(published):
    art = published("Last updated at 9:12 a.m. GMT on 2025-02-11", "Talks were held on Sunday (November 2).")
    assert (art.published, art.published_source) == (date(2025, 2, 11), "metadata")


# --- c. datelines --------------------------------------------------------------------------

def test_dateline_with_year(published):
    art = published("TOKYO, March 3, 2025 - Japan said it would raise the issue with China at the talks.")
    assert (art.published, art.published_source) == (date(2025, 3, 3), "metadata")


def test_dateline_without_year_uses_the_weekday_of_its_lead(published):
    art = published("ROME, Oct. 13 (Agenzia) -- Italy rejects the plan, a ministry official said Monday.")
    assert (art.published, art.published_source) == (date(2025, 10, 13), "inferred")
    art = published("Valletta, 13 October: Malta will not sign, the minister told reporters on Monday.")
    assert (art.published, art.published_source) == (date(2025, 10, 13), "inferred")


def test_dateline_in_any_form_gives_its_date(published):
    for line in ("Tallinn, March 3, 2025 (Agentuur)--Estonia said", "DETROIT, the United States, 3 March 2025 - Talks",
                 "Rio de Janeiro, Mar. 3, 2025: Brazil said", "LIMA, March 3rd, 2025 — Peru said"):
        art = published(line + " it would raise the issue at the talks.")
        assert (art.published, art.published_source) == (date(2025, 3, 3), "metadata"), line


def test_a_sentence_or_a_label_is_no_dateline(published):
    for line in ("Officials said, March 3, 2025 - the day talks ended - that tariffs stay.",
                 "ANALYSIS: March 3, 2025 - the day tariffs doubled.",
                 "On Monday, March 3, 2025 - the day tariffs doubled - markets fell."):
        art = published(line)
        assert art.published_source != "metadata", line


def test_dateline_without_year_or_weekday_gives_nothing(published):
    art = published("BEIJING, Nov 2 (Reuters) - China said it would hold talks with Japan.")
    assert (art.published, art.published_source) == (None, "unknown")


# --- d. inference from weekday-dated expressions ---------------------------------------------

def test_seed_000_is_inferred_as_2025_11_02(lexicon):
    files = sorted(SEEDS.glob("000_*.txt"))
    assert files, f"no seed in {SEEDS}"
    for ingest in (date(2026, 11, 23), date(2025, 11, 2), date(2031, 11, 1)):
        art = resolve_published(clean_article(Article(origin="000.txt", raw_text=files[0].read_text("utf-8"),
                                                      ingest_date=ingest), lexicon), lexicon)
        assert (art.published, art.published_source) == (date(2025, 11, 2), "inferred")


@pytest.mark.parametrize("sentence,expected", [
    ("Officials met in Brussels on Sunday, November 2, the ministry said.", date(2025, 11, 2)),
    ("Officials met in Brussels on Sunday, 2 November, the ministry said.", date(2025, 11, 2)),
    ("The envoys met on Tuesday evening (14 October) in Lisbon.", date(2025, 10, 14)),
    ("Lind met Zhou in Hanoi on Monday (Feb 3) to discuss rice.", date(2025, 2, 3)),
    ("Ruiz arrived late Saturday (March 8, 2025) in Quito.", date(2025, 3, 8)),
    ("Ruiz arrived on Monday (3rd of February) in Quito.", date(2025, 2, 3)),
])
def test_weekday_expression_forms(published, sentence, expected):
    art = published(sentence)
    assert (art.published, art.published_source) == (expected, "inferred")


def test_latest_past_expression_is_the_publication_date(published):
    art = published("The ministry said on Sunday (November 2) that the ministers met last Thursday (October 30).")
    assert art.published == date(2025, 11, 2)


def test_future_expressions_do_not_push_the_date_forward(published):
    art = published("The envoys met on Tuesday (14 October) in Lisbon.",
                    "Member states will vote next Tuesday (21 October) on the levies.")
    assert art.published == date(2025, 10, 14)


def test_only_future_expressions_give_the_earliest(published):
    art = published("The envoys are scheduled to confer on Wednesday (15 October).",
                    "Member states will vote next Tuesday (21 October) on the levies.")
    assert (art.published, art.published_source) == (date(2025, 10, 15), "inferred")


def test_inconsistent_expression_is_outvoted(published):
    # Tuesday 11 September last fell in 2018; the other two agree on 2025
    art = published("The talks on Sunday (November 2) followed a meeting on Thursday (October 30).",
                    "The minister recalled the attacks of Tuesday (September 11).")
    assert art.published == date(2025, 11, 2)


def test_an_outlier_that_would_be_latest_is_outvoted(published):
    # Saturday 7 November fits 2026 (or 2020), far from the two expressions that agree on October 2025
    art = published("The envoys met on Tuesday (14 October) and again on Wednesday (15 October).",
                    "The minister recalled the talks of Saturday (November 7).")
    assert art.published == date(2025, 10, 15)


def test_no_weekday_expression_means_no_inference(published):
    art = published("The ministers met on November 2 in Gyeongju.", "They spoke again on Sunday.")
    assert (art.published, art.published_source) == (None, "unknown")


def test_ingest_date_defaults_to_today(published):
    art = published("The ministry said on Sunday (November 2) that talks were held.", ingest=None)
    assert art.published is not None and art.published <= date.today()
    assert art.published.weekday() == 6 and (art.published.month, art.published.day) == (11, 2)


# --- e./f. the user's date, or nothing ---------------------------------------------------------

def test_user_date_only_when_nothing_else(published):
    user = date(2024, 1, 1)
    art = published(LEAD, user_published=user)
    assert (art.published, art.published_source) == (user, "user")
    art = published("Talks were held on Sunday (November 2).", user_published=user)
    assert (art.published, art.published_source) == (date(2025, 11, 2), "inferred")
    art = published(LEAD, published_raw="2025-05-30", user_published=user)
    assert (art.published, art.published_source) == (date(2025, 5, 30), "header")


def test_unknown_when_nothing_is_found(published):
    art = published(LEAD, published_raw="unknown")
    assert (art.published, art.published_source) == (None, "unknown")


def test_an_unreadable_header_date_is_said_with_what_was_done_instead(published):
    art = published("The ministry said on Sunday (November 2) that talks were held.", published_raw="2025-13-01")
    assert art.warnings == ["its date '2025-13-01' is not a day that can be read (write it YYYY-MM-DD); "
                            "the date was inferred from the text"]
    art = published("Talks were held.", published_raw="2025-13-01")
    assert art.published is None and art.warnings[0].endswith("it is stored without a date")
    assert published("Talks were held.", published_raw="n/a").warnings == []        # no date stated
    assert published("Talks were held.", published_raw="2025-05-30").warnings == []  # read
