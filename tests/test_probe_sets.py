"""Invented probe sets: short articles written for one mechanism each, scored like the dev set.

Each folder under tests/probes/ holds `articles/` and gold rows in the dev set's format
(meetings.csv, quotes.csv, tags.csv, clean.csv). The articles are invented, never taken from a
news page, so they measure whether a rule holds on wording it was not written against. Each set
must reach the floors pinned for it in tests/probes/floors.json (same figure names as the
evaluation gate); a set without a pin fails until its figures are pinned. A set may annotate
only some tables (a meetings probe need not list quotes): only the figures pinned for it count.
A set pinned with "kept_apart" is never read while rules are written: its failures show figures only.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_eval_gate import FIGURES, SCORER, TABLES, figures, shortfalls

PROBES = Path(__file__).with_name("probes")
FLOORS_FILE = PROBES / "floors.json"
GOLD_HEADERS = {"meetings": "origin,parties,date,location,mode,status,note",
                "quotes": "origin,speaker,kind,optional,text",
                "tags": "origin,tags",
                "clean": "origin,junk,repeated_paragraphs"}
SETS = sorted(p.name for p in PROBES.iterdir() if (p / "articles").is_dir()) if PROBES.is_dir() else []


def pins() -> dict:
    return {k: v for k, v in json.loads(FLOORS_FILE.read_text("utf-8")).items() if not k.startswith("_")}


def articles_of(name: str) -> list[str]:
    return sorted(p.name for p in (PROBES / name / "articles").iterdir() if p.is_file())


def gold_folder(probe: Path, into: Path) -> Path:
    """The set's gold csvs; a table the set leaves out is empty, and without clean.csv every
    article is listed with no junk (the scorer scores the articles clean.csv lists)."""
    into.mkdir()
    for name, header in GOLD_HEADERS.items():
        source = probe / f"{name}.csv"
        rows = ([f"{article},,1" for article in articles_of(probe.name)] if name == "clean" else [])
        text = source.read_text("utf-8") if source.exists() else "\n".join([header, *rows]) + "\n"
        (into / f"{name}.csv").write_text(text, "utf-8")
    return into


def test_a_probe_set_lists_exactly_its_articles_in_clean_csv():
    for name in SETS:
        listed = PROBES / name / "clean.csv"
        if listed.exists():
            lines = listed.read_text("utf-8").splitlines()[1:]
            assert set(articles_of(name)) == {line.split(",", 1)[0] for line in lines if line}, name


@pytest.mark.parametrize("name", SETS)
def test_probe_set_reaches_its_floors(name, shared, tmp_path, cli, terminal_summary):
    probe = PROBES / name
    export = tmp_path / "export"
    export.mkdir()
    ran = cli("ingest", probe / "articles", "--store", tmp_path / "store")
    assert ran.code == 0, ran.err
    for table in TABLES:
        ran = cli("export", table, "--store", tmp_path / "store", "--out", export / f"{table}.csv")
        assert ran.code == 0, ran.err
    gold = gold_folder(probe, tmp_path / "gold")
    scored = subprocess.run([sys.executable, str(SCORER), str(export), str(gold)],
                            capture_output=True, text=True, timeout=300)
    assert scored.returncode == 0, scored.stderr
    summary = [line for line in scored.stdout.splitlines() if line[:1].isalpha()]
    terminal_summary[f"probe set {name}"] = summary
    pin = pins().get(name)
    assert pin, f"probe set {name} has no floors in {FLOORS_FILE.name}:\n" + "\n".join(summary)
    assert set(pin["floors"]) | set(pin["ceilings"]) <= set(FIGURES), pin
    score = figures(scored.stdout, [*pin["floors"], *pin["ceilings"]])
    failed = shortfalls(score, pin)
    # a set kept apart from rule writing shows its figures only, never its misses
    shown = "\n".join(summary) if pin.get("kept_apart") else scored.stdout
    assert not failed, f"probe set {name} fell: " + "; ".join(failed) + f"\n{shown}"


def test_the_sets_kept_apart_are_pinned_as_kept_apart():
    """A holdout's failure must show its figures only: whoever runs the suite may not read its misses."""
    kept = {name for name, pin in pins().items() if pin.get("kept_apart")}
    assert {name for name in SETS if "holdout" in name} <= kept
