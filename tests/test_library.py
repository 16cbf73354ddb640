"""Library functions the CLI and the dashboard share: merged reads, stats, reprocess, demo."""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest import ingest_paths, load_demo, reprocess
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.query.library import read_table, stats
from pipeline.store.parquet import Store

TALKS = ("title: {title}\nsource: {source}\npublished: 2025-06-12\n\n"
         "Chinese Commerce Minister Wang Wentao met EU trade chief Maros Sefcovic in Brussels on "
         "Tuesday for talks on export controls on rare earths.\n{extra}\n")


def write(folder: Path, name: str, **fields) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(TALKS.format(**fields), "utf-8")
    return path


def test_one_meeting_reported_by_two_articles_is_one_row(tmp_path):
    folder = tmp_path / "in"
    write(folder, "a.txt", title="A", source="Wire A", extra="Analysts expect more talks this year.")
    write(folder, "b.txt", title="B", source="Wire B", extra="The talks lasted three hours, officials said.")
    store = Store(tmp_path / "store")
    report = ingest_paths([folder], store)
    assert len(report.new_ids) == 2
    assert len(store.read("meetings")) == 2          # stored per article
    merged = read_table(store, "meetings")
    assert len(merged) == 1
    row = merged.iloc[0]
    assert row["source_count"] == 2 and sorted(row["article_ids"]) == sorted(report.new_ids)
    assert row["date"] == "2025-06-10" and row["location"] == "Brussels"
    assert stats(store)["meetings"] == 1


def test_reprocess_applies_an_edited_taxonomy(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write(folder, "a.txt", title="A", source="Wire", extra="Both sides also discussed wine exports.")
    store = Store(tmp_path / "store")
    ingest_paths([folder], store)
    assert "wine" not in set(store.read("tags")["tag"])
    data = tmp_path / "data"
    data.mkdir()
    for f in DEFAULT_DATA.iterdir():
        if f.is_file():
            (data / f.name).write_bytes(f.read_bytes())
    with open(data / "taxonomy.csv", "a", encoding="utf-8") as fh:
        fh.write("wine,Wine,wine exports\n")
    before = store.read("articles")[["article_id", "ingested_at"]]
    report = reprocess(store, Lexicon.load(data))
    assert (report.articles, report.errors, report.bugs, report.changed) == (1, [], [], True)
    tags = store.read("tags")
    assert "wine" in set(tags["tag"])
    assert "rare_earths" in set(tags["tag"])
    after = store.read("articles")[["article_id", "ingested_at"]]
    assert after.equals(before)  # same articles, first ingest time kept


def test_demo_loads_once_into_an_empty_store(tmp_path):
    store = Store(tmp_path / "store")
    report = load_demo(store)
    assert report is not None and not report.errors and len(report.new_ids) >= 10
    assert load_demo(store) is None
    assert stats(store)["articles"] == len(report.new_ids)
