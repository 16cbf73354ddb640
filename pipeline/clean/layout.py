"""Rules that depend on where a line stands: related-links blocks, the first and last lines,
captions set between paragraphs of the story.

Each function takes the lines and their reasons so far (None: kept) and fills in more reasons.
"""
from __future__ import annotations

import re

from pipeline.clean.duplicates import paragraph_key
from pipeline.clean.furniture import is_section, quotes_nobody
from pipeline.clean.lines import (BULLET, SENTENCE_END, before_agency_credit, is_captioned_scene,
                                  is_related_heading)
from pipeline.clean.rules import CleanRules

HEADLINE_MAX = 160        # a linked headline fits on one line; a longer line is a paragraph
PROSE_CHARS = 120         # a line this long is a paragraph whatever its ending
PROSE_WORDS = 8           # a finished sentence of this many words is prose, not a link
RELATED_TAIL_LINES = 10   # a related-links block lists a handful of headlines, not the rest of a story
TEASER_HEAD_WORDS = 16     # the headline above a teaser
TEASER_HEADLINES = 2      # a related block of headlines with teasers lists two stories at least
RELATED_TAIL_CHARS = 300  # a teaser under a related link is shorter than this
LEAD_BULLET_WORDS = 6     # "- Asia", "- Trade war": bulleted section labels above the story
NAME_HEAD, NAME_TAIL = 3, 2   # a lone author name stands among the first three or the last two lines
BIO_MAX = 500             # an author's note runs to two or three sentences
BIO_TAIL = 4              # the author's note is among the last few lines, only promotions after it

TAIL_TITLE_RUN = 2        # two title-case headlines after the story's end are a list of related links
TAIL_PLAIN_RUN = 3        # sentence-case headlines need a third to tell them from a cut-off last paragraph
MIDDLE_PLAIN_RUN = 3       # three sentence-case headlines of a few words in a row, not introduced by a colon
PLAIN_HEADLINE_WORDS = 4
MIDDLE_TITLE_RUN = 3      # inside the story a subheading stands alone; three title-case lines in a row are links
TAIL_HEADLINE_WORDS = (3, 16)  # a linked headline has a few words, never one
TITLE_CASE_SHARE = 0.6    # share of the longer words capitalised in a title-case headline
SITE_SUFFIX_WORDS = 6     # "Title | Be Korea-savvy": a site's name or slogan after the page title
NAME_LINE_MAX = 80        # two authors with a role or an outlet each fit in this
ROLE_PARTS = 2            # "Ana Ruiz, Senior Correspondent, Lima Herald": a role and an outlet
ROLE_WORDS = 4            # "Staff Writer", "Lima Herald": a role or an outlet after an author's name
LEAD_MENU_RUN = 2         # one short capitalised line above the story may be a dateline; two in a row are a menu
LABEL_WORDS = 6           # a photo's alt text or a slug repeated on the page is a few words

_NAME_WORD = re.compile(r"[A-Z](?:[a-zà-ÿ'’-]+|[A-Z'’-]+|\.)")
_HANDLE_OR_OUTLET = re.compile(r"\s+(?:@\w+|\((?:[A-Z][\w.&'’-]*\s?){1,4}\))$")
_NOTE_WRAPPERS = "*_()[] —–-"   # an author's note set in italics, in brackets or after a dash
_ROLE_SEPARATOR = re.compile(r"\s*[|,]\s*")
_NAME_JOINER = re.compile(r"\s+(?:&|and)\s+")
_SUFFIX_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|:]\s*")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _headline_like(line: str) -> bool:
    return len(line) <= HEADLINE_MAX and not line.endswith(SENTENCE_END)


def is_prose(line: str) -> bool:
    return len(line) >= PROSE_CHARS or (line.endswith(SENTENCE_END) and len(line.split()) >= PROSE_WORDS)


def _one_name(text: str, rules: CleanRules) -> bool:
    words = text.split()
    return (2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) for w in words)
            and not any(w.lower().strip(".") in rules.name_stopwords for w in words))


def _is_lone_name(line: str, rules: CleanRules) -> bool:
    """"Ana Ruiz", "ANA RUIZ", "Ana Ruiz & Jo Lind", "Ana Ruiz | Lima Herald", "Ana Ruiz, Staff Writer":
    author names of two or three capitalised words (none a common headline word), perhaps followed by
    a role or an outlet of a few capitalised words."""
    if len(line) > NAME_LINE_MAX:
        return False
    line = _HANDLE_OR_OUTLET.sub("", line)   # "Ana Ruiz @anaruiz", "Ana Ruiz (Lima Herald)"
    head, *rest = _ROLE_SEPARATOR.split(line)
    if len(rest) > ROLE_PARTS or any(not _is_short_title(r) for r in rest):
        return False
    return all(_one_name(n, rules) for n in _NAME_JOINER.split(head))


def _is_short_title(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= ROLE_WORDS and all(w[0].isupper() for w in words)


def _tail_is_related(lines: list[str], ends_in_link: bool, rules: CleanRules) -> bool:
    """The lines left after a related heading are all links: short, and no prose unless a link closes them."""
    if not lines or len(lines) > RELATED_TAIL_LINES or any(len(s) >= RELATED_TAIL_CHARS for s in lines):
        return False
    return ends_in_link or not any(map(is_prose, lines)) or _headlines_with_teasers(lines, rules)


def _headlines_with_teasers(lines: list[str], rules: CleanRules) -> bool:
    """"Valdoria cuts rates." / "The central bank cut ..." / "Merovia's exports hit a record." / "...": linked
    headlines each with its longer teaser under it, two stories at least. A teaser quotes nobody: under a
    subheading the story goes on with what someone said."""
    if len(lines) < 2 * TEASER_HEADLINES:
        return False
    for k in range(0, len(lines), 2):
        head, teaser = lines[k], lines[k + 1] if k + 1 < len(lines) else None
        if len(head.split()) > TEASER_HEAD_WORDS or len(head) > HEADLINE_MAX or (teaser is None and is_prose(head)):
            return False
        if teaser is not None and (len(teaser) <= len(head) or not is_prose(teaser) or not quotes_nobody(teaser, rules)):
            return False
    return True


def mark_related_blocks(lines: list[str], reasons: list[str | None], rules: CleanRules) -> None:
    i, n = 0, len(lines)
    while i < n:
        if reasons[i] not in (None, "link") or not is_related_heading(lines[i], rules):
            i += 1
            continue
        reasons[i] = "related"
        rest = [j for j in range(i + 1, n) if reasons[j] is None]
        if _tail_is_related([lines[j] for j in rest], reasons[-1] == "link", rules):
            for j in rest:
                reasons[j] = "related"
            return
        i += 1
        while i < n and (reasons[i] is not None or _headline_like(lines[i])):
            reasons[i] = reasons[i] or "related"
            i += 1


def mark_scene_captions(lines: list[str], reasons: list[str | None], rules: CleanRules) -> None:
    """"Two ministers met in Geneva on Monday. (AFP)" with the story going on after it: a caption left
    between paragraphs. Where nothing follows, the agency's name signs off the wire copy and stays."""
    last_prose = max((i for i, r in enumerate(reasons) if r is None and is_prose(lines[i])), default=-1)
    for i in range(last_prose):
        if reasons[i] is not None:
            continue
        before = before_agency_credit(lines[i], rules)
        if before is not None and is_captioned_scene(before, rules):
            reasons[i] = "caption"


def _title_case(line: str) -> bool:
    words = _LONG_WORD.findall(line)
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _linked_headline(line: str) -> bool:
    lo, hi = TAIL_HEADLINE_WORDS
    return _headline_like(line) and lo <= len(line.split()) <= hi and not line.endswith((",", ";"))


def mark_tail_headlines(lines: list[str], reasons: list[str | None]) -> None:
    """Headlines listed with no heading above them. After the story's last paragraph: two in title case,
    or three in sentence case (one line without a full stop may be a paragraph cut short). Between
    paragraphs: three in title case, or three sentence-case headlines of four words or more not introduced by a
    colon, none bulleted (a bulleted list there, or one after "... as follows:", is the story's own points)."""
    live = [i for i, r in enumerate(reasons) if r is None]
    run = []
    for i in reversed(live):
        if is_prose(lines[i]) or not _linked_headline(lines[i]):
            break
        run.append(i)
    titled = all(_title_case(lines[i]) for i in run)
    if len(run) >= TAIL_PLAIN_RUN or (len(run) >= TAIL_TITLE_RUN and titled):
        for i in run:
            reasons[i] = "related"
    run: list[int] = []
    before = ""   # the line above the run: "... the following measures:" introduces the story's own list
    for k, i in enumerate(live + [len(lines)]):
        if i < len(lines) and reasons[i] is None and _linked_headline(lines[i]) and not BULLET.match(lines[i]):
            run.append(i)
            continue
        titled = [j for j in run if _title_case(lines[j])]
        plain = len(run) >= MIDDLE_PLAIN_RUN and not before.endswith(":") \
            and all(len(lines[j].split()) >= PLAIN_HEADLINE_WORDS for j in run)
        if plain or (len(run) >= MIDDLE_TITLE_RUN and len(titled) == len(run)):
            for j in run:
                reasons[j] = "related"
        run = []
        before = lines[i] if i < len(lines) else ""


def mark_lead_menus(lines: list[str], reasons: list[str | None]) -> None:
    """Above the story's first paragraph, two or more lines in a row of one to three capitalised words
    ("World" / "Asia Pacific", "Title" / "Artist"): section menus and player labels, not the story."""
    lead = next((i for i, r in enumerate(reasons) if r is None and is_prose(lines[i])), len(lines))
    runs: list[list[int]] = [[]]
    for i in (i for i in range(lead) if reasons[i] is None):   # lines already dropped do not break a run
        if is_section(lines[i]):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        if len(run) >= LEAD_MENU_RUN:
            for j in run:
                reasons[j] = "nav"


def mark_repeated_labels(lines: list[str], reasons: list[str | None]) -> None:
    """A few words without a sentence's end printed more than once above the story's first paragraph
    (a photo's alt text under each picture, a slug): page furniture. Every copy goes, not only the
    repeats. Inside the story a repeated subheading keeps its first copy (see `duplicates`)."""
    counts: dict[str, int] = {}
    keys = {}
    lead = next((i for i, r in enumerate(reasons) if r is None and is_prose(lines[i])), len(lines))
    for i, r in enumerate(reasons[:lead]):
        if r is None and len(lines[i].split()) <= LABEL_WORDS and not lines[i].endswith(SENTENCE_END + ("?", ",")):
            keys[i] = paragraph_key(lines[i])
            counts[keys[i]] = counts.get(keys[i], 0) + 1
    for i, key in keys.items():
        if counts[key] > 1:
            reasons[i] = "label"


def _is_source_line(line: str, sources: list[str]) -> bool:
    """"Lima Herald", "Lima Herald - Lima": the outlet the article came from, perhaps with its city."""
    key = paragraph_key(line)
    for source in sources:
        if key == source or (key.startswith(source) and len(key.split()) - len(source.split()) <= NAME_TAIL):
            return True
    return False


def _is_title_with_site(line: str, title_key: str) -> bool:
    """"Talks Resume in Lima | Lima Herald": the page title with the site's name or slogan after it."""
    if not title_key or not paragraph_key(line).startswith(title_key[:len(title_key) // 2]):
        return False
    seps = list(_SUFFIX_SEPARATOR.finditer(line))
    if not seps:
        return False
    last = seps[-1]
    return paragraph_key(line[:last.start()]) == title_key and 0 < len(line[last.end():].split()) <= SITE_SUFFIX_WORDS


def mark_edges(lines: list[str], reasons: list[str | None], title: str, rules: CleanRules,
               source: str = "") -> None:
    """Labels and bullets before the first prose line, bulleted headlines and author names at the end."""
    live = [i for i, r in enumerate(reasons) if r is None]
    for i in live:
        if is_prose(lines[i]):
            break
        if BULLET.match(lines[i]) and len(lines[i].split()) <= LEAD_BULLET_WORDS:
            reasons[i] = "nav"
    tail = [i for i, r in enumerate(reasons) if r is None]
    run = []
    for i in reversed(tail):
        if not (BULLET.match(lines[i]) and _headline_like(lines[i])):
            break
        run.append(i)
    if len(run) >= 2:
        for i in run:
            reasons[i] = "related"
    live = [i for i, r in enumerate(reasons) if r is None]
    for i in live[:NAME_HEAD] + live[-NAME_TAIL:]:
        if _is_lone_name(lines[i], rules):
            reasons[i] = "byline"
    for i in live[:NAME_HEAD]:   # under the byline, before the story: "Ana Ruiz is a correspondent covering ..."
        m = rules.author_bio.match(lines[i].strip(_NOTE_WRAPPERS)) if len(lines[i]) <= BIO_MAX else None
        if m and " is " in m.group() and quotes_nobody(lines[i], rules):   # "Ruiz covers the costs ..." is news
            reasons[i] = "byline"
        elif is_prose(lines[i]):
            break
    for i in reversed(live[-BIO_TAIL:]):  # only promotions may follow the author's note, never prose
        if len(lines[i]) <= BIO_MAX and rules.author_bio.match(lines[i].strip(_NOTE_WRAPPERS)):
            reasons[i] = "byline"
        elif is_prose(lines[i]):
            break
    title_key = paragraph_key(title)
    sources = [paragraph_key(p) for p in re.split(r"[()]", source) if len(p.strip()) > 1]
    for i in live:
        key = paragraph_key(lines[i])
        if title_key and (key == title_key or _is_title_with_site(lines[i], title_key)):
            reasons[i] = "title"
        elif sources and not is_prose(lines[i]) and _is_source_line(lines[i], sources):
            reasons[i] = "byline"
