"""A full-page PNG of every dashboard page on the demo corpus, for the README.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--width 1400]
        [--store DIR --pages timeline --suffix -100k]

The demo corpus is loaded into a temporary store, the dashboard is served on
it and each page is opened in Debian's Chromium. A picture is taken once the
script run is over and every chart and table has drawn. The Articles page is
shown with the reader open on the article with the most facts, the Counterparts
page on the pair of countries that met most. With `--store`, the pages are
those of that store instead (a large generated one, say), saved as NAME + suffix.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest import load_demo  # noqa: E402
from pipeline.query.counterparts import edges  # noqa: E402
from pipeline.query.library import read_table  # noqa: E402
from pipeline.store.parquet import Store  # noqa: E402
from tests.browser import browser_page, dashboard, wait_drawn  # noqa: E402

PAGES = {"overview": "", "timeline": "timeline", "counterparts": "counterparts", "quotes": "quotes",
         "issues": "issues", "articles": "articles"}


def richest_article(store: Store) -> str:
    """The article behind the most meetings and quotes: the reader has the most to highlight."""
    meetings, quotes = read_table(store, "meetings"), read_table(store, "quotes")
    counts = quotes["article_id"].value_counts().add(
        meetings["article_ids"].explode().value_counts(), fill_value=0)
    return str(counts.idxmax()) if len(counts) else ""


def strongest_pair(store: Store) -> str:
    """The query that opens the Counterparts page on the pair of countries that met most."""
    pairs = edges(read_table(store, "meetings"), "countries")
    return f"?pair={quote(pairs['a'][0])}&pair={quote(pairs['b'][0])}" if len(pairs) else ""


def content_height(page) -> int:
    """Where the page's content ends, the main block or the sidebar, whichever is longer."""
    return page.evaluate("""() => Math.ceil(Math.max(
        ...["stMainBlockContainer", "stSidebarUserContent"]
            .map(id => document.querySelector(`[data-testid='${id}']`)).filter(Boolean)
            .map(e => e.getBoundingClientRect().top + e.scrollHeight)))""")


def shoot(page, url: str, out: Path) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_drawn(page)
    # the app scrolls inside its main block, so the window grows until all of it fits;
    # charts and tables sized to the window redraw on each resize
    for _ in range(5):
        height = max(content_height(page) + 24, 800)
        if height <= page.viewport_size["height"]:
            break
        page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
        page.wait_for_timeout(500)
        wait_drawn(page)
    page.screenshot(path=str(out), full_page=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--store", type=Path, help="show this store instead of the demo corpus")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES))
    parser.add_argument("--suffix", default="", help="added to each picture's name")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "store"
        if not args.store:
            report = load_demo(Store(store))
            if report is None or not report.new_ids:
                print("the demo corpus gave no article: nothing to show", file=sys.stderr)
                return 1
            print(f"demo corpus: {len(report.new_ids)} articles, {report.meetings} meetings, "
                  f"{report.quotes} quotes")
        article = richest_article(Store(store)) if "articles" in args.pages else ""
        pair = strongest_pair(Store(store)) if "counterparts" in args.pages else ""
        with dashboard(store) as url, browser_page() as page:
            for name in args.pages:
                path = PAGES[name]
                page.set_viewport_size({"width": args.width, "height": 1000})
                query = (f"?article={article}" if name == "articles" and article
                         else pair if name == "counterparts" else "")
                target = args.out / f"{name}{args.suffix}.png"
                shoot(page, f"{url}/{path}{query}", target)
                print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
