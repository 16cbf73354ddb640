"""Turning processed Articles into table rows, in the declared schemas, and a stored row
back into the Article the loader made, so that every step can run on it again."""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone

import pandas as pd

from pipeline.article import Article, Removed
from pipeline.store.schema import ARTICLES, MEETINGS, QUOTES, TAGS


def stable_id(*parts: object) -> str:
    key = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _iso(value) -> str:
    return value.isoformat() if value else ""


def article_row(a: Article, ingested_at: str) -> dict:
    people = sorted({m.canonical for m in a.mentions if m.kind == "person" and m.canonical})
    countries = sorted({m.country for m in a.mentions if m.country})
    return {
        "article_id": a.article_id, "origin": a.origin, "title": a.title, "source": a.source,
        "url": a.url, "author": a.author, "published": _iso(a.published),
        "published_source": a.published_source, "ingested_at": ingested_at,
        "words": len(a.text.split()), "tags": [t.tag for t in a.tags],
        "people": people, "countries": countries,
        "removed": [f"{r.reason}: {r.text}" for r in a.removed], "text": a.text,
        "raw_text": a.raw_text, "published_raw": a.published_raw, "published_hint": a.published_hint,
        "user_published": _iso(a.user_published), "ingest_date": _iso(a.ingest_date),
        "signature": a.signature, "duplicate_of": "", "outlets": 1,   # linked when stored
        "left_out": [f"{r.reason}: {r.text}" for r in a.left_out],
    }


def meeting_rows(a: Article) -> list[dict]:
    return [{
        "meeting_id": stable_id(a.article_id, sorted(m.participants), _iso(m.date), m.status, m.location, m.occasion),
        "article_ids": [a.article_id], "source_count": 1,
        "participants": m.participants, "countries": m.countries, "date": _iso(m.date),
        "date_precision": m.date_precision, "location": m.location, "occasion": m.occasion,
        "mode": m.mode, "status": m.status, "tags": m.tags, "evidence": m.evidence,
    } for m in a.meetings]


def quote_rows(a: Article) -> list[dict]:
    return [{
        "quote_id": stable_id(a.article_id, q.kind, q.text), "article_id": a.article_id,
        "speaker": q.speaker, "speaker_role": q.speaker_role, "speaker_country": q.speaker_country,
        "kind": q.kind, "date": _iso(q.date or a.published), "tags": q.tags, "text": q.text,
        "evidence": q.evidence,
    } for q in a.quotes]


def tag_rows(a: Article, labels: dict[str, str]) -> list[dict]:
    return [{
        "tag_key": f"{a.article_id}:{t.tag}", "article_id": a.article_id, "tag": t.tag,
        "label": labels.get(t.tag, t.tag), "hits": t.hits, "published": _iso(a.published),
        "evidence": t.evidence,
    } for t in a.tags]


def to_frames(articles: list[Article], labels: dict[str, str] | None = None,
              ingested_at: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """One frame per table; an article seen twice in the batch counts once.

    `ingested_at` maps article ids to the time they were first stored (reprocessing);
    any other article is stamped now.
    """
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    labels, ingested_at = labels or {}, ingested_at or {}
    seen: set[str] = set()
    rows: dict[str, list[dict]] = {"articles": [], "meetings": [], "quotes": [], "tags": []}
    for a in articles:
        if a.article_id in seen:
            continue
        seen.add(a.article_id)
        rows["articles"].append(article_row(a, ingested_at.get(a.article_id, now)))
        rows["meetings"] += meeting_rows(a)
        rows["quotes"] += quote_rows(a)
        rows["tags"] += tag_rows(a, labels)
    specs = {"articles": ARTICLES, "meetings": MEETINGS, "quotes": QUOTES, "tags": TAGS}
    return {name: specs[name].conform(pd.DataFrame(rows[name])) for name in specs}


def belongs(df: pd.DataFrame, ids: set[str]) -> pd.Series:
    """Which rows of a table belong to the articles `ids` (meetings list theirs in article_ids)."""
    if "article_id" in df.columns:
        return df["article_id"].isin(ids)
    return df["article_ids"].map(lambda v: bool(set(v) & ids))


# --- back: a stored row as the loader made it ---------------------------------
def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def stored_article(row: dict) -> Article:
    """The article as its loader made it, from its stored row (before any step ran).

    A row stored before the raw text was kept has only the cleaned text: it starts from
    that, with the metadata lines cleaning set aside put back on top (the steps read
    dates and datelines from them), and the publication date it was given then.
    """
    if row.get("raw_text"):
        return Article(
            origin=row["origin"], raw_text=row["raw_text"], title=row["title"], source=row["source"],
            url=row["url"], author=row["author"], published_raw=row["published_raw"],
            published_hint=row["published_hint"], user_published=_day(row["user_published"]),
            ingest_date=_day(row["ingest_date"]) or _day(row["ingested_at"][:10]),
            left_out=_removed(row.get("left_out") or []))
    src, published = row["published_source"], row["published"]
    carried = src in ("header", "metadata")
    metadata = [r.text for r in _removed(row["removed"]) if r.reason == "metadata"]
    return Article(
        origin=row["origin"], raw_text="\n".join([*metadata, row["text"]]), title=row["title"],
        source=row["source"], url=row["url"], author=row["author"],
        published_raw=published if carried else "", published_hint=src if carried else "",
        user_published=_day(published) if src == "user" else None,
        ingest_date=_day(row["ingested_at"][:10]))


def _removed(items: list[str]) -> list[Removed]:
    return [Removed(*r.split(": ", 1)) if ": " in r else Removed("", r) for r in items]


def removed_since(row: dict, now: list[Removed]) -> list[Removed]:
    """What cleaning dropped, after reprocessing the row. For a row stored without its raw
    text, cleaning the cleaned text cannot find most of it again: what the row listed is
    carried over, in its order, and anything dropped now besides follows."""
    if row.get("raw_text"):
        return now
    before = _removed(row["removed"])
    listed = {(r.reason, r.text) for r in before}
    return before + [r for r in now if (r.reason, r.text) not in listed]
