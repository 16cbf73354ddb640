"""What the quote rules work with: the speaker record, the rules built from the lexicon, and one
article's state while its quotes are read.

The vocabulary is data (`speech_verbs.json`, plus the calendar's weekdays); `QuoteRules` composes
the regular expressions from those word lists once per lexicon (`lexicon.compiled(QuoteRules)`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipeline.article import Article, Mention
from pipeline.lexicon.lexicon import Lexicon
from pipeline.quotes.marks import guillemets_as_curly
from pipeline.quotes.verbs import ClauseRules
from pipeline.text.alternation import trie_alternation
from pipeline.text.calendar import Calendar
from pipeline.text.sentences import SentenceIndex

# forms the attribution rules handle on their own, whatever the data lists
SPECIAL_VERBS = ("according to", "quoted")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said something, as exported with the quote."""
    name: str
    role: str = ""
    country: str = ""
    kind: str = "person"      # "person", or "org" for an organisation, a government or a country

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    @property
    def is_org(self) -> bool:
        return self.kind == "org"


class QuoteRules:
    """The quote rules' word sets and patterns, built from one lexicon."""

    def __init__(self, lexicon: Lexicon):
        data = lexicon.data("speech_verbs.json")
        weekday = lexicon.compiled(Calendar).weekday

        # --- speech verbs (lemmas in the data, their forms written out here)
        self.clauses = ClauseRules(data)
        self.verb_kind = self.clauses.verb_kind
        # a trie, not a flat alternation: the engine then fails on a word's first letter
        self.verb = re.compile(r"\b(?:%s)\b" % trie_alternation([*self.verb_kind, *SPECIAL_VERBS]))
        self.participles = self.clauses.participles
        self.object_verbs = self.clauses.object_verbs
        self.trailing = frozenset(data["trailing"])
        self.relative_next = frozenset(data["relative_next"])
        self.time_nouns = frozenset(data["time_nouns"])
        self.auxiliaries = frozenset(data["auxiliaries"])
        # "... the ambassador to warn": a purpose infinitive after an object or a time, not after
        # "expected to", "plans to", "urged X to" (whose "to" opens a plan or another's act)
        self.purpose = re.compile(r"\b(?!(?:%s)\b)[a-z]+\s+to\s+$" % trie_alternation(data["not_purpose_before"]))
        self.audiences = frozenset(data["audiences"])
        self.source_words = tuple(data["source_words"])
        self.source_words_the = tuple("the " + w for w in data["source_words"])
        # an object and a destination with no finite verb between: "added dozens of companies to its list"
        self.added_to = re.compile(r"\s+(?:(?!(?:%s)\b)[\w'’.,-]+\s+){1,10}?(?:to|into|onto)\s+"
                                   r"(?:the|its|their|a|an|his|her|our|this|[a-z]+['’]s)\s"
                                   % trie_alternation(data["auxiliaries"]))
        # "said Monday it has ...": a day between a verb and its clause
        self.day_lead = re.compile(r"\s+(?:on\s+)?(?:%s|%s)\s+([a-z][\w'’-]*)"
                                   % (weekday, trie_alternation(data["day_words"])))

        # --- speakers
        self.adverbs = frozenset(data["adverbs"])
        self.pronouns = frozenset(data["pronouns"])
        self.reject_speakers = frozenset(data["reject_speakers"])
        self.courtesy = frozenset(data["courtesy_titles"])
        # "Mr", "Ms": the titles that tell which of "he" and "she" a person is referred to by
        self.courtesy_sex = {**{t: "m" for t in data["courtesy_male"]}, **{t: "f" for t in data["courtesy_female"]}}
        self.honorifics = frozenset(data["honorifics"])
        self.not_names = frozenset(data["not_name_words"])
        self.not_org_words = frozenset(data["not_org_words"])
        self.rank_words = frozenset(data["rank_words"])
        roles, heads = trie_alternation(data["person_roles"]), trie_alternation(data["org_heads"])
        self.role_np = re.compile(r"(?:^|[\s,(])((?:the|a|an|its|his|her|their|[a-z.]+'s)\s+(?:[\w.'’-]+\s+){0,3}?"
                                  r"(%s|%s))$" % (roles, heads))
        self.org_head = re.compile(r"\b(?:%s)$" % heads)
        self.org_head_word = re.compile(r"\b(?:%s)\b" % heads)
        # "Their association, Eurofer,": a body's name in commas after the common noun for it
        self.org_apposition = re.compile(r"\b(?:%s),\s+([A-Z][\w&.'’-]*(?:\s+(?:of|for|and|the|[A-Z][\w&.'’-]*)){0,6}),$"
                                         % heads)
        # "The presidential office held ...", "The ministry also defended ...": a body named in lower case
        self.body_subject = re.compile(r"([Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?(?:%s))\s+[a-z]" % heads)
        # "Indonesia's smelter association", "Brazil's mines and energy ministry": a body named in lower case
        self.possessed_org = re.compile(r"[A-Z][\w.'’-]*['’]s\s+(?:[a-z][\w-]*\s+){0,3}?(?:%s)(?=\s)" % heads)
        self.role_word = re.compile(r"\b(?:%s)\b" % roles)
        self.role_end = re.compile(r"\b(?:%s)$" % roles)
        self.role_tail = re.compile(r"\s+(?:%s)$" % trie_alternation(data["role_tails"]))
        # the words these end-anchored patterns close on: a plain `endswith` before the scan
        self.role_tail_ends = tuple(data["role_tails"])
        self.spokes_ends = tuple(data["spokespeople"])
        self.collective_ends = tuple(data["collective_parties"])
        self.org_voice = re.compile(trie_alternation(data["org_voices"]))
        # "a Commission spokesperson", "a US Commerce Department official": the organisation speaks
        self.spokes_for = re.compile(r"(?:^|\s)(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w.&'’-]*\s+){1,4})(?:%s)$"
                                     % trie_alternation(data["spokespeople"]))
        # the speaker after the verb ends at the unit's end, before a circumstance, or before an
        # apposition (", a Commission spokesperson.", ", the Labour chair of ...", ", China's envoy")
        self.after_verb_speaker = re.compile(
            r"\s+((?:the\s+|a\s+)?(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?=[\s,.]*$|,?\s+(?:on|at|in|after|during|adding|"
            r"saying|according|who|whose|when|while)\b|,\s+(?:the|a|an|his|her|its|their|[A-Z][\w.-]*['’]s)\s"
            r"|,\s+(?:[\w-]+\s+){0,3}?(?:%s)\b)" % roles)

        # "a spokeswoman for the Ruritanian Ministry of Foreign Affairs": the organisation speaks
        # "Ministry of Investment, Trade and Industry": a comma inside a name that lists portfolios up to "and"
        listed = r"(?:,(?=\s+(?:[A-Z][\w&'’-]*,?\s+){1,3}and\s))?"
        name_words = r"(?:[A-Z][\w.&'’-]*%s\s+(?:(?:of|for|and|on|the)\s+)*){0,7}" % listed
        self.voice_word = re.compile(trie_alternation(data["voices_for"]))   # a plain scan before `voice_for`
        self.voice_for = re.compile(
            r"(?:^|[\s,(—])((?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:%s)\s+(?:for|of|at|from|with)\s+)"
            r"(?:the\s+)?(?:[A-Z][\w.'’-]*['’]s\s+)?(%s(?:[A-Z][\w.&'’-]*|%s))$"
            % (trie_alternation(data["voices_for"]), name_words, heads))
        # the same phrase opening a sentence, up to the end of the name
        self.voice_lead = re.compile(
            r"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:%s)\s+(?:for|of|at|from|with)\s+(?:the\s+)?"
            r"(?:[A-Z][\w.'’-]*['’]s\s+)?%s[A-Z][\w.&'’-]*"
            % (trie_alternation(data["voices_for"]), name_words))
        # "a senior official", "diplomatic sources", "two people familiar with the talks": anonymous
        # speakers keep their description; the modifiers are a few words that are not clause words
        modifier = r"(?:(?!(?:%s)\b)[\w'’-]+\s+)" % trie_alternation(data["modifier_stops"])
        self.anonymous = re.compile(
            r"(?:^|[\s,(—])((?:(?:%s)\s+)?%s{0,3}?(?:%s)(?:\s+(?:%s)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?)$"
            % (trie_alternation(data["anonymous_quantifiers"]), modifier, trie_alternation(data["anonymous_speakers"]),
               trie_alternation(data["anonymous_links"])))
        self.anonymous_quantifiers = frozenset(data["anonymous_quantifiers"])
        self.anonymous_nouns = frozenset(data["anonymous_speakers"])
        self.hedge_words = tuple(data["hedges"])   # plain substring tests before the word-bounded scan
        self.hedge = re.compile(r"\b(?:%s)\b" % trie_alternation(data["hedges"]))
        # "both sides", "the two leaders": every party of the meeting just told
        self.collective = re.compile(r"(?:^|[\s,])((?:%s)\s+(%s))$" % (
            trie_alternation(data["collective_determiners"]), trie_alternation(data["collective_parties"])))
        self.collective_countries = frozenset(data["collective_countries"])
        self.collective_sides = frozenset(data["collective_sides"])
        # the same phrase opening a sentence: "The two countries welcomed ... and underscored ..."
        self.collective_lead = re.compile(r"\s*(?:%s)\s+(%s)\b" % (
            trie_alternation(data["collective_determiners"]), trie_alternation(data["collective_parties"])))
        # "the statement", "a Ministry of Commerce release", "a read-out issued by X's office"
        # a plain scan for the document's noun first: the full pattern tries every position of the text
        self.document_noun = re.compile(trie_alternation(data["documents"]))
        self.document = re.compile(
            r"(?:^|[,;—]\s*|\s)((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[A-Z][\w.'’-]*['’]s)\s+(?:[\w.'’&-]+\s+){0,6}?(?:%s))"
            r"(?:,?\s+(?:(?:%s)\s+)?(?:by|from|of)\s+(.{2,80}?),?)?$"
            % (trie_alternation(data["documents"]), trie_alternation(data["document_issued"])))
        # "a notice published by the Ministry of Energy", "a release from the Commission": who issued it
        self.issued_by = re.compile(r",?\s+(?:(?:%s)\s+)?(?:by|from)\s+((?:the\s+)?[A-Z][^,.;:]{1,80}?)"
                                    r"(?=[,.;:]|\s+(?:on|in|at|which|that|to|after|as)\b|$)"
                                    % trie_alternation(data["document_issued"]))
        # "according to an announcement Thursday": a time after the source is not part of its name
        self.time_tail = re.compile(r"\s+(?:on\s+|last\s+|this\s+)?(?:%s|%s)$" % (weekday, trie_alternation(data["day_words"])))
        # "according to an announcement": a document named with no issuer
        self.bare_document = re.compile(r"(?:a|an)\s+(?:[\w-]+\s+){0,2}?(%s)" % trie_alternation(data["documents"]))
        self.document_word = re.compile(r"\b(?:%s)\b" % trie_alternation(data["documents"]))

        # --- what is not a quote
        # a meeting told as news is not speech, but "would meet China halfway" is an idiom, not a meeting
        self.events = re.compile(r"^(?:[\w'’.-]+\s+){1,8}?(?:%s)\b(?!(?:\s*[\w'’.-]+){0,3}\s+(?:%s)\b)"
                                 % (trie_alternation(data["event_clauses"]), trie_alternation(data["event_idioms"])))
        # where an urged clause ends: " during ...", ", with ...", " at the meeting"
        self.urge_trim = re.compile(r"(?:%s)\b" % trie_alternation(
            [p if p.startswith(",") else " " + p for p in data["trim_after_urge"]]))


class Context:
    """What extraction needs about one article, computed once."""

    def __init__(self, article: Article, lexicon: Lexicon):
        self.article = article
        self.lexicon = lexicon
        self.rules = lexicon.compiled(QuoteRules)
        self.text = guillemets_as_curly(article.text)
        self.sentences = SentenceIndex(self.text, article.sentences or None)
        self.mentions = sorted(article.mentions, key=lambda m: (m.end, -m.start))
        self.mention_ends = [m.end for m in self.mentions]
        self.verbs: list[tuple[int, int, str]] = []   # speech verbs outside quotations
        self.verb_starts: list[int] = []
        self.last_speaker: Speaker | None = None
        self.last_speaker_sent = -99
        self.org_speakers: list[Speaker] = []   # organisations that spoke so far, latest last
        self.introduced: dict[int, Speaker] = {}  # paragraph index -> who the paragraph before announced ("X said:")
        self.spoke_in: dict[int, Speaker] = {}    # sentence index -> its first speaker ("In a statement, X said")
        self.sexes: dict[str, tuple[str, int]] | None = None   # what the article tells of who is "he" or "she", read once

    def sent_index(self, pos: int) -> int:
        return self.sentences.index(pos)

    def mention_ending_at(self, end: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_ends, end)
        if i == len(self.mention_ends) or self.mention_ends[i] != end:
            return None   # the usual answer, without building a list
        found = [m for m in self.mentions[i:i + 4] if m.end == end]
        return min(found, key=lambda m: m.start) if found else None

    def mentions_before(self, pos: int, kinds: tuple) -> list[Mention]:
        i = bisect.bisect_right(self.mention_ends, pos)
        return [m for m in reversed(self.mentions[:i]) if m.kind in kinds]
