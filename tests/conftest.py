"""Fixtures shared by the test files."""
from __future__ import annotations

import pytest

from pipeline.lexicon.lexicon import Lexicon


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The project's own data folder, read once for the whole run."""
    return Lexicon.load()
