"""Which meeting rows are read as one meeting under an exported id, as corrections change them.

`read_table` merges the rows of several articles naming the same people, day and status
into one row (`pipeline/meetings/merge.py`), exported under an id of its own; a
correction naming that id is of every row in it. The index is built once and each row
is moved as a correction changes it, so applying many corrections stays linear.
"""
from __future__ import annotations

import pandas as pd

from pipeline.meetings.merge import CALL, manner_class, meeting_key
from pipeline.store.rows import stable_id

COLUMNS = ("participants", "date", "status", "location", "occasion", "mode")


def ids_of(row: dict) -> list[str]:
    """The ids a row can be read under: a row that does not say how the meeting was held
    joins a call of the same people where only a call is known, else the meeting."""
    key = meeting_key(row["participants"], str(row["date"] or "")[:10], row["status"], row["location"],
                      row["occasion"])
    how = manner_class(row["mode"], row["location"])
    if how == "call":
        return [stable_id(key + CALL)]
    return [stable_id(key)] if how else [stable_id(key), stable_id(key + CALL)]


class MergedIndex:
    def __init__(self, df: pd.DataFrame):
        self.rows: dict[str, set[int]] = {}
        self.ids: dict[int, list[str]] = {}
        for pos, values in enumerate(zip(*(df[c].tolist() for c in COLUMNS))):
            self.put(pos, dict(zip(COLUMNS, values)))

    def put(self, pos: int, row: dict) -> None:
        """Index the row at `pos` as it is now (first or again)."""
        for old in self.ids.pop(pos, []):
            self.rows[old].discard(pos)
        self.ids[pos] = ids_of(row)
        for new in self.ids[pos]:
            self.rows.setdefault(new, set()).add(pos)

    def find(self, meeting_id: str) -> list[int]:
        return sorted(self.rows.get(meeting_id, ()))
