"""Starting the dashboard on a free port and driving it with Debian's Chromium."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log_of(store: Path, port: int) -> Path:
    """Where the dashboard serving `store` on `port` writes what it prints."""
    return store.parent / f"streamlit-{port}.log"


@contextlib.contextmanager
def dashboard(store: Path, timeout: float = 60.0):
    """Serve app.py on the given store; yields the base URL."""
    port = free_port()
    # address, headless mode and usage statistics come from .streamlit/config.toml
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--", "--store", str(store)]
    log = open(log_of(store, port), "w")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the dashboard did not start: " + log_of(store, port).read_text()[-2000:])
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextlib.contextmanager
def browser_page():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
            yield context.new_page()
        finally:
            browser.close()


IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def wait_idle(page, timeout: float = 30000) -> None:
    """Wait until the script run is over and no element is left stale from the previous run."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_function(
        """() => !document.querySelector("[data-testid='stStatusWidgetRunningIcon']")
                 && ![...document.querySelectorAll("[data-testid='stElementContainer']")]
                      .some(e => e.getAttribute('data-stale') === 'true')""", timeout=timeout)


def grid_rows(grid) -> list[dict[str, str]]:
    """The rows of an st.dataframe, read from the accessible table inside its canvas.

    The grid renders only the rows and columns in view, so keep tables small
    (or read the CSV download) when every cell matters.
    """
    # the grid draws its table a moment after the script run ends
    grid.locator("table[role='grid']").wait_for(state="attached")
    grid.element_handle().wait_for_element_state("stable")
    grid.page.wait_for_function("""g => {
        const t = g.querySelector("table[role='grid']");
        return t && (t.querySelectorAll("tbody tr").length > 0 || t.getAttribute("aria-rowcount") === "1");
    }""", arg=grid.element_handle())
    return grid.evaluate("""g => {
        const col = e => e.getAttribute("aria-colindex");
        const head = Object.fromEntries([...g.querySelectorAll("table[role='grid'] thead th")]
            .map(th => [col(th), th.innerText]));
        return [...g.querySelectorAll("table[role='grid'] tbody tr")].map(tr => Object.fromEntries(
            [...tr.querySelectorAll("td")].map(td => [head[col(td)], td.innerText])));
    }""")


def wait_drawn(page, timeout: float = 30000) -> None:
    """Wait until the run is over and every chart and visible table has drawn itself."""
    wait_idle(page, timeout)
    page.wait_for_function(
        """() => [...document.querySelectorAll("[data-testid='stVegaLiteChart']")].every(c => {
                     const mark = c.querySelector("canvas, svg.marks");
                     return mark && mark.getBoundingClientRect().height > 0;
                 })
              && [...document.querySelectorAll("[data-testid='stDataFrame']")]
                     .filter(g => g.checkVisibility())   // a table in a closed expander is never drawn
                     .every(g => g.querySelector("table[role='grid']"))""", timeout=timeout)


def type_cell(page, grid, row: int, column: int, text: str) -> None:
    """Type `text` into a cell of an editable table with the keyboard, as an analyst would: select
    the cell, Enter, type, Enter."""
    from playwright.sync_api import expect
    rows = grid_rows(grid)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    line = box["height"] / (len(rows) + 1)            # the header and each row are one line high
    page.mouse.click(box["x"] + 10, box["y"] + line * (row + 1.5))
    for k in range(column + 1):
        if k:
            page.keyboard.press("ArrowRight")
        # the grid's own table says which cell is selected: move on only once it has
        expect(grid.get_by_test_id(f"glide-cell-{k}-{row}")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")                       # open the cell's editor
    editor = page.locator("textarea.gdg-input")
    expect(editor).to_be_editable(timeout=10000)
    editor.fill(text)
    editor.press("Enter")
    editor.wait_for(state="detached", timeout=10000)
    expect(grid.get_by_test_id(f"glide-cell-{column}-{row}")).to_have_text(text)
    wait_idle(page)


def open_page(page, url: str) -> None:
    """Go to `url` and wait until everything on it is drawn, with no exception shown."""
    page.goto(url, wait_until="domcontentloaded")
    page.locator("[data-testid='stApp']").wait_for(timeout=30000)
    wait_drawn(page, 60000)
    assert page.locator("[data-testid='stException']").count() == 0
