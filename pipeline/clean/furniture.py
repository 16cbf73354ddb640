"""Page furniture told by its shape: bylines in any language, a staff or outlet line, share-button
rows, breadcrumbs and section links, cookie banners, and captions written in a picture's present tense.

Each check reads one line (the bullet already stripped) and its lower-cased form; the phrase lists
are in `data/boilerplate.json`, the grammar around them in `pipeline.clean.rules`.
"""
from __future__ import annotations

import re

from pipeline.clean.rules import CleanRules, lower
from pipeline.text.sentences import sentence_spans

BYLINE_MAX = 90          # "By Jane Doe and John Roe | Beijing, 3 March 2025"; longer is a sentence
BYLINE_DATE_WORDS = 6    # "12 de marzo de 2025": the date after a byline is a few words
STAFF_ROLE_LAST = 3      # a name then a role after it: "Ana Ruiz Reporter", "Ana Ruiz Senior Reporter"
STAFF_LINE_WORDS = 8     # "Valdoria Daily Staff Ana Ruiz": an outlet, a role and a name
BREADCRUMB_MIN_PARTS = 3  # "World > Asia > China"; two parts only when the first is "Home"
SECTION_WORDS = 3        # "Press Releases", "Asia Pacific": a section's name is a few words
CAPTION_SHORT = 300      # a caption is a sentence or two about one picture
CONSENT_MAX = 600        # a cookie banner is a few sentences; a longer paragraph about cookies is news
NAV_LINE_MAX = 80        # a breadcrumb or a link back to a section is a few words

_CAP_WORD = re.compile(r"(?:[A-Z][\w.'’-]*|[A-Z]{2,}|&)")
_SECTION_WORD = re.compile(r"[A-Z0-9&][\w.'’&-]*")
# "..., March 3, 2025." / "... 3 March 2025": a caption closes on the picture's full date
_CLOSING_DATE = re.compile(r"(?:\b[A-Z][a-z]{2,8}\.? \d{1,2},? |\b\d{1,2} [A-Z][a-z]{2,8},? )(?:19|20)\d\d\.?$")
_YEAR_OR_TIME = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[:.]\d\d\b")
_NAME_DATE_SPLIT = re.compile(r"\s*[|•·—–]\s*|\s+-\s+|,\s*(?=[^,|]*\d)")
# the author and the date: "Ana Ruiz | 3 March", "Ana Ruiz, 12 de marzo", "Ana Ruiz on 03/03/2025", "Ana Ruiz le 3 mars"
_DATE_SPLIT = re.compile(r"\s*[|•·]\s*|\s+/\s+|,\s*(?=[^,|]*\d)|\s+-\s+(?=[^,|]*\d)|\s+(?:(?:on|le|am|op|el|il|em)\s+)?(?=\d)")
# plain substring tests first: a case-blind search on every paragraph would cost more than the rest of the step
_ADVERT_HINTS = ("dvertis", "DVERTIS", "ponsored", "PONSORED", "croll to", "CROLL TO", "ontinue", "ONTINUE")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
# a prompt after the last sentence has a separator ("Read more: ...", "Also Read | ...") or ends the paragraph
_TAIL_SEPARATORS = (":", "|", "»", ">")
_TAIL_END = re.compile(r"(?i)(?:more|reading|here|advertisement|agencies|inputs|\b[A-Z]{2,6})\W*$")
INLINE_TAIL_WINDOW = 40
INLINE_TAIL_SPAN = 240     # "... she said. Read more: <a headline>": the prompt and its link fit in this
CREDIT_TAIL_WINDOW = 260
BRACKETED_TAIL_MAX = 310
_BRACKETED_TAIL = re.compile(r"(?<=[.!?\"”’])\s*\(([^()]{10,300})\)$")
_CONSENT_HINTS = ("cookie", "consent", "privacy", "continuing", "agree")   # every consent phrase holds one
_SPACES = re.compile(r"\s{2,}")
_CRUMB = re.compile(r"\s*(?:>+|»|›|/)\s*")
_SENTENCE_CLOSE = (".", "!", "?", ":", ";")
# "Ministers Ruiz and Lind who shake hands ...": names, then a relative clause and nothing else
# after a caption's full stop: "(Lima Herald)" in brackets, or an agency's name bare: ". Yonhap"
_CLOSING_CREDIT = re.compile(r"(?<=[.!?])\s*(?:\(([A-Z][\w.&'’ -]{1,40})\)|([A-Z][\w.&'’ -]{1,30}))$")
_WHO_CAPTION = re.compile(r"(?:[A-Z][\w.'’-]*\s+)+(?:and\s+(?:[A-Z][\w.'’-]*\s+)+)?who\s+[a-z]")


def _all_capitalised(words: list[str]) -> bool:
    return bool(words) and all(_CAP_WORD.fullmatch(w) for w in words)


def is_section(text: str) -> bool:
    """"Philippines", "Asia Pacific", "Science & Tech": a section of the site is named in a few capitalised words."""
    words = text.split()
    return 0 < len(words) <= SECTION_WORDS and all(_SECTION_WORD.fullmatch(w) for w in words)


def foreign_or_dated_byline(line: str, low: str, rules: CleanRules, joiners: set[str]) -> bool:
    """"Von Ana Ruiz | 3. März 2025", "Por Jorge Lind, 12 de marzo de 2025", "By Ana Ruiz, March 3, 2025":
    a byline word, capitalised names, and perhaps a date (a year or a time in a few words) after a separator."""
    if len(line) > BYLINE_MAX or line.endswith(_SENTENCE_CLOSE):
        return False
    m = rules.byline_word.match(low)
    if m is None:
        return False
    rest = line[m.start(1):]
    parts = _DATE_SPLIT.split(rest, maxsplit=1)
    names = [w for w in re.split(r"[\s,]+", parts[0]) if w and w.lower() not in joiners]
    if not _all_capitalised(names) or any(w.lower().strip(".") in rules.name_stopwords for w in names):
        return False
    if len(parts) == 1:
        return True
    date = parts[1]
    return bool(_YEAR_OR_TIME.search(date)) and (len(date.split()) <= BYLINE_DATE_WORDS or rules.is_date_text(lower(date)))


def name_and_date(line: str, rules: CleanRules, joiners: set[str]) -> bool:
    """"Ana Ruiz | 3. März 2025, 14:05 Uhr", "Ana Ruiz, 03.03.2025": an author's name and the page's date,
    with no byline word. A dateline ("LIMA, March 3") is in capitals or names a place, and stays."""
    if len(line) > BYLINE_MAX or line.isupper():
        return False
    parts = _NAME_DATE_SPLIT.split(line, maxsplit=1)
    if len(parts) == 2 and _YEAR_OR_TIME.search(parts[0]) and not _YEAR_OR_TIME.search(parts[1]):
        parts.reverse()   # "3 de marzo de 2025 | Ana Ruiz": the date first
    if len(parts) != 2 or not _YEAR_OR_TIME.search(parts[1]) or len(parts[1].split()) > BYLINE_DATE_WORDS:
        return False
    name, *where = parts[0].split(",")   # "Ana Ruiz, Lima | 3 de marzo": the author, then perhaps a city
    names = [w for w in name.split() if w.lower() not in joiners]
    return 2 <= len(names) <= 6 and _all_capitalised(names) and not any(w.isupper() for w in names) \
        and not any(w.lower().strip(".") in rules.name_stopwords or w.lower() in rules.place_words for w in names) \
        and all(is_section(w) for w in where)


def staff_or_outlet_line(line: str, low: str, rules: CleanRules) -> bool:
    """"OAN Staff Ana Ruiz", "Lima Herald Media Network - Lima": capitalised words naming the outlet's
    staff or the outlet itself, with no sentence in them."""
    if line.endswith(_SENTENCE_CLOSE) or not _CAP_WORD.match(line):
        return False
    words = line.replace(" - ", " ").replace(" | ", " ").split()
    if not _all_capitalised(words) or len(words) > STAFF_LINE_WORDS:
        return False
    inner = [w.lower() for w in words[1:-1]]   # the role stands between the outlet and the name
    if len(words) >= STAFF_ROLE_LAST and words[-1].lower() in rules.staff_words:   # "Ana Ruiz Senior Reporter"
        return True
    return bool(rules.staff_words.intersection(inner)) or bool(rules.outlet_line.fullmatch(low))


def share_row(low: str, rules: CleanRules) -> bool:
    """"facebookfacebook", "Twitter | Kakao | Print": nothing but the names of share buttons."""
    return bool(rules.social_row.fullmatch(low.strip(" |·•")))


def breadcrumb_or_section_link(line: str, low: str, rules: CleanRules) -> bool:
    """"Home > News > Trade", "Back to Press Releases", "Go to Forum >>0 Comment(s)"."""
    if len(line) > NAV_LINE_MAX:
        return False
    parts = [p for p in _CRUMB.split(line.strip(" >»›")) if p]
    if len(parts) >= 2 and (len(parts) >= BREADCRUMB_MIN_PARTS or parts[0].lower() == "home") \
            and all(is_section(p) or rules.comment_line.fullmatch(p.lower()) for p in parts):
        return True
    m = rules.nav_link.match(low)
    if m is None:
        return False
    head, *rest = parts if parts else [line]
    target = head[m.end():] if len(head) >= m.end() else ""
    return is_section(target) and all(rules.comment_line.fullmatch(p.lower()) for p in rest)


def consent_banner(line: str, low: str, rules: CleanRules) -> bool:
    """"We use cookies to improve your experience ...", "Accept all cookies"; reported speech about a
    site's cookies is news."""
    return len(line) <= CONSENT_MAX and any(h in low for h in _CONSENT_HINTS) and bool(rules.consent.search(low)) \
        and quotes_nobody(line, rules)


def quotes_nobody(text: str, rules: CleanRules) -> bool:
    """A caption describes a picture; a paragraph of the story reports what someone said."""
    return not rules.reporting.intersection(w.lower() for w in _WORD.findall(text))


def without_closing_credit(line: str, low: str, rules: CleanRules) -> tuple[str, str]:
    """"... in Sejong, May 19, 2026. Yonhap", "... before talks in Lima. (Lima Herald)": the caption without
    the credit of the agency or outlet that took the picture."""
    m = _CLOSING_CREDIT.search(line)
    if m is None:
        return line, low
    credit = m.group(1) or m.group(2)
    if m.group(2) is not None and lower(credit) not in rules.outlets:
        return line, low
    return line[:m.start()].rstrip(), low[:m.start()].rstrip()


def gesture_caption(line: str, low: str, rules: CleanRules) -> bool:
    """"Ministers pose for a photo before talks in Lima.", "Ruiz and Lind who shake hands at a camera":
    one sentence about a picture in its present tense, quoting nobody. "Will shake hands" is news."""
    if len(line) > CAPTION_SHORT:
        return False
    line, low = without_closing_credit(line, low, rules)
    if _WHO_CAPTION.match(line) and not line.endswith(_SENTENCE_CLOSE) and "," not in line:
        return quotes_nobody(low, rules)
    span = rules.gesture.find(low)
    if span is None and line.rstrip(".")[-4:].isdigit() and _CLOSING_DATE.search(line):
        span = rules.dated_gesture.find(low)
    if span is None:
        return False
    before = low[:span[0]].split()
    return (not before or before[-1] not in rules.modal_words) and len(sentence_spans(line)) == 1 \
        and quotes_nobody(low, rules)


def strip_inline(paragraph: str, rules: CleanRules) -> tuple[str, list[str]]:
    """The paragraph without a picture credit or a closing byline in brackets, nor a "Read more: ..."
    after its last sentence; and what was cut. A paragraph without brackets or colons costs nothing."""
    cut = []
    if "(" in paragraph or "[" in paragraph:
        cut += [m.group() for m in rules.inline_credit.finditer(paragraph)]
        if cut:
            paragraph = _SPACES.sub(" ", rules.inline_credit.sub("", paragraph)).strip()
    if any(h in paragraph for h in _ADVERT_HINTS) and rules.inline_furniture_hint.may_hold(paragraph):
        found = [m.group().strip() for m in rules.inline_furniture.finditer(paragraph)]
        if found and len(found[0]) < len(paragraph.strip()):
            cut += found
            paragraph = _SPACES.sub(" ", rules.inline_furniture.sub("", paragraph)).strip()
    start = max(0, len(paragraph) - CREDIT_TAIL_WINDOW)   # searched from near the end: the scan costs per character
    if " by " in paragraph[start:] and (m := rules.inline_credit_tail.search(paragraph, start)):
        cut.append(m.group().strip())
        paragraph = paragraph[:m.start()].rstrip()
    if paragraph.endswith(")") and (m := _BRACKETED_TAIL.search(paragraph, max(0, len(paragraph) - BRACKETED_TAIL_MAX))) \
            and rules.author_bio.match(m.group(1)):
        cut.append(m.group().strip())   # "... (Ana Ruiz is a correspondent for the Lima Herald.)"
        paragraph = paragraph[:m.start()].rstrip()
    start = max(0, len(paragraph) - INLINE_TAIL_SPAN)
    if (any(c in paragraph[start:] for c in _TAIL_SEPARATORS) or _TAIL_END.search(paragraph[-INLINE_TAIL_WINDOW:])) \
            and (m := rules.inline_tail.search(paragraph, start)):
        cut.append(m.group().strip())
        paragraph = paragraph[:m.start()].rstrip()
    return paragraph, cut
