"""The dashboard under AppTest: every page on a filled and an empty store, filters, upload."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.charts import issue_scale
from pipeline.store.schema import TABLES
from pipeline.store.parquet import Store
from pipeline.query.upload import ingest_files, preview_frame, read_dates
from pipeline.query.views import (Filters, article_facts, article_text, evidence_of, filter_articles, filter_meetings,
                            filter_tags, highlight, prepare, title_from)
from tests.markdown import shown

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
PAGES = ["app_pages/overview.py", "app_pages/timeline.py", "app_pages/counterparts.py", "app_pages/quotes.py",
         "app_pages/issues.py", "app_pages/articles.py", "app_pages/corrections.py"]
TEXT_A = ("Japan\u2019s trade minister Akazawa Ryosei met Chinese Commerce Minister Wang Wentao in Gyeongju on Thursday.\n"
          "\u201cWe agreed to keep talking about rare earths,\u201d Akazawa said.\n"
          "<script>alert('x')</script> Markets were calm.")
TEXT_B = ("EU trade chief Maros Sefcovic held a video call with Wang Wentao on Tuesday.\n"
          "Wang said export controls on gallium would stay.")
TEXT_C = "Seafood imports from Japan remain banned, a spokesperson said on Friday."


def fixture_frames() -> dict[str, pd.DataFrame]:
    """Three articles, three meetings (one planned, one undated), three quotes, four tags."""
    articles = pd.DataFrame([
        {"article_id": "a1", "origin": "a1.txt", "title": "Akazawa meets Wang", "source": "Kyodo",
         "url": "https://example.com/a1", "published": "2025-11-02", "published_source": "inferred",
         "words": 30, "tags": ["rare_earths", "tariffs"], "people": ["Akazawa Ryosei", "Wang Wentao"],
         "countries": ["Japan", "China"], "removed": ["boilerplate: Share this article"], "text": TEXT_A},
        {"article_id": "a2", "origin": "a2.txt", "title": "Sefcovic and Wang talk gallium", "source": "Reuters",
         "published": "2025-10-15", "published_source": "header", "words": 20, "tags": ["export_controls"],
         "people": ["Maros Sefcovic", "Wang Wentao"], "countries": ["European Union", "China"], "text": TEXT_B},
        {"article_id": "a3", "origin": "a3.txt", "title": "Seafood ban stays", "source": "Kyodo",
         "published": "", "published_source": "unknown", "words": 11, "tags": ["seafood"],
         "countries": ["Japan"], "text": TEXT_C},
    ])
    meetings = pd.DataFrame([
        {"meeting_id": "m1", "article_ids": ["a1"], "source_count": 1,
         "participants": ["Akazawa Ryosei", "Wang Wentao"], "countries": ["Japan", "China"],
         "date": "2025-10-30", "date_precision": "day", "location": "Gyeongju", "occasion": "APEC",
         "mode": "in_person", "status": "held", "tags": ["rare_earths"],
         "evidence": [TEXT_A.split("\n")[0]]},
        {"meeting_id": "m2", "article_ids": ["a2"], "source_count": 1,
         "participants": ["Maros Sefcovic", "Wang Wentao"], "countries": ["European Union", "China"],
         "date": "2025-10-14", "date_precision": "day", "mode": "video", "status": "held",
         "tags": ["export_controls"], "evidence": [TEXT_B.split("\n")[0]]},
        {"meeting_id": "m3", "article_ids": ["a2"], "source_count": 1,
         "participants": ["European Union", "China"], "countries": ["European Union", "China"],
         "date": "", "location": "Brussels", "mode": "in_person", "status": "planned",
         "evidence": ["They agreed to meet in Brussels."]},
    ])
    quotes = pd.DataFrame([
        {"quote_id": "q1", "article_id": "a1", "speaker": "Akazawa Ryosei", "speaker_role": "trade minister",
         "speaker_country": "Japan", "kind": "direct", "date": "2025-11-02", "tags": ["rare_earths"],
         "text": "We agreed to keep talking about rare earths", "evidence": TEXT_A.split("\n")[1]},
        {"quote_id": "q2", "article_id": "a2", "speaker": "Wang Wentao", "speaker_country": "China",
         "kind": "reported", "date": "2025-10-15", "tags": ["export_controls"],
         "text": "export controls on gallium would stay", "evidence": TEXT_B.split("\n")[1]},
        {"quote_id": "q3", "article_id": "a3", "speaker": "=HYPERLINK(\"x\")", "kind": "reported",
         "text": "Seafood imports from Japan remain banned", "evidence": TEXT_C},
    ])
    tags = pd.DataFrame([
        {"tag_key": "a1:rare_earths", "article_id": "a1", "tag": "rare_earths", "label": "Rare earths",
         "hits": 2, "published": "2025-11-02", "evidence": TEXT_A.split("\n")[1]},
        {"tag_key": "a1:tariffs", "article_id": "a1", "tag": "tariffs", "label": "Tariffs", "hits": 1,
         "published": "2025-11-02", "evidence": ""},
        {"tag_key": "a2:export_controls", "article_id": "a2", "tag": "export_controls",
         "label": "Export controls", "hits": 1, "published": "2025-10-15", "evidence": TEXT_B.split("\n")[1]},
        {"tag_key": "a3:seafood", "article_id": "a3", "tag": "seafood", "label": "Seafood ban", "hits": 1,
         "published": "", "evidence": TEXT_C},
    ])
    frames = {"articles": articles, "meetings": meetings, "quotes": quotes, "tags": tags}
    return {name: TABLES[name].conform(df) for name, df in frames.items()}


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("filled")
    Store(root).append(fixture_frames())
    return root


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> Path:
    if not any(SAMPLES.glob("*")):
        pytest.skip("the demo corpus (data/samples) is empty")
    from pipeline.ingest import load_demo
    root = tmp_path_factory.mktemp("demo")
    load_demo(Store(root))
    return root


def app_on(store: Path, monkeypatch, page: str | None = None, **params) -> AppTest:
    monkeypatch.setenv("TTM_STORE", str(store))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params.update(params)
    at.run()  # the pages are known only once st.navigation has run
    if page and page != PAGES[0]:
        at.switch_page(page).run()
    return at


def charts(at: AppTest) -> list[pd.DataFrame]:
    """The data behind each chart on the page."""
    out = []
    for el in at.get("vega_lite_chart"):
        for ds in el.proto.datasets:
            out.append(pa.ipc.open_stream(ds.data.data).read_all().to_pandas())
    return out


PLACES = {"Gyeongju": "m1", "": "m2", "Brussels": "m3"}


def meeting_names(df: pd.DataFrame) -> list[str]:
    """The fixture's meetings by name (the store's read merges them under new ids)."""
    return sorted(PLACES[p] for p in df["location"])


def frame_rows(at: AppTest) -> int:
    return sum(len(df.value) for df in at.dataframe)


# --- every page --------------------------------------------------------
@pytest.mark.parametrize("page", PAGES)
def test_page_on_filled_store(page, filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, page, article="a1")
    assert not at.exception, at.exception
    assert not at.error
    assert frame_rows(at) > 0 or page in ("app_pages/overview.py", "app_pages/corrections.py")
    assert len(at.multiselect) >= 6
    if page not in ("app_pages/articles.py", "app_pages/corrections.py"):
        assert any(len(c) for c in charts(at)), "the page draws a chart with data"


@pytest.mark.parametrize("page", PAGES)
def test_page_on_demo_corpus(page, demo_store, monkeypatch):
    at = app_on(demo_store, monkeypatch, page)
    assert not at.exception, at.exception
    assert not at.error
    assert frame_rows(at) > 0 or page in ("app_pages/overview.py", "app_pages/corrections.py")


@pytest.mark.parametrize("page", PAGES)
def test_page_on_empty_store(page, tmp_path, monkeypatch):
    at = app_on(tmp_path / "empty", monkeypatch, page)
    assert not at.exception, at.exception
    assert not at.error
    text = " ".join(m.value for m in [*at.info, *at.markdown])
    assert "upload" in text.lower() or any(b.label == "Load the demo corpus" for b in at.button)


# --- filters -----------------------------------------------------------
def table_on(at: AppTest, column: str) -> pd.DataFrame:
    """The page's table that has `column`."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_filters_change_the_tables(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py")
    assert meeting_names(table_on(at, "event_id")) == ["m1", "m2", "m3"]
    at.multiselect(key="countries").select("Japan").run()
    assert meeting_names(table_on(at, "event_id")) == ["m1"]
    at.switch_page("app_pages/quotes.py").run()  # the filter survives the page change
    assert at.multiselect(key="countries").value == ["Japan"]
    assert table_on(at, "quote_id")["quote_id"].tolist() == ["q1"]
    at.multiselect(key="countries").unselect("Japan").run()
    at.text_input(key="q").input("gallium").run()
    assert table_on(at, "quote_id")["quote_id"].tolist() == ["q2"]
    at.switch_page("app_pages/articles.py").run()
    assert table_on(at, "article_id")["article_id"].tolist() == ["a2"]


def test_filters_come_from_the_url(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py", mode="video")
    assert at.multiselect(key="mode").value == ["video"]
    assert meeting_names(table_on(at, "event_id")) == ["m2"]
    at = app_on(filled_store, monkeypatch, "app_pages/articles.py", **{"from": "2025-11-01"})
    assert table_on(at, "article_id")["article_id"].tolist() == ["a1"]


def test_choosing_an_issue_filters_every_page(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/issues.py")
    at.selectbox(key="issue_pick").select("seafood").run()
    next(b for b in at.button if b.label == "Filter all pages by this issue").click().run()
    assert at.multiselect(key="issues").value == ["seafood"]
    at.switch_page("app_pages/articles.py").run()
    assert table_on(at, "article_id")["article_id"].tolist() == ["a3"]


def test_timeline_chart_has_one_mark_per_dated_meeting_and_country(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py")
    marks = max(charts(at), key=len)
    # m1: Japan, China; m2: European Union, China; m3 has no day
    assert sorted(marks["counterpart"]) == ["China", "China", "European Union", "Japan"]
    assert marks["meetings"].sum() == 4 and set(marks["shown"]) == {"day"}
    assert "Meetings" in [h.value for h in at.subheader]
    # newest first, the undated one last
    assert meeting_names(table_on(at, "event_id")) == ["m1", "m2", "m3"]
    assert table_on(at, "event_id")["location"].tolist() == ["Gyeongju", "", "Brussels"]


def test_timeline_draws_planned_hollow_and_untagged_grey(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    enc = next(layer["encoding"] for layer in spec["layer"] if "fillOpacity" in layer.get("encoding", {}))
    assert enc["fillOpacity"]["field"] == "status_shown"
    assert enc["fillOpacity"]["scale"] == {"domain": ["held", "planned"], "range": [0.85, 0.0]}
    assert enc["color"]["field"] == enc["fill"]["field"] == "issue"
    colours = dict(zip(enc["color"]["scale"]["domain"], enc["color"]["scale"]["range"]))
    assert colours["Rare earths"] != colours["Export controls"] and "#a3a3a3" not in colours.values()
    scale = issue_scale(["b", "(no issue)", "A"]).to_dict()
    assert scale["domain"] == ["A", "b", "(no issue)"] and scale["range"][-1] == "#a3a3a3"
    assert "#a3a3a3" not in scale["range"][:-1]
    x = spec["encoding"]["x"] if "encoding" in spec else enc["x"]
    assert x["axis"]["format"] == "%d %b %Y" and x["scale"]["padding"] > 0


def test_article_reader_escapes_and_highlights(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/articles.py", article="a1")
    body = next(h.proto.body for h in at.get("html") if "Markets were calm" in h.proto.body)
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert '<mark class="meeting">Japan\u2019s trade minister Akazawa Ryosei met' in body
    assert '<mark class="quote">\u201cWe agreed to keep talking' in body
    # a tag's evidence alone is not highlighted: only the article's meetings and quotes are
    assert "<mark" not in body.split("Markets were calm")[0].split("rare earths,\u201d Akazawa said.")[1]
    assert any("Share this article" in t.value for t in at.text)


def test_download_holds_what_the_table_shows(filled_store, monkeypatch):
    import streamlit as st
    downloads, original = {}, st.download_button

    def recording(label, data, file_name=None, **kwargs):
        downloads[file_name] = data() if callable(data) else data
        return original(label, data, file_name=file_name, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    at = app_on(filled_store, monkeypatch, "app_pages/quotes.py", countries="China")
    name = f"trade-talks-quotes-{date.today().isoformat()}.csv"
    data = downloads[name]
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark, for Excel
    csv = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    shown = table_on(at, "quote_id")
    # headed as on screen: the schema's labels, the page's own names for its columns
    element = next(d for d in at.dataframe if "quote_id" in d.value.columns)
    labels = {c: v.get("label", c) for c, v in json.loads(element.proto.columns).items()}
    assert sorted(csv.columns) == sorted(labels.get(c, c) for c in shown.columns)
    assert "quote_id" not in csv.columns
    assert csv[labels["quote_id"]].tolist() == shown["quote_id"].tolist() == ["q2"]
    assert any(b.proto.label.endswith("(1 rows)") for b in at.get("download_button"))
    # a cell a spreadsheet would run as a formula is neutralised
    at.multiselect(key="countries").unselect("China").run()
    csv = pd.read_csv(io.BytesIO(downloads[name]), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert "'=HYPERLINK(\"x\")" in csv[labels["speaker"]].tolist()


# --- views -------------------------------------------------------------
def test_views_filter_and_search_fold_accents():
    v = prepare(fixture_frames())
    assert filter_meetings(v, Filters(statuses=("planned",)))["meeting_id"].tolist() == ["m3"]
    assert filter_meetings(v, Filters(start="2025-10-01", end="2025-10-20"))["meeting_id"].tolist() == ["m2"]
    assert filter_meetings(v, Filters(sources=("Kyodo",)))["meeting_id"].tolist() == ["m1"]
    assert filter_meetings(v, Filters(search="GYEONGJU apec"))["meeting_id"].tolist() == ["m1"]
    # a meeting is found by the title of the article reporting it, too
    assert filter_meetings(v, Filters(search="Šefčovič"))["meeting_id"].tolist() == ["m2", "m3"]
    assert filter_meetings(v, Filters(search="gyeongju video")).empty
    # a typed apostrophe finds a curly one
    assert filter_articles(v, Filters(search="Japan's trade"))["article_id"].tolist() == ["a1"]


def test_highlight_never_lets_markup_through():
    text = 'He said <b>no</b> & "yes".\nSecond <i>line</i>.'
    out = highlight(text, ['He said <b>no</b> & "yes".', "not in the text"])
    assert out.startswith("<mark>He said &lt;b&gt;no&lt;/b&gt; &amp; &quot;yes&quot;.</mark>")
    assert "<i>" not in out and "<b>" not in out
    assert highlight("<img src=x onerror=alert(1)>", []) == "&lt;img src=x onerror=alert(1)&gt;"


def test_untitled_articles_get_a_title_everywhere():
    frames = fixture_frames()
    frames["articles"].loc[1, "title"] = ""
    v = prepare(frames)
    shown = "EU trade chief Maros Sefcovic held a video call with Wang Wentao on Tuesday."
    assert v.articles.set_index("article_id").loc["a2", "title"] == shown
    assert v.articles.set_index("article_id").loc["a2", "stored_title"] == ""
    assert v.tags.set_index("article_id").loc["a2", "title"] == shown
    assert set(v.quotes.set_index("article_id").loc[["a2"], "title"]) == {shown}
    assert shown in v.meetings.set_index("location").loc["", "titles"]
    # titled articles keep their own title
    assert v.articles.set_index("article_id").loc["a1", "title"] == "Akazawa meets Wang"


def test_title_from_shortens_and_falls_back_to_the_file():
    long = "Word " * 40 + "end. Second sentence."
    title = title_from(long, "x.txt", limit=30)
    assert title.endswith("\u2026") and len(title) <= 31 and "Second" not in title
    assert title_from("Short one. Next.", "x.txt") == "Short one."
    assert title_from("  \n ", "folder/x.txt") == "folder/x.txt"


def test_texts_are_read_only_when_needed():
    frames = fixture_frames()
    texts = dict(zip(frames["articles"]["article_id"], frames["articles"]["text"]))
    frames["articles"].loc[2, "title"] = ""
    frames["articles"] = frames["articles"].drop(columns="text")
    asked = []

    def load(ids):
        asked.append(ids)
        return {i: t for i, t in texts.items() if ids is None or i in ids}

    v = prepare(frames, load_text=load)
    assert asked == [["a3"]]                  # only the untitled article, for its title
    assert v.articles["title"].iloc[2] == TEXT_C
    filter_meetings(v, Filters(countries=("Japan",)))
    assert asked == [["a3"]]                  # filtering without a search reads no text
    assert article_text(v, "a2") == TEXT_B and asked[-1] is None   # the reader reads them all, once
    assert filter_articles(v, Filters(search="gallium"))["article_id"].tolist() == ["a2"]
    filter_articles(v, Filters(search="seafood"))
    assert len(asked) == 2


def test_meetings_are_merged_only_when_a_page_needs_them():
    frames = fixture_frames()
    meetings, calls = frames["meetings"], []
    frames["meetings"] = lambda: calls.append(1) or meetings
    facets = meetings[["participants", "countries", "mode", "status", "tags"]]
    v = prepare(frames, meeting_facets=facets)
    assert "video" in v.options()["modes"] and "European Union" in v.options()["countries"]
    assert filter_articles(v, Filters(countries=("Japan",)))["article_id"].tolist() == ["a1", "a3"]
    assert not calls                          # the options and other tables need no merge
    assert filter_meetings(v, Filters(countries=("Japan",)))["meeting_id"].tolist() == ["m1"]
    assert filter_meetings(v, Filters(sources=("Reuters",)))["meeting_id"].tolist() == ["m2", "m3"]
    assert calls == [1]                       # read once, then kept
    # the reader's meetings come from the unmerged rows of its article
    v = prepare({**frames, "meetings": lambda: calls.append(2) or meetings}, meeting_facets=meetings)
    assert sorted(article_facts(v, "a2")["meetings"]["location"]) == ["", "Brussels"]
    assert calls == [1]


def test_reader_marks_meeting_and_quote_evidence_not_tag_evidence():
    v = prepare(fixture_frames())
    facts = article_facts(v, "a3")
    assert len(facts["tags"]) == 1 and facts["quotes"]["evidence"].tolist() == [TEXT_C]
    assert evidence_of(facts) == {"meeting": [], "quote": [TEXT_C]}
    only_tag = {**facts, "quotes": facts["quotes"].iloc[:0]}
    assert evidence_of(only_tag) == {"meeting": [], "quote": []}   # the tag's evidence is not marked
    out = highlight("A met B. A said hi. Other.", {"meeting": ["A met B.", "A said hi."], "quote": ["A said hi."]})
    assert out == '<mark class="meeting">A met B.</mark> <mark class="meeting quote">A said hi.</mark> Other.'


def test_tags_follow_the_article_filter():
    v = prepare(fixture_frames())
    assert sorted(filter_tags(v, Filters(sources=("Kyodo",)))["tag"]) == ["rare_earths", "seafood", "tariffs"]
    assert filter_tags(v, Filters(start="2025-11-01", tags=("tariffs",)))["tag"].tolist() == ["tariffs"]


# --- upload ------------------------------------------------------------
SEED = "title: Ministers meet\nsource: Test Wire\n\nWang Wentao met Akazawa Ryosei in Gyeongju on Thursday.\n"
NO_DATE = "title: Undated\n\nThe two ministers spoke by phone on Tuesday about rare earths.\n"


def test_upload_through_the_page(tmp_path, monkeypatch):
    at = app_on(tmp_path / "store", monkeypatch)
    uploader = at.file_uploader[0]
    assert uploader.accept_multiple_files and ".zip" in uploader.allowed_type
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("inner/b.txt", NO_DATE)
    uploader.set_value([("a.txt", SEED.encode(), "text/plain"), ("b.zip", archive.getvalue(), "application/zip"),
                        ("broken.json", b'{"title": "cut', "application/json")]).run()
    assert not at.exception, at.exception
    preview = at.dataframe[0].value  # st.data_editor
    assert preview["file"].tolist() == ["a.txt", "b.zip/inner/b.txt"]
    assert not preview["stored"].any()
    assert any("broken.json" in shown(e.value) for e in at.error)
    next(b for b in at.button if b.label == "Ingest").click().run()
    assert not at.exception, at.exception
    assert any("2 new articles stored" in s.value for s in at.success)
    assert len(Store(tmp_path / "store").read("articles")) == 2
    # the same file again is flagged before it is stored, and skipped when it is
    at.file_uploader[0].set_value(("again.txt", SEED.encode(), "text/plain")).run()
    assert at.dataframe[-1].value["stored"].tolist() == [True]
    next(b for b in at.button if b.label == "Ingest").click().run()
    assert any("0 new articles stored, 1 duplicates skipped" in s.value for s in at.info)


def test_dates_edited_in_the_preview_are_stored(tmp_path, lexicon):
    files = [("a.txt", SEED.encode()), ("b.txt", NO_DATE.encode())]
    preview, errors, bugs = preview_frame(files, set(), lexicon)
    assert not errors and not bugs and preview["words"].gt(0).all()
    assert preview["published"].tolist()[1] == ""   # shown and typed as text, YYYY-MM-DD
    edited = preview.copy()
    edited.loc[1, "published"] = "2025-05-20"
    assert read_dates(preview, edited) == ({1: date(2025, 5, 20)}, [])
    assert read_dates(preview, preview) == ({}, [])
    report = ingest_files(files, Store(tmp_path), read_dates(preview, edited)[0], lexicon=lexicon)
    assert len(report.new_ids) == 2 and not report.errors
    stored = Store(tmp_path).read("articles").set_index("title")
    assert stored.loc["Undated", "published"] == "2025-05-20"
    assert stored.loc["Undated", "published_source"] == "user"
    assert stored.loc["Ministers meet", "published_source"] != "user"


# --- the URL: filters, their match, page choices -----------------------------
def test_between_comes_from_the_url_and_narrows_the_timeline(filled_store, monkeypatch):
    sides = {"countries": ["China", "Japan"]}
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py", **sides)
    assert at.radio(key="match").value == "any"
    assert meeting_names(table_on(at, "event_id")) == ["m1", "m2", "m3"]
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py", match="between", **sides)
    assert at.radio(key="match").value == "between"
    assert meeting_names(table_on(at, "event_id")) == ["m1"]


def test_filter_changes_are_written_to_the_url(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py")
    at.multiselect(key="countries").select("China").select("European Union").run()
    at.radio(key="match").set_value("between").run()
    assert at.query_params["countries"] == ["China", "European Union"]
    assert at.query_params["match"] == "between"
    assert meeting_names(table_on(at, "event_id")) == ["m2", "m3"]
    at.segmented_control(key="timeline_rows").set_value("person").run()
    assert at.query_params["rows"] == "person"
    # the written URL opens the same view
    again = app_on(filled_store, monkeypatch, "app_pages/timeline.py", **at.query_params)
    assert again.multiselect(key="countries").value == ["China", "European Union"]
    assert again.segmented_control(key="timeline_rows").value == "person"
    assert meeting_names(table_on(again, "event_id")) == ["m2", "m3"]
    next(b for b in again.button if b.label == "Clear filters").click().run()
    assert "countries" not in again.query_params and "match" not in again.query_params


def test_quote_kind_and_article_live_in_the_url(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/quotes.py", kind="direct")
    assert at.segmented_control(key="quote_kinds").value == ["direct"]
    assert table_on(at, "quote_id")["quote_id"].tolist() == ["q1"]
    at.segmented_control(key="quote_kinds").set_value(["direct", "reported"]).run()
    assert "kind" not in at.query_params
    at = app_on(filled_store, monkeypatch, "app_pages/articles.py", article="a2")
    assert at.query_params["article"] == "a2"
    assert any("Sefcovic and Wang" in h.value for h in at.header)


def test_pickers_show_words_and_every_name(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py")
    assert set(at.multiselect(key="mode").options) == {"In person", "Video call"}
    assert set(at.multiselect(key="status").options) == {"Held", "Planned"}
    people = at.multiselect(key="people").options
    assert any("Maroš Šefčovič" in p and p.startswith("Maros Sefcovic") for p in people)
    assert any("Ryosei Akazawa" in p for p in people)
    at.multiselect(key="mode").select("video").run()   # the value is still the stored id
    assert at.query_params["mode"] == "video"


def test_no_widget_is_bound_to_the_url():
    """dashboard/url.py writes the whole URL in one go; a bound parameter would refuse that write."""
    for path in [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "dashboard").glob("*.py")]:
        assert "query-params" not in path.read_text().replace('`bind="query-params"`', ""), path


def test_weekly_charts_count_each_article_once(filled_store, monkeypatch):
    # a1 has two issues in its week, a2 one, a3 no date: the bars hold two articles in all
    at = app_on(filled_store, monkeypatch, "app_pages/issues.py")
    data = charts(at)
    totals = next(df for df in data if "articles" in df.columns and "label" not in df.columns
                  and "country" not in df.columns)
    articles = fixture_frames()["articles"]
    dated_tagged = articles[(articles["published"] != "") & articles["tags"].map(len).gt(0)]
    assert totals["articles"].sum() == len(dated_tagged) == 2
    per_issue = next(df for df in data if {"label", "period"} <= set(df.columns))
    assert per_issue["articles"].sum() == 3   # one per article and issue: a1 is on two lines
    at = app_on(filled_store, monkeypatch)
    weeks = next(df for df in charts(at) if "period" in df.columns)
    assert weeks["articles"].sum() == (articles["published"] != "").sum()
    # weeks without articles between the two are drawn as zero, on a time axis
    assert len(weeks) == 3 and weeks["articles"].tolist() == [1, 0, 1]
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["encoding"]["x"]["type"] == "temporal"


def test_a_store_swapped_in_at_the_same_version_is_read_afresh(tmp_path, monkeypatch):
    import shutil
    frames = fixture_frames()
    one = {name: df.iloc[:1] if name == "articles" else df.iloc[:0] for name, df in frames.items()}
    two = {name: df.iloc[:2] if name == "articles" else df.iloc[:0] for name, df in frames.items()}
    live, other = tmp_path / "live", tmp_path / "other"
    Store(live).append(one)
    Store(other).append(two)
    assert Store(live).version == Store(other).version
    at = app_on(live, monkeypatch)
    assert at.metric[0].value == "1"
    shutil.rmtree(live)
    shutil.copytree(other, live)
    at.run()
    assert at.metric[0].value == "2"


def test_downloaded_links_are_absolute():
    from pipeline.store.export import to_csv_bytes
    df = pd.DataFrame({"meeting_id": ["m1"], "link": ["articles?article=a1"]})
    data = to_csv_bytes(df, "meetings", {"meeting_id": "Meeting", "link": "Read"}, ("link",),
                        "http://localhost:8501/timeline")
    csv = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert list(csv.columns) == ["Meeting", "Read"]
    assert csv["Read"].tolist() == ["http://localhost:8501/articles?article=a1"]


def test_timeline_zooms_into_a_chosen_period(filled_store, monkeypatch):
    at = app_on(filled_store, monkeypatch, "app_pages/timeline.py")
    at.session_state["timeline_span"] = (pd.Timestamp("2025-10-25"), pd.Timestamp("2025-11-01"))
    at.run()
    marks = max(charts(at), key=len)
    assert sorted(marks["counterpart"]) == ["China", "Japan"]   # m1 alone
    assert meeting_names(table_on(at, "event_id")) == ["m1"]
    reset = next(b for b in at.button if b.label.startswith("Show all dates"))
    reset.click().run()
    assert meeting_names(table_on(at, "event_id")) == ["m1", "m2", "m3"]
