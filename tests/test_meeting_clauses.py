"""Clause shapes of meetings: talks opened on a day by countries, follow-on sentences with no
meeting noun, courtesy calls on several people, and two meetings of different modes in one
sentence. Invented sentences; the whole pipeline runs (names found by their titles).
"""
from __future__ import annotations

from datetime import date

from pipeline.article import Article
from pipeline.process import process_article

PUBLISHED = date(2025, 11, 5)   # a Wednesday: Monday is the 3rd, Tuesday the 4th


def meetings(lexicon, text: str):
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw=PUBLISHED.isoformat())
    return process_article(article, lexicon).meetings


def rows(ms) -> list[tuple]:
    return sorted((tuple(sorted(m.participants)), m.date, m.location, m.mode, m.status) for m in ms)


# --- talks opened on a day are talks held that day ------------------------------------------------

def test_countries_opening_talks_in_a_city_on_a_day_held_them_that_day(lexicon):
    assert rows(meetings(lexicon, "Sweden and Chile opened talks in Santiago on Monday on a trade deal.")) == [
        (("Chile", "Sweden"), date(2025, 11, 3), "Santiago", "in_person", "held")]


def test_launching_negotiations_on_a_day_is_a_held_round(lexicon):
    [m] = meetings(lexicon, "Canada and Japan launched negotiations on a digital trade pact in Tokyo on Tuesday.")
    assert (m.date, m.location, m.status) == (date(2025, 11, 4), "Tokyo", "held")


def test_starting_consultations_on_a_day_is_a_held_round(lexicon):
    [m] = meetings(lexicon, "Norway and Peru started formal consultations in Lima on Monday.")
    assert (m.date, m.location, m.status) == (date(2025, 11, 3), "Lima", "held")


def test_agreeing_to_open_talks_stays_a_plan(lexicon):
    [m] = meetings(lexicon, "Sweden and Chile agreed to open talks in Santiago on Monday.")
    assert m.status == "planned" and m.date is None


def test_opening_talks_next_month_stays_a_plan(lexicon):
    [m] = meetings(lexicon, "Norway and Peru will open talks in Lima next month.")
    assert m.status == "planned" and m.date is None


def test_setting_up_a_working_group_on_a_day_is_no_held_meeting(lexicon):
    assert all(m.status == "planned" and m.date is None
               for m in meetings(lexicon, "Canada and Japan set up a working group on steel on Monday."))


def test_talks_opened_in_a_year_are_no_day(lexicon):
    assert all(m.date is None for m in meetings(lexicon, "Sweden and Chile, which opened talks in 2023, "
                                                         "have yet to settle farm tariffs."))


# --- signings by two people whose titles are several words -----------------------------------------

def test_a_signing_by_people_with_compound_titles_is_a_meeting(lexicon):
    [m] = meetings(lexicon, "US Interior Secretary Mark Dalton and Canadian Fisheries and Oceans Minister "
                            "Claire Dubois signed an agreement in Ottawa on Tuesday.")
    assert set(m.participants) == {"Mark Dalton", "Claire Dubois"}
    assert (m.date, m.location, m.status) == (date(2025, 11, 4), "Ottawa", "held")


def test_a_pact_signed_by_people_with_compound_titles_is_a_meeting(lexicon):
    ms = meetings(lexicon, "A fisheries pact was signed by Australian Home Affairs Minister Sam Kerr and "
                           "Indonesian Marine Affairs and Fisheries Minister Dewi Lestari in Jakarta on Friday.")
    assert [set(m.participants) for m in ms] == [{"Sam Kerr", "Dewi Lestari"}]


def test_one_person_signing_beside_a_lowercase_aside_is_no_meeting(lexicon):
    assert meetings(lexicon, "US Interior Secretary Mark Dalton and officials from the agency he leads "
                             "signed an order in Washington on Tuesday.") == []


def test_two_people_of_one_country_signing_are_no_meeting(lexicon):
    assert meetings(lexicon, "Canadian Trade Minister Claire Dubois and Canadian Fisheries and Oceans Minister "
                             "Luc Moreau signed a memo in Ottawa on Tuesday.") == []


# --- plural calls on a list of people: one meeting each ---------------------------------------------

def test_courtesy_calls_on_two_people_are_two_meetings(lexicon):
    ms = meetings(lexicon, "Indian Commerce Minister Ravi Menon paid courtesy calls on Kenyan President Daniel Otieno "
                           "and Prime Minister Grace Wanjiru in Nairobi on Monday.")
    assert sorted(tuple(sorted(m.participants)) for m in ms) == [("Daniel Otieno", "Ravi Menon"),
                                                                  ("Grace Wanjiru", "Ravi Menon")]
    assert all((m.location, m.date) == ("Nairobi", date(2025, 11, 3)) for m in ms)


def test_phone_calls_with_two_people_are_two_calls(lexicon):
    ms = meetings(lexicon, "Brazilian Foreign Minister Paulo Reis held phone calls with Mexican Economy Secretary "
                           "Laura Ortiz and Argentine Foreign Minister Diego Sosa on Tuesday.")
    assert sorted(tuple(sorted(m.participants)) for m in ms) == [("Diego Sosa", "Paulo Reis"), ("Laura Ortiz", "Paulo Reis")]
    assert all(m.mode == "phone" for m in ms)


def test_one_courtesy_call_on_two_people_is_one_meeting(lexicon):
    [m] = meetings(lexicon, "Indian Commerce Minister Ravi Menon paid a courtesy call on Kenyan President Daniel Otieno "
                            "and Prime Minister Grace Wanjiru in Nairobi on Monday.")
    assert set(m.participants) == {"Ravi Menon", "Daniel Otieno", "Grace Wanjiru"}


def test_a_meeting_with_two_people_is_one_meeting(lexicon):
    [m] = meetings(lexicon, "Brazilian Foreign Minister Paulo Reis held a meeting with Mexican Economy Secretary "
                            "Laura Ortiz and Argentine Foreign Minister Diego Sosa in Lima on Tuesday.")
    assert len(m.participants) == 3


# --- a relative clause inside a leading meeting phrase ----------------------------------------------

LINDQVIST_ROJAS = "Swedish Trade Minister Tomas Lindqvist and Chilean Foreign Minister Ana Rojas"


def test_a_relative_clause_in_the_leading_meeting_phrase_keeps_the_meeting_whole(lexicon):
    [m] = meetings(lexicon, f"In a meeting in Geneva that ran past lunch, {LINDQVIST_ROJAS} settled the dispute.")
    assert set(m.participants) == {"Tomas Lindqvist", "Ana Rojas"} and (m.location, m.status) == ("Geneva", "held")


def test_the_day_told_in_the_relative_clause_is_the_meetings(lexicon):
    [m] = meetings(lexicon, f"During talks in Oslo that lasted six hours on Monday, {LINDQVIST_ROJAS} settled the dispute.")
    assert (m.location, m.date) == ("Oslo", date(2025, 11, 3))


def test_a_which_clause_in_the_leading_phrase(lexicon):
    [m] = meetings(lexicon, f"At a meeting in Hanoi, which was closed to the press, {LINDQVIST_ROJAS} discussed "
                            "rice exports on Tuesday.")
    assert (m.location, m.date) == ("Hanoi", date(2025, 11, 4))


def test_a_person_named_in_the_relative_clause_is_no_party(lexicon):
    ms = meetings(lexicon, "At talks in Geneva that Peruvian Trade Minister Luis Quispe did not attend, "
                           f"{LINDQVIST_ROJAS} settled the dispute.")
    assert all("Luis Quispe" not in m.participants for m in ms)


def test_a_leading_report_is_no_meeting(lexicon):
    assert meetings(lexicon, f"In a report that ran to 40 pages, {LINDQVIST_ROJAS} set out their positions.") == []


# --- a follow-on sentence with no meeting noun --------------------------------------------------------

MET = "Swedish Trade Minister Tomas Lindqvist met Chilean Foreign Minister Ana Rojas in Santiago on Monday.\n"


def test_the_two_sitting_down_again_is_a_second_meeting_on_its_own_day(lexicon):
    ms = meetings(lexicon, MET + "The two sat down again on Tuesday.")
    assert sorted((m.date, m.status) for m in ms) == [(date(2025, 11, 3), "held"), (date(2025, 11, 4), "held")]
    assert all(set(m.participants) == {"Tomas Lindqvist", "Ana Rojas"} for m in ms)


def test_they_sitting_down_together_is_a_second_meeting(lexicon):
    ms = meetings(lexicon, MET + "They sat down together on Tuesday to go over the text.")
    assert sorted(m.date for m in ms) == [date(2025, 11, 3), date(2025, 11, 4)]


def test_speaking_again_by_phone_is_a_call_of_those_people(lexicon):
    ms = meetings(lexicon, MET + "They spoke again by phone on Friday.")
    assert ("phone", date(2025, 10, 31)) in {(m.mode, m.date) for m in ms}


def test_sitting_down_to_write_is_no_meeting(lexicon):
    assert len(meetings(lexicon, MET + "Lindqvist later sat down to write his report on Tuesday.")) == 1


def test_an_audience_sitting_down_is_no_meeting(lexicon):
    assert meetings(lexicon, "The delegates sat down again after the anthem on Tuesday.") == []


# --- two meetings of different modes in one sentence ----------------------------------------------------

def test_officials_meeting_a_week_before_a_video_call_keep_their_city_and_mode(lexicon):
    ms = meetings(lexicon, f"{LINDQVIST_ROJAS} spoke by video on Monday, a week after their officials met in Pretoria.")
    assert rows(ms) == [(("Ana Rojas", "Tomas Lindqvist"), date(2025, 11, 3), "", "video", "held"),
                        (("Chile", "Sweden"), None, "Pretoria", "in_person", "held")]


def test_officials_of_the_two_countries_days_before_a_call_are_the_countries(lexicon):
    ms = meetings(lexicon, "Norwegian Fisheries Minister Kari Dahl and Peruvian Trade Minister Luis Quispe held a phone "
                           "call on Tuesday, days after negotiators of the two countries held talks in Lima.")
    assert rows(ms) == [(("Kari Dahl", "Luis Quispe"), date(2025, 11, 4), "", "phone", "held"),
                        (("Norway", "Peru"), None, "Lima", "in_person", "held")]


def test_talks_after_which_the_named_people_spoke_are_theirs(lexicon):
    ms = meetings(lexicon, f"{LINDQVIST_ROJAS} announced the deal on Monday after talks in Geneva.")
    assert all(set(m.participants) == {"Tomas Lindqvist", "Ana Rojas"} for m in ms)   # no row of the countries


def test_a_week_after_something_else_is_one_meeting(lexicon):
    ms = meetings(lexicon, f"{LINDQVIST_ROJAS} met in Geneva on Monday, a week after the tariffs took effect.")
    assert rows(ms) == [(("Ana Rojas", "Tomas Lindqvist"), date(2025, 11, 3), "Geneva", "in_person", "held")]


def test_their_officials_preparing_a_text_is_no_meeting(lexicon):
    ms = meetings(lexicon, f"{LINDQVIST_ROJAS} met in Geneva on Monday after their officials prepared the text.")
    assert len(ms) == 1


def test_the_city_a_person_spent_the_day_in_is_the_next_sentences_meetings(lexicon):
    [m] = meetings(lexicon, "Norwegian Fisheries Minister Kari Dahl spent Monday in Lima. In a meeting at the trade "
                            "ministry that ran into the evening, Dahl and Peruvian Trade Minister Luis Quispe went "
                            "through a list of disputes.")
    assert (m.date, m.location, m.status) == (date(2025, 11, 3), "Lima", "held")


def test_a_city_told_without_presence_lends_no_place(lexicon):
    [m] = meetings(lexicon, "Norwegian Fisheries Minister Kari Dahl praised Lima on Monday. In a meeting at the trade "
                            "ministry, Dahl and Peruvian Trade Minister Luis Quispe went through a list of disputes.")
    assert m.location == ""


# --- "spoke by video (on a day) with" -------------------------------------------------------------------

def test_speaking_by_video_with_someone_is_a_video_call(lexicon):
    [m] = meetings(lexicon, "Norwegian Fisheries Minister Kari Dahl spoke by video with Chilean Economy Minister "
                            "Ana Rojas on Monday.")
    assert (set(m.participants), m.mode, m.date) == ({"Kari Dahl", "Ana Rojas"}, "video", date(2025, 11, 3))


def test_a_day_between_spoke_and_with_keeps_the_call(lexicon):
    [m] = meetings(lexicon, "Norwegian Fisheries Minister Kari Dahl spoke by video on Monday with Chilean Economy "
                            "Minister Ana Rojas.")
    assert (m.mode, m.date) == ("video", date(2025, 11, 3))


def test_speaking_at_a_forum_beside_someone_is_no_call(lexicon):
    assert meetings(lexicon, "Norwegian Fisheries Minister Kari Dahl spoke at a forum on Monday, and Chilean Economy "
                             "Minister Ana Rojas spoke after her.") == []


def test_speaking_with_a_compatriot_is_no_meeting(lexicon):
    assert meetings(lexicon, "Norwegian Fisheries Minister Kari Dahl spoke on Monday with Norwegian Trade Minister "
                             "Ola Berg.") == []


def test_a_time_phrase_before_the_leading_meeting_phrase(lexicon):
    ms = meetings(lexicon, "Earlier in the week, in talks in Toronto that stretched past midnight on Monday, officials "
                           "of Canada and Mexico settled the last dispute over steel quotas.")
    assert rows(ms) == [(("Canada", "Mexico"), date(2025, 11, 3), "Toronto", "in_person", "held")]
