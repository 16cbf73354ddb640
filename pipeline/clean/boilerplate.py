"""Cleaning: paragraphs, with site boilerplate and repeated paragraphs removed.

Every dropped line is kept in `article.removed` with its reason, so a reader can
see what went and why. Boilerplate phrases live in `data/boilerplate.json`; they
are matched against the lower-cased line with plain substring tests (no `re.I`,
no giant alternations: this step runs on every line of every article). A pattern that
could also occur in prose is only trusted on a short line, or in a position
where sites put boilerplate (the first or last lines, after a related-links
heading).
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz, process

from pipeline.lexicon.lexicon import Lexicon
from pipeline.article import Article, Removed

_DATA = json.loads((Path(__file__).resolve().parents[2] / "data" / "boilerplate.json").read_text("utf-8"))


class _Phrases:
    """Lower-case phrases; a phrase edge that is a letter or digit must be a word edge.

    A plain alternation lets the regex engine skip by first character; word edges are checked
    on the (rare) hits rather than written as look-arounds, which would defeat that.
    """

    def __init__(self, phrases: list[str]):
        self.pattern = re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))

    def search(self, low: str) -> bool:
        pos = 0
        while (m := self.pattern.search(low, pos)) is not None:
            p, start, end = m.group(), m.start(), m.end()
            if end < len(low) and low[end] == "s" and p[-1].isalpha():
                end += 1  # a plural still matches: "sign up for our newsletters"
            if not (p[0].isalnum() and start and low[start - 1].isalnum()) and \
                    not (p[-1].isalnum() and end < len(low) and low[end].isalnum()):
                return True
            pos = start + 1
        return False


def lower(text: str) -> str:
    """Lower-case with one apostrophe: what every pattern here is written against."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _key(text: str) -> str:
    """Comparison key of a paragraph. Punctuation only counts on long ones, where the fuzzy match absorbs it."""
    low = lower(text)
    return low if len(low) >= DUP_MIN_CHARS else " ".join(re.sub(r"[^\w\s]", " ", low).split())


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"

_SHARE = _Phrases(_DATA["share_phrases"])
_COMMENT = _Phrases(_DATA["comment_phrases"])
_COMMENT_LINE = re.compile(r"(?:\d+\s+)?(?:%s)(?:\s*\(\d+\))?" % "|".join(map(re.escape, _DATA["comment_lines"])))
_CAPTION = _Phrases(_DATA["caption_markers"])
_SLASH_AGENCIES = "|".join(map(re.escape, _DATA["credit_slash_agencies"]))
# "Markus Schreiber/AP", "REUTERS/Florence Lo"
_SLASH_CREDIT = re.compile(r"[a-z]\s?/\s?(?:%s)(?![a-z])|(?<![a-z])(?:%s)\s?/\s?[a-z]" % (_SLASH_AGENCIES, _SLASH_AGENCIES))
_NAV = _Phrases(_DATA["nav_phrases"])
_CREDIT = _Phrases(_DATA["credit_phrases"])
_AGENCIES = set(_DATA["agencies"])
_OUTLETS = _AGENCIES | set(_DATA["outlets"])     # a line naming only the outlet: "Global Times", "==Kyodo"
_FOOTER = _Phrases(_DATA["footer_phrases"])
# "Source: Xinhua", "Responsible editor: Li Ming"
_CREDIT_LABEL = re.compile(r"(?:%s)\s*[:：]" % "|".join(map(re.escape, sorted(_DATA["credit_labels"], key=len, reverse=True))))
# "Download the SCMP app", "Download our free app"
_APP_PROMPT = re.compile(r"download (?:the|our)\b.{0,30}\bapps?\b")
_COPYRIGHT = re.compile(r"copyright\s*(?:©|\(c\)|\d{4}\b)")
_BYLINE_ROLES = set(_DATA["byline_roles"])
_NAME_STOP = set(_DATA["name_stopwords"])
_HEADINGS = set(_DATA["related_headings"])
_HEADING_INLINE = re.compile(r"(%s)\s*[:|»›>\-–—]" % "|".join(map(re.escape, sorted(_HEADINGS, key=len, reverse=True))))
_PREFIX_HEADINGS = tuple(_DATA["related_prefix_headings"])
_LINK_LINES = set(_DATA["link_lines"])
_CTA_VERBS = set(_DATA["cta_verbs"])
_CTA_ALONE = set(_DATA["cta_verbs_alone"])  # "Subscribe to read the full story": these need no object
_CTA_OBJECTS = set(_DATA["cta_objects"])  # the site's own things: its app, newsletter, sections
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_REPORTING = {"said", "says", "say", "told", "according", "added", "warned", "urged"}
_FROM_OUTLET = re.compile(r"\s+(?:from|on|at|in)\s+[\w .&'-]{1,30}$")  # "Most Read from Bloomberg"
_POSSESSIVE = re.compile(r"^[\w.&-]+'s?\s+")  # "DW's top story", "Reuters' most read"

# "Published Date: 11:52 | 03 December 2024", "UPDATED at 5:47 p.m. ET on 2024-01-26", "Published - Sept 9, 2024"
_METADATA = re.compile(
    r"(?:^|[|•·]\s*)(?:%s)(?:\s+(?:on|at))?\s*[:\-–—|]?\s*(?=\d|%s|%s|today|yesterday|just now|an? (?:hour|minute|day)s? ago)"
    % ("|".join(map(re.escape, sorted(_DATA["metadata_labels"], key=len, reverse=True))), _MONTH, _WEEKDAY))
# a line that is nothing but a date and/or time: "03 December 2024 11:52", "Nov. 2, 2025, 10:30 AM IST"
_DATE_TOKEN = re.compile(r"\b(?:%s|%s|\d{1,4}(?:st|nd|rd|th)?|[ap]\.?m\.?|gmt|utc|ist|et|est|edt|pt|cet|cest|bst|jst|kst|hkt|sgt|of|at)\b" % (_MONTH, _WEEKDAY))
_READING_TIME = re.compile(r"\d+\s*(?:min|mins|minute|minutes)\s+read")
_BULLET = re.compile(r"^(?:[-–—•*·▪►]|\d{1,2}[.)])\s+")
_BULLET_START = set("-–—•*·▪►0123456789")
_BY = re.compile(r"^by\s+(.+)$")
_EMAIL = re.compile(r"[\[(<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[\])>]?")
_GALLERY = re.compile(r"\d{1,2}\s*(?:of|/)\s*\d{1,2}")  # "1 of 5": a photo gallery's counter
# "Tan Wei Ling is a correspondent at The Straits Times ...": the author's note closing an article
_AUTHOR_BIO = re.compile(r"(?:[A-Z][\w'’-]+ ){1,3}is (?:a|an|the)\b[^.]{0,60}?\b(?:correspondent|reporter|writer|editor|journalist|columnist|contributor|bureau chief)s?\b")
_CREDIT_ROLES = re.compile(r"^(?:reporting|writing|editing|additional reporting|compiled|edited|written|reported) by\b")
_NAMES_FOR = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+(?:(?:,| and| &) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+)* for [A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}")
_NAME_WORD = re.compile(r"[A-Z](?:[a-zà-ÿ'’-]+|\.)")
_CAPS_CREDIT = re.compile(r"\(([A-Z][A-Z.'’\- ]+)\)$")
_AGENCY_CREDIT = re.compile(r"\((?:%s)\)$" % "|".join(map(re.escape, sorted(_AGENCIES, key=len, reverse=True))))
_SENTENCE_END = (".", "!", ".”", '."', ".’", ".'", "!”", '!"', ":")

# regex substitutions, not str.translate: they cost nothing on the usual text that has none of these
_SPACE = re.compile("[\u00a0\u2002-\u200a\u202f\u205f\u3000\t\f\v]+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]+")
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029]")
# a no-break space read with the wrong code page leaves a stray "Â" at the end of a word
_MULTI_SPACE = re.compile(" {2,}")
_MOJIBAKE_NBSP = re.compile(r"(?<=\S)Â(?= |$)", re.M)

CAPTION_MAX = 600     # a paragraph longer than this is prose even if it names a photo agency
SHORT_LINE = 200      # prompts and form lines are short; a longer line mentioning them is prose
HEADLINE_MAX = 160
DUP_RATIO = 92
DUP_MIN_CHARS = 20    # shorter paragraphs are only dropped when repeated exactly


def normalise(raw: str) -> str:
    """NFC, one kind of space, no zero-width characters, no blank-padded lines. Quotes are left alone."""
    text = _LINE_BREAK.sub("\n", unicodedata.normalize("NFC", raw))
    text = _SPACE.sub(" ", _INVISIBLE.sub("", text))
    text = _MULTI_SPACE.sub(" ", _MOJIBAKE_NBSP.sub("", text))
    return "\n".join(line.strip() for line in text.split("\n"))


def _unbullet(line: str) -> str:
    return _BULLET.sub("", line) if line[:1] in _BULLET_START else line


def _strip_marks(low: str) -> str:
    return low.strip(" :|»›>-–—•*#.…→=")


def _is_byline(line: str, low: str) -> bool:
    if _CREDIT_ROLES.match(low) or _CREDIT.search(low):  # "Reporting by ...; Editing by ..."
        return len(line) <= 300
    if len(line) > 90:
        return False
    if _BY.match(low):
        head = _EMAIL.sub("", line[3:].split("|")[0]).strip()
        if _strip_marks(lower(head)) in _BYLINE_ROLES:
            return True
        words = [w for w in re.split(r"[\s,]+", head) if w and w.lower() not in ("and", "&", "in", "of", "for")]
        return bool(words) and all(w[0].isupper() for w in words)
    if len(line) <= 80 and _CREDIT_LABEL.match(low.lstrip("[(")):  # "[Editor: ...]" closes wire copy
        return True
    return _strip_marks(low).strip("() ") in _OUTLETS or bool(_NAMES_FOR.fullmatch(line))


def _is_caption(line: str, low: str) -> bool:
    if len(line) > CAPTION_MAX:
        return False
    if _CAPTION.search(low) or _SLASH_CREDIT.search(low) or _AGENCY_CREDIT.search(low):
        return True
    m = _CAPS_CREDIT.search(line)  # "... arrives in Seoul (ANTHONY WALLACE)": a photographer's credit
    return bool(m) and (" " in m.group(1).strip() or m.group(1).strip().lower() in _AGENCIES)


def _is_date_line(low: str) -> bool:
    if len(low) > 60 or not re.search(r"\d", low):
        return False
    rest = _DATE_TOKEN.sub(" ", low)
    return not re.search(r"[a-z]", rest) and bool(re.search(r"\d{4}|" + _MONTH, low))


def _is_call_to_action(body: str) -> bool:
    """"Get breaking news alerts ...", "Skip next section": an imperative addressed to the reader
    about the site (its app, newsletter, sections), not a sentence about the news."""
    words = _WORD.findall(body[:150])
    if not words or len(words) > 16 or not body.startswith(words[0] + " "):  # not "Follow-up talks ..."
        return False
    low = [w.lower() for w in words]
    if low[0] == "please":
        low = low[1:]
    if len(low) > 1 and low[1] in ("up", "in"):  # "sign up", "log in"
        low = [low[0] + " " + low[1]] + low[2:]
    if not low:
        return False
    first, low = low[0], low[1:]
    if first in _CTA_ALONE and len(low) <= 10:
        return True
    # reported speech is news even when it opens with an imperative: "Watch exports closely, analysts said"
    return first in _CTA_VERBS and not _REPORTING.intersection(low) and bool(_CTA_OBJECTS.intersection(low))


def _is_menu(body: str) -> bool:
    """"Corrections and clarifications | Submit a news tip | Report error": a row of short links."""
    parts = [p.strip() for p in body.split("|")]
    return len(parts) >= 3 and all(p and len(p.split()) <= 5 and not p.endswith(".") for p in parts)


def classify_line(line: str) -> str | None:
    """Why a single line is boilerplate, or None. Position-dependent rules live in `clean_article`."""
    body = _unbullet(line)
    low = lower(body)
    short = len(body) <= SHORT_LINE
    if not short:  # long lines are prose unless they are a caption or a credit list
        return "byline" if _is_byline(body, low) else "caption" if _is_caption(body, low) else None
    if short and (_METADATA.search(low) or _is_date_line(low)):
        return "metadata"
    if len(body) <= 60 and (_READING_TIME.search(low) or (_NAV.search(low) and not body.endswith("."))):
        return "nav"
    if _is_byline(body, low):
        return "byline"
    if short and _SHARE.search(low) or _APP_PROMPT.match(low) or _is_call_to_action(body):
        return "share_prompt"
    if _is_menu(body) or _GALLERY.fullmatch(body):
        return "nav"
    if short and (_FOOTER.search(low) or _COPYRIGHT.match(low)):
        return "footer"
    if short and (_COMMENT.search(low) or _COMMENT_LINE.fullmatch(_strip_marks(low))):
        return "comment_form"
    if _is_caption(body, low):
        return "caption"
    if _strip_marks(low) in _LINK_LINES and len(body) <= 40:
        return "link"
    return None


def is_related_heading(line: str) -> bool:
    """"You may also like", "Related:", "Similar News:You can also read ...", "More from Reuters"."""
    low = lower(_unbullet(line))
    bare = _strip_marks(low)
    if bare in _HEADINGS or (len(bare) <= 50 and _POSSESSIVE.sub("", bare) in _HEADINGS):
        return True
    if len(low) <= 50 and (bare.startswith(_PREFIX_HEADINGS) or _FROM_OUTLET.sub("", bare) in _HEADINGS):
        return True
    return len(low) <= SHORT_LINE and bool(_HEADING_INLINE.match(low))


def _headline_like(line: str) -> bool:
    return len(line) <= HEADLINE_MAX and not line.endswith(_SENTENCE_END)


def _is_prose(line: str) -> bool:
    return len(line) >= 120 or (line.endswith(_SENTENCE_END) and len(line.split()) >= 8)


def _is_lone_name(line: str) -> bool:
    """"Tess Ikonomou": two or three capitalised words, none of them a common headline word."""
    words = line.split()
    return (2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) for w in words)
            and not any(w.lower().strip(".") in _NAME_STOP for w in words))


def _tail_is_related(lines: list[str], ends_in_link: bool) -> bool:
    """The lines left after a related heading are all links: short, and no prose unless a link closes them."""
    if not lines or len(lines) > 10 or any(len(s) >= 300 for s in lines):
        return False
    return ends_in_link or not any(map(_is_prose, lines))


def _mark_related_blocks(lines: list[str], reasons: list[str | None]) -> None:
    i, n = 0, len(lines)
    while i < n:
        if reasons[i] not in (None, "link") or not is_related_heading(lines[i]):
            i += 1
            continue
        reasons[i] = "related"
        rest = [j for j in range(i + 1, n) if reasons[j] is None]
        if _tail_is_related([lines[j] for j in rest], reasons[-1] == "link"):
            for j in rest:
                reasons[j] = "related"
            return
        i += 1
        while i < n and (reasons[i] is not None or _headline_like(lines[i])):
            reasons[i] = reasons[i] or "related"
            i += 1


def _mark_edges(lines: list[str], reasons: list[str | None], title: str) -> None:
    """Labels and bullets before the first prose line, bulleted headlines and author names at the end."""
    live = [i for i, r in enumerate(reasons) if r is None]
    for i in live:
        if _is_prose(lines[i]):
            break
        if _BULLET.match(lines[i]) and len(lines[i].split()) <= 6:
            reasons[i] = "nav"
    tail = [i for i, r in enumerate(reasons) if r is None]
    run = []
    for i in reversed(tail):
        if not (_BULLET.match(lines[i]) and _headline_like(lines[i])):
            break
        run.append(i)
    if len(run) >= 2:
        for i in run:
            reasons[i] = "related"
    live = [i for i, r in enumerate(reasons) if r is None]
    for i in live[:3] + live[-2:]:
        if _is_lone_name(lines[i]):
            reasons[i] = "byline"
    for i in reversed(live[-4:]):  # only promotions may follow the author's note, never prose
        if len(lines[i]) <= SHORT_LINE and _AUTHOR_BIO.match(lines[i]):
            reasons[i] = "byline"
        elif _is_prose(lines[i]):
            break
    title_key = _key(title)
    if title_key:
        for i in live:
            if _key(lines[i]) == title_key:
                reasons[i] = "title"


def _duplicates(paragraphs: list[str]) -> list[bool]:
    """True for a paragraph that repeats an earlier one, exactly or nearly (compared by `_key`)."""
    seen: set[str] = set()
    kept: list[str] = []
    out = []
    for p in paragraphs:
        key = _key(p)
        dup = key in seen
        if not dup and len(key) >= DUP_MIN_CHARS:
            # one call over all kept paragraphs; the cutoff lets it skip those of too different a length
            dup = process.extractOne(key, kept, scorer=fuzz.ratio, processor=None, score_cutoff=DUP_RATIO) is not None
        out.append(dup)
        if not dup:
            seen.add(key)
            if len(key) >= DUP_MIN_CHARS:
                kept.append(key)
    return out


def clean_article(article: Article, lexicon: Lexicon | None = None) -> Article:
    lines = [s for s in normalise(article.raw_text).split("\n") if s]
    reasons = [classify_line(s) for s in lines]
    _mark_related_blocks(lines, reasons)
    _mark_edges(lines, reasons, article.title)
    kept = [s for s, r in zip(lines, reasons) if r is None]
    dups = iter(_duplicates(kept))
    paragraphs, removed, dates = [], [], []
    for line, reason in zip(lines, reasons):
        if reason is None and next(dups):
            reason = "duplicate"
        if reason is None:
            paragraphs.append(line)
            continue
        removed.append(Removed(reason, line))
        if reason == "metadata":
            dates.append(_unbullet(line))
    article.paragraphs, article.removed, article.metadata_dates = paragraphs, removed, dates
    return article
