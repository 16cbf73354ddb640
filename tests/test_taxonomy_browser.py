"""In Chromium, on a live server: a saved tag's reprocess runs on its own thread and the page
follows it to the end by itself (no reload), the store re-tagged."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pipeline.ingest import ingest_uploads
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.store.parquet import Store
from tests.browser import CHROMIUM, browser_page, dashboard, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.server,
              pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                                 reason="Debian's chromium is not installed (make test installs it)")]

ARTICLES = [(f"{i}.txt", (f"title: Quotas {i}\nsource: Wire\npublished: 2025-10-{i % 28 + 1:02d}\n\n"
                          f"Canada widened its tariff-rate quotas for steel, officials said on day {i}.\n").encode())
            for i in range(40)]


def test_saving_a_tag_reprocesses_in_the_background_and_the_page_follows(tmp_path, monkeypatch):
    data = Path(shutil.copytree(DEFAULT_DATA, tmp_path / "data", ignore=shutil.ignore_patterns("samples")))
    store = tmp_path / "store"
    ingest_uploads(ARTICLES, Store(store), lexicon=Lexicon.load(data))
    monkeypatch.setenv("TTM_DATA", str(data))
    with dashboard(store) as url, browser_page() as page:
        page.goto(f"{url}/taxonomy")
        wait_idle(page)
        page.get_by_label("Id", exact=True).fill("quotas")
        page.get_by_label("Patterns, one per line", exact=True).fill("tariff rate quota*")
        page.get_by_role("button", name="Preview").click()
        wait_idle(page)
        expect(page.get_by_test_id("stMetric").first).to_contain_text("40")
        page.get_by_role("button", name="Save and reprocess the store").click()
        expect(page.get_by_text("reprocessed the store")).to_be_visible(timeout=60000)
        assert "quotas,,tariff rate quota*" in (data / "taxonomy.csv").read_text(encoding="utf-8")
        tags = Store(store).read("tags")
        assert sorted(tags[tags["tag"] == "quotas"]["article_id"]) == sorted(Store(store).read("articles")["article_id"])
