"""In Chromium: save the sidebar's filters as a watchlist, upload a matching article, see the
upload say so and the Watchlists page count it as new, then download the brief."""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from pipeline.ingest import ingest_paths
from pipeline.store.parquet import Store
from tests.browser import CHROMIUM, browser_page, dashboard, open_page, wait_drawn, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.server,
              pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                                 reason="Debian's chromium is not installed (make test installs it)")]

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
CHINA_JAPAN, RARE_EARTHS = "000_9ee299f29b7f0674.txt", "004_18c99f4c6dba8f7c.txt"
UPLOADER = "[data-testid='stFileUploader'] input[type='file']"


def test_a_saved_watchlist_counts_an_uploaded_matching_article(tmp_path):
    store, first = tmp_path / "store", tmp_path / "first"
    first.mkdir()
    (first / CHINA_JAPAN).write_bytes((SAMPLES / CHINA_JAPAN).read_bytes())
    ingest_paths([first], Store(store))
    with dashboard(store) as url, browser_page() as page:
        open_page(page, url + "/?q=Sefcovic")
        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("Save as watchlist").click()
        name = sidebar.get_by_label("Watchlist name")
        name.fill("EU–China rare earths")
        name.press("Enter")
        wait_idle(page)
        sidebar.get_by_role("button", name="Save watchlist").click()
        page.get_by_text("Saved the watchlist").wait_for(timeout=30000)
        wait_idle(page)

        time.sleep(1.1)   # times are kept to the second: the upload comes after the save
        page.set_input_files(UPLOADER, [{"name": RARE_EARTHS, "mimeType": "text/plain",
                                         "buffer": (SAMPLES / RARE_EARTHS).read_bytes()}])
        page.get_by_text("Preview: 1 articles in 1 files").wait_for(timeout=60000)
        wait_drawn(page)
        page.get_by_role("button", name="Ingest").click()
        page.get_by_text(re.compile("1 new articles stored")).wait_for(timeout=90000)
        page.get_by_text("1 new article matches 'EU–China rare earths'").wait_for(timeout=30000)

        open_page(page, url + "/watchlists")
        card = page.locator(".st-key-watchlist-0")   # the first watchlist's box
        assert "EU–China rare earths" in card.inner_text()
        card.get_by_text(re.compile(r"\d+ new")).first.wait_for(timeout=30000)
        assert "1 articles" in card.inner_text()

        # the brief of the latest dated week, as a file
        open_page(page, url + "/brief")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download Markdown").click()
        brief = Path(info.value.path()).read_text("utf-8")
        assert brief.startswith("# Trade talks brief, ") and "## Sources" in brief
        assert re.search(r"\[1\]", brief)     # its facts cite their articles
