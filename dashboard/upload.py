"""Uploading articles in the browser: a preview to check and correct, then the ingest.

The preview runs only the steps up to the publication date (cheap), so the
analyst sees each article's date, where it came from and whether the store
already holds it. A date corrected in the preview wins over whatever the file
or the text says (it is kept as the article's own date, so a reprocess keeps
it too), and relative dates in the text resolve against it. Uploads are
processed with the data folder the dashboard was started with (`--data`).
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.data import current_lexicon
from pipeline.errors import FileRejected, StepFailed, TradeTalksError
from pipeline.ingest import FileError, IngestReport, Progress, ingest_uploads, load_uploads
from pipeline.lexicon.lexicon import Lexicon
from pipeline.load.loaders import SUPPORTED
from pipeline.process import STEPS, process_article
from pipeline.store.parquet import Store

_UNTIL_PUBLISHED = STEPS[: [name for name, _ in STEPS].index("published") + 1]
PREVIEW_COLUMNS = {"file": "File", "title": "Title", "source": "Source", "published": "Published",
                   "date_from": "Date from", "words": "Words", "stored": "Already stored"}


# --- logic (no widgets) -------------------------------------------------
def preview_frame(files: list[tuple[str, bytes]], stored_ids: set[str],
                  lexicon: Lexicon | None = None) -> tuple[pd.DataFrame, list[FileError]]:
    """One row per article the files hold, in load order; unreadable files as errors."""
    articles, errors = load_uploads(files)
    rows, seen = [], set(stored_ids)
    for a in articles:
        try:
            a = process_article(a, lexicon, steps=_UNTIL_PUBLISHED)
        except (FileRejected, StepFailed) as exc:
            errors.append(FileError(a.origin, str(exc)))
            rows.append({"file": a.origin, "title": a.title, "source": a.source, "published": None,
                         "date_from": "unreadable", "words": 0, "stored": False})
            continue
        rows.append({"file": a.origin, "title": a.title, "source": a.source, "published": a.published,
                     "date_from": a.published_source, "words": len(a.text.split()),
                     "stored": a.article_id in seen})
        seen.add(a.article_id)
    frame = pd.DataFrame(rows, columns=list(PREVIEW_COLUMNS))
    frame["published"] = pd.Series([r["published"] for r in rows], index=frame.index, dtype=object)
    return frame, errors


def changed_dates(preview: pd.DataFrame, edited: pd.DataFrame) -> dict[int, date]:
    """Row position -> the date the analyst set, for rows whose date was changed."""
    out = {}
    for i, (before, after) in enumerate(zip(preview["published"], edited["published"])):
        after = None if pd.isna(after) else pd.Timestamp(after).date()
        before = None if pd.isna(before) else pd.Timestamp(before).date()
        if after is not None and after != before:
            out[i] = after
    return out


def ingest_files(files: list[tuple[str, bytes]], store: Store, dates: dict[int, date] | None = None,
                 progress: Progress | None = None, lexicon: Lexicon | None = None) -> IngestReport:
    """Load, process and store the files; `dates` maps article positions to corrected dates."""
    return ingest_uploads(files, store, progress=progress, lexicon=lexicon, dates=dates)


def summary(report: IngestReport) -> str:
    return (f"{len(report.new_ids)} new articles stored, {len(report.duplicate_ids)} duplicates skipped, "
            f"{report.meetings} meetings and {report.quotes} quotes found.")


# --- the widgets --------------------------------------------------------
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
