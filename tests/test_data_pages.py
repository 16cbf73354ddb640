"""The Taxonomy and People pages under AppTest, on a store of invented articles and a copy of data/:
preview, save (or refusal), and the background reprocess that follows."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import background
from pipeline.errors import LexiconError
from pipeline.ingest import ingest_uploads
from pipeline.lexicon.edits import read_rows
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.store.parquet import Store
from tests.markdown import shown

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [
    ("a.txt", "title: Gallium talks\nsource: Wire\npublished: 2025-10-02\n\n"
              "Wang Wentao met Akazawa Ryosei in Tokyo on Monday.\n"
              "Japan asked China to ease its export controls on gallium. Talks went on."),
    ("b.txt", "title: Steel quotas\nsource: Wire\npublished: 2025-10-03\n\n"
              "Canada widened its tariff-rate quotas for steel.\n\u201cWe will watch imports,\u201d Wang Wentao said."),
    ("c.txt", "title: Chips\nsource: Wire\npublished: 2025-10-04\n\nChip exports fell sharply in September."),
    ("d.txt", "title: Madrid talks\nsource: Wire\npublished: 2025-10-05\n\n"
              "Spanish Trade Minister Ana Ruiz-Soto met Wang Wentao in Madrid on Tuesday.\n"
              "\u201cWe want open markets,\u201d Ana Ruiz-Soto said."),
]
# one person entered twice: the second row should have been an alias of the first
PEOPLE = "Ana Ruiz,A. Ruiz,Minister of Industry and Trade,Spain,2024-01-01,,\nAna Ruiz-Soto,,,Spain,,,\n"


@pytest.fixture
def setup(tmp_path, monkeypatch) -> tuple[Path, Path]:
    data = Path(shutil.copytree(DEFAULT_DATA, tmp_path / "data", ignore=shutil.ignore_patterns("samples")))
    with open(data / "people.csv", "a", encoding="utf-8") as handle:
        handle.write(PEOPLE)
    store = tmp_path / "store"
    ingest_uploads([(n, t.encode()) for n, t in ARTICLES], Store(store), lexicon=Lexicon.load(data))
    monkeypatch.setenv("TTM_STORE", str(store))
    monkeypatch.setenv("TTM_DATA", str(data))
    return store, data


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def tags_of(store: Path) -> dict[str, list[str]]:
    articles = Store(store).read("articles").set_index("title")
    return {title: list(tags) for title, tags in articles["tags"].items()}


def test_taxonomy_page_previews_saves_and_retags_in_the_background(setup):
    store, data = setup
    repository = (DEFAULT_DATA / "taxonomy.csv").read_bytes()
    at = open_page("app_pages/taxonomy.py")
    assert not at.error
    listed = at.dataframe[0].value
    assert "tariffs" in listed["id"].tolist()
    at.text_input(key="taxonomy_new_id").input("quotas")
    at.text_input(key="taxonomy_label_").input("Quotas")
    at.text_area(key="taxonomy_patterns_").input("tariff rate quota*\nimport quota*")
    button(at, "Preview").click().run()
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles it would be on"] == "1" and metrics["Would gain it"] == "1"
    evidence = next(df.value for df in at.dataframe if "sentence" in df.value.columns)
    assert evidence["sentence"].tolist() == ["Canada widened its tariff-rate quotas for steel."]
    taken = next(df.value for df in at.dataframe if "lost" in df.value.columns)
    assert taken[["tag", "lost"]].values.tolist() == [["tariffs", 1]]   # the longer pattern takes the words
    assert tags_of(store)["Steel quotas"] == ["tariffs"]
    button(at, "Save and reprocess the store").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    job = background.wait(store)
    assert job is not None and not job.running and not job.error, job
    at.run()
    assert any("reprocessed the store" in s.value for s in at.success)
    assert tags_of(store)["Steel quotas"] == ["quotas"]
    assert "quotas,Quotas,tariff rate quota*;import quota*" in (data / "taxonomy.csv").read_text(encoding="utf-8")
    assert (DEFAULT_DATA / "taxonomy.csv").read_bytes() == repository
    listed = at.dataframe[0].value.set_index("id")
    assert listed.loc["quotas", "articles"] == 1


def test_a_broken_pattern_is_an_error_and_nothing_is_written(setup):
    store, data = setup
    before = (data / "taxonomy.csv").read_bytes()
    at = open_page("app_pages/taxonomy.py")
    at.selectbox(key="taxonomy_tag").select("semiconductors").run()
    at.text_area(key="taxonomy_patterns_semiconductors").input("chip*\n*").run()
    button(at, "Preview").click().run()
    message = " ".join(shown(e.value) for e in at.error)
    assert "taxonomy.csv:7" in message and "names no word" in message
    assert not [b for b in at.button if b.label == "Save and reprocess the store"]
    assert (data / "taxonomy.csv").read_bytes() == before
    assert background.busy(store) is None


def test_a_second_save_while_the_store_is_reprocessed_is_refused(setup):
    store, data = setup
    job = background.Job(str(store.resolve()), "the tag x")
    background._JOBS[job.store] = job
    try:
        with pytest.raises(background.Busy):
            background.save_then_reprocess(store, "the tag y", lambda: pytest.fail("saved while busy"))
        at = open_page("app_pages/taxonomy.py")
        at.text_input(key="taxonomy_new_id").input("y")
        at.text_area(key="taxonomy_patterns_").input("gallium")
        button(at, "Preview").click().run()
        assert button(at, "Save and reprocess the store").disabled
        assert any("Saving waits" in shown(i.value) for i in at.info)
        assert at.get("progress")
    finally:
        job.finished = 0.0


def test_an_edit_that_fails_to_save_gives_the_slot_back(setup):
    store, data = setup

    def broken():
        raise LexiconError("data/taxonomy.csv:3: broken")
    with pytest.raises(LexiconError):
        background.save_then_reprocess(store, "the tag z", broken)
    assert background.busy(store) is None and background.job_of(store) is None


def people_in(store: Path) -> dict[str, list]:
    st = Store(store)
    return {"articles": sorted({p for ps in st.read("articles")["people"] for p in ps}),
            "meetings": sorted({p for ps in st.read("meetings")["participants"] for p in ps}),
            "quotes": sorted(set(st.read("quotes")["speaker"]))}


def test_people_page_lists_counts_and_merges_in_the_background(setup):
    store, data = setup
    assert all("Ana Ruiz-Soto" in names for names in people_in(store).values()), people_in(store)
    at = open_page("app_pages/people.py")
    assert not at.error
    listed = next(df.value for df in at.dataframe if "canonical" in df.value.columns).set_index("canonical")
    assert listed.loc["Ana Ruiz-Soto", ["articles", "meetings", "quotes"]].tolist() == [1, 1, 1]
    assert listed.loc["Wang Wentao", "articles"] == 3
    assert listed.loc["Ana Ruiz", "aliases"] == ["A. Ruiz"]
    at.selectbox(key="merge_from").select("Ana Ruiz-Soto").run()
    at.selectbox(key="merge_into").select("Ana Ruiz").run()
    next(b for b in at.button if b.key == "people_merge_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Articles that would change": "1", "Meetings that would change": "1",
                       "Quotes that would change": "1"}
    after = next(df.value for df in at.dataframe if "family" in df.value.columns)
    assert after[["canonical", "aliases"]].values.tolist() == [["Ana Ruiz", "A. Ruiz;Ana Ruiz-Soto"]]
    next(b for b in at.button if b.key == "people_merge_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    job = background.wait(store)
    assert job is not None and not job.error, job
    at.run()
    assert any("reprocessed the store" in s.value for s in at.success)
    for kind, names in people_in(store).items():
        assert "Ana Ruiz" in names and "Ana Ruiz-Soto" not in names, (kind, names)
    rows = read_rows(data, "people.csv").rows
    assert [r["canonical"] for r in rows].count("Ana Ruiz-Soto") == 0
    listed = next(df.value for df in at.dataframe if "canonical" in df.value.columns).set_index("canonical")
    assert listed.loc["Ana Ruiz", ["articles", "meetings", "quotes"]].tolist() == [1, 1, 1]


def test_people_page_splits_an_alias_and_sets_an_office(setup):
    store, data = setup
    at = open_page("app_pages/people.py")
    at.selectbox(key="split_person").select("Ana Ruiz").run()
    at.selectbox(key="split_alias_Ana Ruiz").select("A. Ruiz").run()
    next(b for b in at.button if b.key == "people_split_button").click().run()
    assert not at.error, [e.value for e in at.error]
    after = next(df.value for df in at.dataframe if "family" in df.value.columns)
    assert after["canonical"].tolist() == ["Ana Ruiz", "A. Ruiz"]
    at.selectbox(key="office_person").select("Ana Ruiz-Soto").run()
    at.text_input(key="office_role_Ana Ruiz-Soto_" + str(len(read_rows(data, "people.csv").rows) - 1)).input(
        "Trade Minister")
    field = [w for w in at.text_input if w.key.startswith("office_to_")][0]
    field.input("2020-01-01").run()
    [w for w in at.text_input if w.key.startswith("office_from_")][0].input("2024-01-01").run()
    next(b for b in at.button if b.key == "people_office_button").click().run()
    message = " ".join(shown(e.value) for e in at.error)
    assert "people.csv:" in message and "valid_to is before valid_from" in message
    assert not [b for b in at.button if b.key == "people_office_save"]


@pytest.mark.parametrize("page", ["app_pages/taxonomy.py", "app_pages/people.py"])
def test_the_pages_work_on_an_empty_store(page, tmp_path, monkeypatch):
    data = Path(shutil.copytree(DEFAULT_DATA, tmp_path / "data", ignore=shutil.ignore_patterns("samples")))
    monkeypatch.setenv("TTM_STORE", str(tmp_path / "empty"))
    monkeypatch.setenv("TTM_DATA", str(data))
    at = open_page(page)
    assert not at.error
    # every tag, every person (one row each in the project's files)
    assert len(at.dataframe[0].value) == len(read_rows(data, Path(page).stem + ".csv").rows)
    if page.endswith("taxonomy.py"):
        at.text_input(key="taxonomy_new_id").input("ships")
        at.text_area(key="taxonomy_patterns_").input("container ship*")
        button(at, "Preview").click().run()
        assert not at.exception and not at.error
        assert {m.label: m.value for m in at.metric}["Articles it would be on"] == "0"


# --- sharing the files: download, import previewed, saved, and a second import that changes nothing ---------
def uploader(at: AppTest, key: str):
    return next(u for u in at.file_uploader if u.key == key)


def test_taxonomy_page_imports_a_shared_file_once(setup):
    store, data = setup
    at = open_page("app_pages/taxonomy.py")
    download = next(d for d in at.get("download_button") if d.proto.label.startswith("Download taxonomy.csv"))
    assert download is not None
    shared = ("id,label,patterns\nquotas,Quotas,tariff rate quota*;import quota*\n"
              "semiconductors,Chips and chip tools,semiconductor*;chip*\n").encode("utf-8-sig")
    uploader(at, "taxonomy_import_upload").set_value(("team.csv", shared, "text/csv")).run()
    button(at, "Preview the import").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Added"] == "1" and metrics["Updated"] == "1"
    assert metrics["Only here, kept"] == str(len(read_rows(data, "taxonomy.csv").rows) - 1)
    changes = at.dataframe[-1].value
    assert changes[["row", "change"]].values.tolist() == [["semiconductors", "updated"], ["quotas", "added"]]
    next(b for b in at.button if b.key == "taxonomy_import_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    job = background.wait(store)
    assert job is not None and not job.error and job.what == "the import of team.csv", job
    assert tags_of(store)["Steel quotas"] == ["quotas"]
    ids = [r["id"] for r in read_rows(data, "taxonomy.csv").rows]
    assert ids[-1] == "quotas" and "tariffs" in ids    # added; the tags only here are kept
    written = (data / "taxonomy.csv").read_bytes()

    at.run()
    button(at, "Preview the import").click().run()    # the same file again
    assert any("Nothing to change" in shown(i.value) for i in at.info)
    assert not [b for b in at.button if b.key == "taxonomy_import_save"]
    assert (data / "taxonomy.csv").read_bytes() == written and background.wait(store) is job


def test_a_broken_shared_file_is_refused_on_the_page(setup):
    store, data = setup
    before = (data / "people.csv").read_bytes()
    at = open_page("app_pages/people.py")
    uploader(at, "people_import_upload").set_value(
        ("team.csv", b"canonical,valid_from\nAna Ruiz,May 2024\n", "text/csv")).run()
    button(at, "Preview the import").click().run()
    message = " ".join(shown(e.value) for e in at.error)
    assert "team.csv:2" in message and "not a date" in message
    assert not [b for b in at.button if b.key == "people_import_save"]
    assert (data / "people.csv").read_bytes() == before and background.busy(store) is None


def test_people_page_imports_aliases_into_a_person(setup):
    store, data = setup
    at = open_page("app_pages/people.py")
    uploader(at, "people_import_upload").set_value(
        ("team.csv", b"canonical,aliases\nAna Ruiz,Ana Ruiz-Soto\n", "text/csv")).run()
    button(at, "Preview the import").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    changes = at.dataframe[-1].value
    assert changes[["row", "change"]].values.tolist() == [["Ana Ruiz (Minister of Industry and Trade, "
                                                            "from 2024-01-01)", "updated"]]
    assert changes["gained"].tolist() == [["Ana Ruiz-Soto"]]
