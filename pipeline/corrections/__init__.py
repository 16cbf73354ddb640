"""Analysts' corrections of extracted facts, kept apart from them and applied when read.

The extracted tables stay as processing made them; the `corrections` table holds what
analysts changed, each keyed to its row's id and to the article and evidence sentence
the fact rests on. Reading applies them (`read_table`, the dashboard), so they hold
after `reprocess` and after the data files change; one whose sentence no longer
carries a row is listed for review, never dropped.

- `model`: a correction, what may be corrected, its values checked;
- `apply`: corrections applied to tables, a pure function, and what finds no row;
- `merged`: which meeting rows an exported (merged) meeting id names;
- `events`: the events worked out again where a correction touches them;
- `read`: the store's tables as corrected, and the corrections pending review;
- `record`: corrections stored under the store's lock, and reverted;
- `csvfile`: corrections to and from CSV.
"""
from pipeline.corrections.apply import apply_corrections
from pipeline.corrections.model import ADDED, DELETED, EDITABLE, Correction
from pipeline.corrections.read import pending_review, with_corrections
from pipeline.corrections.record import read_corrections, record, revert

__all__ = ["ADDED", "DELETED", "EDITABLE", "Correction", "apply_corrections", "pending_review",
           "read_corrections", "record", "revert", "with_corrections"]
