"""One row per meeting across articles: the same meeting reported by several outlets.

Like Phoenix's "one-a-day" filter, rows with the same participants (in any
order), the same status and the same date are one meeting; rows without a date
must also share the place.  A call said outright and a face-to-face meeting stay
apart; a row that does not say how joins whichever of the two its key has.  The merged row lists every article and counts them.
Grouping is by a key column, so the cost grows with the number of rows, not
with its square.
"""
from __future__ import annotations

import pandas as pd

from pipeline.store.rows import stable_id

LIST_COLUMNS = ("article_ids", "participants", "countries", "tags", "evidence", "corrected")


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


# how a meeting was held, as far as telling meetings apart goes: a call said outright is not
# the face-to-face meeting of the same pair that day; an unsaid mode is either
REMOTE_MODES = ("phone", "video")
CALL = "\x1fcall"   # a call's key: a call said outright is a meeting of its own


def manner_class(mode, location) -> str:
    """ "call", "in_person" (a meeting with a place: "held talks" alone is in person only by
    habit, and is often the call another outlet reports), or "" where the row does not say."""
    mode = "" if _empty(mode) else str(mode).strip().lower()
    if mode in REMOTE_MODES:
        return "call"
    return "in_person" if mode == "in_person" and not _empty(location) else ""


def _empty(v) -> bool:
    return v is None or v == "" or v == "unknown" or isinstance(v, float) and pd.isna(v)


def _absorb(merged: dict[str, dict], key: str, row: dict, lists: list[str], scalars: list[str]) -> None:
    have = merged.get(key)
    if have is None:
        merged[key] = {**row, **{c: list(dict.fromkeys(_as_list(row[c]))) for c in lists}}
        return
    for c in scalars:
        if _empty(have[c]) and not _empty(row[c]):
            have[c] = row[c]
    for c in lists:
        have[c] = list(dict.fromkeys(have[c] + _as_list(row[c])))


def merge_meetings(df: pd.DataFrame) -> pd.DataFrame:
    """Merge rows describing the same meeting; `article_ids` becomes the union and
    `source_count` the number of distinct articles. Other columns keep the first
    non-empty value; list columns are unioned in order of appearance."""
    df = df.reset_index(drop=True)
    for col in ("article_ids", "participants"):
        if col not in df.columns:
            df = df.assign(**{col: [[] for _ in range(len(df))]})
    for col in ("date", "location", "status", "occasion"):
        if col not in df.columns:
            df = df.assign(**{col: ""})
    columns = list(df.columns) + (["source_count"] if "source_count" not in df.columns else [])
    if df.empty:
        return df.assign(source_count=pd.Series(dtype="int64"))[columns]
    lists = [c for c in LIST_COLUMNS if c in df.columns]
    scalars = [c for c in df.columns if c not in LIST_COLUMNS and c != "source_count"]
    # plain Python over the rows: cheaper than a grouped aggregation per column
    merged: dict[str, dict] = {}
    names = list(df.columns)
    # column lists, not to_dict("records"): iterating Arrow-backed strings row by row is slow
    rows = [dict(zip(names, values)) for values in zip(*(df[c].tolist() for c in names))]
    keys = [meeting_key(r["participants"], _day(r["date"]), r["status"], r["location"], r["occasion"]) for r in rows]
    hows = [manner_class(r.get("mode"), r["location"]) for r in rows]
    said: dict[str, set[str]] = {}
    for key, how in zip(keys, hows):
        if how:
            said.setdefault(key, set()).add(how)
    for key, how, row in zip(keys, hows, rows):
        # a call keeps a key of its own; a row that does not say how joins the call when only a call
        # of those people is known, else the meeting
        if how == "call" or not how and said.get(key) == {"call"}:
            key += CALL
        _absorb(merged, key, row, lists, scalars)
    out = pd.DataFrame(list(merged.values()), columns=[c for c in df.columns if c != "source_count"])
    out["source_count"] = out["article_ids"].map(lambda ids: len(set(ids)) or 1)
    if "meeting_id" in df.columns:
        out["meeting_id"] = [stable_id(k) for k in merged]
    return out[columns]
