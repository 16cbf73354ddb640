"""Held or planned, and which meetings are distinct rows.

Invented sentences; the people and their countries come from tests.test_meetings.PEOPLE.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from pipeline.article import TimeExpr
from pipeline.meetings.extract import extract_meetings
from pipeline.meetings.merge import merge_meetings
from tests.test_meetings import make_article, meetings_of


def rows(meetings) -> list[tuple]:
    return sorted(((tuple(sorted(m.participants)), m.date, m.mode, m.status) for m in meetings),
                  key=lambda r: (r[0], r[1] or date.min, r[2], r[3]))


# --- an agreement or a promise to meet plans a meeting -----------------------------------

def test_agreed_on_a_day_to_meet_on_another_is_planned_for_that_day(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga and Tomas Lind agreed on Monday to meet on Friday.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}
    assert m.status == "planned" and m.date == date(2025, 3, 14)


def test_meeting_without_an_agreement_stays_held(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga and Tomas Lind met on Monday in Geneva.")
    assert m.status == "held" and m.date == date(2025, 3, 10)


def test_countries_vowing_to_hold_talks_plan_a_meeting(lexicon):
    [m] = meetings_of(lexicon, "China and Japan vowed to hold working-level talks on export controls.")
    assert set(m.participants) == {"China", "Japan"} and m.status == "planned"


def test_the_day_of_a_pledge_does_not_date_the_talks(lexicon):
    [m] = meetings_of(lexicon, "China and Japan pledged on Monday to hold talks on export controls.")
    assert m.status == "planned" and m.date is None


def test_pledge_about_something_else_is_no_meeting(lexicon):
    assert meetings_of(lexicon, "China and Japan pledged on Monday to cut tariffs on steel.") == []


def test_promise_of_other_sides_does_not_take_a_person_from_another_meeting(lexicon):
    found = meetings_of(lexicon, "Ida Berg met Paul Hart on Monday. China and Japan vowed to hold talks.")
    assert ("China", "Japan") in [tuple(sorted(m.participants)) for m in found]
    assert all(set(m.participants) in ({"Ida Berg", "Paul Hart"}, {"China", "Japan"}) for m in found)


# --- distinct meetings of the same people -------------------------------------------------

def test_a_call_and_a_meeting_of_the_same_pair_are_two_rows(lexicon):
    found = meetings_of(lexicon, "Paul Hart spoke with Zhou Ming by phone on Tuesday. "
                                 "Hart and Zhou met in Geneva on Thursday.")
    assert [(m.mode, m.status) for m in sorted(found, key=lambda m: m.date)] == [
        ("phone", "held"), ("in_person", "held")]


def test_a_second_mention_of_the_same_meeting_is_one_row(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart met Zhou Ming in Geneva on Tuesday. The talks between Hart and Zhou "
                               "lasted three hours.")
    assert m.location == "Geneva"


def test_a_call_in_a_relative_clause_and_a_planned_meeting_are_two_rows(lexicon):
    found = meetings_of(lexicon, "Lena Varga and Tomas Lind, who spoke by phone on Friday, will meet next week.")
    assert rows(found) == [
        (("Lena Varga", "Tomas Lind"), None, "in_person", "planned"),
        (("Lena Varga", "Tomas Lind"), date(2025, 3, 14), "phone", "held")]


def test_a_relative_clause_without_a_meeting_stays_in_its_sentence_meeting(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming, who is a commerce minister, will meet Paul Hart on Friday.")
    assert set(m.participants) == {"Zhou Ming", "Paul Hart"} and m.status == "planned"


def test_a_visit_going_on_with_planned_talks_is_still_one_meeting(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart met Zhou Ming in Geneva on Tuesday. The two will hold discussions.")
    assert m.status == "held" and m.mode == "in_person"


# --- "the two sides vowed to hold talks": the countries of the meeting just reported ------

def test_two_sides_vowing_talks_after_a_meeting_plan_a_meeting_of_their_countries(lexicon):
    found = meetings_of(lexicon, "Paul Hart met Zhou Ming in Geneva on Monday. "
                                 "The two sides pledged to hold working-level talks.")
    planned = [m for m in found if m.status == "planned"]
    assert [set(m.participants) for m in planned] == [{"United States", "China"}]
    assert planned[0].date is None
    assert [set(m.participants) for m in found if m.status == "held"] == [{"Paul Hart", "Zhou Ming"}]


def test_two_sides_vowing_something_else_plan_no_meeting(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart met Zhou Ming in Geneva on Monday. Both sides vowed to cut tariffs.")
    assert m.status == "held" and set(m.participants) == {"Paul Hart", "Zhou Ming"}


def test_a_promise_long_after_the_meeting_does_not_borrow_its_sides(lexicon):
    found = meetings_of(lexicon, "Paul Hart met Zhou Ming in Geneva on Monday. Steel prices rose. Ports were busy. "
                                 "Shipping rates fell. The two sides pledged to hold working-level talks.")
    assert {"United States", "China"} not in [set(m.participants) for m in found]


# --- across articles: a call and a meeting of the same pair that day stay apart ------------

def _stored(article_id: str, mode: str, status: str = "held", day: str = "2025-03-12", place: str = "") -> dict:
    return {"article_ids": [article_id], "participants": ["Lena Varga", "Tomas Lind"], "date": day,
            "location": place, "occasion": "", "mode": mode, "status": status}


def test_merge_keeps_a_call_apart_from_a_meeting_in_a_place_the_same_day():
    out = merge_meetings(pd.DataFrame([_stored("a1", "phone"), _stored("a2", "in_person", place="Oslo")]))
    assert sorted(out["mode"]) == ["in_person", "phone"] and list(out["source_count"]) == [1, 1]


def test_merge_joins_a_call_and_talks_in_person_only_by_habit():
    # "held talks" with no place is in person by habit; another report of the day may say it was a call
    out = merge_meetings(pd.DataFrame([_stored("a1", "phone"), _stored("a2", "in_person")]))
    assert list(out["source_count"]) == [2]


def test_merge_joins_two_reports_of_one_call():
    out = merge_meetings(pd.DataFrame([_stored("a1", "phone"), _stored("a2", "video")]))
    assert list(out["source_count"]) == [2]


def test_merge_puts_a_report_that_does_not_say_how_with_the_only_kind_known():
    out = merge_meetings(pd.DataFrame([_stored("a1", "unknown"), _stored("a2", "phone")]))
    assert list(out["source_count"]) == [2] and list(out["mode"]) == ["phone"]
    out = merge_meetings(pd.DataFrame([_stored("a1", "unknown"), _stored("a2", "in_person", place="Oslo")]))
    assert list(out["source_count"]) == [2]


def test_merge_keeps_held_and_planned_and_two_days_apart():
    out = merge_meetings(pd.DataFrame([_stored("a1", "in_person"), _stored("a2", "in_person", "planned"),
                                       _stored("a3", "in_person", day="2025-03-14")]))
    assert list(out["source_count"]) == [1, 1, 1]


# --- a place is not borrowed from a meeting only known to be "last week" --------------------

def _with_last_week(text: str):
    article = make_article(text)
    at = text.index("last week")
    article.dates.append(TimeExpr("last week", at, at + len("last week"), date(2025, 3, 3), "week",
                                  max(i for i, (s, _) in enumerate(article.sentences) if s <= at)))
    article.dates.sort(key=lambda t: t.start)
    return article


def test_a_dated_meeting_does_not_borrow_the_city_of_last_weeks_meeting(lexicon):
    article = _with_last_week("Lena Varga and Tomas Lind met in Geneva last week. Paul Hart met Zhou Ming on Tuesday.")
    found = {frozenset(m.participants): m for m in extract_meetings(article, lexicon).meetings}
    assert found[frozenset({"Lena Varga", "Tomas Lind"})].location == "Geneva"
    assert found[frozenset({"Paul Hart", "Zhou Ming"})].location == ""


def test_a_dated_meeting_still_borrows_the_city_of_a_meeting_days_before(lexicon):
    found = {frozenset(m.participants): m for m in meetings_of(
        lexicon, "Lena Varga met Tomas Lind in Geneva on Monday. Paul Hart met Zhou Ming on Tuesday.")}
    assert found[frozenset({"Paul Hart", "Zhou Ming"})].location == "Geneva"
