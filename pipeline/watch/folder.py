"""Watching a folder: files dropped into it are ingested once each, when they stop growing.

The folder is polled. A file is taken once its size and modification time are the same on
two polls in a row (a copy still being written is left for a later poll). What was taken
is remembered by path, size and modification time in `watched.json` in the store folder,
so a restart does not ingest a file again, while a file replaced by a new version is.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline.errors import StoreError

STATE = "watched.json"


def _key(path: Path, size: int, mtime_ns: int) -> str:
    return f"{path}|{size}|{mtime_ns}"


@dataclass
class FolderWatch:
    folder: Path
    store_root: Path
    seen: dict[Path, tuple[int, int]] = field(default_factory=dict)   # last poll: path -> (size, mtime)

    def taken(self) -> set[str]:
        path = self.store_root / STATE
        if not path.exists():
            return set()
        try:
            return set(json.loads(path.read_text("utf-8"))["taken"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{path} is damaged ({exc}); delete it, and files already "
                             f"in the folder are ingested again (copies are stored once)") from exc

    def remember(self, files: list[tuple[Path, int, int]]) -> None:
        done = self.taken() | {_key(*f) for f in files}
        self.store_root.mkdir(parents=True, exist_ok=True)
        path = self.store_root / STATE
        tmp = path.with_name(f"{STATE}.tmp-{uuid.uuid4().hex[:8]}")
        try:
            tmp.write_text(json.dumps({"taken": sorted(done)}, indent=0), "utf-8")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    def poll(self) -> list[tuple[Path, int, int]]:
        """The files that are ready: unchanged since the last poll and not taken before."""
        now: dict[Path, tuple[int, int]] = {}
        for path in sorted(self.folder.rglob("*")):
            if path.name.startswith("."):
                continue
            try:
                st = path.stat()
            except OSError:   # gone meanwhile
                continue
            if path.is_file():
                now[path] = (st.st_size, st.st_mtime_ns)
        taken = self.taken()
        ready = [(p, *sig) for p, sig in now.items()
                 if self.seen.get(p) == sig and sig[0] > 0 and _key(p, *sig) not in taken]
        self.seen = now
        return ready


def watch(folder: Path, store_root: Path, ingest: Callable[[list[Path]], None], interval: float = 2.0,
          once: bool = False, stopping: Callable[[], bool] = lambda: False) -> None:
    """Poll `folder` every `interval` seconds and hand each ready batch of files to `ingest`,
    remembering them afterwards; with `once`, poll twice (so a file can be seen stable) and return.
    Returns when `stopping()` says so, checked at least every tenth of a second."""
    watcher = FolderWatch(Path(folder), Path(store_root))
    polls = 0
    while not stopping():
        ready = watcher.poll()
        polls += 1
        if ready:
            ingest([p for p, _, _ in ready])
            watcher.remember(ready)
        if once and polls >= 2:
            return
        deadline = time.monotonic() + interval
        while time.monotonic() < deadline and not stopping():
            time.sleep(min(0.1, interval))
