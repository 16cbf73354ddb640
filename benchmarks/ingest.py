"""Ingest throughput and append cost, printed as figures (no assertions).

    .venv/bin/python benchmarks/ingest.py [--articles 5000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from benchmarks.corpus import generate  # noqa: E402
from pipeline.article import Article  # noqa: E402
from pipeline.ingest import process_all  # noqa: E402
from pipeline.lexicon.lexicon import Lexicon  # noqa: E402
from pipeline.process import STEPS  # noqa: E402
from pipeline.store.rows import to_frames  # noqa: E402
from pipeline.store.parquet import Store  # noqa: E402


def as_articles(docs: list[dict]) -> list[Article]:
    return [Article(origin=d["origin"], raw_text=d["text"], title=d["title"], source=d["source"],
                    published_raw=d["published"], published_hint="header") for d in docs]


def big_store(root: Path, frames: dict[str, pd.DataFrame], n: int) -> Store:
    """A store of n articles, built by repeating processed rows under new ids (one part per table)."""
    reps = -(-n // len(frames["articles"]))
    out = {}
    for name, df in frames.items():
        copies = []
        for r in range(reps):
            c = df.copy()
            if "article_id" in c:
                c["article_id"] = c["article_id"] + f"-{r}"
            else:
                c["article_ids"] = c["article_ids"].map(lambda ids, r=r: [f"{i}-{r}" for i in ids])
            copies.append(c)
        out[name] = pd.concat(copies, ignore_index=True)
    out["articles"] = out["articles"].iloc[:n]
    store = Store(root)
    store.append(out)
    return store


def step_costs(docs: list[dict]) -> None:
    """Microseconds per article spent in each named step, on one core."""
    spent = {name: 0.0 for name, _ in STEPS}
    lexicon = Lexicon.load()
    for article in as_articles(docs):
        for name, step in STEPS:
            t0 = time.perf_counter()
            article = step(article, lexicon)
            spent[name] += time.perf_counter() - t0
    total = sum(spent.values())
    print(f"per step, one core, {len(docs)} articles ({len(docs) / total:,.0f} articles/s in all):")
    for name, secs in spent.items():
        print(f"  {name:<10} {secs / len(docs) * 1e6:8.0f} us/article")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--search-dates-sample", type=int, default=100)
    args = ap.parse_args()
    docs = generate(args.articles)
    kb = sum(len(d["text"]) for d in docs) / len(docs) / 1024
    print(f"corpus: {len(docs)} generated articles, {kb:.1f} KB each on average")

    step_costs(generate(500, seed=3))
    lexicon = Lexicon.load()        # read once, as the CLI does before a batch
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        processed, errors = process_all(as_articles(docs), lexicon=lexicon)
        frames = to_frames(processed, lexicon.taxonomy)
        Store(Path(tmp) / "s").append(frames)
        dt = time.perf_counter() - t0
        print(f"full pipeline (process + store), {len(processed)} articles: "
              f"{len(processed) / dt:,.0f} articles/s ({dt:.1f} s, {len(errors)} errors)")
        rate = len(processed) / dt

        import dateparser.search
        sample = docs[: args.search_dates_sample]
        t0 = time.perf_counter()
        for d in sample:
            dateparser.search.search_dates(d["text"], languages=["en"])
        sd = len(sample) / (time.perf_counter() - t0)
        print(f"plain dateparser.search_dates pass, {len(sample)} of the same texts: {sd:,.1f} articles/s")
        print(f"pipeline / search_dates: {rate / sd:,.0f}x")

        ten = as_articles(generate(10, seed=99))
        for n in (1000, 50000):
            store = big_store(Path(tmp) / f"s{n}", frames, n)
            batch, _ = process_all(ten, lexicon=lexicon)
            t0 = time.perf_counter()
            store.append(to_frames(batch, lexicon.taxonomy))
            dt = time.perf_counter() - t0
            print(f"append 10 articles to a store of {n:,}: {dt * 1000:.0f} ms")


if __name__ == "__main__":
    main()
