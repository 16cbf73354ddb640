"""Sharing the taxonomy and the people list as CSV: what an imported file changes, and applying it.

An import adds and updates rows, never deletes: a row only in the folder's file is kept.
A taxonomy row is a tag, known by its id (any case, as `set_tag` matches it): an imported tag
is added, or its label and patterns replace the folder's. A people row is an office of a
person, known by its canonical name, role and valid_from (a person has a row per office):
the imported row's aliases join the existing row's, and its other filled cells replace the
row's (an empty cell keeps what the folder has). A row naming a person without an office
gives its aliases (and family name) to every row of that person; an office of a person whose only row has no
office yet fills that row in. Anything else is added.

So importing a file a second time finds nothing to change and writes nothing. The imported
file is checked on its own first (`DataImportError` naming the file and line), then the
merged rows are checked and written as any edit (`pipeline.lexicon.edits.propose`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import DataImportError, LexiconError
from pipeline.lexicon.edits import Edit, Rows, parse_rows, propose, read_rows, save_edit
from pipeline.lexicon.files import CSV_FILES, read_csv, split_list
from pipeline.lexicon.lexicon import Lexicon

SHARED = ("taxonomy.csv", "people.csv")
MERGED_LISTS = {"people.csv": ("aliases",)}     # list columns whose items join instead of replacing
_PERSON_WIDE = ("aliases", "family")            # what a people row without an office gives every office


@dataclass(frozen=True)
class RowChange:
    """One row an import adds or updates: its rows before (empty when added) and after."""
    key: str
    before: dict[str, str]
    after: dict[str, str]

    @property
    def added(self) -> bool:
        return not self.before

    @property
    def columns(self) -> list[str]:
        """The columns whose value changes (every filled one when the row is added)."""
        return [c for c, v in self.after.items() if v != self.before.get(c, "")]

    def items(self, column: str) -> tuple[list[str], list[str]]:
        """The items of a list column (patterns, aliases) the row gains and loses."""
        old, new = split_list(self.before.get(column, "")), split_list(self.after.get(column, ""))
        return [i for i in new if i not in old], [i for i in old if i not in new]


@dataclass(frozen=True)
class Import:
    """What importing the file `source` into the data file `name` changes."""
    name: str
    source: str
    table: Rows                        # the folder's file as read
    rows: tuple[dict[str, str], ...]   # its rows after the import
    changes: tuple[RowChange, ...]
    unchanged: int                     # imported rows already in the folder's file as they are
    kept: int                          # rows of the folder's file the imported one does not name

    @property
    def added(self) -> list[RowChange]:
        return [c for c in self.changes if c.added]

    @property
    def updated(self) -> list[RowChange]:
        return [c for c in self.changes if not c.added]


def decode(data: bytes, source: str) -> str:
    """The text of an imported file; `DataImportError` when it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataImportError(f"{Path(source).name}: not UTF-8 text; save it as CSV UTF-8 and import it again") from None


def read_import(name: str, data: bytes, source: str) -> Rows:
    """The rows of a file to import into the data file `name`, checked as that file is (columns,
    dates, lists, patterns); a problem raises `DataImportError` naming `source:line`."""
    if name not in SHARED:
        raise DataImportError(f"{name}: not a data file that can be imported; import {' or '.join(SHARED)}")
    text = decode(data, source)
    try:
        read_csv(Path(Path(source).name), text, CSV_FILES[name])
    except LexiconError as exc:
        raise DataImportError(str(exc)) from None
    return parse_rows(text)


def _updated(name: str, row: dict[str, str], cells: dict[str, str]) -> dict[str, str]:
    """`row` with the filled `cells` of an imported row: list columns of MERGED_LISTS join, the
    others replace; a column `row` does not have is left out."""
    out = dict(row)
    for column, value in cells.items():
        if column not in row or not value:
            continue
        if column in MERGED_LISTS.get(name, ()):
            items = split_list(out[column])
            own = {out.get("canonical", "")}
            items += [i for i in split_list(value) if i not in items and i not in own]
            value = ";".join(items)
        out[column] = value
    return out


def tag_places(rows: list[dict[str, str]], row: dict[str, str]) -> list[int]:
    """The position in `rows` of the tag an imported taxonomy row updates (none: it is added)."""
    key = row.get("id", "").strip().lower()
    return [i for i, r in enumerate(rows) if r.get("id", "").strip().lower() == key][:1]


def _office_key(row: dict[str, str]) -> tuple[str, str, str]:
    return row.get("canonical", ""), row.get("role", ""), row.get("valid_from", "")


def person_places(rows: list[dict[str, str]], row: dict[str, str]) -> list[int]:
    """The positions in `rows` an imported people row updates (none: it is added)."""
    exact = [i for i, r in enumerate(rows) if _office_key(r) == _office_key(row)]
    if exact:
        return exact[:1]
    person = [i for i, r in enumerate(rows) if r.get("canonical") == row.get("canonical")]
    if not row.get("role") and not row.get("valid_from"):
        return person
    if len(person) == 1 and not rows[person[0]].get("role") and not rows[person[0]].get("valid_from"):
        return person
    return []


def _label(name: str, row: dict[str, str]) -> str:
    if name == "taxonomy.csv":
        return row.get("id", "")
    office = ", ".join(v for v in (row.get("role", ""), row.get("valid_from", "") and "from " + row["valid_from"]) if v)
    return f"{row.get('canonical', '')} ({office})" if office else row.get("canonical", "")


def _added(name: str, header: tuple[str, ...], rows: list[dict[str, str]], cells: dict[str, str]) -> dict[str, str]:
    """A new row of the folder's file from an imported one; another office of a known person
    takes that person's aliases too."""
    new = {h: "" for h in header}
    same = [r for r in rows if name == "people.csv" and r.get("canonical") == cells.get("canonical")]
    if same:
        new = _updated(name, new, {"aliases": same[0].get("aliases", "")})
    return _updated(name, new, cells)


def _given(name: str, cells: dict[str, str]) -> dict[str, str]:
    """What an imported row gives the rows it updates: all but the tag id (the folder's spelling
    stays); a people row without an office only its aliases and family name."""
    if name == "people.csv" and not (cells.get("role") or cells.get("valid_from")):
        return {k: v for k, v in cells.items() if k in _PERSON_WIDE}
    return {k: v for k, v in cells.items() if k != "id"}


def plan_import(folder: Path | str, name: str, data: bytes, source: str) -> Import:
    """What importing `data` (the file `source`) into the folder's data file `name` would change."""
    imported = read_import(name, data, source)
    table = read_rows(folder, name)
    places_of = tag_places if name == "taxonomy.csv" else person_places
    rows = list(table.rows)
    origin: dict[int, dict[str, str]] = {}      # position -> the folder's row before the import
    unchanged = 0
    for cells in imported.rows:
        places = places_of(rows, cells)
        if not places:
            rows.append(_added(name, table.header, rows, cells))
            continue
        changed = False
        given = _given(name, cells)
        for i in places:
            origin.setdefault(i, rows[i])
            after = _updated(name, rows[i], given)
            changed |= after != rows[i]
            rows[i] = after
        unchanged += not changed
    old = len(table.rows)
    changes = [RowChange(_label(name, rows[i]), origin[i], rows[i])
               for i in sorted(origin) if i < old and rows[i] != origin[i]]
    changes += [RowChange(_label(name, r), {}, r) for r in rows[old:]]
    kept = old - len([i for i in origin if i < old])
    return Import(name, source, table, tuple(rows), tuple(changes), unchanged, kept)


def propose_import(folder: Path | str, plan: Import) -> Edit | None:
    """The import as a checked edit of the folder's file (`LexiconError` naming `file:line` if the
    rows after it are broken), or None when it changes nothing."""
    if not plan.changes:
        return None
    return propose(folder, plan.name, plan.table, plan.rows)


def apply_import(folder: Path | str, name: str, data: bytes, source: str) -> tuple[Import, Lexicon | None]:
    """Import `data` into the folder's file `name`: checked, then written atomically; the plan and
    the new lexicon (None, and nothing written, when the import changes nothing)."""
    plan = plan_import(folder, name, data, source)
    edit = propose_import(folder, plan)
    return plan, (save_edit(folder, edit) if edit is not None else None)


def export_bytes(folder: Path | str, name: str) -> bytes:
    """The folder's data file `name` as it is, to share."""
    if name not in SHARED:
        raise DataImportError(f"{name}: not a data file that can be shared; export {' or '.join(SHARED)}")
    return (Path(folder) / name).read_bytes()
