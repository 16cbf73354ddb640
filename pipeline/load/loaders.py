"""Turning uploaded files into Articles: plain text, Markdown, HTML, JSON, CSV and zip.

A loader only reads: it fills `origin`, `raw_text` and the metadata the file
carries, and leaves every judgement about the text to the steps. Everything a
user can get wrong (encoding, truncation, a missing column, a hostile zip)
becomes one of the named errors of `errors.py`, never a raw exception.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

import re2

from pipeline.article import Article
from pipeline.load.bounding import bound_text
from pipeline.load.decoding import decode_text
from pipeline.load.left_out import left_out
from pipeline.load.limits import (MAX_ARTICLES, MAX_BYTES, MAX_HEADER_LINE, MAX_HTML_TAGS, MAX_JSON_DEPTH,
                                  MAX_ZIP_ENTRIES, ZIP_RATIO)
from pipeline.errors import EmptyFile, FileRejected, FileTooLarge, MalformedFile, UnsafeZipEntry, UnsupportedFileType

__all__ = ["MAX_BYTES", "SUPPORTED", "decode_text", "iter_input_files", "iter_input_files_within", "load_bytes", "load_path"]

SUPPORTED = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".zip")
BODY_KEYS = ("text", "body", "content")

# Article bodies run to megabytes; the csv module's default cap is 128 KB.
csv.field_size_limit(2**31 - 1)

# header / JSON key / CSV column (normalised) -> Article field
_FIELDS = {
    "title": "title", "headline": "title",
    "source": "source", "outlet": "source", "publisher": "source", "sitename": "source", "site_name": "source",
    "url": "url", "link": "url",
    "author": "author", "authors": "author", "byline": "author",
    "published": "published_raw", "date": "published_raw", "published_at": "published_raw",
    "publishedat": "published_raw", "published_date": "published_raw", "publication_date": "published_raw",
    # schema.org, feed and CMS spellings: "datePublished", "pubDate", "pub_date", "published_time"
    "datepublished": "published_raw", "date_published": "published_raw", "pubdate": "published_raw",
    "pub_date": "published_raw", "publish_date": "published_raw", "publishdate": "published_raw",
    "published_time": "published_raw", "publication_time": "published_raw", "first_published": "published_raw",
}
_EMPTY = {"", "unknown", "n/a", "na", "none", "null", "nan", "-"}
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]*?)\s*:\s*(.*)")


def _key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", str(name).strip().lower())


def _value(field: str, value) -> str:
    """A metadata value as a clean one-line string; placeholders such as 'unknown' become ''."""
    if isinstance(value, dict):  # e.g. {"id": null, "name": "Reuters"}
        value = value.get("name") or ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    value = " ".join(str(value)[:MAX_HEADER_LINE].split()) if value is not None else ""
    if value.lower() in _EMPTY or (field == "title" and value.lower().startswith("unknown")):
        return ""
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(text: str) -> str:
    """`text` without lone surrogates, which no UTF-8 file can hold: a JSON escape such as "\\ud800" or a
    file name in no known encoding puts them there, and one of them would fail the whole batch's write."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _article(origin: str, body: str, meta: dict, hint: str, warnings: list[str] | None = None) -> Article:
    body, bounded = bound_text(_storable(body))
    art = Article(origin=_storable(origin), raw_text=body, warnings=[*(warnings or []), *bounded])
    for field in ("title", "source", "url", "author", "published_raw"):
        setattr(art, field, _storable(meta.get(field, "")))
    art.published_hint = hint if art.published_raw else ""
    return art


def _meta_from(mapping: dict) -> dict:
    """Known metadata keys of a header, JSON object or CSV row; the first non-empty value wins."""
    meta: dict[str, str] = {}
    for raw_key, raw_value in mapping.items():
        field = _FIELDS.get(_key(raw_key)) if raw_key is not None else None
        if field and not meta.get(field):
            meta[field] = _value(field, raw_value)
    return meta


def _require_body(text: str) -> str:
    if not text.strip():
        raise EmptyFile("the file holds no article text (only a header or white space); "
                        "add the article body after the header's blank line")
    return text


# --- plain text and Markdown ----------------------------------------------

def _split_header(text: str) -> tuple[dict, str]:
    """Leading `key: value` lines ended by a blank line; anything else means there is no header."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    pairs: dict[str, str] = {}
    i = start
    while i < len(lines) and lines[i].strip():
        m = len(lines[i]) <= MAX_HEADER_LINE and _HEADER_LINE.fullmatch(lines[i].strip())
        if not m or _key(m.group(1)) not in _FIELDS:
            return {}, text
        pairs[m.group(1)] = m.group(2)
        i += 1
    if not pairs or i >= len(lines):  # a header must be followed by a blank line and a body
        return {}, text
    return _meta_from(pairs), "\n".join(lines[i + 1:])


def _split_front_matter(text: str) -> tuple[dict, str]:
    """Markdown's `---` fenced front matter; unknown keys are ignored, not an error."""
    m = re.match(r"\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", text, re.S)
    if not m:
        return {}, text
    pairs = dict(hm.groups() for line in m.group(1).split("\n")
                 if len(line) <= MAX_HEADER_LINE and (hm := _HEADER_LINE.fullmatch(line.strip())))
    return _meta_from({k: v.strip().strip("\"'") for k, v in pairs.items()}), text[m.end():]


# Run over the raw upload, so by a linear-time engine: with a backtracking one, thousands of unclosed
# "[a](" or "**" cost a scan to the end of the text each.
_MD_SUBS = [(re2.compile(pattern), repl) for pattern, repl in (
    (r"!\[[^\]]*\]\([^)]*\)", ""),                 # images carry no article text
    (r"\[([^\]]+)\]\([^)]*\)", r"\1"),             # links keep their words
    (r"(?m)^[ \t]{0,3}#{1,6}[ \t]+", ""),        # heading marks
    (r"(?m)^[ \t]{0,3}>[ \t]?", ""),             # block-quote marks
    # bold: the shortest run that starts and ends with a non-space
    (r"\*\*(\S(?:.*?\S)??)\*\*|__(\S(?:.*?\S)??)__", r"\1\2"),
)]


def _load_text(name: str, text: str, markdown: bool) -> list[Article]:
    meta, body = _split_header(text)
    if markdown:
        if not meta:
            meta, body = _split_front_matter(body)
        heading = re.match(r"\s*#[ \t]+(.+)\n", body)
        if heading and not meta.get("title"):  # a Markdown file's first heading is its title
            meta["title"] = _value("title", heading.group(1).strip(" #"))
            body = body[heading.end():]
        for pattern, repl in _MD_SUBS:
            body = pattern.sub(repl, body)
    return [_article(name, _require_body(body.strip("\n")), meta, "header")]


# --- HTML -------------------------------------------------------------------

_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
           "section", "article", "header", "footer", "dd", "dt", "figcaption", "table", "ul", "ol")


def _plain_html_text(html: str) -> str:
    """Every text node of the page, one block element a line: the fallback when extraction finds nothing."""
    import lxml.etree
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return ""
    lxml.etree.strip_elements(doc, "script", "style", "noscript", "template", "head", lxml.etree.Comment,
                              with_tail=False)
    for el in doc.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in doc.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _load_html(name: str, html: str) -> list[Article]:
    import trafilatura

    meta: dict[str, str] = {}
    body, warnings, tags = "", [], html.count("<")
    try:
        doc = None
        if tags <= MAX_HTML_TAGS:  # the extractor's time grows faster than the page beyond this
            doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        else:
            warnings.append(f"a page of {tags:,} tags read as plain text, menus and all (the article extractor "
                            f"takes at most {MAX_HTML_TAGS:,}); save the article page alone to drop them")
    except Exception:  # a page trafilatura chokes on still gets the plain-text fallback
        doc = None
    if doc is not None:
        found = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        body = found.get("text") or ""
        meta = {
            "title": _value("title", found.get("title")),
            "source": _value("source", found.get("sitename") or found.get("hostname")),
            "url": _value("url", found.get("url")),
            "author": _value("author", found.get("author")),
            "published_raw": _value("published_raw", found.get("date")),
        }
    # what the extraction left out (menus, footers, banners) is listed for the reader
    furniture = left_out(_plain_html_text(html), body, meta.get("title", "")) if body.strip() else []
    if not body.strip():
        body = _plain_html_text(html)
    if not body.strip():
        raise EmptyFile("the HTML page holds no readable text; save the article page itself, not an empty or "
                        "script-only page")
    lines = body.split("\n")
    if meta.get("title") and lines[0].strip().casefold() == meta["title"].casefold():
        body = "\n".join(lines[1:])  # the headline lives in `title`, as with a text file's header
    article = _article(name, _require_body(body.strip("\n")), meta, "metadata", warnings)
    article.left_out = furniture
    return [article]


# --- JSON, JSON Lines and CSV ----------------------------------------------

def _body_of(record: dict) -> str | None:
    lowered = {_key(k): v for k, v in record.items()}
    for key in BODY_KEYS:
        value = lowered.get(key)
        if isinstance(value, list):  # a body given as a list of paragraphs
            value = "\n".join(str(v) for v in value if isinstance(v, str))
        if isinstance(value, str):
            return value
    return None


def _too_many(count: str, what: str) -> FileTooLarge:
    return FileTooLarge(f"the file holds {count} {what}, over the limit of {MAX_ARTICLES:,} articles per file; "
                        f"split it into smaller files")


def _records_to_articles(name: str, records: list, where: str) -> list[Article]:
    if len(records) > MAX_ARTICLES:
        raise _too_many(f"{len(records):,}", "records")
    articles = []
    for label, record in records:
        if not isinstance(record, dict):
            raise MalformedFile(f"{where} {label} is a {type(record).__name__}, not an object; each article "
                                f"must be an object with a 'text' field")
        body = _body_of(record)
        if body is None:
            keys = ", ".join(map(str, record)) or "none"
            raise MalformedFile(f"{where} {label} has no article text (a string field named "
                                f"{', '.join(BODY_KEYS)}); keys found: {keys}")
        if body.strip():  # an empty record is a gap in an export, not a reason to reject the file
            articles.append(_article(name, body.strip("\n"), _meta_from(record), "header"))
    if not articles:
        raise EmptyFile(f"every {where} has an empty article text; nothing to import")
    return articles


# what an article export nests at most: a list of records whose fields may hold lists or objects
NESTING_MESSAGE = (f"its JSON is nested deeper than any article export (lists or objects inside one another "
                   f"more than {MAX_JSON_DEPTH} levels deep); export the articles again as a list of objects with "
                   f"a 'text' field")


def _nested_too_deep(data) -> bool:
    """Whether lists and objects sit more than MAX_JSON_DEPTH levels inside one another (walked without recursion)."""
    level, depth = [data], 1
    while level:
        if depth > MAX_JSON_DEPTH:
            return True
        level = [v for x in level if isinstance(x, (list, dict))
                 for v in (x.values() if isinstance(x, dict) else x) if isinstance(v, (list, dict))]
        depth += 1
    return False


def _parse_json(text: str):
    """json.loads, with nesting deeper than the parser's recursion, or than MAX_JSON_DEPTH, a MalformedFile."""
    try:
        data = json.loads(text, parse_int=str)  # numbers stay as written: 5,000 digits are no error
    except RecursionError:
        raise MalformedFile(NESTING_MESSAGE) from None
    if _nested_too_deep(data):
        raise MalformedFile(NESTING_MESSAGE)
    return data


def _load_json(name: str, text: str) -> list[Article]:
    try:
        data = _parse_json(text)
    except json.JSONDecodeError as exc:
        raise MalformedFile(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; the file may be "
                            f"truncated - export it again or check it with a JSON validator") from None
    if isinstance(data, dict) and _body_of(data) is None:
        # common wrappers: {"articles": [...]}, {"items": [...]}, {"data": [...]}
        lists = [v for k, v in data.items() if _key(k) in ("articles", "items", "data", "results")
                 and isinstance(v, list)]
        data = lists[0] if lists else data
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise MalformedFile("the JSON holds a single value, not an object or a list; expected an object with a "
                            "'text' field or a list of such objects")
    return _records_to_articles(name, list(enumerate(data, start=1)), "record")


def _load_jsonl(name: str, text: str) -> list[Article]:
    lines = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if len(lines) > MAX_ARTICLES:
        raise _too_many(f"{len(lines):,}", "lines")
    records = []
    for number, line in lines:
        try:
            records.append((number, _parse_json(line)))
        except json.JSONDecodeError as exc:
            raise MalformedFile(f"line {number} is not valid JSON ({exc.msg}, column {exc.colno}); each line of a "
                                f".jsonl file must hold one complete JSON object") from None
        except MalformedFile as exc:
            raise MalformedFile(f"line {number}: {exc}") from None
    return _records_to_articles(name, records, "line")


def _load_csv(name: str, text: str) -> list[Article]:
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=first.count) if any(d in first for d in ",;\t|") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, restval="")
    try:
        columns = [c for c in (reader.fieldnames or []) if c is not None]
        if not any(_key(c) in BODY_KEYS for c in columns):
            found = ", ".join(repr(c) for c in columns) or "none"
            raise MalformedFile(f"no text column: columns found: {found}; rename the column holding the "
                                f"article body to one of: {', '.join(BODY_KEYS)}")
        rows = [(reader.line_num, row) for row in itertools.islice(reader, MAX_ARTICLES + 1)]
        if len(rows) > MAX_ARTICLES:
            raise _too_many(f"more than {MAX_ARTICLES:,}", "rows")
    except csv.Error as exc:
        raise MalformedFile(f"unreadable CSV near line {reader.line_num}: {exc}; check the quoting or export "
                            f"the file again") from None
    return _records_to_articles(name, rows, "row ending on line")


# --- zip ----------------------------------------------------------------------

def _unsafe(entry: str) -> bool:
    parts = re.split(r"[\\/]", entry)
    return (entry.startswith(("/", "\\")) or bool(re.match(r"[A-Za-z]:", entry))
            or any(p == ".." for p in parts))


def _skipped(info: zipfile.ZipInfo) -> bool:
    """Folders, macOS resource forks and hidden files carry no articles."""
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    return info.is_dir() or not parts or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts)


def _load_zip(name: str, data: bytes, max_bytes: int) -> list[Article]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:  # ValueError: a damaged directory
        raise MalformedFile(f"not a readable zip archive ({exc}); the file may be damaged or truncated - "
                            f"create the zip again") from None
    articles: list[Article] = []
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise FileTooLarge(f"the zip holds {len(infos):,} entries, over the limit of {MAX_ZIP_ENTRIES:,} per "
                               f"archive; split it into smaller zips")
        for info in infos:  # check every name before reading anything
            if _unsafe(info.filename):
                raise UnsafeZipEntry(f"unsafe entry '{info.filename}' (an absolute path or '..' that points "
                                     f"outside the archive); the whole zip was rejected - re-create it with "
                                     f"plain relative paths")
        total, limit = sum(i.file_size for i in infos), max_bytes * ZIP_RATIO
        if total > limit:  # what is read never exceeds what is declared (see _load_entry)
            raise FileTooLarge(f"the zip unpacks to {_size(total)}, over the {_size(limit)} "
                               f"limit for an archive; split it into smaller zips")
        for info in infos:
            ext = PurePosixPath(info.filename).suffix.lower()
            if _skipped(info) or (ext not in SUPPORTED):
                continue
            if ext == ".zip":
                raise UnsupportedFileType(f"'{info.filename}' is a zip inside the zip; nested archives are not "
                                          f"supported - unzip the outer archive and upload the inner one")
            articles += _load_entry(archive, info, f"{name}/{info.filename}", max_bytes)
            if len(articles) > MAX_ARTICLES:
                raise _too_many(f"more than {MAX_ARTICLES:,}", "articles")
    if not articles:
        raise EmptyFile(f"the zip holds no supported files; supported types: {', '.join(SUPPORTED[:-1])}")
    return articles


def _load_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, origin: str, max_bytes: int) -> list[Article]:
    try:
        with archive.open(info) as member:
            # never past the limit; nor past the declared size, which a bomb understates: its CRC then fails
            data = member.read(max_bytes + 1)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError, OSError, EOFError, zlib.error) as exc:
        # RuntimeError: encrypted entry; NotImplementedError: unusual compression; BadZipFile: bad CRC
        raise MalformedFile(f"cannot read zip entry '{info.filename}' ({exc}); re-create the zip without "
                            f"a password using ordinary deflate compression") from None
    try:
        return load_bytes(origin, data, max_bytes=max_bytes)
    except FileRejected as exc:
        raise type(exc)(f"in '{info.filename}': {exc}") from None


# --- public API ---------------------------------------------------------------

def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _too_large(size: int, max_bytes: int) -> FileTooLarge:
    shown, limit = _size(size), _size(max_bytes)
    if shown == limit:  # "20 MB, over the 20 MB limit" reads as a bug
        shown = f"{size:,} bytes"
    return FileTooLarge(f"the file is {shown}, over the {limit} limit per file; split it into smaller files")


def _file_type(name: str) -> str:
    ext = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if ext not in SUPPORTED:
        shown = f"'{ext}'" if ext else "(no extension)"
        raise UnsupportedFileType(f"unsupported file type {shown}; supported types: {', '.join(SUPPORTED)}")
    return ext


def load_bytes(name: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> list[Article]:
    """All the articles one uploaded file holds; raises a FileRejected subclass for bad input."""
    ext = _file_type(name)
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    if ext == ".zip":
        return _load_zip(name, data, max_bytes)
    text = decode_text(data, name)
    if ext in (".html", ".htm"):
        return _load_html(name, text)
    if ext == ".json":
        return _load_json(name, text)
    if ext == ".jsonl":
        return _load_jsonl(name, text)
    if ext == ".csv":
        return _load_csv(name, text)
    return _load_text(name, text, markdown=ext == ".md")


def load_path(path: Path, *, max_bytes: int = MAX_BYTES, within: Path | None = None) -> list[Article]:
    """Read one file from disk (its name becomes the origin) and load it. A file found in the folder
    `within` must lie inside it: a link leading out of the folder is refused before anything reads it."""
    path = Path(path)
    _file_type(path.name)
    if within is not None and not _inside(path, within):
        raise FileRejected("a link to a file outside the folder given; only files inside the folder are "
                           "imported - copy the file into the folder, or name it directly")
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO would block the read, a device never end it
            raise FileRejected("not a regular file (a pipe, device or socket); only files can be imported")
        size = status.st_size
        if size > max_bytes:  # don't read a huge file just to refuse it
            raise _too_large(size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise FileRejected(f"cannot read the file ({exc.strerror or exc}); "
                           f"check the path and its permissions") from None
    return load_bytes(path.name, data, max_bytes=max_bytes)


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"


def _listed(name: str) -> bool:
    """A file found in a folder: README, LICENSE and other extension-less files are never articles,
    while a stray .pdf or .docx is kept so that the user learns it was not imported."""
    return not _hidden(name) and bool(Path(name).suffix)


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, every link followed, lies inside `folder` (itself resolved)."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):  # a link loop
        return False


def iter_input_files(paths: list[Path]) -> list[Path]:
    """Files to load: folders expanded recursively (sorted; hidden and extension-less files and hidden
    folders skipped), files named directly kept as given; unsupported or missing files stay in the list
    so that each gets its error."""
    return [path for path, _ in iter_input_files_within(paths)]


def iter_input_files_within(paths: list[Path]) -> list[tuple[Path, Path | None]]:
    """`iter_input_files` with the folder each file was found in (None for a file named directly), for
    `load_path(..., within=folder)`. Links to folders are not followed."""
    found: list[tuple[Path, Path | None]] = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append((path, None))
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not _hidden(d))
            found += [(Path(root) / f, path) for f in sorted(files) if _listed(f)]
    seen: set[Path] = set()
    unique = []
    for path, folder in found:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            unique.append((path, folder))
    return unique
