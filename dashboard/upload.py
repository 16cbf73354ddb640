"""The upload section of the overview page: file picker, preview with editable dates, Ingest.

The logic (the preview, the corrected dates, the ingest) is pipeline.query.upload;
this module draws the widgets and the report. Uploads are processed with the data
folder the dashboard was started with (`--data`).
"""
from __future__ import annotations

import streamlit as st

from dashboard.data import current_lexicon
from pipeline.errors import TradeTalksError
from pipeline.ingest import IngestReport
from pipeline.load.loaders import SUPPORTED
from pipeline.query.upload import changed_dates, ingest_files, preview_frame
from pipeline.store.parquet import Store

# the preview's columns (pipeline.query.upload.PREVIEW_FIELDS) as the analyst reads them
PREVIEW_COLUMNS = {"file": "File", "title": "Title", "source": "Source", "published": "Published",
                   "date_from": "Date from", "words": "Words", "stored": "Already stored"}


def summary(report: IngestReport) -> str:
    return (f"{len(report.new_ids)} new articles stored, {len(report.duplicate_ids)} duplicates skipped, "
            f"{report.meetings} meetings and {report.quotes} quotes found.")


def _uploaded() -> tuple[list[tuple[str, bytes]], tuple]:
    """The chosen files as (name, bytes), and a signature that changes when the choice does."""
    # a new key after each ingest empties the picker
    key = f"uploads-{st.session_state.get('upload_round', 0)}"
    files = st.file_uploader("Upload articles", type=[s.lstrip(".") for s in SUPPORTED],
                             accept_multiple_files=True, key=key,
                             help="Text, Markdown, HTML, JSON, JSON Lines, CSV, or a zip of them.") or []
    return [(f.name, f.getvalue()) for f in files], tuple((f.file_id, f.name, f.size) for f in files)


def show_report(report: IngestReport) -> None:
    for err in report.errors:
        st.error(f"**{err.name}**: {err.reason}")
    if report.bugs:  # not the analyst's doing: said apart from bad files
        names = ", ".join(f"**{b.name}**" for b in report.bugs)
        st.warning(f"{len(report.bugs)} article(s) could not be processed because of a bug in the "
                   f"pipeline, not in the files: {names}. The traceback is in the server log "
                   f"(at debug level); please report it.")
    (st.success if report.new_ids else st.info)(summary(report))


def upload_section(store: Store) -> None:
    """File picker, preview with editable dates, Ingest button, progress and report."""
    last = st.session_state.pop("last_report", None)
    if last is not None:
        show_report(last)
    files, signature = _uploaded()
    if not files:
        return
    try:
        lexicon = current_lexicon()
    except TradeTalksError as exc:  # a broken data file: named with its line
        st.error(str(exc))
        return
    cached = st.session_state.get("preview")
    if not cached or cached[0] != signature:
        with st.spinner("Reading the files…"):
            try:
                cached = (signature, *preview_frame(files, store.article_ids(), lexicon))
            except TradeTalksError as exc:
                st.error(str(exc))
                return
        st.session_state["preview"] = cached
    _, preview, errors = cached
    for err in errors:
        st.error(f"**{err.name}**: {err.reason}")
    if preview.empty:
        st.warning("No article could be read from these files.")
        return
    st.subheader(f"Preview: {len(preview)} articles in {len(files)} files")
    st.caption("Fix a missing or wrong publication date in the Published column before ingesting; "
               "relative dates in the text ('on Tuesday') are resolved against it.")
    edited = st.data_editor(
        preview, hide_index=True, key=f"preview-{hash(signature)}", disabled=[c for c in preview if c != "published"],
        column_config={**PREVIEW_COLUMNS, "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
                       "stored": st.column_config.CheckboxColumn("Already stored")})
    if st.button("Ingest", type="primary"):
        bar = st.progress(0.0, text="Processing…")

        def progress(done: int, total: int, what: str) -> None:
            bar.progress(done / max(total, 1), text=f"{what} {done}/{total}")

        try:
            report = ingest_files(files, store, changed_dates(preview, edited), progress, lexicon)
        except TradeTalksError as exc:
            st.error(str(exc))
            return
        bar.progress(1.0, text="Done")
        st.session_state["last_report"] = report
        st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
        st.session_state.pop("preview", None)
        st.rerun()
