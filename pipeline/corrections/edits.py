"""What an analyst's edits of a table on screen say, as corrections.

A table is shown for editing with its list columns as text ("A; B") and a `delete`
tick per row; comparing it, row by row, with the table as shown gives one correction
per changed cell of a correctable column, and one per row ticked for deletion.
"""
from __future__ import annotations

import json

import pandas as pd

from pipeline.corrections.model import ADDED, DELETED, EDITABLE, LIST_SEP, Correction

DELETE = "delete"     # the tick column of an editable table


def as_text(value) -> str:
    """A cell as a correction holds it: lists joined with '; ', nothing as ''."""
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(v) for v in value)
    if value is None or isinstance(value, float) and pd.isna(value):
        return ""
    return str(value).strip()


def for_editing(df: pd.DataFrame, table: str, columns: list[str]) -> pd.DataFrame:
    """The rows with the correctable `columns` as text, and an unticked `delete` column."""
    shown = df[columns].copy()
    for c in columns:
        if c in EDITABLE[table]:
            shown[c] = [as_text(v) for v in shown[c]]
    return shown.assign(**{DELETE: False}).reset_index(drop=True)


def _same(a: str, b: str) -> bool:
    """Equal as a correction reads them: list items compared without the spaces around them."""
    split = [[p.strip() for p in s.split(";") if p.strip()] for s in (a, b)]
    return split[0] == split[1]


def edits(table: str, key: str, shown: pd.DataFrame, edited: pd.DataFrame, author: str) -> list[Correction]:
    """The corrections `edited` makes of `shown` (both from `for_editing`, rows in the same order)."""
    out = []
    for (_, before), (_, after) in zip(shown.iterrows(), edited.iterrows()):
        target = str(before[key])
        if bool(after.get(DELETE)):
            out.append(Correction(table, target, DELETED, author=author))
            continue
        for col in EDITABLE[table]:
            if col in shown.columns and not _same(as_text(before[col]), as_text(after[col])):
                out.append(Correction(table, target, col, as_text(after[col]), author=author))
    return out


def addition(table: str, article_id: str, sentence: str, fields: dict, author: str) -> Correction:
    """A row the extraction missed, added from a sentence of the article."""
    given = {k: as_text(v) for k, v in fields.items() if as_text(v)}
    return Correction(table, "", ADDED, json.dumps(given, ensure_ascii=False, sort_keys=True), author=author,
                      article_id=article_id, evidence=sentence)
