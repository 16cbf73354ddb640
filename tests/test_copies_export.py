"""The quotes export holds each quote of a syndicated story once, listing the articles carrying it."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pandas as pd

from pipeline.cli import main
from pipeline.copies.groups import quotes_once
from pipeline.ingest import ingest_paths
from pipeline.query.library import read_table
from pipeline.text.folding import fold

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "copies"
LEAD = "This is the beginning of the end of the grain quarrel"   # only wire_d's reworded lead says it


def _export(tmp_path, store, lexicon, *names: str) -> pd.DataFrame:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
    ingest_paths([folder], store, lexicon=lexicon)
    out = tmp_path / "quotes.csv"
    assert main(["export", "quotes", "--store", str(store.root), "--out", str(out)]) == 0
    return pd.read_csv(io.BytesIO(out.read_bytes()), dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _ids(store) -> dict[str, str]:
    articles = read_table(store, "articles")
    return dict(zip(articles["source"], articles["article_id"]))


def test_a_shared_quote_is_one_row_with_both_articles_and_the_copy_only_one_its_own(tmp_path, store, lexicon):
    # wire_d: another outlet's copy of wire_a, with its own header, a line of boilerplate at
    # each end and a reworded lead that quotes Wang
    exported = _export(tmp_path, store, lexicon, "wire_a.txt", "wire_d.txt")
    ids = _ids(store)
    wire, copy = ids["Northern Wire"], ids["Harbour Times"]
    assert read_table(store, "articles").set_index("source").loc["Harbour Times", "duplicate_of"] == wire
    each = read_table(store, "quotes")
    shared = each[each["article_id"] == wire]
    assert len(shared) >= 3
    own = exported[exported["text"].map(fold).str.contains(fold(LEAD), regex=False)]
    assert own["article_id"].tolist() == [copy]                  # the copy-only quote: a row of its own
    rest = exported.drop(index=own.index)
    assert (rest["article_id"] == f"{wire}; {copy}").all()       # canonical first, then the copy
    assert sorted(rest["text"]) == sorted(shared["text"])        # each shared quote once
    assert rest["text"].is_unique and len(exported) == len(shared) + 1


def test_an_article_without_copies_exports_as_before(tmp_path, store, lexicon):
    exported = _export(tmp_path, store, lexicon, "wire_a.txt", "other_c.txt")
    each = read_table(store, "quotes")
    assert sorted(exported["article_id"]) == sorted(each["article_id"])
    assert sorted(exported["quote_id"]) == sorted(each["quote_id"])
    assert not exported["article_id"].str.contains(";").any()


def test_the_quotes_page_rows_are_the_exports(tmp_path, store, lexicon):
    from pipeline.query.reader import article_facts
    from pipeline.query.views import prepare
    exported = _export(tmp_path, store, lexicon, "wire_a.txt", "wire_d.txt")
    v = prepare({t: read_table(store, t) for t in ("articles", "meetings", "quotes", "tags")})
    assert sorted(v.quotes["quote_id"]) == sorted(exported["quote_id"])
    page = dict(zip(v.quotes["quote_id"], v.quotes["article_ids"].map("; ".join)))
    assert page == dict(zip(exported["quote_id"], exported["article_id"]))
    # the copy's reader lists every quote the copy carries
    copy = _ids(store)["Harbour Times"]
    assert len(article_facts(v, copy)["quotes"]) == len(exported)


def test_a_copy_fills_in_a_speaker_the_canonical_lacks_and_keeps_its_other_kind():
    quotes = pd.DataFrame({"quote_id": ["q1", "q2", "q3"], "article_id": ["a", "b", "b"],
                           "speaker": ["", "Wang Wentao", "Wang Wentao"], "kind": ["direct", "direct", "reported"],
                           "text": ["We will fix it.", "we will fix it", "we will fix it"]})
    articles = pd.DataFrame({"article_id": ["a", "b"], "duplicate_of": ["", "a"]})
    once = quotes_once(quotes, articles)
    assert once["quote_id"].tolist() == ["q1", "q3"]
    assert once["article_ids"].tolist() == [["a", "b"], ["b"]]
    assert once["speaker"].tolist() == ["Wang Wentao", "Wang Wentao"]
