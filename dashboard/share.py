"""Sharing a data file with a team (the Taxonomy and People pages): a download of the folder's file,
and an import of one, previewed (what it adds and updates), then saved and the store reprocessed
as an edit is. The logic is pipeline/lexicon/imports.py; this draws it."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.background import save_button
from dashboard.safe import as_text
from pipeline.errors import TradeTalksError
from pipeline.lexicon.edits import Rows
from pipeline.lexicon.imports import Import, export_bytes, plan_import, propose_import

LISTS = {"taxonomy.csv": "patterns", "people.csv": "aliases"}   # the list column whose items a change shows


def changes_frame(plan: Import) -> pd.DataFrame:
    """A row per row the import adds or updates: what changes, and the list items gained or lost."""
    column = LISTS[plan.name]
    rows = []
    for change in plan.changes:
        gained, lost = change.items(column)
        rows.append({"row": change.key, "change": "added" if change.added else "updated",
                     "columns": [] if change.added else change.columns, "gained": gained, "lost": lost})
    return pd.DataFrame(rows, columns=["row", "change", "columns", "gained", "lost"])


def share_panel(store: Path, folder: Path, table: Rows, name: str, nouns: str, key: str) -> None:
    """The page's Share section for the data file `name` (its rows `table`); `nouns` names its rows
    ("tags"), `key` prefixes the widgets' keys."""
    st.subheader("Share")
    st.download_button(f"Download {name} ({len(table.rows):,} rows)", data=lambda: export_bytes(folder, name),
                       file_name=name, mime="text/csv", on_click="ignore", icon=":material/download:",
                       key=f"{key}_download")
    upload = st.file_uploader(f"Import a {name} file shared by a team (same columns)", type=["csv"],
                              key=f"{key}_upload")
    st.caption(f"An import adds {nouns} and updates those it names, never deletes: {nouns} only in this folder's "
               f"file are kept. Importing the same file again changes nothing.")
    if upload is None:
        return
    data = upload.getvalue()
    wanted = (upload.name, hashlib.sha256(data).hexdigest(), table.digest)
    if st.button("Preview the import", key=f"{key}_preview", icon=":material/preview:"):
        try:
            plan = plan_import(folder, name, data, upload.name)
            st.session_state[key] = (wanted, plan, propose_import(folder, plan))
        except TradeTalksError as exc:
            st.session_state.pop(key, None)
            st.error(as_text(exc))
    kept = st.session_state.get(key)
    if kept is None or kept[0] != wanted:
        return
    _, plan, edit = kept
    if edit is None:
        st.info(as_text(f"Nothing to change: the {plan.unchanged:,} rows of {upload.name} are in {name} as they "
                        f"are. Nothing is written."))
        return
    cols = st.columns(4)
    for col, (label, n) in zip(cols, (("Added", len(plan.added)), ("Updated", len(plan.updated)),
                                      ("Already here", plan.unchanged), ("Only here, kept", plan.kept))):
        col.metric(label, f"{n:,}")
    list_column = LISTS[name].capitalize()
    st.dataframe(changes_frame(plan), hide_index=True, width="stretch", key=f"{key}_changes", column_config={
        "row": "Row", "change": "Change", "columns": st.column_config.ListColumn("Columns changed"),
        "gained": st.column_config.ListColumn(f"{list_column} gained"),
        "lost": st.column_config.ListColumn(f"{list_column} dropped")})
    save_button(store, folder, edit, f"the import of {upload.name}", key)
