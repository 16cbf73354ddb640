"""How long each dashboard page takes on a store of 100,000 articles, under AppTest.

    .venv/bin/python benchmarks/app.py [--articles N] [--store DIR]

The store is synthesised row by row in the declared schemas (no extraction
run), with a realistic mix of meetings, quotes and issue tags per article.
The meeting events are built whole, as reprocess does, and the time printed.
Each page is timed on its first run (the store is read and indexed; the
events are read only for pages that show them) and on a rerun (cached).
The goal: every page under one second.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import CITIES, FILLER, PEOPLE  # noqa: E402
from pipeline.events.update import build_events  # noqa: E402
from pipeline.store.schema import TABLES  # noqa: E402
from pipeline.store.parquet import Store  # noqa: E402

PAGES = ["app_pages/overview.py", "app_pages/timeline.py", "app_pages/counterparts.py", "app_pages/quotes.py",
         "app_pages/issues.py", "app_pages/articles.py", "app_pages/corrections.py", "app_pages/taxonomy.py",
         "app_pages/people.py"]
COUNTRY = {"Wang Wentao": "China", "Akazawa Ryosei": "Japan", "Maros Sefcovic": "European Union",
           "Scott Bessent": "United States", "He Lifeng": "China", "Don Farrell": "Australia",
           "Vincent Karremans": "Netherlands", "Piyush Goyal": "India"}
TAGS = {"rare_earths": "Rare earths", "seafood": "Seafood import ban", "ev_tariffs": "EV tariffs",
        "entity_list": "Entity list", "gallium": "Gallium and germanium", "chips": "Chip export rules",
        "wto": "WTO", "supply_chains": "Supply chains"}
SOURCES = ["Kyodo", "Reuters", "Xinhua", "Nikkei Asia", "Politico Europe", "ABC News"]
MODES = ["in_person"] * 6 + ["video", "phone", "unknown"]


def synthesise(n: int, seed: int = 11) -> dict[str, pd.DataFrame]:
    rng = random.Random(seed)
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for i in range(n):
        aid = f"{i:016x}"
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
        (a, ra), (b, rb) = rng.sample(PEOPLE, 2)
        tags = rng.sample(list(TAGS), rng.choice([1, 1, 2, 3]))
        city = rng.choice(CITIES)
        lead = f"{ra} {a} met {rb} {b} in {city} on Monday, in talks on {TAGS[tags[0]].lower()}."
        said = f"\u201cWe had a frank exchange,\u201d {a} told reporters."
        text = "\n".join([lead, said] + [FILLER * 3] * rng.randint(6, 10))
        rows["articles"].append({
            "article_id": aid, "origin": f"gen-{i:06d}.txt", "title": f"{a} and {b} discuss {TAGS[tags[0]]}",
            "source": rng.choice(SOURCES), "url": f"https://example.com/{i}", "published": published.isoformat(),
            "published_source": rng.choice(["header", "metadata", "inferred"]), "words": len(text.split()),
            "tags": tags, "people": sorted([a, b]), "countries": sorted({COUNTRY[a], COUNTRY[b]}),
            "removed": ["boilerplate: Share this article"], "ingested_at": "2025-11-20T10:00:00+00:00",
            "text": text})
        for k in range(rng.choice([0, 1, 1, 1, 2])):
            planned = rng.random() < 0.2
            day = published + timedelta(days=rng.randint(1, 20)) if planned else published - timedelta(days=rng.randint(0, 6))
            rows["meetings"].append({
                "meeting_id": f"m{i}-{k}", "article_ids": [aid], "source_count": 1, "participants": [a, b],
                "countries": sorted({COUNTRY[a], COUNTRY[b]}),
                "date": day.isoformat() if rng.random() < 0.8 else "", "date_precision": "day",
                "location": city, "occasion": rng.choice(["", "", "APEC", "G20"]), "mode": rng.choice(MODES),
                "status": "planned" if planned else "held", "tags": tags[:1], "evidence": [lead]})
        for k in range(rng.choice([0, 1, 2, 3])):
            rows["quotes"].append({
                "quote_id": f"q{i}-{k}", "article_id": aid, "speaker": a, "speaker_role": ra,
                "speaker_country": COUNTRY[a], "kind": rng.choice(["direct", "reported"]),
                "date": published.isoformat(), "tags": tags[:1], "text": f"We had a frank exchange ({k})",
                "evidence": said})
        for t in tags:
            rows["tags"].append({"tag_key": f"{aid}:{t}", "article_id": aid, "tag": t, "label": TAGS[t],
                                 "hits": rng.randint(1, 4), "published": published.isoformat(), "evidence": lead})
    return {name: TABLES[name].conform(pd.DataFrame(r)) for name, r in rows.items()}


def time_pages(store: Path, pages=PAGES) -> list[tuple[str, float, float]]:
    from streamlit.testing.v1 import AppTest
    from dashboard.data import prepared_views
    os.environ["TTM_STORE"] = str(store)
    results = []
    for page in pages:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["article"] = "0000000000000001"
        at.query_params["pair"] = ["China", "Japan"]   # Counterparts: a busy pair's track and quotes
        at.run()  # registers the pages
        if page != PAGES[0]:
            at.switch_page(page)
        prepared_views.clear()  # so the timed first run reads and indexes the store
        t0 = time.perf_counter()
        at.run()
        first = time.perf_counter() - t0
        if at.exception:
            raise SystemExit(f"{page}: {at.exception}")
        t0 = time.perf_counter()
        at.run()
        results.append((page, first, time.perf_counter() - t0))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="reuse or create the synthetic store here")
    args = parser.parse_args(argv)
    root = args.store or Path(tempfile.mkdtemp(prefix="ttm-bench-"))
    if Store(root).is_empty():
        t0 = time.perf_counter()
        frames = synthesise(args.articles)
        t1 = time.perf_counter()
        frames["events"] = build_events(frames["meetings"], frames["articles"])
        built = time.perf_counter() - t1
        Store(root).append(frames)
        print(f"store of {args.articles:,} articles written in {time.perf_counter() - t0:.1f} s: {root}")
        print(f"{len(frames['meetings']):,} meeting rows merged into {len(frames['events']):,} events "
              f"in {built:.1f} s (as reprocess does; an ingest places only its own)")
    print(f"{'page':28} {'first run':>10} {'rerun':>8}")
    slow, slow_first = False, []
    for page, first, rerun in time_pages(root):
        slow |= rerun > 1.0
        if first > 1.0:
            slow_first.append(page)
        print(f"{page:28} {first:9.2f}s {rerun:7.2f}s")
    print("every cached page run under 1 s" if not slow else "SLOW: a cached page run took over 1 s")
    # a first run reads and indexes the store: several seconds on 100,000 articles
    print("every first run under 1 s" if not slow_first else f"first run over 1 s: {', '.join(slow_first)}")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
