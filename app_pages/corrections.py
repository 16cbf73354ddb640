"""The analysts' corrections: every one made, those to review, and sharing them with a team as CSV."""
from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.corrections import analyst_name, review_panel, undo
from dashboard.data import current_views, data_page
from dashboard.safe import as_text
from pipeline.corrections import read_corrections
from pipeline.corrections.csvfile import export_bytes, import_bytes
from pipeline.errors import TradeTalksError
from pipeline.store.export import export_name

data_page("Corrections", "articles", "articles")
store, _ = current_views()
st.caption("What analysts changed in the extracted facts. Corrections are kept apart from the extracted rows "
           "and applied whenever the store is read, so reprocessing and new data files keep them. Make them in "
           "the reader (Articles page).")
done = st.session_state.pop("corrections_imported", None)
if done:
    st.success(done)
review_panel(store)

corrections = read_corrections(store)
reverted = set(corrections["reverts"]) - {""}
shown = corrections.assign(
    state=["revert" if r else "reverted" if c in reverted else "in force"
           for c, r in zip(corrections["correction_id"], corrections["reverts"])]).iloc[::-1]   # newest first
st.subheader(f"Made ({len(shown):,})")
if len(shown):
    event = st.dataframe(
        shown[["made_at", "author", "table", "field", "value", "state", "article_id", "evidence", "target_id",
               "correction_id"]],
        hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="corrections_list",
        column_config={"made_at": "Made (UTC)", "author": "By", "table": "Table", "field": "Field", "value": "Value",
                       "state": "State", "article_id": "Article", "evidence": "Evidence", "target_id": "Row",
                       "correction_id": "Correction"})
    rows = event.selection.rows if event else []
    if rows:
        picked = shown.iloc[rows[0]]
        author = analyst_name()
        if picked["state"] == "in force" and st.button("Revert the selected correction", disabled=not author):
            undo(store, picked["correction_id"], author)

st.subheader("Share")
st.download_button(f"Download corrections CSV ({len(corrections):,} rows)", data=lambda: export_bytes(store),
                   file_name=export_name("corrections", date.today()), mime="text/csv", on_click="ignore",
                   icon=":material/download:", key="export-corrections")
upload = st.file_uploader("Import corrections from a CSV file (importing a file twice changes nothing)",
                          type=["csv"], key="corrections_upload")
if upload is not None and st.button("Import", type="primary"):
    try:
        report = import_bytes(store, upload.getvalue())
    except TradeTalksError as exc:
        st.error(as_text(f"{upload.name}: {exc}"))
    else:
        for line in report.errors:
            st.error(as_text(f"{upload.name}: {line}"))
        st.session_state["corrections_imported"] = (
            f"{upload.name}: {len(report.new_ids)} of {report.rows} corrections imported"
            + (f", {report.rows - len(report.new_ids) - len(report.errors)} already here" if report.rows else "") + ".")
        if not report.errors:
            st.rerun()
