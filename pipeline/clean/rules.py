"""The cleaning step's patterns, compiled once per lexicon from the phrase lists of `boilerplate.json`.

The phrases are vocabulary; the regular expressions around them (a label followed by a
colon, an agency after a slash, a date made of calendar words) are the grammar and live
here. Build with `lexicon.compiled(CleanRules)`.
"""
from __future__ import annotations

import re

from pipeline.text.folding import lower_keeping_offsets

from pipeline.text.alternation import trie_alternation
from pipeline.text.calendar import Calendar

BOILERPLATE = "boilerplate.json"
CREDIT_TAIL_MAX = 240     # "Reporting by ...; additional reporting by ...; Editing by ..." closing a paragraph
INLINE_CREDIT_MAX = 120   # a picture credit or byline in brackets is a few names; a longer aside is prose


_LETTER = re.compile(r"[a-z]")
_OFFICE = re.compile(r"[a-z][a-z .'-]*[a-z]")   # the titles of data/titles.csv written as plain words

lower = lower_keeping_offsets   # lower-case with one apostrophe: what every pattern here is written against


# the letters a case-blind pattern matches with an ASCII letter that str.lower() does not turn into it
_CASE_ODD_LETTERS = ("\u0130", "\u0131", "\u017f")   # dotted capital I, dotless i, long s


class CaseBlindHint:
    """A plain substring test before a case-blind scan for ASCII phrases: False only when no phrase can
    occur in the text, whatever its case. One `lower()` costs far less than an `(?i)` scan."""

    def __init__(self, phrases):
        phrases = sorted(set(phrases))
        self.phrases = tuple(phrases) if all(p.isascii() for p in phrases) else None

    def may_hold(self, text: str) -> bool:
        if self.phrases is None or any(c in text for c in _CASE_ODD_LETTERS):
            return True
        low = text.lower()
        return any(p.lower() in low for p in self.phrases)


def _alt(words) -> str:
    return trie_alternation(sorted(set(words)))


class _Phrases:
    """Lower-case phrases; a phrase edge that is a letter or digit must be a word edge.

    A plain alternation lets the regex engine skip by first character; word edges are checked
    on the (rare) hits rather than written as look-arounds, which would defeat that.
    """

    def __init__(self, phrases: list[str]):
        self.pattern = re.compile(_alt(phrases))

    def find(self, low: str) -> tuple[int, int] | None:
        """(start, end) of the first phrase standing as whole words in `low`, or None."""
        pos = 0
        while (m := self.pattern.search(low, pos)) is not None:
            p, start, end = m.group(), m.start(), m.end()
            if end < len(low) and low[end] == "s" and p[-1].isalpha():
                end += 1  # a plural still matches: "sign up for our newsletters"
            if not (p[0].isalnum() and start and low[start - 1].isalnum()) and \
                    not (p[-1].isalnum() and end < len(low) and low[end].isalnum()):
                return start, end
            pos = start + 1
        return None

    def search(self, low: str) -> bool:
        return self.find(low) is not None

    def starts(self, low: str) -> bool:
        """A phrase opens `low` as whole words: one anchored match, no scan."""
        m = self.pattern.match(low)
        if m is None:
            return False
        p, end = m.group(), m.end()
        if end < len(low) and low[end] == "s" and p[-1].isalpha():
            end += 1
        return not (p[-1].isalnum() and end < len(low) and low[end].isalnum())


class CleanRules:
    """Every phrase set and pattern of the cleaning step, built from one lexicon."""

    def __init__(self, lexicon):
        data = lexicon.data(BOILERPLATE)
        cal = lexicon.compiled(Calendar)
        month = rf"(?:{cal.month})\b\.?"
        weekday = rf"(?:{cal.weekday_short})\b\.?"

        # --- phrase sets matched anywhere in a (short) line ---
        self.share = _Phrases(data["share_phrases"])
        self.comment = _Phrases(data["comment_phrases"])
        self.nav = _Phrases(data["nav_phrases"])
        self.credit = _Phrases(data["credit_phrases"])
        self.footer = _Phrases(data["footer_phrases"])
        self.caption = _Phrases(data["caption_markers"])
        self.caption_cue = _Phrases(data["caption_cues"])

        # --- word sets compared with a whole line or word ---
        self.agencies = set(data["agencies"])
        self.outlets = self.agencies | set(data["outlets"])   # a line naming only the outlet: "==Kyodo"
        self.byline_roles = set(data["byline_roles"])
        self.byline_joiners = set(data["byline_joiners"])
        self.name_stopwords = set(data["name_stopwords"])
        # the words of every country and capital: "Buenos Aires, March 3" is a dateline, not an author
        self.place_words = {w for r in lexicon.countries.values() for col in ("canonical", "aliases", "capitals")
                            for name in str(r.get(col) or "").split(";") for w in name.lower().split()}
        self.headings = set(data["related_headings"])
        self.prefix_headings = tuple(data["related_prefix_headings"])
        self.link_lines = set(data["link_lines"])
        self.cta_verbs = set(data["cta_verbs"])
        self.cta_alone = set(data["cta_verbs_alone"])    # "Subscribe to read the full story": no object needed
        self.cta_objects = set(data["cta_objects"])      # the site's own things: its app, newsletter, sections
        self.reporting = set(data["reporting_words"])

        # --- grammar around the lists ---
        # "Comments (12)", "3 Comments"
        self.comment_line = re.compile(r"(?:\d+\s+)?(?:%s)(?:\(s\))?(?:\s*\(\d+\))?" % _alt(data["comment_lines"]))
        # "Photo: ...", "Credits : ...": a caption label and its colon
        self.caption_label = re.compile(r"(?<!\w)(?:%s)s?\s*[:=]" % _alt(data["caption_labels"]))   # "[Photo=Yonhap]"
        # "(L)", "(2nd R, with ...)", "(from left: ...)": where a person stands in the picture
        self.caption_position = re.compile(r"\((?:%s)\s*[),:]" % _alt(data["caption_positions"]))
        slash = _alt(data["credit_slash_agencies"])
        # "Markus Schreiber/AP", "REUTERS/Florence Lo"
        self.slash_credit = re.compile(r"[a-z]\s?/\s?(?:%s)(?![a-z])|(?<![a-z])(?:%s)\s?/\s?[a-z]" % (slash, slash))
        # "Source: Xinhua", "Responsible editor: Li Ming"
        self.credit_label = re.compile(r"(?:%s)\s*[:：]" % _alt(data["credit_labels"]))
        # "Reporting by ...; Editing by ..."
        self.credit_roles = re.compile(r"^(?:%s) by\b" % _alt(data["credit_roles"]))
        # "Tan Wei Ling is a correspondent at The Straits Times ...": the author's note closing an article
        # "... is a Lima-based journalist", "Ana Ruiz reports on trade for the Lima Herald"
        self.author_bio = re.compile(r"(?:The (?:author|writer|columnist)s? (?:is|are)\b|(?:[A-Z][\w'’-]+ ){1,3}(?:is (?:(?:a|an|the)\b[^.]{0,60}?|(?:%s) |(?:[A-Z][\w&.'’-]*\s){0,3}[A-Z][\w&.-]*['’]s\b[^.]{0,40}?)\b(?:%s)s?\b|(?:%s)\b)"
                                     % (_alt(data["author_ranks"]), _alt(data["author_roles"]), _alt(data["bio_verbs"])) + ")")
        # "Originally published at ...", "About the author: ...": a footer by its first words
        self.footer_start = re.compile(r"(?:%s)\b" % _alt(data["footer_starts"]))
        self.heading_inline = re.compile(r"(%s)\s*[:|»›>\-–—]" % _alt(self.headings))
        # "... in Shanghai (AFP)": an agency's name closing a paragraph
        self.agency_credit = re.compile(r"\((?:%s)\)$" % _alt(self.agencies))
        # "Published Date: 11:52 | 03 December 2024", "UPDATED at 5:47 p.m. ET on 2024-01-26", "Published - Sept 9, 2024"
        self.metadata = re.compile(
            r"(?:^|[|•·]\s*)(?:%s)(?:\s+(?:on|at))?\s*[:\-–—|]?\s*(?=\d|%s|%s|(?:%s)\b)"
            % (_alt(data["metadata_labels"]), month, weekday, _alt(data["relative_times"])))
        # a line that is nothing but a date and/or time: "03 December 2024 11:52", "Nov. 2, 2025, 10:30 AM IST"
        self.date_token = re.compile(r"\b(?:%s|%s|\d{1,4}(?:st|nd|rd|th)?|[ap]\.?m\.?|%s|of|at)\b"
                                     % (month, weekday, _alt(data["time_zones"])))
        self.date_anchor = re.compile(r"\d{4}|\b%s" % month)    # a year or a month makes it a date
        # "Photo gallery: ...", "LISTEN: ...": a label of the page's media, then its colon
        self.media_label = re.compile(r"(?:%s)\s*[:|]" % _alt(data["media_labels"]))
        # "Sponsored: ...", "Advertisement: ...": a promotion under its label
        self.promo_label = re.compile(r"(?:%s)\s*:" % _alt(data["promo_labels"]))
        # "Source: ... Font size: ...": two labelled fields on one line
        self.field_label = re.compile(r"(?:^|\s)(?:%s)\s*[:：]" % _alt(data["credit_labels"] + data["metadata_labels"]))
        # "Tel: +51 ...", "Phone (+51) ...": a telephone number's label
        self.phone_label = re.compile(r"(?:%s)\.?\s*[:.]?\s*" % _alt(data["phone_labels"]))

        # --- page furniture judged by its shape (pipeline.clean.furniture) ---
        # "By Ana Ruiz", "Von Ana Ruiz | 3. März 2025", "Por Jorge Lind, 12 de marzo": the byline word and the rest
        self.byline_word_set = set(data["byline_words"])
        self.byline_word = re.compile(r"^(?:%s)\s+(.+)$" % _alt(data["byline_words"]))
        self.staff_words = set(data["staff_words"])
        # "Lima Herald Media Network - Lima": an outlet's name, its kind of outlet last, then perhaps a place
        self.outlet_line = re.compile(r"^(?:[\w.&'’-]+\s+){0,4}(?:%s)(?:\s*[-–—|,:]\s*[\w .'’-]{1,30})?$"
                                      % _alt(data["outlet_suffixes"]))
        # "Back to Press Releases", "Go to Forum": a link back to a section of the site
        self.nav_link = re.compile(r"^(?:%s)\s+(?:the\s+)?" % _alt(data["nav_link_starts"]))
        # "facebookfacebook", "Twitter Kakao Print": a row of share buttons, each name perhaps printed twice
        self.social_row = re.compile(r"(?:(?:%s)[\s|/·•,]*)+" % _alt(data["social_networks"]))
        self.consent = _Phrases(data["consent_phrases"])
        # "Ministers pose for a photo", "... who shake hands": a picture's present tense; "will shake hands" is news
        self.gesture = _Phrases(data["caption_gestures"])
        # "Ana Ruiz speaks during a news conference in Lima, March 3, 2025.": only with the picture's date
        self.dated_gesture = _Phrases(data["dated_caption_verbs"])
        self.modal_words = set(data["modal_words"])
        # inside a paragraph: "(Photo: Jo Lind/Reuters)", "(Image by Ana Ruiz, Wikimedia Commons)", "(By Mark Tan)"
        labels, roles = _alt(data["caption_labels"]), _alt(data["credit_roles"])
        self.inline_credit = re.compile(
            r"\((?i:(?:%s)s?)\s*(?::|(?i:by|courtesy)\b)(?:[^()]|\([^()]{0,80}\)){0,%d}\)"   # anywhere: a picture's credit
            r"|\[(?i:(?:%s)s?)\s*(?::|=|(?i:by|courtesy)\b)[^\[\]]{0,%d}\]"     # or in square brackets
            r"|[(\[](?i:%s)[)\]]"                                              # "(File photo)"
            r"|\((?i:(?:%s)\s+)?(?i:by)\s+[A-Z][^()]{0,%d}\)$"                # at the end: the byline
            # "(Ana Ruiz, CC BY-SA 4.0 <https://...>, via Wikimedia Commons)": a picture library or licence named inside
            r"|\((?:[^()]|\([^()]{0,80}\)){0,%d}?(?<![\w-])(?i:%s)(?![\w])(?:[^()]|\([^()]{0,80}\)){0,%d}\)"
            % (labels, INLINE_CREDIT_MAX, labels, INLINE_CREDIT_MAX, _alt(data["inline_picture_notes"]),
               roles, INLINE_CREDIT_MAX, INLINE_CREDIT_MAX, _alt(data["picture_sources"]), INLINE_CREDIT_MAX))
        # after the last sentence, unbracketed: "... she said. Reporting by Ana Ruiz; Editing by Jo Lind"
        self.inline_credit_tail = re.compile(r"(?<=[.!?\"”’])\s+(?i:(?:%s)\s+by)\s+[A-Z][^.!?]{0,%d}$"
                                             % (roles, CREDIT_TAIL_MAX))
        self.inline_byline = re.compile(r"\((?i:(?:%s)\s+)?(?i:by)\s" % roles)   # "(By ...)", "(Reporting by ...)"
        # "... the minister said. Advertisement The talks ...": an advert's label left between two sentences
        furniture = _alt(data["inline_furniture"])
        self.inline_furniture_hint = CaseBlindHint(data["inline_furniture"])
        self.inline_furniture = re.compile(
            r"(?:(?<=[.!?\"”’])\s+|^)(?i:%s)(?:\s*[-–—·|]\s*(?i:%s))?(?=\s+[A-Z“\"‘]|$)" % (furniture, furniture))
        # after a paragraph's last sentence: "... she said. Read more: Merovia cuts rates"
        # also "... she said. Also Read | ...", "... she said. Read more »", "... (Read more)", "(With inputs from agencies)"
        self.inline_tail = re.compile(r"(?<=[.!?\"”’])\s+\(?(?:%s)(?:\s*[:|»›>\-–—]+.*|\s*\)?\.?)$"
                                      % "(?i:%s)" % _alt(data["inline_tail_headings"]))
        # "(Image by Ana Ruiz, Wikimedia Commons)": a caption label opening the line, then "by"
        self.caption_by = re.compile(r"^\(?(?:%s)s?\s+(?:by|courtesy)\b" % _alt(data["caption_labels"]))

        # --- notices and captions told by their grammar (pipeline.clean.notices) ---
        # "This alert is for general information only and does not constitute legal advice": trusted on a long line too
        self.disclaimer = _Phrases(data["disclaimer_phrases"])
        # a plain substring test before the phrase scan: the longest word of each phrase
        self.disclaimer_hints = tuple(sorted({max(p.split(), key=len) for p in data["disclaimer_phrases"]}))
        self.end_markers = set(data["end_markers"])       # "-ENDS-", "###": a release's last line of text
        self.finite_verbs = set(data["finite_verbs"])     # a caption has none: "Ana Ruiz in Lima on March 3."
        self.past_verbs = set(data["past_verbs"])         # nor a past tense: it shows the moment
        # "(Updates with ministry comment in third paragraph)": a wire service's note on this version
        self.update_note = re.compile(r"\((?:%s)\b[^()]{0,120}\)" % _alt(data["update_notes"]))
        # "UPDATE 2-Ruiz and Lind agree ...", "(LEAD) Ruiz ...": a headline with the wire's kicker
        kickers = _alt(k.upper() for k in data["headline_kickers"])
        self.kicker = re.compile(r"(?:\((?:\d(?:ST|ND|RD|TH) )?(?:%s)\)|(?:%s)(?: \d+)?\s?[-–:])\s*\S" % (kickers, kickers))
        # "[Courtesy of the Ministry of Trade]", "(Provided by ...)": a whole bracketed line crediting a picture
        self.credit_opener = re.compile(r"[\[(](?:%s)\b[^()\[\]]{0,100}[\])]" % _alt(data["credit_openers"]))
        # "Courtesy of the Ministry of Trade", "Press Service of the Ministry of Trade": a credit or a sign-off by its opening
        self.credit_opener_start = re.compile(r"(?:%s)\b" % _alt(data["credit_openers"] + data["press_offices"]))
        # "Ana Ruiz reported from Lima", "Jo Lind contributed from Quito.": a reporter's credit
        self.reported_from = re.compile(r"(?:[A-Z][\w'’.-]+ ){1,3}(?:%s) from (?:[A-Z][\w.'’-]* ?){1,4}\.?"
                                        % _alt(data["credit_from_verbs"]))
        # "Ana Ruiz gestures ...": a verb only a picture's caption puts right after the people in it
        self.picture_verbs = _Phrases(data["picture_verbs"])
        # "Ana Ruiz arrives ... on March 3.": after the people, and with the picture's date closing the line
        self.dated_subject_verbs = _Phrases(data["dated_caption_verbs"] + data["subject_caption_verbs"])
        # "Updated 2 hours ago" after the date of a date line
        self.date_extra = re.compile(r"(?<!\w)(?:%s|%s|ago|hours?|minutes?|mins?|days?|weeks?|seconds?|\d{1,2}h\d\d)(?!\w)"
                                     % (_alt(data["metadata_labels"]), _alt(data["foreign_date_words"])))
        # "Trade Minister Ana Ruiz", "Vice-President Jo Lind": an office and a name, nothing else
        offices = [r["pattern"].lower() for r in lexicon.rows("titles.csv") if r.get("role")]
        self.office_name = re.compile(r"^(?:[a-z][\w'’.-]*\s+){0,3}?((?:%s))\s+(?=[a-z])"
                                      % _alt(o for o in offices if _OFFICE.fullmatch(o)))

    def is_date_text(self, low: str) -> bool:
        """Nothing but a date and perhaps its time, in English or another language: "3 mart 2026 14:05"."""
        rest = self.date_extra.sub(" ", self.date_token.sub(" ", low))   # "... 6:12 AM GMT+9 Updated 2 hours ago"
        return not _LETTER.search(rest) and bool(self.date_anchor.search(low))
