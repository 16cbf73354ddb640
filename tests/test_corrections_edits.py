"""What an edited table says, as corrections: a changed cell, a ticked row, a row added from a sentence."""
from __future__ import annotations

import json

import pandas as pd

from pipeline.corrections.edits import DELETE, addition, edits, for_editing
from pipeline.corrections.model import ADDED, DELETED

MEETINGS = pd.DataFrame([
    {"meeting_id": "m1", "date": "2026-03-02", "participants": ["Jamieson Greer", "He Lifeng"],
     "location": "Geneva", "mode": "in_person", "status": "held", "corrected": []},
    {"meeting_id": "m2", "date": "", "participants": ["China", "Japan"], "location": "", "mode": "unknown",
     "status": "planned", "corrected": []},
])
COLUMNS = ["meeting_id", "date", "participants", "location", "mode", "status", "corrected"]


def test_lists_are_shown_as_text_and_nothing_is_ticked():
    shown = for_editing(MEETINGS, "meetings", COLUMNS)
    assert shown["participants"].tolist() == ["Jamieson Greer; He Lifeng", "China; Japan"]
    assert shown[DELETE].tolist() == [False, False]


def test_each_changed_cell_is_one_correction_and_an_unchanged_table_none():
    shown = for_editing(MEETINGS, "meetings", COLUMNS)
    assert edits("meetings", "meeting_id", shown, shown.copy(), "Ana") == []
    edited = shown.copy()
    edited.loc[0, "location"] = "Lausanne"
    edited.loc[0, "participants"] = "Jamieson Greer;He Lifeng"          # the same list, spaced otherwise
    edited.loc[1, "status"] = "held"
    found = {(c.target_id, c.field, c.value) for c in edits("meetings", "meeting_id", shown, edited, "Ana")}
    assert found == {("m1", "location", "Lausanne"), ("m2", "status", "held")}


def test_a_ticked_row_is_deleted_whatever_else_changed():
    shown = for_editing(MEETINGS, "meetings", COLUMNS)
    edited = shown.copy()
    edited.loc[1, DELETE] = True
    edited.loc[1, "location"] = "Tokyo"
    [c] = edits("meetings", "meeting_id", shown, edited, "Ana")
    assert (c.target_id, c.field, c.author) == ("m2", DELETED, "Ana")


def test_an_added_quote_keeps_its_sentence_and_only_the_fields_given():
    c = addition("quotes", "a1", "Greer said the talks were useful.", {"speaker": "Jamieson Greer", "kind": "reported",
                                                                         "text": "the talks were useful", "date": ""},
                 "Ana")
    assert (c.table, c.field, c.article_id, c.evidence) == ("quotes", ADDED, "a1", "Greer said the talks were useful.")
    assert json.loads(c.value) == {"speaker": "Jamieson Greer", "kind": "reported", "text": "the talks were useful"}
