"""tests/MECHANISMS.md maps every extraction mechanism to the invented tests that cover it: each
node id it names exists, every mechanism 1-24 has a positive and a negative that are expected to
pass, the known gaps are strict xfails, and nothing listed is a dev-set regression test."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "tests" / "MECHANISMS.md"
MECHANISMS = range(1, 25)
_NODE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
_ROW = re.compile(r"^\|\s*(\d+)\s*\|")


def _table() -> dict[int, dict[str, list[tuple[str, str]]]]:
    """Mechanism number -> {"positive", "negative", "gap"} -> (file, function) pairs."""
    rows: dict[int, dict[str, list[tuple[str, str]]]] = {}
    for line in MAP.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if not m:
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        assert len(cells) == 5, f"row {m.group(1)} should have 5 cells: {line[:80]}"
        number = int(m.group(1))
        assert number not in rows, f"mechanism {number} is listed twice"
        rows[number] = {kind: _NODE.findall(cell) for kind, cell in zip(("positive", "negative", "gap"), cells[2:])}
    return rows


def _function(path: str, name: str):
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    return getattr(module, name, None)


def _xfail(fn) -> dict | None:
    marks = [m for m in getattr(fn, "pytestmark", []) if m.name == "xfail"]
    return marks[0].kwargs if marks else None


@pytest.fixture(scope="module")
def table():
    return _table()


def test_every_mechanism_has_a_row(table):
    assert sorted(table) == list(MECHANISMS)


@pytest.mark.parametrize("number", MECHANISMS)
def test_every_mechanism_has_a_positive_and_a_negative(table, number):
    assert table[number]["positive"], f"mechanism {number} lists no positive test"
    assert table[number]["negative"], f"mechanism {number} lists no negative test"


def test_every_listed_test_exists_outside_the_regression_folder(table):
    missing, regression = [], []
    for number, kinds in table.items():
        for path, name in (node for nodes in kinds.values() for node in nodes):
            if path.startswith("tests/regression/"):
                regression.append(f"{number}: {path}::{name}")
            elif not (ROOT / path).is_file() or not callable(_function(path, name)):
                missing.append(f"{number}: {path}::{name}")
            elif not re.search(rf"^def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.M):
                missing.append(f"{number}: {path}::{name} (not a module-level test function)")
    assert not missing, "listed in MECHANISMS.md but not found: " + ", ".join(missing)
    assert not regression, "dev-set regression tests do not count: " + ", ".join(regression)


def test_coverage_is_expected_to_pass_and_gaps_are_strict_xfails(table):
    for number, kinds in table.items():
        for path, name in kinds["positive"] + kinds["negative"]:
            assert _xfail(_function(path, name)) is None, f"{number}: {path}::{name} is an xfail, not coverage"
        for path, name in kinds["gap"]:
            mark = _xfail(_function(path, name))
            assert mark is not None and mark.get("strict") is True, f"{number}: {path}::{name} is no strict xfail"
