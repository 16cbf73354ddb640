"""Meeting parties: exactly the sides that met, no more and no fewer.

Invented sentences; the people and their countries come from tests.test_meetings.PEOPLE.
"""
from __future__ import annotations

from tests.test_meetings import meetings_of


def people(meetings) -> list[set[str]]:
    return sorted((set(m.participants) for m in meetings), key=sorted)


# --- a person merely mentioned is not a party -------------------------------------------

def test_person_named_as_owner_of_a_policy_is_not_a_party(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Wednesday to discuss Paul Hart's tariffs.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}


def test_owner_of_the_talks_is_still_a_party(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart's talks with Zhou Ming in Geneva on Wednesday covered export licences.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"}


def test_person_reporting_the_meeting_is_not_a_party(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga and Zhou Ming, in their meeting on Monday, discussed steel quotas, "
                               "Foreign Secretary Paul Hart said.")
    assert set(m.participants) == {"Lena Varga", "Zhou Ming"}


def test_reporter_who_is_also_named_as_a_side_stays(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart met Zhou Ming in Geneva on Monday, Hart said.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"}


# --- lists of participants ---------------------------------------------------------------

def test_long_list_with_oxford_comma_keeps_its_last_member(lexicon):
    [m] = meetings_of(lexicon, "The fourth ministerial meeting on Sunday was attended by Hungarian Minister of "
                               "Foreign Affairs and Trade Lena Varga, Swedish Minister for Foreign Trade and "
                               "Development Tomas Lind, and Japanese Minister of Economy, Trade and Industry Sato Kenji.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind", "Sato Kenji"}


def test_topic_after_the_list_is_not_a_side(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Monday to discuss a long list of "
                               "grievances about steel quotas and fishing rights, including a dispute with China.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}


def test_met_with_two_people_separately_is_two_meetings(lexicon):
    ms = meetings_of(lexicon, "In Geneva on Friday, Lena Varga met in person with Tomas Lind and "
                              "Zhou Ming separately for a new round of negotiations.")
    assert people(ms) == [{"Lena Varga", "Tomas Lind"}, {"Lena Varga", "Zhou Ming"}]


def test_met_with_two_people_together_is_one_meeting(lexicon):
    [m] = meetings_of(lexicon, "In Geneva on Friday, Lena Varga met Tomas Lind and Zhou Ming for a new round of talks.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind", "Zhou Ming"}


def test_pronoun_subject_of_separate_talks(lexicon):
    text = ("Lena Varga arrived in Geneva on Monday.\n"
            "She also held separate talks with Tomas Lind and Zhou Ming.")
    ms = meetings_of(lexicon, text)
    assert people(ms) == [{"Lena Varga", "Tomas Lind"}, {"Lena Varga", "Zhou Ming"}]

# --- counterparts named by their country ---------------------------------------------------

def test_separate_talks_with_counterparts_of_two_countries(lexicon):
    text = ("Lena Varga, Tomas Lind and Sato Kenji met in Geneva on Sunday for their first joint meeting.\n"
            "Following the joint meeting, Varga held separate bilateral talks with her Swedish and Japanese counterparts.")
    ms = meetings_of(lexicon, text)
    assert people(ms) == [{"Lena Varga", "Sato Kenji"}, {"Lena Varga", "Sato Kenji", "Tomas Lind"},
                          {"Lena Varga", "Tomas Lind"}]


def test_counterpart_of_a_country_nobody_names_is_the_country(lexicon):
    text = "Lena Varga has met with her Swedish and Chinese counterparts to discuss trade, her office said."
    ms = meetings_of(lexicon, text)
    assert people(ms) == [{"Lena Varga", "China"}, {"Lena Varga", "Sweden"}]


def test_one_counterpart_is_not_split(lexicon):
    text = ("Tomas Lind arrived in Budapest on Monday.\n"
            "Lena Varga met her Swedish counterpart on Tuesday.")
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}


def test_counterparts_met_together_are_one_meeting(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga held trilateral talks with her Swedish and Japanese counterparts "
                               "in Geneva on Sunday.")
    assert set(m.participants) == {"Lena Varga", "Sweden", "Japan"}


def test_role_subject_of_separate_meetings_is_the_person_named_before(lexicon):
    text = ("Tomas Lind arrived in Geneva on Thursday.\n"
            "On Friday, the Swedish minister met in person with Lena Varga and Zhou Ming separately.")
    ms = meetings_of(lexicon, text)
    assert people(ms) == [{"Lena Varga", "Tomas Lind"}, {"Tomas Lind", "Zhou Ming"}]


def test_three_names_with_oxford_comma_are_one_subject(lexicon):
    [m] = meetings_of(lexicon, "Trade Minister Lena Varga, Finance Minister Ida Berg, and Economy Minister Tomas Lind "
                               "are all attending the talks with Zhou Ming in Geneva on Monday.")
    assert set(m.participants) == {"Lena Varga", "Ida Berg", "Tomas Lind", "Zhou Ming"}


def test_comma_and_before_a_new_subject_still_starts_a_clause(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Zhou Ming in Geneva on Monday, and Tomas Lind met Sato Kenji in Tokyo on Tuesday.")
    assert people(ms) == [{"Lena Varga", "Zhou Ming"}, {"Sato Kenji", "Tomas Lind"}]


def test_officials_from_two_countries_are_two_sides(lexicon):
    [m] = meetings_of(lexicon, "Officials from the Netherlands and Japan were in Geneva on Monday for talks "
                               "with Paul Hart on export controls.")
    assert set(m.participants) == {"Paul Hart", "Netherlands", "Japan"}


def test_a_place_after_from_is_no_side(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart, back from the Netherlands, met Zhou Ming in Geneva on Monday.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"}


# --- sides left implicit ------------------------------------------------------------------

def test_both_countries_are_the_two_named_before(lexicon):
    text = ("Sweden and Japan signed a customs accord on Monday.\n"
            "Officials from both countries will hold regular talks on steel.")
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Sweden", "Japan"} and m.status == "planned"


def test_the_three_nations_are_the_three_named_before(lexicon):
    text = ("The trade ministers of Sweden, Japan and Hungary signed an accord in Geneva on Sunday.\n"
            "The accord comes after last year's summit of the three nations' leaders.")
    ms = meetings_of(lexicon, text)
    assert {"Sweden", "Japan", "Hungary"} in [set(m.participants) for m in ms]


def test_both_countries_with_more_countries_around_is_no_meeting(lexicon):
    text = ("Sweden, Japan and Hungary signed a customs accord on Monday.\n"
            "Officials from both countries will hold regular talks on steel.")
    assert meetings_of(lexicon, text) == []


def test_both_countries_as_a_topic_is_no_side(lexicon):
    text = ("Sweden and Japan signed a customs accord on Monday.\n"
            "The ministers said further discussions would be valuable to both countries.")
    assert meetings_of(lexicon, text) == []


def test_three_countries_with_oxford_comma_met_together(lexicon):
    [m] = meetings_of(lexicon, "The trade ministers of Sweden, Hungary, and Japan met in Geneva on Sunday.")
    assert set(m.countries) == {"Sweden", "Hungary", "Japan"} and m.location == "Geneva"


def test_their_ministers_are_the_countries_of_the_sentence(lexicon):
    ms = meetings_of(lexicon, "Sweden and Japan settled the dispute when their trade ministers met in Geneva last month.")
    assert [set(m.participants) for m in ms] == [{"Sweden", "Japan"}]


def test_their_ministers_without_countries_is_no_meeting(lexicon):
    assert meetings_of(lexicon, "The dispute was settled when their trade ministers met in Geneva last month.") == []


# --- multilateral gatherings: the people named plus the bloc for the unnamed rest ------------

def test_bloc_leaders_are_the_bloc(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga met ASEAN leaders in Jakarta on Monday.")
    assert set(m.participants) == {"Lena Varga", "ASEAN"}


def test_named_person_and_the_other_members(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga met Zhou Ming and other G20 leaders in Osaka on Monday.")
    assert set(m.participants) == {"Lena Varga", "Zhou Ming", "G20"}


# --- one subject, several "with" objects ------------------------------------------------------

def test_with_one_and_with_another_on_other_days_is_two_meetings(lexicon):
    ms = meetings_of(lexicon, "Sweden will sit down with the trade minister of Japan on Tuesday "
                              "and with the industry minister of Hungary on Wednesday.")
    rows = sorted((tuple(sorted(m.participants)), str(m.date)) for m in ms)
    assert rows == [(("Hungary", "Sweden"), "2025-03-12"), (("Japan", "Sweden"), "2025-03-11")]


def test_with_and_a_topic_is_one_meeting(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga held talks with Tomas Lind on steel and with an eye on fishing rights.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}


# --- the people behind country sides, named in the next sentences ------------------------------

def test_speakers_of_the_session_are_the_sides(lexicon):
    text = ("Sweden and Japan held talks in Geneva on Monday.\n"
            "Tomas Lind opened the session saying quotas hurt both; his Japanese counterpart Sato Kenji "
            "replied that tariffs would fall.")
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Tomas Lind", "Sato Kenji"}


def test_a_person_merely_quoted_next_is_no_side(lexicon):
    text = ("Sweden and Japan held talks in Geneva on Monday.\n"
            "Tomas Lind said quotas hurt both countries.")
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Sweden", "Japan"}


def test_relative_clause_reporting_a_past_meeting_is_a_meeting_without_date(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga, who met Tomas Lind last year, said the quotas were unfair.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"} and m.date is None
