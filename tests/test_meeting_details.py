"""A matched meeting's day, place and status across sentences and clauses: a clock time does not
end a sentence before its zone, a day after "through" ends the talks, a planned meeting's bare
weekday lies ahead, a pointer sentence gives the place it names, and two meetings of one pair
said in one sentence stay two ("met on Monday and again on Wednesday", "met ... and agreed to
meet again in Tokyo")."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.article import Article
from pipeline.meetings.filed import dateline
from pipeline.process import process_article
from pipeline.text.sentences import sentence_spans

WED = date(2025, 11, 5)   # a Wednesday
PAIR = {"Wang Wentao", "Howard Lutnick"}


def meetings(lexicon, text: str, published: date = WED):
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw=published.isoformat())
    rows = [m for m in process_article(article, lexicon).meetings if PAIR <= set(m.participants)]
    return sorted(rows, key=lambda m: (m.date or date.min, m.status))


def row(lexicon, text: str, published: date = WED):
    (m,) = meetings(lexicon, text, published)
    return m


# -- sentences ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "They met at 10 a.m. Beijing time on Tuesday.",
    "The call began at 9 p.m. Washington time.",
    "Talks opened at 8 a.m. Tokyo Time on Monday.",
])
def test_a_clock_time_and_its_zone_are_one_sentence(text):
    assert len(sentence_spans(text)) == 1


@pytest.mark.parametrize("text", [
    "They met at 10 a.m. Beijing said nothing.",
    "The call ended at 9 p.m. Officials left.",
])
def test_a_clock_time_still_ends_a_sentence(text):
    assert len(sentence_spans(text)) == 2


def test_a_meeting_at_a_clock_time_keeps_its_day(lexicon):
    text = "Wang Wentao met Howard Lutnick at 10 a.m. Beijing time on Tuesday. The two discussed chips."
    assert row(lexicon, text).date == date(2025, 11, 4)


# -- days ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Wang Wentao and Howard Lutnick will hold talks through Friday in Geneva.",
    "Wang Wentao and Howard Lutnick held talks in Geneva until Monday.",
])
def test_the_last_day_of_talks_is_not_their_day(lexicon, text):
    assert row(lexicon, text).date is None


def test_talks_from_one_day_through_another_take_the_first(lexicon):
    text = "Wang Wentao and Howard Lutnick will hold talks in Geneva from Monday through Wednesday."
    assert row(lexicon, text).date == date(2025, 11, 10)


@pytest.mark.parametrize("text, expected", [
    ("A deal is near, pending a Friday call between Wang Wentao and Howard Lutnick.", date(2025, 11, 7)),
    ("Wang Wentao is expected to meet Howard Lutnick on Monday in Geneva.", date(2025, 11, 10)),
])
def test_a_planned_meeting_on_a_bare_weekday_lies_ahead(lexicon, text, expected):
    m = row(lexicon, text)
    assert (m.date, m.status) == (expected, "planned")


def test_a_held_meeting_on_a_bare_weekday_lies_behind(lexicon):
    text = "Wang Wentao met Howard Lutnick on Monday ahead of the summit."
    assert row(lexicon, text).date == date(2025, 11, 3)


# -- pointers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("follow", [
    "The talks in Geneva were the first since January.",
    "The meeting in Geneva lasted three hours.",
    "Their meeting in Geneva was described as candid.",
])
def test_a_pointer_sentence_places_the_meeting(lexicon, follow):
    text = "Wang Wentao met Howard Lutnick on Monday to discuss chips. " + follow
    m = row(lexicon, text)
    assert (m.location, m.date) == ("Geneva", date(2025, 11, 3))


@pytest.mark.parametrize("follow", [
    "The factory in Geneva was closed.",
    "The talks in Geneva last month ended without a deal.",
])
def test_a_city_in_a_sentence_about_something_else_is_not_the_place(lexicon, follow):
    text = "Wang Wentao met Howard Lutnick on Monday to discuss chips. " + follow
    assert row(lexicon, text).location == ""


# -- two meetings of one pair ------------------------------------------------------------------------

def test_met_and_again(lexicon):
    text = "Wang Wentao met Howard Lutnick in Geneva on Monday and again on Tuesday."
    assert [m.date for m in meetings(lexicon, text)] == [date(2025, 11, 3), date(2025, 11, 4)]


def test_held_then_agreed_to_meet_again(lexicon):
    text = "Wang Wentao and Howard Lutnick met in Geneva on Monday and agreed to meet again in Tokyo next month."
    rows = meetings(lexicon, text)
    assert [(m.location, m.status) for m in rows] == [("Tokyo", "planned"), ("Geneva", "held")]
    assert rows[1].date == date(2025, 11, 3)


def test_a_call_that_arranged_a_meeting(lexicon):
    text = "Wang Wentao spoke with Howard Lutnick by video call on Monday and agreed to meet in Geneva next month."
    rows = meetings(lexicon, text)
    assert sorted((m.mode, m.status, m.location) for m in rows) == [
        ("in_person", "planned", "Geneva"), ("video", "held", "")]


def test_agreeing_to_keep_talking_is_the_same_meeting(lexicon):
    text = "Wang Wentao met Howard Lutnick in Geneva on Monday and agreed to hold further talks."
    m = row(lexicon, text)
    assert (m.status, m.location) == ("held", "Geneva")


# -- datelines -----------------------------------------------------------------------------------

def test_a_dateline_below_short_debris_lines(lexicon):
    paras = ["By Staff Writer", "11:02 AM", "Updated", "Share",
             "OSLO (Wire) - Wang Wentao met Howard Lutnick on Monday to discuss chips."]
    assert dateline(paras, lexicon=lexicon)[0] == "Oslo"


def test_no_dateline_deep_in_the_body(lexicon):
    body = "China and the United States have argued over chips for several years now, officials say."
    paras = [body, body, body, "OSLO (Wire) - Wang Wentao met Howard Lutnick on Monday."]
    assert dateline(paras, lexicon=lexicon)[0] == ""


# -- held or planned -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, status", [
    ("Talks between Wang Wentao and Howard Lutnick began on Monday in Geneva and will run through Friday.", "held"),
    ("Talks between Wang Wentao and Howard Lutnick are under way in Geneva and will end on Friday.", "held"),
    ("Wang Wentao met Howard Lutnick in Geneva on Monday, hoping to close a deal.", "held"),
    ("Wang Wentao will meet Howard Lutnick in Geneva next week.", "planned"),
    ("Talks between Wang Wentao and Howard Lutnick are scheduled for next week in Geneva.", "planned"),
    ("A planned visit by Wang Wentao to Geneva to meet Howard Lutnick was cancelled on Monday.", "planned"),
    ("The meeting between Wang Wentao and Howard Lutnick in Geneva was postponed.", "planned"),
])
def test_held_unless_only_planned(lexicon, text, status):
    assert row(lexicon, text).status == status


# -- earlier rounds ------------------------------------------------------------------------------

@pytest.mark.parametrize("follow, cities", [
    ("This follows talks in Tokyo and Osaka between officials of the two governments.", ["Osaka", "Tokyo"]),
    ("Previous talks were held in Brussels in July.", ["Brussels"]),
])
def test_earlier_rounds_in_named_cities(lexicon, follow, cities):
    text = "Chinese Commerce Minister Wang Wentao met US Commerce Secretary Howard Lutnick on Monday. " + follow
    article = Article(origin="t.txt", raw_text=text, paragraphs=[text], published_raw=WED.isoformat())
    rows = process_article(article, lexicon).meetings
    assert sorted(m.location for m in rows if not m.date) == cities
    assert [m.location for m in rows if m.date] == [""]


def test_a_where_clause_is_set_at_the_day_before_it(lexicon):
    text = "Wang Wentao will travel on to Geneva on Friday, where he is expected to meet Howard Lutnick."
    m = row(lexicon, text)
    assert (m.date, m.location, m.status) == (date(2025, 11, 7), "Geneva", "planned")


def test_a_where_clause_does_not_take_the_day_of_a_statement(lexicon):
    text = "Officials said on Monday that Wang Wentao would go to Geneva, where he is expected to meet Howard Lutnick."
    assert row(lexicon, text).date is None


@pytest.mark.parametrize("text", [
    "Wang Wentao wrapped up a five-day visit to Geneva on Monday, where he held talks with Howard Lutnick.",
    "Wang Wentao and Howard Lutnick concluded talks in Geneva on Monday.",
])
def test_the_day_a_trip_or_talks_ended_dates_no_meeting(lexicon, text):
    assert row(lexicon, text).date is None


def test_talks_counted_in_days_take_their_first_day(lexicon):
    text = "Wang Wentao and Howard Lutnick concluded three days of talks in Geneva on Monday."
    assert row(lexicon, text).date == date(2025, 11, 1)


def test_talks_that_ended_on_the_day_they_began(lexicon):
    text = "Wang Wentao met Howard Lutnick in Geneva on Monday; the talks ended without a deal."
    assert row(lexicon, text).date == date(2025, 11, 3)


@pytest.mark.parametrize("text", [
    "Wang Wentao flew to Geneva on Sunday. He met Howard Lutnick there on Monday.",
    "Wang Wentao travelled to Geneva, and on Monday he held talks there with Howard Lutnick.",
])
def test_there_is_the_city_said_before(lexicon, text):
    assert row(lexicon, text).location == "Geneva"


def test_an_existential_there_places_nothing(lexicon):
    text = "Wang Wentao flew to Geneva on Sunday. There were talks with Howard Lutnick on Monday."
    assert all(m.location != "Geneva" or m.date is None for m in meetings(lexicon, text))


@pytest.mark.parametrize("follow", ["The talks on Tuesday covered chips.", "The meeting, on Tuesday, covered chips."])
def test_a_pointer_sentence_dates_the_meeting(lexicon, follow):
    text = "Wang Wentao held talks with Howard Lutnick in Geneva. " + follow
    assert row(lexicon, text).date == date(2025, 11, 4)


def test_days_count_from_the_dateline_of_a_story_filed_before_publication(lexicon):
    text = "GENEVA, Nov 3 (Wire) - Wang Wentao met Howard Lutnick on Tuesday to discuss chips."
    assert row(lexicon, text).date == date(2025, 10, 28)
    text = "GENEVA, Nov 5 (Wire) - Wang Wentao met Howard Lutnick on Tuesday to discuss chips."
    assert row(lexicon, text).date == date(2025, 11, 4)
    text = "GENEVA, Oct 3 (Wire) - Wang Wentao met Howard Lutnick on Tuesday to discuss chips."   # a month old: a slip
    assert row(lexicon, text).date == date(2025, 11, 4)


def test_a_call_days_before_their_planned_meeting(lexicon):
    text = "Wang Wentao and Howard Lutnick held a video call on Monday, days before their planned meeting in Geneva."
    rows = meetings(lexicon, text)
    assert sorted((m.mode, m.status, m.location) for m in rows) == [
        ("in_person", "planned", "Geneva"), ("video", "held", "")]


def test_will_host(lexicon):
    m = row(lexicon, "Howard Lutnick will host Wang Wentao in Washington on Dec. 3.")
    assert (m.date, m.location, m.status) == (date(2025, 12, 3), "Washington", "planned")
    assert meetings(lexicon, "Howard Lutnick will host a host of events in Washington on Dec. 3.") == []


def test_here_is_the_dateline_city(lexicon):
    text = "LIMA (Wire) - Wang Wentao will meet Howard Lutnick here next week to discuss chips."
    m = row(lexicon, text)
    assert (m.location, m.status) == ("Lima", "planned")
    text = "LIMA (Wire) - Wang Wentao will meet Howard Lutnick next week. Here is what to expect."
    assert row(lexicon, text).location == ""


def test_a_clock_time_before_a_parenthesis():
    assert len(sentence_spans("They met at 9 a.m. (0100 GMT) on Tuesday. Nothing was agreed.")) == 2


def test_a_meeting_of_the_trip_takes_the_dateline_city_that_here_named(lexicon):
    text = ("LIMA (Wire) - Wang Wentao held talks with Howard Lutnick here on the sidelines of the summit.\n"
            "Before his meeting with Lutnick, Wang met Maros Sefcovic.\n"
            "Wang also raised the case of a factory in Shenzhen.")
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw=WED.isoformat())
    rows = process_article(article, lexicon).meetings
    assert {m.location for m in rows if "Maros Sefcovic" in m.participants} == {"Lima"}


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao arrived in Geneva on Monday. The next day he met Howard Lutnick.", date(2025, 11, 4)),
    ("Wang Wentao arrived in Geneva on Monday. Two days later, he met Howard Lutnick.", date(2025, 11, 5)),
    ("Wang Wentao arrived in Geneva on Monday and met Howard Lutnick the following day.", date(2025, 11, 4)),
    ("Wang Wentao arrived in Geneva on Monday and met Howard Lutnick that evening.", date(2025, 11, 3)),
    ("Wang Wentao met Howard Lutnick on Monday and flew home the following day.", date(2025, 11, 3)),
    ("Lutnick spoke to reporters on Tuesday. Later that day, Wang Wentao met Howard Lutnick.", date(2025, 11, 4)),
])
def test_a_day_counted_from_the_day_said_before(lexicon, text, expected):
    assert row(lexicon, text).date == expected


# -- a later visit is not this week's meeting --------------------------------------------------------

def test_a_visit_agreed_for_next_year_is_a_meeting_of_its_own(lexicon):
    text = "Wang Wentao met Howard Lutnick in Geneva on Monday. The two agreed that Lutnick would visit Beijing next year."
    article = Article(origin="t.txt", raw_text=text, paragraphs=[text], published_raw=WED.isoformat())
    rows = {(tuple(sorted(m.participants)), m.location, m.status) for m in process_article(article, lexicon).meetings}
    assert rows == {(("Howard Lutnick", "Wang Wentao"), "Geneva", "held"), (("China", "Howard Lutnick"), "Beijing", "planned")}


def test_his_visit_to_a_capital_points_back(lexicon):
    text = "Howard Lutnick met Wang Wentao in Beijing on Monday. His visit to Beijing was the first in two years."
    assert [m.location for m in meetings(lexicon, text)] == ["Beijing"]


def test_talks_an_invitation_offers_were_not_held(lexicon):
    assert meetings(lexicon, "Wang Wentao invited Howard Lutnick to Beijing for talks.") == []


def test_a_city_state_dateline(lexicon):
    assert dateline(["SINGAPORE (Wire) - Wang Wentao met Howard Lutnick on Monday."], lexicon=lexicon)[0] == "Singapore"
    assert dateline(["CHINA (Wire) - Wang Wentao met Howard Lutnick on Monday."], lexicon=lexicon)[0] == ""


def test_officials_in_a_city_who_said_do_not_place_the_meeting(lexicon):
    text = "Officials in Beijing said Wang Wentao met Howard Lutnick on Monday."
    assert row(lexicon, text).location == ""
