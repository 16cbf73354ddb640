"""The Parquet store: schema round trip, idempotent appends, atomic writes, concurrent writers."""
from __future__ import annotations

import multiprocessing as mp

import pandas as pd
import pytest

from pipeline.store import parquet as store_mod
from pipeline.store.schema import TABLES
from pipeline.store.parquet import Store


def frames_for(ids: list[str]) -> dict[str, pd.DataFrame]:
    articles = pd.DataFrame([{"article_id": i, "origin": f"{i}.txt", "text": f"body {i}",
                              "tags": ["tariffs"], "published": "2025-11-02", "words": 2} for i in ids])
    quotes = pd.DataFrame([{"quote_id": f"q{i}", "article_id": i, "speaker": "Wang Wentao",
                            "kind": "direct", "text": f"said {i}"} for i in ids])
    meetings = pd.DataFrame([{"meeting_id": f"m{i}", "article_ids": [i], "participants": ["A", "B"]}
                             for i in ids])
    return {"articles": TABLES["articles"].conform(articles), "quotes": TABLES["quotes"].conform(quotes),
            "meetings": TABLES["meetings"].conform(meetings), "tags": TABLES["tags"].empty()}


def test_empty_store_reads_declared_columns(tmp_path):
    store = Store(tmp_path / "s")
    assert store.is_empty()
    for name, spec in TABLES.items():
        assert list(store.read(name).columns) == spec.names
    assert store.version == 0


def test_round_trip_keeps_lists_and_types(tmp_path):
    store = Store(tmp_path)
    store.append(frames_for(["a1"]))
    articles = store.read("articles")
    assert articles.loc[0, "tags"] == ["tariffs"]
    assert articles.loc[0, "words"] == 2
    assert store.read("meetings").loc[0, "participants"] == ["A", "B"]


def test_same_article_twice_is_stored_once(tmp_path):
    store = Store(tmp_path)
    first = store.append(frames_for(["a1", "a2"]))
    second = store.append(frames_for(["a2", "a3"]))
    assert first.new_ids == ["a1", "a2"]
    assert second.new_ids == ["a3"] and second.duplicate_ids == ["a2"]
    assert sorted(store.read("articles")["article_id"]) == ["a1", "a2", "a3"]
    # the duplicate's facts are not stored a second time either
    assert sorted(store.read("quotes")["article_id"]) == ["a1", "a2", "a3"]
    assert store.version == 2


def test_append_writes_a_small_part_not_the_whole_table(tmp_path):
    store = Store(tmp_path)
    store.append(frames_for([f"a{i}" for i in range(100)]))
    before = set(store.manifest()["tables"]["articles"])
    store.append(frames_for(["new"]))
    after = store.manifest()["tables"]["articles"]
    assert before <= set(after) and len(after) == len(before) + 1


def test_compaction_merges_parts_and_loses_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(store_mod, "COMPACT_AFTER", 3)
    store = Store(tmp_path)
    for i in range(6):
        store.append(frames_for([f"a{i}"]))
    assert len(store.manifest()["tables"]["articles"]) <= 3
    assert len(store.read("articles")) == 6
    assert len(list((tmp_path / "articles").glob("*.parquet"))) == len(store.manifest()["tables"]["articles"])


def test_crash_during_write_leaves_previous_store_whole(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.append(frames_for(["a1"]))
    calls = {"n": 0}
    real_replace = store_mod.os.replace

    def crash_on_second_rename(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:  # the first part is in place, the rest of the batch is not
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(store_mod.os, "replace", crash_on_second_rename)
    with pytest.raises(OSError):
        store.append(frames_for(["a2"]))
    monkeypatch.setattr(store_mod.os, "replace", real_replace)
    reopened = Store(tmp_path)
    assert reopened.read("articles")["article_id"].tolist() == ["a1"]
    assert reopened.read("quotes")["article_id"].tolist() == ["a1"]
    assert not list(tmp_path.rglob("*.tmp-*"))
    # the next write succeeds and sweeps the half-written batch away
    reopened.append(frames_for(["a2"]))
    assert sorted(reopened.read("articles")["article_id"]) == ["a1", "a2"]
    named = {p for parts in reopened.manifest()["tables"].values() for p in parts}
    on_disk = {f"{p.parent.name}/{p.name}" for p in tmp_path.rglob("*.parquet")}
    assert on_disk == named


def test_damaged_manifest_is_a_named_error(tmp_path):
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(store_mod.StoreError, match="damaged"):
        Store(tmp_path).read("articles")


def _writer(root: str, prefix: str) -> None:
    store = Store(root)
    for i in range(5):
        store.append(frames_for([f"{prefix}{i}"]))


def test_concurrent_writers_lose_nothing(tmp_path):
    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), p)) for p in ("x", "y", "z")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    ids = Store(tmp_path).read("articles")["article_id"].tolist()
    assert sorted(ids) == sorted(f"{p}{i}" for p in "xyz" for i in range(5))


def test_compaction_merges_the_latest_small_parts_and_leaves_large_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(store_mod, "COMPACT_AFTER", 3)
    monkeypatch.setattr(store_mod, "LARGE_PART", 50)
    store = Store(tmp_path)
    store.append(frames_for([f"big{i}" for i in range(60)]))
    [large] = store.manifest()["tables"]["articles"]
    for i in range(6):
        store.append(frames_for([f"a{i}"]))
    parts = store.manifest()["tables"]["articles"]
    assert parts[0] == large and len(parts) <= 4          # the large part is never written again
    ids = store.read("articles")["article_id"].tolist()
    assert ids == [f"big{i}" for i in range(60)] + [f"a{i}" for i in range(6)]   # stored order kept


def test_replacing_rows_rewrites_only_the_parts_that_hold_them(tmp_path):
    import pandas as pd
    from pipeline.store.schema import EVENTS
    store = Store(tmp_path)
    with store.transaction() as tx:
        for name in ("e1", "e2"):
            tx.manifest["tables"]["events"].append(store._write_part("events", EVENTS.conform(
                pd.DataFrame({"event_id": [name, name + "b"]}))))
        store._commit(tx.manifest)
    first, second = store.manifest()["tables"]["events"]
    with store.transaction() as tx:
        store._update(tx, "events", EVENTS.conform(pd.DataFrame({"event_id": ["e3"]})), ["e2"])
        store._commit(tx.manifest)
    parts = store.manifest()["tables"]["events"]
    assert parts[0] == first and second not in parts
    assert sorted(store.read("events")["event_id"]) == ["e1", "e1b", "e2b", "e3"]
