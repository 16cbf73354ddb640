"""What an HTML page's article extraction left out (menus, footers, banners) is listed among
what was removed, survives a reprocess, and never holds the article's own text."""
from __future__ import annotations

import pandas as pd

from pipeline.article import Article, Removed
from pipeline.ingest import ingest_paths, reprocess
from pipeline.load.left_out import left_out
from pipeline.load.limits import MAX_LEFT_OUT, MAX_LEFT_OUT_CHARS
from pipeline.load.loaders import load_bytes
from pipeline.store.rows import stored_article

NAV = "World Business Markets Opinion Sport Weather"
COOKIES = "We use cookies to improve your experience. Accept all cookies or manage your settings."
FOOTER = "Copyright 2026 Harbour Times Media Group. All rights reserved."
RELATED = "Read more: Shipping rates climb as port strike enters second week"
BODY = [
    "Chinese Commerce Minister Wang Wentao met EU trade chief Maros Sefcovic in Geneva on Thursday "
    "and agreed to open formal talks on the grain tariffs that have soured relations since last autumn.",
    "The two ministers spent three hours at the lakeside guest house, officials from both sides said, "
    "and emerged to tell reporters that negotiating teams would meet every fortnight until the summer.",
    '"We intend to fix it before the next harvest," Sefcovic said at a joint news conference, adding that '
    "farmers on both sides had waited long enough for a settlement of the dispute over barley duties.",
    "China raised duties on EU grain to eighteen percent in October, arguing that subsidies paid by the "
    "EU treasury had flooded its markets with cheap wheat, and the EU answered with levies on machinery.",
]
PAGE = f"""<!doctype html><html><head><title>Grain talks begin in Geneva</title>
<meta property="og:site_name" content="Harbour Times"></head><body>
<div id="cookie-banner"><p>{COOKIES}</p><button>OK</button></div>
<header><nav><ul>{"".join(f"<li><a href='/{w}'>{w}</a></li>" for w in NAV.split())}</ul>
<p>{NAV}</p></nav></header>
<main><article><h1>Grain talks begin in Geneva</h1>
{"".join(f"<p>{p}</p>" for p in BODY)}
</article>
<aside><h3>Related</h3><ul><li><a href="/x">{RELATED}</a></li></ul></aside></main>
<footer><p>{FOOTER}</p><p>Home</p></footer></body></html>"""


def _removed_texts(items) -> list[str]:
    return [r.split(": ", 1)[1] for r in items if r.startswith("page furniture: ")]


def test_the_page_furniture_is_listed_and_the_body_is_not(tmp_path, store, lexicon):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, "utf-8")
    (folder / "plain.txt").write_text("title: Plain\nsource: Test Wire\n\n" + "\n\n".join(BODY[1:]) + "\n", "utf-8")
    ingest_paths([folder], store, lexicon=lexicon)
    rows = store.read("articles").set_index("origin")
    page = _removed_texts(rows.loc["page.html", "removed"])
    for furniture in (NAV, COOKIES, FOOTER, RELATED):
        assert furniture in page
    assert not any(p[:40] in r for p in BODY for r in page)     # nothing of the article itself
    assert "Home" not in page and "Grain talks begin in Geneva" not in page   # one word; the headline
    assert all(p in rows.loc["page.html", "text"] for p in BODY)
    assert _removed_texts(rows.loc["plain.txt", "removed"]) == []   # a text file has no page furniture
    assert list(rows.loc["plain.txt", "left_out"]) == []

    before = store.read("articles")[["article_id", "removed"]]
    reprocess(store, lexicon)
    after = store.read("articles")[["article_id", "removed"]]
    pd.testing.assert_frame_equal(before, after)               # the list survives a reprocess


def test_a_store_without_the_column_still_reads_and_reprocesses(tmp_path, store, lexicon):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, "utf-8")
    ingest_paths([folder], store, lexicon=lexicon)
    row = store.read("articles").iloc[0].to_dict()
    del row["left_out"]
    assert stored_article(row).left_out == []
    store.replace({"articles": store.read("articles").assign(left_out=[[]])})
    reprocess(store, lexicon)
    assert _removed_texts(store.read("articles").iloc[0]["removed"]) == []


def test_the_list_is_bounded():
    blocks = "\n".join(f"Link number {i} to another story " + "word " * 200 for i in range(MAX_LEFT_OUT * 3))
    found = left_out(blocks + "\nOne\n\n", "An unrelated body of text.")
    assert len(found) == MAX_LEFT_OUT
    assert all(len(r.text) <= MAX_LEFT_OUT_CHARS + 2 and r.reason == "page furniture" for r in found)


def test_the_loader_gives_cleaning_what_it_left_out():
    [article] = load_bytes("page.html", PAGE.encode())
    assert Removed("page furniture", FOOTER) in article.left_out
    assert isinstance(article, Article) and BODY[0] in article.raw_text


def test_the_reader_lists_the_page_furniture(tmp_path, store, lexicon, monkeypatch):
    from tests.test_app import app_on
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, "utf-8")
    ingest_paths([folder], store, lexicon=lexicon)
    article_id = store.read("articles").iloc[0]["article_id"]
    at = app_on(store.root, monkeypatch, "app_pages/articles.py", article=article_id)
    assert not at.exception, at.exception
    assert any("What loading and cleaning removed** (4)" in m.value for m in at.markdown)
    assert f"page furniture: {COOKIES}" in [t.value for t in at.text]
