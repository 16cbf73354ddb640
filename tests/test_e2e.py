"""The analyst's day in a real browser: upload the seeds, find a meeting, filter, export the CSV."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser import CHROMIUM, ROOT, browser_page, dashboard, grid_rows, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.server,
              pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                                 reason="Debian's chromium is not installed (make test installs it)")]

SEED_NAMES = ["000_9ee299f29b7f0674.txt", "004_18c99f4c6dba8f7c.txt"]


def seed_files() -> list[Path]:
    return [ROOT / "data" / "samples" / n for n in SEED_NAMES]


def meetings_grid(page):
    return page.locator("[data-testid='stDataFrame']").last


def gyeongju(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if r.get("Place") == "Gyeongju" and r.get("Date") == "2025-10-30"]


def choose(page, label: str, option: str) -> None:
    """Pick one option of a sidebar multiselect."""
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text=label)
    wanted = page.locator("[role='option']").filter(has_text=re.compile(f"^{re.escape(option)}$"))
    for _ in range(3):   # a click during a rerun may not open the list: open it again
        wait_idle(page)
        box.locator("input").click()
        try:
            wanted.wait_for(timeout=10000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    wanted.click()
    page.keyboard.press("Escape")


def test_upload_seeds_find_the_gyeongju_meeting_filter_and_export(tmp_path):
    store = tmp_path / "store"
    with dashboard(store) as url, browser_page() as page:
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_text("Welcome").wait_for(timeout=30000)
        wait_idle(page)

        # upload: a preview first, nothing stored yet
        page.set_input_files("[data-testid='stFileUploader'] input[type='file']", seed_files())
        page.get_by_text("Preview: 2 articles in 2 files").wait_for(timeout=30000)
        wait_idle(page)
        preview = grid_rows(page.locator("[data-testid='stDataFrame']").last)
        assert len(preview) == 2
        assert {r["File"] for r in preview} == set(SEED_NAMES)
        assert page.get_by_text("Welcome").count() == 1
        page.get_by_role("button", name="Ingest").click()
        summary = page.get_by_text(re.compile(r"new articles stored"))
        summary.wait_for(timeout=60000)
        wait_idle(page)
        assert re.search(r"^2 new articles stored, 0 duplicates skipped, [1-9]\d* meetings",
                         summary.inner_text())
        assert page.locator("[data-testid='stException']").count() == 0

        # the timeline's table holds the Gyeongju meeting
        page.locator("[data-testid='stSidebarNav']").get_by_role("link", name="Timeline").click()
        page.get_by_role("heading", name="Meetings").wait_for(timeout=30000)
        wait_idle(page)
        everything = grid_rows(meetings_grid(page))
        found = gyeongju(everything)
        assert len(found) == 1, everything
        row = found[0]
        assert row["Mode"] == "In person"
        assert {"Wang Wentao", "Akazawa Ryosei"} <= set(row["Participants"].split(","))
        modes = {r["Mode"] for r in everything}
        assert "In person" in modes and len(modes) > 1, "the seeds report meetings of more than one mode"

        # a sidebar filter narrows the table, and lives in the URL
        choose(page, "Meeting mode", "In person")   # shown as words, kept as the id
        page.wait_for_function("() => new URL(location.href).searchParams.get('mode') === 'in_person'")
        # the rerun may not have started yet: wait for the table to change (or time out)
        expect(meetings_grid(page).locator("table[role='grid']")).not_to_have_attribute(
            "aria-rowcount", str(len(everything) + 1), timeout=30000)
        wait_idle(page)
        filtered = grid_rows(meetings_grid(page))
        assert 0 < len(filtered) < len(everything)
        assert {r["Mode"] for r in filtered} == {"In person"}
        assert gyeongju(filtered)

        # the export holds exactly the filtered rows
        button = page.locator("[data-testid='stDownloadButton']").filter(has_text="Download meetings CSV")
        assert f"({len(filtered)} rows)" in button.inner_text()
        with page.expect_download() as info:
            button.locator("button").click()
        download = info.value
        assert re.fullmatch(r"trade-talks-meetings-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
        path = download.path()
        assert Path(path).read_bytes().startswith(b"\xef\xbb\xbf")
        csv = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert len(csv) == len(filtered)
        # headed with the names the table shows
        assert set(csv["Mode"]) == {"In person"}
        [met] = csv[(csv["Place"] == "Gyeongju")].to_dict("records")
        assert met["Date"] == "2025-10-30"
        assert {"Wang Wentao", "Akazawa Ryosei"} <= set(met["Participants"].split("; "))

        # the URL is the view: opened afresh, it shows the same filtered table
        page.goto(page.url, wait_until="domcontentloaded")
        page.get_by_role("heading", name="Meetings").wait_for(timeout=30000)
        wait_idle(page)
        assert len(grid_rows(meetings_grid(page))) == len(filtered)
        assert page.locator("[data-testid='stException']").count() == 0
