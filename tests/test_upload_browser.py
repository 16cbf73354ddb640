"""In Chromium: what an upload carries never makes a reader's browser fetch anything, and a date
typed in the preview is read as YYYY-MM-DD."""
from __future__ import annotations

import contextlib
import http.server
import json
import os
import re
import threading
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from dashboard.safe import WORD_JOINER
from pipeline.store.parquet import Store
from tests.browser import CHROMIUM, browser_page, dashboard, grid_rows, open_page, type_cell, wait_drawn, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.server,
              pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                                 reason="Debian's chromium is not installed (make test installs it)")]

UPLOADER = "[data-testid='stFileUploader'] input[type='file']"
BODY = ("Wang Wentao met Akazawa Ryosei in Gyeongju on Thursday to discuss rare earths.\n"
        "\u201cWe agreed to keep talking,\u201d Akazawa said after the meeting.\n")


@contextlib.contextmanager
def recorder():
    """A web server on a free local port that answers everything and notes every path asked for."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(204)
            self.end_headers()

        do_POST = do_HEAD = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


def hostile(base: str, what: str) -> str:
    """Markdown, HTML and a data: link that would each fetch `base` or link away if rendered."""
    return (f"![x]({base}/{what}-md) <img src=\"{base}/{what}-html\"> "
            f"[y](data:text/html,<img src={base}/{what}-data>) :red[{what}]")


def files_for(base: str) -> list[dict]:
    # a file name cannot hold a slash: "http:host:port" is still a URL a browser would fetch
    host = base.removeprefix("http://")
    article = {"title": hostile(base, "title"), "source": hostile(base, "source"), "author": hostile(base, "author"),
               "url": f"data:text/html,<img src={base}/url>", "text": BODY + f"Markets {hostile(base, 'text')}.\n"}
    return [
        {"name": f"![f](http:{host}) <img src=http:{host}>.json", "mimeType": "application/json",
         "buffer": json.dumps(article).encode()},
        {"name": f"![b](http:{host}).json", "mimeType": "application/json", "buffer": b'{"title": "cut'},
        {"name": "columns.csv", "mimeType": "text/csv",
         "buffer": f"![c]({base}/column),<img src={base}/column-html>\nx,y\n".encode()},
    ]


def literal(text: str) -> str:
    return text.replace(WORD_JOINER, "")


def test_nothing_an_upload_carries_makes_the_browser_fetch(tmp_path):
    store = tmp_path / "store"
    with recorder() as (base, asked), dashboard(store) as url, browser_page() as page:
        away = []   # requests for anything but this machine: the pages ask nothing of the network
        page.on("request", lambda r: away.append(r.url) if urlsplit(r.url).hostname != "127.0.0.1" else None)
        open_page(page, url)
        page.set_input_files(UPLOADER, files_for(base))
        page.get_by_text("Preview: 1 articles in 3 files").wait_for(timeout=60000)
        wait_drawn(page)
        assert asked == [], asked
        alerts = literal(" ".join(page.locator("[data-testid='stAlert']").all_inner_texts()))
        assert f"![b](http:{base.removeprefix('http://')}).json" in alerts       # the file name, as text
        assert f"'![c]({base}/column)'" in alerts                                 # the CSV's columns, as text
        page.get_by_role("button", name="Ingest").click()
        page.get_by_text(re.compile("1 new articles stored")).wait_for(timeout=60000)
        wait_idle(page)

        [article_id] = Store(store).read("articles")["article_id"].tolist()
        unknown = f"![x]({base}/id)"
        for path in ("/", "/timeline", "/quotes", "/issues", "/articles", f"/articles?article={article_id}",
                     "/articles?article=" + quote(unknown)):
            open_page(page, url + path)
            if unknown in path or quote(unknown) in path:
                warning = literal(page.locator("[data-testid='stAlert']").inner_text())
                assert warning == f"No article with id {unknown} in the store."
            if path == f"/articles?article={article_id}":
                header = page.locator("[data-testid='stHeading']").filter(has_text="![x]").first
                assert literal(header.inner_text()) == hostile(base, "title")
                assert page.locator("[data-testid='stLinkButton']").count() == 0   # data: is no link
                assert page.locator("a[href^='data:'], a[href^='javascript:'], img[src^='http']").count() == 0
        assert asked == [], asked
        assert [u for u in away if not u.startswith("data:")] == []

        # the recorder hears a browser that does fetch from it: the silence above means something
        page.evaluate("u => fetch(u, {mode: 'no-cors'})", f"{base}/control")
        assert asked == ["/control"]


def type_date(page, row: int, text: str) -> None:
    """Type `text` into the preview's Published cell of `row`, with the keyboard, as an analyst would."""
    grid = page.locator("[data-testid='stDataFrame']").last
    type_cell(page, grid, row, list(grid_rows(grid)[0]).index("Published"), text)


def test_a_typed_date_is_read_as_year_month_day_or_refused(tmp_path):
    store = tmp_path / "store"
    undated = "title: Undated talks\n\n" + BODY
    with dashboard(store) as url, browser_page() as page:
        open_page(page, url)
        page.set_input_files(UPLOADER, [{"name": "undated.txt", "mimeType": "text/plain",
                                         "buffer": undated.encode()}])
        page.get_by_text("Preview: 1 articles in 1 files").wait_for(timeout=60000)
        wait_drawn(page)
        type_date(page, 0, "21/03/2024")
        refusal = page.locator("[data-testid='stAlert']").filter(has_text="21/03/2024")
        refusal.wait_for(timeout=30000)
        assert "undated.txt" in refusal.inner_text() and "YYYY-MM-DD" in refusal.inner_text()
        wait_idle(page)
        expect(page.get_by_role("button", name="Ingest")).to_be_disabled()   # nothing goes in undated
        type_date(page, 0, "2024-03-21")
        expect(refusal).to_have_count(0, timeout=30000)
        wait_idle(page)                                # no button left over from the run before
        expect(page.get_by_role("button", name="Ingest")).to_be_enabled()
        page.get_by_role("button", name="Ingest").click()
        page.get_by_text(re.compile("1 new articles stored")).wait_for(timeout=60000)
    [row] = Store(store).read("articles").to_dict("records")
    assert (row["published"], row["published_source"]) == ("2024-03-21", "user")
