"""Watchlists (saved filters, new items since last opened) and the `watch` command."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import StoreError, WatchlistError
from pipeline.ingest import ingest_paths
from pipeline.query.filters import Filters
from pipeline.query.library import read_table
from pipeline.query.prepared import prepare
from pipeline.store.parquet import Store
from pipeline.watch import watchlists
from pipeline.watch.folder import STATE

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
CHINA_JAPAN, RARE_EARTHS = "000_9ee299f29b7f0674.txt", "004_18c99f4c6dba8f7c.txt"
EARLY, LATE = "2000-01-01T00:00:00+00:00", "2999-01-01T00:00:00+00:00"


def views_of(store: Store):
    return prepare({"articles": read_table(store, "articles"), "quotes": read_table(store, "quotes"),
                    "tags": read_table(store, "tags"), "meetings": read_table(store, "events")})


def drop(folder: Path, *names: str) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes((SAMPLES / name).read_bytes())


@pytest.fixture
def ingested(tmp_path, store):
    drop(tmp_path / "in", CHINA_JAPAN, RARE_EARTHS)
    report = ingest_paths([tmp_path / "in"], store)
    assert len(report.new_ids) == 2
    return store


def test_a_watchlist_is_saved_in_the_store_folder_and_read_back(store):
    f = Filters(countries=("China",), search="rare earths", match="between")
    watchlists.save(store.root, "EU–China rare earths", f, now=EARLY)
    found = watchlists.load(store.root)
    assert [(w.name, w.filters, w.opened_at) for w in found] == [("EU–China rare earths", f, EARLY)]
    assert json.loads((store.root / watchlists.FILE).read_text("utf-8"))["watchlists"][0]["name"] == \
        "EU–China rare earths"
    watchlists.save(store.root, "EU–China rare earths", Filters(), now=EARLY)   # same name: replaced
    assert [w.filters for w in watchlists.load(store.root)] == [Filters()]
    assert not list(store.root.glob("*.tmp-*"))


def test_bad_names_and_a_damaged_file_are_named_errors(store):
    with pytest.raises(WatchlistError):
        watchlists.save(store.root, "   ", Filters())
    with pytest.raises(WatchlistError):
        watchlists.mark_opened(store.root, "nothing")
    (store.root / watchlists.FILE).write_text("{broken", "utf-8")
    with pytest.raises(StoreError):
        watchlists.load(store.root)


def test_new_items_are_counted_until_the_watchlist_is_opened(ingested):
    store = ingested
    everything = watchlists.save(store.root, "all", Filters(), now=EARLY)
    rare = watchlists.save(store.root, "rare", Filters(search="Sefcovic"), now=EARLY)
    v = views_of(store)
    counts = watchlists.new_counts(v, everything)
    assert counts.articles == 2
    assert counts.meetings == len(v.meetings) and counts.quotes == len(v.quotes)
    assert watchlists.new_counts(v, rare).articles == 1
    opened = watchlists.mark_opened(store.root, "rare", now=LATE)
    assert watchlists.new_counts(v, opened) == watchlists.NewCounts(0, 0, 0)
    assert watchlists.new_counts(v, watchlists.get(store.root, "all")).articles == 2   # the other one: still new


def test_rows_are_marked_new_by_their_articles(ingested):
    v = views_of(ingested)
    ids = watchlists.new_article_ids(v, EARLY)
    assert watchlists.is_new(v.articles, ids).all() and watchlists.is_new(v.meetings, ids).all()
    assert not watchlists.is_new(v.quotes, watchlists.new_article_ids(v, LATE)).any()


def test_matches_say_how_many_new_articles_each_watchlist_takes(ingested):
    v = views_of(ingested)
    saved = [watchlists.save(ingested.root, "rare", Filters(search="Sefcovic"), now=EARLY),
             watchlists.save(ingested.root, "nothing", Filters(search="zzzz"), now=EARLY)]
    lines = watchlists.match_lines(watchlists.matches(v, set(v.articles["article_id"]), saved))
    assert lines == ["1 new article matches 'rare'"]


def test_ingest_says_which_watchlists_the_new_articles_match(tmp_path, cli, store):
    watchlists.save(store.root, "EU–China rare earths", Filters(search="Sefcovic"))
    drop(tmp_path / "in", CHINA_JAPAN, RARE_EARTHS)
    ran = cli("ingest", tmp_path / "in", "--store", store.root)
    assert ran.code == 0, ran.err
    assert ran.out.splitlines()[1:] == ["1 new article matches 'EU–China rare earths'"]


def test_watch_once_ingests_the_files_in_the_folder_once(tmp_path, cli, store):
    folder = tmp_path / "drop"
    drop(folder, RARE_EARTHS)
    watchlists.save(store.root, "rare", Filters(search="Sefcovic"))
    ran = cli("watch", folder, "--store", store.root, "--once", "--interval", "0.1")
    assert ran.code == 0, ran.err
    assert "1 new articles" in ran.out and "1 new article matches 'rare'" in ran.out
    assert len(store.read("articles")) == 1 and (store.root / STATE).exists()
    again = cli("watch", folder, "--store", store.root, "--once", "--interval", "0.1")
    assert again.code == 0 and again.out == ""   # taken already: not ingested again


def test_watch_of_a_missing_folder_is_one_line_and_exit_1(tmp_path, cli, store):
    ran = cli("watch", tmp_path / "nowhere", "--store", store.root, "--once")
    assert ran.code == 1 and len(ran.err.strip().splitlines()) == 1 and ran.err.startswith("error:")


def test_python_m_pipeline_watch_once(tmp_path):
    folder, store = tmp_path / "drop", tmp_path / "store"
    drop(folder, CHINA_JAPAN)
    ran = subprocess.run([sys.executable, "-m", "pipeline", "watch", str(folder), "--store", str(store),
                          "--once", "--interval", "0.2"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    assert "1 new articles" in ran.stdout and len(Store(store).read("articles")) == 1


def test_watch_takes_a_dropped_file_and_stops_cleanly_on_sigterm(tmp_path):
    folder, store = tmp_path / "drop", tmp_path / "store"
    folder.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "watch", str(folder), "--store", str(store),
                             "--interval", "0.2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        time.sleep(0.5)
        drop(folder, RARE_EARTHS)
        deadline = time.monotonic() + 90
        while not (Store(store).root.exists() and not Store(store).is_empty()):
            assert time.monotonic() < deadline and proc.poll() is None, "the dropped file was not ingested"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert err == ""
    lines = out.splitlines()
    assert "1 new articles" in lines[0]
    assert lines[1:] == [f"stopped watching {folder}"]


def test_a_damaged_watchlists_file_is_a_warning_after_an_ingest_that_went_in(tmp_path, cli, store):
    store.root.mkdir(parents=True)
    (store.root / watchlists.FILE).write_text("{broken", "utf-8")
    drop(tmp_path / "in", RARE_EARTHS)
    ran = cli("ingest", tmp_path / "in", "--store", store.root)
    assert ran.code == 0 and "1 new articles" in ran.out
    assert ran.err.startswith("warning: watchlists not matched:") and len(ran.err.splitlines()) == 1
