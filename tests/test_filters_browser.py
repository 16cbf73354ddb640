"""In Chromium: the 'between' filter narrows the timeline, and Back undoes filter changes one at a time."""
from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from pipeline.store.parquet import Store
from tests.browser import CHROMIUM, browser_page, dashboard, wait_drawn
from tests.test_app import fixture_frames

pytestmark = [pytest.mark.browser, pytest.mark.server,
              pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                                 reason="Debian's chromium is not installed (make test installs it)")]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("filters") / "store"
    Store(root).append(fixture_frames())
    return root


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def pick(page, label: str, option: str) -> None:
    """Choose `option` in the sidebar's multiselect `label` by typing, as an analyst would."""
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text=label)
    box.locator("input").click()
    page.keyboard.type(option)
    page.locator("[role='option']").filter(has_text=option).first.click()
    page.keyboard.press("Escape")
    wait_drawn(page)


def shown_meetings(page) -> str:
    """The caption over the timeline's table: "N meetings ..."."""
    return page.get_by_text(re.compile(r"^\d+ meetings")).inner_text()


def wait_meetings(page, n: int) -> None:
    """Wait until the timeline's caption counts `n` meetings (a run may not have started yet)."""
    page.get_by_text(re.compile(rf"^{n} meetings")).wait_for(timeout=30000)
    wait_drawn(page)


def test_between_narrows_the_timeline(store):
    with dashboard(store) as url, browser_page() as page:
        page.goto(f"{url}/timeline", wait_until="domcontentloaded")
        wait_drawn(page, 60000)
        pick(page, "Countries", "China")
        pick(page, "Countries", "Japan")
        page.wait_for_function("() => location.search.includes('Japan')")
        wait_meetings(page, 3)
        page.get_by_text("Between them").click()
        wait_meetings(page, 1)
        assert params(page)["match"] == ["between"]
        assert sorted(params(page)["countries"]) == ["China", "Japan"]
        # the URL opens the same view
        page.goto(page.url, wait_until="domcontentloaded")
        wait_meetings(page, 1)


def test_back_undoes_filter_changes_one_at_a_time(store):
    with dashboard(store) as url, browser_page() as page:
        page.goto(f"{url}/timeline", wait_until="domcontentloaded")
        wait_meetings(page, 3)
        first = shown_meetings(page)
        pick(page, "Countries", "Japan")
        wait_meetings(page, 1)
        assert chosen(page, "Countries") == ["Japan"]
        pick(page, "Meeting mode", "Video call")     # the mode is listed as words
        wait_meetings(page, 0)
        assert params(page)["mode"] == ["video"]
        page.go_back()
        page.wait_for_function("() => !location.search.includes('mode=')")
        wait_meetings(page, 1)
        assert params(page) == {"countries": ["Japan"]}
        page.go_back()
        page.wait_for_function("() => !location.search.includes('countries=')")
        wait_meetings(page, 3)
        assert shown_meetings(page) == first
        assert params(page) == {}
        assert chosen(page, "Countries") == []


def chosen(page, label: str) -> list[str]:
    """The values a sidebar multiselect shows as chosen (its chips)."""
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text=label)
    return sorted(box.locator("[data-tag] > [title]").all_inner_texts())


def test_people_are_found_by_alias_and_accent(store):
    with dashboard(store) as url, browser_page() as page:
        page.goto(f"{url}/timeline", wait_until="domcontentloaded")
        wait_drawn(page, 60000)
        box = page.locator("[data-testid='stMultiSelect']").filter(has_text="People")
        for typed, person in (("Šefčovič", "Maros Sefcovic"), ("Ryosei Akazawa", "Akazawa Ryosei"),
                              ("sefcovic", "Maros Sefcovic")):
            box.locator("input").click()
            page.keyboard.type(typed)
            options = page.locator("[role='option']")
            options.first.wait_for()
            assert [o.startswith(person) for o in options.all_inner_texts()] == [True]
            page.keyboard.press("Escape")
            box.locator("input").fill("")


def test_a_page_opened_from_the_menu_keeps_the_filters_and_back_returns(store):
    with dashboard(store) as url, browser_page() as page:
        page.goto(f"{url}/timeline", wait_until="domcontentloaded")
        wait_drawn(page, 60000)
        pick(page, "Countries", "Japan")
        wait_meetings(page, 1)
        page.get_by_role("link", name="Quotes").click()
        page.wait_for_url(re.compile("/quotes"))
        wait_drawn(page)
        page.wait_for_function("() => location.search.includes('countries=Japan')")
        assert page.get_by_text(re.compile(r"^1 of 3 quotes")).count() == 1
        page.go_back()
        wait_drawn(page)
        # one or two steps back (the menu's own entry) lead to the timeline, still filtered
        if "/quotes" in page.url:
            assert params(page).get("countries", ["Japan"]) == ["Japan"]
            page.go_back()
            wait_drawn(page)
        page.wait_for_url(re.compile("/timeline"))
        wait_drawn(page)
        assert params(page) == {"countries": ["Japan"]}
        wait_meetings(page, 1)
