"""A role as the subject of a verb that needs a person there ("The minister then called on Lind",
"The minister handed Lind a copy"): the role stands for the person it refers back to. Invented
sentences; the people come from tests.test_meetings.PEOPLE (each a minister)."""
from __future__ import annotations

import pytest

from tests.test_meetings import meetings_of

ARRIVED = "Lena Varga arrived in Stockholm on Monday. "


@pytest.mark.parametrize("text", [
    ARRIVED + "The minister called on Tomas Lind at his office.",
    ARRIVED + "The minister then called on Tomas Lind on Tuesday.",
    ARRIVED + "The Hungarian minister later called on Ida Berg at the foreign ministry.",
    ARRIVED + "The minister then handed Tomas Lind a signed copy of the accord.",
])
def test_a_role_subject_is_the_person_named_before(lexicon, text):
    [m] = meetings_of(lexicon, text)
    assert "Lena Varga" in m.participants and len(m.participants) == 2 and m.status == "held"


@pytest.mark.parametrize("text", [
    ARRIVED + "The minister called on Tomas Lind to lift the quota.",
    ARRIVED + "The minister called on exporters to invest in Sweden.",
    "The minister called on Tomas Lind at his office.",   # nobody named before
    ARRIVED + "The crisis handed the minister a headache.",
])
def test_no_meeting_without_a_person_for_the_role_or_a_host(lexicon, text):
    assert meetings_of(lexicon, text) == []


@pytest.mark.parametrize("text, pair", [
    ("Lena Varga toured the port. She spoke with Tomas Lind by phone on Monday, Hungarian officials said.",
     {"Lena Varga", "Tomas Lind"}),
    ("Sato Kenji returned home. He held talks with Mia Costa in Tokyo on Friday, Japanese officials said.",
     {"Sato Kenji", "Mia Costa"}),
    ("Zhou Ming opened the fair. He met Paul Hart on Tuesday, Chinese state media reported.",
     {"Zhou Ming", "Paul Hart"}),
])
def test_a_pronoun_subject_is_the_person_not_the_reporters_country(lexicon, text, pair):
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == pair
