"""Where a meeting took place: datelines, cities the gazetteer lacks, a visit's city, and the
phrasings of meetings that name their sides or dates in unusual places."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.article import TimeExpr
from pipeline.meetings.extract import extract_meetings
from pipeline.meetings.filed import dateline
from pipeline.meetings.places import PlaceTables
from tests.test_meetings import make_article, meetings_of


@pytest.fixture(scope="module")
def places(lexicon) -> PlaceTables:
    return lexicon.compiled(PlaceTables)


def _by_sides(lexicon, text: str) -> dict:
    return {frozenset(m.participants): m for m in meetings_of(lexicon, text)}


def _city(places: PlaceTables, text: str) -> str:
    return places.city_in(text.lower(), text, 0, len(text))


def test_dateline_formats(lexicon):
    assert dateline(["BEIJING, Nov 3 (Reuters) - China said on Monday ..."], lexicon=lexicon)[0] == "Beijing"
    assert dateline(["TOKYO (Kyodo) -- Japan's trade minister ..."], lexicon=lexicon)[0] == "Tokyo"
    assert dateline(["NEW DELHI: Commerce Minister Piyush Goyal on Friday ..."], lexicon=lexicon)[0] == "New Delhi"
    assert dateline(["GYEONGJU, South Korea (AP) — Chinese leader Xi Jinping ..."], lexicon=lexicon)[0] == "Gyeongju"
    assert dateline(["Seoul, Nov. 4 (Yonhap) -- Trade Minister ..."], lexicon=lexicon)[0] == "Seoul"
    # the offset ends the dateline, so a date inside it is never a meeting's date
    text = "BEIJING, Nov 3 (Reuters) - Zhou met Lind."
    assert text[dateline([text], lexicon=lexicon)[1]:].startswith("Zhou")
    assert dateline(["Headline", "Caption", "Updated - March 02, 2025 10:15 am IST - Lisbon"], lexicon=lexicon)[0] == "Lisbon"
    assert dateline(["Body."], ["Published - June 30, 2025 08:05 pm IST - Madrid"], lexicon=lexicon) == ("Madrid", 0)


def test_no_dateline(lexicon):
    assert dateline(["UPDATE: China and Japan held talks on Monday."], lexicon=lexicon) == ("", 0)
    assert dateline(["China - the world's largest exporter - said ..."], lexicon=lexicon) == ("", 0)
    assert dateline(["Chinese Premier Li Qiang met visiting leaders - a rare event."], lexicon=lexicon) == ("", 0)
    assert dateline(["Zhou Ming: 'We will respond.'"], lexicon=lexicon) == ("", 0)


def test_city_missing_from_the_gazetteer(places):
    assert _city(places, "Zhou Ming met Lind in Surabaya on Thursday.") == "Surabaya"
    assert _city(places, "The summit will take place in Sendai, officials said.") == "Sendai"
    assert _city(places, "They met in Geneva on Monday.") == "Geneva"
    for text in ("They met in March.", "They met in Parliament on Monday.", "He spoke in Chinese on Monday.",
                 "They met in Southeast Asia last year.",
                 "He flew back from Surabaya on Monday."):
        assert _city(places, text) == "", text


def test_dateline_places_the_days_meeting_but_not_calls_or_old_ones(lexicon):
    [m] = meetings_of(lexicon, "BEIJING (Reuters) - Zhou Ming met Tomas Lind on Tuesday to discuss rare earths.")
    assert m.location == "Beijing" and m.date == date(2025, 3, 11)
    [m] = meetings_of(lexicon, "BEIJING (Reuters) - Zhou Ming spoke by phone with Tomas Lind on Tuesday.")
    assert m.location == "" and m.mode == "phone"
    a = make_article("BEIJING (Reuters) - Zhou Ming met Tomas Lind in 2019, officials said.")
    a.dates.append(TimeExpr("2019", a.text.index("2019"), a.text.index("2019") + 4, date(2019, 1, 1), "year", 0))
    [m] = extract_meetings(a, lexicon).meetings
    assert m.location == ""
    [m] = meetings_of(lexicon, "BEIJING (Reuters) - Zhou Ming and Tomas Lind are expected to meet, officials said.")
    assert m.status == "planned" and m.location == ""


def test_dateline_date_is_not_the_meeting_date(lexicon):
    a = make_article("BEIJING, Mar 14 (Reuters) - Zhou Ming held talks with visiting Tomas Lind on Monday.")
    a.dates.insert(0, TimeExpr("Mar 14", 9, 15, date(2025, 3, 14), "day", 0))
    [m] = extract_meetings(a, lexicon).meetings
    assert m.date == date(2025, 3, 10) and m.location == "Beijing"


def test_city_of_the_visit_from_the_sentences_around(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart arrived in Shanghai on Wednesday. On Thursday he met Zhou Ming to discuss lobster.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"} and m.location == "Shanghai"
    [m] = meetings_of(lexicon, "Mia Costa visited Beijing last week, where she met her counterpart Zhou Ming.")
    assert m.location == "Beijing"


def test_hosts_receiving_a_delegation(lexicon):
    [m] = meetings_of(lexicon, "Sato Kenji received a Chinese delegation in Osaka on Tuesday.")
    assert m.participants == ["Sato Kenji", "China"] and m.location == "Osaka"
    [m] = meetings_of(lexicon, "Sato Kenji on Friday received a delegation led by Swedish minister Tomas Lind, and the two "
                      "sides reviewed the agreement.")
    assert set(m.participants) == {"Sato Kenji", "Tomas Lind"}
    assert meetings_of(lexicon, "Sato Kenji received a letter from Tomas Lind on Friday.") == []


def test_occasion_before_the_sides_and_a_leading_clause_date(lexicon):
    [m] = meetings_of(lexicon, "On the sidelines of the G20 summit in Osaka, Zhou Ming held a bilateral meeting with Paul Hart.")
    assert set(m.participants) == {"Zhou Ming", "Paul Hart"} and m.location == "Osaka" and m.occasion == "G20"
    [m] = meetings_of(lexicon, "During his visit to Geneva on Wednesday, Paul Hart held talks with Lena Varga on tariffs.")
    assert set(m.participants) == {"Paul Hart", "Lena Varga"} and m.date == date(2025, 3, 12)


def test_negated_meetings_and_calls_on_a_day(lexicon):
    assert meetings_of(lexicon, "Zhou Ming and Sato Kenji did not meet at the summit, officials said.") == []
    assert meetings_of(lexicon, "Zhou Ming has never met Sato Kenji.") == []
    [m] = meetings_of(lexicon, "Mia Costa and Zhou Ming held a video call on Saturday, their second in a month.")
    assert m.mode == "video" and m.date == date(2025, 3, 8)
    assert meetings_of(lexicon, "Mia Costa called on Zhou Ming to lift the export ban.") == []


def test_a_spokesperson_reporting_a_meeting_does_not_remove_its_sides(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga plans to visit Tokyo next month to meet Sato Kenji, a ministry spokesman said.")
    assert set(m.participants) == {"Lena Varga", "Sato Kenji"} and (m.status, m.location) == ("planned", "Tokyo")
    text = "A spokesman said so.\nSato Kenji also met Zhou Ming on Friday."
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Sato Kenji", "Zhou Ming"}


def test_talks_that_ended_were_held(lexicon):
    text = "Talks between Zhou Ming and Paul Hart ended in Geneva on Sunday.\nThe two sides will continue discussions."
    [m] = meetings_of(lexicon, text)
    assert (m.status, m.location) == ("held", "Geneva")


def test_borrowed_cities_keep_to_the_country_named_and_to_face_to_face_meetings(lexicon):
    text = ("Paul Hart and Zhou Ming will meet in Geneva this weekend.\n"
            "Lena Varga and Tomas Lind are expected to meet in Sweden next week.")
    rows = _by_sides(lexicon, text)
    assert rows[frozenset({"Paul Hart", "Zhou Ming"})].location == "Geneva"
    assert rows[frozenset({"Lena Varga", "Tomas Lind"})].location == ""
    # "spoke with" may be a call: the dateline does not place it
    [m] = meetings_of(lexicon, "WASHINGTON (Reuters) - Paul Hart spoke with Tomas Lind on Thursday about chips.")
    assert m.location == ""


def test_the_day_of_a_statement_is_not_the_day_of_the_meeting(lexicon):
    [m] = meetings_of(lexicon, "In a meeting with Tomas Lind, Zhou Ming urged Sweden to act, the ministry said in a statement on Saturday.")
    assert set(m.participants) == {"Tomas Lind", "Zhou Ming"} and m.date is None


def test_landmark_venue_stands_for_its_city(places, lexicon):
    assert _city(places, "Zhou Ming met Lind at the Great Hall of the People on Monday.") == "Beijing"
    assert _city(places, "Hart received Zhou at the White House.") == "Washington"
    assert _city(places, "They met in Downing Street on Monday.") == "London"
    assert _city(places, "The White House said the talks went well.") == ""   # the government, not a venue
    [m] = meetings_of(lexicon, "Paul Hart hosted Zhou Ming at the White House on Monday.")
    assert m.location == "Washington"
    [m] = meetings_of(lexicon, "Paul Hart hosted Zhou Ming at Camp David on Monday.")
    assert m.location == "Camp David"   # a named venue the table lacks is itself the place


def test_city_after_its_country(places):
    assert _city(places, "They met in Japan's Osaka on Monday.") == "Osaka"
    assert _city(places, "They met in Freedonia's Port Elmo on Monday.") == "Port Elmo"


def test_next_stop_of_a_trip_is_the_place(lexicon, places):
    assert _city(places, "Zhou will fly on to Oslo for a meeting with Lind.") == "Oslo"
    assert _city(places, "He flew back from Oslo on Monday.") == ""
    [m] = meetings_of(lexicon, "SEOUL (Reuters) - Zhou Ming will fly on to Oslo for a meeting with Tomas Lind.")
    assert m.location == "Oslo" and m.status == "planned"


def test_kicker_in_capitals_is_no_dateline(lexicon):
    assert dateline(["ANALYSIS: Zhou Ming met Tomas Lind on Monday."], lexicon=lexicon) == ("", 0)
    assert dateline(["EXCLUSIVE: China and Japan held talks."], lexicon=lexicon) == ("", 0)
    assert dateline(["NEW DELHI: Zhou Ming met Tomas Lind."], lexicon=lexicon)[0] == "New Delhi"
    [m] = meetings_of(lexicon, "ANALYSIS: Zhou Ming met Tomas Lind on Monday.")
    assert m.location == ""


def test_earlier_round_lends_no_place(lexicon):
    ms = meetings_of(lexicon, "Zhou Ming met Tomas Lind on Monday. The pair last met in Geneva in spring.")
    assert sorted((str(m.date), m.location) for m in ms) == [("2025-03-10", ""), ("None", "Geneva")]


def test_invited_to_a_city_plans_the_meeting_there(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming invited Tomas Lind to Shanghai, and Lind accepted the invitation.")
    assert m.status == "planned" and m.location == "Shanghai"
    # invited to a country: no city
    [m] = meetings_of(lexicon, "Zhou Ming invited Tomas Lind to Sweden, and Lind accepted the invitation.")
    assert m.location == ""


def test_other_spellings_of_a_city_are_the_city(places):
    assert _city(places, "Zhou met Lind in Brasília on Tuesday.") == "Brasilia"
    assert _city(places, "They met in Brazil's São Paulo on Tuesday.") == "Sao Paulo"
    assert _city(places, "They met on Tuesday in Ulan Bator.") == "Ulaanbaatar"
    assert _city(places, "They met in Kiev on Tuesday.") == "Kyiv"
    # a second capital of one country is a city of its own, not another spelling of the first
    assert _city(places, "They met in Abidjan on Tuesday.") == "Abidjan"


def test_a_gazetteer_city_must_be_written_as_a_name(places):
    assert _city(places, "They met in Bergen on Tuesday.") == "Bergen"
    assert _city(places, "They met in a bergen of sorts on Tuesday.") == ""


def test_cities_the_gazetteer_lacks_with_accents_and_particles(places):
    assert _city(places, "They met in Dar es Salaam on Tuesday.") == "Dar es Salaam"
    assert _city(places, "They met in Port of Spain on Tuesday.") == "Port of Spain"
    assert _city(places, "They met in Łódź on Tuesday.") == "Łódź"
    assert _city(places, "They met in Ürümqi on Tuesday.") == "Urumqi"
    assert _city(places, "They met in Sweden on Tuesday.") == ""


def test_headquarters_and_palaces_stand_for_their_city(places):
    assert _city(places, "Goyal met Okonjo-Iweala at the WTO headquarters on Tuesday.") == "Geneva"
    assert _city(places, "They met at the Palais des Nations on Saturday.") == "Geneva"
    assert _city(places, "Anwar met Prabowo at the ASEAN Secretariat on Tuesday.") == "Jakarta"
    assert _city(places, "Marcos received Ishiba at Malacañang Palace on Tuesday.") == "Manila"
    assert _city(places, "Starmer hosted Modi at Chequers on Thursday.") == "Chequers"   # itself the place
    assert _city(places, "WTO headquarters said the talks were useful.") == ""


def test_byline_puts_the_reporter_in_a_city(lexicon):
    assert dateline(["Zhou met Lind on Tuesday."], ["By Rina Putri in Jakarta"], lexicon=lexicon) == ("Jakarta", 0)
    assert dateline(["Zhou met Lind on Tuesday."], ["By Rina Putri, in Jakarta"], lexicon=lexicon)[0] == "Jakarta"
    assert dateline(["Zhou met Lind on Tuesday."], ["Rina Putri | Jakarta"], lexicon=lexicon)[0] == "Jakarta"
    text = ["From our correspondent in Kisangani", "Zhou met Lind on Tuesday."]
    assert dateline(text, lexicon=lexicon) == ("Kisangani", len(text[0]))
    assert dateline(["Ana Ruiz reports from Lima", "Zhou met Lind."], lexicon=lexicon)[0] == "Lima"
    # a dateline wins over the byline
    assert dateline(["BEIJING (Reuters) - Zhou met Lind."], ["By Rina Putri in Jakarta"], lexicon=lexicon)[0] == "Beijing"


def test_bylines_that_put_nobody_in_one_city(lexicon):
    for line in ("By Rina Putri in Jakarta and Tom Lee in Washington", "By Rina Putri in Indonesia",
                 "(Reporting by Rina Putri in Jakarta; Editing by Tom Lee)", "Rina Putri | Reuters",
                 "By Rina Putri", "Our correspondent in Southeast Asia"):
        assert dateline(["Zhou met Lind on Tuesday."], [line], lexicon=lexicon) == ("", 0), line


def test_kicker_before_a_dash_is_no_dateline(lexicon):
    for para in ("TARIFFS - Zhou met Lind on Tuesday as tariffs rose.", "TRADE WAR - Zhou met Lind on Tuesday.",
                 "CHINA-US - Zhou met Lind on Tuesday.", "FOCUS - Zhou met Lind on Tuesday.",
                 "ASIA - Zhou met Lind on Tuesday."):
        assert dateline([para], lexicon=lexicon) == ("", 0), para
    # a place the gazetteer lacks, in capitals before a dash, is still a dateline
    assert dateline(["KISANGANI - Zhou met Lind on Tuesday."], lexicon=lexicon)[0] == "Kisangani"


def test_the_capital_of_the_country_the_paragraph_puts_someone_in(places, lexicon):
    assert _city(places, "Zhou arrived in Indonesia on Monday. He met Lind in the capital on Tuesday.") == "Jakarta"
    assert _city(places, "On a visit to Kenya, Zhou met Lind in the country's capital.") == "Nairobi"
    # two countries, none, a paragraph further up, or capital as money: no city
    assert _city(places, "Zhou toured Kenya and Uganda. He met Lind in the capital on Tuesday.") == ""
    assert _city(places, "Zhou met Lind in the capital on Tuesday.") == ""
    assert _city(places, "Zhou arrived in Kenya.\nHe met Lind in the capital on Tuesday.") == "Nairobi"
    assert _city(places, "Zhou arrived in Kenya.\nHe spoke.\nHe met Lind in the capital on Tuesday.") == ""
    assert _city(places, "Zhou arrived in Kenya. He met Lind to talk about investment in the capital markets.") == ""
    assert _city(places, "Envoys arrived in Madrid.\nThey talked at a palace in the heart of the capital that houses it.") == "Madrid"
    text = "Envoys arrived in Osaka.\nThey talked in the capital on Tuesday."   # Osaka is no capital
    assert places.host_capital(text.lower(), text, text.index("capital")) == ""
    ms = meetings_of(lexicon, "Paul Hart arrived in Indonesia on Monday. He met Zhou Ming in the capital on Tuesday.")
    assert [m.location for m in ms] == ["Jakarta"]


def test_a_place_guessed_at_is_no_place(places):
    assert _city(places, "They agreed to meet again, possibly in London, next month.") == ""
    assert _city(places, "They agreed to meet again in London next month.") == "London"


def test_a_city_lends_itself_to_no_meeting_held_elsewhere(lexicon):
    text = ("Paul Hart met Zhou Ming on Tuesday.\n"
            "Hart is expected to travel on to Geneva on Friday, where he will meet Tomas Lind.")
    rows = _by_sides(lexicon, text)
    assert rows[frozenset({"Paul Hart", "Zhou Ming"})].location == ""
    assert rows[frozenset({"Paul Hart", "Tomas Lind"})].location == "Geneva"
    text = "Paul Hart met Zhou Ming on Tuesday.\nHart then flew to Geneva, where he met Tomas Lind on Thursday."
    assert _by_sides(lexicon, text)[frozenset({"Paul Hart", "Zhou Ming"})].location == ""
    # filed from the capital of the other meeting's host: that meeting is the dateline's, not Osaka's
    text = "BEIJING (Reuters) - Sato Kenji received Paul Hart in Osaka on Thursday.\nZhou Ming held talks with Hart on Wednesday."
    rows = _by_sides(lexicon, text)
    assert rows[frozenset({"Zhou Ming", "Paul Hart"})].location == "Beijing"
    assert rows[frozenset({"Sato Kenji", "Paul Hart"})].location == "Osaka"
    # talks of one trip with the same sides keep lending
    text = "Paul Hart met Zhou Ming in Osaka on Tuesday.\nHart and Zhou met again on Wednesday."
    assert {m.location for m in meetings_of(lexicon, text)} == {"Osaka"}


def test_a_city_of_where_someone_works_or_of_another_event_is_no_place(places, lexicon):
    for text in ("Zhou, a former official in Shanghai, met Lind on Tuesday.",
                 "Zhou met Lind, the former ambassador in Washington, on Tuesday.",
                 "Zhou, who was born in Osaka, met Lind on Tuesday.",
                 "Zhou met Lind on Tuesday, a week after tariffs were imposed in Brussels.",
                 "Zhou met Lind on Tuesday, after a car fair opened in Shanghai."):
        assert _city(places, text) == "", text
    for text in ("Zhou met Lind on Saturday after arriving in Geneva.",
                 "Zhou met Lind on Saturday after the two delegations gathered in Geneva.",
                 "Zhou met a senior official in Geneva on Saturday."):
        assert _city(places, text) == "Geneva", text


def test_welcomed_to_a_city_is_the_place(places):
    assert _city(places, "Albanese welcomed Chinese Premier Li Qiang to Canberra on Monday.") == "Canberra"
    assert _city(places, "Albanese welcomed the move to Canberra's new rules.") == ""


def test_datelines_of_other_agencies_and_brackets(lexicon):
    assert dateline(["BEIJING, March 11 /Xinhua/ -- Zhou met Lind on Tuesday."], lexicon=lexicon)[0] == "Beijing"
    assert dateline(["[SEOUL] Zhou met Lind on Tuesday."], lexicon=lexicon)[0] == "Seoul"
    assert dateline(["ASTANA. March 11. KAZINFORM - Zhou met Lind on Tuesday."], lexicon=lexicon)[0] == "Astana"
    # a city in capitals that opens a sentence, a vehicle, two cities: no dateline
    assert dateline(["BEIJING is set to host talks. Zhou met Lind - a rare event."], lexicon=lexicon) == ("", 0)
    assert dateline(["ABOARD AIR FORCE ONE (Reuters) - Zhou met Lind on Tuesday."], lexicon=lexicon) == ("", 0)


def test_the_capital_of_the_dateline_and_an_invitation_to_a_city_the_gazetteer_lacks(lexicon, places):
    text = "SANTIAGO (Wire) - Zhou Ming and Paul Hart began talks in the capital on Monday, with Seoul watching."
    [m] = meetings_of(lexicon, text)
    assert m.location == "Santiago"
    text = "Zhou Ming and Paul Hart began talks in the capital on Monday."
    assert places.city_in(text.lower(), text, 0, len(text), home="Santiago") == "Santiago"
    assert places.city_in(text.lower(), text, 0, len(text), home="Osaka") == ""   # no capital
    [m] = meetings_of(lexicon, "Zhou Ming invited Tomas Lind to lead a delegation to Poznań in June, and Lind accepted the invitation.")
    assert (m.status, m.location) == ("planned", "Poznań")
    assert dateline(["HA NOI — Zhou met Lind on Tuesday."], lexicon=lexicon)[0] == "Hanoi"


def test_a_header_naming_the_venue(lexicon):
    text = ["Venue: Hyderabad House, New Delhi", "Zhou met Lind on Tuesday."]
    assert dateline(text, lexicon=lexicon)[0] == "New Delhi"
    assert dateline(["Place: Kazan", "Zhou met Lind on Tuesday."], lexicon=lexicon)[0] == "Kazan"
    assert dateline(["Venue: Great Hall of the People", "Zhou met Lind."], lexicon=lexicon)[0] == "Beijing"
    for line in ("Location: Online", "Venue: Ministry of Foreign Affairs", "Place: Sweden", "Venue: Conference Hall"):
        assert dateline([line, "Zhou met Lind on Tuesday."], lexicon=lexicon) == ("", 0), line


def test_a_city_opening_a_longer_name_is_no_place(places):
    assert _city(places, "They met to discuss commitments in the Paris Agreement.") == ""
    assert _city(places, "They met on Monday, as first reported in the New York Times.") == ""
    assert _city(places, "They met in Geneva Monday.") == "Geneva"
    assert _city(places, "They met in Washington D.C. on Monday.") == "Washington"


@pytest.mark.parametrize("opening, city", [
    ("UNITED NATIONS (AP) — The envoy said ...", "New York"),
    ("UNITED NATIONS, Nov 4 (Reuters) - The envoy said ...", "New York"),
    ("VATICAN CITY (AP) — The pontiff received ...", "Vatican City"),
    ("ABOARD AIR FORCE ONE (AP) — The president told ...", ""),
    ("ABOARD THE PRESIDENTIAL PLANE (Wire) - The president told ...", ""),
    ("UNITED STATES (Wire) - Officials said ...", ""),
])
def test_a_dateline_naming_an_institution_or_a_vehicle(lexicon, opening, city):
    assert dateline([opening], lexicon=lexicon)[0] == city



@pytest.mark.parametrize("text, city", [
    ("Zhou Lan flew to Lisbon on Tuesday. She met Erik Lind at the ministry.", "Lisbon"),
    ("Zhou Lan will travel to Oslo on Monday. She will meet Erik Lind.", "Oslo"),
    ("Zhou Lan headed to Lima on Monday. She met Erik Lind.", "Lima"),
    ("Zhou Lan will fly to Quito on Monday. She will meet Erik Lind.", "Quito"),
    ("Zhou Lan met Erik Lind in Madrid on Monday. She then flew to Lisbon.", "Madrid"),
])
def test_a_trip_to_a_city_places_the_meeting_told_next(lexicon, text, city):
    (m,) = meetings_of(lexicon, text)
    assert m.location == city


def test_a_trip_told_in_another_paragraph_places_nothing(lexicon):
    (m,) = meetings_of(lexicon, "Zhou Lan flew to Lisbon on Tuesday.\nShe met Erik Lind.")
    assert m.location == ""


@pytest.mark.parametrize("text, city", [
    ("Zhou Lan and Erik Lind met in Santiago, with Seoul seeking a larger quota.", "Santiago"),
    ("Zhou Lan met Erik Lind in Lima on Monday, with Tokyo watching closely.", "Lima"),
    ("Zhou Lan and Erik Lind held talks in Quito, Beijing having pressed for the meeting.", "Quito"),
])
def test_a_capital_standing_for_its_government_in_a_participle_clause_is_no_place(lexicon, text, city):
    (m,) = meetings_of(lexicon, text)
    assert m.location == city
