"""Multilateral gatherings: the people named, plus the forum, bloc or region for the unnamed rest.

Invented sentences; the people come from tests.test_meetings.PEOPLE.
"""
from __future__ import annotations

from pipeline.meetings.extract import extract_meetings
from tests.test_meetings import make_article


def parties(lexicon, text: str) -> list[list[str]]:
    return [m.participants for m in extract_meetings(make_article(text), lexicon).meetings]


def test_regional_leaders_stand_for_their_region(lexicon):
    assert parties(lexicon, "Tomas Lind met Central Asian leaders in Astana on Monday.") == [["Tomas Lind", "Central Asia"]]


def test_regional_counterparts_stand_for_their_region(lexicon):
    assert parties(lexicon, "Ida Berg met her Nordic counterparts in Oslo on Tuesday.") == [["Ida Berg", "Scandinavia"]]


def test_bloc_ministers_are_the_bloc(lexicon):
    assert parties(lexicon, "Zhou Ming met ASEAN foreign ministers in Jakarta on Monday.") == [["Zhou Ming", "ASEAN"]]


def test_region_inside_a_group_name_is_the_group(lexicon):
    assert parties(lexicon, "Paul Hart held talks with Gulf Cooperation Council ministers on Monday.") == [["Paul Hart", "GCC"]]


def test_leaders_of_a_forum(lexicon):
    assert parties(lexicon, "Sato Kenji met leaders of the Pacific Islands Forum on Friday.") == [
        ["Sato Kenji", "Pacific Islands Forum"]]


def test_sidelines_of_a_summit_name_the_occasion_not_a_party(lexicon):
    assert parties(lexicon, "On the sidelines of the G20, Tomas Lind met Mia Costa.") == [["Tomas Lind", "Mia Costa"]]


def test_attending_a_gathering_is_not_a_meeting(lexicon):
    assert parties(lexicon, "Tomas Lind is expected at these regional gatherings next week.") == []
    assert parties(lexicon, "Paul Hart will attend the G20 summit next week.") == []


def test_region_without_a_plural_side_noun_is_not_a_side(lexicon):
    assert parties(lexicon, "Tomas Lind met Asian investors' concerns with a new plan on Monday.") == []
    assert parties(lexicon, "Zhou Ming spoke about African markets on Monday.") == []


def test_unknown_demonym_adds_no_party(lexicon):
    assert parties(lexicon, "Tomas Lind met Baltic leaders in Riga on Monday.") == []


def test_a_summit_in_the_calendar_is_not_a_meeting_with_its_bloc(lexicon):
    assert parties(lexicon, "Zhou Ming spoke on Monday. He said he looked forward to the G20 summit in Rio "
                            "later this year.") == []
    assert parties(lexicon, "Tomas Lind said on Monday that he looked forward to an ASEAN leaders' summit.") == []


def test_a_summit_with_a_bloc_or_hosted_stays_a_meeting(lexicon):
    assert parties(lexicon, "Zhou Ming will hold a summit with ASEAN leaders in November.") == [["Zhou Ming", "ASEAN"]]
    assert parties(lexicon, "The EU-China summit took place in Brussels on Monday.") == [["European Union", "China"]]
    assert parties(lexicon, "Zhou Ming and Tomas Lind met at the G20 summit on Monday.") == [["Zhou Ming", "Tomas Lind"]]


def test_the_second_of_a_pair_naming_a_summit_is_a_side(lexicon):
    [sides] = parties(lexicon, "Zhou Ming spoke on a tour to prepare a China-EU summit later this month.")
    assert "European Union" in sides
