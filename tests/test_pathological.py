"""Hostile and freakish uploads: each answered within seconds with a clean line.

Every family is built here as bytes and sent through the real entry points (the
loader, then the whole ingest into a store). The file either goes in, cut or
split to the limits of `pipeline/load/limits.py` with a warning naming it, or is
refused with one named error saying what to do. Nothing may take minutes: each
test measures its own wall time against a generous bound.
"""
from __future__ import annotations

import json
import time

import pytest

from pipeline.errors import EmptyFile, FileRejected, FileTooLarge, MalformedFile, NotText
from pipeline.ingest import IngestReport, ingest_uploads
from pipeline.load.limits import (MAX_ARTICLE_CHARS, MAX_ARTICLES, MAX_HEADER_LINE, MAX_LINES, MAX_PARAGRAPH_CHARS,
                                  MAX_ZIP_ENTRIES)
from pipeline.load.loaders import load_bytes
from pipeline.store.parquet import Store
from tests.test_loaders import make_zip

SECONDS = 10
SENTENCE = "Trade minister Ana Ruiz met her Valdorian counterpart Tomas Brenn in Geneva on Monday. "


def varied_sentences(n: int, start: int = 0) -> str:
    """n different sentences, each naming a meeting: the densest work for every step."""
    names = ["Ana Ruiz", "Tomas Brenn", "Li Wen", "Maria Costa", "Kenji Sato", "Olga Lind", "Omar Haddad"]
    places = ["Geneva", "Brussels", "Tokyo", "Jakarta", "Lima", "Oslo"]
    return " ".join(f"Trade minister {names[i % 7]} met {names[(i + 3) % 7]} in {places[i % 6]} on "
                    f"{i % 28 + 1} March to discuss round {i}." for i in range(start, start + n))


def timed(fn):
    start = time.monotonic()
    result = fn()
    elapsed = time.monotonic() - start
    assert elapsed < SECONDS, f"took {elapsed:.1f} s"
    return result


def ingest(tmp_path, lexicon, name: str, data: bytes) -> IngestReport:
    return timed(lambda: ingest_uploads([(name, data)], Store(tmp_path / "store"), lexicon=lexicon))


def goes_in(report: IngestReport, warning: str | None) -> None:
    assert not report.errors and not report.bugs, report.errors + report.bugs
    assert report.new_ids
    if warning is None:
        assert not report.warnings
    else:
        assert any(warning in w.reason for w in report.warnings), report.warnings


def refused(report: IngestReport, error: str) -> None:
    assert not report.new_ids and not report.bugs
    assert len(report.errors) == 1 and error in report.errors[0].reason, report.errors


SPLIT, CUT = "split into", "cut to its first"

# family -> (file name, bytes, warning expected); every one goes in
GOES_IN = {
    # Markdown whose link, image and bold patterns never close: each cost a scan to the end of the text
    "md_unclosed_bold": ("a.md", b"**a " * 25_000, SPLIT),
    "md_unclosed_underscores": ("a.md", b"__a " * 25_000, SPLIT),
    "md_unclosed_images": ("a.md", b"![a](" * 20_000, SPLIT),
    "md_unclosed_links": ("a.md", b"[a](" * 25_000, SPLIT),
    "md_open_brackets": ("a.md", b"Ministers met. [" + b"[" * 100_000, SPLIT),
    "md_closed_links_in_bulk": ("a.md", b"Ministers met in [Geneva](http://x).\n" * 3_000, None),
    # one enormous paragraph: meeting extraction grows faster than a paragraph's length
    "csv_ten_megabyte_cell": ("a.csv", b'title,text\nBig,"' + SENTENCE.encode() * 110_000 + b'"\n', CUT),
    "one_line_without_spaces": ("a.txt", b"Ministers met. " + b"x" * 5_000_000, CUT),
    "one_line_without_a_full_stop": ("a.txt", b"tariff talks and " * 300_000, CUT),
    "run_of_full_stops": ("a.txt", b"Ministers met" + b"." * 300_000 + b" Then", CUT),
    "run_of_end_marks": ("a.txt", b"Ministers met" + b"!?" * 100_000 + b"x", SPLIT),
    "white_space_before_the_text": ("a.txt", b" " * 150_000 + b"Ministers met in Geneva.", None),
    "no_break_spaces_before_the_text": ("a.json", json.dumps({"text": "\u00a0" * 120_000 + "Ministers met."}).encode(),
                                        None),
    # many short lines
    "many_one_word_paragraphs": ("a.txt", b"Trade\n\n" * 200_000, CUT),
    "many_single_lines": ("a.txt", b"Ministers met.\n" + b"a\n" * 40_000, f"more than {MAX_LINES:,} lines"),
    # what the extractors scan for, repeated
    "unbalanced_quote_marks": ("a.txt", b'Ruiz said "' * 50_000, CUT),
    "curly_quotes_unclosed": ("a.txt", "\u201ctrade\u201d said Ruiz \u201c".encode() * 20_000, SPLIT),
    "million_commas": ("a.txt", b"Ministers from " + b"Valdoria, " * 100_000 + b"met.", CUT),
    "sentence_of_ands": ("a.txt", b"Ruiz met " + b"Brenn and " * 100_000 + b"Lind.", CUT),
    "capitalised_name_chain": ("a.txt", b" ".join(b"Name%c%cx" % (65 + i % 26, 65 + i // 26 % 26)
                                                   for i in range(30_000)) + b" met.", SPLIT),
    "known_names_in_a_row": ("a.txt", b"Ana Ruiz Tomas Brenn " * 10_000 + b"met in Geneva.", CUT),
    "run_of_dates": ("a.txt", b"Ministers met on 12 March 2024, " * 7_000, CUT),
    "run_of_numbers": ("a.txt", b" ".join(b"%d" % i for i in range(100_000)), CUT),
    "dense_meetings_one_paragraph": ("a.txt", varied_sentences(3_000).encode(), CUT),
    "dense_meetings_and_quotes": ("a.txt", " ".join(
        f"Trade minister {n} met {m} in Oslo on {i % 28 + 1} March, saying \u201cwe agreed on point {i}.\u201d"
        for i, (n, m) in enumerate(zip(["Ana Ruiz", "Li Wen", "Omar Haddad"] * 1_000,
                                       ["Tomas Brenn", "Olga Lind", "Kenji Sato", "Maria Costa"] * 750))).encode(), CUT),
    "combining_characters": ("a.txt", "Mi\u0301\u0302\u0303\u0304nister met. ".encode() * 20_000, CUT),
    # headers and metadata
    "thousands_of_header_lines": ("a.txt", b"".join(b"title: T%d\n" % i for i in range(50_000))
                                  + b"\nMinisters met in Geneva.", None),
    "header_line_of_spaces": ("a.txt", b"title" + b" " * 50_000 + b"x\n\nMinisters met in Geneva.", SPLIT),
    "json_body_of_carriage_returns": ("a.json", json.dumps({"text": "Ministers met.\r" + "a\r" * 40_000}).encode(),
                                      "lines"),
    "paragraph_separators": ("a.txt", "Ministers met.\u2029".encode() + "a\u2029".encode() * 40_000, "lines"),
    "json_record_of_300_000_keys": ("a.json", json.dumps({"text": "Ministers met.", **{f"k{i}": i for i in range(300_000)}}).encode(),
                                    None),
    "huge_json_title": ("a.json", json.dumps({"title": "Trade talks " * 400_000,
                                              "text": "Ministers met in Geneva."}).encode(), None),
    # HTML
    "html_100_000_paragraphs": ("a.html", b"<html><body>" + b"".join(b"<p>Ministers met %d times.</p>" % i
                                                                    for i in range(100_000)) + b"</body></html>",
                                "read as plain text"),
    "html_huge_attribute": ("a.html", b'<html><body><p title="' + b"x" * 5_000_000
                            + b'">Ministers met in Geneva on Monday.</p></body></html>', None),
    # CSV shapes
    "csv_hundred_thousand_columns": ("a.csv", b",".join([b"text"] + [b"c%d" % i for i in range(100_000)]) + b"\n"
                                     + b",".join([b"Ministers met."] + [b"x"] * 100_000) + b"\n", None),
}


@pytest.mark.parametrize("family", GOES_IN)
def test_family_goes_in_within_limits(family, tmp_path, lexicon):
    name, data, warning = GOES_IN[family]
    goes_in(ingest(tmp_path, lexicon, name, data), warning)


# family -> (file name, bytes, error class, words of its message)
REFUSED = {
    "zip_of_99_megabyte_paragraphs": ("a.zip", lambda: make_zip({f"p{i}.txt": SENTENCE.encode() * 11_500
                                                                for i in range(99)}),
                                      FileTooLarge, "limit for an archive"),
    "zip_of_100_000_entries": ("a.zip", lambda: make_zip({f"e{i}.txt": b"Ministers met." for i in range(100_000)}),
                               FileTooLarge, f"over the limit of {MAX_ZIP_ENTRIES:,} per archive"),
    "csv_of_a_million_rows": ("a.csv", lambda: b"text\n" + b"Ministers met.\n" * 1_000_000,
                              FileTooLarge, f"limit of {MAX_ARTICLES:,} articles per file"),
    "json_of_200_000_records": ("a.json", lambda: json.dumps([{"text": "Ministers met."}] * 200_000).encode(),
                                FileTooLarge, "200,000 records"),
    "jsonl_of_200_000_lines": ("a.jsonl", lambda: b'{"text": "Ministers met."}\n' * 200_000,
                               FileTooLarge, "200,000 lines"),
    "zip_of_json_files_over_the_article_limit": (
        "a.zip", lambda: make_zip({f"f{i}.json": json.dumps([{"text": f"Talk {i} {j}."} for j in range(4_000)]).encode()
                                 for i in range(3)}),
        FileTooLarge, f"more than {MAX_ARTICLES:,} articles"),
    "json_nested_100_000_deep": ("a.json", lambda: b"[" * 100_000 + b"]" * 100_000,
                                 MalformedFile, "nested deeper than any article export"),
    "json_nested_200_deep": ("a.json", lambda: b'{"text": "Ministers met.", "x": ' + b"[" * 200 + b"]" * 200 + b"}",
                             MalformedFile, "more than 100 levels deep"),
    "nul_bytes": ("a.txt", lambda: b"Ministers met in Geneva.\x00 " * 10_000, NotText, "binary data"),
    # the parser keeps 255 levels: the text below them is lost, the page read as empty
    "html_nested_divs": ("a.html", lambda: b"<html><body>" + b"<div>" * 100_000 + b"Ministers met in Geneva."
                         + b"</div>" * 100_000 + b"</body></html>", EmptyFile, "no readable text"),
    "file_over_the_size_limit": ("a.txt", lambda: b"a " * (11 * 1024 * 1024), FileTooLarge, "limit per file"),
}


@pytest.mark.parametrize("family", REFUSED)
def test_family_refused_with_a_named_error(family, tmp_path, lexicon):
    name, build, error, words = REFUSED[family]
    data = build()
    with pytest.raises(error, match=words):
        timed(lambda: load_bytes(name, data))
    refused(ingest(tmp_path, lexicon, name, data), words)


def test_zip_bomb_whose_declared_sizes_lie_is_refused(tmp_path, lexicon):
    """Entries declaring 100 bytes that inflate to megabytes: never read past what is declared."""
    data = bytearray(make_zip({f"a{i}.txt": b"Ministers met in Geneva. " * 400_000 for i in range(4)}))
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):   # local headers, central directory
        at = data.find(signature)
        while at >= 0:
            data[at + offset:at + offset + 4] = (100).to_bytes(4, "little")
            at = data.find(signature, at + 4)
    with pytest.raises(FileRejected, match="cannot read zip entry 'a0.txt'"):
        timed(lambda: load_bytes("bomb.zip", bytes(data)))
    refused(ingest(tmp_path, lexicon, "bomb.zip", bytes(data)), "cannot read zip entry")


def test_long_text_is_cut_and_split_at_sentence_ends_and_the_report_says_so(tmp_path, lexicon):
    text = varied_sentences(20_000)  # about 1.3 million characters in one paragraph
    articles = timed(lambda: load_bytes("long.txt", text.encode()))
    [article] = articles
    assert len(article.raw_text) <= MAX_ARTICLE_CHARS
    paragraphs = article.raw_text.split("\n")
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for p in paragraphs)
    assert all(p.endswith("round %s." % p.rsplit(" ", 1)[-1][:-1]) for p in paragraphs)  # whole sentences
    assert text.startswith(" ".join(paragraphs))
    cut, split = article.warnings
    assert cut.startswith(f"text of {len(text):,} characters cut to its first")
    assert split.startswith(f"a paragraph of {len(' '.join(paragraphs)):,} characters split into {len(paragraphs)}")
    report = ingest(tmp_path, lexicon, "long.txt", text.encode())
    assert [str(w) for w in report.warnings] == [f"long.txt: {cut}", f"long.txt: {split}"]


def test_limits_never_touch_an_ordinary_article():
    body = "\n\n".join(varied_sentences(6, 6 * i) for i in range(40))   # 40 paragraphs, about 16,000 characters
    [article] = load_bytes("story.txt", f"title: Talks\n\n{body}".encode())
    assert article.raw_text == body and not article.warnings
    assert MAX_HEADER_LINE >= 1000 and MAX_LINES >= 10_000


def test_the_command_line_prints_a_warning_naming_the_file(tmp_path, cli):
    path = tmp_path / "long.txt"
    path.write_bytes(SENTENCE.encode() * 3_000)
    ran = timed(lambda: cli("ingest", path, "--store", tmp_path / "store"))
    assert ran.code == 0, ran.err
    assert f"warning: long.txt: text of {len(SENTENCE) * 3_000:,} characters cut" in ran.err
    assert "1 new articles" in ran.out
