"""Editing the data folder's CSV files from the dashboard: the taxonomy and the people list.

An edit is worked out on the rows of one file (`read_rows`, then `set_tag`, `merge_people`,
`split_person`, `set_office`), written back as CSV text (`render_rows`) and saved by
`save_data_file`, which first loads the whole lexicon from a temporary copy of the folder
holding the new text: a broken row raises `LexiconError` naming `file:line` and nothing is
written. The file is then replaced atomically (a temporary file renamed over it), and only
if it still holds the text the edit started from, so that two people editing at once do
not overwrite each other's change unseen.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import LexiconError
from pipeline.lexicon.files import CSV_FILES, split_list
from pipeline.lexicon.lexicon import Lexicon

_WRITING = threading.Lock()     # one save at a time in this process: check and rename together


@dataclass(frozen=True)
class Rows:
    """One CSV data file as edited: its header (order kept), its rows and the text they came from."""
    header: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    text: str

    @property
    def digest(self) -> str:
        return text_digest(self.text)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_rows(folder: Path | str, name: str) -> Rows:
    """The rows of the data file `name` in `folder` (blank lines dropped, every column kept)."""
    return parse_rows((Path(folder) / name).read_text(encoding="utf-8-sig"))


def parse_rows(text: str) -> Rows:
    """The rows of CSV text, as `read_rows` gives them."""
    reader = csv.reader(io.StringIO(text))
    header = tuple(h.strip() for h in next(reader, []))
    rows = tuple({h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
                 for cells in reader if any(c.strip() for c in cells))
    return Rows(header, rows, text)


def render_rows(header: tuple[str, ...], rows: tuple[dict[str, str], ...] | list[dict[str, str]]) -> str:
    """CSV text of `rows` under `header`: a cell is quoted only when it holds a comma or quote."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, "") for h in header])
    return out.getvalue()


@dataclass(frozen=True)
class Edit:
    """A checked change of one data file, ready to save: its new text, the digest of the text it
    was made on, and the lexicon the folder gives with it."""
    name: str
    text: str
    digest: str
    lexicon: Lexicon


def propose(folder: Path | str, name: str, table: Rows, rows: tuple[dict[str, str], ...]) -> Edit:
    """`rows` as the new content of the file `name`, checked (`LexiconError` if broken)."""
    text = render_rows(table.header, rows)
    return Edit(name, text, table.digest, check_data_file(folder, name, text))


def save_edit(folder: Path | str, edit: Edit) -> Lexicon:
    """Write a proposed edit (see `save_data_file`); the lexicon it was checked with."""
    save_data_file(folder, edit.name, edit.text, edit.digest)
    return edit.lexicon


def _joined(items: list[str]) -> str:
    return ";".join(items)


# --- checking and saving ---------------------------------------------------------------------
def check_data_file(folder: Path | str, name: str, text: str) -> Lexicon:
    """The lexicon the folder would give with `text` as its file `name`, read from a temporary
    copy; a problem raises `LexiconError` naming the file and line as in the folder itself."""
    folder = Path(folder)
    if name not in CSV_FILES:
        raise LexiconError(f"{name}: not a data file that can be edited here")
    with tempfile.TemporaryDirectory(prefix="ttm-edit-") as tmp:
        copy = Path(tmp) / folder.name          # same folder name, so messages read "data/taxonomy.csv:3"
        copy.mkdir()
        for path in folder.iterdir():
            if path.is_file() and path.suffix in (".csv", ".json", ".txt"):
                shutil.copyfile(path, copy / path.name)
        (copy / name).write_text(text, encoding="utf-8")
        lexicon = Lexicon.load(copy)
        lexicon.folder = folder
        return lexicon


def save_data_file(folder: Path | str, name: str, text: str, expected_digest: str | None = None) -> Lexicon:
    """Check `text` (see `check_data_file`), then replace the file `name` with it atomically.

    With `expected_digest`, the file must still hold the text of that digest (the text the edit
    was made on); if someone saved another change since, `LexiconError` asks to reload.
    Returns the new lexicon (checked, not yet compiled)."""
    folder = Path(folder)
    lexicon = check_data_file(folder, name, text)
    path = folder / name
    with _WRITING:
        if expected_digest is not None:
            now = path.read_text(encoding="utf-8-sig") if path.exists() else ""
            if text_digest(now) != expected_digest:
                raise LexiconError(f"{folder.name}/{name}: changed since this page read it; "
                                   f"reload the page and make the edit again")
        tmp = path.with_name(f".{name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            if path.exists():
                shutil.copymode(path, tmp)
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()
    return lexicon


# --- the taxonomy -------------------------------------------------------------------------------
def tag_patterns(text: str) -> list[str]:
    """Patterns typed one per line or separated by ";", blanks dropped."""
    return [p.strip() for line in text.splitlines() for p in line.split(";") if p.strip()]


def set_tag(table: Rows, tag_id: str, label: str, patterns: list[str], new: bool = False) -> tuple[dict[str, str], ...]:
    """The taxonomy's rows with the tag `tag_id` given this label and these patterns: in its
    place if it exists, else added at the end. With `new`, an existing id is refused."""
    row = {"id": tag_id.strip(), "label": label.strip(), "patterns": _joined(patterns)}
    if row["id"] and not re.fullmatch(r"[\w\-]+", row["id"]):
        raise LexiconError(f"the tag id '{row['id']}' may hold only letters, digits, '_' and '-' (it is exported "
                           f"in lists and file names)")
    rows = list(table.rows)
    for i, old in enumerate(rows):
        if old.get("id", "").strip().lower() == row["id"].lower():
            if new:
                raise LexiconError(f"the tag id '{row['id']}' is taken; pick it from the list to edit it")
            rows[i] = {**old, **row, "id": old["id"]}
            return tuple(rows)
    return (*rows, {h: row.get(h, "") for h in table.header} | row)


def tag_row(table: Rows, tag_id: str) -> dict[str, str] | None:
    return next((r for r in table.rows if r.get("id") == tag_id), None)


# --- people -------------------------------------------------------------------------------------
def names_of(row: dict[str, str]) -> list[str]:
    return [row.get("canonical", ""), *split_list(row.get("aliases", ""))]


def person_rows(table: Rows, canonical: str) -> list[int]:
    """Positions of the rows of this person (one per office held)."""
    return [i for i, r in enumerate(table.rows) if r.get("canonical") == canonical]


def _add_aliases(row: dict[str, str], names: list[str]) -> dict[str, str]:
    aliases = split_list(row.get("aliases", ""))
    for name in names:
        if name != row.get("canonical") and name not in aliases:
            aliases.append(name)
    return {**row, "aliases": _joined(aliases)}


def merge_people(table: Rows, source: str, target: str) -> tuple[dict[str, str], ...]:
    """`source` made another name of `target`: its name and aliases join the aliases of every row
    of `target`, and its own rows go (an office only `source` held is kept as `target`'s)."""
    if source == target:
        raise LexiconError("pick two different people to merge")
    src, dst = person_rows(table, source), person_rows(table, target)
    if not src or not dst:
        raise LexiconError(f"'{source if not src else target}' is not in people.csv")
    names: list[str] = []
    for i in src:
        names += [n for n in names_of(table.rows[i]) if n not in names]
    offices = {(table.rows[i].get("role", ""), table.rows[i].get("valid_from", ""), table.rows[i].get("valid_to", ""))
               for i in dst}
    out: list[dict[str, str]] = []
    for i, row in enumerate(table.rows):
        if i in dst:
            out.append(_add_aliases(row, names))
        elif i in src:
            office = (row.get("role", ""), row.get("valid_from", ""), row.get("valid_to", ""))
            if row.get("role") and office not in offices:
                kept = _add_aliases({**row, "canonical": target, "aliases": table.rows[dst[0]].get("aliases", ""),
                                     "family": table.rows[dst[0]].get("family", "")}, names)
                out.append(kept)
                offices.add(office)
        else:
            out.append(row)
    return tuple(out)


def split_person(table: Rows, person: str, alias: str, with_aliases: list[str] = ()) -> tuple[dict[str, str], ...]:
    """The alias `alias` of `person` made a person of its own (a wrong merge undone): it and
    `with_aliases` leave every row of `person`; a new row names it, with `with_aliases` as its
    aliases and `person`'s country (its office is set afterwards)."""
    rows = person_rows(table, person)
    if not rows:
        raise LexiconError(f"'{person}' is not in people.csv")
    moving = [alias, *[a for a in with_aliases if a != alias]]
    known = {a for i in rows for a in split_list(table.rows[i].get("aliases", ""))}
    missing = [a for a in moving if a not in known]
    if missing:
        raise LexiconError(f"'{missing[0]}' is not an alias of {person}")
    if any(r.get("canonical") == alias for r in table.rows):
        raise LexiconError(f"'{alias}' is already a person of its own in people.csv")
    out: list[dict[str, str]] = []
    for i, row in enumerate(table.rows):
        if i in rows:
            row = {**row, "aliases": _joined([a for a in split_list(row.get("aliases", "")) if a not in moving])}
        out.append(row)
    first = table.rows[rows[0]]
    new = {h: "" for h in table.header} | {"canonical": alias, "aliases": _joined(moving[1:]),
                                           "country": first.get("country", "")}
    at = rows[-1] + 1
    return tuple(out[:at] + [new] + out[at:])


def set_office(table: Rows, index: int, role: str, country: str, valid_from: str, valid_to: str,
               add: bool = False) -> tuple[dict[str, str], ...]:
    """Row `index` given this role, country and dates; with `add`, a new row of the same person
    (another office) right after it instead. Dates are YYYY-MM-DD or empty."""
    row = table.rows[index]
    office = {"role": role.strip(), "country": country.strip(), "valid_from": valid_from.strip(),
              "valid_to": valid_to.strip()}
    rows = list(table.rows)
    if add:
        rows.insert(index + 1, {**row, **office})
    else:
        rows[index] = {**row, **office}
    return tuple(rows)
