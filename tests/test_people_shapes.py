"""People named in shapes a title-then-name reading misses: two offices given respectively,
a local office of a place, a generational suffix. Every name here is invented."""
from pipeline.article import Article
from pipeline.entities.honorifics import plain_case
from tests.test_people_anywhere import make, people


def test_respective_offices_give_each_name_its_own_country(lexicon):
    a = make(lexicon, "The Presidents of Kazakhstan and Azerbaijan, Dauren Amanzholov and Rauf Mammadli, "
                      "met in Astana on Monday.")
    found = people(a)
    assert found["Dauren Amanzholov"] == ("President", "Kazakhstan")
    assert found["Rauf Mammadli"] == ("President", "Azerbaijan")


def test_respective_offices_of_several_words(lexicon):
    a = make(lexicon, "The foreign ministers of Chile and Uruguay, Alberto Vargas Soto and Lucia Ramos Pinto, "
                      "held talks in Montevideo.")
    found = people(a)
    assert found["Alberto Vargas Soto"][1] == "Chile"
    assert found["Lucia Ramos Pinto"][1] == "Uruguay"
    assert found["Lucia Ramos Pinto"][0].lower() == "foreign minister"


def test_no_respective_reading_without_an_office_or_two_names(lexicon):
    a = make(lexicon, "The farmers of Kazakhstan and Azerbaijan, Dauren Amanzholov said, want lower tariffs.")
    assert "Rauf Mammadli" not in people(a)
    assert people(a).get("Dauren Amanzholov", ("", ""))[0] != "Farmer"
    a = make(lexicon, "The Presidents of Kazakhstan and Azerbaijan, who met on Monday, signed the accord.")
    assert not people(a)


def test_a_local_office_of_a_place_introduces_the_name_after_the_place(lexicon):
    a = make(lexicon, "The mayor of Cebu Ramon Villanueva Santos welcomed the deal.")
    assert "Ramon Villanueva Santos" in people(a)
    a = make(lexicon, "The akim of Karaganda Darkhan Satybaldy said the city would host the fair.")
    assert "Darkhan Satybaldy" in people(a)
    a = make(lexicon, "The akim of Mangystau region Yerlan Tokbergenov said the port was ready.")
    assert "Yerlan Tokbergenov" in people(a)
    a = make(lexicon, "Arslan met the Chairman of the Senate Bolat Tokenov.")
    assert "Bolat Tokenov" in people(a)


def test_an_office_name_after_of_is_no_person(lexicon):
    a = make(lexicon, "The Minister of Trade Policy Board will review the accord.")
    assert not people(a)
    a = make(lexicon, "The mayor of Cebu said the port was ready.")
    assert not people(a)


def test_a_generational_suffix_belongs_to_the_name_and_later_mentions_drop_it(lexicon):
    a = make(lexicon, "Agriculture Secretary Francisco Reyes Dela Cruz Jr. met Vietnamese officials on Tuesday.",
             "Secretary Dela Cruz said that prices fell. Dela Cruz added that stocks were ample.")
    persons = [m.canonical for m in a.mentions if m.kind == "person"]
    assert set(persons) == {"Francisco Reyes Dela Cruz Jr."}
    assert len(persons) == 3


def test_a_roman_numeral_suffix_keeps_its_capitals(lexicon):
    a = make(lexicon, "Trade Minister Henry Alston Carter III met officials. Carter said it went well.")
    persons = [m.canonical for m in a.mentions if m.kind == "person"]
    assert persons and set(persons) == {"Henry Alston Carter III"}
    assert plain_case("JOHN SMITH III") == "John Smith III"


def test_a_suffix_does_not_join_two_people(lexicon):
    a = make(lexicon, "Commerce Minister Pedro Alvarez Sr. met Trade Minister Pedro Alvarez Ruiz.")
    assert {"Pedro Alvarez Sr.", "Pedro Alvarez Ruiz"} <= set(people(a))


# --- groups as speakers -----------------------------------------------------------------------

def test_unnamed_groups_keep_their_description(lexicon):
    from tests.test_quotes import make_article, rows
    a = make_article(lexicon, "Rice millers' associations warned that a surge of imports could depress farm prices.",
                     "Dockworkers' unions said that the new shift rules were unsafe.")
    assert ("Rice millers' associations", "reported", "a surge of imports could depress farm prices") in rows(a)
    assert ("Dockworkers' unions", "reported", "the new shift rules were unsafe") in rows(a)


def test_groups_in_both_countries_speak_for_themselves_not_for_the_countries(lexicon):
    from tests.test_quotes import make_article
    a = make_article(lexicon, "Freedonia and Sylvania met in Geneva on Monday.",
                     "Steelmakers' associations in both countries warned that the dispute could spread.")
    assert [q.speaker for q in a.quotes if "spread" in q.text] == ["Steelmakers' associations in both countries"]


def test_a_singular_association_is_no_anonymous_speaker(lexicon):
    from tests.test_quotes import make_article
    a = make_article(lexicon, "The association said that members would meet in May.")
    assert all(q.speaker != "association" for q in a.quotes)


# --- meetings of the people these shapes name -------------------------------------------------

def _meetings(lexicon, text: str, published: str = "2026-03-13"):
    from datetime import date as _date

    from pipeline.process import process_article
    a = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published=_date.fromisoformat(published))
    return {(frozenset(m.participants), m.status): m for m in process_article(a, lexicon).meetings}


def test_a_visit_is_not_the_invitation_to_a_city_elsewhere(lexicon):
    found = _meetings(lexicon, "HANOI — On Tuesday, Trade Minister Dao Van Khanh held talks with Agriculture Secretary "
                               "Ramon Bautista Cruz Jr., who is on a working visit to Vietnam from March 10 to 12.\n"
                               "Secretary Bautista Cruz invited Minister Khanh to visit Manila in November, "
                               "and Khanh accepted.")
    pair = frozenset({"Dao Van Khanh", "Ramon Bautista Cruz Jr."})
    assert found[(pair, "held")].location == "Hanoi"
    assert found[(pair, "planned")].location == "Manila" and found[(pair, "planned")].date is None


def test_people_of_local_offices_take_part_in_meetings(lexicon):
    found = _meetings(lexicon, "ASTANA — Trade Minister Aidos Nurlanov held talks with Turkish Trade Minister "
                               "Kemal Arslan on 12 March.\n"
                               "The same day, Arslan met the Chairman of the Senate Bolat Tokenov.\n"
                               "On 13 March, Arslan will meet the akim of Shymkent Nurzhan Aliyev in Shymkent.")
    assert (frozenset({"Kemal Arslan", "Bolat Tokenov"}), "held") in found
    assert found[(frozenset({"Kemal Arslan", "Nurzhan Aliyev"}), "planned")].location == "Shymkent"


def test_a_relative_clause_after_an_apposition_leaves_the_named_person_speaking(lexicon):
    from tests.test_quotes import make_article
    a = make_article(lexicon, "Lena Park, chief executive of the shipping group Baltic Arrow, who is visiting Peru "
                              "with a trade mission, said the private sector was ready to invest.")
    assert [q.speaker for q in a.quotes] == ["Lena Park"]


def test_a_person_described_by_a_possessive_noun_and_named_in_commas(lexicon):
    a = make(lexicon, "His neighbour, Marta Olsen, was more hopeful. Their lawyer, Ivo Petrak, declined to comment.")
    assert {"Marta Olsen", "Ivo Petrak"} <= set(people(a))
    a = make(lexicon, "Their exports, Timber and Pulp, fell sharply.")
    assert not people(a) or "Timber and Pulp" not in people(a)
