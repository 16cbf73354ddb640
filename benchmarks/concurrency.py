"""Fault trials of concurrency, shared like those of benchmarks/trials.py:

- Pool workers: a command processing in a pool of two (slowed down) is SIGKILLed; its
  workers must be gone within a few seconds.
- Ingests during a reprocess, started at random moments or while the reprocess is held
  after its read until both have committed: no article, quote or meeting may be lost, nor
  the reprocess's own work.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.trials import DROPPED_TAG, ROOT, child, corpora, data_without, quietly
from pipeline.store.parquet import Store

KEYS = {"articles": "article_id", "quotes": "quote_id", "meetings": "meeting_id"}  # the same whatever the data


# --- pool workers of a killed command ---------------------------------------------------
def children_of(pid: int) -> list[int]:
    """Processes whose parent is `pid`, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    """Not ended, and not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def kill_pooled(work: Path, command: str, wait: float = 5.0) -> tuple[int, list[int]]:
    """Kill a command while its two pool workers process (slowly); the workers it had and
    those still running `wait` seconds later."""
    first, more = corpora(work / "in", (10, 10))
    store = work / "store"
    assert quietly(["ingest", first, "--store", store])[0] == 0
    args = ["ingest", more] if command == "ingest" else ["reprocess"]
    # output to a file: a worker left running would hold a pipe open for ever
    with open(work / "output", "w") as output:
        proc = subprocess.Popen([sys.executable, "-m", "benchmarks.trial_child", "--pool", "0.5", "--",
                                 *map(str, args), "--store", str(store)], cwd=ROOT, stdout=output, stderr=output)
    deadline, workers = time.monotonic() + 60, []
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        workers = children_of(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + wait
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [w for w in workers if running(w)]
    for pid in left:  # so that a failed trial leaves nothing behind
        os.kill(pid, signal.SIGKILL)
    return len(workers), left


# --- ingests during a reprocess -------------------------------------------------------
@dataclass
class Concurrent:
    held: bool               # the reprocess waited after its read until both ingests had committed
    codes: list[int]         # reprocess, ingest, ingest
    replayed: int            # articles the reprocess said were stored meanwhile
    lost: list[str]          # articles, quotes and meetings missing at the end
    undone: int              # articles the reprocess had read that still carry the dropped tag


class ConcurrentTrials:
    """A store to reprocess with a data copy lacking a tag, and two batches to ingest meanwhile."""

    def __init__(self, work: Path, sizes: tuple[int, int, int] = (60, 15, 15)):
        self.work = work
        first, *self.batches = corpora(work / "in", sizes)
        self.base = work / "base"
        assert quietly(["ingest", first, "--store", self.base])[0] == 0
        self.first = Store(self.base).article_ids()
        assert self._tagged(self.base), f"no article carries {DROPPED_TAG}: the reprocess would change nothing"
        reference = work / "reference"
        assert quietly(["ingest", first, *self.batches, "--store", reference])[0] == 0
        self.expected = self._keys(reference)
        self.data = data_without(work / "data", DROPPED_TAG)
        store = self._copy()
        started = time.monotonic()
        proc = child("reprocess", "--data", self.data, "--store", store)
        proc.communicate()
        self.seconds = time.monotonic() - started

    def _copy(self) -> Path:
        dest = self.work / "trial"
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(self.base, dest)
        return dest

    def _keys(self, store: Path) -> dict[str, set[str]]:
        s = Store(store)
        return {name: set(s.read(name, [key])[key]) for name, key in KEYS.items()}

    def _tagged(self, store: Path) -> int:
        tags = Store(store).read("tags", ["article_id", "tag"])
        return len(set(tags[(tags["tag"] == DROPPED_TAG) & tags["article_id"].isin(self.first)]["article_id"]))

    def run(self, held: bool, delays: tuple[float, float] = (0.0, 0.0)) -> Concurrent:
        store = self._copy()
        ingests = []
        if held:
            flag = self.work / "go"
            flag.unlink(missing_ok=True)
            reprocessing = child("reprocess", "--data", self.data, "--store", store, options=["--hold", str(flag)])
            _wait_for(flag.with_suffix(".reached"), reprocessing)
            ingests = [child("ingest", batch, "--store", store) for batch in self.batches]
            for proc in ingests:
                proc.communicate()
            flag.touch()
        else:
            started = time.monotonic()
            reprocessing = child("reprocess", "--data", self.data, "--store", store)
            for batch, delay in sorted(zip(self.batches, delays), key=lambda pair: pair[1]):
                time.sleep(max(0.0, started + delay - time.monotonic()))
                ingests.append(child("ingest", batch, "--store", store))
        out, _ = reprocessing.communicate()
        for proc in ingests:
            proc.communicate()
        found = re.search(r"of which (\d+) stored meanwhile", out)
        present = self._keys(store)
        lost = sorted(f"{name} {key}" for name, keys in self.expected.items() for key in keys - present[name])
        return Concurrent(held, [reprocessing.returncode, *(p.returncode for p in ingests)],
                          int(found.group(1)) if found else 0, lost, self._tagged(store))


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the reprocess did not reach its hold: {proc.communicate()}")
        time.sleep(0.02)
