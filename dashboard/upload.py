"""The upload section of the overview page: file picker, preview with editable dates, Ingest.

The logic (the preview, reading the typed dates, the ingest) is pipeline.query.upload;
this module draws the widgets and the report. Uploads are processed with the data
folder the dashboard was started with (`--data`). Names and messages from the files
are shown as text (dashboard.safe), and a failure is one line per file: its traceback
goes to the server log, never to the page.
"""
from __future__ import annotations

import logging

import streamlit as st

from dashboard.data import current_lexicon
from dashboard.safe import as_text
from dashboard.watch import arrival_lines
from pipeline.errors import TradeTalksError
from pipeline.ingest import Bug, FileError, IngestReport
from pipeline.load.loaders import MAX_BYTES, SUPPORTED
from pipeline.query.upload import ingest_files, preview_frame, read_dates
from pipeline.store.parquet import Store

log = logging.getLogger(__name__)
MAX_MB = MAX_BYTES // (1024 * 1024)   # the loaders' limit, as the picker states it
# the preview's columns (pipeline.query.upload.PREVIEW_FIELDS) as the analyst reads them
PREVIEW_COLUMNS = {"file": "File", "title": "Title", "source": "Source", "date_from": "Date from",
                   "words": "Words", "stored": "Already stored"}
FAULT = "a bug in the program, not in the files; the details are in the server log, please report it"


def summary(report: IngestReport) -> str:
    return (f"{len(report.new_ids)} new articles stored, {len(report.duplicate_ids)} duplicates skipped, "
            f"{report.meetings} meetings and {report.quotes} quotes found.")


def _uploaded() -> tuple[list[tuple[str, bytes]], tuple]:
    """The chosen files as (name, bytes), and a signature that changes when the choice does."""
    # a new key after each ingest empties the picker
    key = f"uploads-{st.session_state.get('upload_round', 0)}"
    files = st.file_uploader("Upload articles", type=[s.lstrip(".") for s in SUPPORTED],
                             accept_multiple_files=True, key=key, max_upload_size=MAX_MB,
                             help=f"Text, Markdown, HTML, JSON, JSON Lines, CSV, or a zip of them; "
                                  f"up to {MAX_MB} MB per file.") or []
    return [(f.name, f.getvalue()) for f in files], tuple((f.file_id, f.name, f.size) for f in files)


def _about(item: FileError) -> str:
    """'**FILE**: reason', both shown as text."""
    return f"**{as_text(item.name)}**: {as_text(item.reason)}"


def show_problems(errors: list[FileError], bugs: list[Bug]) -> None:
    """One line per file: why it cannot be read, or that the program failed on it."""
    for err in errors:
        st.error(_about(err))
    if bugs:  # not the analyst's doing: said apart from bad files
        names = ", ".join(f"**{as_text(b.name)}**" for b in bugs)
        st.warning(f"Left out because of {FAULT}: {names}.")


def show_report(report: IngestReport) -> None:
    show_problems(report.errors, report.bugs)
    for note in report.warnings:  # went in all the same: cut to fit the limits, a date unread
        st.warning(_about(note))
    (st.success if report.new_ids else st.info)(summary(report))
    for line in arrival_lines(report.new_ids):   # which watchlists the new articles match
        st.info(as_text(line), icon=":material/visibility:")


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
        st.error(as_text(exc))
        return
    cached = st.session_state.get("preview")
    if not cached or cached[0] != signature:
        with st.spinner("Reading the files…"):
            try:
                cached = (signature, *preview_frame(files, store.article_ids(), lexicon))
            except TradeTalksError as exc:
                st.error(as_text(exc))
                return
            except Exception:  # every file's own failure is reported apart: this is the program's
                log.exception("the upload preview failed")
                st.error(f"The files could not be previewed because of {FAULT}.")
                return
        st.session_state["preview"] = cached
    _, preview, errors, bugs = cached
    show_problems(errors, bugs)
    if preview.empty:
        st.warning("No article could be read from these files.")
        return
    st.subheader(f"Preview: {len(preview)} articles in {len(files)} files")
    st.caption("Fix a missing or wrong publication date in the Published column before ingesting, typed as "
               "YYYY-MM-DD; relative dates in the text ('on Tuesday') are resolved against it.")
    edited = st.data_editor(
        preview, hide_index=True, key=f"preview-{hash(signature)}", disabled=[c for c in preview if c != "published"],
        column_config={**PREVIEW_COLUMNS, "stored": st.column_config.CheckboxColumn("Already stored"),
                       # text, not a date picker: what is typed is read as YYYY-MM-DD whatever the browser's locale
                       "published": st.column_config.TextColumn("Published", help="YYYY-MM-DD")})
    dates, refused = read_dates(preview, edited)
    show_problems(refused, [])
    if st.button("Ingest", type="primary", disabled=bool(refused),
                 help="Correct the dates above first." if refused else None):
        bar = st.progress(0.0, text="Processing…")

        def progress(done: int, total: int, what: str) -> None:
            bar.progress(done / max(total, 1), text=f"{what} {done}/{total}")

        try:
            report = ingest_files(files, store, dates, progress, lexicon)
        except TradeTalksError as exc:
            st.error(as_text(exc))
            return
        except Exception:  # the store changes by one commit: a failure before it stored nothing
            log.exception("the ingest failed")
            st.error(f"The ingest stopped because of {FAULT}.")
            return
        bar.progress(1.0, text="Done")
        st.session_state["last_report"] = report
        st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
        st.session_state.pop("preview", None)
        st.rerun()
