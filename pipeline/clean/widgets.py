"""The page's own machinery left in the text: a social post's embed, a pager, a file's download link, a
telephone line, and a byline run into its date with no separator between them.

Each check reads one line (bullet already stripped) by its shape; the few words it needs are in
`data/boilerplate.json`, compiled in `pipeline.clean.rules`.
"""
from __future__ import annotations

import re

from pipeline.clean.furniture import quotes_nobody
from pipeline.clean.rules import CleanRules, lower

EMBED_MAX = 600          # a post's text and its signature: a few sentences
PAGER_MAX = 40           # "Page 2 of 3", "1 2 3 Next", "- 2 -"
FILE_LINK_MAX = 160      # "Download the full report (PDF, 2 MB)"
PHONE_LINE_MAX = 120     # "Tel: +51 1 234 5678 | Fax: +51 1 234 5679"
NAME_WORDS = (2, 4)      # an author's name before the page's date
BYLINE_MAX = 90
MEDIA_LINK_MAX = 100     # a labelled link to a gallery or a player: a headline's length
PROMO_MAX = 300          # a promotion or a podcast's blurb: a sentence or two
CONTENTS_MAX = 400       # a table of contents run into one line
FIELD_ROW_MAX = 200

# "— Ana Ruiz (@anaruiz) March 3, 2026": the signature a social post's embed prints under its text
_EMBED_SIGNATURE = re.compile(r"(?:^[-–—]*|\s[-–—]+)\s*[^()\n]{1,80}\(@\w{1,30}\)\s*"
                              r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})\.?$")
# a bare address: "pic.twitter.com/AbC123", "https://example.org/trade"
_BARE_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+")
# "Page 2 of 3", "2/3", "- 2 -", "[1]", "1 2 3 Next", "« Previous | Next »"
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[-–—]?\s*\d{1,3}\s*[-–—]|\[\d{1,3}\]")
_PAGER_TOKEN = re.compile(r"\d{1,3}|next|previous|prev|first|last|page|[«»‹›<>|…]+|\.{3}")
# "(PDF, 2 MB)", "[DOCX 345 KB]": a file's type and size, the label of a download link
_FILE_SIZE = re.compile(r"[(\[](?:pdf|docx?|xlsx?|pptx?|zip|csv)\b[^()\[\]]{0,20}?\d+(?:[.,]\d+)?\s*(?:kb|mb|gb)[)\]]")
_DOT_LEADER = re.compile(r"(?:\.{4,}|…{2,})\s*\d{1,3}\b")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]\s+\S")
# "MAFF Press Release — Page 1 of 2": a running header and the page's number
_RUNNING_PAGE = re.compile(r"[^.!?]{1,60}\s[—–|-]\s+page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?")
_PHONE_NUMBER = re.compile(r"\+?\(?\d[\d\s().-]{6,}\d")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")


def social_embed(line: str) -> bool:
    """A social post's embed: its signature closing the line ("... — Ana Ruiz (@anaruiz) March 3, 2026"),
    or a bare link to it ("pic.twitter.com/AbC123"). The signature proves the whole line came from the post."""
    if len(line) > EMBED_MAX:
        return False
    if "(@" in line and _EMBED_SIGNATURE.search(line):
        return True
    return ("://" in line or "www." in line or "pic." in line) and bool(_BARE_LINK.fullmatch(line.strip(" <>()[]")))


def pager(low: str) -> bool:
    """"Page 2 of 3", "- 2 -", "[1]", "1 2 3 Next": a page's number or its pager, and nothing else."""
    if len(low) > PAGER_MAX * 2 or not any(c.isdigit() for c in low) and "next" not in low and "prev" not in low:
        return False
    if _PAGE_NUMBER.fullmatch(low) or (len(low) <= PAGER_MAX * 2 and _RUNNING_PAGE.fullmatch(low)):
        return True
    tokens = low.split()
    return len(tokens) >= 2 and all(_PAGER_TOKEN.fullmatch(t) for t in tokens) \
        and any(t.isdigit() for t in tokens) and any(not t.isdigit() for t in tokens)


def file_link(line: str, low: str) -> bool:
    """"Download (PDF, 345 KB)", "Annual report 2025 [PDF 2 MB]": a download link labelled with the file's size."""
    return len(line) <= FILE_LINK_MAX and ("kb" in low or "mb" in low) and not line.endswith((".", "!", "?", '"', "”")) \
        and bool(_FILE_SIZE.search(low))


def phone_line(line: str, low: str, rules: CleanRules) -> bool:
    """"Tel: +51 1 234 5678", "Phone: (+51) 1 234 5678 | Email: ...": a telephone label and its number."""
    if len(line) > PHONE_LINE_MAX:
        return False
    m = rules.phone_label.match(low)
    return m is not None and bool(_PHONE_NUMBER.match(line, m.end()))


def media_label(line: str, low: str, rules: CleanRules) -> bool:
    """"Photo gallery: Trade talks in Lima", "LISTEN: The trade podcast", "On the podcast: ... Listen on ...": a link
    to the page's pictures, audio or video, perhaps with its blurb."""
    return len(line) <= PROMO_MAX and rules.media_label.match(low) is not None \
        and (len(line) <= MEDIA_LINK_MAX and not line.endswith((".", "!", "?", '"', "”")) or quotes_nobody(line, rules))


def promotion(line: str, low: str, rules: CleanRules) -> bool:
    """"Sponsored: ScreenRight automates screening. Book a demo today.": a paid promotion under its label."""
    return len(line) <= PROMO_MAX and rules.promo_label.match(low) is not None and quotes_nobody(line, rules)


def contents_line(line: str, rules: CleanRules) -> bool:
    """"Contents: 1. Overview .......... 1 / 2. Points discussed .......... 2": a table of contents, its dot leaders."""
    return len(line) <= CONTENTS_MAX and ("...." in line or "……" in line) and bool(_DOT_LEADER.search(line)) \
        and quotes_nobody(line, rules)


def footnote(line: str) -> bool:
    """"[1] IAEA, Comprehensive Report ..., July 2023.": a note's text, under the marker the story carries."""
    return line[:1] == "[" and bool(_FOOTNOTE.match(line))


def field_row(line: str, low: str, rules: CleanRules) -> bool:
    """"Article source: Department of Asian Affairs 2026-10-29 10:15 Font size: Large Medium Small": two labelled
    fields of the page on one short line."""
    return len(line) <= FIELD_ROW_MAX and low.count(":") >= 2 and len(rules.field_label.findall(low)) >= 2 \
        and quotes_nobody(line, rules)


def byline_before_date(line: str, rules: CleanRules) -> bool:
    """"Ana Ruiz Published Mar 3, 2026", "By Ana Ruiz Updated: 03 Mar 2026, 10:15 AM IST", "Ana Ruiz 3 Mart 2026
    14:05": an author's name, then at once a page's date label or the date itself, with no separator."""
    if len(line) > BYLINE_MAX or line.isupper():
        return False
    low = lower(line)
    words = line.split()
    if words and lower(words[0]) in rules.byline_word_set:
        words = words[1:]
    for i in range(NAME_WORDS[0], min(NAME_WORDS[1], len(words) - 1) + 1):
        name, rest = words[:i], " ".join(words[i:])
        if not all(_NAME_WORD.fullmatch(w) for w in name) or \
                any(lower(w).strip(".,") in rules.name_stopwords or lower(w).strip(".,") in rules.place_words for w in name):
            return False
        low = lower(rest)
        if rules.metadata.match(low) or (any(c.isdigit() for c in low) and rules.is_date_text(low)):
            return True
    return False
