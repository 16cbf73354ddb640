"""What a file brings is shown as text, a typed date is read as YYYY-MM-DD or refused, and a failing
file costs only itself: one line on the page, its traceback in the log."""
from __future__ import annotations

import json
import logging
import tomllib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.safe import WORD_JOINER, as_text, safe_url
from pipeline import ingest
from pipeline.load.loaders import MAX_BYTES
from pipeline.query import upload
from pipeline.query.upload import ingest_files, preview_frame, read_dates, read_day
from pipeline.store.parquet import Store
from pipeline.store.schema import TABLES
from tests.markdown import shown
from tests.test_app import ROOT, app_on, fixture_frames, table_on

PROBE = "http://127.0.0.1:9/b"
HOSTILE = {
    "image": f"![x]({PROBE}) rest",
    "html": f'<img src="{PROBE}"> and <script>alert(1)</script>',
    "data link": "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "colour and icon": ":red[red] :material/home: :blue-badge[b] :streamlit: :smile:",
    "math": "$x^2$ and $$y$$",
    "emphasis and code": "**bold** _it_ ~~gone~~ `code` a\\b",
    "block starts": "# Title",
    "bare addresses": "see www.example.org, a@b.org and https://example.org/x_y?z=1",
    "table": "a | b\n--|--\nc | d",
}


# --- as_text, safe_url ------------------------------------------------------
@pytest.mark.parametrize("kind", HOSTILE)
def test_as_text_keeps_every_character_and_leaves_nothing_to_render(kind):
    text = HOSTILE[kind]
    md = as_text(text)
    assert shown(md) == " ".join(text.split())
    # every markup character is escaped: none can open an image, link, tag, directive or formula
    unescaped = md.replace("\\\\", "")
    for mark in "![]()<>:$*_`#|~":
        assert all(unescaped[i - 1] == "\\" for i, ch in enumerate(unescaped) if ch == mark), (mark, md)


def test_as_text_breaks_what_the_renderer_links_after_parsing():
    md = as_text("www.example.org a@b.org http://x.org :streamlit: at 10:30")
    assert f"www{WORD_JOINER}\\." in md and f"\\@{WORD_JOINER}" in md
    assert f"http\\:{WORD_JOINER}\\/\\/" in md and f"\\:{WORD_JOINER}streamlit" in md
    assert "10\\:30" in md  # a time keeps its colon as it is


def test_only_absolute_web_addresses_are_links():
    assert safe_url(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    assert safe_url("HTTP://Example.org") == "HTTP://Example.org"
    for bad in ("data:text/html,hi", "javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd",
                "//example.org/x", "example.org", "http://", "http://a b.org", "http://a.org/\nx", "", None):
        assert safe_url(bad) == "", bad


# --- the pages --------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    frames = fixture_frames()
    articles = frames["articles"]
    articles.loc[0, ["title", "source", "origin", "url", "author"]] = [
        HOSTILE["image"], HOSTILE["html"], "![f](http://127.0.0.1:9/f).txt", "data:text/html,hi", HOSTILE["math"]]
    articles.loc[1, "url"] = "javascript:alert(1)"
    frames["articles"] = TABLES["articles"].conform(articles)
    root = tmp_path_factory.mktemp("hostile")
    Store(root).append(frames)
    return root


def test_the_reader_shows_the_title_source_and_file_as_text(hostile_store, monkeypatch):
    at = app_on(hostile_store, monkeypatch, "app_pages/articles.py", article="a1")
    assert not at.exception, at.exception
    header = next(h.value for h in at.header if h.value != "Filters")
    assert header == as_text(HOSTILE["image"]) and shown(header) == HOSTILE["image"]
    caption = next(c.value for c in at.caption if "words" in c.value)
    assert caption == as_text(shown(caption))      # nothing in it is left unescaped
    assert HOSTILE["html"] in shown(caption) and "file ![f](http://127.0.0.1:9/f).txt" in shown(caption)
    assert not at.get("link_button")               # data: is no link
    urls = table_on(at, "article_id").set_index("article_id")["url"]
    assert urls.to_dict() == {"a1": "", "a2": "", "a3": ""}


def test_an_http_url_is_still_a_link(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/articles.py", article="a1")
    assert [b.proto.url for b in at.get("link_button")] == ["https://example.com/a1"]
    assert table_on(at, "article_id").set_index("article_id").loc["a1", "url"] == "https://example.com/a1"


def test_an_unknown_article_id_is_named_as_text(filled_store, monkeypatch):
    wanted = f"![x]({PROBE})"
    at = app_on(filled_store, monkeypatch, "app_pages/articles.py", article=wanted)
    assert [shown(w.value) for w in at.warning] == [f"No article with id {wanted} in the store."]
    assert at.warning[0].value == f"No article with id {as_text(wanted)} in the store."


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("filled")
    Store(root).append(fixture_frames())
    return root


# --- the upload ---------------------------------------------------------------
GOOD = "title: Ministers meet\nsource: Test Wire\npublished: 2025-05-02\n\nWang Wentao met Akazawa Ryosei in Gyeongju.\n"
UNDATED = "title: Undated\n\nThe two ministers spoke by phone on Tuesday about rare earths.\n"


def test_the_uploader_states_the_loaders_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert MAX_BYTES % (1024 * 1024) == 0
    assert config["server"]["maxUploadSize"] == MAX_BYTES // (1024 * 1024)


def test_the_upload_page_advertises_the_real_limit(tmp_path, monkeypatch):
    at = app_on(tmp_path / "store", monkeypatch)
    uploader = at.get("file_uploader")[0]
    assert uploader.proto.max_upload_size_mb == MAX_BYTES // (1024 * 1024)
    assert f"{MAX_BYTES // (1024 * 1024)} MB per file" in uploader.proto.help


def _crash_on(name: str, monkeypatch) -> None:
    """A loader that fails, as a bug would, on the file called `name`."""
    real = ingest.load_bytes

    def load(file_name, data):
        if file_name == name:
            raise RecursionError("deep in /srv/secret/pipeline/load/loaders.py")
        return real(file_name, data)
    monkeypatch.setattr(ingest, "load_bytes", load)


def test_a_loader_failing_on_one_file_costs_only_that_file(tmp_path, monkeypatch, caplog):
    bad_name = f"![n]({PROBE}).json"
    _crash_on("crash.txt", monkeypatch)
    at = app_on(tmp_path / "store", monkeypatch)
    caplog.set_level(logging.ERROR, logger="pipeline.query.upload")
    at.file_uploader[0].set_value([("a.txt", GOOD.encode(), "text/plain"),
                                   ("crash.txt", b"title: x\n\nbody\n", "text/plain"),
                                   (bad_name, b'{"title": "cut', "application/json"),
                                   ("b.txt", UNDATED.encode(), "text/plain")]).run()
    assert not at.exception, at.exception
    assert at.dataframe[0].value["file"].tolist() == ["a.txt", "b.txt"]
    [error] = at.error                              # the broken file: its name as text, its reason
    assert error.value.startswith(f"**{as_text(bad_name)}**: ") and shown(error.value).startswith(f"**{bad_name}**: ")
    [warning] = [shown(w.value) for w in at.warning]
    assert "crash.txt" in warning and "server log" in warning
    page = " ".join(e.value for e in [*at.error, *at.warning, *at.markdown, *at.caption])
    assert "Traceback" not in page and "/srv/secret" not in page and "RecursionError" not in page
    assert "Traceback" in caplog.text and "crash.txt" in caplog.text   # logged, not shown
    next(b for b in at.button if b.label == "Ingest").click().run()
    assert not at.exception, at.exception
    assert any("2 new articles stored" in s.value for s in at.success)
    assert any("crash.txt" in shown(w.value) for w in at.warning)
    assert sorted(Store(tmp_path / "store").read("articles")["origin"]) == ["a.txt", "b.txt"]


def test_the_preview_shows_dates_as_typed_text(tmp_path, monkeypatch):
    at = app_on(tmp_path / "store", monkeypatch)
    at.file_uploader[0].set_value([("a.txt", GOOD.encode(), "text/plain"),
                                   ("b.txt", UNDATED.encode(), "text/plain")]).run()
    editor = at.dataframe[0]
    assert editor.value["published"].tolist() == ["2025-05-02", ""]
    # a text cell, not the browser's date editor with its locale's order of day and month
    assert json.loads(editor.proto.columns)["published"]["type_config"] == {"type": "text"}


# --- typed dates --------------------------------------------------------------
def test_a_typed_day_is_read_as_year_month_day():
    assert read_day("2024-03-21") == date(2024, 3, 21)
    for bad in ("21/03/2024", "03/21/2024", "2024-3-21", "40321-02-02", "2024-02-30", "2024-21-03",
                "0224-03-21", "20240321", "2024-W12-4", "yesterday", ""):
        assert read_day(bad) is None, bad


def test_an_unreadable_or_removed_date_is_refused_by_file_name_never_stored_empty(tmp_path, lexicon):
    files = [("a.txt", GOOD.encode()), ("b.txt", UNDATED.encode()), ("c.txt", b"title: C\n\nThe envoys met in Geneva on Friday about steel.\n")]
    preview, errors, bugs = preview_frame(files, set(), lexicon)
    assert not errors and not bugs
    edited = preview.copy()
    edited["published"] = ["", "21/03/2024", " 2024-03-21 "]
    dates, refused = read_dates(preview, edited)
    assert dates == {2: date(2024, 3, 21)}
    assert [r.name for r in refused] == ["a.txt", "b.txt"]
    assert "removed" in refused[0].reason and "2025-05-02" in refused[0].reason
    assert "'21/03/2024'" in refused[1].reason and "YYYY-MM-DD" in refused[1].reason
    # a cell the editor hands back as missing is the same as an empty one
    edited["published"] = [None, pd.NA, "2024-03-21"]
    assert read_dates(preview, edited) == ({2: date(2024, 3, 21)}, [refused[0]])
    report = ingest_files(files, Store(tmp_path), {2: date(2024, 3, 21)}, lexicon=lexicon)
    stored = Store(tmp_path).read("articles").set_index("origin")
    assert len(report.new_ids) == 3
    assert stored.loc["c.txt", "published"] == "2024-03-21" and stored.loc["c.txt", "published_source"] == "user"


def test_what_a_file_went_in_with_is_shown_after_the_ingest(tmp_path, monkeypatch):
    odd = "title: Odd\npublished: 2025-13-01\n\nWang Wentao met Akazawa Ryosei in Gyeongju.\n"
    at = app_on(tmp_path / "store", monkeypatch)
    at.file_uploader[0].set_value([("odd ![x](y).txt", odd.encode(), "text/plain")]).run()
    next(b for b in at.button if b.label == "Ingest").click().run()
    assert not at.exception, at.exception
    [note] = [shown(w.value) for w in at.warning]
    assert note.startswith("**odd ![x](y).txt**: ") and "'2025-13-01'" in note and "without a date" in note
    assert any("1 new articles stored" in s.value for s in at.success)
