"""What the CLI and the dashboard call: reading merged tables, statistics, reprocessing."""
from __future__ import annotations

from datetime import date

import pandas as pd

from pipeline.article import Article
from pathlib import Path

from pipeline.ingest import IngestReport, Progress, ingest_paths, process_all
from pipeline.store.rows import to_frames
from pipeline.store.schema import TABLES
from pipeline.store.parquet import Store


def read_table(store: Store, table: str) -> pd.DataFrame:
    """A table as analysts see it: the same meeting from several articles is one row."""
    if table not in TABLES:
        raise ValueError(f"unknown table '{table}': choose one of {', '.join(TABLES)}")
    df = store.read(table)
    if table == "meetings" and len(df):
        from pipeline.meetings.merge import merge_meetings
        df = merge_meetings(df)[TABLES["meetings"].names]  # stored rows are already in the schema
    return df


def stats(store: Store) -> dict:
    articles = store.read("articles", columns=["article_id", "published"])
    dated = articles["published"][articles["published"] != ""]
    return {
        "store": str(store.root), "version": store.version, "articles": len(articles),
        "meetings": len(read_table(store, "meetings")), "quotes": len(store.read("quotes")),
        "tags": len(store.read("tags")),
        "published_from": dated.min() if len(dated) else "", "published_to": dated.max() if len(dated) else "",
    }


def _stored_article(row: dict) -> Article:
    """Rebuild an Article from its stored row so the steps can run again."""
    src = row["published_source"]
    published = row["published"]
    ingested = row["ingested_at"][:10]
    return Article(
        origin=row["origin"], raw_text=row["text"], title=row["title"], source=row["source"],
        url=row["url"], author=row["author"],
        published_raw=published if src in ("header", "metadata") else "",
        published_hint=src if src in ("header", "metadata") else "",
        user_published=date.fromisoformat(published) if src == "user" and published else None,
        ingest_date=date.fromisoformat(ingested) if ingested else None,
    )


def reprocess(store: Store, progress: Progress | None = None) -> tuple[int, list]:
    """Re-extract every stored article after lexicons or rules changed."""
    from pipeline.lexicon.lexicon import Lexicon
    from pipeline.tags.tagger import tag_labels
    rows = store.read("articles").to_dict("records")
    articles, errors = process_all([_stored_article(r) for r in rows], progress)
    frames = to_frames(articles, tag_labels(Lexicon.load()))
    # keep each article's first ingest time
    first = {r["article_id"]: r["ingested_at"] for r in rows}
    frames["articles"]["ingested_at"] = frames["articles"].apply(
        lambda r: first.get(r["article_id"], r["ingested_at"]), axis=1)
    store.replace(frames)
    return len(articles), errors


SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def load_demo(store: Store, progress: Progress | None = None) -> IngestReport | None:
    """Fill an empty store with the demo corpus; a store with articles is left alone."""
    if not store.is_empty():
        return None
    return ingest_paths([SAMPLES], store, progress=progress)
