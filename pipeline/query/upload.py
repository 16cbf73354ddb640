"""Uploading articles from the dashboard: a preview to check and correct, then the ingest.

The preview runs only the steps up to the publication date (cheap), so the
analyst sees each article's date, where it came from and whether the store
already holds it. A date corrected in the preview wins over whatever the file
or the text says (it is kept as the article's own date, so a reprocess keeps
it too), and relative dates in the text resolve against it.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from pipeline.errors import FileRejected, StepFailed
from pipeline.ingest import FileError, IngestReport, Progress, ingest_uploads, load_uploads
from pipeline.lexicon.lexicon import Lexicon
from pipeline.process import STEPS, process_article
from pipeline.store.parquet import Store

_UNTIL_PUBLISHED = STEPS[: [name for name, _ in STEPS].index("published") + 1]
PREVIEW_FIELDS = ("file", "title", "source", "published", "date_from", "words", "stored")


def preview_frame(files: list[tuple[str, bytes]], stored_ids: set[str],
                  lexicon: Lexicon) -> tuple[pd.DataFrame, list[FileError]]:
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
    frame = pd.DataFrame(rows, columns=list(PREVIEW_FIELDS))
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
