"""Saving a data file, then reprocessing the store on a thread of the server, with its progress.

The Taxonomy and People pages save an edit through `save_then_reprocess`: the store's
job slot is taken first (one job per store at a time; a second save is told the store is
busy and writes nothing), the file is checked and written (a broken edit gives the slot
back), then `pipeline.ingest.reprocess` runs on a thread while every page stays usable.
`show_job` draws the job's progress bar; the page polls it with a fragment while the job
runs and reads the store again, once, when it has finished.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from dashboard.data import current_lexicon, current_views
from dashboard.safe import as_text
from dashboard.state import data_path
from pipeline.errors import TradeTalksError
from pipeline.ingest import reprocess
from pipeline.lexicon.edits import Edit, Rows, read_rows, save_edit
from pipeline.lexicon.lexicon import Lexicon
from pipeline.query.prepared import Views
from pipeline.store.parquet import Store

log = logging.getLogger(__name__)
POLL_SECONDS = 1.0


@dataclass
class Job:
    store: str
    what: str                    # what was saved: "the tag quotas"
    done: int = 0
    total: int = 0
    step: str = "saving"
    started: float = field(default_factory=time.time)
    finished: float | None = None
    summary: str = ""
    error: str = ""

    @property
    def running(self) -> bool:
        return self.finished is None

    @property
    def fraction(self) -> float:
        return min(self.done / self.total, 1.0) if self.total else 0.0

    def progress(self, done: int, total: int, step: str) -> None:
        self.done, self.total, self.step = done, total, step


class Busy(Exception):
    """The store is already being reprocessed."""

    def __init__(self, job: Job):
        super().__init__(f"the store is being reprocessed after the edit of {job.what} "
                         f"({job.done:,} of {job.total:,} articles done); save again when it has finished")
        self.job = job


_LOCK = threading.Lock()
_JOBS: dict[str, Job] = {}       # store folder -> its running or last job


def _key(store: Path) -> str:
    return str(Path(store).resolve())


def job_of(store: Path) -> Job | None:
    """The store's running job, or the last one to finish."""
    return _JOBS.get(_key(store))


def busy(store: Path) -> Job | None:
    job = job_of(store)
    return job if job is not None and job.running else None


def save_then_reprocess(store: Path, what: str, save: Callable[[], Lexicon]) -> Job:
    """Take the store's job slot, `save()` (it checks and writes a data file and returns the new
    lexicon), then reprocess the store with that lexicon on a thread.

    Raises `Busy` when a job runs on the store (nothing is saved), and whatever `save` raises
    (`LexiconError` for a broken edit: the slot is given back, the last job kept)."""
    key = _key(store)
    with _LOCK:
        previous = _JOBS.get(key)
        if previous is not None and previous.running:
            raise Busy(previous)
        job = _JOBS[key] = Job(key, what)
    try:
        lexicon = save()
    except BaseException:
        with _LOCK:
            if previous is None:
                _JOBS.pop(key, None)
            else:
                _JOBS[key] = previous
        raise
    threading.Thread(target=_run, args=(job, lexicon), name="reprocess", daemon=True).start()
    return job


def _run(job: Job, lexicon: Lexicon) -> None:
    try:
        job.step = "reading the store"
        report = reprocess(Store(job.store), lexicon, job.progress)
        job.summary = (f"{report.articles:,} articles processed again"
                       + ("" if report.changed else "; nothing changed") + (
                           f"; {len(report.kept)} kept their rows because a step failed on them"
                           if report.kept else ""))
    except TradeTalksError as exc:
        job.error = str(exc)
    except Exception as exc:  # a bug: the page says so, the traceback goes to the log
        log.exception("reprocessing %s failed", job.store)
        job.error = f"reprocessing failed ({type(exc).__name__}); the details are in the server log"
    finally:
        job.finished = time.time()


def wait(store: Path, timeout: float = 120.0) -> Job | None:
    """Block until the store's job has finished (for scripts and tests); the job."""
    deadline = time.monotonic() + timeout
    while busy(store) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    return job_of(store)


def show_job(store: Path) -> None:
    """The store's job: a progress bar, polled while it runs; when it has finished, the whole
    page runs again once (the store changed) and then says how it went."""
    polling = busy(store) is not None

    @st.fragment(run_every=POLL_SECONDS if polling else None)
    def status() -> None:
        job = job_of(store)
        if job is None:
            return
        if job.running:
            step = f"{job.step} {job.done:,}/{job.total:,}" if job.total else job.step
            st.progress(job.fraction, text=as_text(f"Reprocessing after the edit of {job.what}: {step}"))
        elif polling:
            st.rerun()
        elif job.error:
            st.error(as_text(f"Reprocessing after the edit of {job.what} failed: {job.error}"))
        else:
            at = time.strftime("%H:%M UTC", time.gmtime(job.finished))
            st.success(as_text(f"Saved {job.what} and reprocessed the store (done at {at}): {job.summary}."))
    status()


def save_button(store: Path, folder: Path, edit: Edit, what: str, key: str) -> None:
    """The button that saves a previewed edit and starts the reprocess; disabled, with the
    reason, while the store is being reprocessed. `key` is the session-state key holding the
    preview, dropped once the edit is saved."""
    running = busy(store)
    if running is not None:
        st.info(as_text(f"Saving waits: {Busy(running)}."))
    if st.button("Save and reprocess the store", key=f"{key}_save", type="primary", disabled=running is not None,
                 icon=":material/save:"):
        try:
            save_then_reprocess(store, what, lambda: save_edit(folder, edit))
        except (Busy, TradeTalksError) as exc:
            st.error(as_text(exc))
        else:
            st.session_state.pop(key, None)
            st.rerun()


def data_file_page(title: str, name: str) -> tuple[Store, Views, Path, Rows, Lexicon]:
    """An editing page's start: its title, the store's job, and the store, its tables, the data
    folder, the rows of its file `name` and the folder's lexicon as it is; a data folder that
    cannot be read stops the page with the reason."""
    st.title(title)
    store, views = current_views()
    folder = data_path()
    show_job(store.root)
    try:
        return store, views, folder, read_rows(folder, name), current_lexicon()
    except (OSError, TradeTalksError) as exc:
        st.error(as_text(exc))
        st.stop()
