"""Ingesting a batch and reprocessing the store: load, process every article, write once.

The lexicon is read first, so a broken data file stops the command (with its
`file:line`) before anything is read or written. A file that cannot be read is
reported by name with the reason and the rest of the batch still goes in. An
article a step raises on is a bug, not the user's doing: it is reported apart
(`bugs`), its traceback goes to the log at debug level, and the batch goes on.
The store only changes by one atomic commit.
"""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from pipeline.article import Article
from pipeline.engines import dask_map
from pipeline.copies.groups import link_new, relink
from pipeline.errors import FileRejected, TradeTalksError
from pipeline.events.update import build_events, update_events
from pipeline.lexicon.lexicon import Lexicon
from pipeline.load.bounding import bound_text
from pipeline.load.loaders import iter_input_files_within, load_bytes, load_path
from pipeline.process import process_article
from pipeline.store.parquet import Store, Transaction
from pipeline.store.rows import belongs, removed_since, stored_article, to_frames
from pipeline.store.schema import TABLES

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]   # done, total, what
PARALLEL_FROM = 400                          # below this, process start-up costs more than it saves
CHUNK = 64                                   # articles a worker takes at a time
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@dataclass
class FileError:
    """A user error: a file, or an article in it, that cannot be read."""
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class Bug:
    """A step raised on an article: a bug in the pipeline, not a problem with the input."""
    name: str            # the article's origin
    reason: str          # the step and the exception, on one line
    traceback: str = ""

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class IngestReport:
    files: int = 0
    articles: list[Article] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    bugs: list[Bug] = field(default_factory=list)
    version: int = 0
    warnings: list[FileError] = field(default_factory=list)  # files that went in cut or split to fit the limits

    def _new(self) -> list[Article]:
        new = set(self.new_ids)
        return [a for a in self.articles if a.article_id in new]

    @property
    def meetings(self) -> int:
        return sum(len(a.meetings) for a in self._new())

    @property
    def quotes(self) -> int:
        return sum(len(a.quotes) for a in self._new())


@dataclass
class ReprocessReport:
    articles: int = 0                  # stored articles processed again
    replayed: int = 0                  # of those, stored by an ingest while this reprocess ran
    kept: list[str] = field(default_factory=list)   # ids that kept their previous rows
    errors: list[FileError] = field(default_factory=list)
    bugs: list[Bug] = field(default_factory=list)
    changed: bool = False              # False: every table came out as it was, nothing written
    version: int = 0


# --- loading ---------------------------------------------------------------
def _prepare(articles: Iterable[Article], published: date | None, today: date) -> list[Article]:
    out = []
    for a in articles:
        a.user_published = a.user_published or published
        a.ingest_date = a.ingest_date or today
        out.append(a)
    return out


def _load_each(named: Iterable[tuple[str, Callable[[], list[Article]]]], published: date | None,
               today: date) -> tuple[list[Article], list[FileError | Bug]]:
    """Each file's articles, one file at a time: a file that cannot be read is a FileError, one a
    loader fails on is a Bug (traceback at debug level), and neither stops the files after it."""
    articles: list[Article] = []
    failures: list[FileError | Bug] = []
    for name, load in named:
        try:
            articles += _prepare(load(), published, today)
        except FileRejected as exc:
            failures.append(FileError(name, str(exc)))
        except OSError as exc:
            failures.append(FileError(name, f"cannot be read ({exc.strerror or exc})"))
        except Exception as exc:  # a loader's bug costs only its own file
            bug = Bug(name, f"reading the file failed: {type(exc).__name__}", "".join(traceback.format_exception(exc)))
            log.debug("bug on %s\n%s", name, bug.traceback)
            failures.append(bug)
    return articles, failures


def load_uploads(files: list[tuple[str, bytes]], published: date | None = None,
                 today: date | None = None) -> tuple[list[Article], list[FileError | Bug]]:
    """Load in-memory files (name, bytes); one bad file does not stop the others."""
    return _load_each(((name, lambda data=data, name=name: load_bytes(name, data)) for name, data in files),
                      published, today or date.today())


def load_paths(paths: list[Path], published: date | None = None,
               today: date | None = None) -> tuple[list[Article], list[FileError | Bug], int]:
    """Load files and folders (files found in a folder must lie inside it)."""
    files = iter_input_files_within([Path(p) for p in paths])
    articles, failures = _load_each(((str(path), lambda path=path, folder=folder: load_path(path, within=folder))
                                     for path, folder in files), published, today or date.today())
    return articles, failures, len(files)


def correct_dates(articles: list[Article], dates: dict[int, date]) -> None:
    """Give the articles at these positions the date the user set: it wins over what the
    file or the text says. Kept as the article's own date (hint "user"), so that the
    publication-date step, now and on every reprocess, takes it first."""
    for i, day in dates.items():
        if 0 <= i < len(articles):
            a = articles[i]
            a.published_raw, a.published_hint, a.user_published = day.isoformat(), "user", day


# --- processing ------------------------------------------------------------
def _process_one(article: Article, lexicon: Lexicon) -> Article | FileError | Bug:
    try:
        return process_article(article, lexicon)
    except TradeTalksError as exc:
        return FileError(article.origin, str(exc))
    except Exception as exc:  # StepFailed names the step; anything else is a bug around the steps
        reason = str(exc) if exc.__cause__ else f"{type(exc).__name__}: {exc}"
        return Bug(article.origin, reason, "".join(traceback.format_exception(exc)))


# A pool worker receives the lexicon once, when it starts (pickled, its data only, where
# workers are spawned): sent with every chunk, its compiled patterns would be rebuilt per chunk.
_worker_lexicon: list[Lexicon] = []
PR_SET_PDEATHSIG = 1                         # prctl(2): the signal a process gets when its parent dies


def _start_worker(lexicon: Lexicon, parent: int) -> None:
    _die_with_parent(parent)
    _worker_lexicon[:] = [lexicon]


def _die_with_parent(parent: int) -> None:
    """A worker whose parent is killed would wait for work forever (its own copy of the
    queue's pipe keeps the end from coming) and keep the store's lock if the parent held it
    (a reprocess replays under the lock): on Linux the kernel kills it with its parent,
    elsewhere a thread watches for the parent to change."""
    if not _kill_me_with_my_parent():
        threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    if os.getppid() != parent and not _alive(parent):  # it died before the signal was armed
        os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        pass
    return True


def _kill_me_with_my_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(first: int) -> None:
    while os.getppid() == first:
        time.sleep(0.5)
    os._exit(1)


def _process_in_worker(article: Article) -> Article | FileError | Bug:
    return _process_one(article, _worker_lexicon[0])


def process_each(articles: list[Article], lexicon: Lexicon, progress: Progress | None = None,
                 workers: int | None = None, engine: str = "local",
                 scheduler: str | None = None) -> list[Article | FileError | Bug]:
    """Each article processed, or why it could not be, in input order; over processes for
    large batches, or over a Dask cluster with `engine="dask"` (the one at `scheduler`, or
    two local workers). A bug's traceback is logged at debug level."""
    total = len(articles)
    workers = workers or (os.cpu_count() or 1)
    results: list[Article | FileError | Bug] = []
    if engine == "dask":
        results = dask_map(_process_one, articles, lexicon, scheduler,
                           progress and (lambda done, total: progress(done, total, "processing")))
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r}")
    elif total >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(workers, initializer=_start_worker,
                                 initargs=(lexicon, os.getpid())) as pool:
            for i, r in enumerate(pool.map(_process_in_worker, articles, chunksize=CHUNK), 1):
                results.append(r)
                if progress and (i % 100 == 0 or i == total):
                    progress(i, total, "processing")
    else:
        for i, a in enumerate(articles, 1):
            results.append(_process_one(a, lexicon))
            if progress and (i % 25 == 0 or i == total):
                progress(i, total, "processing")
    for r in results:
        if isinstance(r, Bug):
            log.debug("bug on %s\n%s", r.name, r.traceback)
    return results


def process_all(articles: list[Article], progress: Progress | None = None, workers: int | None = None, *,
                lexicon: Lexicon, engine: str = "local",
                scheduler: str | None = None) -> tuple[list[Article], list[FileError | Bug]]:
    """The processed articles, and what went wrong with the others (file errors and bugs)."""
    results = process_each(articles, lexicon, progress, workers, engine, scheduler)
    return ([r for r in results if isinstance(r, Article)],
            [r for r in results if not isinstance(r, Article)])


def _file_under(report: IngestReport | ReprocessReport, failures: list[FileError | Bug]) -> None:
    report.errors += [f for f in failures if isinstance(f, FileError)]
    report.bugs += [f for f in failures if isinstance(f, Bug)]


# --- ingesting -------------------------------------------------------------
def _link_copies(tx: Transaction, new: pd.DataFrame) -> pd.DataFrame:
    """New article rows linked to the stored articles they copy, under the store's lock, so
    that two ingests at once cannot both take the same story for a first."""
    return link_new(tx.read("articles", ["article_id", "source", "signature", "duplicate_of"]), new)


EVENT_ARTICLE_COLUMNS = ["article_id", "published", "source", "duplicate_of"]


def _place_events(tx: Transaction, new: dict[str, pd.DataFrame]) -> dict[str, tuple[pd.DataFrame, list[str]]]:
    """The new articles' meetings placed in the stored events, under the store's lock."""
    articles = pd.concat([tx.read("articles", EVENT_ARTICLE_COLUMNS), new["articles"][EVENT_ARTICLE_COLUMNS]],
                         ignore_index=True)
    meetings = pd.concat([tx.read("meetings"), new["meetings"]], ignore_index=True)
    return {"events": update_events(tx.read("events"), meetings, articles)}


def store_articles(store: Store, articles: list[Article], report: IngestReport, lexicon: Lexicon) -> IngestReport:
    report.articles = articles
    if articles:  # the taxonomy's labels travel with each tag row
        result = store.append(to_frames(articles, lexicon.taxonomy), link=_link_copies, derive=_place_events)
        report.new_ids, report.duplicate_ids, report.version = (
            result.new_ids, result.duplicate_ids, result.version)
    seen, dups = set(), []
    for a in articles:  # the same article twice in one batch is a duplicate too
        if a.article_id in seen:
            dups.append(a.article_id)
        seen.add(a.article_id)
    report.duplicate_ids += dups
    return report


def _ingest(articles: list[Article], store: Store, report: IngestReport, lexicon: Lexicon,
            progress: Progress | None, unread: list[FileError | Bug], engine: str = "local",
            scheduler: str | None = None) -> IngestReport:
    """Process and store `articles`; `unread` are the files that could not be loaded."""
    _file_under(report, unread)
    processed, failures = process_all(articles, progress, lexicon=lexicon, engine=engine, scheduler=scheduler)
    report.warnings += [FileError(a.origin, w) for a in processed for w in a.warnings]
    _file_under(report, failures)
    return store_articles(store, processed, report, lexicon)


def ingest_paths(paths: list[Path], store: Store, published: date | None = None,
                 progress: Progress | None = None, lexicon: Lexicon | None = None, engine: str = "local",
                 scheduler: str | None = None) -> IngestReport:
    """Files and folders into the store; `lexicon` defaults to the project's data/, read now;
    `engine` and `scheduler` as for `process_each`."""
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    articles, failures, nfiles = load_paths(paths, published)
    return _ingest(articles, store, IngestReport(files=nfiles), lexicon, progress, failures, engine, scheduler)


def ingest_uploads(files: list[tuple[str, bytes]], store: Store, published: date | None = None,
                   progress: Progress | None = None, lexicon: Lexicon | None = None,
                   dates: dict[int, date] | None = None) -> IngestReport:
    """In-memory files into the store; `dates` maps article positions (load order) to dates
    the user corrected."""
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    articles, failures = load_uploads(files, published)
    correct_dates(articles, dates or {})
    return _ingest(articles, store, IngestReport(files=len(files)), lexicon, progress, failures)


def load_demo(store: Store, progress: Progress | None = None, lexicon: Lexicon | None = None) -> IngestReport | None:
    """Fill an empty store with the demo corpus; a store with articles is left alone."""
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    if not store.is_empty():
        return None
    return ingest_paths([SAMPLES], store, progress=progress, lexicon=lexicon)


# --- reprocessing ----------------------------------------------------------
def reprocess(store: Store, lexicon: Lexicon | None = None, progress: Progress | None = None,
              engine: str = "local", scheduler: str | None = None) -> ReprocessReport:
    """Run every step again on every stored article, from the text and metadata as loaded,
    after the data files or the rules changed.

    The lexicon is read first: a broken data file raises `LexiconError` before anything is
    read or written. Each article keeps its id and its first ingest time. The new tables
    are built beside the old ones and swapped in by one commit once every article is done;
    an article a step fails on keeps its previous rows and is reported. When nothing comes
    out different, nothing is written.

    Concurrent ingests are replayed, not locked out: the store is read and processed
    without the lock (an ingest meanwhile goes through at once), then, under the lock,
    the articles committed since that read are processed too, and the swap includes
    them. An ingest that starts after the swap appends to the new tables. So neither
    loses the other's work, and an ingest never waits for more than the replay and swap.
    """
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    version, before = store.snapshot()
    report = ReprocessReport()
    frames = _rebuild(before, lexicon, report, progress, engine, scheduler)
    with store.transaction() as tx:
        current = before
        if tx.version != version:
            current = {name: tx.read(name) for name in TABLES}
            known = set(before["articles"]["article_id"])
            added = set(current["articles"]["article_id"]) - known
            if added:
                more = _rebuild({n: df[belongs(df, added)] for n, df in current.items()}, lexicon, report, None,
                                engine, scheduler)
                frames = {n: TABLES[n].conform(pd.concat([frames[n], more[n]], ignore_index=True))
                          for n in frames}
                report.replayed = len(added)
        frames["events"] = build_events(frames["meetings"], frames["articles"])
        report.changed = not all(frames[n].equals(current[n]) for n in frames)
        report.version = tx.replace(frames) if report.changed else tx.version
    return report


def _within_limits(article: Article) -> Article:
    """A stored article brought under the length limits, as its loader would now: a store written
    before they existed may hold texts whose processing has no bound."""
    article.raw_text, _ = bound_text(article.raw_text)
    return article


def _rebuild(tables: dict[str, pd.DataFrame], lexicon: Lexicon, report: ReprocessReport,
             progress: Progress | None, engine: str = "local",
             scheduler: str | None = None) -> dict[str, pd.DataFrame]:
    """New rows for every article in `tables`, in its order; where a step fails, the old rows."""
    rows = tables["articles"].to_dict("records")
    results = process_each([_within_limits(stored_article(r)) for r in rows], lexicon, progress,
                           engine=engine, scheduler=scheduler)
    done, kept = [], set()
    for row, result in zip(rows, results):
        if isinstance(result, Article):
            # the id stays, whatever cleaning now makes of the text: links to it keep working
            result.article_id = row["article_id"]
            result.removed = removed_since(row, result.removed)
            done.append(result)
        else:
            kept.add(row["article_id"])
            report.kept.append(row["article_id"])
            _file_under(report, [result])
    report.articles += len(rows)
    first = {r["article_id"]: r["ingested_at"] for r in rows}
    frames = to_frames(done, lexicon.taxonomy, ingested_at=first)
    order = {r["article_id"]: i for i, r in enumerate(rows)}
    rebuilt = {name: _in_article_order(pd.concat([df, tables[name][belongs(tables[name], kept)]], ignore_index=True),
                                       name, order)
               for name, df in frames.items()}
    rebuilt["articles"] = relink(tables["articles"], rebuilt["articles"])
    return rebuilt


def _in_article_order(df: pd.DataFrame, table: str, order: dict[str, int]) -> pd.DataFrame:
    """Rows grouped by article in stored order, each article's rows in the order made."""
    ids = df["article_id"] if "article_id" in df.columns else df["article_ids"].map(lambda v: v[0] if v else "")
    position = ids.map(order).fillna(len(order)).to_numpy()
    return TABLES[table].conform(df.iloc[np.argsort(position, kind="stable")])
