"""A correction: one analyst's change to one extracted fact, keyed to its evidence.

A correction names its row by the id the row had when the correction was made, and by
the article and evidence sentence the fact rests on, so that it finds the row again
after reprocessing gives the row another id. `field` is a column, `deleted`, or
`added` (then `value` is the new row as JSON). Its id is a hash of its content: the
same correction recorded twice is stored once.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone

import pandas as pd

from pipeline.errors import CorrectionError
from pipeline.store.rows import stable_id
from pipeline.store.schema import CORRECTIONS, TABLES

DELETED, ADDED = "deleted", "added"
LIST_SEP = "; "

# the columns an analyst may correct, per table (ids, counts and the text are the store's own)
EDITABLE = {
    "articles": ("title", "source", "url", "author", "published", "tags", "people", "countries"),
    "meetings": ("participants", "countries", "date", "date_precision", "location", "occasion",
                 "mode", "status", "tags", "grouping"),
    "quotes": ("speaker", "speaker_role", "speaker_country", "kind", "date", "tags", "text"),
}
CHOICES = {
    "status": ("held", "planned"), "mode": ("in_person", "video", "phone", "unknown"),
    "date_precision": ("", "day", "week", "month"), "kind": ("direct", "reported"),
}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def now() -> str:
    return datetime.now(timezone.utc).isoformat()   # to the microsecond: the later of two wins


@dataclass(frozen=True)
class Correction:
    table: str                  # articles, meetings or quotes
    target_id: str              # the row's id when the correction was made ("" for an added row)
    field: str                  # a column of EDITABLE, DELETED or ADDED
    value: str = ""             # as text: lists joined with "; "; an added row as JSON
    author: str = ""
    article_id: str = ""
    evidence: str = ""          # the sentence the fact rests on ("" for an article)
    made_at: str = ""           # ISO UTC; stamped when recorded
    reverts: str = ""           # the id of the correction this one undoes

    @property
    def correction_id(self) -> str:
        return stable_id("correction", *content(self), self.made_at)

    @property
    def added_id(self) -> str:
        """The id of the row an `added` correction adds."""
        return stable_id("added", self.correction_id)

    def row(self) -> dict:
        return {**asdict(self), "correction_id": self.correction_id}


def content(c: Correction) -> tuple:
    """What a correction says, whenever it was made: two with the same content are one on import."""
    return (c.table, c.target_id, c.article_id, flat(c.evidence), c.field, c.value, c.author, c.reverts)


def flat(text: str) -> str:
    return " ".join(str(text or "").split())


def from_row(row: dict) -> Correction:
    return Correction(**{k: str(row.get(k) or "") for k in (
        "table", "target_id", "field", "value", "author", "article_id", "evidence", "made_at", "reverts")})


def to_frame(corrections: list[Correction]) -> pd.DataFrame:
    return CORRECTIONS.conform(pd.DataFrame([c.row() for c in corrections], columns=CORRECTIONS.names))


def check(c: Correction) -> Correction:
    """The correction with its text tidied, or a `CorrectionError` saying what to fix."""
    c = replace(c, **{k: str(v or "").strip() for k, v in asdict(c).items()})
    if not c.author:
        raise CorrectionError("the author is empty: write who made the correction")
    if c.table not in EDITABLE and not c.reverts:
        raise CorrectionError(f"table '{c.table}' cannot be corrected: write articles, meetings or quotes")
    if c.made_at:
        c = replace(c, made_at=_utc(c.made_at))
    if c.reverts:
        return c
    if c.field == ADDED:
        if c.table == "articles":
            raise CorrectionError("an article cannot be added by a correction: ingest its file instead")
        if not c.article_id or not c.evidence:
            raise CorrectionError("an added row needs the article_id and the evidence sentence it comes from")
        return replace(c, target_id="", value=json.dumps(added_row(c), ensure_ascii=False, sort_keys=True))
    if c.field == DELETED:
        return replace(c, value="")
    if c.field not in EDITABLE[c.table]:
        raise CorrectionError(f"'{c.field}' is not a column of {c.table} an analyst can correct: write one of "
                              f"{', '.join(EDITABLE[c.table])}, {DELETED} or {ADDED}")
    parse(c.table, c.field, c.value)
    return c


def _utc(text: str) -> str:
    """A time as ISO UTC (one without a zone is taken as UTC), so that times order as text."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise CorrectionError(f"made_at '{text}' is not a time: write it as 2026-03-02T10:00:00+00:00") from None
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).isoformat()


def parse(table: str, name: str, text: str):
    """A corrected value as the table holds it: a list for a list column; a checked date or choice."""
    kind = next(col.kind for col in TABLES[table].columns if col.name == name)
    if kind == "list":
        return [v.strip() for v in str(text).split(";") if v.strip()]
    text = str(text).strip()
    if kind == "date" and text and not (_DAY.fullmatch(text) and _is_day(text)):
        raise CorrectionError(f"{name} '{text}' is not a date: write it as YYYY-MM-DD, or leave it empty")
    if name == "grouping":
        parse_grouping(text)   # checked; kept as written
        return text
    if name in CHOICES and text not in CHOICES[name]:
        raise CorrectionError(f"{name} '{text}' is not one of {', '.join(v or '(empty)' for v in CHOICES[name])}")
    return text


APART = "apart"     # a grouping: the meeting is one of its own, whatever the rules would merge it with


def parse_grouping(text: str) -> dict | str:
    """A grouping as given: "" (as extracted), APART, or the meeting it is the same as, named by
    its article and a sentence of its evidence ({"article_id": ..., "evidence": ...})."""
    text = str(text or "").strip()
    if text in ("", APART):
        return text
    try:
        given = json.loads(text)
    except ValueError:
        given = None
    if not isinstance(given, dict) or not given.get("article_id") or not given.get("evidence"):
        raise CorrectionError(f"grouping '{text[:80]}' is neither '{APART}' nor the meeting it is the same as: "
                              'write {"article_id": "…", "evidence": "a sentence of that meeting"}')
    return {"article_id": str(given["article_id"]), "evidence": str(given["evidence"])}


def _is_day(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%d")
        return True
    except ValueError:
        return False


def added_row(c: Correction) -> dict:
    """The fields of an added row, checked: each an editable column of its table."""
    try:
        given = json.loads(c.value or "{}")
    except ValueError as exc:
        raise CorrectionError(f"the added row is not JSON ({exc}): write it as "
                              '{"participants": "A; B", "date": "2026-03-02"}') from None
    if not isinstance(given, dict):
        raise CorrectionError('the added row is not a JSON object: write it as {"column": "value", ...}')
    unknown = sorted(set(given) - set(EDITABLE[c.table]))
    if unknown:
        raise CorrectionError(f"the added row names {', '.join(unknown)}: a {c.table} row takes "
                              f"{', '.join(EDITABLE[c.table])}")
    row = {}
    for name, value in given.items():
        row[name] = LIST_SEP.join(map(str, value)) if isinstance(value, list) else str(value)
        parse(c.table, name, row[name])
    return row
