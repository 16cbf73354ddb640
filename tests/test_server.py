"""`make run` serves the dashboard on the demo corpus: start it and load the page in Chromium."""
from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest

from pipeline.ingest import load_demo
from pipeline.store.parquet import Store
from tests.browser import CHROMIUM, browser_page, dashboard, log_of, wait_drawn

pytestmark = [pytest.mark.browser, pytest.mark.server,
              pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                                 reason="Debian's chromium is not installed (make test installs it)")]


def test_dashboard_serves_the_demo_corpus(tmp_path):
    store = tmp_path / "store"
    report = load_demo(Store(store))
    assert report is not None and len(report.new_ids) >= 2
    with dashboard(store) as url, browser_page() as page:
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_text("Trade Talks Monitor").first.wait_for(timeout=30000)
        # the overview counts what the store holds
        metric = page.locator("[data-testid='stMetric']").filter(has_text="Articles").first
        metric.wait_for(timeout=30000)
        wait_drawn(page)
        assert str(len(report.new_ids)) in metric.inner_text()
        assert page.locator("[data-testid='stException']").count() == 0
    # served on loopback by default, it printed that one address and looked up no other
    printed = log_of(store, urlparse(url).port).read_text()
    assert f"URL: {url}" in printed
    assert "External URL" not in printed and "Network URL" not in printed
