"""In Chromium: pick a pair on the Counterparts page, read its track, and hand it to the Timeline."""
from __future__ import annotations

import re

from tests.browser import browser_page, dashboard, grid_rows, wait_drawn
# the same markers and the same small store as the filters' browser tests
from tests.test_filters_browser import params, pytestmark, store, wait_meetings  # noqa: F401


def test_a_pair_goes_to_the_timeline_as_between_them(store):
    with dashboard(store) as url, browser_page() as page:
        page.goto(f"{url}/counterparts", wait_until="domcontentloaded")
        wait_drawn(page, 60000)
        page.locator("[data-testid='stSelectbox']").filter(has_text="Pair").click()
        page.locator("[role='option']").filter(has_text="China – European Union (2 meetings)").click()
        page.wait_for_function("() => location.search.includes('pair=')")
        wait_drawn(page)
        assert params(page)["pair"] == ["China", "European Union"]
        track = grid_rows(page.locator("[data-testid='stDataFrame']").first)
        # oldest first: the video call of 14 October, then the planned meeting in Brussels
        assert [(r["Date"], r["Place"], r["Mode"], r["Status"]) for r in track] == [
            ("2025-10-14", "", "Video call", "Held"), ("", "Brussels", "In person", "Planned")]
        page.get_by_role("button", name="Show only these two on the Timeline").click()
        page.wait_for_url(re.compile("/timeline"))
        wait_meetings(page, 2)
        page.wait_for_function("() => location.search.includes('match=between')")
        assert sorted(params(page)["countries"]) == ["China", "European Union"]
        assert page.get_by_role("radio", name="Between them").is_checked()
        sidebar = page.locator("[data-testid='stMultiSelect']").filter(has_text="Countries")
        assert sorted(sidebar.locator("[data-tag] > [title]").all_inner_texts()) == ["China", "European Union"]
        shown = grid_rows(page.locator("[data-testid='stDataFrame']").first)
        assert sorted(r["Place"] for r in shown) == ["", "Brussels"]
