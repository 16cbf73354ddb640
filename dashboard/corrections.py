"""Correcting an article's facts in the reader: edit or delete its meetings and quotes, add one
the extraction missed from a sentence, re-date the article, revert a correction.

Corrections are recorded by the library (`pipeline.corrections`), kept apart from the
extracted rows and applied whenever the store is read, so they survive reprocessing.
Each carries the analyst's name, asked for once per session.
"""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import streamlit as st

from dashboard.safe import as_text
from pipeline.corrections import Correction, pending_review, read_corrections, record, revert
from pipeline.corrections.edits import DELETE, addition, edits, for_editing
from pipeline.corrections.model import APART, CHOICES
from pipeline.errors import TradeTalksError
from pipeline.store.parquet import Store
from pipeline.text.sentences import sentence_spans

NAME_KEY = "analyst"          # kept apart from the widget's own key, which a page without it drops
MEETING_COLUMNS = ["meeting_id", "date", "participants", "countries", "location", "mode", "status", "tags",
                   "corrected"]
QUOTE_COLUMNS = ["quote_id", "speaker", "kind", "text", "tags", "corrected"]
KEYS = {"meetings": "meeting_id", "quotes": "quote_id"}


def analyst_name() -> str:
    """The name corrections are signed with, asked once a session."""
    st.session_state.setdefault(NAME_KEY, "")
    name = st.text_input("Your name (signs your corrections)", value=st.session_state[NAME_KEY],
                         key="analyst_input", placeholder="e.g. A. Analyst")
    st.session_state[NAME_KEY] = name.strip()
    return st.session_state[NAME_KEY]


def _save(store: Store, corrections: list[Correction], done: str) -> None:
    if not corrections:
        st.info("Nothing changed.")
        return
    try:
        ids = record(store, corrections)
    except TradeTalksError as exc:
        st.error(as_text(exc))
        return
    st.session_state["correction_saved"] = f"{done}: {len(ids)} correction{'s' if len(ids) != 1 else ''} recorded."
    st.rerun()


def _editor(store: Store, facts: pd.DataFrame, table: str, columns: list[str], author: str, article_id: str) -> None:
    shown = for_editing(facts.reset_index(drop=True), table, [c for c in columns if c in facts.columns])
    config = {c: st.column_config.SelectboxColumn(c.replace("_", " ").capitalize(), options=list(CHOICES[c]))
              for c in shown.columns if c in CHOICES}
    config[DELETE] = st.column_config.CheckboxColumn("Delete", help="Tick to delete a spurious row")
    edited = st.data_editor(shown, hide_index=True, key=f"edit-{table}-{article_id}", column_config=config,
                            disabled=[c for c in shown.columns if c in (KEYS[table], "corrected")],
                            num_rows="fixed", width="stretch")
    if st.button(f"Save {table} corrections", key=f"save-{table}-{article_id}", disabled=not author,
                 help=None if author else "Write your name above first."):
        _save(store, edits(table, KEYS[table], shown, edited, author), f"{table.capitalize()} saved")


def _add_form(store: Store, text: str, article_id: str, author: str) -> None:
    sentences = [" ".join(text[a:b].split()) for a, b in sentence_spans(text)]
    with st.form(f"add-{article_id}", clear_on_submit=True):
        st.markdown("**Add a meeting or quote the extraction missed**")
        sentence = st.selectbox("From the sentence", sentences, index=None, placeholder="Pick the sentence")
        kind = st.radio("Add a", ["quote", "meeting"], horizontal=True)
        q1, q2 = st.columns(2)
        speaker = q1.text_input("Speaker (a quote)")
        quote_kind = q2.selectbox("Kind (a quote)", CHOICES["kind"])
        quoted = st.text_input("Quoted words (a quote; empty: the whole sentence)")
        m1, m2, m3 = st.columns(3)
        participants = m1.text_input("Participants (a meeting; separate with ;)")
        day = m2.text_input("Date (a meeting; YYYY-MM-DD)")
        place = m3.text_input("Place (a meeting)")
        m4, m5 = st.columns(2)
        mode = m4.selectbox("Mode (a meeting)", CHOICES["mode"], index=len(CHOICES["mode"]) - 1)
        status = m5.selectbox("Status (a meeting)", CHOICES["status"])
        if st.form_submit_button("Add", disabled=not author):
            if not sentence:
                st.error("Pick the sentence the fact comes from.")
                return
            fields = ({"speaker": speaker, "kind": quote_kind, "text": quoted or sentence} if kind == "quote" else
                      {"participants": participants, "date": day, "location": place, "mode": mode, "status": status})
            _save(store, [addition(f"{kind}s", article_id, sentence, fields, author)], f"{kind.capitalize()} added")


GROUPINGS = {"": "as the rules group it", APART: "a meeting of its own", "same": "the same meeting as…"}


def _label(event: dict) -> str:
    return (f"{event['date'] or 'undated'} · {'; '.join(event['participants'])}"
            + (f" · {event['location']}" if event["location"] else "") + f" · {event['source_count']} source(s)")


def _group_form(store: Store, meetings: pd.DataFrame, events: pd.DataFrame, article_id: str, author: str) -> None:
    """Which event one of the article's meetings belongs to, over what the rules merged."""
    if not len(meetings):
        return
    with st.form(f"group-{article_id}"):
        st.markdown("**Group a meeting into events**: keep a report apart from the others, or make it the same "
                    "meeting as another event.")
        rows = meetings.reset_index(drop=True)
        pick = st.selectbox("This article's meeting", range(len(rows)),
                            format_func=lambda i: as_text(f"{rows['date'][i] or 'undated'} · "
                                                          f"{'; '.join(rows['participants'][i])}"))
        how = st.radio("It is", list(GROUPINGS), format_func=GROUPINGS.get, horizontal=True)
        # the events of the same people or countries, the nearest in time first
        mine = set(rows["participants"][pick]) | set(rows["countries"][pick])
        near = events[[bool(mine & (set(p) | set(c))) for p, c in zip(events["participants"], events["countries"])]]
        near = near[[article_id not in ids for ids in near["article_ids"]]].head(200).to_dict("records")
        other = st.selectbox("The same meeting as (an event of the same sides)", range(len(near)), index=None,
                             format_func=lambda i: as_text(_label(near[i])), placeholder="Pick the event")
        if st.form_submit_button("Save the grouping", disabled=not author):
            if how == "same" and other is None:
                st.error("Pick the event it is the same meeting as.")
                return
            value = how if how != "same" else json.dumps(
                {"article_id": near[other]["article_ids"][0], "evidence": near[other]["evidence"][0]})
            _save(store, [Correction("meetings", rows["meeting_id"][pick], "grouping", value, author=author)],
                  "Grouping saved")


def _redate(store: Store, article: pd.Series, author: str) -> None:
    current = date.fromisoformat(article["published"]) if article["published"] else None
    with st.form(f"redate-{article['article_id']}"):
        day = st.date_input("Publication date", value=current, format="YYYY-MM-DD")
        if st.form_submit_button("Re-date the article", disabled=not author) and day and day != current:
            _save(store, [Correction("articles", article["article_id"], "published", day.isoformat(), author=author)],
                  "Article re-dated")


def _history(store: Store, article_id: str, author: str) -> None:
    mine = read_corrections(store)
    mine = mine[mine["article_id"] == article_id]
    if not len(mine):
        return
    reverted = set(mine["reverts"]) - {""}
    st.markdown(f"**Corrections of this article** ({len(mine)})")
    for row in mine.to_dict("records"):
        what = ("revert of " + row["reverts"][:8]) if row["reverts"] else f"{row['table']} · {row['field']}"
        line = f"{row['made_at'][:16].replace('T', ' ')} · {row['author']} · {what}"
        if row["value"] and not row["reverts"]:
            line += f" → {row['value'][:80]}"
        left, right = st.columns([5, 1])
        left.text(line + (" (reverted)" if row["correction_id"] in reverted else ""))
        if not row["reverts"] and row["correction_id"] not in reverted and right.button(
                "Revert", key=f"revert-{row['correction_id']}", disabled=not author):
            undo(store, row["correction_id"], author)


def undo(store: Store, correction_id: str, author: str) -> None:
    """Revert a correction and show the page again, or say why it cannot be."""
    try:
        revert(store, correction_id, author)
    except TradeTalksError as exc:
        st.error(as_text(exc))
    else:
        st.rerun()


def correct_article(store: Store, article: pd.Series, facts: dict[str, pd.DataFrame], text: str,
                    events: pd.DataFrame) -> None:
    """The reader's corrections section for one article."""
    with st.expander("Correct this article's facts", expanded=bool(st.session_state.get("correction_saved"))):
        saved = st.session_state.pop("correction_saved", None)
        if saved:
            st.success(saved)
        author = analyst_name()
        st.caption("Corrections are kept apart from what was extracted and applied whenever the store is "
                   "read, so reprocessing keeps them; each corrected value is marked in the tables and exports.")
        _redate(store, article, author)
        st.markdown("**Meetings**: edit a cell, or tick Delete, then save.")
        _editor(store, facts["meetings"], "meetings", MEETING_COLUMNS, author, article["article_id"])
        st.markdown("**Quotes**: edit a cell, or tick Delete, then save.")
        _editor(store, facts["quotes"], "quotes", QUOTE_COLUMNS, author, article["article_id"])
        _add_form(store, text, article["article_id"], author)
        _group_form(store, facts["meetings"], events, article["article_id"], author)
        _history(store, article["article_id"], author)


def review_panel(store: Store) -> None:
    """Corrections whose row is gone (its sentence changed, or now carries several rows)."""
    if not len(store.read("corrections", columns=["correction_id"])):
        return
    try:
        review = pending_review(store)
    except TradeTalksError as exc:
        st.error(as_text(exc))
        return
    if not len(review):
        return
    with st.expander(f"Corrections to review ({len(review)}): their evidence no longer matches"):
        st.dataframe(review[["table", "target_id", "article_id", "field", "value", "author", "made_at", "reason"]],
                     hide_index=True, width="stretch")
