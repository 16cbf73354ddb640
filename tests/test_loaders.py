"""Loading uploaded files: every format, encodings, and the bad inputs a user can give."""
from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from pipeline.errors import (EmptyFile, FileRejected, FileTooLarge, MalformedFile, NotText, UnsafeZipEntry,
                             UnsupportedFileType)
from pipeline.load.limits import MAX_ARTICLE_CHARS
from pipeline.load.loaders import (MAX_BYTES, SUPPORTED, decode_text, iter_input_files, iter_input_files_within,
                                    load_bytes, load_path)

BODY = "Wang Wentao met Akazawa Ryosei in Gyeongju on Thursday.\nThe two sides discussed export controls."

HTML = """<!doctype html><html><head>
<title>Wang and Akazawa meet in Gyeongju | Example News</title>
<meta property="og:title" content="Wang and Akazawa meet in Gyeongju">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-10-31T08:00:00Z">
<link rel="canonical" href="https://news.example.com/2025/10/31/wang-akazawa">
<script>var tracking = "do not keep me";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Wang and Akazawa meet in Gyeongju</h1>
<p>Chinese Commerce Minister Wang Wentao met Japan's trade minister Akazawa Ryosei in Gyeongju on Thursday,
the ministry said in a statement published on its website on Sunday.</p>
<p>The two sides exchanged views on export controls, rare earths and the stability of supply chains,
and agreed to keep talking through the existing dialogue mechanisms.</p>
</article></body></html>"""


def make_zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buf.getvalue()


def test_constants():
    assert MAX_BYTES == 20 * 1024 * 1024
    assert SUPPORTED == (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".zip")


# --- plain text and Markdown ----------------------------------------------

def test_txt_header_fills_metadata_and_is_not_body():
    data = (f"Title: Talks in Gyeongju\nsource: Kyodo\nURL: https://example.com/a\npublished: 2025-11-02\n"
            f"author: A. Writer\n\n{BODY}\n").encode()
    [art] = load_bytes("a.txt", data)
    assert (art.origin, art.title, art.source) == ("a.txt", "Talks in Gyeongju", "Kyodo")
    assert art.url == "https://example.com/a"
    assert (art.author, art.published_raw, art.published_hint) == ("A. Writer", "2025-11-02", "header")
    assert art.raw_text == BODY
    assert "Kyodo" not in art.raw_text


def test_txt_without_header_is_all_body():
    [art] = load_bytes("a.txt", BODY.encode())
    assert art.raw_text == BODY
    assert (art.title, art.published_raw, art.published_hint) == ("", "", "")


def test_txt_placeholder_values_count_as_empty():
    data = ("title: unknown (URL slug: wang-meets-akazawa)\nsource: N/A\nurl: none\npublished: Unknown\n\n"
            f"{BODY}").encode()
    [art] = load_bytes("a.txt", data)
    assert (art.title, art.source, art.url, art.published_raw, art.published_hint) == ("", "", "", "", "")
    assert art.raw_text == BODY


def test_txt_colon_line_that_is_not_a_header_stays_in_body():
    text = f"Beijing: The ministry said on Sunday that talks were held.\n\n{BODY}"
    [art] = load_bytes("a.txt", text.encode())
    assert art.raw_text == text
    assert art.title == ""


def test_txt_header_needs_every_line_recognised_and_a_blank_line():
    mixed = f"title: Talks\nLocation: Gyeongju\n\n{BODY}"
    assert load_bytes("a.txt", mixed.encode())[0].raw_text == mixed
    no_blank = f"title: Talks\n{BODY}"
    [art] = load_bytes("a.txt", no_blank.encode())
    assert art.title == "" and art.raw_text == no_blank


def test_header_without_body_is_empty():
    with pytest.raises(EmptyFile, match="no article text"):
        load_bytes("a.txt", b"title: Talks\nsource: Kyodo\n\n  \n")


def test_markdown_header_heading_and_links():
    md = "# Talks in Gyeongju\n\nWang Wentao met **Akazawa Ryosei** on [Thursday](https://x.example/t).\n"
    [art] = load_bytes("a.md", md.encode())
    assert art.title == "Talks in Gyeongju"
    assert art.raw_text == "Wang Wentao met Akazawa Ryosei on Thursday."
    [art] = load_bytes("b.md", f"title: Talks\ndate: 2025-10-30\n\n{BODY}".encode())
    assert (art.title, art.published_raw, art.published_hint, art.raw_text) == ("Talks", "2025-10-30", "header", BODY)


def test_markdown_front_matter():
    md = f"---\nlayout: post\ntitle: \"Talks in Gyeongju\"\ndate: 2025-10-30\n---\n{BODY}\n"
    [art] = load_bytes("a.md", md.encode())
    assert (art.title, art.published_raw) == ("Talks in Gyeongju", "2025-10-30")
    assert art.raw_text == BODY


# --- HTML -------------------------------------------------------------------

def test_html_main_text_and_metadata():
    [art] = load_bytes("page.html", HTML.encode())
    assert art.origin == "page.html"
    assert art.title == "Wang and Akazawa meet in Gyeongju"
    assert art.source == "Example News"
    assert art.author == "Jane Doe"
    assert art.url == "https://news.example.com/2025/10/31/wang-akazawa"
    assert art.published_raw.startswith("2025-10-31") and art.published_hint == "metadata"
    lines = art.raw_text.split("\n")
    assert lines[0].startswith("Chinese Commerce Minister Wang Wentao met") and len(lines) == 2
    assert lines[1].startswith("The two sides exchanged views")
    for junk in ("<p>", "tracking", "Home", "Wang and Akazawa meet in Gyeongju"):
        assert junk not in art.raw_text


def test_html_fallback_when_extraction_finds_nothing():
    [art] = load_bytes("short.htm", b"<html><body><div>Talks held.</div><div>More later.</div></body></html>")
    assert art.raw_text == "Talks held.\nMore later."


def test_html_without_text_is_empty():
    with pytest.raises(EmptyFile, match="no readable text"):
        load_bytes("blank.html", b"<html><head><script>var a = 1;</script></head><body> </body></html>")


# --- JSON, JSON Lines, CSV --------------------------------------------------

def test_json_object_and_list():
    [art] = load_bytes("one.json", json.dumps({"title": "T", "body": BODY, "date": "2025-10-30",
                                               "source": {"id": None, "name": "Reuters"}}).encode())
    assert (art.raw_text, art.title, art.source, art.published_raw, art.published_hint) == (
        BODY, "T", "Reuters", "2025-10-30", "header")
    records = [{"text": "First article body."}, {"Content": "Second article body.", "published_at": "2025-01-02",
                                                 "author": ["A. One", "B. Two"]}]
    arts = load_bytes("many.json", json.dumps(records).encode())
    assert [a.raw_text for a in arts] == ["First article body.", "Second article body."]
    assert arts[1].published_raw == "2025-01-02" and arts[1].author == "A. One; B. Two"
    assert arts[0].published_hint == "" and all(a.origin == "many.json" for a in arts)


@pytest.mark.parametrize("key", ["datePublished", "pubDate", "pub_date", "date_published", "publish_date"])
def test_publication_date_keys_of_feeds_and_schemas(key):
    [art] = load_bytes("one.json", json.dumps({"text": BODY, key: "2026-03-05"}).encode())
    assert (art.published_raw, art.published_hint) == ("2026-03-05", "header")
    [art] = load_bytes("one.csv", f'text,{key}\n"{BODY}",2026-03-05\n'.encode())
    assert art.published_raw == "2026-03-05"


def test_json_wrapper_and_missing_body():
    arts = load_bytes("feed.json", json.dumps({"status": "ok", "articles": [{"content": BODY}]}).encode())
    assert [a.raw_text for a in arts] == [BODY]
    with pytest.raises(MalformedFile, match=r"record 2 has no article text.*keys found: headline"):
        load_bytes("bad.json", json.dumps([{"text": "ok"}, {"headline": "x"}]).encode())
    with pytest.raises(MalformedFile, match="expected an object"):
        load_bytes("num.json", b"42")


def test_truncated_json():
    with pytest.raises(MalformedFile, match=r"invalid JSON at line 1.*truncated"):
        load_bytes("cut.json", b'[{"text": "Wang Wentao met Akaza')


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
@pytest.mark.parametrize("data", [b"[" * 100_000,
                                  b'{"text": "ok", "title": ' + b"[" * 5_000 + b'"x"' + b"]" * 5_000 + b"}"])
def test_json_nested_beyond_any_export_is_refused_with_a_reason(name, data):
    with pytest.raises(MalformedFile, match="nested deeper than any article export"):
        load_bytes(name, data)


def test_jsonl_records_and_bad_line():
    data = b'{"text": "First body.", "title": "One"}\n\n{"body": "Second body."}\n'
    arts = load_bytes("feed.jsonl", data)
    assert [(a.title, a.raw_text) for a in arts] == [("One", "First body."), ("", "Second body.")]
    with pytest.raises(MalformedFile, match="line 3 is not valid JSON"):
        load_bytes("feed.jsonl", b'{"text": "a"}\n{"text": "b"}\n{"text": "c\n')


def test_csv_rows_with_metadata_and_large_field():
    big = "Tariffs were discussed.\n" * 6000  # over the csv module's default 128 KB field limit
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["Title", "TEXT", "Published", "URL"])
    writer.writerow(["Talks", BODY, "2025-10-30", "https://example.com/a"])
    writer.writerow(["Empty row", "", "", ""])
    writer.writerow(["Big", big, "n/a", ""])
    arts = load_bytes("export.csv", buf.getvalue().encode())
    assert [a.title for a in arts] == ["Talks", "Big"]
    assert arts[0].raw_text == BODY and arts[0].published_raw == "2025-10-30" and arts[0].published_hint == "header"
    assert arts[0].url == "https://example.com/a"
    # read whole, then cut to the limit per article at a line end, with a warning
    assert big.startswith(arts[1].raw_text + "\n") and len(arts[1].raw_text) > MAX_ARTICLE_CHARS - 30
    assert arts[1].published_raw == "" and arts[1].warnings[0].startswith("text of 143,999 characters cut")


def test_csv_semicolon_delimiter_bom_and_short_rows():
    data = "\ufefftitle;content\nTalks;Wang met Akazawa.\nOnly a title\n".encode("utf-8")
    [art] = load_bytes("eu.csv", data)
    assert (art.title, art.raw_text) == ("Talks", "Wang met Akazawa.")


def test_csv_without_text_column():
    with pytest.raises(MalformedFile, match=r"no text column.*'headline', 'date'.*text, body, content"):
        load_bytes("bad.csv", b"headline,date\nTalks,2025-10-30\n")


# --- encodings --------------------------------------------------------------

SENTENCE = "Maroš Šefčovič said the café talks were “frank” – and ‘useful’."


@pytest.mark.parametrize("encoded", [
    SENTENCE.encode("utf-8"),
    SENTENCE.encode("utf-8-sig"),
    SENTENCE.encode("utf-16"),            # with BOM, native order
    b"\xfe\xff" + SENTENCE.encode("utf-16-be"),
    SENTENCE.encode("utf-16-le"),         # no BOM: recognised by its NUL pattern
    SENTENCE.encode("cp1250"),            # Central European Windows page
])
def test_decodings(encoded):
    assert decode_text(encoded, "a.txt") == SENTENCE


def test_cp1252_curly_quotes_and_accents():
    text = "The minister’s “constructive” visit to the café – and Mr Désiré’s résumé."
    assert decode_text(text.encode("cp1252"), "a.txt") == text
    assert load_bytes("a.txt", text.encode("cp1252"))[0].raw_text == text
    assert decode_text("Café".encode("cp1252"), "a.txt") == "Café"
    assert decode_text("Šefčovič".encode("cp1250"), "a.txt") == "Šefčovič"


def test_other_scripts_and_declared_html_charset():
    ru = "Министр торговли Китая встретился с коллегой из Японии."
    assert decode_text(ru.encode("cp1251"), "a.txt") == ru
    zh = "中国商务部部长王文涛会见日本经济产业大臣。"
    assert decode_text(zh.encode("gb18030"), "a.txt") == zh
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café “talks”</p></body></html>'
    assert "Café “talks”" in decode_text(page.encode("cp1252"), "a.html")


def test_newlines_normalised_and_mojibake_repaired():
    assert decode_text(b"one\r\ntwo\rthree\n", "a.txt") == "one\ntwo\nthree\n"
    # UTF-8 once read as cp1252 (bytes cp1252 lacks kept as latin-1), then saved as UTF-8 again
    original = "The minister’s visit – Šefčovič".encode()
    misread = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in original)
    broken = misread.encode("utf-8")
    assert "â€™" in misread
    assert decode_text(broken, "a.txt") == "The minister’s visit – Šefčovič"
    pasted = "“Frank” talks – Šefčovič. ".encode("utf-8") + "Café".encode("cp1252")
    assert decode_text(pasted, "a.txt") == "“Frank” talks – Šefčovič. Café"
    genuine = "SÃO PAULO: Âge d’or, 5 €"
    assert decode_text(genuine.encode("utf-8"), "a.txt") == genuine


# --- bad input ----------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_file(data):
    with pytest.raises(EmptyFile, match="empty"):
        load_bytes("empty.txt", data)


def test_binary_file():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(NotText, match="binary"):
        load_bytes("photo.txt", png)
    with pytest.raises(NotText, match="binary"):
        load_bytes("noise.txt", bytes(range(1, 32)) * 20)


def test_unsupported_type():
    with pytest.raises(UnsupportedFileType, match=r"'\.pdf'.*\.txt, \.md"):
        load_bytes("report.pdf", b"%PDF-1.7")
    with pytest.raises(UnsupportedFileType, match="no extension"):
        load_bytes("README", b"text")


def test_file_over_size_limit():
    with pytest.raises(FileTooLarge, match="over the 100 bytes limit"):
        load_bytes("big.txt", b"x" * 101, max_bytes=100)
    assert load_bytes("ok.txt", b"x" * 100, max_bytes=100)[0].raw_text == "x" * 100
    with pytest.raises(FileTooLarge, match=r"is 20,971,521 bytes, over the 20 MB limit"):
        load_bytes("huge.txt", b" " * (MAX_BYTES + 1))


def test_errors_are_file_rejected():
    for exc in (EmptyFile, NotText, MalformedFile, UnsafeZipEntry, UnsupportedFileType, FileTooLarge):
        assert issubclass(exc, FileRejected)


# --- zip ----------------------------------------------------------------------

def test_zip_with_txt_json_and_html():
    data = make_zip({
        "batch/a.txt": f"title: Text one\n\n{BODY}".encode(),
        "batch/b.json": json.dumps([{"text": "JSON body one."}, {"text": "JSON body two."}]).encode(),
        "batch/c.html": HTML.encode(),
        "batch/notes.pdf": b"%PDF",            # unsupported entries are skipped
        "__MACOSX/batch/._a.txt": b"\x00\x05",  # resource forks are skipped
        "batch/.hidden.txt": b"secret",
        "batch/empty/": b"",
    })
    arts = load_bytes("upload.zip", data)
    assert [a.origin for a in arts] == ["upload.zip/batch/a.txt", "upload.zip/batch/b.json",
                                        "upload.zip/batch/b.json", "upload.zip/batch/c.html"]
    assert arts[0].title == "Text one" and arts[0].raw_text == BODY
    assert [a.raw_text for a in arts[1:3]] == ["JSON body one.", "JSON body two."]
    assert arts[3].published_hint == "metadata" and "Wang Wentao" in arts[3].raw_text


@pytest.mark.parametrize("entry", ["../x.txt", "a/../../x.txt", "/etc/x.txt", "C:/x.txt", "..\\x.txt"])
def test_zip_unsafe_entry(entry):
    data = make_zip({"good.txt": BODY.encode(), entry: b"evil"})
    with pytest.raises(UnsafeZipEntry, match="unsafe entry '" + entry.replace("\\", "\\\\").replace(".", r"\.")):
        load_bytes("evil.zip", data)


def test_zip_bomb_nested_and_damaged():
    bomb = make_zip({"a.txt": b"a" * 3000, "b.txt": b"b" * 1000})  # about 300 bytes on disk
    assert len(bomb) < 1000
    with pytest.raises(FileTooLarge, match=r"unpacks to 4 KB, over the 2 KB limit"):
        load_bytes("bomb.zip", bomb, max_bytes=1000)
    with pytest.raises(FileTooLarge, match=r"in 'a\.txt'.*over the 2 KB limit"):
        load_bytes("bomb.zip", bomb, max_bytes=2048)  # the archive fits, one entry does not
    with pytest.raises(UnsupportedFileType, match="zip inside the zip"):
        load_bytes("outer.zip", make_zip({"inner.zip": make_zip({"a.txt": b"x"})}))
    with pytest.raises(MalformedFile, match="not a readable zip"):
        load_bytes("cut.zip", make_zip({"a.txt": BODY.encode()})[:40])
    with pytest.raises(EmptyFile, match="no supported files"):
        load_bytes("pics.zip", make_zip({"a.png": b"\x89PNG"}))


def test_zip_entry_errors_name_the_entry():
    with pytest.raises(MalformedFile, match=r"in 'b\.json': invalid JSON"):
        load_bytes("set.zip", make_zip({"a.txt": BODY.encode(), "b.json": b'{"text": '}))


# --- paths --------------------------------------------------------------------

def test_load_path_and_iter_input_files(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "one.md").write_text(BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "README").write_text("About these files", encoding="utf-8")
    given = tmp_path / "b" / "image.png"
    missing = tmp_path / "missing.txt"
    files = iter_input_files([tmp_path, given, tmp_path / "one.md", missing])
    assert files == [tmp_path / "one.md", tmp_path / "b" / "image.png", tmp_path / "b" / "two.txt", missing]
    [art] = load_path(tmp_path / "b" / "two.txt")
    assert art.origin == "two.txt" and art.raw_text == BODY
    with pytest.raises(FileTooLarge, match="over the 10 bytes limit"):
        load_path(tmp_path / "one.md", max_bytes=10)
    with pytest.raises(UnsupportedFileType):
        load_path(given)
    with pytest.raises(FileRejected, match="cannot read"):
        load_path(tmp_path / "missing.txt")


def test_a_pipe_or_a_device_is_refused_without_being_read(tmp_path: Path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)                      # reading it would block forever
    with pytest.raises(FileRejected, match="not a regular file"):
        load_path(fifo)
    device = tmp_path / "zero.txt"
    device.symlink_to("/dev/zero")       # reading it would never end
    with pytest.raises(FileRejected, match="not a regular file"):
        load_path(device)


def test_a_link_leading_out_of_the_folder_is_refused_and_one_inside_is_read(tmp_path: Path):
    folder, outside = tmp_path / "in", tmp_path / "secret"
    (folder / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "notes.txt").write_text(BODY, encoding="utf-8")
    (outside / "more.txt").write_text(BODY, encoding="utf-8")
    (folder / "own.txt").write_text(BODY, encoding="utf-8")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "sub" / "notes.txt").symlink_to(outside / "notes.txt")
    (folder / "sub" / "up.txt").symlink_to("../../secret/more.txt")   # relative, still outside
    (folder / "alias.txt").symlink_to(folder / "sub" / ".." / "own.txt")  # stays inside: the same file
    (folder / "linked").symlink_to(outside, target_is_directory=True)   # a linked folder is not walked
    found = iter_input_files_within([folder])
    # own.txt is the file alias.txt leads to, so it is listed once
    assert [p.relative_to(folder).as_posix() for p, _ in found] == ["alias.txt", "passwd.txt", "sub/notes.txt",
                                                                     "sub/up.txt"]
    assert {w for _, w in found} == {folder}
    for path, within in found:
        if path.name == "alias.txt":
            [art] = load_path(path, within=within)
            assert art.raw_text == BODY
        else:
            with pytest.raises(FileRejected, match="outside the folder"):
                load_path(path, within=within)
    # a file the user names directly is read wherever it lives
    [art] = load_path(folder / "sub" / "notes.txt")
    assert art.raw_text == BODY


def test_lone_surrogates_from_a_json_escape_become_replacement_characters():
    [art] = load_bytes("odd.json", json.dumps({"title": "Talks \ud800 resume", "text": BODY + " \udfff"}).encode())
    assert art.title == "Talks \ufffd resume" and art.raw_text.endswith("\ufffd")
    (art.title + art.raw_text).encode("utf-8")   # storable as UTF-8


def test_a_file_name_in_no_known_encoding_is_stored_with_a_replacement_character(tmp_path: Path):
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(BODY, encoding="utf-8")
    [(path, within)] = iter_input_files_within([tmp_path])
    [art] = load_path(path, within=within)
    assert art.origin == "caf\ufffd.txt"


@pytest.mark.parametrize("data", [b"42", b'"hello"', b"null", b"9" * 5000])
def test_a_json_file_holding_one_plain_value_is_refused_with_its_reason(data):
    with pytest.raises(MalformedFile, match="a single value, not an object or a list"):
        load_bytes("value.json", data)


def test_a_number_of_thousands_of_digits_is_kept_as_written_not_an_error():
    record = '{"text": "%s", "published": %s, "id": %s}' % (BODY.replace("\n", " "), "9" * 5000, "1" * 5000)
    for name, data in (("big.json", record), ("big.jsonl", record + "\n" + record.replace("Wang", "Li"))):
        arts = load_bytes(name, data.encode())
        assert arts and all(set(a.published_raw) == {"9"} for a in arts)   # as written (cut to the value limit)
