"""A pandas store persisted as Parquet parts under one folder.

Layout: `manifest.json` lists, per table, the part files that make up the
store; a part is written in full under a temporary name and renamed, then the
manifest is replaced the same way.  The manifest's rename is the commit point:
a crash at any moment leaves the previous manifest, which names only whole
files.  Writers hold an exclusive lock on `.lock`, so two ingests at once
queue instead of losing each other's rows.  Only the lock holder writes, so
once a writer has the lock, any file the manifest does not name (a temporary
file or a part of a writer killed mid-way) is garbage, and it removes it.  A
write that fails for want of space removes what it had written and says so in
one line: the store stays as it was.  Appending writes one small part
per table, so its cost does not grow with the store; now and then the latest
small parts are merged into one so that reads stay fast, never the whole store.  A part written before a column was declared
reads with that column empty, so older stores stay readable.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import time
import uuid
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import StoreError
from pipeline.store.rows import belongs
from pipeline.store.schema import TABLES

MANIFEST = "manifest.json"
COMPACT_AFTER = 48          # parts per table before a write merges its latest small ones
LARGE_PART = 20_000         # rows: compaction leaves a part this large as it is
LOCK_TIMEOUT = 120.0        # seconds a writer waits for another to finish
DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)   # no room: the device, a quota or a size limit


Derived = tuple[pd.DataFrame, list[str]]   # rows to add, keys of the stored rows they replace


@dataclass
class AppendResult:
    new_ids: list[str]
    duplicate_ids: list[str]
    version: int


class Store:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    # --- reading -------------------------------------------------------
    def manifest(self) -> dict:
        path = self.root / MANIFEST
        if not path.exists():
            return {"format": 1, "version": 0, "tables": {name: [] for name in TABLES}}
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"{path} is damaged ({exc}); restore it from a backup or "
                             f"ingest into a new --store folder") from exc
        for name in TABLES:
            data["tables"].setdefault(name, [])
        return data

    @property
    def version(self) -> int:
        """Grows with every write: a cache key for readers."""
        return int(self.manifest()["version"])

    def is_empty(self) -> bool:
        return not self.manifest()["tables"]["articles"]

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """Every stored row of a table, in the declared schema."""
        try:
            return self._read_parts(table, self.manifest()["tables"][table], columns)
        except FileNotFoundError:  # a writer compacted the parts we were about to read
            return self._read_parts(table, self.manifest()["tables"][table], columns)

    def read_arrow(self, table: str, columns: list[str] | None = None) -> pa.Table:
        """Like `read`, as one Arrow table (lists stay Arrow lists: cheaper for large reads)."""
        try:
            return self._read_arrow(table, self.manifest()["tables"][table], columns)
        except FileNotFoundError:
            return self._read_arrow(table, self.manifest()["tables"][table], columns)

    def snapshot(self) -> tuple[int, dict[str, pd.DataFrame]]:
        """Every table as one manifest names it, and that manifest's version: a consistent read."""
        attempts = 3
        while True:
            manifest = self.manifest()
            try:
                return int(manifest["version"]), {
                    name: self._read_parts(name, manifest["tables"][name]) for name in TABLES}
            except FileNotFoundError:  # compacted meanwhile: read the newer manifest
                attempts -= 1
                if not attempts:
                    raise

    def _read_arrow(self, table: str, parts: list[str], columns: list[str] | None = None) -> pa.Table:
        spec = TABLES[table]
        schema = pa.schema([spec.arrow_schema.field(n) for n in (columns or spec.names)])
        if not parts:
            return schema.empty_table()
        return pa.concat_tables([_read_part(self.root / p, schema) for p in parts])

    def _read_parts(self, table: str, parts: list[str], columns=None) -> pd.DataFrame:
        spec = TABLES[table]
        arrow = self._read_arrow(table, parts, columns)
        kinds = {c.name: c.kind for c in spec.columns}
        return pd.DataFrame({name: _to_pandas(arrow.column(name), kinds[name]) for name in arrow.column_names})

    def article_ids(self) -> set[str]:
        ids = self.read("articles", columns=["article_id"])["article_id"]
        return set(ids.tolist())

    # --- writing -------------------------------------------------------
    @contextmanager
    def lock(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+") as handle:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreError(f"the store {self.root} is busy with another ingest or reprocess; "
                                         f"try again when it has finished") from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def transaction(self) -> Iterator["Transaction"]:
        """Hold the write lock: read the tables as they are now, then commit once.

        What a killed writer left is swept first; a failed write takes its own parts with it,
        and a full disk is a `StoreError` saying that nothing changed."""
        try:
            with self.lock():
                manifest = self.manifest()
                self._remove_orphans(manifest)
                try:
                    yield Transaction(self, manifest)
                except BaseException:
                    with suppress(OSError, StoreError):  # the committed manifest names what stays
                        self._remove_orphans(self.manifest())
                    raise
        except OSError as exc:
            if exc.errno not in DISK_FULL:
                raise
            raise StoreError(f"no space left to write the store {self.root} ({os.strerror(exc.errno)}): "
                             f"nothing was changed; free some space and run the command again") from exc

    def append(self, frames: dict[str, pd.DataFrame],
               link: Callable[["Transaction", pd.DataFrame], pd.DataFrame] | None = None,
               derive: Callable[["Transaction", dict[str, pd.DataFrame]], dict[str, Derived]] | None = None,
               ) -> AppendResult:
        """Add the articles in `frames` that are not stored yet, with their facts. Under the
        lock, `link` fills the new article rows from the store as it is (copies found), then
        `derive` gives, from the store and the new rows, the rows of derived tables to add
        and the keys of their stored rows those replace (events brought up to date)."""
        with self.transaction() as tx:
            existing = set(tx.read("articles", ["article_id"])["article_id"].tolist())
            articles = frames["articles"].drop_duplicates("article_id")
            is_new = ~articles["article_id"].isin(existing)
            new_ids = articles.loc[is_new, "article_id"].tolist()
            dup_ids = articles.loc[~is_new, "article_id"].tolist()
            if new_ids:
                keep = set(new_ids)
                if link is not None:
                    frames = {**frames, "articles": link(tx, articles[is_new])}
                frames = {name: df[belongs(df, keep)] for name, df in frames.items()}
                derived = derive(tx, frames) if derive else {}   # from the store as it was
                for name, df in frames.items():
                    if len(df):
                        tx.manifest["tables"][name].append(self._write_part(name, df))
                for name, (rows, replaced) in derived.items():
                    self._update(tx, name, rows, replaced)
                self._compact_if_needed(tx.manifest)
                self._commit(tx.manifest)
            return AppendResult(new_ids, dup_ids, tx.version)

    def _update(self, tx: "Transaction", table: str, rows: pd.DataFrame, replaced: list[str]) -> None:
        """Add `rows` to a table; where they replace stored rows (by key), only the parts holding
        those are written again without them."""
        parts = tx.manifest["tables"][table]
        if replaced:
            key, gone = TABLES[table].key, set(replaced)
            kept_parts = []
            for part in parts:
                keys = self._read_parts(table, [part], [key])[key]
                if not keys.isin(gone).any():
                    kept_parts.append(part)
                    continue
                rest = self._read_parts(table, [part])
                rest = rest[~rest[key].isin(gone)]
                if len(rest):
                    kept_parts.append(self._write_part(table, rest))
            parts[:] = kept_parts
        if len(rows):
            parts.append(self._write_part(table, rows))

    def replace(self, frames: dict[str, pd.DataFrame]) -> int:
        """Rewrite whole tables; other tables stay as they are."""
        with self.transaction() as tx:
            return tx.replace(frames)

    def _write_part(self, table: str, df: pd.DataFrame) -> str:
        spec = TABLES[table]
        folder = self.root / table
        folder.mkdir(parents=True, exist_ok=True)
        rel = f"{table}/part-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}.parquet"
        arrow = pa.Table.from_pandas(spec.conform(df), schema=spec.arrow_schema, preserve_index=False)
        _atomic_write(self.root / rel, lambda tmp: pq.write_table(arrow, tmp))
        return rel

    def _compact_if_needed(self, manifest: dict) -> None:
        """Past COMPACT_AFTER parts, the run of small parts at the end of a table (the latest
        appends) becomes one part: the rows keep their order, the large parts before stay as
        they are, so an append never rewrites the whole store. Should small parts be caught
        between large ones and the parts grow past twice the bound, the table is merged whole."""
        for name, parts in manifest["tables"].items():
            if len(parts) <= COMPACT_AFTER:
                continue
            start = len(parts)
            while start and self._rows(parts[start - 1]) < LARGE_PART:
                start -= 1
            if len(parts) > 2 * COMPACT_AFTER or len(parts) - start < 2:
                start = 0
            merged = self._write_part(name, self._read_parts(name, parts[start:]))
            manifest["tables"][name] = parts[:start] + [merged]

    def _rows(self, part: str) -> int:
        return pq.ParquetFile(self.root / part).metadata.num_rows

    def _commit(self, manifest: dict) -> None:
        manifest["version"] = int(manifest["version"]) + 1
        text = json.dumps(manifest, indent=1)
        _atomic_write(self.root / MANIFEST, lambda tmp: Path(tmp).write_text(text, "utf-8"))
        self._remove_orphans(manifest)

    def _remove_orphans(self, manifest: dict) -> None:
        """Files no manifest names, with the lock held: parts replaced by compaction or a
        reprocess, and the parts and temporary files of a writer that failed or was killed."""
        named = {p for parts in manifest["tables"].values() for p in parts}
        for path in self.root.glob(f"{MANIFEST}.tmp-*"):
            path.unlink(missing_ok=True)
        for name in TABLES:
            for path in (self.root / name).glob("*.parquet*"):
                if f"{name}/{path.name}" not in named:
                    path.unlink(missing_ok=True)


class Transaction:
    """The store while its write lock is held: reads see every commit so far, none can come between."""

    def __init__(self, store: Store, manifest: dict):
        self.store, self.manifest = store, manifest

    @property
    def version(self) -> int:
        return int(self.manifest["version"])

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        return self.store._read_parts(table, self.manifest["tables"][table], columns)

    def add(self, frames: dict[str, pd.DataFrame]) -> int:
        """Append rows to tables (one new part each) and commit: for tables not tied to articles."""
        for name, df in frames.items():
            if len(df):
                self.manifest["tables"][name].append(self.store._write_part(name, df))
        self.store._compact_if_needed(self.manifest)
        self.store._commit(self.manifest)
        return self.version

    def replace(self, frames: dict[str, pd.DataFrame]) -> int:
        """Write the new tables beside the old ones, then swap them in with one manifest rename."""
        for name, df in frames.items():
            self.manifest["tables"][name] = [self.store._write_part(name, df)] if len(df) else []
        self.store._commit(self.manifest)
        return self.version


def _read_part(path: Path, schema: pa.Schema) -> pa.Table:
    """One part in `schema`; a part written before a column was declared gets that column empty."""
    try:
        arrow = pq.read_table(path, columns=schema.names)
    except pa.ArrowInvalid:  # a column the part does not have
        present = set(pq.read_schema(path).names)
        arrow = pq.read_table(path, columns=[n for n in schema.names if n in present])
    if arrow.schema.equals(schema):
        return arrow
    return pa.Table.from_arrays(
        [arrow.column(f.name).cast(f.type) if f.name in arrow.column_names else pa.nulls(len(arrow), f.type)
         for f in schema], schema=schema)


def _to_pandas(column: pa.ChunkedArray, kind: str) -> pd.Series | list:
    if kind == "list":
        return [v or [] for v in column.to_pylist()]
    if kind == "int":
        return column.to_pandas().fillna(0).astype("int64")
    return column.to_pandas().fillna("").astype(object)


def _atomic_write(path: Path, write) -> None:
    tmp = path.with_name(path.name + f".tmp-{uuid.uuid4().hex[:8]}")
    try:
        write(str(tmp))
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
