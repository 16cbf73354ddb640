"""Analysts regroup meetings into events: a report kept apart from the event the rules put it in,
two events the rules kept apart made one; both hold after a reprocess."""
from __future__ import annotations

import json

import pytest

from pipeline.corrections import Correction, record
from pipeline.errors import CorrectionError
from pipeline.ingest import reprocess
from pipeline.query.library import read_table
from tests.test_events import GENEVA_ONE, GENEVA_TWO, _ingest, _of

LAUSANNE = ("Jamieson Greer and He Lifeng met again in Lausanne on Tuesday (March 3), a day after their "
            "Geneva talks, officials said.\nNo statement followed.")


def _row(store, article_source: str):
    articles = read_table(store, "articles")
    article = articles.loc[articles["source"] == article_source, "article_id"].iloc[0]
    meetings = store.read("meetings")
    return article, meetings[[article in ids for ids in meetings["article_ids"]]].iloc[0]


def _pair(store):
    return _of(read_table(store, "events"), "Jamieson Greer", "He Lifeng")


def test_a_report_kept_apart_is_an_event_of_its_own_after_a_reprocess_too(tmp_path, store, lexicon):
    _ingest(tmp_path, store, lexicon, "harbour", "Harbour Times", "2026-03-03", GENEVA_ONE)
    _ingest(tmp_path, store, lexicon, "ledger", "Pacific Ledger", "2026-03-04", GENEVA_TWO)
    assert len(_pair(store)) == 1
    _, row = _row(store, "Pacific Ledger")
    record(store, [Correction("meetings", row["meeting_id"], "grouping", "apart", author="Ana")])
    events = _pair(store)
    assert sorted(events["source_count"]) == [1, 1]
    assert ["grouping"] in [list(c)[-1:] for c in events["corrected"]]
    reprocess(store, lexicon)
    assert sorted(_pair(store)["source_count"]) == [1, 1]


def test_two_events_the_rules_kept_apart_are_made_one(tmp_path, store, lexicon):
    _ingest(tmp_path, store, lexicon, "harbour", "Harbour Times", "2026-03-03", GENEVA_ONE)
    _ingest(tmp_path, store, lexicon, "lake", "Lake Courier", "2026-03-04", LAUSANNE)
    assert len(_pair(store)) == 2                     # another city: another meeting, by the rules
    article, geneva = _row(store, "Harbour Times")
    _, lausanne = _row(store, "Lake Courier")
    same = json.dumps({"article_id": article, "evidence": geneva["evidence"][0]})
    record(store, [Correction("meetings", lausanne["meeting_id"], "grouping", same, author="Ana")])
    [event] = _pair(store).to_dict("records")
    assert event["source_count"] == 2 and "grouping" in event["corrected"]
    reprocess(store, lexicon)
    assert len(_pair(store)) == 1


def test_a_grouping_that_names_no_meeting_is_refused(tmp_path, store, lexicon):
    _ingest(tmp_path, store, lexicon, "harbour", "Harbour Times", "2026-03-03", GENEVA_ONE)
    _, row = _row(store, "Harbour Times")
    with pytest.raises(CorrectionError, match="grouping"):
        record(store, [Correction("meetings", row["meeting_id"], "grouping", "together", author="Ana")])
