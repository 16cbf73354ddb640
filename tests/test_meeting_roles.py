"""Meeting sides named by a role, and countries that only receive goods.

Invented sentences; the people and their countries come from tests.test_meetings.PEOPLE, with
the roles given here as the article would have given them.
"""
from __future__ import annotations

from pipeline.meetings.extract import extract_meetings
from tests.test_meetings import make_article

ROLES = {"Lena Varga": "Minister for Economic Development", "Sato Kenji": "Minister of Economy, Trade and Industry"}


def meetings(lexicon, text: str):
    article = make_article(text)
    for m in article.mentions:
        m.role = ROLES.get(m.canonical, m.role)
    return extract_meetings(article, lexicon).meetings


def sides(ms) -> list[set[str]]:
    return sorted((set(m.participants) for m in ms), key=sorted)


# --- a long role phrase stands for the person of that country whose office fits ---------

def test_role_with_several_modifiers_resolves_to_the_fitting_person(lexicon):
    [m] = meetings(lexicon, "Lena Varga spoke on Monday. On Tuesday the Hungarian economic development "
                            "minister met Lind in Geneva.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}


def test_role_subject_meeting_two_people_separately(lexicon):
    ms = meetings(lexicon, "Lena Varga spoke on Monday. On Tuesday the Hungarian economic development "
                           "minister met Lind and Costa separately.")
    assert sides(ms) == [{"Lena Varga", "Mia Costa"}, {"Lena Varga", "Tomas Lind"}]


def test_role_subject_meeting_two_people_together(lexicon):
    [m] = meetings(lexicon, "Lena Varga spoke on Monday. On Tuesday the Hungarian economic minister met "
                            "Lind and Costa in Geneva.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind", "Mia Costa"}


def test_office_words_that_do_not_fit_leave_the_country(lexicon):
    ms = meetings(lexicon, "Lena Varga spoke on Monday. On Tuesday the Hungarian economic revitalization "
                           "minister met Lind and Costa separately.")
    assert sides(ms) == [{"Hungary", "Mia Costa"}, {"Hungary", "Tomas Lind"}]


def test_role_never_resolves_to_a_person_of_another_country(lexicon):
    [m] = meetings(lexicon, "Sato Kenji spoke on Monday. On Tuesday the Hungarian economic development "
                            "minister met Lind in Geneva.")
    assert set(m.participants) == {"Hungary", "Tomas Lind"}


def test_role_of_a_country_already_met_adds_nobody(lexicon):
    [m] = meetings(lexicon, "Lena Varga spoke on Monday. On Tuesday the Swedish economic minister met "
                            "Lind and Costa in Geneva.")
    assert set(m.participants) == {"Tomas Lind", "Mia Costa"}


# --- after a trade word, "to" names where goods go, not a side -----------------------------

def test_country_receiving_exports_is_not_a_side(lexicon):
    [m] = meetings(lexicon, "Hungary will restrict exports of machinery to Japan, Lena Varga said after "
                            "she met Lind in Geneva on Monday.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}
    assert "Japan" not in m.countries


def test_country_receiving_shipments_or_sales_is_not_a_side(lexicon):
    [m] = meetings(lexicon, "Lena Varga met Tomas Lind on Monday to discuss shipments to China.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}
    [m] = meetings(lexicon, "Hungary and Sweden met on Monday in Geneva to discuss sales of steel to the Netherlands.")
    assert set(m.participants) == {"Hungary", "Sweden"}


def test_travel_destination_still_counts(lexicon):
    [m] = meetings(lexicon, "Lena Varga travelled to Japan to meet Tomas Lind on Monday.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}
    assert "Japan" in m.countries


def test_country_spoken_to_is_still_a_side(lexicon):
    [m] = meetings(lexicon, "Lena Varga spoke to Japan on Monday.")
    assert set(m.participants) == {"Lena Varga", "Japan"}
