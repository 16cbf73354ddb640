"""Turning processed Articles into table rows, in the declared schemas."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import pandas as pd

from pipeline.article import Article
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


def to_frames(articles: list[Article], labels: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """One frame per table; an article seen twice in the batch counts once."""
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    labels = labels or {}
    seen: set[str] = set()
    rows: dict[str, list[dict]] = {"articles": [], "meetings": [], "quotes": [], "tags": []}
    for a in articles:
        if a.article_id in seen:
            continue
        seen.add(a.article_id)
        rows["articles"].append(article_row(a, now))
        rows["meetings"] += meeting_rows(a)
        rows["quotes"] += quote_rows(a)
        rows["tags"] += tag_rows(a, labels)
    specs = {"articles": ARTICLES, "meetings": MEETINGS, "quotes": QUOTES, "tags": TAGS}
    return {name: specs[name].conform(pd.DataFrame(rows[name])) for name in specs}
