"""Fixtures shared by the test files."""
from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Callable, NamedTuple

import pytest

from pipeline.cli import main
from pipeline.lexicon.lexicon import Lexicon
from pipeline.store.parquet import Store

ROOT = Path(__file__).resolve().parent.parent
# The folder holding seeds/ and eval/ (the dev set and its scorer): beside the project, or named.
SHARED = Path(os.environ.get("TRADE_TALKS_SHARED") or ROOT.parent / "shared")


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The project's own data folder, read once for the whole run."""
    return Lexicon.load()


@pytest.fixture(scope="session")
def samples() -> Path:
    """The demo corpus, data/samples (it holds the two seed articles too)."""
    return ROOT / "data" / "samples"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the data folder (without the demo corpus) that a test may edit."""
    import shutil
    from pipeline.lexicon.lexicon import DEFAULT_DATA
    return Path(shutil.copytree(DEFAULT_DATA, tmp_path / "data", ignore=shutil.ignore_patterns("samples")))


@pytest.fixture
def store(tmp_path) -> Store:
    """An empty store in a folder of its own."""
    return Store(tmp_path / "store")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def shared() -> Path:
    """The folder holding seeds/ and eval/; CI fails without it, a local run skips."""
    needed = (SHARED / "seeds", SHARED / "eval" / "devset" / "articles", SHARED / "eval" / "score.py")
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        reason = (f"the dev set is not beside the project ({', '.join(missing)} missing); "
                  f"set TRADE_TALKS_SHARED to the folder holding seeds/ and eval/")
        if in_ci():
            pytest.fail(f"{reason}. CI must run the evaluation gate.", pytrace=False)
        pytest.skip(reason)
    return SHARED


class Ran(NamedTuple):
    """What one command-line call gave back."""
    code: int
    out: str
    err: str


@pytest.fixture
def cli() -> Callable[..., Ran]:
    """Run `python -m pipeline ARGS...` in this process: cli("stats", "--store", path)."""
    def run(*args: object) -> Ran:
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")  # export writes bytes
        err = io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse rejects a usage error this way
                code = exc.code if isinstance(exc.code, int) else 1
            out.flush()
        return Ran(code, out.buffer.getvalue().decode("utf-8"), err.getvalue())
    return run


# --- lines printed after pytest's own summary ------------------------------------
_SUMMARY = pytest.StashKey[dict]()


@pytest.fixture
def terminal_summary(request) -> dict[str, list[str]]:
    """Section title -> lines printed at the end of the run, even when output is captured."""
    return request.config.stash.setdefault(_SUMMARY, {})


def pytest_terminal_summary(terminalreporter, config) -> None:
    for title, lines in config.stash.get(_SUMMARY, {}).items():
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)
