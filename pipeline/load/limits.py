"""How much one file may hold, checked before the work it bounds starts.

Every step's work grows with the text it is given, some of it faster than the
length of a paragraph; these limits keep the worst upload to seconds. None of
them touches an ordinary news article (the longest articles run to some tens of
thousands of characters, their paragraphs to a few thousand). What is over a
size, count or nesting limit is refused with a named error saying what to do;
text over a length limit goes in cut or split, with a warning naming the file.
"""
from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024        # one file as uploaded
ZIP_RATIO = 2                       # a zip's entries unpack to at most this many times MAX_BYTES, all together
MAX_ZIP_ENTRIES = 10_000            # entries in one zip, folders and skipped files included
MAX_JSON_DEPTH = 100                # lists and objects inside one another; an export nests three or four
MAX_ARTICLES = 10_000               # articles in one file: JSON records, JSON lines, CSV rows, a zip's in all
MAX_ARTICLE_CHARS = 100_000         # longer text is cut at a line, sentence or word end before this, with a warning
MAX_PARAGRAPH_CHARS = 20_000        # a longer line is split at sentence ends (else word ends), with a warning
MAX_LINES = 20_000                  # lines of one article's text; the rest is cut, with a warning
MAX_HTML_TAGS = 50_000              # a page with more '<' is read as plain text, not by the article extractor
MAX_LEFT_OUT = 100                  # text blocks of a page its article extraction left out, listed for the reader
MAX_LEFT_OUT_CHARS = 300            # each such block is listed cut to this length
MAX_HEADER_LINE = 1_000             # a longer line is never a `key: value` header line
