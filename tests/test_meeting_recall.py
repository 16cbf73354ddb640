"""Meetings told in wording the first rules were not written for: meeting nouns of other
English usages ("had working session with", "paid a courtesy call on", "an online talk"),
and secondary meetings lower in an article.

Invented sentences; the people and their countries come from tests.test_meetings.PEOPLE.
"""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.article import Article
from pipeline.process import process_article
from tests.test_meetings import meetings_of


def sides(ms) -> list[set[str]]:
    return sorted((set(m.participants) for m in ms), key=sorted)


# --- meeting nouns of other usages -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Lena Varga had working session with Tomas Lind in Budapest on Monday.",
    "On Monday, Lena Varga held a working session with Swedish counterpart Tomas Lind.",
    "Tomas Lind and Lena Varga had a working session on steel quotas on Monday.",
])
def test_a_working_session_is_a_meeting(lexicon, text):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"} and m.status == "held"


@pytest.mark.parametrize("text", [
    "Lena Varga paid a courtesy call to Tomas Lind on Monday.",
    "On Monday, Tomas Lind paid a courtesy call on Lena Varga in Budapest.",
    "Before leaving, Zhou Ming paid a farewell call on Paul Hart on Monday.",
])
def test_a_courtesy_call_is_paid_in_person(lexicon, text):
    [m] = meetings_of(lexicon, text)
    assert len(m.participants) == 2 and m.mode == "in_person" and m.status == "held"


@pytest.mark.parametrize("text", [
    "Earlier this week, Lena Varga also had an online talk with Tomas Lind on steel.",
    "Zhou Ming will hold online talks with Paul Hart on Tuesday.",
    "Lena Varga and Tomas Lind met online on Monday to discuss quotas.",
])
def test_online_talks_are_video(lexicon, text):
    [m] = meetings_of(lexicon, text)
    assert len(m.participants) == 2 and m.mode == "video" and m.location == ""


@pytest.mark.parametrize("text", [
    "Lena Varga chaired a working session of the Hungarian cabinet on Monday.",
    "Tomas Lind said the online talk show had invited Lena Varga.",
    "Lena Varga posted the agreement online after Tomas Lind praised it on Monday.",
    "Zhou Ming calls on Paul Hart to lift the tariffs, out of courtesy to the exporters.",
])
def test_other_usages_without_a_meeting(lexicon, text):
    assert meetings_of(lexicon, text) == []


# --- a bilateral body due to meet --------------------------------------------------------------

HELD = "Lena Varga met Tomas Lind in Budapest on Monday.\n"


@pytest.mark.parametrize("text, place", [
    ("The next meeting of the Hungarian-Swedish Joint Economic Commission is scheduled to be held in Stockholm "
     "in the first half of 2026.", "Stockholm"),
    ("The two sides agreed to hold the fourth meeting of the Hungary\u2013Sweden Joint Committee on Trade in "
     "Stockholm in late May.", "Stockholm"),
    ("The joint commission will meet in Stockholm in May.", "Stockholm"),
    ("Officials said the Hungary \u2013 Sweden working group will meet in the autumn.", ""),
])
def test_a_bilateral_body_due_to_meet_is_a_planned_meeting_of_its_countries(lexicon, text, place):
    ms = meetings_of(lexicon, HELD + text)
    planned = [m for m in ms if m.status == "planned"]
    assert [(set(m.participants), m.location) for m in planned] == [({"Hungary", "Sweden"}, place)]


def test_a_body_named_by_two_other_countries_meets_on_its_day(lexicon):
    ms = meetings_of(lexicon, HELD + "The EU-China trade committee will meet in Brussels on Thursday.")
    [m] = [m for m in ms if m.status == "planned"]
    assert set(m.participants) == {"European Union", "China"}
    assert (m.location, m.date) == ("Brussels", date(2025, 3, 20))


@pytest.mark.parametrize("text", [
    "The European Commission will publish its proposal on Tuesday.",
    "The joint committee has met 12 times since 2010.",
    "The trade committee of the European Parliament will vote on the deal on Thursday.",
    "Lind said a meeting of the joint committee could take place in Stockholm in May.",
    "The technical committee would meet in June.",
    "The next session of the Swedish parliament's trade committee will be held in May.",
])
def test_no_bilateral_body_or_no_plan_is_no_row(lexicon, text):
    ms = meetings_of(lexicon, HELD + text)
    assert [m.status for m in ms] == ["held"]


# --- people taken from the right sentence ------------------------------------------------------

def test_his_counterpart_after_an_organisations_chief_is_the_subjects(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met World Bank President Paul Hart on Wednesday, a day after talks with "
                              "her Swedish counterpart.\n"
                              "Varga and Tomas Lind held talks on the sidelines of the council on Tuesday.")
    assert sides(ms) == [{"Lena Varga", "Paul Hart"}, {"Lena Varga", "Tomas Lind"}]


def test_the_object_right_after_met_is_no_owner_of_her_counterpart(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Paul Hart on Wednesday, a day after talks with her Swedish counterpart.")
    assert not any("Paul Hart" in m.participants and "Sweden" in m.countries and "Lena Varga" not in m.participants
                   for m in ms)


def test_the_two_ministers_are_the_pair_still_spoken_of(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Zhou Ming in Geneva on Wednesday.\n"
                              "Varga and Tomas Lind held talks on the sidelines of the council on Tuesday.\n"
                              "Lind said that Sweden would cut its duties.\n"
                              "The two ministers will meet again in Stockholm next month.")
    [m] = [m for m in ms if m.status == "planned"]
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"} and m.location == "Stockholm"


def test_the_two_ministers_are_the_latest_pair_when_both_are_still_spoken_of(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Monday.\n"
                              "Varga met Zhou Ming in Geneva on Tuesday.\n"
                              "Zhou said that China would cut its duties.\n"
                              "The two ministers will meet again in Beijing next month.")
    [m] = [m for m in ms if m.status == "planned"]
    assert set(m.participants) == {"Lena Varga", "Zhou Ming"}


def test_a_word_of_the_dateline_city_is_nobodys_name(lexicon):
    text = ("HA NOI — On Monday, Trade Minister Lena Varga had working session with Swedish Trade Minister "
            "Tomas Lind.\nOn Tuesday, Lind paid a courtesy call to Deputy Prime Minister Tran Hong Ha.")
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw="2025-03-14")
    ms = process_article(article, lexicon).meetings
    first = next(m for m in ms if "Lena Varga" in m.participants)
    assert set(first.participants) == {"Lena Varga", "Tomas Lind"}


def test_the_last_word_of_a_known_full_name_is_written_alone(lexicon):
    text = ("JAKARTA - Indonesian Trade Minister Budi Santoso met Swedish Trade Minister Tomas Lind on Monday.\n"
            "Santoso and Lind will meet again in Stockholm in May.")
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw="2025-03-14")
    article = process_article(article, lexicon)
    assert {m.canonical for m in article.mentions if m.text == "Santoso"} == {"Budi Santoso"}


# --- earlier meetings and visits lower in the article -------------------------------------------

MET = "Hungarian Trade Minister Lena Varga met Swedish Trade Minister Tomas Lind in Geneva on Monday.\n"


def _rows(lexicon, text: str):
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw="2025-11-05")
    return process_article(article, lexicon).meetings


@pytest.mark.parametrize("text, parties, place", [
    ("The two ministers first discussed a steel partnership in Stockholm in November, when Varga led a trade "
     "mission.", {"Lena Varga", "Tomas Lind"}, "Stockholm"),
    ("Swedish and Hungarian officials first discussed the arrangement in Budapest in 2024.",
     {"Sweden", "Hungary"}, "Budapest"),
])
def test_two_sides_that_discussed_something_in_a_city_at_a_time_met_there(lexicon, text, parties, place):
    rows = _rows(lexicon, MET + text)
    assert [(set(m.participants), m.status) for m in rows if m.location == place] == [(parties, "held")]


@pytest.mark.parametrize("text", [
    "The two ministers discussed the situation in Kyiv.",
    "Analysts discussed the deal in Stockholm on Tuesday.",
    "Varga discussed the deal with reporters in Stockholm on Tuesday.",
])
def test_discussing_without_two_sides_a_city_and_a_time_is_no_other_meeting(lexicon, text):
    assert len(_rows(lexicon, MET + text)) == 1


def test_a_call_is_not_the_talks_of_a_visit(lexicon):
    ms = meetings_of(lexicon, "Lena Varga visited Stockholm earlier this month for the launch of the steel talks.\n"
                              "Varga spoke with Tomas Lind again by phone on Monday.")
    assert sorted((sorted(m.participants), m.mode) for m in ms) == [
        (["Lena Varga", "Sweden"], "in_person"), (["Lena Varga", "Tomas Lind"], "phone")]


def test_talks_during_the_visit_stand_for_it(lexicon):
    ms = meetings_of(lexicon, "Lena Varga visited Stockholm on Monday.\nShe held talks with Tomas Lind there on Monday.")
    assert sides(ms) == [{"Lena Varga", "Tomas Lind"}]


# --- invitations accepted, visits paid -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tomas Lind has also accepted Varga's invitation to visit Budapest in June.",
    "Lena Varga invited Tomas Lind to visit Budapest in June, and Lind accepted with pleasure.",
    "Lena Varga invited Tomas Lind to visit Budapest in June, and Lind accepted.",
])
def test_an_accepted_invitation_is_a_planned_visit(lexicon, text):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}
    assert (m.location, m.status) == ("Budapest", "planned")


@pytest.mark.parametrize("text", [
    "Lena Varga invited Tomas Lind to visit Budapest in June, but Lind declined.",
    "Lena Varga invited Tomas Lind to visit Budapest in June.",
    "Lena Varga invited Tomas Lind to visit Budapest in June, and Lind accepted that tariffs must fall.",
])
def test_an_invitation_not_accepted_is_no_row(lexicon, text):
    assert meetings_of(lexicon, text) == []


@pytest.mark.parametrize("text", [
    "Lena Varga flew to Stockholm, where on Monday she called on Tomas Lind.",
    "On Monday, Varga called on Swedish Trade Minister Tomas Lind in Stockholm.",
])
def test_calling_on_a_person_is_a_visit(lexicon, text):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}
    assert (m.location, m.mode, m.status) == ("Stockholm", "in_person", "held")


@pytest.mark.parametrize("text", [
    "Lena Varga called on Tomas Lind to lift the tariffs on Monday.",
    "Lena Varga called on Tomas Lind and his government for restraint.",
    "Lena Varga called on Sweden to lift the tariffs.",
    "Lena Varga called upon Tomas Lind to act.",
])
def test_calling_on_someone_to_act_is_no_visit(lexicon, text):
    assert meetings_of(lexicon, text) == []


def test_a_pronoun_after_a_role_opening_the_sentence_is_that_role(lexicon):
    text = ("Premier Lena Varga met Swedish Trade Minister Tomas Lind in Stockholm on Monday.\n"
            "Lind said Sweden wanted more Hungarian grain.\n"
            "The premier then flew to Tokyo, where on Wednesday she called on Japanese Trade Minister Sato Kenji.")
    rows = _rows(lexicon, text)
    assert any(set(m.participants) == {"Lena Varga", "Sato Kenji"} for m in rows)
    assert not any({"Tomas Lind", "Sato Kenji"} <= set(m.participants) for m in rows)


@pytest.mark.parametrize("text", [
    "Tomas Lind is expected to travel to Budapest in September to sign a memorandum of understanding with Varga, "
    "Swedish officials said.",
    "Lena Varga will sign the agreement with Tomas Lind in Stockholm on Monday.",
])
def test_signing_with_a_person_of_another_country_is_a_meeting(lexicon, text):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"} and m.status == "planned"


@pytest.mark.parametrize("text", [
    "Lena Varga signed a decree on Monday with effect from May, Tomas Lind said.",
    "Lena Varga signed a contract with Volvo on Monday.",
])
def test_signing_with_no_person_of_another_country_is_no_meeting(lexicon, text):
    assert meetings_of(lexicon, text) == []


def test_a_postponed_visit_of_a_side_to_a_capital_meets_its_country(lexicon):
    [m] = meetings_of(lexicon, "A visit to Stockholm by Hungary's trade minister, planned for October, was postponed "
                               "and no new date has been set.")
    assert set(m.participants) == {"Hungary", "Sweden"}
    assert (m.location, m.status) == ("Stockholm", "planned")


@pytest.mark.parametrize("text", [
    "A visit to Budapest by the Hungarian minister was postponed.",
    "Swedish exports to Budapest rose after a visit.",
])
def test_a_visit_home_or_no_visiting_side_is_no_row(lexicon, text):
    assert meetings_of(lexicon, text) == []
