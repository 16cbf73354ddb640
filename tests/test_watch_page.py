"""The Watchlists page under AppTest: save the sidebar's filters, ingest, see the new items, open."""
from __future__ import annotations

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from pipeline.ingest import ingest_paths
from pipeline.query.filters import Filters
from pipeline.store.parquet import Store
from pipeline.watch import watchlists

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
CHINA_JAPAN, RARE_EARTHS = "000_9ee299f29b7f0674.txt", "004_18c99f4c6dba8f7c.txt"


def ingest(tmp_path: Path, store: Path, name: str) -> None:
    folder = tmp_path / name.split("_")[0]
    folder.mkdir()
    (folder / name).write_bytes((SAMPLES / name).read_bytes())
    assert ingest_paths([folder], Store(store)).new_ids


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def page_text(at: AppTest) -> str:
    return " ".join(m.value for m in [*at.markdown, *at.caption, *at.info, *at.success])


def test_save_ingest_count_open_and_mark(tmp_path, monkeypatch):
    store = tmp_path / "store"
    ingest(tmp_path, store, CHINA_JAPAN)
    monkeypatch.setenv("TTM_STORE", str(store))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.text_input(key="q").input("Sefcovic").run()
    at.text_input(key="watch_name").input("EU–China rare earths").run()
    button(at, "Save watchlist").click().run()
    assert not at.exception, at.exception
    assert [(w.name, w.filters) for w in watchlists.load(store)] == [
        ("EU–China rare earths", Filters(search="Sefcovic"))]

    time.sleep(1.1)   # times are kept to the second: the article comes in after the save
    ingest(tmp_path, store, RARE_EARTHS)
    at.switch_page("app_pages/watchlists.py").run()
    assert not at.exception, at.exception
    assert ":blue-badge[" in page_text(at) and "1 articles" in page_text(at)

    at.text_input(key="q").input("").run()   # opening brings the watchlist's filters back
    button(at, "Open").click().run()
    assert not at.exception, at.exception
    assert at.text_input(key="q").value == "Sefcovic"
    table = next(df.value for df in at.dataframe if "event_id" in df.value.columns)   # the Timeline's
    assert "new" in table.columns and (table["new"] != "").all()

    at.switch_page("app_pages/articles.py").run()   # still marked elsewhere, until another is opened
    assert any("new" in df.value.columns and (df.value["new"] != "").any() for df in at.dataframe)

    at.switch_page("app_pages/watchlists.py").run()   # opened: nothing is new any more
    assert "badge[" not in page_text(at).replace("gray-badge[", "") and "0 articles" in page_text(at)
    assert watchlists.get(store, "EU–China rare earths").opened_at > watchlists.get(store, "EU–China rare earths").created_at


def test_the_watchlists_page_on_an_empty_store_and_a_damaged_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TTM_STORE", str(tmp_path / "store"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("app_pages/watchlists.py").run()
    assert not at.exception and "No watchlist yet" in page_text(at)
    (tmp_path / "store").mkdir(exist_ok=True)
    (tmp_path / "store" / watchlists.FILE).write_text("{broken", "utf-8")
    at.run()
    assert not at.exception and "damaged" in at.error[0].value
