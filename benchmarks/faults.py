"""Fault figures of the command line, printed (no assertions): SIGKILLs during ingest and
reprocess and what they left, pool workers of a killed command, a full disk, ingests during
a reprocess and the articles lost, and crafted bad input files with the slowest one's time.
The trials are those of tests/test_faults.py (benchmarks/trials.py and concurrency.py), in
numbers of your choosing.

    .venv/bin/python benchmarks/faults.py [--kills 20] [--every-write] [--concurrent 5] [--seed 7]
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import generate  # noqa: E402
from benchmarks.concurrency import ConcurrentTrials, kill_pooled  # noqa: E402
from benchmarks.trials import ROOT, KillTrials  # noqa: E402


def kills(work: Path, n: int, every_write: bool, rng: random.Random) -> None:
    for command in ("ingest", "reprocess"):
        trials = KillTrials(work / command, command)
        try:
            outcomes = trials.run(n, rng, every_write)
            limited = trials.with_file_limit(8_000)
        finally:
            trials.close()
        landed = [k for k in outcomes if k.landed]
        moments = Counter(k.moment for k in outcomes)
        print(f"{command}: {len(landed)} SIGKILLs ({sum(k.at_random for k in landed)} at random moments "
              f"of its {trials.seconds:.2f} s, {sum(not k.at_random for k in landed)} at chosen writes), "
              f"{len(outcomes) - len(landed)} came after it ended")
        print(f"  store whole {sum(k.whole for k in outcomes)}/{len(outcomes)} "
              f"(as before {moments['before']}, as after {moments['after']}), "
              f"rerun equal to an uninterrupted run {sum(k.rerun_equal for k in outcomes)}/{len(outcomes)}, "
              f"stray files after the rerun {sum(len(k.strays) for k in outcomes)}")
        for k in outcomes:
            if not k.ok:
                print(f"  FAILED at {k.at}: {k}")
        print(f"  full disk (file size limit): exit {limited.code}, {len(limited.stderr)} line(s) "
              f"{limited.stderr[:1]}, store unchanged {limited.unchanged}, then with room {limited.recovered}")
        workers, left = kill_pooled(work / f"{command}-pool", command)
        print(f"  killed with a pool of {workers} workers: {len(left)} still running 5 s later")


def concurrent(work: Path, rounds: int, rng: random.Random) -> None:
    trials = ConcurrentTrials(work / "concurrent")
    outcomes = [trials.run(held=True)]
    for _ in range(rounds - 1):
        outcomes.append(trials.run(False, (rng.uniform(0, trials.seconds), rng.uniform(0, trials.seconds))))
    lost = sum(len(o.lost) for o in outcomes)
    print(f"ingests during a reprocess: {rounds} reprocesses with 2 ingests each "
          f"(1 held after its read until both committed, {rounds - 1} at random moments of its "
          f"{trials.seconds:.2f} s), {sum(o.replayed for o in outcomes)} articles replayed")
    print(f"  articles, quotes and meetings lost: {lost}; reprocess work undone: "
          f"{sum(o.undone for o in outcomes)}; failed commands: {sum(c != 0 for o in outcomes for c in o.codes)}")


# --- bad input files ------------------------------------------------------------------
def bad_inputs(folder: Path) -> dict[str, Path]:
    """Files a user might drop in by mistake or malice, each in a folder of its own."""
    text = generate(1)[0]["text"]

    def make(name: str, filename: str, write) -> None:
        sub = folder / name
        sub.mkdir(parents=True)
        write(sub / filename)
        made[name] = sub

    def zipped(path: Path, entries: dict[str, bytes]) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for entry, data in entries.items():
                z.writestr(entry, data)

    def truncated_zip(path: Path) -> None:
        zipped(path, {"a.txt": text.encode() * 4})
        path.write_bytes(path.read_bytes()[:300])

    made: dict[str, Path] = {}
    make("empty file", "a.txt", lambda p: p.write_bytes(b""))
    make("binary bytes", "a.txt", lambda p: p.write_bytes(os.urandom(50_000)))
    make("NUL bytes in text", "a.txt", lambda p: p.write_bytes(text.encode()[:500] + b"\0" * 2000))
    make("wrong extension", "a.pdf", lambda p: p.write_text(text))
    make("JSON nested 100,000 deep", "a.json", lambda p: p.write_text("[" * 100_000 + "]" * 100_000))
    make("JSONL title nested 5,000 deep", "a.jsonl",
         lambda p: p.write_text('{"title": ' + "[" * 5000 + "]" * 5000 + f', "text": "{text[:200]}"}}\n'))
    make("truncated JSON", "a.json", lambda p: p.write_text('{"title": "Talks", "text": "The min'))
    make("CSV without a text column", "a.csv", lambda p: p.write_text("title,date\nTalks,2025-01-02\n"))
    make("truncated zip", "a.zip", truncated_zip)
    make("zip bomb (zeros)", "a.zip", lambda p: zipped(p, {"a.txt": b"0" * 300_000_000}))
    make("zip escaping its folder", "a.zip", lambda p: zipped(p, {"../../escape.txt": text.encode()}))
    make("zip inside a zip", "a.zip", lambda p: zipped(p, {"inner.zip": b"PK\x03\x04" + os.urandom(100)}))
    make("FIFO named .txt", "a.txt", lambda p: os.mkfifo(p))
    make("link to /dev/zero", "a.txt", lambda p: p.symlink_to("/dev/zero"))
    make("invalid UTF-8", "a.txt", lambda p: p.write_bytes(b"Talks \xff\xfe\xfa in Geneva " * 200))
    make("over the size limit", "a.txt", lambda p: p.write_text(("word " * 1000 + "\n") * 5000))
    make("one 2 MB line", "a.txt", lambda p: p.write_text("tariff " * 300_000))
    make("HTML of scripts only", "a.html", lambda p: p.write_text("<html><script>" + "x=1;" * 5000 + "</script></html>"))
    return made


def feed(folder: Path, store: Path, timeout: float = 60.0) -> tuple[str, float, str]:
    """What became of one bad input: "refused" with one error line, "accepted" as an article
    without a word on stderr, or "NOT HANDLED" (a traceback, several lines, no answer); its
    time and what it printed."""
    started = time.monotonic()
    try:
        ran = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(folder), "--store", str(store)],
                             cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "NOT HANDLED", timeout, f"no answer in {timeout:.0f} s"
    seconds, err = time.monotonic() - started, ran.stderr.strip().splitlines()
    if ran.returncode == 1 and len(err) == 1 and err[0].startswith("error: "):
        return "refused", seconds, err[0]
    if ran.returncode == 0 and not err:
        return "accepted", seconds, ran.stdout.strip()
    return "NOT HANDLED", seconds, f"exit {ran.returncode}, {len(err)} lines: {err[-1:]}"


def bad(work: Path) -> None:
    inputs = bad_inputs(work / "bad")
    results = {name: feed(folder, work / "bad-store") for name, folder in inputs.items()}
    slowest = max(results, key=lambda name: results[name][1])
    kinds = Counter(r[0] for r in results.values())
    print(f"bad inputs: {kinds['refused'] + kinds['accepted']}/{len(results)} handled "
          f"({kinds['refused']} refused with one error line, {kinds['accepted']} read as text), "
          f"{sum('Traceback' in r[2] for r in results.values())} tracebacks, "
          f"{kinds['NOT HANDLED']} not handled; slowest: {slowest} {results[slowest][1]:.2f} s "
          f"(Python's start included)")
    for name, (kind, seconds, line) in results.items():
        print(f"  {kind:11} {seconds:5.2f} s  {name}: {line[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs that land, per command")
    parser.add_argument("--every-write", action="store_true", help="a kill before every write of the store")
    parser.add_argument("--concurrent", type=int, default=5, help="reprocesses with two ingests each")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        kills(work, args.kills, args.every_write, rng)
        concurrent(work, args.concurrent, rng)
        bad(work)


if __name__ == "__main__":
    main()
