"""Ingesting a batch: load files, process each article, append to the store.

A file that cannot be read is reported by name with the reason and the rest
of the batch still goes in; the store only changes by one atomic append.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from pipeline.article import Article
from pipeline.errors import FileRejected, StepFailed
from pipeline.load.loaders import iter_input_files, load_bytes, load_path
from pipeline.process import process_article
from pipeline.store.rows import to_frames
from pipeline.store.parquet import Store

Progress = Callable[[int, int, str], None]   # done, total, what
PARALLEL_FROM = 400                          # below this, process start-up costs more than it saves


@dataclass
class FileError:
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class IngestReport:
    files: int = 0
    articles: list[Article] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    version: int = 0

    @property
    def meetings(self) -> int:
        return sum(len(a.meetings) for a in self.articles if a.article_id in set(self.new_ids))

    @property
    def quotes(self) -> int:
        return sum(len(a.quotes) for a in self.articles if a.article_id in set(self.new_ids))


def _prepare(articles: Iterable[Article], published: date | None, today: date) -> list[Article]:
    out = []
    for a in articles:
        a.user_published = a.user_published or published
        a.ingest_date = a.ingest_date or today
        out.append(a)
    return out


def load_uploads(files: list[tuple[str, bytes]], published: date | None = None,
                 today: date | None = None) -> tuple[list[Article], list[FileError]]:
    """Load in-memory files (name, bytes); one bad file does not stop the others."""
    today = today or date.today()
    articles, errors = [], []
    for name, data in files:
        try:
            articles += _prepare(load_bytes(name, data), published, today)
        except FileRejected as exc:
            errors.append(FileError(name, str(exc)))
    return articles, errors


def load_paths(paths: list[Path], published: date | None = None,
               today: date | None = None) -> tuple[list[Article], list[FileError], int]:
    today = today or date.today()
    articles, errors = [], []
    files = iter_input_files([Path(p) for p in paths])
    for path in files:
        try:
            articles += _prepare(load_path(path), published, today)
        except FileRejected as exc:
            errors.append(FileError(str(path), str(exc)))
        except OSError as exc:
            errors.append(FileError(str(path), f"cannot be read ({exc.strerror or exc})"))
    return articles, errors, len(files)


def _safe_process(article: Article) -> Article | str:
    try:
        return process_article(article)
    except FileRejected as exc:
        return str(exc)
    except StepFailed as exc:
        return str(exc)


def process_all(articles: list[Article], progress: Progress | None = None,
                workers: int | None = None) -> tuple[list[Article], list[FileError]]:
    """Process every article, over processes for large batches; keeps input order."""
    total = len(articles)
    workers = workers or (os.cpu_count() or 1)
    if total >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = []
            for i, r in enumerate(pool.map(_safe_process, articles, chunksize=64), 1):
                results.append(r)
                if progress and (i % 100 == 0 or i == total):
                    progress(i, total, "processing")
    else:
        results = []
        for i, a in enumerate(articles, 1):
            results.append(_safe_process(a))
            if progress and (i % 25 == 0 or i == total):
                progress(i, total, "processing")
    done, errors = [], []
    for article, result in zip(articles, results):
        if isinstance(result, str):
            errors.append(FileError(article.origin, result))
        else:
            done.append(result)
    return done, errors


def store_articles(store: Store, articles: list[Article], report: IngestReport) -> IngestReport:
    from pipeline.lexicon.lexicon import Lexicon
    from pipeline.tags.tagger import tag_labels  # the taxonomy's labels travel with each tag row
    report.articles = articles
    if articles:
        result = store.append(to_frames(articles, tag_labels(Lexicon.load())))
        report.new_ids, report.duplicate_ids, report.version = (
            result.new_ids, result.duplicate_ids, result.version)
    seen, dups = set(), []
    for a in articles:  # the same article twice in one batch is a duplicate too
        if a.article_id in seen:
            dups.append(a.article_id)
        seen.add(a.article_id)
    report.duplicate_ids += dups
    return report


def ingest_paths(paths: list[Path], store: Store, published: date | None = None,
                 progress: Progress | None = None) -> IngestReport:
    articles, errors, nfiles = load_paths(paths, published)
    processed, failed = process_all(articles, progress)
    report = IngestReport(files=nfiles, errors=errors + failed)
    return store_articles(store, processed, report)


def ingest_uploads(files: list[tuple[str, bytes]], store: Store, published: date | None = None,
                   progress: Progress | None = None) -> IngestReport:
    articles, errors = load_uploads(files, published)
    processed, failed = process_all(articles, progress)
    report = IngestReport(files=len(files), errors=errors + failed)
    return store_articles(store, processed, report)
