"""The command line: exit codes, one-line errors, idempotent ingest, export."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from pipeline.load import loaders
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
if not SEEDS.exists():
    SEEDS = ROOT / "data" / "samples"
SEED_000 = "000_9ee299f29b7f0674.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def export(store: Path, table: str) -> pd.DataFrame:
    buf = io.StringIO()
    out = store.parent / f"{table}.csv"
    assert main(["export", table, "--store", str(store), "--out", str(out)]) == 0
    return pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in ("000_9ee299f29b7f0674.txt", "004_18c99f4c6dba8f7c.txt"):
        (folder / name).write_bytes((SEEDS / name).read_bytes())
    return folder


def test_ingest_seeds_twice_gives_two_articles(tmp_path, seeds):
    store = tmp_path / "store"
    first = run("ingest", str(seeds), "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert "2 new articles" in first.stdout
    again = run("ingest", str(seeds), "--store", str(store))
    assert again.returncode == 0 and "0 new articles, 2 already stored" in again.stdout
    articles = export(store, "articles")
    assert len(articles) == 2
    seed = articles[articles["origin"].str.endswith(SEED_000)].iloc[0]
    assert seed["published"] == "2025-11-02"
    assert seed["published_source"] == "inferred"
    stats = json.loads(run("stats", "--store", str(store)).stdout)
    assert stats["articles"] == 2


def test_same_article_with_other_whitespace_and_boilerplate_is_one(tmp_path, seeds):
    store = tmp_path / "store"
    text = (seeds / SEED_000).read_text("utf-8")
    variant = tmp_path / "variant.txt"
    variant.write_text("  " + text.replace("\n", "\n\n") + "\n\nShare this article\n", "utf-8")
    assert main(["ingest", str(seeds / SEED_000), "--store", str(store)]) == 0
    assert main(["ingest", str(variant), "--store", str(store)]) == 0
    assert len(export(store, "articles")) == 1


def bad_inputs(folder: Path) -> dict[str, str]:
    """Each bad file and a word its error line must contain."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "truncated.json").write_text('[{"text": "Wang Wentao met Akazawa', "utf-8")
    (folder / "notext.csv").write_text("title,source\nA,B\n", "utf-8")
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("../x.txt", "Escaping the folder")
    (folder / "evil.zip").write_bytes(buf.getvalue())
    (folder / "huge.txt").write_bytes(b"a " * (loaders.MAX_BYTES // 2 + 10))
    return {"empty.txt": "empty", "binary.txt": "", "truncated.json": "json",
            "notext.csv": "column", "slides.pptx": "supported", "evil.zip": "../x.txt",
            "huge.txt": "limit"}


def test_bad_files_get_one_line_each_and_store_is_unchanged(tmp_path, seeds):
    store = tmp_path / "store"
    assert main(["ingest", str(seeds), "--store", str(store)]) == 0
    manifest = (store / "manifest.json").read_bytes()
    expected = bad_inputs(tmp_path / "bad")
    result = run("ingest", str(tmp_path / "bad"), "--store", str(store))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert len(lines) == len(expected)
    for name, word in expected.items():
        line = next(line for line in lines if f"{name}:" in line)
        assert line.startswith("error: ")
        assert word.lower() in line.lower(), line
    assert (store / "manifest.json").read_bytes() == manifest
    assert len(export(store, "articles")) == 2


def test_good_files_go_in_beside_bad_ones(tmp_path, seeds):
    store = tmp_path / "store"
    (seeds / "empty.txt").write_bytes(b"")
    result = run("ingest", str(seeds), "--store", str(store))
    assert result.returncode == 1
    assert "2 new articles" in result.stdout
    assert result.stderr.strip().splitlines() == [
        next(line for line in result.stderr.splitlines() if "empty.txt" in line)]


def test_usage_errors_exit_non_zero_without_traceback(tmp_path):
    missing = run("ingest", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_date = run("ingest", str(tmp_path), "--published", "2025-13-45")
    assert bad_date.returncode != 0 and "YYYY-MM-DD" in bad_date.stderr
    assert run("export", "nonsense").returncode != 0


def test_published_flag_fills_only_undated_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dated.txt").write_text("published: 2024-03-01\n\nTalks were held in Tokyo.\n", "utf-8")
    (folder / "undated.txt").write_text("Officials met in Geneva to discuss tariffs.\n", "utf-8")
    store = tmp_path / "store"
    assert main(["ingest", str(folder), "--store", str(store), "--published", "2025-06-01"]) == 0
    rows = export(store, "articles").set_index("origin")
    dated = rows.loc[[o for o in rows.index if o.endswith("dated.txt") and "un" not in o][0]]
    undated = rows.loc[[o for o in rows.index if o.endswith("undated.txt")][0]]
    assert (dated["published"], dated["published_source"]) == ("2024-03-01", "header")
    assert (undated["published"], undated["published_source"]) == ("2025-06-01", "user")


def test_export_to_stdout_is_excel_ready_csv(tmp_path, seeds):
    store = tmp_path / "store"
    assert main(["ingest", str(seeds), "--store", str(store)]) == 0
    result = subprocess.run([sys.executable, "-m", "pipeline", "export", "articles", "--store", str(store)],
                            cwd=ROOT, capture_output=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("\ufeff".encode("utf-8"))
    frame = pd.read_csv(io.BytesIO(result.stdout), dtype=str, encoding="utf-8-sig")
    assert len(frame) == 2 and "article_id" in frame.columns
