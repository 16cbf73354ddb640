"""Corrections to and from CSV: what an analyst edits in a spreadsheet, or moves to another store.

The file has a row per correction with at least `table`, `id` (the row's id as exported),
`field` (a column, `deleted` or `added`), `value` and `author`; the export adds
`correction_id`, `article_id`, `evidence`, `made_at` and `reverts`. Importing a file
twice changes nothing; a row that cannot be imported is named with its reason and the
others go in.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from pipeline.corrections.model import Correction
from pipeline.corrections.record import read_corrections, record
from pipeline.errors import CorrectionError
from pipeline.store.export import restore, to_csv_bytes
from pipeline.store.parquet import Store

REQUIRED = ("table", "id", "field", "value", "author")
OPTIONAL = ("article_id", "evidence", "made_at", "reverts")
HEADERS = {"target_id": "id"}


@dataclass
class ImportReport:
    rows: int = 0
    new_ids: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # "row N: reason"


def export_bytes(store: Store) -> bytes:
    """Every correction, reverted ones and reverts too, oldest first, as CSV (UTF-8 with BOM)."""
    return to_csv_bytes(read_corrections(store), "corrections", headers=HEADERS)


def import_bytes(store: Store, data: bytes) -> ImportReport:
    """Record the corrections a CSV holds; a row that cannot be is reported, the others go in."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorrectionError("the file is not UTF-8 text: save it as CSV UTF-8") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise CorrectionError(f"the file has no {', '.join(missing)} column: a corrections file has the columns "
                              f"{', '.join(REQUIRED)} (and optionally {', '.join(OPTIONAL)})")
    report = ImportReport()
    corrections, rows = [], []
    for n, row in enumerate(reader, start=2):   # row 1 is the header, as a spreadsheet counts
        cells = {k: restore(v or "") for k, v in row.items() if k}
        corrections.append(Correction(
            table=cells["table"], target_id=cells["id"], field=cells["field"], value=cells["value"],
            author=cells["author"], **{k: cells.get(k, "") for k in OPTIONAL}))
        rows.append(n)
    report.rows = len(rows)

    def bad(i: int, exc: CorrectionError) -> None:
        report.errors.append(f"row {rows[i]}: {exc}")
    report.new_ids = record(store, corrections, on_error=bad)
    return report

