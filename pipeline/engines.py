"""Engines that map the pure per-article function over many processes.

`process_each` in pipeline.ingest picks one: the local process pool (the default) or a
Dask cluster (`dask_map`). Either way the function is the same, results come back in
input order, and only the caller writes to the store.
"""
from __future__ import annotations

from typing import Callable, TypeVar

from pipeline.errors import ClusterError

Item, Result, Shared = TypeVar("Item"), TypeVar("Result"), TypeVar("Shared")

ENGINES = ("local", "dask")
DASK_CHUNK = 64        # articles one task takes: fewer, larger tasks keep the scheduler's overhead small
LOCAL_WORKERS = 2      # the workers of the cluster started when no scheduler is named


def _each(chunk: list, shared, one: Callable) -> list:
    return [one(item, shared) for item in chunk]


def dask_map(one: Callable[[Item, Shared], Result], items: list[Item], shared: Shared,
             scheduler: str | None = None, progress: Callable[[int, int], None] | None = None,
             chunk: int = DASK_CHUNK) -> list[Result]:
    """`one(item, shared)` for every item, in input order, on a Dask cluster: the one at
    `scheduler` (e.g. tcp://host:8786) or, without one, a cluster of two worker processes
    started here and closed after, without a dashboard and listening on 127.0.0.1 only
    (the scheduler's bare HTTP routes too: with no dashboard address they take its host).
    `shared` goes to each worker once; the items go in chunks. `one` must not raise (it
    returns what went wrong): an exception here means a worker or the cluster failed."""
    from distributed import Client, LocalCluster  # only this engine needs Dask installed

    if not items:
        return []
    if scheduler:
        try:
            with Client(scheduler) as client:
                return _run(client, one, items, shared, progress, chunk)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"{scheduler}: no Dask scheduler answers ({exc})") from exc
    with LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
        return _run(client, one, items, shared, progress, chunk)


def _run(client, one, items, shared, progress, chunk) -> list:
    try:
        return _gather(client, one, items, shared, progress, chunk)
    except Exception as exc:  # `one` itself does not raise: the cluster failed to run it
        raise ClusterError(f"the cluster cannot run the project's code ({type(exc).__name__}: {exc}); "
                           "start its scheduler and workers with the project on PYTHONPATH") from exc


def _gather(client, one, items, shared, progress, chunk) -> list:
    [everywhere] = client.scatter([shared], broadcast=True, hash=False)
    chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    futures = client.map(_each, chunks, shared=everywhere, one=one, pure=False)
    results: list = []
    try:
        for future in futures:  # in input order
            results += future.result()
            if progress:
                progress(len(results), len(items))
    finally:
        client.cancel(futures + [everywhere])
    return results
