"""The reader's corrections, as an analyst makes them (AppTest): re-date an article, add a quote
the extraction missed, revert; each signed with the analyst's name and seen at once."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import ingest_paths
from pipeline.query.library import read_table
from pipeline.store.parquet import Store
from tests.markdown import shown
from tests.test_app import app_on

BODY = ("Jamieson Greer, the US trade representative, held talks with Chinese Vice Premier He Lifeng in "
        "Geneva on Monday (March 2) on tariffs.\n"
        "Greer told reporters the talks had been useful and would continue next month.\n"
        "Markets in Asia rose on the news.")


def geneva_store(tmp_path: Path, lexicon) -> tuple[Store, str]:
    """A store holding one invented article, and its id."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "geneva.txt").write_text(f"title: Geneva talks\nsource: Harbour Times\npublished: 2026-03-03\n\n{BODY}\n",
                                       "utf-8")
    store = Store(tmp_path / "store")
    ingest_paths([folder], store, lexicon=lexicon)
    return store, read_table(store, "articles")["article_id"].iloc[0]


@pytest.fixture
def one_article(tmp_path, lexicon) -> tuple[Path, str]:
    store, article = geneva_store(tmp_path, lexicon)
    return store.root, article


def _reader(root: Path, article: str, monkeypatch):
    return app_on(root, monkeypatch, "app_pages/articles.py", article=article)


def _sign(at, name: str = "Ana Analyst"):
    at.text_input(key="analyst_input").input(name).run()
    return at


def test_nothing_is_recorded_before_the_analyst_signs(one_article, monkeypatch):
    root, article = one_article
    at = _reader(root, article, monkeypatch)
    assert next(b for b in at.button if b.label == "Save quotes corrections").disabled


def test_re_dating_an_article_is_a_signed_correction_seen_at_once(one_article, monkeypatch):
    root, article = one_article
    at = _sign(_reader(root, article, monkeypatch))
    at.date_input[0].set_value("2026-03-05")
    next(b for b in at.button if b.label == "Re-date the article").click().run()
    assert not at.exception
    corrections = Store(root).read("corrections")
    assert corrections[["table", "field", "value", "author"]].values.tolist() == [
        ["articles", "published", "2026-03-05", "Ana Analyst"]]
    row = read_table(Store(root), "articles").iloc[0]
    assert row["published"] == "2026-03-05" and row["corrected"] == ["published"]
    assert any("published 2026-03-05" in shown(c.value) for c in at.caption)   # the reader says so at once


def test_a_quote_added_from_a_sentence_shows_marked_then_reverts(one_article, monkeypatch):
    root, article = one_article
    at = _sign(_reader(root, article, monkeypatch))
    before = len(read_table(Store(root), "quotes"))
    pick = next(s for s in at.selectbox if s.label == "From the sentence")
    pick.set_value(next(o for o in pick.options if o.startswith("Markets in Asia")))
    next(t for t in at.text_input if t.label == "Speaker (a quote)").input("Market analysts")
    next(b for b in at.button if b.label == "Add").click().run()
    assert not at.exception
    quotes = read_table(Store(root), "quotes")
    assert len(quotes) == before + 1
    added = quotes[quotes["speaker"] == "Market analysts"].iloc[0]
    assert added["corrected"] == ["added"] and added["text"] == "Markets in Asia rose on the news."
    at.run()
    next(b for b in at.button if b.label == "Revert").click().run()
    assert len(read_table(Store(root), "quotes")) == before


def test_the_corrections_page_lists_them_offers_the_file_and_the_ones_to_review(one_article, monkeypatch):
    from pipeline.corrections import Correction, record
    root, article = one_article
    store = Store(root)
    record(store, [Correction("articles", article, "published", "2026-03-05", author="Ana Analyst"),
                   Correction("quotes", "gone", "speaker", "Li Chenggang", author="Ana Analyst", article_id=article,
                              evidence="A sentence this article never had.")])
    at = app_on(root, monkeypatch, "app_pages/corrections.py")
    assert not at.exception and not at.error
    made = next(df.value for df in at.dataframe if "state" in df.value.columns)
    assert sorted(made["field"]) == ["published", "speaker"] and set(made["author"]) == {"Ana Analyst"}
    review = next(df.value for df in at.dataframe if "reason" in df.value.columns)
    assert review["value"].tolist() == ["Li Chenggang"]
    assert any("Corrections to review (1)" in e.label for e in at.expander)


def test_a_report_is_kept_apart_from_the_event_in_the_reader(tmp_path, lexicon, monkeypatch):
    from tests.test_events import GENEVA_ONE, GENEVA_TWO, _ingest, _of
    store = Store(tmp_path / "two")
    _ingest(tmp_path, store, lexicon, "harbour", "Harbour Times", "2026-03-03", GENEVA_ONE)
    _ingest(tmp_path, store, lexicon, "ledger", "Pacific Ledger", "2026-03-04", GENEVA_TWO)
    assert len(_of(read_table(store, "events"), "Jamieson Greer", "He Lifeng")) == 1
    articles = read_table(store, "articles")
    ledger = articles.loc[articles["source"] == "Pacific Ledger", "article_id"].iloc[0]
    at = _sign(_reader(store.root, ledger, monkeypatch))
    next(r for r in at.radio if r.label == "It is").set_value("apart")
    next(b for b in at.button if b.label == "Save the grouping").click().run()
    assert not at.exception
    events = _of(read_table(store, "events"), "Jamieson Greer", "He Lifeng")
    assert sorted(events["source_count"]) == [1, 1]
