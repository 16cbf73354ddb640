"""Crash hygiene: what a killed or failed writer leaves is swept by the next one, pool workers
die with their command, a full disk leaves the store as it was, and SIGKILLs at random
moments and at every kind of write of ingest and reprocess, and ingests during a reprocess,
never lose or tear anything. The trials themselves live in benchmarks/trials.py, which
benchmarks/faults.py runs in larger numbers and prints; benchmarks/concurrency.py those of
pool workers and of ingests during a reprocess."""
from __future__ import annotations

import errno
import os
import random
from pathlib import Path

import pytest

from benchmarks.concurrency import ConcurrentTrials, kill_pooled
from benchmarks.trials import KillTrials, files, strays
from pipeline.errors import StoreError
from pipeline.store import parquet as store_mod
from pipeline.store.parquet import Store
from tests.test_store import frames_for

KILLS = 20          # SIGKILLs at random moments that land, for each command
SEED = 20261207


# --- the next writer sweeps -----------------------------------------------------------
def test_the_next_writer_removes_what_a_killed_one_left(tmp_path):
    store = Store(tmp_path)
    store.append(frames_for(["a1"]))
    left = [tmp_path / "manifest.json.tmp-1f2e3d4c",                          # killed mid-commit
            tmp_path / "articles" / "part-20250101T000000-0badf00d.parquet.tmp-5a6b7c8d",  # mid-part
            tmp_path / "quotes" / "part-20250101T000000-deadbeef.parquet"]   # a part, no commit
    for path in left:
        path.write_bytes(b"half")
    assert Store(tmp_path).read("articles")["article_id"].tolist() == ["a1"]  # a reader leaves them
    assert all(p.exists() for p in left)
    store.append(frames_for(["a2"]))
    assert not any(p.exists() for p in left) and strays(tmp_path) == []
    assert sorted(store.read("quotes")["article_id"]) == ["a1", "a2"]


def test_a_writer_that_fails_takes_its_parts_with_it(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.append(frames_for(["a1"]))
    real = store_mod.Store._commit

    def crash(self, manifest):
        raise RuntimeError("a bug between the parts and the commit")
    monkeypatch.setattr(store_mod.Store, "_commit", crash)
    with pytest.raises(RuntimeError):
        store.append(frames_for(["a2"]))
    assert strays(tmp_path) == []
    monkeypatch.setattr(store_mod.Store, "_commit", real)
    assert store.read("articles")["article_id"].tolist() == ["a1"]


# --- a full disk ----------------------------------------------------------------------
def _no_space_at(monkeypatch, target, name: str, at: int) -> None:
    """The at-th call of target.name (1-based) fails as a full disk does."""
    real, calls = getattr(target, name), []

    def full(*args, **kwargs):
        calls.append(1)
        if len(calls) == at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)
    monkeypatch.setattr(target, name, full)


# three parts (frames_for has no tags) and the manifest: each written, fsynced and renamed
WRITES = ([("write_table", n) for n in range(1, 4)] + [("write_text", 1)]
          + [("fsync", n) for n in range(1, 5)] + [("replace", n) for n in range(1, 5)])


@pytest.mark.parametrize("write", ["append", "replace"])
@pytest.mark.parametrize("point,at", WRITES)
def test_no_space_at_any_write_leaves_the_store_as_it_was(tmp_path, monkeypatch, write, point, at):
    store = Store(tmp_path)
    store.append(frames_for(["a1", "a2"]))
    before = files(tmp_path)
    target = {"write_table": store_mod.pq, "write_text": Path, "fsync": os, "replace": os}[point]
    _no_space_at(monkeypatch, target, point, at)
    with pytest.raises(StoreError) as raised:
        getattr(store, write)(frames_for(["b1", "b2"]))
    monkeypatch.undo()
    message = str(raised.value)
    assert "\n" not in message and "no space left" in message and "nothing was changed" in message
    assert files(tmp_path) == before
    # with room again the same write goes through and leaves no stray file
    getattr(store, write)(frames_for(["b1", "b2"]))
    expected = ["a1", "a2", "b1", "b2"] if write == "append" else ["b1", "b2"]
    assert sorted(store.read("articles")["article_id"]) == expected and strays(tmp_path) == []


def test_a_full_disk_is_one_line_from_the_command(tmp_path, monkeypatch, cli, samples):
    store = tmp_path / "store"
    _no_space_at(monkeypatch, os, "fsync", 3)
    ran = cli("ingest", samples / "china_halts_japanese_seafood_again.txt", "--store", store)
    assert ran.code == 1 and ran.err.count("\n") == 1 and "Traceback" not in ran.err
    assert ran.err.startswith(f"error: no space left to write the store {store} (No space left on device)")
    monkeypatch.undo()
    assert Store(store).is_empty() and strays(store) == []


# --- kills ----------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["ingest", "reprocess"])
def trials(request, tmp_path_factory):
    kills = KillTrials(tmp_path_factory.mktemp(request.param), request.param)
    yield kills
    kills.close()


@pytest.mark.slow
def test_sigkills_leave_a_whole_store_and_a_rerun_equal_to_an_uninterrupted_run(trials):
    # KILLS at random moments, and one more at each chosen write
    outcomes = trials.run(KILLS + len(trials.chosen_writes()), random.Random(SEED))
    failed = [k for k in outcomes if not k.ok]
    assert not failed, failed
    assert sum(k.landed and k.at_random for k in outcomes) >= KILLS
    # the chosen writes put kills on both sides of the commit, whatever the timing
    assert {k.moment for k in outcomes} == {"before", "after"}
    assert any("manifest.json.tmp" in k.at for k in outcomes)


@pytest.mark.slow
def test_a_file_size_limit_fails_the_command_in_one_line_with_the_store_as_it_was(trials):
    outcome = trials.with_file_limit(8_000)   # below the size of the articles' part
    assert outcome.ok, outcome
    assert "nothing was changed" in outcome.stderr[0] and "Traceback" not in outcome.stderr[0]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["ingest", "reprocess"])
def test_pool_workers_die_with_their_killed_command(tmp_path, command):
    workers, left = kill_pooled(tmp_path, command)
    assert workers == 2 and left == []


# --- ingests during a reprocess -------------------------------------------------------
@pytest.fixture(scope="module")
def concurrent(tmp_path_factory):
    return ConcurrentTrials(tmp_path_factory.mktemp("concurrent"))


@pytest.mark.slow
def test_two_ingests_committed_during_a_reprocess_are_replayed_and_nothing_is_lost(concurrent):
    outcome = concurrent.run(held=True)
    assert outcome.codes == [0, 0, 0] and outcome.replayed == 30
    assert outcome.lost == [] and outcome.undone == 0


@pytest.mark.slow
def test_two_ingests_at_random_moments_of_a_reprocess_lose_nothing(concurrent):
    rng = random.Random(SEED)
    delays = (rng.uniform(0, concurrent.seconds), rng.uniform(0, concurrent.seconds))
    outcome = concurrent.run(held=False, delays=delays)
    assert outcome.codes == [0, 0, 0] and outcome.lost == [] and outcome.undone == 0, (delays, outcome)
