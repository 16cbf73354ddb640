"""Who meets whom: meetings per pair of people or countries, a pair's track and its quotes about each other."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.query.counterparts import (edges, matrix, names_of, other_names, pair_quotes, pair_track,
                                         reporting_articles, side_counts, with_sources)


def meeting(mid, participants, countries, date="", **more) -> dict:
    return {"meeting_id": mid, "participants": participants, "countries": countries, "date": date,
            "date_precision": "day" if date else "", "location": more.pop("location", ""), "occasion": "",
            "mode": "in_person", "status": "held", "tags": [], "article_ids": more.pop("article_ids", [f"a-{mid}"]),
            "source_count": 1, "evidence": [], **more}


@pytest.fixture
def meetings() -> pd.DataFrame:
    return pd.DataFrame([
        meeting("m1", ["Akazawa Ryosei", "Wang Wentao"], ["Japan", "China"], "2025-10-30"),
        meeting("m2", ["Wang Wentao", "Akazawa Ryosei"], ["China", "Japan"], "2025-09-01"),   # the other order
        meeting("m3", ["Maros Sefcovic", "Wang Wentao"], ["European Union", "China"], "2025-10-14"),
        meeting("m4", ["Akazawa Ryosei", "Wang Wentao", "Maros Sefcovic"], ["Japan", "China", "European Union"],
                "2025-11-20"),
        meeting("m5", ["European Union", "China"], ["European Union", "China"]),               # no person named
        meeting("m6", ["Wang Wentao"], ["China"], "2025-08-01"),                               # one side: no pair
    ])


def as_pairs(frame: pd.DataFrame) -> dict[tuple[str, str], int]:
    return {(a, b): n for a, b, n in frame[["a", "b", "meetings"]].itertuples(index=False)}


def test_people_pairs_count_meetings_in_either_order(meetings):
    assert as_pairs(edges(meetings, "people")) == {
        ("Akazawa Ryosei", "Wang Wentao"): 3, ("Maros Sefcovic", "Wang Wentao"): 2,
        ("Akazawa Ryosei", "Maros Sefcovic"): 1}


def test_strongest_pair_first(meetings):
    assert edges(meetings, "people")["meetings"].tolist() == [3, 2, 1]
    # a tie goes by name
    assert edges(meetings, "countries")[["a", "b"]].values.tolist() == [
        ["China", "European Union"], ["China", "Japan"], ["European Union", "Japan"]]


def test_countries_count_the_meetings_no_person_is_named_in(meetings):
    assert as_pairs(edges(meetings, "countries")) == {
        ("China", "Japan"): 3, ("China", "European Union"): 3, ("European Union", "Japan"): 1}


def test_a_meeting_of_three_gives_three_pairs():
    three = pd.DataFrame([meeting("m", ["A a", "B b", "C c"], ["X", "Y", "Z"])])
    assert as_pairs(edges(three, "people")) == {("A a", "B b"): 1, ("A a", "C c"): 1, ("B b", "C c"): 1}
    assert as_pairs(edges(three, "countries")) == {("X", "Y"): 1, ("X", "Z"): 1, ("Y", "Z"): 1}


def test_a_side_named_twice_is_one_side():
    twice = pd.DataFrame([meeting("m", ["A a", "B b"], ["X", "X"])])
    assert as_pairs(edges(twice, "countries")) == {}
    assert as_pairs(edges(twice, "people")) == {("A a", "B b"): 1}


def test_no_pair_gives_an_empty_frame():
    assert edges(pd.DataFrame([meeting("m", ["A a"], ["X"])]), "people").columns.tolist() == ["a", "b", "meetings"]
    assert edges(pd.DataFrame([meeting("m", ["A a"], ["X"])]).iloc[0:0], "countries").empty


def test_by_must_be_people_or_countries(meetings):
    with pytest.raises(ValueError):
        edges(meetings, "country")


def test_side_counts_count_meetings_with_a_counterpart(meetings):
    assert side_counts(meetings, "people").to_dict() == {"Wang Wentao": 4, "Akazawa Ryosei": 3,
                                                         "Maros Sefcovic": 2}
    assert side_counts(meetings, "countries").index.tolist() == ["China", "European Union", "Japan"]


def test_matrix_holds_each_pair_in_both_orders_among_the_kept(meetings):
    cells = as_pairs(matrix(edges(meetings, "people"), ["Wang Wentao", "Akazawa Ryosei"]))
    assert cells == {("Akazawa Ryosei", "Wang Wentao"): 3, ("Wang Wentao", "Akazawa Ryosei"): 3}


def test_track_is_oldest_first_in_either_order_undated_last(meetings):
    track = pair_track(meetings, "Wang Wentao", "Akazawa Ryosei", "people")
    assert track["meeting_id"].tolist() == ["m2", "m1", "m4"]
    assert pair_track(meetings, "Akazawa Ryosei", "Wang Wentao", "people")["meeting_id"].tolist() == ["m2", "m1", "m4"]
    assert pair_track(meetings, "China", "European Union", "countries")["meeting_id"].tolist() == ["m3", "m4", "m5"]
    assert pair_track(meetings, "China", "China", "countries").empty


def test_a_country_is_not_a_person(meetings):
    assert pair_track(meetings, "China", "European Union", "people").empty


def test_sources_of_each_meeting():
    track = pd.DataFrame([meeting("m1", ["A a", "B b"], ["X", "Y"], article_ids=["a1", "a2", "a3"]),
                          meeting("m2", ["A a", "B b"], ["X", "Y"], article_ids=["gone"])])
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "source": ["Kyodo", "Reuters", "Kyodo"],
                             "title": ["One", "Two", "Three"], "url": ["https://e.com/1", "", ""]})
    shown = with_sources(track, articles)
    assert shown["reports"].tolist() == [3, 1]
    assert shown["outlet_names"].tolist() == [["Kyodo", "Reuters"], []]
    assert shown["outlets"].tolist() == [2, 0]
    assert shown["article_titles"].tolist() == [["One", "Two", "Three"], []]
    assert shown["first_article"].tolist() == ["a1", "gone"]
    assert shown["first_url"].tolist() == ["https://e.com/1", ""]
    assert reporting_articles(track, articles)["article_id"].tolist() == ["a1", "a2", "a3"]


# --- quotes about each other -------------------------------------------
def quote(qid, speaker, country, text, evidence="") -> dict:
    return {"quote_id": qid, "article_id": "a", "speaker": speaker, "speaker_role": "", "speaker_country": country,
            "kind": "direct", "date": "", "tags": [], "text": text, "evidence": evidence or text}


@pytest.fixture
def quotes() -> pd.DataFrame:
    return pd.DataFrame([
        quote("q1", "Akazawa Ryosei", "Japan", "We told Wang Wentao the ban must end"),
        quote("q2", "Wang Wentao", "China", "Our talks were frank", "“Our talks were frank,” Wang told Akazawa."),
        quote("q3", "Akazawa Ryosei", "Japan", "Brussels and Sefcovic agree with us"),    # about a third party
        quote("q4", "Wang Wentao", "China", "China will answer Japan's measures"),
        quote("q5", "Maros Sefcovic", "European Union", "Wang Wentao was clear"),       # a third party speaking
        quote("q6", "Wang Wentao", "China", "he said the wang family business is safe"),  # no capitalised name
        quote("q7", "Akazawa Ryosei", "Japan", "Šefčovič and Wang agreed"),                # accents ignored
    ])


def test_quotes_about_each_other_by_people(quotes):
    assert pair_quotes(quotes, "Akazawa Ryosei", "Wang Wentao", "people")["quote_id"].tolist() == ["q1", "q2", "q7"]
    assert pair_quotes(quotes, "Wang Wentao", "Akazawa Ryosei", "people")["quote_id"].tolist() == ["q1", "q2", "q7"]


def test_quotes_about_a_third_party_are_left_out(quotes):
    assert "q3" not in pair_quotes(quotes, "Akazawa Ryosei", "Wang Wentao", "people")["quote_id"].tolist()
    assert pair_quotes(quotes, "Akazawa Ryosei", "Maros Sefcovic", "people")["quote_id"].tolist() == ["q3", "q7"]


def test_quotes_about_each_other_by_countries(quotes):
    assert pair_quotes(quotes, "China", "Japan", "countries")["quote_id"].tolist() == ["q4"]
    also = {"Japan": ["Japanese"], "China": ["Chinese"]}
    more = pd.concat([quotes, pd.DataFrame([quote("q8", "Akazawa Ryosei", "Japan", "The Chinese side listened")])])
    assert pair_quotes(more, "China", "Japan", "countries", also)["quote_id"].tolist() == ["q4", "q8"]


def test_a_name_is_a_whole_word_and_may_end_in_a_stop():
    said = pd.DataFrame([quote("q1", "Wang Wentao", "China", "Japanese firms are welcome"),
                         quote("q2", "Wang Wentao", "China", "The U.S. side, not Japan, moved first"),
                         quote("q3", "Wang Wentao", "China", "The U.S.A. is far")])
    assert pair_quotes(said, "China", "Japan", "countries")["quote_id"].tolist() == ["q2"]
    found = pair_quotes(said, "China", "United States", "countries", {"United States": ["U.S."]})
    assert found["quote_id"].tolist() == ["q2"]


def test_names_of_a_side():
    assert names_of("Akazawa Ryosei", "people") == ["Akazawa Ryosei", "Akazawa", "Ryosei"]
    assert names_of("He Lifeng", "people") == ["He Lifeng", "Lifeng"]     # "He" alone would match "he"
    assert names_of("Japan", "countries") == ["Japan"]


def test_other_names_from_the_lexicon(lexicon):
    names = other_names(lexicon, ["China", "Nowhere"], "countries")
    assert "Chinese" in names["China"] and "PRC" in names["China"]
    assert names["Nowhere"] == []
    assert "Sefcovic" in other_names(lexicon, ["Maros Sefcovic"], "people")["Maros Sefcovic"]
