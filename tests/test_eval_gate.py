"""The evaluation gate: the dev-set score may not fall below its floors.

The pipeline ingests the seed articles and the dev-set articles beside the
project (`../shared`, or the folder TRADE_TALKS_SHARED names), exports its
four tables and runs the dev set's own scorer; every figure must reach its
floor in eval_floors.json, and leaked boilerplate must stay under its ceiling.

The floors belong to one version of the dev set, recorded by digest: when the
dev set changes the gate fails until the floors are pinned again. Each pin in
eval_floors.json is kept; a later pin on the same dev set may only raise a
floor (or lower a ceiling).
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, SHARED

SEEDS = SHARED / "seeds"
DEVSET = SHARED / "eval" / "devset"
SCORER = SHARED / "eval" / "score.py"
FLOORS_FILE = Path(__file__).with_name("eval_floors.json")
TABLES = ("articles", "meetings", "quotes", "tags")
SAMPLES = ROOT / "data" / "samples"

# figure -> (first word of the scorer's summary line, the pattern of its printed value)
FIGURES = {
    "meetings_f1": ("meetings", r"\bF1 ([\d.]+)"),
    "exact_parties": ("meetings", r"\bexact parties ([\d.]+)"),
    "date": ("meetings", r"\bdate ([\d.]+)"),
    "location": ("meetings", r"\blocation ([\d.]+)"),
    "quotes_f1": ("quotes", r"\bF1 ([\d.]+)"),
    "reported_recall": ("quotes", r"\breported recall ([\d.]+)"),
    "speaker": ("quotes", r"\bspeaker ([\d.]+)"),
    "tags_f1": ("tags", r"\bF1 ([\d.]+)"),
    "junk_leaked": ("cleaning", r"\bjunk leaked (\d+)/"),
}


def devset_digest(shared: Path) -> str:
    """sha256 over every file under eval/devset/ and seeds/: relative path and content, by path."""
    files = [p for folder in (shared / "eval" / "devset", shared / "seeds")
             for p in folder.rglob("*") if p.is_file()]
    digest = hashlib.sha256()
    for rel, path in sorted((p.relative_to(shared).as_posix(), p) for p in files):
        digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def figures(printed: str, names=None) -> dict[str, float]:
    """The gated figures (or only those named) from the scorer's summary lines (the unindented ones)."""
    lines = {line.split(None, 1)[0]: line for line in printed.splitlines() if line[:1].isalpha()}
    found = {}
    for name in FIGURES if names is None else names:
        line, pattern = FIGURES[name]
        match = re.search(pattern, lines.get(line, ""))
        assert match, f"the scorer printed no {name} figure on its '{line}' line:\n{printed}"
        found[name] = float(match.group(1))
    return found


def shortfalls(score: dict[str, float], pin: dict) -> list[str]:
    """Each figure below its floor or above its ceiling."""
    return ([f"{name} {score[name]:g} is below its floor {floor:g}"
             for name, floor in pin["floors"].items() if score[name] < floor]
            + [f"{name} {score[name]:g} is above its ceiling {ceiling:g}"
               for name, ceiling in pin["ceilings"].items() if score[name] > ceiling])


def lowered(pins: list[dict]) -> list[str]:
    """Each bound a later pin on the same dev set loosened (or dropped) from an earlier one."""
    found = []
    for i, pin in enumerate(pins):
        for j, earlier in enumerate(pins[:i]):
            if earlier["devset_sha256"] != pin["devset_sha256"]:
                continue   # a changed dev set starts its floors afresh
            for kind, looser in (("floors", float.__lt__), ("ceilings", float.__gt__)):
                for name, bound in earlier[kind].items():
                    now = pin[kind].get(name)
                    if now is None or looser(float(now), float(bound)):
                        found.append(f"pin {i + 1} sets {kind[:-1]} {name} to {now}, "
                                     f"pin {j + 1} had {bound}")
    return found


def pinned() -> dict:
    """The latest pin: the dev-set digest and the floors and ceilings that hold now."""
    return json.loads(FLOORS_FILE.read_text("utf-8"))["pins"][-1]


# --- the gate -----------------------------------------------------------------------
def test_dev_set_score_reaches_every_floor(shared, tmp_path, cli, terminal_summary):
    started = time.monotonic()
    store, export = tmp_path / "store", tmp_path / "export"
    export.mkdir()
    ran = cli("ingest", SEEDS, DEVSET / "articles", "--store", store)
    assert ran.code == 0, ran.err
    for table in TABLES:
        ran = cli("export", table, "--store", store, "--out", export / f"{table}.csv")
        assert ran.code == 0, ran.err
    scored = subprocess.run([sys.executable, str(SCORER), str(export), str(DEVSET)],
                            capture_output=True, text=True, timeout=600)
    assert scored.returncode == 0, scored.stderr
    score = figures(scored.stdout)
    took = time.monotonic() - started
    terminal_summary["dev-set score"] = [
        *(line for line in scored.stdout.splitlines() if line[:1].isalpha()),
        f"(evaluation gate: {took:.1f} s; every miss: {sys.executable} {SCORER} {export} {DEVSET})"]

    pin, digest = pinned(), devset_digest(shared)
    assert digest == pin["devset_sha256"], (
        f"the dev set changed (digest {digest}, floors pinned on {pin['devset_sha256']}): re-pin the "
        f"floors by adding a pin to {FLOORS_FILE.name} with this digest and today's figures {score}")
    failed = shortfalls(score, pin)
    assert not failed, ("the dev-set score fell: " + "; ".join(failed)
                        + f". Every miss: {sys.executable} {SCORER} {export} {DEVSET}")


def test_demo_seeds_are_the_dev_set_seeds_byte_for_byte(shared):
    for seed in sorted((shared / "seeds").glob("*.txt")):
        assert (SAMPLES / seed.name).read_bytes() == seed.read_bytes(), seed.name


# --- the floors file ----------------------------------------------------------------
def test_floors_only_move_up():
    pins = json.loads(FLOORS_FILE.read_text("utf-8"))["pins"]
    assert pins, f"{FLOORS_FILE.name} holds no pin"
    for pin in pins:
        assert set(pin["floors"]) | set(pin["ceilings"]) == set(FIGURES), pin
        assert not set(pin["floors"]) & set(pin["ceilings"]), pin
        assert re.fullmatch(r"[0-9a-f]{64}", pin["devset_sha256"]), pin
    assert lowered(pins) == []


def test_a_lowered_floor_or_raised_ceiling_is_caught():
    first = {"devset_sha256": "a" * 64, "floors": {"meetings_f1": 0.8}, "ceilings": {"junk_leaked": 30}}
    raised = {"devset_sha256": "a" * 64, "floors": {"meetings_f1": 0.85}, "ceilings": {"junk_leaked": 25}}
    loosened = {"devset_sha256": "a" * 64, "floors": {"meetings_f1": 0.82}, "ceilings": {"junk_leaked": 26}}
    assert lowered([first, raised]) == []
    assert len(lowered([first, raised, loosened])) == 2       # below the second pin's floor and ceiling
    assert len(lowered([first, {**raised, "floors": {}}])) == 1  # a floor dropped is a floor lowered
    other_set = {**loosened, "devset_sha256": "b" * 64, "floors": {"meetings_f1": 0.5}}
    assert lowered([first, raised, other_set]) == []


def test_figures_are_read_from_the_scorer_summary():
    printed = ("articles scored: 3\n"
               "meetings  P 0.90 R 0.80 F1 0.85  all parties 0.9  exact parties 0.81  date 0.7  "
               "location 0.75  mode 1.0  status 1.0\n"
               "quotes    P 0.9 R 0.8 F1 0.84  direct recall 0.9  reported recall 0.75  speaker 0.95  kind 1.0\n"
               "tags      P 1.00 R 1.00 F1 1.00\n"
               "cleaning  junk leaked 4/20  articles free of repeated paragraphs 3/3\n"
               "  missed meeting: x.txt: date 0.1 F1 0.2\n")
    assert figures(printed) == {"meetings_f1": 0.85, "exact_parties": 0.81, "date": 0.7, "location": 0.75,
                                "quotes_f1": 0.84, "reported_recall": 0.75, "speaker": 0.95, "tags_f1": 1.0,
                                "junk_leaked": 4}
    pin = {"floors": {"meetings_f1": 0.85, "date": 0.75}, "ceilings": {"junk_leaked": 3}}
    assert shortfalls(figures(printed), pin) == ["date 0.7 is below its floor 0.75",
                                                 "junk_leaked 4 is above its ceiling 3"]
