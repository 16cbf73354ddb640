"""One line at a time: is it boilerplate, and of which kind?

A pattern that could also occur in prose is only trusted on a short line; rules that
depend on where a line stands (first or last lines, after a related-links heading, between
prose paragraphs) live in `pipeline.clean.layout`.
"""
from __future__ import annotations

import re

from pipeline.clean.furniture import (BYLINE_MAX, breadcrumb_or_section_link, consent_banner, foreign_or_dated_byline,
                                      gesture_caption, is_section, name_and_date, quotes_nobody, share_row,
                                      staff_or_outlet_line)
from pipeline.clean.notices import (EMAIL, agency_signed_scene, caption_shape, contact_line, foreign_script,
                                    legal_or_syndication_notice, section_promo, wire_furniture)
from pipeline.clean.rules import CleanRules, lower
from pipeline.clean.widgets import (byline_before_date, contents_line, field_row, file_link, footnote, media_label, pager,
                                    phone_line, promotion, social_embed)
from pipeline.text.sentences import sentence_spans

LONG_PROMPT_MAX = 400  # a newsletter or paywall prompt with its small print
SHORT_LINE = 200       # prompts and form lines are short; a longer line mentioning them is prose
CAPTION_MAX = 600      # a paragraph longer than this is prose even if it names a photo agency
CREDIT_LIST_MAX = 300  # "Reporting by ...; Editing by ...; Additional reporting by ..." fits in this
CREDIT_LINE_MAX = 160  # a credit phrase deeper into a longer line closes a paragraph of the story
CREDIT_START_MAX = 40
LABEL_LINE_MAX = 80    # "[Editor: Zhang Long]", "Source: Xinhua": a label and a name or two
NAV_MAX = 60           # a menu entry or a section banner; a longer line is a headline or prose
DATE_LINE_MAX = 60     # "Nov. 2, 2025, 10:30 AM IST" with room for a weekday
LINK_MAX = 40          # "Read the full story »": a link is a few words
HEADING_MAX = 50       # "More from Reuters", "DW's top story": a heading is a few words
CTA_WINDOW = 150       # the words of a prompt are read from its start only
CTA_MAX_WORDS = 16     # a prompt to the reader is one short imperative
CTA_ALONE_MAX_WORDS = 10  # "Subscribe to read the full story": after a verb that needs no object
MENU_MIN_PARTS = 3     # "A | B | C": two parts may be a headline with a pipe in it
MENU_PART_WORDS = 5    # each entry of a menu is a link of a few words

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_FROM_OUTLET = re.compile(r"\s+(?:from|on|at|in)\s+[\w .&'-]{1,30}$")  # "Most Read from Bloomberg"
_POSSESSIVE = re.compile(r"^[\w.&-]+'s?\s+")  # "DW's top story", "Reuters' most read"
_APP_PROMPT = re.compile(r"download (?:the|our)\b.{0,30}\bapps?\b")  # "Download the Daily Planet app"
_COPYRIGHT = re.compile(r"copyright\s*(?:©|\(c\)|\d{4}\b|:)|(?:©|\(c\))\s*(?:\d{4}\b|copyright)")
_READING_TIME = re.compile(r"\d+\s*(?:min|mins|minute|minutes)\s+read")
# a bullet, a dash or a number; or up to three symbols or emoji leading a prompt ("📱 Download ...", "➡️ Follow ...")
_SYMBOL = "\u2190-\u2bff\U0001f000-\U0001faff"
BULLET = re.compile(r"^(?:[-–—]{1,3}|[•*·▪►▲△▶▷◆◇■□●○☞※]|\d{1,2}[.)]|(?:[%s]\ufe0f?){1,3})\s+" % _SYMBOL)
_BULLET_START = set("-–—•*·▪►▲△▶▷◆◇■□●○☞※0123456789")
_SYMBOL_START = re.compile("[%s]" % _SYMBOL)
_BY = re.compile(r"^by\s+(.+)$")
_WORD_ENDS = (" ", "!", "")
_DASHES = {"-", "–", "—"}
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_DATE_JOINERS = {"on", "at", "in"}
_EMAIL = re.compile(r"[\[(<]?(?:%s)[\])>]?" % EMAIL.pattern)
_HANDLE = re.compile(r"(?<!\w)@\w+")   # "By Ana Ruiz, @anaruiz": the author's account
_GALLERY = re.compile(r"\d{1,2}\s*(?:of|/)\s*\d{1,2}")  # "1 of 5": a photo gallery's counter
_NAMES_FOR = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+(?:(?:,| and| &) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+)* for [A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}")
_CAPS_CREDIT = re.compile(r"\(([A-Z][A-Z.'’\- ]+)\)$")
_HOOK_END = re.compile(r"[:?!]\s+")
_DIGIT = re.compile(r"\d")
# the parts of a navigation line: "Asia Latest News | Business Headlines", "Advertisement - Scroll to continue"
_NAV_SEPARATOR = re.compile(r"\s*[,|»›>:•·/←→↑↓▲▼◄►…]+\s*|\s+[-–—]+\s+")
_COUNTER = re.compile(r"[(\[]?\d+(?:\s*(?:of|/)\s*\d+)?[)\]]?")  # "(3)", "2/2", "1 of 5"
SENTENCE_END = (".", "!", ".”", '."', ".’", ".'", "!”", '!"', ":")
_SENTENCE_MARKS = tuple(".!?”\"’'")   # what a finished sentence ends with: "... said. (AFP)"


def unbullet(line: str) -> str:
    return BULLET.sub("", line) if line[:1] in _BULLET_START or _SYMBOL_START.match(line) else line


def strip_marks(low: str) -> str:
    return low.strip(" :|»›>-–—•*#.…→=?")


def is_credit(line: str, low: str, rules: CleanRules) -> bool:
    """A byline or credit line, bracketed or not; "(By Ana Ruiz; Editing by Jo Lind)" is one per part."""
    if line[:1] in "([" and line[-1:] in ")]":
        line, low = line[1:-1].strip(), low[1:-1].strip()
    if ";" in line and len(line) <= CREDIT_LIST_MAX:
        parts = [(p.strip(), q.strip()) for p, q in zip(line.split(";"), low.split(";")) if p.strip()]
        return bool(parts) and all(_is_byline(p, q, rules) for p, q in parts)
    return _is_byline(line, low, rules)


def _is_byline(line: str, low: str, rules: CleanRules) -> bool:
    if foreign_or_dated_byline(line, low, rules, rules.byline_joiners) or name_and_date(line, rules, rules.byline_joiners) or \
            (len(line) <= BYLINE_MAX and staff_or_outlet_line(line, low, rules)):
        return True
    if rules.reported_from.fullmatch(line):   # "Ana Ruiz reported from Lima"
        return True
    m = rules.credit_roles.match(low)   # "Reporting by ...; Editing by ...", not "Reporting by state media said ..."
    if m and not _lower_case_next(line, m.end()):
        return len(line) <= CREDIT_LIST_MAX
    span = rules.credit.find(low)   # "Jo Lind contributed to this report": the whole line, not a paragraph ending so
    if span is not None:
        return len(line) <= CREDIT_LIST_MAX and (len(line) <= CREDIT_LINE_MAX or span[0] <= CREDIT_START_MAX)
    if len(line) > BYLINE_MAX:
        return False
    if _BY.match(low) or low.startswith("by |"):
        head = _HANDLE.sub("", _EMAIL.sub("", line[3:].split("|")[0])).strip(" ,")
        if not head:   # "By | March 3, 2025": the page left the author's name out
            return "|" in line
        if strip_marks(lower(head)) in rules.byline_roles:
            return True
        # "By Ana Ruiz - Lima Herald", "By Ana Ruiz, Lima Herald staff": the author, perhaps the outlet and a role
        words = [w for w in re.split(r"[\s,/]+", head) if w and w.lower() not in rules.byline_joiners
                 and w not in _DASHES and w.lower() not in rules.staff_words]
        return bool(words) and all(w[0].isupper() for w in words)
    if len(line) <= LABEL_LINE_MAX and rules.credit_label.match(low.lstrip("[(")):  # "[Editor: ...]" closes wire copy
        return True
    return strip_marks(low).strip("() ") in rules.outlets or bool(_NAMES_FOR.fullmatch(line))


def _lower_case_next(line: str, start: int) -> bool:
    """The next word after `start` is a lower-case one: "by state media", not "by Ana Ruiz", "by: 김동현", nor the
    date of a byline that left the name out ("Written by on June 11")."""
    m = _NEXT_WORD.search(line, start)
    return m is not None and m.group()[0].islower() and m.group() not in _DATE_JOINERS


def before_agency_credit(line: str, rules: CleanRules) -> str | None:
    """The text before a closing "(AFP)", "(Kyodo)", or None where there is none. Wire copy signs
    off the same way a caption credits its photo, so the credit alone proves nothing."""
    low = lower(line)
    m = rules.agency_credit.search(low)
    return line[:len(line) - (len(low) - m.start())].rstrip() if m else None


def is_captioned_scene(text: str, rules: CleanRules) -> bool:
    """The words before an agency credit read as a picture's caption, not as a paragraph of the story:
    one sentence that quotes nobody."""
    return quotes_nobody(text, rules) and len(sentence_spans(text)) == 1


def _is_caption(line: str, low: str, rules: CleanRules) -> bool:
    """A caption carries evidence of a picture: a photo label or credit, a position marker, a
    photographer's name, or an agency credit on a caption's wording (see `before_agency_credit`)."""
    if len(line) > CAPTION_MAX:
        return False
    # a label needs its colon, a credit its slash: a plain test before each scan
    if rules.caption.search(low) or (("=" in low or ":" in low) and rules.caption_label.search(low)) \
            or rules.caption_by.match(low) or rules.caption_position.search(low) or ("/" in low and rules.slash_credit.search(low)):
        return True
    if gesture_caption(line, low, rules):
        return True
    m = _CAPS_CREDIT.search(line)  # "... arrives in Seoul (ANTHONY WALLACE)": a photographer's credit
    if m and " " in m.group(1).strip() and m.group(1).strip().lower() not in rules.agencies:
        return True
    before = before_agency_credit(line, rules)
    if before is None:
        return False
    # "Minister Ana Ruiz, pictured, arrives ... (AFP)": picture wording;
    # "Officials attend the fair in Shanghai (AFP)": no finished sentence, a label on a picture
    if caption_shape(before, rules):   # "Ana Ruiz, Valdoria's trade minister, in Lima on March 3. (Reuters)"
        return True
    return (rules.caption_cue.search(low) and quotes_nobody(before, rules)) or \
        (not before.endswith(_SENTENCE_MARKS) and is_captioned_scene(before, rules))


def _is_date_line(low: str, rules: CleanRules) -> bool:
    if len(low) > DATE_LINE_MAX or not _DIGIT.search(low):
        return False
    return rules.is_date_text(low)


def is_navigation(body: str, rules: CleanRules) -> bool:
    """"Advertisement", "Asia Latest News | Business Headlines", "Back to top ↑": navigation phrases
    standing alone, with at most separators, counters and a section name before each. A line that
    merely contains one ("Markets shrug off tariff headlines") is a headline, not navigation."""
    if len(body) > NAV_MAX or body.endswith("."):
        return False
    found = False
    for part in _NAV_SEPARATOR.split(body.strip(" -–—[]")):   # "[Advertisement]"
        if not part or _COUNTER.fullmatch(part):
            continue
        low = lower(part)
        span = rules.nav.find(low) if len(low) == len(part) else None
        if span is None:
            if not is_section(part):
                return False
            continue
        before, after = part[:span[0]].strip(), part[span[1]:].strip()
        if before and not is_section(before) or after and not _COUNTER.fullmatch(after):
            return False
        found = True
    return found


def _is_call_to_action(body: str, rules: CleanRules) -> bool:
    """"Get breaking news alerts ...", "Skip next section": an imperative addressed to the reader
    about the site (its app, newsletter, sections), not a sentence about the news."""
    words = _WORD.findall(body[:CTA_WINDOW])
    if not words or len(words) > CTA_MAX_WORDS or body[len(words[0]):len(words[0]) + 1] not in _WORD_ENDS \
            or not body.startswith(words[0]):  # not "Follow-up talks ..."; "Subscribe!" alone is one
        return False
    low = [w.lower() for w in words]
    if low[0] == "please":
        low = low[1:]
    if len(low) > 1 and low[1] in ("up", "in") and low[0] + " " + low[1] in rules.cta_verbs:  # "sign up", "log in"
        low = [low[0] + " " + low[1]] + low[2:]
    if not low:
        return False
    first, low = low[0], low[1:]
    if first in rules.cta_alone and len(low) <= CTA_ALONE_MAX_WORDS:
        return True
    # reported speech is news even when it opens with an imperative: "Watch exports closely, analysts said"
    return first in rules.cta_verbs and not rules.reporting.intersection(low) and bool(rules.cta_objects.intersection(low))


def _prompt_after_a_hook(body: str, rules: CleanRules) -> bool:
    """"Never miss a story: sign up ...", "Got a news tip? Email us": a hook, then the prompt."""
    if len(body) > LINK_MAX * 3 or not _HOOK_END.search(body):
        return False
    return any(_is_call_to_action(part.strip(), rules) for part in _HOOK_END.split(body)[1:] if part.strip())


def _is_menu(body: str, rules: CleanRules) -> bool:
    """"Corrections and clarifications | Submit a news tip | Report error": a row of short links; "Print | Close",
    "Print | Back to news": links the site prints everywhere."""
    parts = [p.strip() for p in body.split("|")]
    if len(parts) >= 2 and all(strip_marks(lower(p)) in rules.link_lines or rules.nav_link.match(lower(p)) for p in parts):
        return True
    return len(parts) >= MENU_MIN_PARTS and all(p and len(p.split()) <= MENU_PART_WORDS and not p.endswith(".")
                                                for p in parts)


def classify_line(line: str, rules: CleanRules) -> str | None:
    """Why a single line is boilerplate, or None. Position-dependent rules live in `pipeline.clean.layout`."""
    body = unbullet(line)
    low = lower(body)
    if len(body) > SHORT_LINE:  # long lines are prose unless a caption, a credit list, a banner, a footer or a menu
        if is_credit(body, low, rules):
            return "byline"
        if social_embed(body):
            return "embed"
        if len(body) <= LONG_PROMPT_MAX and rules.share.search(low) and quotes_nobody(body, rules):
            return "share_prompt"   # "Sign up for our free newsletter ... delivered to your inbox. By signing up ..."
        if _is_caption(body, low, rules):
            return "caption"
        if consent_banner(body, low, rules):
            return "consent"
        if _COPYRIGHT.match(low) or _is_menu(body, rules) or legal_or_syndication_notice(body, low, rules):
            return "footer"
        return None
    kind = _page_furniture(body, low, rules)
    if kind:
        return kind
    if contact_line(body, rules):
        return "byline"
    if foreign_script(body):
        return "byline"
    wire = wire_furniture(body, low, rules)
    if wire:
        return wire
    if section_promo(body):
        return "nav"
    if consent_banner(body, low, rules):
        return "consent"
    if rules.comment.search(low) or rules.comment_line.fullmatch(strip_marks(low)):
        return "comment_form"
    if _is_caption(body, low, rules) or caption_shape(body, rules) or agency_signed_scene(body, rules):
        return "caption"
    if strip_marks(low).strip("()[] ") in rules.link_lines and len(body) <= LINK_MAX:
        return "link"
    return None


def _page_furniture(body: str, low: str, rules: CleanRules) -> str | None:
    """The site's own lines on a short line: its dates, embeds, navigation, credits, prompts and footer."""
    if rules.metadata.search(low) or _is_date_line(low, rules):
        return "metadata"
    if social_embed(body):
        return "embed"
    if pager(low) or file_link(body, low) or media_label(body, low, rules) or contents_line(body, rules) \
            or promotion(body, low, rules):
        return "nav"
    if footnote(body) or field_row(body, low, rules):
        return "footer" if footnote(body) else "metadata"
    if phone_line(body, low, rules):
        return "byline"
    if byline_before_date(body, rules):
        return "byline"
    if len(body) <= NAV_MAX and (_READING_TIME.search(low) or is_navigation(body, rules)):
        return "nav"
    if is_credit(body, low, rules):
        return "byline"
    if (rules.share.search(low) and quotes_nobody(body, rules)) or share_row(low, rules) or _APP_PROMPT.match(low) \
            or _is_call_to_action(body, rules) or _prompt_after_a_hook(body, rules):
        return "share_prompt"
    if _is_menu(body, rules) or _GALLERY.fullmatch(body) or breadcrumb_or_section_link(body, low, rules):
        return "nav"
    if rules.footer.search(low) or _COPYRIGHT.match(low) or legal_or_syndication_notice(body, low, rules):
        return "footer"
    return None


def glued_kind(piece: str, rules: CleanRules) -> str | None:
    """What a sentence glued to a paragraph is, judged as a line by the rules that fit a piece of one:
    the site's own lines, a cookie notice, a picture's credit, a link."""
    body = unbullet(piece)
    low = lower(body)
    if len(body) > SHORT_LINE:
        return None
    kind = _page_furniture(body, low, rules)
    if kind:
        return kind
    if consent_banner(body, low, rules):
        return "consent"
    if _is_caption(body, low, rules):
        return "caption"
    if strip_marks(low).strip("()[] ") in rules.link_lines and len(body) <= LINK_MAX:
        return "link"
    return None


def is_related_heading(line: str, rules: CleanRules) -> bool:
    """"You may also like", "Related:", "Similar News:You can also read ...", "More from Reuters"."""
    low = lower(unbullet(line))
    bare = strip_marks(low)
    if bare[:1] == "[" and bare[-1:] == "]":   # "[Related articles]"
        bare = strip_marks(bare[1:-1])
    if bare in rules.headings or (len(bare) <= HEADING_MAX and _POSSESSIVE.sub("", bare) in rules.headings):
        return True
    if len(low) <= HEADING_MAX and (bare.startswith(rules.prefix_headings) or _FROM_OUTLET.sub("", bare) in rules.headings):
        return True
    return len(low) <= SHORT_LINE and bool(rules.heading_inline.match(low))
