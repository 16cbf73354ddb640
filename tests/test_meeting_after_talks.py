"""Talks a pair of people came out of, told in a trailing phrase naming nobody: the pair joined by
"and" as the sentence's subject are the talks' sides; the day is the talks' only when the phrase
gives it. Invented sentences; the people come from tests.test_meetings.PEOPLE."""
from __future__ import annotations

import pytest

from tests.test_meetings import meetings_of


@pytest.mark.parametrize("text, pair, place", [
    ("Lena Varga and Tomas Lind announced the deal on Monday after talks in Stockholm.",
     {"Lena Varga", "Tomas Lind"}, "Stockholm"),
    ("Zhou Ming and Paul Hart unveiled the accord after two days of talks in Lima.",
     {"Zhou Ming", "Paul Hart"}, "Lima"),
    ("On Friday, Sato Kenji and Mia Costa presented the roadmap following negotiations in Nairobi.",
     {"Sato Kenji", "Mia Costa"}, "Nairobi"),
    ("Paul Hart and Lena Varga released a joint statement after a round of talks in Budapest.",
     {"Paul Hart", "Lena Varga"}, "Budapest"),
])
def test_the_subject_pair_held_the_talks_after_which_they_acted(lexicon, text, pair, place):
    [m] = meetings_of(lexicon, text)
    assert (set(m.participants), m.location, m.status) == (pair, place, "held")


def test_the_main_clauses_day_is_the_announcements_not_the_talks(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga and Tomas Lind announced the deal on Monday after talks in Stockholm.")
    assert m.date is None


def test_a_day_in_the_talks_phrase_is_the_talks_day(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga and Tomas Lind announced the deal after talks in Stockholm on Monday.")
    assert str(m.date) == "2025-03-10"


@pytest.mark.parametrize("text", [
    # the talks made the deal; the pair only spoke of it
    "Lena Varga and Zhou Ming welcomed the accord reached after talks in Oslo.",
    "Tomas Lind and Paul Hart criticised the deal struck after negotiations in Lima.",
    # one person: no pair to hold the talks
    "Lena Varga announced the deal on Monday after talks in Geneva.",
    # talks still to come, not a trailing phrase
    "Lena Varga and Tomas Lind said on Monday that talks in Geneva would resume.",
    # the subject is not the pair: a third person stands between
    "Lena Varga, Tomas Lind and Ida Berg praised the text after talks in Oslo.",
])
def test_no_talks_of_the_subject_pair(lexicon, text):
    assert meetings_of(lexicon, text) == []
