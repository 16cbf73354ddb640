"""The Dask engine: the same pure per-article function over a cluster, the same store as the serial path."""
from __future__ import annotations

import socket

import psutil
import pytest

from pipeline.engines import dask_map
from pipeline.query.library import read_table
from pipeline.store.parquet import Store

pytest.importorskip("distributed")

EXPORTED = ("articles", "meetings", "quotes", "tags")


def _exports(store: Store) -> dict:
    return {name: read_table(store, name).drop(columns=["ingested_at"], errors="ignore").reset_index(drop=True)
            for name in EXPORTED}


def _same(a: dict, b: dict) -> None:
    for name in EXPORTED:
        assert len(a[name]) > 0, name
        assert a[name].equals(b[name]), name


def _tagged(item: int, shared: str) -> str:
    return f"{shared}{item}"


def _children() -> set[int]:
    """This process's children, but for multiprocessing's resource tracker: started once,
    it stays until this process ends, whoever started it."""
    return {p.pid for p in psutil.Process().children(recursive=True)
            if "resource_tracker" not in " ".join(p.cmdline())}


def test_dask_ingest_and_reprocess_match_the_serial_path(cli, samples, tmp_path):
    before = _children()
    on_dask, serial = tmp_path / "dask", tmp_path / "serial"
    ran = cli("ingest", samples, "--store", on_dask, "--engine", "dask")
    assert ran.code == 0, ran.err
    assert cli("ingest", samples, "--store", serial).code == 0
    _same(_exports(Store(on_dask)), _exports(Store(serial)))

    ran = cli("reprocess", "--store", on_dask, "--engine", "dask")
    assert ran.code == 0, ran.err
    assert "12 articles reprocessed" in ran.out
    _same(_exports(Store(on_dask)), _exports(Store(serial)))
    assert _children() - before == set(), "the local cluster left processes behind"


def test_dask_map_keeps_input_order_across_chunks():
    before = _children()
    assert dask_map(_tagged, list(range(10)), "n", chunk=3) == [f"n{i}" for i in range(10)]
    assert dask_map(_tagged, [], "n") == []
    assert _children() - before == set()


def test_a_scheduler_that_does_not_answer_is_one_line_and_nothing_is_written(cli, samples, tmp_path):
    import dask.config

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        ran = cli("ingest", samples, "--store", tmp_path / "store", "--engine", "dask",
                  "--scheduler", f"tcp://127.0.0.1:{port}")
    assert ran.code == 1
    assert ran.err.strip().startswith(f"error: tcp://127.0.0.1:{port}: no Dask scheduler answers")
    assert len(ran.err.strip().splitlines()) == 1
    assert Store(tmp_path / "store").is_empty()
