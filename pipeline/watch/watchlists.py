"""Watchlists: named sidebar filters, kept in the store folder with the time each was last opened.

`watchlists.json` in the store folder holds them, so they travel with the store. It is
small and replaced whole: written under a temporary name and renamed, with a lock of its
own (`.watchlists.lock`) so that two writers queue, and so that opening a watchlist never
waits for a long ingest holding the store's write lock.

An item is new for a watchlist when its article was ingested after the watchlist was last
opened: an article by its `ingested_at`, a quote by its article's, a meeting when any of the
articles reporting it is new. Times are ISO UTC to the second, as `ingested_at` is; an
article stored in the very second a watchlist was opened counts as seen.
"""
from __future__ import annotations

import fcntl
import json
import os
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from pipeline.errors import StoreError, WatchlistError
from pipeline.query.filters import MATCHES, Filters, article_mask, filter_meetings, filter_quotes
from pipeline.query.prepared import Views

FILE = "watchlists.json"
LOCK = ".watchlists.lock"
MAX_NAME = 80


@dataclass(frozen=True)
class Watchlist:
    name: str
    filters: Filters
    created_at: str
    opened_at: str      # the last time it was opened (its creation at first)


def now_utc() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def filters_to_dict(f: Filters) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(f).items()}


def filters_from_dict(data: dict) -> Filters:
    """A `Filters` from its JSON form; unknown keys are ignored, wrong types dropped."""
    values = {}
    for fld in fields(Filters):
        raw = data.get(fld.name)
        if isinstance(fld.default, tuple):
            if isinstance(raw, list):
                values[fld.name] = tuple(str(x) for x in raw if isinstance(x, str))
        elif isinstance(raw, str):
            values[fld.name] = raw
    if values.get("match") not in MATCHES:
        values.pop("match", None)
    return Filters(**values)


def load(root: str | os.PathLike) -> list[Watchlist]:
    """The store folder's watchlists, oldest first (none when the file is missing)."""
    path = Path(root) / FILE
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text("utf-8"))
        return [Watchlist(str(w["name"]), filters_from_dict(w.get("filters") or {}),
                          str(w.get("created_at", "")), str(w.get("opened_at", "")))
                for w in data["watchlists"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{path} is damaged ({exc}); delete it to start the watchlists afresh") from exc


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write(root: Path, watchlists: list[Watchlist]) -> None:
    text = json.dumps({"format": 1, "watchlists": [
        {"name": w.name, "filters": filters_to_dict(w.filters), "created_at": w.created_at,
         "opened_at": w.opened_at} for w in watchlists]}, indent=1, ensure_ascii=False)
    path = root / FILE
    tmp = path.with_name(f"{FILE}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        tmp.write_text(text, "utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise WatchlistError("give the watchlist a name")
    if len(name) > MAX_NAME:
        raise WatchlistError(f"a watchlist's name can be at most {MAX_NAME} characters")
    return name


def save(root: str | os.PathLike, name: str, filters: Filters, now: str | None = None) -> Watchlist:
    """Save `filters` as the watchlist `name` (replacing one of that name); it counts as opened now."""
    root, name, now = Path(root), _clean_name(name), now or now_utc()
    with _locked(root):
        found = load(root)
        watchlist = Watchlist(name, filters, now, now)
        kept = [w for w in found if w.name != name]
        _write(root, kept + [watchlist])
    return watchlist


def delete(root: str | os.PathLike, name: str) -> None:
    root = Path(root)
    with _locked(root):
        _write(root, [w for w in load(root) if w.name != name])


def mark_opened(root: str | os.PathLike, name: str, now: str | None = None) -> Watchlist:
    """Record that the watchlist was opened now: what it matched so far is no longer new."""
    root, now = Path(root), now or now_utc()
    with _locked(root):
        found = load(root)
        if not any(w.name == name for w in found):
            raise WatchlistError(f"there is no watchlist called '{name}'")
        found = [replace(w, opened_at=now) if w.name == name else w for w in found]
        _write(root, found)
    return next(w for w in found if w.name == name)


def get(root: str | os.PathLike, name: str) -> Watchlist | None:
    return next((w for w in load(root) if w.name == name), None)


# --- what is new ---------------------------------------------------------
def _times(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, utc=True, errors="coerce", format="ISO8601")


def new_article_ids(v: Views, since: str) -> set[str]:
    """Ids of the articles ingested after `since` (ISO UTC)."""
    a = v.articles
    if not len(a) or not since:
        return set()
    cutoff = pd.Timestamp(since)
    cutoff = cutoff.tz_localize("UTC") if cutoff.tzinfo is None else cutoff
    newer = (_times(a["ingested_at"]) > cutoff).fillna(False).to_numpy(dtype=bool)
    return set(a["article_id"][newer])


def is_new(df: pd.DataFrame, new_ids: set[str]) -> np.ndarray:
    """Rows of a shown table (articles, quotes or meetings) whose article, or any of whose
    articles, is among `new_ids`."""
    if not len(df) or not new_ids:
        return np.zeros(len(df), dtype=bool)
    column = "article_ids" if "article_ids" in df.columns else "article_id"
    return np.fromiter((bool(new_ids.intersection(x if isinstance(x, (list, tuple, np.ndarray)) else [x]))
                        for x in df[column]), dtype=bool, count=len(df))


@dataclass(frozen=True)
class NewCounts:
    meetings: int
    quotes: int
    articles: int

    @property
    def total(self) -> int:
        return self.meetings + self.quotes + self.articles


def new_counts(v: Views, w: Watchlist) -> NewCounts:
    """How many of the meetings, quotes and articles the watchlist's filters match are new."""
    ids = new_article_ids(v, w.opened_at)
    if not ids:
        return NewCounts(0, 0, 0)
    articles = v.articles[article_mask(v, w.filters)]
    return NewCounts(int(is_new(filter_meetings(v, w.filters), ids).sum()),
                     int(is_new(filter_quotes(v, w.filters), ids).sum()),
                     int(articles["article_id"].isin(ids).sum()))


def matches(v: Views, article_ids, watchlists: list[Watchlist]) -> list[tuple[Watchlist, int]]:
    """The watchlists some of `article_ids` match, with how many of them each matches."""
    wanted = set(article_ids)
    if not wanted:
        return []
    found = []
    for w in watchlists:
        n = int(v.articles["article_id"][article_mask(v, w.filters)].isin(wanted).sum())
        if n:
            found.append((w, n))
    return found


def match_lines(found: list[tuple[Watchlist, int]]) -> list[str]:
    """"3 new articles match 'EU–China rare earths'", one per watchlist."""
    return [f"{n} new {'article matches' if n == 1 else 'articles match'} '{w.name}'" for w, n in found]
