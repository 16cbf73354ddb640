"""Syndicated copies: one wire story carried by several outlets is one story, counted once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from pipeline.copies.groups import copies_of, link_new, with_outlets
from pipeline.copies.link import containment
from pipeline.copies.signature import decode, signature_of
from pipeline.ingest import ingest_paths, reprocess
from pipeline.query.library import read_table
from pipeline.store.export import to_csv_frame

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "copies"


def _body(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8").split("\n\n", 1)[1]


def _similarity(a: str, b: str) -> float:
    return containment(decode(signature_of(a)), decode(signature_of(b)))


def test_a_copy_with_another_lead_header_and_footer_is_close():
    assert _similarity(_body("wire_a.txt"), _body("wire_b.txt")) >= 0.6


def test_another_story_about_the_same_meeting_is_not():
    assert _similarity(_body("wire_a.txt"), _body("other_c.txt")) < 0.2


def test_text_without_words_has_no_signature():
    assert signature_of("") == "" and decode("") is None


def _ingest(folder: Path, store, lexicon, *names: str):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
    return ingest_paths([folder], store, lexicon=lexicon)


def test_two_outlets_one_story_quotes_and_meetings_counted_once(tmp_path, store, lexicon):
    _ingest(tmp_path / "first", store, lexicon, "wire_a.txt")
    alone = read_table(store, "quotes", once=True)
    meetings_alone = read_table(store, "meetings", once=True)
    report = _ingest(tmp_path / "second", store, lexicon, "wire_b.txt", "other_c.txt")
    assert len(report.new_ids) == 2

    articles = read_table(store, "articles").set_index("source")
    canonical = articles.loc["Northern Wire"]
    assert canonical["duplicate_of"] == "" and canonical["outlets"] == 2
    assert articles.loc["The Beijing Courier", "duplicate_of"] == canonical["article_id"]
    assert articles.loc["The Beijing Courier", "outlets"] == 2
    assert articles.loc["Lakeside Daily", "duplicate_of"] == "" and articles.loc["Lakeside Daily", "outlets"] == 1

    quotes = read_table(store, "quotes", once=True)
    assert len(read_table(store, "quotes")) > len(quotes)   # without `once`, each article's own
    copy_id = articles.loc["The Beijing Courier", "article_id"]
    assert not any(ids[0] == copy_id for ids in quotes["article_id"])   # the copy's shared quotes fold in
    wire = quotes[[ids[0] == canonical["article_id"] for ids in quotes["article_id"]]]
    assert len(wire) == len(alone) and len(alone)
    # the copy's meeting is the canonical article's: no meeting lists the copy
    meetings = read_table(store, "meetings", once=True)
    assert len(meetings_alone) >= 1 and len(meetings) == len(meetings_alone) + 1   # + the other story's
    assert any(set(ids) >= {canonical["article_id"], copy_id} for ids in meetings["article_ids"])

    exported = to_csv_frame(read_table(store, "articles"), "articles")
    assert {"duplicate_of", "outlets"} <= set(exported.columns) and "signature" not in exported.columns


def test_reprocess_keeps_the_links(tmp_path, store, lexicon):
    _ingest(tmp_path / "in", store, lexicon, "wire_a.txt", "wire_b.txt")
    before = read_table(store, "articles")[["article_id", "duplicate_of", "outlets"]]
    reprocess(store, lexicon)
    after = read_table(store, "articles")[["article_id", "duplicate_of", "outlets"]]
    pd.testing.assert_frame_equal(before, after)
    assert sorted(after["outlets"]) == [2, 2]


def test_a_store_without_signatures_is_linked_on_reprocess(tmp_path, store, lexicon):
    _ingest(tmp_path / "in", store, lexicon, "wire_a.txt", "wire_b.txt")
    stored = store.read("articles")
    store.replace({"articles": stored.assign(signature="", duplicate_of="", outlets=0)})
    reprocess(store, lexicon)
    articles = read_table(store, "articles")
    assert sorted(articles["duplicate_of"] != "") == [False, True]


def test_the_same_article_twice_is_still_one_row(tmp_path, store, lexicon):
    _ingest(tmp_path / "one", store, lexicon, "wire_a.txt")
    report = _ingest(tmp_path / "two", store, lexicon, "wire_a.txt")
    assert report.new_ids == [] and len(report.duplicate_ids) == 1
    assert read_table(store, "articles")["outlets"].tolist() == [1]


def _rows(*specs):
    return pd.DataFrame([{"article_id": i, "source": s, "signature": signature_of(t), "duplicate_of": ""}
                         for i, s, t in specs], columns=["article_id", "source", "signature", "duplicate_of"])


def test_copies_of_a_copy_link_to_the_first():
    a, b = _body("wire_a.txt"), _body("wire_b.txt")
    stored = link_new(_rows(), _rows(("a", "One", a), ("b", "Two", b), ("c", "Three", b + "\nMore at six.")))
    assert stored["duplicate_of"].tolist() == ["", "a", "a"]
    assert stored["outlets"].tolist() == [3, 3, 3]
    counted = with_outlets(stored)
    assert counted["outlet_names"].iloc[2] == ["One", "Two", "Three"]
    assert copies_of(counted, "c")["article_id"].tolist() == ["a", "b"]


def test_the_dashboard_counts_a_syndicated_story_once(tmp_path, store, lexicon):
    from pipeline.query.views import prepare
    _ingest(tmp_path / "in", store, lexicon, "wire_a.txt", "wire_b.txt")
    v = prepare({t: read_table(store, t) for t in ("articles", "meetings", "quotes", "tags")})
    copy = v.articles.loc[v.articles["duplicate_of"] != ""].iloc[0]
    assert copy["outlets"] == 2 and copy["outlet_names"] == ["Northern Wire", "The Beijing Courier"]
    assert copy["article_id"] not in set(v.quotes["article_id"]) and len(v.quotes)
    assert all(copy["article_id"] in ids for ids in v.meetings["article_ids"])
    assert (v.meetings["source_count"] == 2).all()


def test_the_reader_shows_the_outlets_and_lists_the_copies(tmp_path, store, lexicon, monkeypatch):
    from tests.test_app import app_on
    _ingest(tmp_path / "in", store, lexicon, "wire_a.txt", "wire_b.txt")
    copy = read_table(store, "articles").query("duplicate_of != ''").iloc[0]
    at = app_on(store.root, monkeypatch, "app_pages/articles.py", article=copy["article_id"])
    assert not at.exception, at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "**2 outlets**" in shown and "Northern Wire" in shown and "syndicated copy" in shown
    assert any("Northern Wire" in df.value["source"].tolist() for df in at.dataframe if "source" in df.value)


def test_the_bands_are_those_the_library_picks_for_the_threshold():
    from datasketch import MinHashLSH

    from pipeline.copies.link import BANDS, CANDIDATE
    from pipeline.copies.signature import PERMUTATIONS
    picked = MinHashLSH(threshold=CANDIDATE, num_perm=PERMUTATIONS)
    assert (picked.b, picked.r) == BANDS


def test_a_small_batch_is_linked_as_the_index_would_link_it():
    from benchmarks.wire import corpus
    from pipeline.copies.groups import SCAN_UP_TO
    from pipeline.copies.link import linker_of, scan
    docs = corpus(300, copies=0.3)
    rows = pd.DataFrame({"article_id": [d[0] for d in docs], "source": [d[1] for d in docs],
                         "signature": [signature_of(d[2]) for d in docs]})
    indexed = linker_of([], [], [])
    expected = [indexed.link(i, s) for i, s in zip(rows["article_id"], rows["signature"])]
    stored, new = rows.iloc[:300 - SCAN_UP_TO], rows.iloc[300 - SCAN_UP_TO:]
    scanned = scan(stored["article_id"].tolist(), stored["signature"].tolist(), expected[:len(stored)],
                   new["article_id"].tolist(), new["signature"].tolist())
    assert scanned == expected[len(stored):] and any(scanned)
