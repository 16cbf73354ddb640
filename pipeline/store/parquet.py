"""A pandas store persisted as Parquet parts under one folder.

Layout: `manifest.json` lists, per table, the part files that make up the
store; a part is written in full under a temporary name and renamed, then the
manifest is replaced the same way.  The manifest's rename is the commit point:
a crash at any moment leaves the previous manifest, which names only whole
files.  Writers hold an exclusive lock on `.lock`, so two ingests at once
queue instead of losing each other's rows.  Appending writes one small part
per table, so its cost does not grow with the store; parts are compacted now
and then so that reads stay fast.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import StoreError
from pipeline.store.schema import TABLES

MANIFEST = "manifest.json"
COMPACT_AFTER = 48          # parts per table before a write merges them into one
LOCK_TIMEOUT = 120.0        # seconds a writer waits for another to finish


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

    def _read_parts(self, table: str, parts: list[str], columns=None) -> pd.DataFrame:
        spec = TABLES[table]
        if not parts:
            empty = spec.empty()
            return empty[columns] if columns else empty
        arrow = pa.concat_tables(
            [pq.read_table(self.root / p, columns=columns) for p in parts])
        if columns:
            return arrow.to_pandas()
        # parts were written in the declared schema: only lists need turning into Python lists
        lists = set(spec.of_kind("list"))
        return pd.DataFrame({
            name: (arrow.column(name).to_pylist() if name in lists
                   else arrow.column(name).to_pandas().fillna("" if spec_kind != "int" else 0))
            for name, spec_kind in ((c.name, c.kind) for c in spec.columns)
        })

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
                        raise StoreError(f"the store {self.root} is busy with another ingest; "
                                         f"try again when it has finished") from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def append(self, frames: dict[str, pd.DataFrame]) -> AppendResult:
        """Add the articles in `frames` that are not stored yet, with their facts."""
        with self.lock():
            manifest = self.manifest()
            existing = self._read_parts("articles", manifest["tables"]["articles"],
                                        ["article_id"])["article_id"]
            existing = set(existing.tolist())
            articles = frames["articles"].drop_duplicates("article_id")
            is_new = ~articles["article_id"].isin(existing)
            new_ids = articles.loc[is_new, "article_id"].tolist()
            dup_ids = articles.loc[~is_new, "article_id"].tolist()
            if new_ids:
                keep = set(new_ids)
                for name, df in frames.items():
                    rows = df[_belongs(df, keep)]
                    if len(rows):
                        manifest["tables"][name].append(self._write_part(name, rows))
                self._compact_if_needed(manifest)
                self._commit(manifest)
            return AppendResult(new_ids, dup_ids, int(manifest["version"]))

    def replace(self, frames: dict[str, pd.DataFrame]) -> int:
        """Rewrite whole tables (after reprocessing); other tables stay as they are."""
        with self.lock():
            manifest = self.manifest()
            for name, df in frames.items():
                manifest["tables"][name] = [self._write_part(name, df)] if len(df) else []
            self._commit(manifest)
            return int(manifest["version"])

    def _write_part(self, table: str, df: pd.DataFrame) -> str:
        spec = TABLES[table]
        folder = self.root / table
        folder.mkdir(parents=True, exist_ok=True)
        rel = f"{table}/part-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}.parquet"
        arrow = pa.Table.from_pandas(spec.conform(df), schema=spec.arrow_schema, preserve_index=False)
        _atomic_write(self.root / rel, lambda tmp: pq.write_table(arrow, tmp))
        return rel

    def _compact_if_needed(self, manifest: dict) -> None:
        for name, parts in manifest["tables"].items():
            if len(parts) > COMPACT_AFTER:
                manifest["tables"][name] = [self._write_part(name, self._read_parts(name, parts))]

    def _commit(self, manifest: dict) -> None:
        manifest["version"] = int(manifest["version"]) + 1
        text = json.dumps(manifest, indent=1)
        _atomic_write(self.root / MANIFEST, lambda tmp: Path(tmp).write_text(text, "utf-8"))
        self._remove_orphans(manifest)

    def _remove_orphans(self, manifest: dict) -> None:
        """Parts no manifest names: left by a crash or replaced by compaction."""
        named = {p for parts in manifest["tables"].values() for p in parts}
        for name in TABLES:
            for path in (self.root / name).glob("*.parquet*"):
                if f"{name}/{path.name}" not in named:
                    path.unlink(missing_ok=True)


def _belongs(df: pd.DataFrame, ids: set[str]) -> pd.Series:
    if "article_id" in df.columns:
        return df["article_id"].isin(ids)
    return df["article_ids"].map(lambda v: bool(set(v) & ids))


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
