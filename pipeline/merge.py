"""One row per meeting across articles: the same meeting reported by several outlets.

Like Phoenix's "one-a-day" filter, rows with the same participants (in any
order), the same status and the same date are one meeting; rows without a date
must also share the place.  The merged row lists every article and counts them.
Grouping is by a key column, so the cost grows with the number of rows, not
with its square.
"""
from __future__ import annotations

import pandas as pd

from .rows import stable_id

LIST_COLUMNS = ("article_ids", "participants", "countries", "tags", "evidence")


def _as_list(value) -> list:
    if value is None or isinstance(value, float) and pd.isna(value):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return list(value)


def _day(value) -> str:
    if value is None or isinstance(value, float) and pd.isna(value):
        return ""
    return str(value)[:10]


def meeting_key(participants, day: str, status: str, location: str, occasion: str = "") -> str:
    """The identity of a meeting: who (order-insensitive), when (else where and on what
    occasion), held or planned."""
    people = "|".join(sorted({str(p).strip() for p in _as_list(participants) if str(p).strip()}))
    where = "" if day else f"{location or ''}\x1f{occasion or ''}".strip().lower()
    return "\x1f".join((people, day, str(status or "held").strip().lower(), where))


def merge_meetings(df: pd.DataFrame) -> pd.DataFrame:
    """Merge rows describing the same meeting; `article_ids` becomes the union and
    `source_count` the number of distinct articles. Other columns keep the first
    non-empty value; list columns are unioned in order of appearance."""
    df = df.reset_index(drop=True).copy()
    for col in ("article_ids", "participants"):
        if col not in df.columns:
            df[col] = [[] for _ in range(len(df))]
    for col in ("date", "location", "status", "occasion"):
        if col not in df.columns:
            df[col] = ""
    if df.empty:
        out = df.copy()
        out["source_count"] = pd.Series(dtype="int64")
        return out
    days = df["date"].map(_day)
    key = [meeting_key(p, d, s, loc, occ) for p, d, s, loc, occ in
           zip(df["participants"], days, df["status"], df["location"], df["occasion"])]
    df["_key"] = key
    order = pd.unique(df["_key"])

    scalars = [c for c in df.columns if c not in LIST_COLUMNS and c not in ("_key", "source_count")]
    # first non-empty value per meeting: "" and "unknown" count as empty
    filled = df[scalars].map(lambda v: None if v is None or v == "" or v == "unknown"
                             or isinstance(v, float) and pd.isna(v) else v)
    filled["_key"] = df["_key"]
    firsts = filled.groupby("_key", sort=False).first()
    out = pd.DataFrame(index=pd.Index(order, name="_key"))
    for c in scalars:
        fallback = df.groupby("_key", sort=False)[c].first()
        out[c] = firsts[c].where(firsts[c].notna(), fallback).reindex(order)
    for c in LIST_COLUMNS:
        if c not in df.columns:
            continue
        items = pd.DataFrame({"_key": df["_key"], c: df[c].map(_as_list)}).explode(c)
        items = items[items[c].notna()].drop_duplicates()
        out[c] = items.groupby("_key", sort=False)[c].agg(list).reindex(order)
        out[c] = out[c].map(lambda v: v if isinstance(v, list) else [])
    out["source_count"] = out["article_ids"].map(lambda ids: len(set(ids)) or 1)
    if "meeting_id" in df.columns:
        out["meeting_id"] = [stable_id(k) for k in out.index]
    columns = [c for c in df.columns if c != "_key"] + (["source_count"] if "source_count" not in df.columns else [])
    return out.reset_index(drop=True)[columns]
