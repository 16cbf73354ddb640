"""Fault trials of the command line, shared by tests/test_faults.py (which asserts on what
they return) and benchmarks/faults.py (which prints it); benchmarks/concurrency.py holds
those of pool workers and of ingests during a reprocess, benchmarks/trial_child.py the
child process they start.

- Kills: `python -m pipeline ingest|reprocess` is SIGKILLed after a random delay, or kills
  itself at a chosen write of the store (before its N-th fsync, rename or removal there, or
  after the last). The store must then read whole, as it was before the command or as the
  command leaves it, and the same command run again must leave it equal to an uninterrupted
  run's, with no file the manifest does not name.
- A full disk: the command runs under a file size limit. One line, the store as it was, and
  the same command with room then succeeds.
"""
from __future__ import annotations

import io
import queue
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402
from pipeline import cli, ingest  # noqa: E402
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon  # noqa: E402
from pipeline.store.parquet import MANIFEST, Store  # noqa: E402

DROPPED_TAG = "rare_earths"                          # a reprocess with a data copy lacking it rewrites the store
TIMES = {"articles": ["ingested_at", "ingest_date"]}  # differ between two ingests of the same files
AFTER_LAST = "after the last write"


# --- material ------------------------------------------------------------------------
def corpora(folder: Path, sizes: tuple[int, ...]) -> list[Path]:
    """Folders of generated articles (invented wire stories, ~4 KB), none in two folders."""
    docs, out, start = generate(sum(sizes)), [], 0
    for n, size in enumerate(sizes):
        sub = folder / f"batch{n}"
        sub.mkdir(parents=True, exist_ok=True)
        for d in docs[start:start + size]:
            (sub / d["origin"]).write_text(f"title: {d['title']}\nsource: {d['source']}\n"
                                           f"published: {d['published']}\n\n{d['text']}\n", "utf-8")
        out.append(sub)
        start += size
    return out


def data_without(folder: Path, tag: str) -> Path:
    """A copy of the data folder whose taxonomy lacks one tag."""
    shutil.copytree(DEFAULT_DATA, folder, ignore=shutil.ignore_patterns("samples"), dirs_exist_ok=True)
    taxonomy = folder / "taxonomy.csv"
    lines = taxonomy.read_text("utf-8").splitlines(keepends=True)
    taxonomy.write_text("".join(line for line in lines if not line.startswith(f"{tag},")), "utf-8")
    return folder


def quietly(argv: list[str]) -> tuple[int, str]:
    """`python -m pipeline ARGV` in this process: its exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main([str(a) for a in argv])
    return code, out.getvalue() + err.getvalue()


def child(*args: object, options: list[str] | None = None) -> subprocess.Popen:
    """`python -m pipeline ARGS`, or this module's child with `options`, in a process of its own."""
    head = ["-m", "benchmarks.trial_child", *(options or []), "--"] if options is not None else ["-m", "pipeline"]
    return subprocess.Popen([sys.executable, *head, *map(str, args)], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


class Warm:
    """Children started ahead, each waiting with its imports done and its data folder read for
    the line that sets it off: a kill at a random moment falls in the command's reading,
    processing and writing, not in Python's start."""

    def __init__(self, *args: object):
        self.args, self.ready = args, child(*args, options=["--warm"])

    def go(self, *options: str) -> subprocess.Popen:
        proc, self.ready = self.ready, child(*self.args, options=["--warm"])
        if proc.stdout.readline() != "ready\n":
            raise RuntimeError(f"a warm child did not start: {proc.communicate()}")
        proc.stdin.write(" ".join(options) + "\n")
        proc.stdin.flush()
        return proc

    def close(self) -> None:
        self.ready.kill()
        self.ready.communicate()


def state(store: Path, ignore_times: bool = False) -> dict[str, str]:
    """Every table as one manifest names it, as text to compare; raises if any part is missing."""
    _, tables = Store(store).snapshot()
    return {name: df.drop(columns=TIMES.get(name, []) if ignore_times else []).to_json(orient="split", index=False)
            for name, df in tables.items()}


def strays(store: Path) -> list[str]:
    """Files in the store that its manifest does not name."""
    named = {p for parts in Store(store).manifest()["tables"].values() for p in parts}
    return sorted(rel for p in store.rglob("*") if p.is_file() and p.name not in (MANIFEST, ".lock")
                  and (rel := p.relative_to(store).as_posix()) not in named)


def files(store: Path) -> dict[str, bytes]:
    return {p.relative_to(store).as_posix(): p.read_bytes() for p in store.rglob("*") if p.is_file()}


# --- kills and a full disk ------------------------------------------------------------
@dataclass
class Kill:
    command: str
    at: str                  # "1.23 s", or the write the child killed itself before
    landed: bool             # the process was still running when the signal came
    moment: str              # "before" or "after" the command, or what was wrong with the store
    rerun_equal: bool        # the same command again gave the uninterrupted run's tables
    strays: list[str] = field(default_factory=list)   # after the rerun
    seconds: float = 0.0     # from setting the command off to its end

    @property
    def at_random(self) -> bool:
        return self.at.endswith(" s")

    @property
    def whole(self) -> bool:
        return self.moment in ("before", "after")

    @property
    def ok(self) -> bool:
        return self.whole and self.rerun_equal and not self.strays


@dataclass
class DiskFull:
    command: str
    code: int
    stderr: list[str]
    unchanged: bool          # every file of the store as before, no new one
    recovered: bool          # the same command with room gave the uninterrupted run's tables, no stray file

    @property
    def ok(self) -> bool:
        return (self.code == 1 and len(self.stderr) == 1 and "no space left" in self.stderr[0]
                and self.unchanged and self.recovered)


@dataclass
class Slot:
    """A store folder for one trial at a time, and the warm child to run on it."""
    store: Path
    warm: Warm

    def copy_of(self, base: Path) -> Path:
        shutil.rmtree(self.store, ignore_errors=True)
        shutil.copytree(base, self.store)
        return self.store


class KillTrials:
    """A store of generated articles, one command to run on copies of it (an ingest of more
    articles, or a reprocess with a data copy lacking a tag) and its uninterrupted outcome.
    Trials run two at a time, each on its own copy. A rerun is the command's library call,
    with the data folder read once for all trials."""

    def __init__(self, work: Path, command: str, sizes: tuple[int, int] = (12, 12), parallel: int = 2):
        self.work, self.command, self.ignore_times = work, command, command == "ingest"
        first, self.more = corpora(work / "in", sizes)
        self.base = work / "base"
        assert quietly(["ingest", first, "--store", self.base])[0] == 0
        if command == "ingest":
            self.args, self.lexicon = ["ingest", str(self.more)], Lexicon.load()
        else:
            assert quietly(["ingest", self.more, "--store", self.base])[0] == 0
            data = data_without(work / "data", DROPPED_TAG)
            self.args, self.lexicon = ["reprocess", "--data", str(data)], Lexicon.load(data)
        self.before = state(self.base, self.ignore_times)
        self.slots: queue.Queue[Slot] = queue.Queue()
        for n in range(parallel):
            store = work / f"trial{n}"
            self.slots.put(Slot(store, Warm(*self.args, "--store", store)))
        slot, log = self.slots.get(), work / "writes.log"
        started = time.monotonic()
        reference = slot.copy_of(self.base)
        _, err = slot.warm.go("--events", str(log)).communicate()
        self.seconds = time.monotonic() - started   # the command's own work, from a warm start
        assert not err, err
        self.after = state(reference, self.ignore_times)
        assert self.after != self.before, "the command changes nothing: its kills would prove nothing"
        self.writes = log.read_text("utf-8").splitlines()   # "replace articles/part", in order
        self.rerun(slot.copy_of(self.base))                   # compiles the lexicon's patterns once
        assert state(slot.store, self.ignore_times) == self.after
        self.slots.put(slot)

    def close(self) -> None:
        while not self.slots.empty():
            self.slots.get().warm.close()

    def rerun(self, store: Path) -> None:
        if self.command == "ingest":
            ingest.ingest_paths([self.more], Store(store), lexicon=self.lexicon)
        else:
            ingest.reprocess(Store(store), self.lexicon)

    def run(self, kills: int, rng, every_write: bool = False) -> list[Kill]:
        """`kills` SIGKILLs that land, half of them at least after a random delay (one that
        comes after the command has ended is kept but not counted), the others at chosen
        writes (or every write)."""
        points = range(1, len(self.writes) + 2) if every_write else self.chosen_writes()
        kills = max(kills, len(points) + kills // 2)
        trials = self._each([lambda slot, n=n: self.at_write(n, slot) for n in points])
        # the whole run as the trials see it: until its kill after the last write
        self.seconds = min([t.seconds for t in trials if t.at == AFTER_LAST] or [self.seconds])
        for _ in range(8):
            missing = kills - sum(t.landed for t in trials)
            if missing <= 0:
                break
            delays = [rng.uniform(0.0, self.seconds) for _ in range(missing)]
            trials += self._each([lambda slot, d=d: self.at_random(d, slot) for d in delays])
        return trials

    def _each(self, trials: list) -> list[Kill]:
        def in_a_slot(trial):
            slot = self.slots.get()
            try:
                return trial(slot)
            finally:
                self.slots.put(slot)
        with ThreadPoolExecutor(self.slots.qsize()) as pool:
            return list(pool.map(in_a_slot, trials))

    def chosen_writes(self) -> list[int]:
        """Before the first part's fsync and rename, with one part in place, before the
        manifest's fsync (its temporary file written) and rename, before the first and a
        middle removal of a replaced part, and after the last write (numbers 1-based)."""
        w = self.writes
        first = {kind: w.index(next(x for x in w if x.startswith(kind))) + 1
                 for kind in ("fsync manifest", "replace manifest")}
        unlinks = [i + 1 for i, x in enumerate(w) if x.startswith("unlink")]
        return sorted({1, 2, 3, *first.values(), *unlinks[:1], *unlinks[len(unlinks) // 2:][:1], len(w) + 1})

    def at_random(self, delay: float, slot: Slot) -> Kill:
        store = slot.copy_of(self.base)
        proc, started = slot.warm.go(), time.monotonic()
        time.sleep(delay)
        landed = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        return self._judge(store, f"{delay:.2f} s", landed and proc.returncode == -signal.SIGKILL, started)

    def at_write(self, n: int, slot: Slot) -> Kill:
        """Killed by itself before its n-th write of the store (1-based), or after its last."""
        store = slot.copy_of(self.base)
        proc, started = slot.warm.go("--die-at", str(n)), time.monotonic()
        proc.communicate()
        at = f"before {self.writes[n - 1]}" if n <= len(self.writes) else AFTER_LAST
        return self._judge(store, at, proc.returncode == -signal.SIGKILL, started)

    def _judge(self, store: Path, at: str, landed: bool, started: float) -> Kill:
        seconds = time.monotonic() - started
        try:
            seen = state(store, self.ignore_times)
            moment = "before" if seen == self.before else "after" if seen == self.after else "torn"
        except Exception as exc:  # what the trial is there to catch: keep it as the outcome
            moment = f"unreadable: {type(exc).__name__}: {exc}"
        try:
            self.rerun(store)
            equal = state(store, self.ignore_times) == self.after
        except Exception:
            equal = False
        return Kill(self.command, at, landed, moment, equal, strays(store), seconds)

    def with_file_limit(self, limit: int) -> DiskFull:
        """The command with no file allowed beyond `limit` bytes, then again with room."""
        slot = self.slots.get()
        try:
            store = slot.copy_of(self.base)
            before = files(store)
            _, err = (proc := slot.warm.go("--file-limit", str(limit))).communicate()
            unchanged = files(store) == before
            self.rerun(store)
            recovered = state(store, self.ignore_times) == self.after and not strays(store)
        finally:
            self.slots.put(slot)
        return DiskFull(self.command, proc.returncode, err.splitlines(), unchanged, recovered)
