"""Reprocessing: lossless from the input as loaded, safe against broken data and bugs,
and never losing an ingest that commits meanwhile."""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import cli, process
from pipeline.cli import main
from pipeline.ingest import ingest_paths, reprocess
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.store import parquet
from pipeline.store.parquet import Store
from pipeline.store.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"

# the place of the meeting is only in a site's "Published ... - City" line, which cleaning sets aside
DATELINED = ("Published - March 04, 2025 10:15 am IST - Geneva\n\n"
             "Chinese Commerce Minister Wang Wentao met EU trade chief Maros Sefcovic on Monday "
             "for talks on export controls on rare earths.\n\n"
             "Both sides agreed to keep talking, officials said.\n")
TARIFFS = ("title: Tariff talks\nsource: Test Wire\npublished: 2025-06-12\n\n"
           "Trade officials of two neighbouring countries met in Lisbon on Tuesday to discuss tariffs "
           "on steel and a wider free trade agreement.\n")
CHIPS = ("title: Chip rules\nsource: Test Wire\npublished: 2025-06-13\n\n"
         "Chinese Commerce Minister Wang Wentao met EU trade chief Maros Sefcovic in Brussels on "
         "Thursday for talks on export controls on rare earths and tariffs.\n")


def write_articles(folder: Path, **texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
    return folder


def exports(store: Path) -> dict[str, bytes]:
    out = {}
    for table in TABLES:
        path = store.parent / f"{store.name}-{table}.csv"
        assert main(["export", table, "--store", str(store), "--out", str(path)]) == 0
        out[table] = path.read_bytes()
    return out


def data_copy(tmp_path: Path, name: str = "data") -> Path:
    folder = tmp_path / name
    shutil.copytree(DEFAULT_DATA, folder, ignore=shutil.ignore_patterns("samples"))
    return folder


def without_tag(folder: Path, tag: str) -> Path:
    path = folder / "taxonomy.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(f"{tag},")]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept), "utf-8")
    return folder


def bad_people_date(folder: Path) -> tuple[Path, int]:
    """A copy of people.csv with an impossible date on its second data row; returns the line."""
    path = folder / "people.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    fields = lines[2].split(",")
    fields[4] = "2024-13-45"  # valid_from
    lines[2] = ",".join(fields)
    path.write_text("".join(lines), "utf-8")
    return folder, 3


def tags_of(store: Path, origin_end: str) -> set[str]:
    s = Store(store)
    ids = s.read("articles").set_index("origin")["article_id"]
    article = next(i for o, i in ids.items() if o.endswith(origin_end))
    tags = s.read("tags")
    return set(tags[tags["article_id"] == article]["tag"])


def test_ingest_then_reprocess_gives_identical_exports_and_twice_changes_nothing(tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["ingest", str(SAMPLES), "--store", str(store)]) == 0
    before = exports(store)
    manifest = (store / "manifest.json").read_bytes()
    capsys.readouterr()
    assert main(["reprocess", "--store", str(store)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert (store / "manifest.json").read_bytes() == manifest
    # a reprocess that does rewrite, with other data, then one with the data again: every
    # table comes back byte for byte, so nothing the first ingest knew was lost on the way
    assert main(["reprocess", "--store", str(store), "--data", str(without_tag(data_copy(tmp_path), "rare_earths"))]) == 0
    assert exports(store)["tags"] != before["tags"]
    assert main(["reprocess", "--store", str(store)]) == 0
    assert exports(store) == before
    again = (store / "manifest.json").read_bytes()
    assert main(["reprocess", "--store", str(store)]) == 0
    assert (store / "manifest.json").read_bytes() == again


def test_a_place_from_a_set_aside_line_survives_reprocessing(tmp_path, capsys):
    store = tmp_path / "store"
    folder = write_articles(tmp_path / "in", geneva=DATELINED)
    assert main(["ingest", str(folder), "--store", str(store)]) == 0
    meetings = Store(store).read("meetings")
    assert "Geneva" in set(meetings["location"])
    ids = Store(store).read("articles")[["article_id", "ingested_at"]]
    # other data, so that the rows are rebuilt rather than found unchanged
    data = without_tag(data_copy(tmp_path), "export_controls")
    assert main(["reprocess", "--store", str(store), "--data", str(data)]) == 0
    assert "Geneva" in set(Store(store).read("meetings")["location"])
    articles = Store(store).read("articles")
    assert articles[["article_id", "ingested_at"]].equals(ids)
    assert any(r.startswith("metadata: Published") for r in articles.loc[0, "removed"])


def test_reprocess_with_a_data_copy_lacking_a_tag_drops_its_rows(tmp_path, capsys):
    store = tmp_path / "store"
    folder = write_articles(tmp_path / "in", tariffs=TARIFFS, chips=CHIPS)
    assert main(["ingest", str(folder), "--store", str(store)]) == 0
    assert "tariffs" in tags_of(store, "tariffs.txt") and "tariffs" in tags_of(store, "chips.txt")
    data = without_tag(data_copy(tmp_path), "tariffs")
    assert main(["reprocess", "--store", str(store), "--data", str(data)]) == 0
    assert "tariffs" not in set(Store(store).read("tags")["tag"])
    assert not any("tariffs" in tags for tags in Store(store).read("articles")["tags"])
    assert "rare_earths" in tags_of(store, "chips.txt")


def test_a_broken_data_file_stops_reprocess_before_anything_changes(tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["ingest", str(SAMPLES), "--store", str(store)]) == 0
    before, manifest = exports(store), (store / "manifest.json").read_bytes()
    data, line = bad_people_date(data_copy(tmp_path))
    capsys.readouterr()
    assert main(["reprocess", "--store", str(store), "--data", str(data)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"people.csv:{line}" in err[0] and err[0].startswith("error: ")
    assert (store / "manifest.json").read_bytes() == manifest
    assert exports(store) == before


def test_a_broken_data_file_stops_ingest_with_nothing_stored(tmp_path, capsys):
    store = tmp_path / "store"
    data, line = bad_people_date(data_copy(tmp_path))
    folder = write_articles(tmp_path / "in", tariffs=TARIFFS)
    assert main(["ingest", str(folder), "--store", str(store), "--data", str(data)]) == 1
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and f"people.csv:{line}" in err[0]
    assert "Traceback" not in captured.err
    assert Store(store).is_empty()


@pytest.fixture
def break_step():
    """Make one step raise on one article, as a bug in it would (STEPS is changed in place:
    `process_article` holds the list itself)."""
    changed = []

    def break_on(origin_end: str, step_name: str) -> None:
        at = [name for name, _ in process.STEPS].index(step_name)
        real = process.STEPS[at][1]

        def broken(article, lexicon=None):
            if article.origin.endswith(origin_end):
                raise ValueError("an invented bug")
            return real(article, lexicon)
        changed.append((at, process.STEPS[at]))
        process.STEPS[at] = (step_name, broken)
    yield break_on
    for at, original in reversed(changed):
        process.STEPS[at] = original


def test_an_article_a_step_fails_on_keeps_its_rows_and_is_reported_as_a_bug(tmp_path, capsys, break_step):
    store = tmp_path / "store"
    folder = write_articles(tmp_path / "in", tariffs=TARIFFS, chips=CHIPS)
    assert main(["ingest", str(folder), "--store", str(store)]) == 0
    chips_before = Store(store).read("meetings")
    break_step("chips.txt", "meetings")
    data = without_tag(data_copy(tmp_path), "tariffs")
    capsys.readouterr()
    assert main(["reprocess", "--store", str(store), "--data", str(data)]) == 1
    out, err = capsys.readouterr()
    assert "1 article hit a bug (run with --debug for the traceback)" in out
    assert "1 kept its previous rows" in out
    assert err.strip().splitlines() == [next(line for line in err.splitlines() if "chips.txt" in line)]
    assert err.startswith("bug: ") and "step 'meetings' failed: ValueError: an invented bug" in err
    assert "Traceback" not in err
    # the other article was processed with the new data; the failed one kept what it had
    assert "tariffs" not in tags_of(store, "tariffs.txt")
    assert "tariffs" in tags_of(store, "chips.txt")
    assert Store(store).read("meetings").equals(chips_before)  # only chips.txt had meetings
    assert main(["reprocess", "--store", str(store), "--data", str(data), "--debug"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "an invented bug" in err


def test_a_bug_on_ingest_is_counted_apart_from_bad_files(tmp_path, capsys, break_step):
    store = tmp_path / "store"
    folder = write_articles(tmp_path / "in", tariffs=TARIFFS, chips=CHIPS)
    (folder / "empty.txt").write_bytes(b"")
    break_step("chips.txt", "quotes")
    report = ingest_paths([folder], Store(store))
    assert [e.name for e in report.errors] == [str(folder / "empty.txt")]
    assert [b.name for b in report.bugs] == ["chips.txt"] and "ValueError" in report.bugs[0].traceback
    assert len(report.new_ids) == 1
    assert main(["ingest", str(folder), "--store", str(tmp_path / "other")]) == 1
    out = capsys.readouterr().out
    assert "1 file could not be read, 1 article hit a bug (run with --debug for the traceback)" in out


def test_an_ingest_committed_during_a_reprocess_is_kept(tmp_path, capsys, monkeypatch):
    store = tmp_path / "store"
    assert main(["ingest", str(write_articles(tmp_path / "in", tariffs=TARIFFS)), "--store", str(store)]) == 0
    late = write_articles(tmp_path / "late", chips=CHIPS)
    ingests = []

    def ingest_meanwhile(done, total, what):
        # another process ingests while this reprocess has read the store and is processing it
        if not ingests:
            ingests.append(subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(late), "--store", str(store)],
                                          cwd=ROOT, capture_output=True, text=True, timeout=120))
    monkeypatch.setattr(cli, "_progress", ingest_meanwhile)
    data = without_tag(data_copy(tmp_path), "rare_earths")
    assert main(["reprocess", "--store", str(store), "--data", str(data)]) == 0
    assert ingests and ingests[0].returncode == 0 and "1 new articles" in ingests[0].stdout
    assert "of which 1 stored meanwhile by an ingest" in capsys.readouterr().out
    articles = Store(store).read("articles")
    assert sorted(o.rsplit("/", 1)[-1] for o in articles["origin"]) == ["chips.txt", "tariffs.txt"]
    # the late article is there with its facts, processed with the reprocess's data
    assert tags_of(store, "chips.txt") and "rare_earths" not in tags_of(store, "chips.txt")
    assert len(Store(store).read("meetings")) >= 1


def test_an_ingest_waiting_on_the_swap_goes_in_after_it(tmp_path, capsys, monkeypatch):
    store = tmp_path / "store"
    assert main(["ingest", str(write_articles(tmp_path / "in", tariffs=TARIFFS)), "--store", str(store)]) == 0
    late = write_articles(tmp_path / "late", chips=CHIPS)
    reports, real_replace = [], parquet.Transaction.replace

    def replace_while_an_ingest_waits(self, frames):
        thread = threading.Thread(target=lambda: reports.append(ingest_paths([late], Store(store))))
        thread.start()
        time.sleep(0.5)  # the ingest has processed its article and waits for the lock
        replace_while_an_ingest_waits.thread = thread
        return real_replace(self, frames)
    monkeypatch.setattr(parquet.Transaction, "replace", replace_while_an_ingest_waits)
    data = without_tag(data_copy(tmp_path), "tariffs")
    report = reprocess(Store(store), Lexicon.load(data))
    replace_while_an_ingest_waits.thread.join(timeout=60)
    assert report.changed and len(reports[0].new_ids) == 1
    origins = sorted(o.rsplit("/", 1)[-1] for o in Store(store).read("articles")["origin"])
    assert origins == ["chips.txt", "tariffs.txt"]
    assert "tariffs" not in tags_of(store, "tariffs.txt")   # the reprocess's work
    assert "tariffs" in tags_of(store, "chips.txt")         # the ingest's, with its own data


def test_a_store_written_before_the_raw_text_was_kept_still_reads_and_reprocesses(tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["ingest", str(write_articles(tmp_path / "in", geneva=DATELINED, tariffs=TARIFFS)),
                 "--store", str(store)]) == 0
    before = exports(store)
    for part in Store(store).manifest()["tables"]["articles"]:  # as an older version wrote it
        old = pq.read_table(store / part)
        pq.write_table(old.drop_columns(TABLES["articles"].internal), store / part)
    assert exports(store) == before
    assert main(["reprocess", "--store", str(store)]) == 0
    assert exports(store) == before  # from the cleaned text, with what cleaning had dropped
    assert set(Store(store).read("articles")["raw_text"]) != {""}


def test_internal_columns_are_stored_but_not_exported(tmp_path):
    store = tmp_path / "store"
    assert main(["ingest", str(write_articles(tmp_path / "in", tariffs=TARIFFS, geneva=DATELINED)),
                 "--store", str(store)]) == 0
    stored = Store(store).read("articles").set_index("title")
    assert stored.loc["", "raw_text"] == DATELINED.strip() and not stored.loc["", "text"].startswith("Published")
    assert stored.loc["Tariff talks", "published_raw"] == "2025-06-12"
    assert stored.loc["Tariff talks", "published_hint"] == "header"
    assert (stored["ingest_date"] == stored["ingested_at"].str[:10]).all()
    header = exports(store)["articles"].decode("utf-8-sig").splitlines()[0].split(",")
    assert header == TABLES["articles"].exported and "raw_text" not in header


def test_the_dashboard_takes_the_data_folder_after_the_double_dash(tmp_path, monkeypatch):
    from dashboard import state
    monkeypatch.setattr(sys, "argv", ["app.py", "--store", str(tmp_path / "s"), "--data", str(tmp_path / "d")])
    assert state.data_path() == tmp_path / "d" and state.store_path() == tmp_path / "s"
    monkeypatch.setattr(sys, "argv", ["app.py"])
    monkeypatch.setenv("TTM_DATA", str(tmp_path / "e"))
    assert state.data_path() == tmp_path / "e"
    monkeypatch.delenv("TTM_DATA")
    assert state.data_path() == DEFAULT_DATA


@pytest.mark.parametrize("command", ["ingest", "reprocess", "demo"])
def test_every_processing_command_takes_a_data_folder(command):
    args = [command, *(["x.txt"] if command == "ingest" else []), "--data", "elsewhere"]
    assert cli.build_parser().parse_args(args).data == Path("elsewhere")


def test_pool_workers_process_with_the_lexicon_they_are_given(tmp_path, monkeypatch):
    from pipeline import ingest
    from pipeline.load.loaders import load_path
    monkeypatch.setattr(ingest, "PARALLEL_FROM", 2)
    folder = write_articles(tmp_path / "in", tariffs=TARIFFS, chips=CHIPS)
    articles = [a for p in sorted(folder.iterdir()) for a in load_path(p)]
    lexicon = Lexicon.load(without_tag(data_copy(tmp_path), "tariffs"))
    done, failures = ingest.process_all(articles, workers=2, lexicon=lexicon)
    assert not failures and [a.origin.rsplit("/", 1)[-1] for a in done] == ["chips.txt", "tariffs.txt"]
    assert all("tariffs" not in {t.tag for t in a.tags} for a in done)
    assert "rare_earths" in {t.tag for t in done[0].tags}


def test_the_dashboard_shows_bugs_apart_from_bad_files():
    from streamlit.testing.v1 import AppTest

    def page():
        from dashboard.upload import show_report
        from pipeline.ingest import Bug, FileError, IngestReport
        show_report(IngestReport(files=2, errors=[FileError("a.txt", "the file is empty")],
                                 bugs=[Bug("b.txt", "step 'quotes' failed: ValueError: x")]))
    at = AppTest.from_function(page).run()
    assert [e.value for e in at.error] == ["**a\\.txt**: the file is empty"]   # the name as text
    assert len(at.warning) == 1 and "**b\\.txt**" in at.warning[0].value and "bug" in at.warning[0].value


def test_reprocess_brings_a_text_stored_before_the_limits_under_them(tmp_path, monkeypatch):
    from pipeline.load import loaders
    from pipeline.load.limits import MAX_PARAGRAPH_CHARS
    sentence = "Trade ministers met in Lima to discuss tariffs. "
    long_line = sentence * (3 * MAX_PARAGRAPH_CHARS // len(sentence))
    folder = write_articles(tmp_path / "in", old=TARIFFS + long_line + "\n")
    store = Store(tmp_path / "store")
    with monkeypatch.context() as m:      # a store written before the limits: the text kept whole
        m.setattr(loaders, "bound_text", lambda text: (text, []))
        ingest_paths([folder], store)
    [stored] = store.read("articles")["raw_text"].tolist()
    assert max(map(len, stored.split("\n"))) > MAX_PARAGRAPH_CHARS
    report = reprocess(store)
    assert report.changed and not report.errors and not report.bugs
    [text] = store.read("articles")["raw_text"].tolist()
    assert max(map(len, text.split("\n"))) <= MAX_PARAGRAPH_CHARS
    assert text.replace("\n", " ").split() == stored.replace("\n", " ").split()   # split, nothing lost
