"""Uploading articles from the dashboard: a preview to check and correct, then the ingest.

The preview runs only the steps up to the publication date (cheap), so the
analyst sees each article's date, where it came from and whether the store
already holds it. A date corrected in the preview wins over whatever the file
or the text says (it is kept as the article's own date, so a reprocess keeps
it too), and relative dates in the text resolve against it. The dates are
shown and typed as text, YYYY-MM-DD; one that is not a day in that form is
refused with a message naming its file, never taken as no date.

Whatever one file causes stays that file's: a file that cannot be read is
reported with the reason, and one a loader or a step fails on (a bug) is
reported by name with its traceback in the log; the other files still go in.
"""
from __future__ import annotations

import logging
import re
import traceback
from datetime import date

import pandas as pd

from pipeline.article import Article
from pipeline.errors import StepFailed, TradeTalksError
from pipeline.ingest import Bug, FileError, IngestReport, Progress, ingest_uploads, load_uploads
from pipeline.lexicon.lexicon import Lexicon
from pipeline.process import STEPS, process_article
from pipeline.store.parquet import Store

log = logging.getLogger(__name__)

_UNTIL_PUBLISHED = STEPS[: [name for name, _ in STEPS].index("published") + 1]
PREVIEW_FIELDS = ("file", "title", "source", "published", "date_from", "words", "stored")
DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
YEARS = range(1900, 2101)


def _bug(name: str, what: str, exc: BaseException) -> Bug:
    """A failure that is the program's fault: logged with its traceback, reported by name only."""
    bug = Bug(name, f"{what} failed: {type(exc).__name__}", "".join(traceback.format_exception(exc)))
    _log_bugs([bug])
    return bug


def _log_bugs(bugs: list[Bug]) -> None:
    """The library keeps a bug's traceback at debug level; the dashboard's server log shows them all."""
    for b in bugs:
        log.error("%s on %s\n%s", b.reason, b.name, b.traceback)


def load_each(files: list[tuple[str, bytes]]) -> tuple[list[Article], list[FileError], list[Bug]]:
    """The files' articles in load order: a file that cannot be read is an error, one a loader
    fails on is a bug, and neither stops the files after it."""
    articles, failures = load_uploads(files)
    bugs = [f for f in failures if isinstance(f, Bug)]
    _log_bugs(bugs)
    return articles, [f for f in failures if isinstance(f, FileError)], bugs


def preview_frame(files: list[tuple[str, bytes]], stored_ids: set[str],
                  lexicon: Lexicon) -> tuple[pd.DataFrame, list[FileError], list[Bug]]:
    """One row per article the files hold, in load order; what went wrong as errors and bugs."""
    articles, errors, bugs = load_each(files)
    rows, seen = [], set(stored_ids)
    for a in articles:
        try:
            a = process_article(a, lexicon, steps=_UNTIL_PUBLISHED)
        except (TradeTalksError, StepFailed) as exc:
            if isinstance(exc, TradeTalksError):
                errors.append(FileError(a.origin, str(exc)))
            else:
                bugs.append(_bug(a.origin, f"step '{exc.step}'", exc.__cause__ or exc))
            rows.append({"file": a.origin, "title": a.title, "source": a.source, "published": "",
                         "date_from": "unreadable", "words": 0, "stored": False})
            continue
        rows.append({"file": a.origin, "title": a.title, "source": a.source,
                     "published": a.published.isoformat() if a.published else "",
                     "date_from": a.published_source, "words": len(a.text.split()),
                     "stored": a.article_id in seen})
        seen.add(a.article_id)
    return pd.DataFrame(rows, columns=list(PREVIEW_FIELDS)), errors, bugs


def _typed(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def read_day(text: str) -> date | None:
    """The day `text` names in the form YYYY-MM-DD, or None."""
    found = DAY.fullmatch(text)
    if not found or int(found[1]) not in YEARS:
        return None
    try:
        return date(*map(int, found.groups()))
    except ValueError:  # 2025-02-30
        return None


def read_dates(preview: pd.DataFrame, edited: pd.DataFrame) -> tuple[dict[int, date], list[FileError]]:
    """Row position -> the day the analyst typed, for rows whose date was changed; a changed
    date that is not a day written YYYY-MM-DD, or a date removed, is refused by file name."""
    dates, refused = {}, []
    for i, (name, before, after) in enumerate(zip(preview["file"], preview["published"], edited["published"])):
        before, after = _typed(before), _typed(after)
        if after == before:
            continue
        day = read_day(after)
        if day is not None:
            dates[i] = day
        elif not after:
            refused.append(FileError(name, f"the publication date was removed; a date cannot be taken away, "
                                           f"only corrected: type one as YYYY-MM-DD or put back {before}"))
        else:
            refused.append(FileError(name, f"the publication date '{after}' is not a day written YYYY-MM-DD "
                                           f"(for example 2024-03-21); correct it before ingesting"))
    return dates, refused


def ingest_files(files: list[tuple[str, bytes]], store: Store, dates: dict[int, date] | None = None,
                 progress: Progress | None = None, lexicon: Lexicon | None = None) -> IngestReport:
    """Load, process and store the files; `dates` maps article positions to corrected dates."""
    report = ingest_uploads(files, store, progress=progress, lexicon=lexicon, dates=dates)
    _log_bugs(report.bugs)
    return report
