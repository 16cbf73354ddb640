"""Meeting shapes that had no invented case of their own: a list under "separate meetings with",
delegations headed by people written with an Oxford comma, sides left implicit, meeting words
said in other ways, heads named sentences later, a role standing for a person, a pronoun subject
before two named objects, ordinal days for two counterparts, and plans said as expectations.

Invented sentences; the people and their countries come from tests.test_meetings.PEOPLE, except
where the whole pipeline runs (then the lexicon's own people stand in).
"""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.article import Article
from pipeline.meetings.places import PlaceTables
from pipeline.process import process_article
from tests.test_meetings import meetings_of


def sides(ms) -> list[set[str]]:
    return sorted((set(m.participants) for m in ms), key=sorted)


def processed(lexicon, text: str, published: date = date(2025, 11, 5)):
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw=published.isoformat())
    return process_article(article, lexicon)


# --- 2: lists of participants ------------------------------------------------------------------

def test_separate_meetings_with_a_list_are_one_meeting_each(lexicon):
    ms = meetings_of(lexicon, "Lena Varga held separate meetings with Tomas Lind and Zhou Ming in Geneva on Monday.")
    assert sides(ms) == [{"Lena Varga", "Tomas Lind"}, {"Lena Varga", "Zhou Ming"}]
    assert all(m.location == "Geneva" and m.date == date(2025, 3, 10) for m in ms)


def test_meetings_with_three_people_are_three_bilaterals(lexicon):
    ms = meetings_of(lexicon, "Lena Varga held meetings with Tomas Lind, Zhou Ming, and Sato Kenji on Monday.")
    assert sides(ms) == [{"Lena Varga", "Sato Kenji"}, {"Lena Varga", "Tomas Lind"}, {"Lena Varga", "Zhou Ming"}]


def test_delegations_headed_by_two_people_with_an_oxford_comma(lexicon):
    [m] = meetings_of(lexicon, "Talks in Geneva on Monday between delegations headed by Trade Minister Lena Varga, "
                               "and Commerce Minister Zhou Ming, ended without a deal.")
    assert set(m.participants) == {"Lena Varga", "Zhou Ming"} and m.location == "Geneva"


def test_a_head_of_delegation_and_a_new_speaker_are_no_meeting(lexicon):
    assert meetings_of(lexicon, "The Hungarian delegation was headed by Lena Varga, and Zhou Ming said on Monday "
                                "that talks were possible.") == []


# --- 3: sides left implicit --------------------------------------------------------------------

def test_the_working_groups_meeting_is_of_the_countries_that_set_it_up(lexicon):
    ms = meetings_of(lexicon, "Sweden and Japan agreed to set up a working group on steel on Monday.\n"
                              "The working group's first meeting took place in Geneva.")
    assert any(set(m.countries) == {"Sweden", "Japan"} and m.location == "Geneva" and m.status == "held" for m in ms)


@pytest.mark.parametrize("text, countries, city, status", [
    ("Chile and Vietnam agreed on Tuesday to launch a dialogue on fisheries.\n"
     "The dialogue will hold its first session in Hanoi in June.", {"Chile", "Vietnam"}, "Hanoi", "planned"),
    ("Kenya and Norway have agreed to establish a working group on fertiliser trade.\nPrices rose in March.\n"
     "The new working group met for the first time in Nairobi last week.", {"Kenya", "Norway"}, "Nairobi", "held"),
    ("Peru and Morocco agreed to set up a working group on phosphates.\n"
     "The first meeting of the working group is scheduled to take place in Rabat in May.",
     {"Peru", "Morocco"}, "Rabat", "planned"),
])
def test_a_launched_bodys_own_meeting_is_of_the_countries_that_launched_it(lexicon, text, countries, city, status):
    [m] = meetings_of(lexicon, text)
    assert (set(m.countries), m.location, m.status) == (countries, city, status)


@pytest.mark.parametrize("text", [
    # another body: named without "the", or owned by someone else
    "Sweden and Japan agreed to set up a working group on steel on Monday.\nA working group on rice met in Oslo last year.",
    "Sweden and Japan agreed to set up a working group on steel on Monday.\nThe EU's working group met in Brussels.",
    # the body does something other than meet
    "Sweden and Japan agreed to set up a working group on steel on Monday.\nThe working group's report is due in Geneva in May.",
    # a question
    "Sweden and Japan agreed to set up a working group on steel on Monday.\nWill the working group meet in Geneva?",
])
def test_another_body_or_no_meeting_of_it_gives_the_launch_no_place(lexicon, text):
    assert all(not m.location for m in meetings_of(lexicon, text))


def test_a_bodys_meeting_with_no_body_launched_is_no_row(lexicon):
    assert meetings_of(lexicon, "Prices fell.\nThe working group's first meeting took place in Geneva.") == []


def test_her_team_seeing_officials_again_is_a_planned_meeting(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Sato Kenji in Tokyo on Monday.\n"
                              "Her team will see Japanese officials again next month.")
    assert any(m.status == "planned" and {"Hungary", "Japan"} <= set(m.countries) for m in ms)


# --- 4: meeting words said in other ways -------------------------------------------------------

@pytest.mark.parametrize("verb", ["talked about", "discussed"])
def test_two_people_talking_about_trade_met(lexicon, verb):
    [m] = meetings_of(lexicon, f"Lena Varga and Tomas Lind {verb} trade in Geneva on Monday.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}


@pytest.mark.parametrize("text, sides", [
    ("Paul Hart and Sato Kenji discussed rice quotas by phone on Friday.", {"Paul Hart", "Sato Kenji"}),
    ("Mia Costa and Zhou Ming, the two trade chiefs, discussed steel overcapacity in Lima on Tuesday.",
     {"Mia Costa", "Zhou Ming"}),
    ("Tomas Lind met Sato Kenji on Monday. On Wednesday the two discussed fishing rights again.",
     {"Tomas Lind", "Sato Kenji"}),
])
def test_two_people_discussing_something_on_a_day_met(lexicon, text, sides):
    ms = meetings_of(lexicon, text)
    assert ms and all(set(m.participants) == sides for m in ms)


@pytest.mark.parametrize("text", [
    "Lena Varga discussed trade with reporters on Monday.",        # one person
    "Tomas Lind and Ida Berg discussed the steel quota on Monday.",  # two people of one country
    "Lena Varga and Tomas Lind discussed the steel quota.",       # no day of its own
    "Tariffs and quotas were discussed in Geneva on Monday.",    # nobody
    "Lena Varga and Tomas Lind first discussed the steel quota in November.",   # a month, no day of its own
])
def test_discussing_without_two_sides_and_a_day_is_no_meeting(lexicon, text):
    assert meetings_of(lexicon, text) == []


def test_talking_about_something_alone_is_no_meeting(lexicon):
    assert meetings_of(lexicon, "Lena Varga talked about trade on Monday.") == []


def test_a_person_talked_about_is_no_side(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga and Tomas Lind talked about Zhou Ming on Monday.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}


@pytest.mark.parametrize("text, sides", [
    ("Paul Hart spoke with Sato Kenji about Zhou Ming by phone on Friday.", {"Paul Hart", "Sato Kenji"}),
    ("Mia Costa met Tomas Lind in Oslo on Tuesday to talk about Zhou Ming.", {"Mia Costa", "Tomas Lind"}),
    ("Sato Kenji and Paul Hart held talks on Monday concerning Zhou Ming.", {"Sato Kenji", "Paul Hart"}),
    ("Paul Hart held talks with Sato Kenji on Monday regarding Chinese envoy Zhou Ming.", {"Paul Hart", "Sato Kenji"}),
])
def test_a_person_the_talks_are_about_is_the_topic(lexicon, text, sides):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == sides


@pytest.mark.parametrize("text, sides", [
    ("Lena Varga talked with Tomas Lind and Zhou Ming about steel on Monday.", {"Lena Varga", "Tomas Lind", "Zhou Ming"}),
    ("Paul Hart spoke about his meeting with Zhou Ming on Friday.", {"Paul Hart", "Zhou Ming"}),
    ("Mia Costa held talks on Tuesday about the steel quota with Tomas Lind.", {"Mia Costa", "Tomas Lind"}),
])
def test_people_met_after_a_topic_are_still_sides(lexicon, text, sides):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == sides


def test_the_pair_had_last_spoken_on_a_day_is_a_row_of_its_own(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Friday.\nThe two had last spoken by phone on Monday.")
    assert sorted((m.date, m.mode) for m in ms) == [(date(2025, 3, 10), "phone"), (date(2025, 3, 14), "in_person")]


def test_the_pair_last_spoke_on_a_day_is_a_row_of_its_own(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Friday.\nThe two last spoke on Monday.")
    assert sorted(m.date for m in ms) == [date(2025, 3, 10), date(2025, 3, 14)]


def test_the_pair_speaking_to_reporters_is_no_earlier_contact(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Friday.\nThe two spoke to reporters on Monday.")
    assert m.date == date(2025, 3, 14)


def test_i_will_negotiate_with_a_country_is_planned(lexicon):
    [m] = meetings_of(lexicon, "“I will negotiate with Sweden next month,” Lena Varga said on Monday.")
    assert m.participants == ["Lena Varga", "Sweden"] and m.status == "planned"


@pytest.mark.parametrize("text", [
    "“We will never negotiate with Sweden,” Lena Varga said on Monday.",
    "“I will not negotiate with Sweden,” Lena Varga said on Monday.",
])
def test_refusing_to_negotiate_is_no_meeting(lexicon, text):
    assert meetings_of(lexicon, text) == []


# --- 6: the people behind country sides, named sentences later ---------------------------------

def test_the_head_of_a_side_and_the_companion_are_the_side(lexicon):
    [m] = meetings_of(lexicon, "China and Sweden held talks in Geneva on Monday.\n"
                               "Tomas Lind headed the Swedish side, accompanied by Ida Berg.")
    assert set(m.participants) == {"Tomas Lind", "Ida Berg", "China"}


@pytest.mark.parametrize("text, other", [
    ("Kenya and Sweden held talks in Nairobi on Tuesday.\n"
     "The Swedish delegation was led by Tomas Lind, accompanied by Ida Berg.", "Kenya"),
    ("Sweden and Chile held talks in Santiago on Monday.\nTariffs were raised first.\n"
     "Accompanied by Ida Berg, Tomas Lind headed the Swedish side.", "Chile"),
    ("Vietnam and Sweden held talks in Hanoi on Friday.\n"
     "Tomas Lind led the Swedish team and was accompanied by Ida Berg.", "Vietnam"),
])
def test_a_companion_of_the_head_is_on_the_side(lexicon, text, other):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Tomas Lind", "Ida Berg", other}


@pytest.mark.parametrize("text", [
    # nobody named after "accompanied by"
    "China and Sweden held talks in Geneva on Monday.\nTomas Lind headed the Swedish side, accompanied by two advisers.",
    # the companion of someone who heads no side
    "China and Sweden held talks in Geneva on Monday.\nTomas Lind headed the Swedish side.\n"
    "Later, Lena Varga, accompanied by Ida Berg, toured the port.",
    # a companion of another country is no member of the side
    "China and Sweden held talks in Geneva on Monday.\n"
    "Tomas Lind headed the Swedish side, accompanied by Paul Hart as an observer.",
])
def test_no_companion_named_for_the_side_adds_nobody(lexicon, text):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Tomas Lind", "China"}


def test_the_head_of_a_side_four_sentences_on(lexicon):
    [m] = meetings_of(lexicon, "China and Sweden held talks in Geneva on Monday.\nTariffs were discussed.\n"
                               "Steel was raised.\nPrices fell.\nTomas Lind headed the Swedish side.")
    assert set(m.participants) == {"Tomas Lind", "China"}


def test_a_head_named_in_the_next_sentence_is_the_side(lexicon):
    [m] = meetings_of(lexicon, "China and Sweden held talks in Geneva on Monday.\n"
                               "Tomas Lind headed the Swedish side.")
    assert set(m.participants) == {"Tomas Lind", "China"}


def test_a_person_quoted_four_sentences_on_is_no_side(lexicon):
    [m] = meetings_of(lexicon, "China and Sweden held talks in Geneva on Monday.\nTariffs were discussed.\n"
                               "Steel was raised.\nPrices fell.\nTomas Lind said prices would fall.")
    assert set(m.participants) == {"China", "Sweden"}


# --- 8: a role standing for a named person -------------------------------------------------------

def test_the_ministers_meeting_is_the_minister_named_before(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga arrived on Monday.\n"
                               "The Hungarian minister's meeting with Tomas Lind on Tuesday lasted two hours.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"} and m.date == date(2025, 3, 11)


def test_the_ministers_meeting_with_nobody_of_that_country_named_is_the_country(lexicon):
    [m] = meetings_of(lexicon, "Sato Kenji arrived on Monday.\n"
                               "The Hungarian minister's meeting with Tomas Lind on Tuesday lasted two hours.")
    assert set(m.participants) == {"Hungary", "Tomas Lind"}


def test_the_delegates_meeting_is_the_delegate_named_before(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga arrived on Monday.\n"
                               "The Hungarian delegate's meeting with Tomas Lind on Tuesday lasted two hours.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}


def test_ordinal_days_for_two_counterparts_in_one_clause(lexicon):
    ms = processed(lexicon, "China will sit down with the trade minister of Japan on the 17th and with the industry "
                            "minister of Germany on the 18th.").meetings
    assert sorted((tuple(m.participants), m.date, m.status) for m in ms) == [
        (("China", "Germany"), date(2025, 11, 18), "planned"), (("China", "Japan"), date(2025, 11, 17), "planned")]


# --- 9: a pronoun subject before two named objects ------------------------------------------------

def test_pronoun_subject_of_talks_with_two_people(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga arrived in Geneva on Monday.\nShe held talks with Tomas Lind and Zhou Ming.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind", "Zhou Ming"}


@pytest.mark.parametrize("text, subject, status", [
    ("Mia Costa flew to Oslo on Sunday.\nOn Monday she met Tomas Lind and Sato Kenji.", "Mia Costa", "held"),
    ("Paul Hart landed in Lima late on Sunday.\nHe will hold talks with Sato Kenji and Zhou Ming on Friday.",
     "Paul Hart", "planned"),
    ("Lena Varga toured a steel mill in Gdansk.\nLater she also had a round of talks with Tomas Lind and Zhou Ming.",
     "Lena Varga", "held"),
])
def test_a_pronoun_subject_joins_the_two_people_it_met(lexicon, text, subject, status):
    [m] = meetings_of(lexicon, text)
    assert subject in m.participants and len(m.participants) == 3 and m.status == status


@pytest.mark.parametrize("text", [
    # the pronoun's verb is no meeting verb: it comments on talks of others
    "Paul Hart arrived in Lima on Sunday.\nHe welcomed talks between Sato Kenji and Zhou Ming.",
    "Paul Hart arrived in Lima on Sunday.\nHe said Sato Kenji and Zhou Ming held talks on Monday.",
    "Paul Hart arrived in Lima on Sunday.\nHe hoped that Sato Kenji and Zhou Ming would meet soon.",
    # nobody named before for the pronoun to stand for
    "He held talks with Sato Kenji and Zhou Ming in Lima.",
])
def test_a_pronoun_that_is_not_the_subject_of_the_meeting_adds_nobody(lexicon, text):
    assert all("Paul Hart" not in m.participants and len(m.participants) <= 2 for m in meetings_of(lexicon, text))


def test_pronoun_subject_is_the_subject_before_not_its_counterpart(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Sato Kenji on Monday.\n"
                              "She also held separate talks with Tomas Lind and Zhou Ming.")
    assert sides(ms) == [{"Lena Varga", "Sato Kenji"}, {"Lena Varga", "Tomas Lind"}, {"Lena Varga", "Zhou Ming"}]


# --- 11: held or planned ----------------------------------------------------------------------------

def test_a_visit_expected_next_year_is_planned(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Monday. Lind is expected to visit Budapest next year.")
    assert sorted((m.location, m.status) for m in ms) == [("Budapest", "planned"), ("Geneva", "held")]


def test_a_visit_noun_expected_next_year_is_planned(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Monday. "
                              "Lind's visit to Budapest, expected next year, will focus on steel.")
    assert ("Budapest", "planned") in [(m.location, m.status) for m in ms]


@pytest.mark.parametrize("text, city, sides", [
    ("Sato Kenji met Paul Hart in Tokyo on Monday. Hart's planned visit to Beijing in May will follow.",
     "Beijing", {"Paul Hart", "China"}),
    ("Zhou Ming met Mia Costa on Friday. Costa's visit to Stockholm next month is expected to seal the deal.",
     "Stockholm", {"Mia Costa", "Sweden"}),
    ("Paul Hart met Tomas Lind in Oslo on Monday. His visit to Budapest later this year will be his first.",
     "Budapest", {"Paul Hart", "Hungary"}),
])
def test_a_planned_visit_named_by_its_noun_is_a_trip_of_its_own(lexicon, text, city, sides):
    ms = meetings_of(lexicon, text)
    assert len(ms) == 2
    [trip] = [m for m in ms if m.status == "planned"]
    assert (trip.location, set(trip.participants)) == (city, sides)


@pytest.mark.parametrize("text", [
    # the visit is told as held: a mention of a trip, not a new plan
    "Lena Varga met Tomas Lind in Geneva on Monday. Lind's visit to Budapest last week was his first since 2019.",
    "Lena Varga met Tomas Lind in Geneva on Monday. Lind's visit to Budapest, which ended on Friday, went well.",
    # home, not a visit to another country
    "Lena Varga met Tomas Lind in Geneva on Monday. Lind's visit to Stockholm next month will be short.",
    # a possibility is no plan
    "Lena Varga met Tomas Lind in Geneva on Monday. A possible visit to Budapest by Lind next year was raised.",
])
def test_a_visit_noun_held_home_or_possible_adds_no_planned_trip(lexicon, text):
    ms = meetings_of(lexicon, text)
    assert [m.status for m in ms] == ["held"]


def test_a_planned_visit_told_by_its_verb_then_its_noun_is_one_row(lexicon):
    ms = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Monday. Lind will visit Budapest next year. "
                              "Lind's visit to Budapest is expected to focus on steel.")
    assert sorted((m.location, m.status) for m in ms) == [("Budapest", "planned"), ("Geneva", "held")]


def test_a_meeting_that_happened_as_expected_was_held(lexicon):
    [m] = meetings_of(lexicon, "Tomas Lind met Lena Varga in Budapest on Monday, as had been expected for weeks.")
    assert (m.status, m.date) == ("held", date(2025, 3, 10))


# --- 20: a city written after its country ---------------------------------------------------------

@pytest.mark.parametrize("text, city", [
    ("They met in Japan's Osaka on Monday.", "Osaka"),
    ("They met in Japan's capital on Monday.", "Tokyo"),
    ("They met in Japan's Parliament on Monday.", ""),
    ("They met in Japan's Kansai region on Monday.", ""),
])
def test_a_city_after_its_country_but_not_an_institution_or_region(lexicon, text, city):
    places = lexicon.compiled(PlaceTables)
    assert places.city_in(text.lower(), text, 0, len(text)) == city
