"""The command line: exit codes, one-line errors, idempotent ingest, export.

Every test but the first calls the command line in this process (the `cli`
fixture); the first runs `python -m pipeline` as a user would.
"""
from __future__ import annotations

import io
import json
import os
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from pipeline.load import loaders
from pipeline.store.parquet import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = "000_9ee299f29b7f0674.txt"
SEED_NAMES = (SEED_000, "004_18c99f4c6dba8f7c.txt")


def export(cli, store: Store, table: str) -> pd.DataFrame:
    out = store.root.parent / f"{table}.csv"
    ran = cli("export", table, "--store", store.root, "--out", out)
    assert ran.code == 0, ran.err
    return pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.fixture
def seeds(tmp_path, samples) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in SEED_NAMES:
        (folder / name).write_bytes((samples / name).read_bytes())
    return folder


def test_python_m_pipeline_ingests_and_exports_excel_ready_csv(tmp_path, seeds):
    store = tmp_path / "store"
    python, seeds, store = (shlex.quote(str(p)) for p in (sys.executable, seeds, store))
    shell = f"{python} -m pipeline ingest {seeds} --store {store} && {python} -m pipeline export articles --store {store}"
    result = subprocess.run(["bash", "-c", shell], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    summary, _, csv = result.stdout.partition(b"\n")
    assert b"2 new articles" in summary
    assert csv.startswith("\ufeff".encode("utf-8"))
    frame = pd.read_csv(io.BytesIO(csv), dtype=str, encoding="utf-8-sig")
    assert len(frame) == 2 and "article_id" in frame.columns


def test_ingest_seeds_twice_gives_two_articles(seeds, cli, store):
    first = cli("ingest", seeds, "--store", store.root)
    assert first.code == 0, first.err
    assert "2 new articles" in first.out
    again = cli("ingest", seeds, "--store", store.root)
    assert again.code == 0 and "0 new articles, 2 already stored" in again.out
    articles = export(cli, store, "articles")
    assert len(articles) == 2
    seed = articles[articles["origin"].str.endswith(SEED_000)].iloc[0]
    assert seed["published"] == "2025-11-02"
    assert seed["published_source"] == "inferred"
    stats = json.loads(cli("stats", "--store", store.root).out)
    assert stats["articles"] == 2


def test_same_article_with_other_whitespace_and_boilerplate_is_one(tmp_path, seeds, cli, store):
    text = (seeds / SEED_000).read_text("utf-8")
    variant = tmp_path / "variant.txt"
    variant.write_text("  " + text.replace("\n", "\n\n") + "\n\nShare this article\n", "utf-8")
    assert cli("ingest", seeds / SEED_000, "--store", store.root).code == 0
    assert cli("ingest", variant, "--store", store.root).code == 0
    assert len(export(cli, store, "articles")) == 1


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
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    return {"empty.txt": "empty", "binary.txt": "", "truncated.json": "json",
            "notext.csv": "column", "slides.pptx": "supported", "evil.zip": "../x.txt",
            "huge.txt": "limit", "passwd.txt": "outside the folder"}


def test_bad_files_get_one_line_each_and_store_is_unchanged(tmp_path, seeds, cli, store):
    assert cli("ingest", seeds, "--store", store.root).code == 0
    manifest = (store.root / "manifest.json").read_bytes()
    expected = bad_inputs(tmp_path / "bad")
    result = cli("ingest", tmp_path / "bad", "--store", store.root)
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert "Traceback" not in result.err
    assert len(lines) == len(expected)
    for name, word in expected.items():
        line = next(line for line in lines if f"{name}:" in line)
        assert line.startswith("error: ")
        assert word.lower() in line.lower(), line
    assert (store.root / "manifest.json").read_bytes() == manifest
    assert len(export(cli, store, "articles")) == 2


def test_control_characters_in_a_name_are_escaped_so_each_problem_stays_one_line(seeds, cli, store):
    names = ["clear\x1b[2J\x1b[H.txt", "forged\nerror: all.txt", "flip\u202etxt.md", "bell\x07.txt"]
    for name in names:
        (seeds / name).write_bytes(b"")                    # empty: each gets its error line
    result = cli("ingest", seeds, "--store", store.root)
    assert result.code == 1 and "2 new articles" in result.out
    lines = result.err.strip().split("\n")
    assert len(lines) == len(names)
    assert all(line.startswith("error: ") and "empty" in line for line in lines)
    assert not any(ch in result.err for ch in "\x1b\x07\u202e")
    assert sorted(line.split(": ")[1].rsplit("/", 1)[1] for line in lines) == sorted(
        ["clear\\x1b[2J\\x1b[H.txt", "forged\\nerror", "flip\\u202etxt.md", "bell\\x07.txt"])


def test_good_files_go_in_beside_bad_ones(seeds, cli, store):
    (seeds / "empty.txt").write_bytes(b"")
    result = cli("ingest", seeds, "--store", store.root)
    assert result.code == 1
    assert "2 new articles" in result.out
    assert result.err.strip().splitlines() == [
        next(line for line in result.err.splitlines() if "empty.txt" in line)]


def test_usage_errors_exit_non_zero_without_traceback(tmp_path, cli):
    missing = cli("ingest", tmp_path / "nope.txt", "--store", tmp_path / "s")
    assert missing.code == 1 and "nope.txt" in missing.err
    assert "Traceback" not in missing.err
    bad_date = cli("ingest", tmp_path, "--published", "2025-13-45")
    assert bad_date.code != 0 and "YYYY-MM-DD" in bad_date.err
    assert cli("export", "nonsense").code != 0


def test_published_flag_fills_only_undated_files(tmp_path, cli, store):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dated.txt").write_text("published: 2024-03-01\n\nTalks were held in Tokyo.\n", "utf-8")
    (folder / "undated.txt").write_text("Officials met in Geneva to discuss tariffs.\n", "utf-8")
    assert cli("ingest", folder, "--store", store.root, "--published", "2025-06-01").code == 0
    rows = export(cli, store, "articles").set_index("origin")
    dated = rows.loc[[o for o in rows.index if o.endswith("dated.txt") and "un" not in o][0]]
    undated = rows.loc[[o for o in rows.index if o.endswith("undated.txt")][0]]
    assert (dated["published"], dated["published_source"]) == ("2024-03-01", "header")
    assert (undated["published"], undated["published_source"]) == ("2025-06-01", "user")


def test_export_to_stdout_is_excel_ready_csv(seeds, cli, store):
    assert cli("ingest", seeds, "--store", store.root).code == 0
    result = cli("export", "articles", "--store", store.root)
    assert result.code == 0
    assert result.out.startswith("\ufeff")
    frame = pd.read_csv(io.StringIO(result.out.removeprefix("\ufeff")), dtype=str)
    assert len(frame) == 2 and "article_id" in frame.columns


def test_a_file_name_in_no_known_encoding_goes_in_beside_the_others(seeds, cli, store):
    (seeds / os.fsdecode(b"r\xe9sum\xe9.txt")).write_bytes((seeds / SEED_000).read_bytes().replace(b"the", b"a"))
    result = cli("ingest", seeds, "--store", store.root)
    assert result.code == 0, result.err
    assert "3 new articles" in result.out
    assert "r\ufffdsum\ufffd.txt" in set(export(cli, store, "articles")["origin"])


def test_a_header_date_that_names_no_day_goes_in_undated_with_a_warning_line(tmp_path, cli, store):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "odd.txt").write_text("title: Talks\npublished: 2025-13-01\n\nTrade ministers met in Lima.\n", "utf-8")
    result = cli("ingest", folder, "--store", store.root)
    assert result.code == 0 and "1 new articles" in result.out
    [line] = result.err.strip().splitlines()
    assert line.startswith("warning: ") and "odd.txt" in line and "'2025-13-01'" in line and "without a date" in line
    assert export(cli, store, "articles")["published"].tolist() == [""]


def test_a_loader_failing_on_one_file_is_a_bug_line_and_the_others_go_in(seeds, cli, store, monkeypatch):
    from pipeline import ingest
    real = ingest.load_path

    def load(path, **kwargs):
        if path.name == SEED_000:
            raise RecursionError("deep inside a loader")
        return real(path, **kwargs)
    monkeypatch.setattr(ingest, "load_path", load)
    result = cli("ingest", seeds, "--store", store.root)
    assert result.code == 1 and "1 new articles" in result.out and "1 article hit a bug" in result.out
    [line] = result.err.strip().splitlines()
    assert line.startswith("bug: ") and SEED_000 in line and "RecursionError" in line
    assert "Traceback" not in result.err
