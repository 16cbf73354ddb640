"""Meeting sides: lists of several counterparts, countries as subjects, heads named sentences
later, two people talking to each other, and who "she" is when the sentence before named only
the people she met.

Invented sentences; the people and their countries come from tests.test_meetings.PEOPLE, except
where the whole pipeline runs on an invented article.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.ingest import load_paths
from pipeline.process import process_article
from pipeline.meetings.extract import extract_meetings
from tests.test_meetings import make_article, meetings_of


def people(meetings) -> list[set[str]]:
    return sorted((set(m.participants) for m in meetings), key=sorted)


def run(lexicon, tmp_path: Path, body: str):
    path = tmp_path / "a.txt"
    path.write_text("title: t\nsource: s\npublished: 2025-06-11\n\n" + body, encoding="utf-8")
    [article], errors, _ = load_paths([path])
    assert not errors
    return process_article(article, lexicon)


# --- "held meetings with A, B, and C": one meeting with each ------------------------------

def test_meetings_with_a_list_after_an_oxford_comma_is_one_meeting_each(lexicon):
    ms = meetings_of(lexicon, "Paul Hart held meetings with Swedish Trade Minister Tomas Lind, Japanese Economy "
                              "Minister Sato Kenji, and Chinese Commerce Minister Zhou Ming in Geneva on Monday.")
    assert people(ms) == [{"Paul Hart", "Sato Kenji"}, {"Paul Hart", "Tomas Lind"}, {"Paul Hart", "Zhou Ming"}]
    assert all(m.date == date(2025, 3, 10) for m in ms)


def test_meetings_with_two_people_is_one_meeting_each(lexicon):
    ms = meetings_of(lexicon, "Paul Hart held meetings with Tomas Lind and Zhou Ming on Monday.")
    assert people(ms) == [{"Paul Hart", "Tomas Lind"}, {"Paul Hart", "Zhou Ming"}]


def test_a_meeting_with_two_people_stays_one_meeting(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart held a meeting with Tomas Lind and Zhou Ming on Monday.")
    assert set(m.participants) == {"Paul Hart", "Tomas Lind", "Zhou Ming"}


def test_a_person_after_the_list_is_not_one_of_those_met(lexicon):
    ms = meetings_of(lexicon, "Paul Hart held meetings with Tomas Lind to discuss steel with Zhou Ming on Monday.")
    assert {"Paul Hart", "Tomas Lind"} in [set(m.participants) for m in ms] or len(ms) == 1


# --- countries as the subject of a meeting verb -------------------------------------------

def test_countries_that_began_talks_are_the_sides(lexicon):
    [m] = meetings_of(lexicon, "Canada and Mexico began talks in Ottawa on Monday on steel trade.")
    assert set(m.participants) == {"Canada", "Mexico"}


def test_countries_that_resumed_talks_are_the_sides(lexicon):
    [m] = meetings_of(lexicon, "Sweden and Hungary resumed negotiations in Geneva on Tuesday.")
    assert set(m.participants) == {"Sweden", "Hungary"}


def test_a_country_as_a_topic_is_no_side(lexicon):
    assert meetings_of(lexicon, "Talks began in Geneva on Monday on tariffs that Canada imposed.") == []


# --- delegation heads named a few sentences after the meeting ------------------------------

def test_head_named_four_sentences_on_stands_for_the_side(lexicon):
    [m] = meetings_of(lexicon, "Sweden and China held border trade talks in Geneva on Tuesday. The talks focused on "
                               "steel. Progress was made on fees. Paperwork will be reviewed in three months. "
                               "Tomas Lind headed the Swedish side, accompanied by Ida Berg.")
    assert set(m.participants) == {"Tomas Lind", "Ida Berg", "China"}


def test_a_person_leading_a_countrys_delegation_stands_for_it(lexicon):
    [m] = meetings_of(lexicon, "Sweden and China began talks in Geneva on Monday. Tomas Lind is leading "
                               "Sweden's delegation.")
    assert set(m.participants) == {"Tomas Lind", "China"}


def test_a_head_of_a_country_not_in_the_meeting_is_no_party(lexicon):
    [m] = meetings_of(lexicon, "Sweden and China began talks in Geneva on Monday. Paul Hart is leading the "
                               "American delegation to a separate forum.")
    assert set(m.participants) == {"Sweden", "China"}


# --- two people talking to each other -----------------------------------------------------

def test_two_people_who_talked_on_a_day_met(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart and Zhou Ming talked about tariffs on car parts on Friday.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"}
    assert m.date == date(2025, 3, 14) and m.location == ""


def test_the_two_last_spoke_is_an_earlier_conversation(lexicon):
    ms = meetings_of(lexicon, "Paul Hart met Zhou Ming in Geneva on Friday. The two last spoke on Monday.")
    assert people(ms) == [{"Paul Hart", "Zhou Ming"}, {"Paul Hart", "Zhou Ming"}]
    assert sorted(m.date for m in ms) == [date(2025, 3, 10), date(2025, 3, 14)]


def test_two_people_speaking_at_a_forum_did_not_meet(lexicon):
    assert meetings_of(lexicon, "Paul Hart and Zhou Ming spoke at the forum on Friday.") == []


def test_talking_about_a_topic_with_no_day_of_its_own_is_no_new_meeting(lexicon):
    assert meetings_of(lexicon, "Paul Hart and Zhou Ming talked about tariffs.") == []


def test_one_person_who_talked_about_tariffs_met_nobody(lexicon):
    assert meetings_of(lexicon, "Paul Hart talked about tariffs on Friday.") == []


# --- "she" after a sentence whose subject was "she" ---------------------------------------

def test_she_after_a_sentence_naming_only_whom_she_met_is_the_subject_before(lexicon, tmp_path):
    a = run(lexicon, tmp_path, "Trade Secretary Cristina Roque arrived in Tokyo on Monday.\n\n"
                               "On Tuesday, she met Japanese Economy Minister Muto Yoji.\n\n"
                               "She also held separate talks with Japanese Foreign Minister Iwaya Takeshi and "
                               "JETRO chairman Ishiguro Norihiko.")
    found = people(a.meetings)
    assert {"Cristina Roque", "Iwaya Takeshi"} in found and {"Cristina Roque", "Ishiguro Norihiko"} in found
    assert not any({"Muto Yoji", "Iwaya Takeshi"} <= p for p in found)


# --- a titled person introduced as a country's counterpart --------------------------------

def test_counterpart_apposition_gives_the_person_the_country(lexicon, tmp_path):
    a = run(lexicon, tmp_path, "Moroccan Industry Minister Ryad Mezzour opened the session. His Egyptian "
                               "counterpart, Investment Minister Hassan El-Khatib, replied that Egypt was ready.")
    assert ("Hassan El-Khatib", "Egypt") in {(m.canonical, m.country) for m in a.mentions if m.kind == "person"}


# --- leaders in a sentence about their ministers' meeting --------------------------------

def test_leaders_of_a_later_call_are_no_parties_of_their_ministers_talks(lexicon, tmp_path):
    a = run(lexicon, tmp_path, "Spain's capital hosted talks between China and the United States this week.\n\n"
                               "Talks between delegations led by US treasury secretary Scott Bessent and Chinese "
                               "vice-premier He Lifeng ran for six hours.\n\nWhile the discussions covered tariffs, "
                               "a deal is pending a Friday call between Donald Trump and Xi Jinping.")
    found = people(a.meetings)
    assert {"Scott Bessent", "He Lifeng"} in found and {"Donald Trump", "Xi Jinping"} in found


# --- an earlier gathering named by a past possessive ------------------------------------

def test_last_years_summit_of_the_same_countries_is_another_meeting(lexicon):
    ms = meetings_of(lexicon, "The trade ministers of Sweden, China and Japan met in Geneva on Sunday. The meeting "
                              "was attended by Tomas Lind, Zhou Ming and Sato Kenji. The meeting, the first since "
                              "2019, comes after last year's summit of the three nations' leaders.")
    assert people(ms) == [{"Japan", "Sweden", "China"}, {"Sato Kenji", "Tomas Lind", "Zhou Ming"}]
    assert [m.date for m in ms if "Japan" in m.participants] == [None]


def test_the_same_meeting_pointed_back_at_stays_one_row(lexicon):
    [m] = meetings_of(lexicon, "Tomas Lind met Zhou Ming in Geneva on Sunday. The meeting was the first since 2019.")
    assert set(m.participants) == {"Tomas Lind", "Zhou Ming"}


# --- a bloc that names a gathering ------------------------------------------------------

def test_a_bloc_naming_a_later_gathering_is_no_side_of_two_people_meeting(lexicon):
    ms = meetings_of(lexicon, "Tomas Lind met Zhou Ming in Geneva on Monday and they pledged close cooperation "
                              "toward the G7 trade ministers' meeting in October.")
    assert all("G7" not in m.participants for m in ms)
    assert {"Tomas Lind", "Zhou Ming"} in people(ms)


def test_a_bloc_stands_for_the_unnamed_rest_of_its_ministers_meeting(lexicon):
    [m] = meetings_of(lexicon, "Tomas Lind met his counterparts at the ASEAN economic ministers' meeting in "
                               "Jakarta on Monday.")
    assert set(m.participants) == {"Tomas Lind", "ASEAN"}


# --- a list whose names carry their organisation; who chaired the meeting ---------------

def test_oxford_list_of_names_with_their_organisations_keeps_the_last(lexicon):
    [m] = meetings_of(lexicon, "On Monday, Zhou Ming met with a delegation of Swedish businesses co-led by "
                               "Chairman Tomas Lind of the Sweden-China Trade Council, Chairman Ida Berg of the "
                               "Swedish Exporters' Federation, and Chairman Paul Hart of the Nordic Chamber.")
    assert set(m.participants) == {"Zhou Ming", "Tomas Lind", "Ida Berg", "Paul Hart"}


def test_two_clauses_joined_by_and_after_a_complement_stay_apart(lexicon):
    ms = meetings_of(lexicon, "Paul Hart met Zhou Ming of China on Monday, and Sato Kenji met Tomas Lind on Tuesday.")
    assert people(ms) == [{"Paul Hart", "Zhou Ming"}, {"Sato Kenji", "Tomas Lind"}]


def test_the_person_who_chaired_the_meeting_takes_part(lexicon):
    [m] = meetings_of(lexicon, "On Monday, Zhou Ming met with a Swedish business delegation led by Tomas Lind. "
                               "Zhou heard their requests. The meeting was chaired by Ida Berg.")
    assert set(m.participants) == {"Zhou Ming", "Tomas Lind", "Ida Berg"}


def test_a_person_who_praised_the_meeting_does_not_join_it(lexicon):
    [m] = meetings_of(lexicon, "On Monday, Zhou Ming met Tomas Lind in Geneva. The meeting was praised by Paul Hart.")
    assert set(m.participants) == {"Zhou Ming", "Tomas Lind"}


# --- different days, different people; a team listed as representing a country ----------

def test_a_person_of_another_days_meeting_does_not_stand_for_unnamed_officials(lexicon):
    ms = meetings_of(lexicon, "Tomas Lind flew to Geneva on Thursday to lead the negotiations after technical talks "
                              "between Swedish and Chinese officials on Monday failed.")
    assert {"Sweden", "China"} in people(ms)


def test_people_representing_a_country_at_the_talks_are_its_side(lexicon):
    [m] = meetings_of(lexicon, "Top Swedish and Chinese officials met in Geneva on Monday. Tomas Lind, Trade "
                               "Secretary Ida Berg, and Envoy Mia Costa are all representing Sweden at the talks, "
                               "while Zhou Ming is leading China's delegation.")
    assert set(m.participants) == {"Tomas Lind", "Ida Berg", "Mia Costa", "Zhou Ming"}


# --- a role no title fits stands for the one person of its country ----------------------

def test_a_role_no_title_fits_is_the_one_person_of_its_country(lexicon):
    article = make_article("Swedish trade negotiator Tomas Lind spoke with reporters on Monday. In Geneva on Friday, "
                           "the Swedish economic revitalization minister met in person with Zhou Ming and Paul Hart "
                           "separately.")
    for m in article.mentions:
        m.role = "trade negotiator" if m.canonical == "Tomas Lind" else m.role
    ms = extract_meetings(article, lexicon).meetings
    assert people(ms) == [{"Tomas Lind", "Paul Hart"}, {"Tomas Lind", "Zhou Ming"}]


def test_a_leader_role_is_not_the_one_minister_of_its_country(lexicon):
    ms = meetings_of(lexicon, "Tomas Lind spoke with reporters on Monday. In Geneva on Friday, the Swedish prime "
                              "minister met Zhou Ming.")
    assert all("Tomas Lind" not in m.participants for m in ms)


def test_a_role_of_a_country_with_two_people_named_stays_unresolved(lexicon):
    ms = meetings_of(lexicon, "Tomas Lind and Ida Berg spoke with reporters on Monday. In Geneva on Friday, the "
                              "Swedish economic revitalization minister met Zhou Ming.")
    assert all("Tomas Lind" not in m.participants and "Ida Berg" not in m.participants for m in ms)


# --- "both countries" after a meeting of two; a delegate standing for its person --------

def test_both_countries_are_those_of_the_meeting_reported_before(lexicon):
    ms = meetings_of(lexicon, "Tomas Lind held talks with Zhou Ming in Geneva on Monday. Lind said Sweden backed "
                              "a swift deal between the EU and Japan. Officials from both countries will hold "
                              "regular talks on market access, the Swedish ministry said.")
    assert {"Sweden", "China"} in people(ms)


def test_both_countries_with_no_meeting_of_two_before_name_nobody(lexicon):
    ms = meetings_of(lexicon, "Sweden, Japan and China issued statements on Monday. Officials from both countries "
                              "will hold regular talks on market access.")
    assert ms == []


def test_a_countrys_delegate_is_the_person_of_that_country(lexicon):
    [m] = meetings_of(lexicon, "Tomas Lind arrived in Geneva on Monday. The Swedish delegate's meeting with Zhou "
                               "Ming on Tuesday focused on steel.")
    assert set(m.participants) == {"Tomas Lind", "Zhou Ming"}


# --- a meeting on the sidelines of a larger one; who chaired it; "I" in a transcript -------

def test_a_bilateral_meeting_on_the_sidelines_is_not_the_gathering(lexicon):
    ms = meetings_of(lexicon, "The trade ministers of Sweden, China and Japan met in Geneva on Thursday. Tomas Lind "
                              "chaired the meeting. On the sidelines, Sato Kenji held a bilateral meeting with "
                              "Zhou Ming on fertiliser.")
    assert {"Sato Kenji", "Zhou Ming"} in people(ms)
    assert {"Tomas Lind", "China", "Japan"} in people(ms)


def test_the_speaker_of_a_transcript_answer_is_i(lexicon, tmp_path):
    a = run(lexicon, tmp_path, "Minister Margus Tsahkna: Good afternoon. This morning I held talks with Icelandic "
                               "Foreign Minister Thorgerdur Gunnarsdottir here in Tallinn.\n\n"
                               "Q: Did you discuss gallium?")
    assert people(a.meetings) == [{"Margus Tsahkna", "Thorgerdur Gunnarsdottir"}]


def test_i_in_a_paragraph_with_no_speaker_label_is_nobody(lexicon, tmp_path):
    a = run(lexicon, tmp_path, "\"This morning I held talks with Icelandic Foreign Minister Thorgerdur "
                               "Gunnarsdottir,\" the minister wrote.")
    assert all(len(m.participants) <= 2 for m in a.meetings)


def test_countries_holding_their_joint_commission_meet(lexicon):
    [m] = meetings_of(lexicon, "Sweden and China held their joint trade commission in Geneva on Wednesday.")
    assert set(m.participants) == {"Sweden", "China"} and m.status == "held"


def test_a_joint_committee_named_alone_is_no_meeting(lexicon):
    assert meetings_of(lexicon, "The joint committee's report on steel was published on Wednesday.") == []


# --- a meeting with a country that a named meeting of the same trip covers ---------------

def test_a_trip_to_a_country_whose_talks_name_the_counterpart_is_no_extra_row(lexicon):
    ms = meetings_of(lexicon, "Tomas Lind met Zhou Ming in Beijing on Friday. Lind flew to China on Wednesday to "
                              "lead the negotiations in person.")
    assert people(ms) == [{"Tomas Lind", "Zhou Ming"}]


def test_a_meeting_with_a_country_weeks_apart_stays(lexicon):
    ms = meetings_of(lexicon, "Tomas Lind met Zhou Ming in Beijing on Saturday. In January, Lind held talks with "
                              "Chinese officials on 3 January.", published=None)
    assert {"Tomas Lind", "Zhou Ming"} in people(ms)


# --- officials of any country by their titles; the pair of a meeting a few sentences back ---

def test_a_title_whose_office_lists_several_fields_introduces_a_person(lexicon, tmp_path):
    a = run(lexicon, tmp_path, "Ghana's Minister for Trade, Agribusiness and Industry Elizabeth Ofosu-Adjare held "
                               "talks in Abu Dhabi on Tuesday with Thani bin Ahmed Al Zeyoudi, the UAE Minister of "
                               "State for Foreign Trade.")
    assert people(a.meetings) == [{"Elizabeth Ofosu-Adjare", "Thani bin Ahmed Al Zeyoudi"}]
    assert {(m.canonical, m.country) for m in a.mentions if m.kind == "person"} == {
        ("Elizabeth Ofosu-Adjare", "Ghana"), ("Thani bin Ahmed Al Zeyoudi", "United Arab Emirates")}


def test_the_two_ministers_are_the_pair_of_a_meeting_four_sentences_back(lexicon):
    ms = meetings_of(lexicon, "Tomas Lind and Zhou Ming signed a pact in Geneva on Monday. Zhou arrived on Sunday. "
                              "Lind said costs would fall. Shippers were pleased. The two ministers also met "
                              "Paul Hart by video link.")
    assert {"Tomas Lind", "Zhou Ming", "Paul Hart"} in people(ms)


# --- an Oxford comma before the second of "between" -------------------------------------

def test_an_oxford_comma_before_the_second_side_of_between_keeps_one_clause(lexicon):
    [m] = meetings_of(lexicon, "Talks between delegations headed by Trade Secretary Paul Hart, and Commerce "
                               "Minister Zhou Ming ran for six hours in Geneva on Monday.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"}


def test_a_new_subject_after_a_complete_between_starts_a_clause(lexicon):
    ms = meetings_of(lexicon, "Talks between Paul Hart and Zhou Ming ran for six hours, and Tomas Lind met "
                              "Sato Kenji later.")
    assert people(ms) == [{"Paul Hart", "Zhou Ming"}, {"Sato Kenji", "Tomas Lind"}]


def test_they_looking_toward_a_blocs_meeting_are_the_pair_not_the_bloc(lexicon, tmp_path):
    a = run(lexicon, tmp_path, "On April 3, Swedish Foreign Minister Karin Holm held a meeting with Ambassador Dana "
                               "Price, United States Trade Representative, who is on a visit to Sweden.\n\n"
                               "The two sides traded views on the main trade matters between their countries. They "
                               "took up economic security issues and affirmed their commitment to close cooperation "
                               "toward the G7 Trade Ministers' Meeting in October.")
    assert people(a.meetings) == [{"Karin Holm", "Dana Price"}]


def test_a_titled_name_takes_its_country_from_the_apposition_after_it(lexicon, tmp_path):
    a = run(lexicon, tmp_path, "Karin Holm met Ambassador Dana Price, United States Trade Representative, in "
                               "Stockholm on Monday.")
    assert ("Dana Price", "United States") in {(m.canonical, m.country) for m in a.mentions if m.kind == "person"}


# --- a sentence pointing back names one person for every country side -------------------------

def test_a_pointer_sentence_naming_one_person_per_side_gives_the_parties(lexicon):
    ms = meetings_of(lexicon, "The trade ministers of Sweden, Japan and China met in Geneva on Monday. "
                              "Tomas Lind, Sato Kenji and Zhou Ming signed a communique after the meeting.")
    assert people(ms) == [{"Tomas Lind", "Sato Kenji", "Zhou Ming"}]


def test_a_pointer_sentence_naming_fewer_people_than_sides_leaves_the_countries(lexicon):
    ms = meetings_of(lexicon, "The trade ministers of Sweden, Japan and China met in Geneva on Monday. "
                              "Tomas Lind and Sato Kenji spoke to reporters after the meeting.")
    assert people(ms) == [{"Sweden", "Japan", "China"}]


def test_a_pointer_sentence_naming_a_person_of_another_country_leaves_the_countries(lexicon):
    ms = meetings_of(lexicon, "The trade ministers of Sweden and Japan met in Geneva on Monday. "
                              "Tomas Lind and Paul Hart both praised the meeting afterwards.")
    assert {"Sweden", "Japan"} in people(ms)   # Hart is no Japanese side
