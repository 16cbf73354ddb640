"""Rules of the layout that keep processing a pure function of article and lexicon, and the data documented."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = sorted((ROOT / "pipeline").rglob("*.py"))


def _trees():
    for path in LIBRARY:
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_no_getattr_with_a_default_on_a_module():
    """`getattr(module, "fn", None)` turns a rename into silently missing behaviour."""
    for path, tree in _trees():
        modules = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        modules |= {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "getattr" and len(node.args) == 3:
                target = node.args[0]
                assert not (isinstance(target, ast.Name) and target.id in modules), f"{path}:{node.lineno}"


def test_no_module_opens_a_data_file_at_import():
    """Importing every library module reads nothing from data/: steps get a Lexicon instead."""
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in LIBRARY]
    probe = f"""
import sys
data = {str(ROOT / "data")!r}
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(data):
        opened.append(args[0])
sys.addaudithook(hook)
import importlib
for name in {modules!r}:
    if name != "pipeline.__main__":
        importlib.import_module(name)
print("\\n".join(opened))
"""
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"read at import: {done.stdout}"


def test_every_data_file_is_documented():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (\S+)", readme, flags=re.M))
    files = {p.name for p in (ROOT / "data").iterdir() if p.is_file() and p.name != "README.md"}
    assert files - headings == set(), "add a section to data/README.md"
    assert headings - files == set(), "data/README.md documents a file that is gone"


def test_the_readme_layout_names_every_package():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout"):]
    layout = layout[:layout.index("\n## ", 1)]
    parts = {p.name + "/" for p in (ROOT / "pipeline").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    parts |= {p.name for p in (ROOT / "pipeline").glob("*.py") if not p.name.startswith("__")}
    missing = {p for p in parts if not re.search(rf"^\s+{re.escape(p)}\s", layout, flags=re.M)}
    assert missing == set(), "README.md's layout does not name these"
