"""The demo corpus in data/samples: complete, described, and loadable by every loader.

These tests read only data/samples, so they never skip.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from pipeline.load.loaders import iter_input_files, load_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SEED_NAMES = ("000_9ee299f29b7f0674.txt", "004_18c99f4c6dba8f7c.txt")
FORMATS = {".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".zip"}
FIELDS = ["title", "source", "url", "published", "text"]
MOJIBAKE = ("\ufffd", "â€", "Ã©", "Å¡")


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)


def words(text: str) -> int:
    return len(text.split())


def test_every_loader_format_is_present():
    assert {p.suffix.lower() for p in sample_files()} == FORMATS


def test_seeds_are_present():
    for name in SEED_NAMES:
        assert (SAMPLES / name).stat().st_size > 1000


def test_readme_describes_every_file_and_is_not_an_article():
    readme = (SAMPLES / "README").read_text("utf-8")
    for path in sample_files():
        assert f"- {path.name} - " in readme, path.name
    assert "README" not in {p.stem for p in sample_files()}


def test_one_text_file_is_legacy_cp1252():
    legacy = []
    for path in SAMPLES.glob("*.txt"):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            legacy.append((path.name, data.decode("cp1252")))
    assert len(legacy) == 1
    name, text = legacy[0]
    assert "\u2019" in text and "é" in text and "Sefcovic" in text, name


def test_json_and_jsonl_records_carry_the_metadata_fields():
    briefs = json.loads((SAMPLES / "trade_briefs.json").read_text("utf-8"))
    assert isinstance(briefs, list) and len(briefs) == 2
    lines = (SAMPLES / "minerals_feed.jsonl").read_text("utf-8").splitlines()
    records = briefs + [json.loads(line) for line in lines if line.strip()]
    assert 1 <= len(records) - 2 <= 2
    for record in records:
        assert list(record) == FIELDS
        assert all(isinstance(v, str) and v.strip() for v in record.values())


def test_csv_text_needs_quoting_and_round_trips():
    raw = (SAMPLES / "entity_lists_export.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert 1 <= len(rows) <= 2
    for row in rows:
        assert list(row) == FIELDS
        text = row["text"]
        assert "\n" in text and "," in text and '"' in text
    assert raw.splitlines()[0] == ",".join(FIELDS)


def test_zip_holds_a_text_and_an_html_article():
    with zipfile.ZipFile(SAMPLES / "asia_minerals_and_wto.zip") as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    assert sorted(Path(n).suffix for n in names) == [".html", ".txt"]
    assert not any(n.startswith("/") or ".." in n for n in names)


# --- through the loaders ------------------------------------------------------

@pytest.fixture(scope="module")
def loaded() -> dict[str, list]:
    return {path.name: load_path(path) for path in iter_input_files([SAMPLES])}


def test_the_folder_walk_finds_exactly_the_sample_files(loaded):
    assert sorted(loaded) == [p.name for p in sample_files()]


def test_every_sample_file_loads_into_articles_with_text(loaded):
    for name, articles in loaded.items():
        assert articles, name
        for article in articles:
            assert article.raw_text.strip(), article.origin
    counts = {name: len(articles) for name, articles in loaded.items()}
    assert counts["trade_briefs.json"] == 2 and counts["asia_minerals_and_wto.zip"] == 2
    assert sum(counts.values()) == 12


def test_written_articles_have_wire_length_and_metadata(loaded):
    written = [a for name, arts in loaded.items() if name not in SEED_NAMES for a in arts]
    assert len(written) == 10
    for article in written:
        assert 250 <= words(article.raw_text) <= 600, (article.origin, words(article.raw_text))
        assert article.title and article.source and "2025" in article.published_raw, article.origin


def test_no_sample_text_is_garbled(loaded):
    for articles in loaded.values():
        for article in articles:
            assert not any(m in article.raw_text for m in MOJIBAKE), article.origin
    legacy = loaded["eu_china_export_control_channel.txt"][0].raw_text
    assert "Beijing\u2019s export controls" in legacy and "communiqué" in legacy
