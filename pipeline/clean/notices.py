"""Notices and captions told by their grammar rather than by a phrase: legal and syndication notices,
contact lines, a caption with no verb, an office and a name standing alone, and the tail of a press
release after its end mark or under its "About ..." heading.

The line checks read one line (the bullet already stripped) and its lower-cased form; the position
checks take the lines and their reasons so far (None: kept), as in `pipeline.clean.layout`.
"""
from __future__ import annotations

import re

from pipeline.clean.duplicates import paragraph_key
from pipeline.clean.furniture import quotes_nobody, without_closing_credit
from pipeline.clean.rules import CleanRules, lower
from pipeline.text.sentences import sentence_spans

NOTICE_MAX = 800         # a disclaimer or a syndication notice is a paragraph, not a page
CONTACT_MAX = 150        # "Ana Ruiz, Partner, Lima, aruiz@firm.example": a name, a role, an address
SECTION_PROMO_NEWS = 3   # "Catch all the Business News, Market News, Breaking News ...": a list of the site's sections
SECTION_PROMO_MAX = 250
OFFICE_LINE_MAX = 80     # "Executive Vice-President of the Commission Ana Ruiz"
BARE_CREDIT_MAX = 120    # "Press Service of the Ministry of Trade and Integration of the Republic of ..."
CAPTION_MAX = 160        # a caption without a verb is one short phrase
ABOUT_WORDS = 10         # "About the Ministry of Trade and Industry": a heading, not a sentence
FOREIGN_LINE_MAX = 120   # a byline or a copyright line in another script; a longer one is a quoted text
FOREIGN_MIN_CHARS = 2
CAPS_CREDIT_MAX = 80     # "ANA RUIZ/LIMA HERALD"
END_MARK_MAX = 12        # "- ENDS -", "###"
ECHO_MIN_CHARS = 20      # a caption's echo is a phrase, not a word or two
ABOUT_TAIL = 8           # the boilerplate under it is a paragraph and a few contact lines

# an address, or what a page's e-mail protection leaves of one: "[email protected]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s*protected\]")
# after the caption, the picture agency with a slash: "... May 1, 2025. /CFP", "/Xinhua"
_SLASH_CREDIT_END = re.compile(r"(?:^|\s)/\s?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}$")
_CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# "FILE - Ana Ruiz speaks ...": an archive picture's caption; "ANA RUIZ/LIMA HERALD": its credit in capitals
_FILE_CAPTION = re.compile(r"FILE\s?[-–—:]\s")
_CAPS_SLASH_CREDIT = re.compile(r"[A-Z][A-Z .'’-]{2,40}\s?/\s?[A-Z][A-Z .'’-]{1,40}")
_ENGAGEMENT = re.compile(r"\d[\d,.]*k?\s*(?:views|reads|shares|likes|comments)")   # "1,234 views"
_PLAYER_TIME = re.compile(r"\d{1,2}:\d\d(?::\d\d)?(?:\s*/\s*\d{1,2}:\d\d(?::\d\d)?)?")   # "00:00", "01:12 / 03:15"
_NEWS = re.compile(r"\bNews\b")
# where a person stands in the picture: "Ana Ruiz (L)", "Ana Ruiz, second from left,"
_POSITION = r"(?: \([^()]{1,20}\)|, (?:(?:second|third) from )?(?:left|right|centre|center|front|back|top|bottom),)"
# the people in a picture: "Ana Ruiz", "Valdoria's Trade Minister Ana Ruiz (L)", "Delegates"
_NAME = r"[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|of|for|de|al|van|von)){0,7}%s?" % _POSITION
_NAMES = r"%s(?:,? (?:and|&) %s)?" % (_NAME, _NAME)
# "Ana Ruiz, Valdoria's trade minister, in Lima on March 3.", "Ana Ruiz and Jo Lind at the signing in Lima."
_APPOSITIVE = r"(?:, ([^,]{3,90}),)?"
_VERBLESS = re.compile(r"(%s)%s(?:,? (?:and|&) %s%s)? (?:at|in|during|after|before|outside|inside|near|ahead of|with) (.+?)\.?"
                       % (_NAMES, _APPOSITIVE, _NAME, _APPOSITIVE))
# the people, then the first lower-case word: "Ana Ruiz (R) greets Jo Lind ..."
_SUBJECT = re.compile(r"(?:%s)(?:,? (?:and|&) (?:%s))*,? (?=[a-z])" % (_NAME, _NAME))
# "Valdoria's trade minister Ana Ruiz", "Ana Ruiz, Valdoria's trade minister": a name and an office, no verb
_NAME_THEN_ROLE = re.compile(r"((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+)(?:,| [-–|]) ([^,]{3,60})")
# "Ana Ruiz, Valdoria's trade minister, left, and Jo Lind, Merovia's foreign minister.": the people and nothing else
_PEOPLE_ONLY = re.compile(r"%s(?:, ([^,]{3,60}))?(?:, (?:left|right|centre|center))?,? (?:and|&) %s(?:, ([^,]{3,60}))?\.?"
                          % (_NAME, _NAME))
_CLOSING_DAY = re.compile(r"\bon (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? (?:19|20)\d\d)?\.?$")
_FUTURE = re.compile(r"\b(?:will|next|tomorrow|later|upcoming|expected|scheduled|due to)\b")
_PARTICIPLE = re.compile(r"[a-z]{2,}ing\b")
_PRESENT = re.compile(r"[a-z]{2,}[^s]s\b")    # "greets", "signs"; not "was", "has" nor "discuss"
_STANDS = re.compile(_POSITION)
_BARE_AGENCY = re.compile(r"(?<=[.!?])\s+([A-Z][\w .-]{1,40})$")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][\w'’-]*")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_PARTICLES = {"of", "for", "and", "the", "de", "on"}     # "Minister of Trade", "Secretary of State for ..."
_SIDES = {"left", "right"}
_PASSIVE = {"is", "are", "be", "being", "been", "get", "gets"}   # "containers are stacked": a present scene
_ABOUT = re.compile(r"About (?:the |The )?([A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|for|and|the|&))*)$")
_SENTENCE_CLOSE = (".", "!", "?", ":", ";", ",")


def legal_or_syndication_notice(line: str, low: str, rules: CleanRules) -> bool:
    """"This alert ... does not constitute legal advice", "Disclaimer: this story is auto-generated ...",
    "Distributed by ... Redistribution prohibited": a notice about the page, at any length up to a paragraph."""
    if len(line) > NOTICE_MAX:
        return False
    notice = rules.footer_start.match(low) is not None or \
        (any(h in low for h in rules.disclaimer_hints) and rules.disclaimer.search(low))
    return bool(notice) and quotes_nobody(line, rules)


def contact_line(line: str, rules: CleanRules) -> bool:
    """"Ana Ruiz, Partner, Lima, aruiz@firm.example", "kim.sohee@wire.example": an address with no sentence."""
    return len(line) <= CONTACT_MAX and ("@" in line or "protected]" in line) and bool(EMAIL.search(line)) and not line.endswith((".", "!", "?", '"', "”")) \
        and quotes_nobody(line, rules)


def wire_furniture(line: str, low: str, rules: CleanRules) -> str | None:
    """A wire service's own lines: its update note, a kicker on the headline, a picture credit in brackets
    or after a slash, a player's clock; the reason, or None."""
    bracketed = line[:1] in "[("
    if (bracketed and rules.update_note.fullmatch(low)) or \
            (line[:1].isdigit() and (_PLAYER_TIME.fullmatch(line) or _ENGAGEMENT.fullmatch(low))):
        return "metadata"
    if len(line) <= OFFICE_LINE_MAX * 2 and not line.endswith(".") and rules.kicker.match(line):
        return "title"
    if (bracketed and rules.credit_opener.fullmatch(low)) or _bare_credit(line, low, rules) or _FILE_CAPTION.match(line) \
            or (len(line) <= CAPS_CREDIT_MAX and _CAPS_SLASH_CREDIT.fullmatch(line)):
        return "caption"
    if "/" in line and len(line) <= NOTICE_MAX and _SLASH_CREDIT_END.search(line) and quotes_nobody(line, rules):
        return "caption"
    return None


def _bare_credit(line: str, low: str, rules: CleanRules) -> bool:
    """"Courtesy of the Ministry of Trade", "Provided by Lima Herald": a picture's credit without brackets;
    "Press Service of the Ministry of Trade": a release's sign-off; the opening words, then only names
    (capitalised words and their particles)."""
    if len(line) > BARE_CREDIT_MAX or "," in line or line[:1] in "[(":
        return False
    m = rules.credit_opener_start.match(low)
    return m is not None and all(w in _PARTICLES for w in _LOWER_WORD.findall(line[m.end():]))


def foreign_script(line: str) -> bool:
    """"责任编辑：李明", "김동현 기자", "사진=연합뉴스": a short line written mostly in Chinese, Japanese or Korean
    script inside an English story is the source page's byline, credit or copyright."""
    if len(line) > FOREIGN_LINE_MAX or line.isascii() or not _CJK.search(line):
        return False
    letters = [c for c in line if c.isalpha()]
    cjk = sum(1 for c in letters if _CJK.match(c))
    return cjk >= FOREIGN_MIN_CHARS and cjk * 2 >= len(letters)


def section_promo(line: str) -> bool:
    """"Catch all the Business News, Market News, Breaking News Events ...": the site's sections, listed."""
    return len(line) <= SECTION_PROMO_MAX and line.count("News") >= SECTION_PROMO_NEWS \
        and len(_NEWS.findall(line)) >= SECTION_PROMO_NEWS


def office_and_name(line: str, low: str, rules: CleanRules) -> bool:
    """"Trade Minister Ana Ruiz", "Valdoria's trade minister Ana Ruiz", "Ana Ruiz, Valdoria's trade minister":
    an office and a name alone on a line, the label of a portrait or a signature. A headline says something
    about them; a speaker's label ends in a colon."""
    if len(line) > OFFICE_LINE_MAX or line.endswith(_SENTENCE_CLOSE):
        return False
    m = _NAME_THEN_ROLE.fullmatch(line)
    if m is not None:
        role = lower(m.group(2))
        return _is_name(m.group(1).split(), rules) and bool(rules.office_name.search(role + " x")) \
            and not _past_or_finite(_LOWER_WORD.findall(role), rules)
    m = rules.office_name.match(low)
    if m is None:
        return False
    prefix = line[:m.start(1)].split()
    if any(not _NAME_WORD.fullmatch(w) and w not in _PARTICLES for w in prefix):
        return False
    return _is_name(line[m.end():].split(), rules)


def _is_name(words: list[str], rules: CleanRules) -> bool:
    return 2 <= len(words) <= 4 and all(_NAME_WORD.fullmatch(w) for w in words) \
        and not any(w.lower().strip(".") in rules.name_stopwords for w in words)


def verbless_caption(line: str, rules: CleanRules) -> bool:
    """"Ana Ruiz, Valdoria's trade minister, in Lima on March 3.", "Ana Ruiz and Jo Lind at the signing
    ceremony in Lima.": names, perhaps a description, and where they are, with no verb: a picture's caption."""
    if len(line) > CAPTION_MAX:
        return False
    m = _VERBLESS.fullmatch(line) or _PEOPLE_ONLY.fullmatch(line)
    if m is None or any(c in line for c in "\"“”;:"):
        return False
    words = _LOWER_WORD.findall(" ".join(g for g in m.groups()[1:] if g) if m.re is _VERBLESS else line)
    words = [w for w in words if w not in _SIDES]   # "Ana Ruiz, left, and ...": where she stands, not "left"
    return not _past_or_finite(words, rules) and quotes_nobody(line, rules) and len(sentence_spans(line)) == 1


def _past_or_finite(words: list[str], rules: CleanRules) -> bool:
    """A listed finite verb or a past tense among lower-case words; "-s" endings are left alone (plural nouns)."""
    return any(w in rules.finite_verbs or w in rules.past_verbs
               or (w.endswith("ed") and (i == 0 or words[i - 1] not in _PASSIVE)) for i, w in enumerate(words))


def picture_caption(line: str, low: str, rules: CleanRules) -> bool:
    """"Ana Ruiz gestures during a news conference in Lima.", "Ana Ruiz (R) greets Jo Lind ...",
    "Ana Ruiz arrives for talks in Lima on March 3.": the people in the picture, then at once a verb in the
    picture's present tense; a verb that news also uses of the future only with the picture's date closing."""
    if len(line) > CAPTION_MAX + 60:
        return False
    m = _SUBJECT.match(line)
    if m is None:
        return False
    rest = low[m.end():]
    participle = _PARTICIPLE.match(rest) is not None   # "Ana Ruiz, left, shaking hands with Jo Lind ..."
    # "Ana Ruiz, right, greets Jo Lind ...": where someone stands in the picture makes any present tense a caption's
    gesture = not participle and (rules.picture_verbs.starts(rest)
                                  or (_PRESENT.match(rest) is not None and _STANDS.search(line, 0, m.end()) is not None))
    if not (participle or gesture or rules.dated_subject_verbs.starts(rest)):
        return False
    if _FUTURE.search(low) or not quotes_nobody(line, rules):
        return False
    line, low = without_closing_credit(line, low, rules)
    if len(sentence_spans(line)) != 1:
        return False
    if participle:   # no finite verb at all
        return not _past_or_finite(_LOWER_WORD.findall(rest), rules)
    return gesture or bool(_CLOSING_DAY.search(line))


def agency_signed_scene(line: str, rules: CleanRules) -> bool:
    """"A worker checks samples at a plant in Baotou. AFP": one sentence in a picture's present tense, quoting
    nobody, and an agency's bare name after it. Wire copy signs off its story in the past tense."""
    m = _BARE_AGENCY.search(line)
    if m is None or len(line) > CAPTION_MAX * 2 or lower(m.group(1)).strip() not in rules.agencies:
        return False
    before = line[:m.start()]
    words = _LOWER_WORD.findall(before)
    past = any(w in rules.past_verbs or (w.endswith("ed") and (i == 0 or words[i - 1] not in _PASSIVE))
               for i, w in enumerate(words))
    return not past and quotes_nobody(before, rules) and len(sentence_spans(before)) == 1


def caption_shape(text: str, rules: CleanRules) -> bool:
    """The words of a picture's caption by their grammar alone (see the checks above)."""
    low = lower(text)
    return verbless_caption(text, rules) or office_and_name(text.rstrip("."), low.rstrip("."), rules) \
        or picture_caption(text, low, rules)


def _is_end_marker(line: str, rules: CleanRules) -> bool:
    return len(line) <= END_MARK_MAX and lower(line.replace(" ", "")) in rules.end_markers


def mark_release_tail(lines: list[str], reasons: list[str | None], rules: CleanRules) -> None:
    """After a release's end mark ("-ENDS-", "###") comes its boilerplate; so does an "About the Ministry ..."
    heading whose next line describes that body, near the end of the page. The story must have begun."""
    live = [i for i, r in enumerate(reasons) if r is None]
    if not live:
        return
    for i in live[1:]:
        if _is_end_marker(lines[i], rules):
            for j in range(i, len(lines)):
                reasons[j] = reasons[j] or "footer"
            break
    live = [i for i, r in enumerate(reasons) if r is None]
    for k, i in enumerate(live[1:-1], start=1):
        m = _ABOUT.match(lines[i]) if lines[i].startswith("About ") else None
        if m is None or len(lines[i].split()) > ABOUT_WORDS or len(live) - k > ABOUT_TAIL + 1:
            continue
        subject, following = lower(m.group(1)), lower(lines[live[k + 1]])
        if following.startswith((subject, "the " + subject)):
            for j in range(i, len(lines)):
                reasons[j] = reasons[j] or "footer"
            return


def mark_caption_echoes(lines: list[str], reasons: list[str | None]) -> None:
    """A picture's alt text: a kept line without a sentence's end that a dropped caption begins with. A full
    sentence stays even then: a story's first paragraph is often repeated under its picture."""
    captions = {i: paragraph_key(lines[i]) for i, r in enumerate(reasons) if r == "caption"}
    if not captions:
        return
    for i, r in enumerate(reasons):
        if r is not None or len(lines[i]) < ECHO_MIN_CHARS:
            continue
        if lines[i].endswith((".", "!", "?", '"', "”")):
            continue
        key = paragraph_key(lines[i])
        if any(c.startswith(key) and len(c) > len(key) for c in captions.values()):
            reasons[i] = "caption"
