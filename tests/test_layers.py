"""The library stands without the dashboard: nothing under pipeline/ imports Streamlit."""
from __future__ import annotations

import ast
from pathlib import Path

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_library_module_imports_streamlit():
    offenders = [str(path.relative_to(PIPELINE.parent)) for path in sorted(PIPELINE.rglob("*.py"))
                 if any(m == "streamlit" or m.startswith("streamlit.") for m in imported_modules(path))]
    assert offenders == []

