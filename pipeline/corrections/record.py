"""Recording corrections: checked, tied to their row's article and sentence, stored under the lock.

A correction is stored once (its id hashes its content); one given without a time is
stamped now, unless the store already holds the same correction, so importing a file
twice changes nothing. Its row is looked up as the tables are read now (corrected): by
the id the analyst saw, which fills in the article and evidence sentence it rests on.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Callable, Iterable

import pandas as pd

from pipeline.corrections.apply import apply_corrections, in_force
from pipeline.corrections.merged import COLUMNS, MergedIndex
from pipeline.corrections.model import ADDED, Correction, check, content, flat, from_row, now, to_frame
from pipeline.corrections.read import added_texts
from pipeline.errors import CorrectionError
from pipeline.store.parquet import Store, Transaction

OnError = Callable[[int, CorrectionError], None]


def read_corrections(store: Store) -> pd.DataFrame:
    """Every correction stored, reverted ones and reverts included, oldest first."""
    return store.read("corrections").sort_values(["made_at", "correction_id"], kind="stable", ignore_index=True)


def record(store: Store, corrections: Iterable[Correction], on_error: OnError | None = None) -> list[str]:
    """Store the corrections (checked, their article and sentence filled in from their row);
    the ids of those newly stored, in the order given. A correction that cannot be recorded raises
    `CorrectionError`, or, given `on_error`, is passed to it with its position and skipped."""
    with store.transaction() as tx:
        stored = tx.read("corrections")
        rows = _Found(store, tx, stored)
        have = set(stored["correction_id"])
        live = in_force(stored)   # the same as one reverted since is a new correction
        said = {content(from_row(r)) for r in stored.to_dict("records") if live[r["correction_id"]]}
        fresh: dict[str, tuple[int, Correction]] = {}
        for n, c in _reverts_last(list(corrections), have):
            try:
                c = rows.resolve(check(c), {cid: f for cid, (_, f) in fresh.items()})
            except CorrectionError as exc:
                if on_error is None:
                    raise
                on_error(n, exc)
                continue
            if not c.made_at:
                if content(c) in said:
                    continue
                c = replace(c, made_at=now())
            if c.correction_id not in have:
                fresh.setdefault(c.correction_id, (n, c))
                said.add(content(c))
        if fresh:
            tx.add({"corrections": to_frame([c for _, c in fresh.values()])})
        return [cid for cid, _ in sorted(fresh.items(), key=lambda item: item[1][0])]


def _reverts_last(corrections: list[Correction], stored: set[str]) -> list[tuple[int, Correction]]:
    """The corrections with their positions, each revert after the correction it undoes (a
    file may list them in any order)."""
    order = [(n, c) for n, c in enumerate(corrections) if not c.reverts]
    waiting = [(n, c) for n, c in enumerate(corrections) if c.reverts]
    known = stored | {check_id(c) for _, c in order}
    while waiting:
        ready = [(n, c) for n, c in waiting if c.reverts in known]
        if not ready:   # undoing what is nowhere: each is refused in turn
            return order + waiting
        order += ready
        known |= {check_id(c) for _, c in ready}
        waiting = [w for w in waiting if w not in ready]
    return order


def check_id(c: Correction) -> str:
    """The id a correction as given will have (one exported keeps it when imported)."""
    try:
        return check(c).correction_id
    except CorrectionError:
        return c.correction_id


def revert(store: Store, correction_id: str, author: str) -> str:
    """Undo a correction (the extracted value, or the one an earlier correction gave, shows
    again); the id of the revert, which can itself be reverted."""
    ids = record(store, [Correction(table="", target_id="", field="", author=author, reverts=correction_id)])
    return ids[0] if ids else ""


class _Found:
    """The store's rows as read now, looked up lazily to resolve corrections."""

    def __init__(self, store: Store, tx: Transaction, stored: pd.DataFrame):
        self.store, self.tx, self.stored = store, tx, stored
        self.by_id = {r["correction_id"]: from_row(r) for r in stored.to_dict("records")}
        self.tables: dict[str, pd.DataFrame] = {}

    def table(self, name: str) -> pd.DataFrame:
        if name not in self.tables:
            columns = ["article_id", "published"] if name == "articles" else None
            read, _ = apply_corrections({name: self.tx.read(name, columns)}, self.stored,
                                        texts=added_texts(self.store, self.stored, name))
            self.tables[name] = read[name]
        return self.tables[name]

    def resolve(self, c: Correction, batch: dict[str, Correction]) -> Correction:
        if c.reverts:
            undone = self.by_id.get(c.reverts) or batch.get(c.reverts)
            if undone is None:
                raise CorrectionError(f"correction {c.reverts} is not in the store: copy its id from "
                                      f"`corrections export`")
            return replace(undone, value="", author=c.author, made_at=c.made_at, reverts=c.reverts)
        if c.table == "articles" or c.field == ADDED:
            article = c.target_id if c.table == "articles" and c.target_id else c.article_id
            published = dict(zip(self.table("articles")["article_id"], self.table("articles")["published"]))
            if article not in published:
                raise CorrectionError(f"article '{article}' is not in the store: copy its id from an export")
            if c.table == "articles":
                return replace(c, target_id=article, article_id=article, evidence="")
            if c.table == "quotes" and "date" not in json.loads(c.value):   # dated, unless said, by its article
                c = replace(c, value=json.dumps({**json.loads(c.value), "date": published[article]},
                                                ensure_ascii=False, sort_keys=True))
            return c
        row = self.row(c.table, c.target_id)
        if row is None:
            if c.article_id and c.evidence:
                return c   # found by its sentence when read, or listed for review
            raise CorrectionError(f"no {c.table} row has the id '{c.target_id}': copy the id from a fresh export, "
                                  f"or give the article_id and evidence sentence")
        evidence = row["evidence"] if isinstance(row["evidence"], str) else _holding(row["evidence"], c.evidence)
        article = row["article_id"] if "article_id" in row else row["article_ids"][0]
        return replace(c, article_id=article, evidence=evidence)

    def row(self, table: str, target_id: str) -> dict | None:
        df = self.table(table)
        key = "quote_id" if table == "quotes" else "meeting_id"
        hit = df[df[key] == target_id]
        if not len(hit) and table == "meetings" and len(df):
            hit = df.iloc[MergedIndex(df[list(COLUMNS)].reset_index(drop=True)).find(target_id)]
        return hit.iloc[0].to_dict() if len(hit) else None


def _holding(sentences: list[str], given: str) -> str:
    """The row's sentence the analyst named, else its first."""
    return next((s for s in sentences if flat(given) and flat(given) in flat(s)), None) or next(
        (s for s in sentences if s), "")
