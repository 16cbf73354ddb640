"""The people and countries filters: 'any of' the chosen sides, or 'between' all of them (invented rows)."""
from __future__ import annotations

import pandas as pd

from pipeline.query.views import BETWEEN, Filters, filter_articles, filter_meetings, filter_quotes, prepare
from pipeline.store.schema import TABLES


def views():
    """Four meetings among three invented countries and their envoys."""
    articles = pd.DataFrame([
        {"article_id": f"a{i}", "origin": f"a{i}.txt", "title": f"Story {i}", "source": "Wire",
         "published": "2026-03-0" + str(i), "people": people, "countries": countries, "text": "x"}
        for i, (people, countries) in enumerate([
            (["Ana Veld", "Bo Karsk"], ["Arland", "Borvia"]),
            (["Ana Veld", "Cy Morrow"], ["Arland", "Corsa"]),
            (["Bo Karsk"], ["Borvia"]),
            (["Ana Veld", "Bo Karsk", "Cy Morrow"], ["Arland", "Borvia", "Corsa"])], start=1)])
    meetings = pd.DataFrame([
        {"meeting_id": f"m{i}", "article_ids": [f"a{i}"], "source_count": 1, "participants": people,
         "countries": countries, "date": f"2026-03-0{i}", "mode": "video", "status": "held",
         "location": f"place{i}"}
        for i, (people, countries) in enumerate([
            (["Ana Veld", "Bo Karsk"], ["Arland", "Borvia"]),
            (["Ana Veld", "Cy Morrow"], ["Arland", "Corsa"]),
            (["Bo Karsk", "Bo Karsk"], ["Borvia"]),            # a repeated name counts once
            (["Ana Veld", "Bo Karsk", "Cy Morrow"], ["Arland", "Borvia", "Corsa"])], start=1)])
    quotes = pd.DataFrame([
        {"quote_id": "q1", "article_id": "a1", "speaker": "Ana Veld", "speaker_country": "Arland", "kind": "direct",
         "text": "We agreed", "evidence": "We agreed"},
        {"quote_id": "q2", "article_id": "a2", "speaker": "Ana Veld", "speaker_country": "Arland", "kind": "direct",
         "text": "We talked", "evidence": "We talked"},
        {"quote_id": "q3", "article_id": "a3", "speaker": "Bo Karsk", "speaker_country": "Borvia", "kind": "direct",
         "text": "No deal", "evidence": "No deal"},
    ])
    frames = {"articles": articles, "meetings": meetings, "quotes": quotes, "tags": pd.DataFrame()}
    return prepare({name: TABLES[name].conform(df) for name, df in frames.items()})


def places(df: pd.DataFrame) -> list[str]:
    return sorted(df["location"])


def test_any_of_countries_keeps_a_meeting_with_either():
    v = views()
    assert places(filter_meetings(v, Filters(countries=("Arland", "Borvia")))) == [
        "place1", "place2", "place3", "place4"]


def test_between_countries_keeps_meetings_with_both():
    v = views()
    f = Filters(countries=("Arland", "Borvia"), match=BETWEEN)
    assert places(filter_meetings(v, f)) == ["place1", "place4"]
    assert sorted(filter_articles(v, f)["article_id"]) == ["a1", "a4"]


def test_between_people_keeps_meetings_with_everyone_chosen():
    v = views()
    assert places(filter_meetings(v, Filters(people=("Ana Veld", "Cy Morrow")))) == ["place1", "place2", "place4"]
    assert places(filter_meetings(v, Filters(people=("Ana Veld", "Cy Morrow"), match=BETWEEN))) == ["place2", "place4"]
    assert places(filter_meetings(v, Filters(people=("Ana Veld", "Bo Karsk", "Cy Morrow"),
                                             match=BETWEEN))) == ["place4"]


def test_between_one_side_is_any_meeting_of_that_side():
    v = views()
    one = Filters(people=("Bo Karsk",))
    assert places(filter_meetings(v, one)) == places(filter_meetings(v, Filters(people=one.people, match=BETWEEN)))


def test_between_people_and_countries_together():
    v = views()
    f = Filters(people=("Ana Veld",), countries=("Borvia", "Corsa"), match=BETWEEN)
    assert places(filter_meetings(v, f)) == ["place4"]


def test_between_quotes_come_from_articles_naming_every_side():
    v = views()
    f = Filters(people=("Ana Veld", "Bo Karsk"))
    assert sorted(filter_quotes(v, f)["quote_id"]) == ["q1", "q2", "q3"]
    assert sorted(filter_quotes(v, Filters(people=f.people, match=BETWEEN))["quote_id"]) == ["q1"]


def test_between_nobody_known_keeps_nothing():
    v = views()
    assert filter_meetings(v, Filters(people=("Ana Veld", "Nobody"), match=BETWEEN)).empty
