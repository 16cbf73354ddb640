"""A correction made in the reader's table, as an analyst makes it in the browser, is there after a reload."""
from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from pipeline.query.library import read_table
from tests.browser import CHROMIUM, browser_page, dashboard, grid_rows, type_cell, wait_drawn, wait_idle
from tests.test_corrections_page import geneva_store

pytestmark = [pytest.mark.browser, pytest.mark.server,
              pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                                 reason="Debian's chromium is not installed (make test installs it)")]

def _facts_quotes(page) -> list[dict[str, str]]:
    """The rows of the reader's quotes table (outside the corrections' expander)."""
    page.get_by_text("Quotes", exact=False).first.wait_for()
    grids = page.locator("[data-testid='stMain'] [data-testid='stDataFrame']:not([data-testid='stExpander'] *)")
    expect(grids.nth(2)).to_be_visible(timeout=30000)       # the articles, the meetings, the quotes
    for i in range(grids.count()):
        grids.nth(i).scroll_into_view_if_needed()
        rows = grid_rows(grids.nth(i))
        if rows and "Quote text" in rows[0] and "Speaker" in rows[0]:
            return rows
    return []


def test_a_speaker_corrected_in_the_table_is_kept_after_a_reload(tmp_path, lexicon):
    store, article = geneva_store(tmp_path, lexicon)
    assert read_table(store, "quotes")["speaker"].tolist() == ["Jamieson Greer"]
    with dashboard(store.root) as url, browser_page() as page:
        page.goto(f"{url}/articles?article={article}", wait_until="domcontentloaded")
        wait_drawn(page, 60000)
        page.get_by_text("Correct this article's facts").click()
        wait_drawn(page)
        name = page.get_by_label("Your name (signs your corrections)")
        name.fill("Ana Analyst")
        name.press("Enter")
        wait_drawn(page)
        editors = page.locator("[data-testid='stExpander'] [data-testid='stDataFrame']")
        quotes = next(editors.nth(i) for i in range(editors.count())
                      if "Quote id" in grid_rows(editors.nth(i))[0] or "quote_id" in grid_rows(editors.nth(i))[0])
        type_cell(page, quotes, 0, 1, "Li Chenggang")
        page.get_by_role("button", name="Save quotes corrections").click()
        expect(page.get_by_text("Quotes saved: 1 correction recorded.")).to_be_visible(timeout=30000)
        assert page.locator("[data-testid='stException']").count() == 0

        page.goto(f"{url}/articles?article={article}", wait_until="domcontentloaded")   # a reload
        wait_idle(page, 60000)
        [row] = _facts_quotes(page)
        assert row["Speaker"] == "Li Chenggang"
    corrections = store.read("corrections")
    assert corrections[["table", "field", "value", "author"]].values.tolist() == [
        ["quotes", "speaker", "Li Chenggang", "Ana Analyst"]]
    assert read_table(store, "quotes")["corrected"].tolist() == [["speaker"]]
