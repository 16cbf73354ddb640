"""Meeting cases worded as in dev-set articles, each beside an invented one that exercises the same rule."""
from __future__ import annotations

from pipeline.meetings.filed import dateline
from tests.test_meetings import meetings_of


def _by_sides(lexicon, text: str) -> dict:
    return {frozenset(m.participants): m for m in meetings_of(lexicon, text)}


def _two_meetings_apart(lexicon, text: str) -> None:
    rows = _by_sides(lexicon, text)
    assert set(rows) == {frozenset({"Paul Hart", "Zhou Ming"}), frozenset({"Lena Varga", "Tomas Lind"})}
    assert rows[frozenset({"Paul Hart", "Zhou Ming"})].location == "Geneva"
    assert rows[frozenset({"Lena Varga", "Tomas Lind"})].location == "Paris"


def test_two_meetings_in_one_sentence_stay_apart(lexicon):
    _two_meetings_apart(lexicon, "The talks will be the first since Paul Hart and his Chinese counterpart Zhou Ming "
                                 "met in Geneva in May, and Lena Varga met Tomas Lind in Paris on Monday.")
    _two_meetings_apart(lexicon, "No round has taken place since Paul Hart met Zhou Ming in Geneva in May, "
                                 "and Lena Varga met Tomas Lind in Paris on Monday.")


def _held_and_two_launched(lexicon, text: str) -> None:
    rows = meetings_of(lexicon, text)
    held = [m for m in rows if m.status == "held"]
    planned = [m for m in rows if m.status == "planned"]
    assert [set(m.participants) for m in held] == [{"Lena Varga", "Tomas Lind"}]
    assert len(planned) == 2 and all(set(m.participants) == {"Hungary", "Sweden"} for m in planned)
    assert planned[0].occasion != planned[1].occasion and all(m.date is None for m in planned)


def test_agreeing_to_launch_two_dialogues_gives_two_planned_rows_of_the_countries(lexicon):
    _held_and_two_launched(lexicon, "Lena Varga met Tomas Lind on Monday, and the two agreed to set up a steel "
                                    "dialogue and to resume talks on a trade deal.")
    _held_and_two_launched(lexicon, "Lena Varga held talks with Tomas Lind on Monday, and the two decided to launch "
                                    "a steel dialogue and to restart negotiations on an energy pact.")


def test_group_side_needs_its_country(lexicon):
    assert meetings_of(lexicon, "Lena Varga chaired a meeting with battery industry executives in Geneva on Tuesday.") == []
    [m] = meetings_of(lexicon, "Lena Varga held a meeting with American business executives in Geneva on Tuesday.")
    assert "Lena Varga" in m.participants and len(m.participants) == 2
    # invented
    assert meetings_of(lexicon, "Lena Varga held talks with chip industry executives in Geneva on Tuesday.") == []
    [m] = meetings_of(lexicon, "Lena Varga held talks with Swedish business leaders in Geneva on Tuesday.")
    assert m.participants == ["Lena Varga", "Swedish business leaders"]


def test_delegation_heads_stand_for_country_sides(lexicon):
    [m] = meetings_of(lexicon, "Swedish and U.S. negotiators concluded a round of talks in Stockholm on Tuesday. "
                               "The U.S. team was led by Assistant Trade Representative Paul Hart, while "
                               "Rajesh Agrawal, Special Secretary in the Department of Commerce, headed the Swedish delegation.")
    assert set(m.participants) == {"Paul Hart", "Rajesh Agrawal"}
    [m] = meetings_of(lexicon, "Hungarian and Swedish negotiators wrapped up two days of talks in Budapest on Friday. "
                               "The Swedish side was led by Tomas Lind, while Ravi Menon, a deputy minister, headed "
                               "the Hungarian delegation.")
    assert set(m.participants) == {"Tomas Lind", "Ravi Menon"}


def test_one_persons_relative_clause_speaks_of_that_person_alone(lexicon):
    rows = meetings_of(lexicon, "The deal was praised by Tomas Lind and Mia Costa, who is on her first visit to Japan.")
    assert rows and all("Tomas Lind" not in m.participants for m in rows)
    rows = meetings_of(lexicon, "The deal was praised by Tomas Lind and Mia Costa, who is visiting Japan this week.")
    assert rows and all("Tomas Lind" not in m.participants for m in rows)


def test_dateline_of_a_published_line(lexicon):
    assert dateline(["Headline", "Caption", "Published - September 09, 2024 01:41 pm IST - Beijing"],
                    lexicon=lexicon)[0] == "Beijing"
    assert dateline(["Body."], ["Published - September 09, 2024 01:41 pm IST - Madrid"], lexicon=lexicon) == ("Madrid", 0)
    assert dateline(["Body."], ["Updated - January 15, 2025 11:20 am IST - Lisbon"], lexicon=lexicon) == ("Lisbon", 0)


def _visits_elsewhere_take_no_city(lexicon, text: str) -> None:
    rows = _by_sides(lexicon, text)
    assert rows[frozenset({"Zhou Ming", "Mia Costa"})].location == "Brussels"
    others = [m for k, m in rows.items() if "Mia Costa" not in k]
    assert others and all(m.location == "" for m in others)


def test_a_visit_to_a_country_does_not_take_another_countrys_capital(lexicon):
    _visits_elsewhere_take_no_city(lexicon, "Zhou Ming and Mia Costa will hold talks in Brussels on Thursday.\n"
                                            "Zhou's visit comes after trips to Germany and Italy earlier this week.")
    _visits_elsewhere_take_no_city(lexicon, "Zhou Ming and Mia Costa will hold talks in Brussels on Thursday.\n"
                                            "Zhou's tour began with visits to Spain and Portugal on Monday.")


def test_one_trip_shares_its_city_unless_the_article_places_another(lexicon):
    for second in ("Hart also sat down with Sato Kenji on Friday to discuss chips.",
                   "Hart later met Sato Kenji on Friday to discuss chips."):
        rows = _by_sides(lexicon, "Paul Hart met Zhou Ming in Beijing on Friday.\n" + second)
        assert rows[frozenset({"Paul Hart", "Sato Kenji"})].location == "Beijing"
    rows = _by_sides(lexicon, "Paul Hart met Zhou Ming in Beijing on Friday, after his visit to the southern city of "
                              "Guangzhou.\nHart also sat down with Sato Kenji on Friday to discuss chips.")
    assert rows[frozenset({"Paul Hart", "Sato Kenji"})].location == ""
    rows = _by_sides(lexicon, "Paul Hart met Zhou Ming in Beijing on Friday, a day after a stop in the port city of "
                              "Tianjin.\nHart later met Sato Kenji on Friday to discuss chips.")
    assert rows[frozenset({"Paul Hart", "Sato Kenji"})].location == ""
