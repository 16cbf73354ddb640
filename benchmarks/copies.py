"""Syndicated copies: pair precision and recall on built pairs, and detection time on a
generated store, printed as figures (no assertions).

    .venv/bin/python benchmarks/copies.py [--pairs 2000] [--articles 20000 100000]

Detection time is the signatures (computed per article when it is processed) plus the
linking of every article, in order, against all before it.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from benchmarks.wire import corpus, pairs  # noqa: E402
from pipeline.copies.groups import link_new  # noqa: E402
from pipeline.copies.link import CONTAINMENT, Linker, containment  # noqa: E402
from pipeline.copies.signature import Signer, decode  # noqa: E402


def pair_scores(n: int) -> None:
    built, signer = pairs(n), Signer()
    signed = [(signer.sign(a), signer.sign(b), same) for a, b, same in built]
    scores = [(containment(decode(a), decode(b)), same) for a, b, same in signed]
    print(f"pairs: {sum(s for _, _, s in built)} copies, {sum(not s for _, _, s in built)} different stories")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        tp = sum(1 for c, same in scores if same and c >= t)
        fp = sum(1 for c, same in scores if not same and c >= t)
        fn = sum(1 for c, same in scores if same and c < t)
        mark = "  <- chosen" if abs(t - CONTAINMENT) < 1e-9 else ""
        print(f"  containment >= {t:.1f}: precision {tp / max(tp + fp, 1):.3f} recall {tp / max(tp + fn, 1):.3f}{mark}")
    found = []   # through the index, as ingest links: LSH candidates, then the containment check
    for a, b, same in signed:
        linker = Linker()
        linker.add("a", a)
        found.append((linker.match(b) == "a", same))
    tp = sum(f and s for f, s in found)
    print(f"  linked as stored (LSH, then containment >= {CONTAINMENT}): "
          f"precision {tp / max(sum(f for f, _ in found), 1):.3f} recall {tp / max(sum(s for _, s in found), 1):.3f}")
    copies = sorted(c for c, same in scores if same)
    others = sorted(c for c, same in scores if not same)
    print(f"  lowest copy {copies[0]:.2f}, highest other story {others[-1]:.2f}")


def _sign(texts: list[str]) -> list[str]:
    signer = Signer()
    return [signer.sign(t) for t in texts]


def detection(n: int, workers: int) -> None:
    docs = corpus(n)
    texts = [d[2] for d in docs]
    start = time.perf_counter()
    if workers > 1:   # as ingest processes a large batch: over processes, a chunk at a time
        chunks = [texts[i:i + 2000] for i in range(0, len(texts), 2000)]
        with ProcessPoolExecutor(workers) as pool:
            signatures = [s for part in pool.map(_sign, chunks) for s in part]
    else:
        signatures = _sign(texts)
    new = pd.DataFrame({"article_id": [d[0] for d in docs], "source": [d[1] for d in docs],
                        "signature": signatures})
    signed = time.perf_counter()
    empty = pd.DataFrame(columns=["article_id", "source", "signature", "duplicate_of"])
    linked = link_new(empty, new.iloc[:-10])   # the store, then an ingest of 10 more into it
    done = time.perf_counter()
    link_new(linked.assign(duplicate_of=linked["duplicate_of"]), new.iloc[-10:])
    appended = time.perf_counter()
    print(f"{n:,} articles: signatures {signed - start:.1f} s ({workers} process(es)), linking {done - signed:.1f} s, "
          f"total {done - start:.1f} s; {int((linked['duplicate_of'] != '').sum()):,} copies found; "
          f"then 10 more linked against them in {appended - done:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--articles", type=int, nargs="*", default=[20000, 100000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    pair_scores(args.pairs)
    for n in args.articles:
        detection(n, args.workers)


if __name__ == "__main__":
    main()
