"""Reading and validating the data files, each problem reported as `file:line: what is wrong`.

Three formats, told apart by the file's ending:
  *.csv   one header row; the columns each file needs are declared in CSV_FILES
  *.json  an object whose values are lists, objects or strings; keys starting with "_" are notes
  *.txt   words or phrases separated by white space or new lines; "#" starts a comment
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.errors import LexiconError


@dataclass(frozen=True)
class CsvSpec:
    required: tuple[str, ...]                 # columns that must exist and be filled
    optional: tuple[str, ...] = ()            # columns that may exist, filled or not
    dates: tuple[str, ...] = ()               # YYYY-MM-DD when filled
    lists: tuple[str, ...] = ()               # ";"-separated, no empty or repeated item
    unique: tuple[str, ...] = ()              # a value may appear once in the file
    one_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: tuple[str, ...] = ()            # lists of lexicon patterns ("!" excludes, "*" any letters)


CSV_FILES: dict[str, CsvSpec] = {
    "people.csv": CsvSpec(("canonical",), ("aliases", "role", "country", "valid_from", "valid_to", "family"),
                          dates=("valid_from", "valid_to"), lists=("aliases",)),
    "titles.csv": CsvSpec(("pattern",), ("role", "country"), unique=("pattern",)),
    "countries.csv": CsvSpec(("canonical",), ("kind", "aliases", "demonyms", "capitals", "member_of"),
                             lists=("aliases", "demonyms", "capitals", "member_of"), unique=("canonical",),
                             one_of={"kind": ("", "country", "bloc", "group", "region", "territory")}),
    "organisations.csv": CsvSpec(("canonical",), ("aliases", "country", "kind"), lists=("aliases",),
                                 unique=("canonical",)),
    "taxonomy.csv": CsvSpec(("id", "patterns"), ("label",), lists=("patterns",), unique=("id",),
                            patterns=("patterns",)),
}

# JSON keys whose strings are regular expressions (validated by compiling them)
JSON_REGEX_KEYS: dict[str, frozenset[str]] = {}


@dataclass(frozen=True)
class Row:
    """One data row with where it came from, for error messages."""
    line: int
    values: dict[str, str]

    def get(self, column: str, default: str = "") -> str:
        return self.values.get(column, default) or default

    def __getitem__(self, column: str) -> str:
        return self.values[column]


def split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _where(path: Path, line: int | None = None) -> str:
    name = f"{path.parent.name}/{path.name}" if path.parent.name else path.name
    return f"{name}:{line}" if line else name


def _fail(path: Path, line: int | None, message: str) -> LexiconError:
    return LexiconError(f"{_where(path, line)}: {message}")


def read_csv(path: Path, text: str | None = None, spec: CsvSpec | None = None) -> list[Row]:
    """The rows of the CSV file `path` (or of `text`, named `path` in messages), checked against
    `spec` (by default the spec of the file's name)."""
    spec = spec or CSV_FILES.get(path.name)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _fail(path, None, f"not UTF-8 ({exc.reason}); save it as UTF-8") from None
    reader = csv.reader(text.splitlines())
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise _fail(path, 1, "the file is empty; it needs a header row") from None
    if spec is not None:
        missing = [c for c in spec.required if c not in header]
        if missing:
            raise _fail(path, 1, f"missing column(s) {', '.join(missing)}; the header must have "
                                 f"{', '.join(spec.required + spec.optional)}")
    rows: list[Row] = []
    seen: dict[tuple[str, str], int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            raise _fail(path, number, f"{len(cells)} cells for {len(header)} columns; quote a cell that holds a comma")
        values = {h: c.strip() for h, c in zip(header, cells) if h}
        if spec is not None:
            _check_row(path, number, values, spec, seen)
        rows.append(Row(number, values))
    return rows


def _check_row(path: Path, number: int, values: dict[str, str], spec: CsvSpec, seen: dict) -> None:
    for column in spec.required:
        if not values.get(column):
            raise _fail(path, number, f"'{column}' is empty")
    for column in spec.dates:
        value = values.get(column, "")
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise _fail(path, number, f"{column} '{value}' is not a date; write YYYY-MM-DD") from None
    for column in spec.lists:
        items = [v.strip() for v in values.get(column, "").split(";")]
        if values.get(column) and any(not v for v in items[:-1]):
            raise _fail(path, number, f"{column} has an empty item (two ';' in a row)")
        folded = [v for v in items if v]
        doubled = {v for v in folded if folded.count(v) > 1}
        if doubled:
            raise _fail(path, number, f"{column} repeats '{sorted(doubled)[0]}'")
    for column in spec.patterns:
        for pattern in split_list(values.get(column, "")):
            words = pattern[1:] if pattern.startswith("!") else pattern
            if not any(ch.isalnum() for ch in words):
                raise _fail(path, number, f"{column} has the pattern '{pattern}', which names no word "
                                          f"(it needs letters or digits besides '!' and '*')")
            if "!" in words:
                raise _fail(path, number, f"{column} has the pattern '{pattern}': '!' may only start a "
                                          f"pattern (an exclusion)")
    for column, allowed in spec.one_of.items():
        if values.get(column, "") not in allowed:
            raise _fail(path, number, f"{column} '{values[column]}' is not one of {', '.join(a for a in allowed if a)}")
    if "valid_from" in spec.dates and values.get("valid_from") and values.get("valid_to"):
        if values["valid_to"] < values["valid_from"]:
            raise _fail(path, number, "valid_to is before valid_from")
    for column in spec.unique:
        key = (column, values.get(column, "").lower())
        if key in seen:
            raise _fail(path, number, f"{column} '{values[column]}' already on line {seen[key]}")
        seen[key] = number


def _line_of(raw: str, needle: str) -> int | None:
    at = raw.find(needle)
    return raw.count("\n", 0, at) + 1 if at >= 0 else None


def read_json(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8-sig")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _fail(path, exc.lineno, f"not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise _fail(path, 1, "the file must hold one JSON object")
    regex_keys = JSON_REGEX_KEYS.get(path.name, frozenset())
    for key, value in data.items():
        if key.startswith("_"):
            continue
        line = _line_of(raw, json.dumps(key))
        strings = list(_strings(value))
        if any(not s.strip() for s in strings):
            raise _fail(path, line, f"'{key}' has an empty entry")
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            doubled = sorted({v for v in value if value.count(v) > 1})
            if doubled:
                raise _fail(path, _line_of(raw, json.dumps(doubled[0])) or line, f"'{key}' repeats {doubled[0]!r}")
        if key in regex_keys:
            for s in strings:
                try:
                    re.compile(s)
                except re.error as exc:
                    raise _fail(path, _line_of(raw, json.dumps(s)[1:-1]) or line,
                                f"'{key}' has a broken regular expression {s!r}: {exc.msg}") from None
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


def read_words(path: Path) -> list[str]:
    return [w for line in path.read_text(encoding="utf-8-sig").splitlines()
            for w in line.split("#", 1)[0].split()]


def read_folder(folder: Path) -> tuple[dict[str, list[Row]], dict[str, dict], dict[str, list[str]]]:
    """Every data file in `folder`: (CSV rows, JSON objects, word lists), each by file name."""
    if not folder.is_dir():
        raise LexiconError(f"{folder}: no such data folder; point --data at a folder like data/")
    missing = [name for name in CSV_FILES if not (folder / name).is_file()]
    if missing:
        raise LexiconError(f"{folder}: missing {', '.join(missing)}; copy them from the project's data/ folder")
    tables, objects, words = {}, {}, {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".csv":
            tables[path.name] = read_csv(path)
        elif path.suffix == ".json":
            objects[path.name] = read_json(path)
        elif path.suffix == ".txt":
            words[path.name] = read_words(path)
    return tables, objects, words
