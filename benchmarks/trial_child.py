"""The child process of the fault trials: `python -m pipeline ARGS` with what a trial needs.

    python -m benchmarks.trial_child [--warm] [--die-at N] [--events FILE] [--hold FILE]
                                     [--pool SECONDS] [--file-limit BYTES] -- ARGS

(`--warm`: import, read the data folder and compile its patterns, then wait for a line of
stdin holding the other options.)
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import generate  # noqa: E402
from pipeline import cli, ingest  # noqa: E402
from pipeline.article import Article  # noqa: E402
from pipeline.lexicon.lexicon import Lexicon  # noqa: E402
from pipeline.process import process_article  # noqa: E402


def _watch_writes(store: Path, die_at: int | None, log: Path | None) -> list[str]:
    """Count the store's fsyncs, renames and removals; kill this process before the die_at-th."""
    seen: list[str] = []
    root = str(store.resolve())

    def inside(path) -> str | None:
        path = os.path.abspath(os.fspath(path))
        return os.path.relpath(path, root) if path.startswith(root + os.sep) else None

    def watched(name, real, target):
        def call(*args, **kwargs):
            where = target(args[0] if name != "replace" else args[1])
            if where is not None:  # "replace articles/part", "fsync manifest.json.tmp"
                seen.append(f"{name} {re.sub(r'-[0-9T]+-[0-9a-f]+[.]parquet|-[0-9a-f]+$', '', where)}")
                if log:
                    with open(log, "a", encoding="utf-8") as handle:
                        handle.write(seen[-1] + "\n")
                if len(seen) == die_at:
                    os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        return call
    os.fsync = watched("fsync", os.fsync, lambda fd: inside(os.readlink(f"/proc/self/fd/{fd}")))
    os.replace = watched("replace", os.replace, inside)
    os.unlink = watched("unlink", os.unlink, inside)
    return seen


def _hold_after_read(flag: Path) -> None:
    """At the first progress report (the store has been read), say so and wait for `flag`."""
    real, held = cli._progress, []

    def progress(done: int, total: int, what: str) -> None:
        if not held:
            held.append(True)
            flag.with_suffix(".reached").touch()
            deadline = time.monotonic() + 120
            while not flag.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
        real(done, total, what)
    cli._progress = progress


def _slow_pool(seconds: float) -> None:
    """A pool of two workers from two articles on, each article taking `seconds` more."""
    real = ingest._process_one

    def slow(article, lexicon):
        time.sleep(seconds)
        return real(article, lexicon)
    ingest.PARALLEL_FROM, ingest._process_one = 2, slow
    os.cpu_count = lambda: 2


def _lexicon_ready(data: Path | None) -> None:
    """Read the data folder and compile its patterns now (on an article of the corpus), and
    have the command take that lexicon: what is left of its work is reading, processing and
    writing."""
    lexicon = Lexicon.load(data)
    d = generate(1, seed=1)[0]
    process_article(Article(origin="warm.txt", raw_text=d["text"], title=d["title"]), lexicon)
    Lexicon.load = lambda *args, **kwargs: lexicon


def _options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.trial_child")
    parser.add_argument("--warm", action="store_true", help="import, then read more options from a line of stdin")
    parser.add_argument("--die-at", type=int, help="SIGKILL this process before its Nth write of the store")
    parser.add_argument("--events", type=Path, help="append each write of the store to this file")
    parser.add_argument("--hold", type=Path, help="after reading the store, wait for this file")
    parser.add_argument("--pool", type=float, help="process in a pool of two, each article this much slower")
    parser.add_argument("--file-limit", type=int, help="no file may grow beyond this many bytes")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    opts = _options(argv)
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    if opts.warm:
        _lexicon_ready(Path(args[args.index("--data") + 1]) if "--data" in args else None)
        print("ready", flush=True)
        line = sys.stdin.readline()
        if not line:  # never set off
            return 0
        opts = _options(line.split())
    seen = []
    if opts.die_at or opts.events:
        seen = _watch_writes(Path(args[args.index("--store") + 1]), opts.die_at, opts.events)
    if opts.hold:
        _hold_after_read(opts.hold)
    if opts.pool:
        _slow_pool(opts.pool)
    if opts.file_limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write beyond the limit fails (EFBIG) instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (opts.file_limit, opts.file_limit))
    code = cli.main(args)
    if opts.die_at and opts.die_at > len(seen):  # after the last write, before the process ends
        os.kill(os.getpid(), signal.SIGKILL)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
