"""Meeting events across articles: one real meeting, one row, however many stories report it.

The articles are invented; each test ingests them as an analyst would and reads the
events table the store keeps up to date.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from pipeline.events.cluster import cluster
from pipeline.events.mention import Mention
from pipeline.events.update import build_events
from pipeline.ingest import ingest_paths, reprocess
from pipeline.query.library import read_table


def _write(folder: Path, name: str, source: str, published: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"title: {name}\nsource: {source}\npublished: {published}\n\n{body}\n", "utf-8")
    return path


def _ingest(tmp_path: Path, store, lexicon, name: str, source: str, published: str, body: str):
    folder = tmp_path / name
    _write(folder, f"{name}.txt", source, published, body)
    return ingest_paths([folder], store, lexicon=lexicon)


def _events(store) -> pd.DataFrame:
    return read_table(store, "events")


def _of(events: pd.DataFrame, *people: str) -> pd.DataFrame:
    return events[[set(people) <= set(p) for p in events["participants"]]]


GENEVA_ONE = (
    "Jamieson Greer, the US trade representative, held talks with Chinese Vice Premier He Lifeng "
    "in Geneva on Monday (March 2) on tariffs and export controls on rare earths.\n"
    "The two sides agreed to keep working on a framework, officials said after the meeting.\n"
    "Markets in Asia rose on the news, with shares of chipmakers leading the gains.")
GENEVA_TWO = (
    "Chinese Vice Premier He Lifeng met US Trade Representative Jamieson Greer in Geneva on March 2, "
    "China's commerce ministry said in a statement on its website.\n"
    "The ministry described the exchange as candid and constructive, and said both delegations "
    "would report to their leaders.\n"
    "Analysts in Hong Kong said the tone of the statement was warmer than after earlier rounds.")


def test_two_stories_on_one_meeting_are_one_event_from_two_sources(tmp_path, store, lexicon):
    _ingest(tmp_path, store, lexicon, "harbour", "Harbour Times", "2026-03-03", GENEVA_ONE)
    _ingest(tmp_path, store, lexicon, "ledger", "Pacific Ledger", "2026-03-04", GENEVA_TWO)
    assert len(read_table(store, "articles")) == 2
    geneva = _of(_events(store), "Jamieson Greer", "He Lifeng")
    assert len(geneva) == 1
    event = geneva.iloc[0]
    assert event["source_count"] == 2 and event["outlets"] == 2 and len(event["article_ids"]) == 2
    assert event["date"] == "2026-03-02" and event["location"] == "Geneva" and event["status"] == "held"
    assert len(event["evidence"]) == 2      # one sentence from each article
    assert "Geneva on Monday" in event["evidence"][0] and "commerce ministry" in event["evidence"][1]


def test_a_meeting_announced_then_held_is_one_event_with_its_history(tmp_path, store, lexicon):
    _ingest(tmp_path, store, lexicon, "plan", "Tokyo Business Wire", "2026-04-01",
            "Japanese trade minister Ryosei Akazawa will meet US Commerce Secretary Howard Lutnick "
            "in Washington next week to discuss tariffs on cars, the ministry said on Wednesday.\n"
            "Akazawa is expected to press for lower duties on auto parts.")
    _ingest(tmp_path, store, lexicon, "held", "Capital Trade Report", "2026-04-09",
            "Ryosei Akazawa met Howard Lutnick in Washington on Wednesday (April 8) and the two "
            "discussed tariffs on cars and auto parts.\n"
            "Akazawa told reporters afterwards that the talks had been useful.")
    events = _of(_events(store), "Akazawa Ryosei", "Howard Lutnick")
    assert len(events) == 1
    event = events.iloc[0]
    assert event["status"] == "held" and event["date"] == "2026-04-08"
    assert event["announced_on"] == "2026-04-01" and event["source_count"] == 2
    assert [h.split(":")[0] for h in event["history"]] == ["2026-04-01", "2026-04-09"]
    assert ": planned" in event["history"][0] and "held on 2026-04-08" in event["history"][1]


def test_a_call_and_a_summit_of_one_pair_in_one_week_are_two_events(tmp_path, store, lexicon):
    _ingest(tmp_path, store, lexicon, "summit", "Global Markets Daily", "2026-05-08",
            "Chinese President Xi Jinping and US President Donald Trump met in Beijing on Thursday "
            "(May 7) for a summit on trade and technology.\n"
            "The leaders agreed to extend their tariff truce by a year.")
    _ingest(tmp_path, store, lexicon, "call", "Evening Post", "2026-05-11",
            "Donald Trump spoke by phone with Xi Jinping last week about soybeans and fentanyl, "
            "the White House said.\n"
            "The two leaders discussed the purchases China had promised.")
    events = _of(_events(store), "Xi Jinping", "Donald Trump")
    assert sorted(events["mode"]) == ["in_person", "phone"]
    assert set(events["source_count"]) == {1}


def test_copies_of_one_story_are_one_source_from_two_outlets(tmp_path, store, lexicon):
    _ingest(tmp_path, store, lexicon, "wire", "Harbour Times", "2026-03-03", GENEVA_ONE)
    _ingest(tmp_path, store, lexicon, "copy", "Island Herald", "2026-03-03",
            GENEVA_ONE + "\nRead more of our coverage of the talks on our website.")
    event = _of(_events(store), "Jamieson Greer", "He Lifeng").iloc[0]
    assert len(read_table(store, "articles")) == 2
    assert event["source_count"] == 1 and event["outlets"] == 2 and len(event["article_ids"]) == 2


def test_incremental_events_equal_those_built_at_once(tmp_path, store, lexicon, samples):
    ingest_paths([samples], store, lexicon=lexicon)
    _ingest(tmp_path, store, lexicon, "ledger", "Pacific Ledger", "2026-03-04", GENEVA_TWO)
    _ingest(tmp_path, store, lexicon, "harbour", "Harbour Times", "2026-03-03", GENEVA_ONE)
    stored = store.read("events")
    whole = build_events(store.read("meetings"), store.read("articles"))
    def canon(df):
        return sorted((tuple(sorted(r.mention_ids)), r.date, r.status, r.source_count) for r in df.itertuples())
    assert canon(stored) == canon(whole)
    assert stored["event_id"].is_unique


def test_reprocess_rebuilds_the_same_events(tmp_path, store, lexicon):
    _ingest(tmp_path, store, lexicon, "harbour", "Harbour Times", "2026-03-03", GENEVA_ONE)
    _ingest(tmp_path, store, lexicon, "ledger", "Pacific Ledger", "2026-03-04", GENEVA_TWO)
    before = _events(store).sort_values("event_id").reset_index(drop=True)
    reprocess(store, lexicon)
    after = _events(store).sort_values("event_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(before, after)


# --- the rules, on mentions made by hand ---------------------------------------
def _m(mid: str, article: str, published: str, people=(), sides=(), day: str = "", precision: str = "day",
       location: str = "", mode: str = "unknown", status: str = "held", occasion: str = "") -> Mention:
    participants = tuple(people) + tuple(s for s in sides if not people)
    row = {"meeting_id": mid, "article_ids": [article], "participants": list(participants),
           "countries": list(sides), "date": day, "date_precision": precision if day else "",
           "location": location, "occasion": occasion, "mode": mode, "status": status,
           "tags": [], "evidence": [f"sentence of {mid}"]}
    from pipeline.events.mention import mentions_of
    articles = pd.DataFrame({"article_id": [article], "published": [published], "source": [article],
                             "duplicate_of": [""]})
    return mentions_of(pd.DataFrame([row]), articles)[0]


US_CN = ("United States", "China")


def _groups(*mentions: Mention) -> list[set[str]]:
    return sorted(({m.meeting_id for m in e} for e in cluster(list(mentions))), key=sorted)


def test_a_bilateral_on_a_summits_sidelines_is_not_the_summit():
    summit = _m("summit", "a1", "2026-06-02", sides=("United States", "Japan", "Germany", "France",
                                                      "Italy", "Canada", "United Kingdom"),
                day="2026-06-01", location="Evian", occasion="G7 summit")
    bilateral = _m("bilateral", "a2", "2026-06-02", people=("Donald Trump", "Sanae Takaichi"),
                   sides=("United States", "Japan"), day="2026-06-01", location="Evian", occasion="G7 summit")
    assert _groups(summit, bilateral) == [{"bilateral"}, {"summit"}]


def test_two_rounds_in_different_cities_stay_apart():
    first = _m("r1", "a1", "2026-05-20", people=("Scott Bessent", "He Lifeng"), sides=US_CN,
               day="2026-05-18", precision="week", location="Geneva")
    second = _m("r2", "a2", "2026-05-21", people=("Scott Bessent", "He Lifeng"), sides=US_CN,
                day="2026-05-20", location="London")
    assert _groups(first, second) == [{"r1"}, {"r2"}]


def test_different_delegations_of_the_same_countries_stay_apart():
    one = _m("m1", "a1", "2026-05-20", people=("Scott Bessent", "He Lifeng"), sides=US_CN, day="2026-05-19")
    two = _m("m2", "a2", "2026-05-20", people=("Jamieson Greer", "Li Chenggang"), sides=US_CN, day="2026-05-19")
    assert _groups(one, two) == [{"m1"}, {"m2"}]


def test_a_report_naming_only_the_countries_joins_the_named_meeting():
    named = _m("named", "a1", "2026-05-20", people=("Scott Bessent", "He Lifeng"), sides=US_CN, day="2026-05-19")
    countries = _m("countries", "a2", "2026-05-20", sides=US_CN, day="2026-05-19")
    assert _groups(named, countries) == [{"countries", "named"}]
    event = build_events(pd.DataFrame([named.row, countries.row]),
                         pd.DataFrame({"article_id": ["a1", "a2"], "published": ["2026-05-20"] * 2,
                                       "source": ["X", "Y"], "duplicate_of": ["", ""]})).iloc[0]
    assert event["participants"] == ["Scott Bessent", "He Lifeng"]   # the countries are theirs


def test_a_plan_announced_after_the_day_is_a_later_meeting():
    held = _m("held", "a1", "2026-05-10", people=("Scott Bessent", "He Lifeng"), sides=US_CN, day="2026-05-08")
    later = _m("later", "a2", "2026-05-12", people=("Scott Bessent", "He Lifeng"), sides=US_CN,
               day="2026-05-01", precision="month", status="planned")
    assert _groups(held, later) == [{"held"}, {"later"}]


def test_a_plan_for_the_month_joins_the_meeting_held_in_it():
    plan = _m("plan", "a1", "2026-04-28", people=("Scott Bessent", "He Lifeng"), sides=US_CN,
              day="2026-05-01", precision="month", status="planned")
    held = _m("held", "a2", "2026-05-10", people=("Scott Bessent", "He Lifeng"), sides=US_CN, day="2026-05-08")
    assert _groups(held, plan) == [{"held", "plan"}]


@pytest.mark.parametrize("place, joins", [("Geneva", True), ("", False)])
def test_an_undated_report_joins_only_at_the_same_place(place, joins):
    dated = _m("dated", "a1", "2026-03-03", people=("Jamieson Greer", "He Lifeng"), sides=US_CN,
               day="2026-03-02", location="Geneva")
    undated = _m("undated", "a2", "2026-03-05", people=("Jamieson Greer", "He Lifeng"), sides=US_CN,
                 location=place)
    assert (len(_groups(dated, undated)) == 1) is joins


def test_a_vague_mention_does_not_chain_two_meetings():
    monday = _m("mon", "a1", "2026-03-10", people=("Scott Bessent", "He Lifeng"), sides=US_CN, day="2026-03-02")
    friday = _m("fri", "a2", "2026-03-10", people=("Scott Bessent", "He Lifeng"), sides=US_CN, day="2026-03-06")
    week = _m("week", "a3", "2026-03-10", people=("Scott Bessent", "He Lifeng"), sides=US_CN,
              day="2026-03-02", precision="week")
    groups = _groups(monday, friday, week)
    assert len(groups) == 2 and {"mon"} != groups[0] | groups[1]
    assert all(len(g) <= 2 for g in groups)


def test_a_copy_leaving_undated_what_its_story_dates_is_that_meeting():
    dated = _m("dated", "a1", "2026-03-03", people=("Don Farrell", "Wang Wentao"),
               sides=("Australia", "China"), day="2026-03-02", location="Beijing")
    copy = _m("copy", "a2", "", people=("Don Farrell", "Wang Wentao"), sides=("Australia", "China"),
              location="Beijing")
    copy = replace(copy, story="a1")
    assert _groups(dated, copy) == [{"copy", "dated"}]
    # in the article itself, a dated and an undated meeting of the same people are two
    same = replace(copy, article_id="a1")
    assert len(_groups(dated, same)) == 2
