"""Corrections applied to tables as they are read: the stored, extracted rows never change.

Reading applies them, so a reprocess (new rows, new meeting ids) needs nothing special:
each correction finds its row again by id, else by its article and evidence sentence.
One that finds no row, or several, is listed for review with the reason, never dropped.
"""
from __future__ import annotations

import json

import pandas as pd

from pipeline.corrections.model import ADDED, DELETED, Correction, flat, from_row, parse
from pipeline.corrections.merged import COLUMNS, MergedIndex
from pipeline.store.schema import CORRECTIONS, TABLES

REVIEW_COLUMNS = [*CORRECTIONS.names, "reason"]
# what an added row is, where the analyst does not say
ADDED_DEFAULTS = {"meetings": {"status": "held", "mode": "unknown", "source_count": 1}, "quotes": {"kind": "direct"}}


def active(corrections: pd.DataFrame) -> list[Correction]:
    """The corrections in force, oldest first (a later one of a field wins); reverts themselves
    change no row."""
    live = in_force(corrections)
    rows = corrections.sort_values(["made_at", "correction_id"], kind="stable").to_dict("records")
    return [from_row(r) for r in rows if not r["reverts"] and live[r["correction_id"]]]


def in_force(corrections: pd.DataFrame) -> dict[str, bool]:
    """Each correction's id, and whether it holds: a revert cancels the correction it names,
    a reverted revert puts it back."""
    undone: dict[str, list[str]] = {}
    for cid, target in zip(corrections["correction_id"], corrections["reverts"]):
        if target:
            undone.setdefault(target, []).append(cid)
    live: dict[str, bool] = {}

    def alive(cid: str) -> bool:
        if cid not in live:
            live[cid] = True   # a cycle cannot happen (ids hash what they revert); stop one anyway
            live[cid] = not any(alive(r) for r in undone.get(cid, []))
        return live[cid]
    return {cid: alive(cid) for cid in corrections["correction_id"]}


def apply_corrections(tables: dict[str, pd.DataFrame], corrections: pd.DataFrame,
                      texts: dict[str, str] | None = None) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """`tables` (stored rows of articles, meetings, quotes, tags; any of them, any of their
    columns with the key) as corrected, and the corrections that found no row, with why.

    An added row needs its article's text (`texts`, else the articles' `text` column): it
    is added while its sentence is still there. Re-dating an article moves its quotes
    dated by the publication date and its tag rows; a meeting's dates are not worked out
    again from the new date."""
    if texts is None and "text" in tables.get("articles", pd.DataFrame()).columns:
        texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    live = active(corrections) if len(corrections) else []
    added = {from_row(r).added_id for r in corrections[corrections["field"] == ADDED].to_dict("records")}
    out, review = dict(tables), []
    for table in ("articles", "meetings", "quotes"):
        mine = [c for c in live if c.table == table]
        if table in out and mine:
            out[table], missed = _apply(out[table], table, mine, texts or {}, added)
            review += missed
    if "articles" in tables and "published" in tables["articles"].columns:
        before = dict(zip(tables["articles"]["article_id"], tables["articles"]["published"]))
        after = dict(zip(out["articles"]["article_id"], out["articles"]["published"]))
        moved = {a: (before[a], day) for a, day in after.items() if a in before and before[a] != day}
        for table in ("quotes", "tags"):
            if moved and table in out:
                out[table] = _redated(out[table], table, moved)
    return out, pd.DataFrame([{**c.row(), "reason": why} for c, why in review], columns=REVIEW_COLUMNS)


def _apply(df: pd.DataFrame, table: str, corrections: list[Correction], texts: dict[str, str],
           added: set[str]) -> tuple[pd.DataFrame, list[tuple[Correction, str]]]:
    """`added`: the ids of every row an analyst added, in force or not."""
    df = df.reset_index(drop=True)
    rows = _Rows(df, table)
    review = []
    for c in corrections:
        if c.field == ADDED:
            if flat(c.evidence) and flat(c.evidence) in flat(texts.get(c.article_id, "")):
                rows.add(c)
            else:
                review.append((c, "its sentence is no longer in the article's text"))
            continue
        if c.target_id in added and c.target_id not in rows.where:
            # a change to an added row that is not there: in review with it, or reverted with it
            if any(a.added_id == c.target_id for a in corrections):
                review.append((c, "the row it corrects was added by an analyst and is waiting for review"))
            continue
        found, why = rows.targets(c)
        if why:
            review.append((c, why))
        for pos in found:
            if c.field == DELETED:
                rows.gone.add(pos)
            else:
                rows.change(pos, c.field, parse(table, c.field, c.value))
    return rows.frame(), review


class _Rows:
    """A table's rows with the changes the corrections make, written back once at the end."""

    def __init__(self, df: pd.DataFrame, table: str):
        self.df, self.table, self.key = df, table, TABLES[table].key
        self.where = {i: n for n, i in enumerate(df[self.key])}
        self.changes: dict[int, dict] = {}
        self.marks: dict[int, list[str]] = {}
        self.gone: set[int] = set()
        self.added: list[dict] = []
        self._of_article: dict[str, list[int]] | None = None
        self._merged: dict[str, list[int]] | None = None

    def add(self, c: Correction) -> None:
        self.where[c.added_id] = len(self.df) + len(self.added)
        mine = {"article_ids": [c.article_id], "evidence": [c.evidence]} if self.table == "meetings" else {
            "article_id": c.article_id, "evidence": c.evidence}
        given = {k: parse(self.table, k, v) for k, v in json.loads(c.value).items()}
        self.added.append({**ADDED_DEFAULTS.get(self.table, {}), **given, **mine, self.key: c.added_id,
                           "corrected": [ADDED]})
        self._moved(self.where[c.added_id])

    def change(self, pos: int, name: str, value) -> None:
        if pos >= len(self.df):
            self.added[pos - len(self.df)][name] = value
        else:
            self.changes.setdefault(pos, {})[name] = value
            mark = self.marks.setdefault(pos, [])
            if name not in mark:
                mark.append(name)
        if name in COLUMNS:
            self._moved(pos)

    def _moved(self, pos: int) -> None:
        if self._merged is not None:
            self._merged.put(pos, self.current(pos))

    def targets(self, c: Correction) -> tuple[list[int], str]:
        """The row a correction is of: by id while the row has it, else the one row of its
        article whose evidence holds its sentence. No row, or several: why, for review."""
        pos = self.where.get(c.target_id if self.table != "articles" else c.target_id or c.article_id)
        if pos is not None:
            return ([] if pos in self.gone else [pos]), ""
        grouped = self.merged(c.target_id) if self.table == "meetings" and c.target_id else []
        if grouped:
            return grouped, ""
        if self.table == "articles":
            return [], "the article is no longer in the store"
        sentence = flat(c.evidence)
        if not sentence:
            return [], "its row is gone and it names no evidence sentence to find it by"
        found = [p for p in self.of_article(c.article_id) if p not in self.gone and sentence in self.evidence(p)]
        if len(found) == 1:
            return found, ""
        if not found:
            return [], f"its evidence sentence no longer carries a {self.table[:-1]}"
        return [], f"its evidence sentence now carries {len(found)} {self.table}: correct the right one again"

    def merged(self, meeting_id: str) -> list[int]:
        """The rows read as one meeting under `meeting_id` (the id the export gives them), as
        corrected so far: the analyst saw them so when making the correction."""
        if not set(COLUMNS) <= set(self.df.columns):
            return []
        if self._merged is None:
            self._merged = MergedIndex(self.df)
            for pos in [*self.changes, *range(len(self.df), len(self.df) + len(self.added))]:
                self._merged.put(pos, self.current(pos))
        return [p for p in self._merged.find(meeting_id) if p not in self.gone]

    def current(self, pos: int) -> dict:
        """A row's merge columns as corrected so far."""
        if pos >= len(self.df):
            return {c: self.added[pos - len(self.df)].get(c, "") for c in COLUMNS}
        return {c: self.changes.get(pos, {}).get(c, self.df.at[pos, c]) for c in COLUMNS}

    def of_article(self, article_id: str) -> list[int]:
        if self._of_article is None:
            self._of_article = {}
            ids = (self.df["article_ids"] if self.table == "meetings" else self.df["article_id"].map(lambda a: [a]))
            for pos, articles in enumerate(ids):
                for a in articles:
                    self._of_article.setdefault(a, []).append(pos)
        return self._of_article.get(article_id, [])

    def evidence(self, pos: int) -> str:
        value = self.df.at[pos, "evidence"]
        return flat(" ".join(value) if isinstance(value, (list, tuple)) else value)

    def frame(self) -> pd.DataFrame:
        df = self.df.copy()
        for name in {n for ch in self.changes.values() for n in ch} | {"corrected"}:
            if name in df.columns:
                values = df[name].tolist()
                for pos, ch in self.changes.items():
                    if name in ch:
                        values[pos] = ch[name]
                    elif name == "corrected":
                        values[pos] = list(self.marks[pos])
                df[name] = pd.Series(values, index=df.index, dtype=df[name].dtype)
        df = df.drop(index=[p for p in self.gone if p < len(df)])
        kept = [r for n, r in enumerate(self.added, start=len(self.df)) if n not in self.gone]
        if kept:
            new = TABLES[self.table].conform(pd.DataFrame(kept)).reindex(columns=df.columns)
            df = pd.concat([df, new], ignore_index=True)
        return df.reset_index(drop=True)


def _redated(df: pd.DataFrame, table: str, moved: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """A re-dated article's tag rows, and its quotes dated by its publication date, take the new date."""
    column = "published" if table == "tags" else "date"
    if column not in df.columns:
        return df
    values, marks = df[column].tolist(), df["corrected"].tolist() if "corrected" in df.columns else None
    for n, (article, day) in enumerate(zip(df["article_id"], values)):
        if article in moved and (table == "tags" or day == moved[article][0]
                                 and not (marks and "date" in marks[n])):
            values[n] = moved[article][1]
            if marks is not None and "date" not in marks[n]:
                marks[n] = [*marks[n], "date"]
    df = df.assign(**{column: values})
    return df.assign(corrected=marks) if marks is not None else df
