"""The meeting rules' patterns, composed from the word lists of meeting_patterns.json.

The data holds words and phrases only ("met", "press conference", "the two"); the
constructions that combine them ("<auxiliary> not <verb>", "meet <any word> <demand>")
are written here. Each list becomes one alternation by `trie_alternation`, so the longest
phrase wins wherever two start at the same place, whatever order the data lists them in.
Built once per lexicon: `lexicon.compiled(MeetingRules)`.
"""
from __future__ import annotations

import re

from pipeline.errors import LexiconError
from pipeline.meetings.places import PlaceTables
from pipeline.text.alternation import trie_alternation
from pipeline.text.calendar import Calendar

DATA = "meeting_patterns.json"

# between a subject and its verb: an apposition, an adverb, an auxiliary, a day
# ("Varga, the trade minister, on Monday also handed ...")
SUBJECT_GAP = (r"(?:\s*,[^,.;:]{1,80},)?\s*(?:(?:also|then|later|again|formally|personally|reportedly|"
               r"has|have|had|will|would|on \w+|last \w+)\s+)*")
# "at the annual G20 meeting": the words that may stand between "at the" and a gathering's name
_A_FEW_WORDS = r"(?:[\w-]+ ){0,3}?"


def any_of(words) -> str:
    """One group matching any of `words` (longest first)."""
    return "(?:" + trie_alternation(words) + ")"


def whole(words) -> str:
    """Any of `words`, as whole words."""
    return r"\b" + any_of(words) + r"\b"


def _any_pattern(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


class MeetingRules:
    """Everything the meeting rules match, built from one lexicon."""

    def __init__(self, lexicon):
        data = lexicon.data(DATA)
        self.places: PlaceTables = lexicon.compiled(PlaceTables)
        calendar: Calendar = lexicon.compiled(Calendar)
        self.numbers: dict[str, int] = calendar.numbers
        cues = self._cues(data)
        self._not_meeting(data, cues, calendar)
        self._tense_and_plans(data, cues)
        self._clauses(data, calendar)
        self._occasions(data)
        self._sides(data)

    def _cues(self, data: dict) -> dict[str, list[str]]:
        """`cue` finds every cue phrase; `cue_kind` tells its kind (meet, phone, visit ...)."""
        cues = {kind: list(phrases) for kind, phrases in data["cues"].items()}
        # "spoke with", "talked by phone to"
        manners = ["", *(m + " " for m in data["remote_manners"])]
        cues["speak"] = [f"{verb} {manner}{prep}" for verb in data["speak_verbs"] for manner in manners
                         for prep in ("with", "to")]
        # "A and B talked about tariffs", "the two last spoke on 3 May": only with a joint subject
        cues["spoke"] = list(data["speak_verbs"])
        # "paid a courtesy call on the premier": a call paid in person; so is "called on the premier"
        cues["in_person"] = cues["in_person"] + [f"{w} {c}" for w in data["visit_calls"] for c in ("call", "calls")] + [
            f"{verb} {on}" for verb in data["call_verbs"] for on in ("on", "upon")]
        self.cue_kind: dict[str, str] = {}
        for kind, phrases in cues.items():
            for phrase in phrases:
                if self.cue_kind.setdefault(phrase, kind) != kind:
                    raise LexiconError(f"data/{DATA}: the cue '{phrase}' is listed as both "
                                       f"'{self.cue_kind[phrase]}' and '{kind}'")
        # the look-ahead on the first letter lets the scan skip most positions without trying the phrases
        first = re.escape("".join(sorted({p[0] for p in self.cue_kind})))
        self.cue = re.compile(rf"\b(?=[{first}])" + any_of(self.cue_kind) + r"\b")
        return cues

    def _not_meeting(self, data: dict, cues: dict[str, list[str]], calendar: Calendar) -> None:
        """`not_meeting`: where a cue word says no meeting ("told reporters", "a cabinet meeting")."""
        bodies = any_of(data["internal_bodies"])
        # "called on Zhou to lift the ban" urges; "a call on Monday", "a call on Nov. 3" is a call
        call_on_a_day = rf"on(?! (?:{calendar.weekday})\b| (?:{calendar.month})\.? \d)"
        call_objects = [w for w in data["call_objects"] if w != "on"]
        visit_verbs = [w for w in cues["visit"] if w.startswith("visit")]
        self.not_meeting = _any_pattern(*(r"\b" + p + r"\b" for p in (
            any_of(data["not_meeting"]),
            any_of(data["press_verbs"]) + r" (?:with )?(?:" + any_of(data["press_modifiers"]) + " )?"
            + any_of(data["press_audiences"]),
            bodies + " " + any_of(data["session_nouns"]),
            r"meeting of (?:the )?" + bodies,
            r"meet (?:[a-z]+ )?" + any_of(data["meet_objects"]),
            any_of(data["contact_verbs"]) + r"\w* (?:" + any_of(data["contact_modifiers"]) + " )?"
            + any_of(data["contact_nouns"]),
            # "called on Beijing to lift the ban", "calls on members for restraint": urging, not a visit
            "".join(f"(?<!{w} )" for w in data["visit_calls"]) + any_of(data["call_verbs"]) + r" (?:"
            + any_of(call_objects) + "|(?:" + call_on_a_day + r")(?=[^.;:]{0,120}?\b(?:to|for)\b))",
            any_of(visit_verbs) + r" (?:the )?" + any_of(data["web_pages"]),
            r"peace talks? (?:with|between) " + any_of(data["conflict_sides"]),
            # "progress in the talks": the talks are the topic
            any_of(data["progress_nouns"]) + r" (?:in|on) (?:" + any_of(data["contact_modifiers"]) + " )?"
            r"(?:[a-z-]+ ){0,2}?" + any_of(data["dialogue_formats"]),
        )))

    def _tense_and_plans(self, data: dict, cues: dict[str, list[str]]) -> None:
        """`generic` (meetings in general, or none), `planned`, and `launch` (a dialogue agreed on)."""
        counts = [w for w, n in self.numbers.items() if n > 1] + data["count_words"]
        self.generic = _any_pattern(
            whole(data["generic"]),
            r"\b(?:" + any_of(counts) + r"|\d+) times\b",
            r"\b" + any_of(data["auxiliaries"]) + r"(?: not|n't) (?:yet )?" + whole(data["negated_verbs"]),
            r"\bnever " + whole(data["never_verbs"]),
            r"\b(?:a |the )?" + any_of(data["hypothetical"]) + r" (?:\w+ ){0,2}?" + whole(data["meeting_nouns"]),
            r"\b" + any_of(data["hope_verbs"]) + " to " + whole(data["hoped_for"]),
            # "they could meet again", "talks might take place": a possibility, not a plan
            r"\b" + any_of(data["modal_hedges"]) + r" (?:[a-z]+ )?" + whole(data["hedged_verbs"]),
        )
        self.tense = re.compile(whole(data["tense_verbs"]))
        self.under_way = re.compile(whole(data["under_way"]))
        self.called_off = re.compile(whole(data["called_off"]))
        # ", will meet": the comma closing a relative clause, where its main clause's auxiliary follows
        self.relative_end = re.compile(r", (?:also |then |later )?" + whole(data["auxiliaries"]))
        self.video = re.compile(whole(data["video_words"]))
        self.phone = re.compile(whole(data["phone_words"]))
        # "China and Japan vowed ...": countries as the subject of a promise are its sides
        self.pledge_words = any_of(data["pledge_verbs"])
        # "agreed on Monday to meet", "vowed last week to hold talks": a short time or place may
        # stand between the promise and its verb
        promised_to = r"(?: (?:on|in|at|last|this|earlier) [\w-]+(?: [\w-]+)?)? to "
        agreed_to = any_of(cues["agree"] + data["pledge_verbs"]) + promised_to
        self.planned = re.compile(r"\b(?:" + any_of(data["planned"]) + "|" + agreed_to + any_of(data["agreed_plans"])
                                  + r")\b")
        # "the two sides vowed to hold talks": countries, not the people who spoke for them, promise to meet
        # "agreed to convene the joint commission": the countries, whose named body it is ("agreed to hold
        # talks" names no body: the people who agreed may be the ones to meet)
        self.promise = re.compile(r"\b" + any_of(data["pledge_verbs"]) + promised_to + r"hold (?:[a-z-]+ ){0,3}?"
                                  + whole(data["dialogue_formats"]) + r"|\b" + any_of(cues["agree"] + data["pledge_verbs"])
                                  + promised_to + r"convene (?:[a-z-]+ ){0,3}?" + whole(data["convened_bodies"]))
        self.country_pair = re.compile(r"\b(?:the two|both) " + whole(data["country_pair_nouns"]))
        # "agreed to set up a steel dialogue", "agreed to hold a dialogue on security": a planned meeting
        modifiers = any_of(data["launch_modifiers"])
        self.launch = re.compile(
            r"\b(?P<verb>" + any_of(data["launch_verbs"]) + r"\w*) (?:" + modifiers + " |[a-z-]+ and )*"
            r"(?:[a-z-]+ ){0,3}?" + any_of(data["dialogue_formats"]) + r"\b|"
            r"\b(?P<hold>" + agreed_to + r"hold) (?:" + modifiers + " )*(?:[a-z-]+ ){0,3}?"
            + any_of(data["held_formats"]) + r"\b")
        # "opened talks", "launched negotiations": the past of a verb that starts talks, not one that sets up a body
        self.opened_past = re.compile(any_of(data["opened_past"]))

    def _clauses(self, data: dict, calendar: Calendar) -> None:
        """Where a clause ends, and what in it points back at a meeting or says how it was held."""
        self.boundary = re.compile(
            r"(?:,? " + whole(data["subordinators"]) + r"|, as\b|, and (?!with\b)|\bas (?:he|she|they|the two)\b|, "
            + whole(data["comma_openers"]) + r"|;|: )")
        nouns = any_of(data["meeting_nouns"])
        # "the talks", "their meeting", "Monday's talks": a day's possessive points at that day's meeting too
        # ("the Nov. 3 session": a dotted month between them)
        self.definite = re.compile(r"\b(?:" + any_of(data["definite_determiners"]) + rf"|(?:{calendar.weekday})['\u2019]s)"
                                   + r"\s+(?:[\w-]+\.?\s+){0,3}?" + nouns + r"\b")
        # a sentence about the meeting, from its first word: "The talks took place in Geneva",
        # "During the meeting on Tuesday, ..."
        named = any_of(data["definite_determiners"]) + r"\s+(?:[\w-]+\s+){0,3}?" + nouns + r"\b"
        # "The talks in Geneva were ...": the meeting named with its place as the sentence's subject
        self.setting = re.compile(r"[\"'“‘]?(?:" + named + r"[^,.;]{0,40}?" + whole(data["setting_verbs"])
                                  + r"|(?:during|throughout) " + named + r"|" + named + r"(?=,? (?:in|at|on) )"
                                  # "The meeting, held on Monday, ...", "The talks, which began on Monday, ..."
                                  + r"|" + named + r",\s+(?:which\s+|that\s+)?" + whole(data["setting_verbs"] + ["held"]) + ")")
        self.owner = re.compile(r"\b(his|her)\s+(?:[\w-]+\s+){0,3}?" + nouns + r"\b")
        # "In a meeting in Geneva (that ran past lunch), A and B ...": a sentence opening on the meeting,
        # then the relative clause that describes it, closed by a comma
        # ("Earlier in the week, in talks in Toronto that ...": a short time phrase may come first)
        self.opening_meeting = re.compile(r"\s*[\"'“‘]?(?:[a-z][\w-]*(?: [\w-]+){0,3}, )?(?:in|at|during|over|throughout)\s+(?:[\w-]+\s+){0,3}?"
                                          + nouns + r"\b[^,;:.]{0,50}")
        self.deputies = re.compile(whole(data["deputy_nouns"]))
        # ", a week after", "days before": a clause told a span of time away from the sentence's day
        self.span_apart = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?)\s*,?\s*(?:after|before|following|prior to)\b")
        self.describing = re.compile(r",? (?:that|which)\b[^,;:.]{3,80},")
        # "the summit (in Osaka) brought together ...": an event as the subject of a gathering verb
        self.gathering_subject = re.compile(whole(data["meeting_nouns"] + data["gatherings"])
                                            + r"(?: (?:in|at|on|of|between|with) [^,.;:]{0,60}?)?" + SUBJECT_GAP + "$")
        self.face_to_face = re.compile(whole(data["face_to_face"]))
        # "this follows talks in Geneva and Oslo", "after previous rounds of negotiations in Geneva": the cities follow
        self.earlier_rounds = re.compile(
            r"\b" + any_of(data["earlier_round_openers"]) + r"\s+(?:(?:the|earlier|previous|prior|several|two|three|"
            r"rounds? of|[a-z]+'s)\s+){0,3}?" + any_of(data["dialogue_formats"] + ["meetings", "rounds", "round"])
            + r"\s+(?:(?:was|were)\s+)?(?:held\s+)?in\s+")
        # "last year's summit of the three leaders": a meeting before the one reported, another row
        self.repeat = _any_pattern(whole(data["repeat"]), r"\b" + any_of(data["past_possessives"])
                                   + r" (?:[\w-]+ ){0,2}?" + whole(data["meeting_nouns"]))

    def _occasions(self, data: dict) -> None:
        """A named gathering ("G20"), found before a generic one ("a summit")."""
        self.occasion_of = {p: name for name, phrases in data["occasions"].items() for p in phrases}
        self.named_occasion = re.compile(whole(self.occasion_of))
        self.generic_occasion = re.compile(whole(data["gatherings"]))
        self.named_occasion_after = re.compile(_A_FEW_WORDS + r"\b(?P<name>" + any_of(self.occasion_of) + r")\b")

    def _sides(self, data: dict) -> None:
        """The words of a side ("Japanese officials"), a group ("business leaders") and a reference
        back to people named before ("the two", "he", "the minister")."""
        self.side_noun = re.compile(r"\s*(?:'s )?(?:\w+ ){0,2}?" + whole(data["side_nouns"]))
        self.group = re.compile(r"\b(?:with|told|telling|addressed|addressing|met|meet|meets)\s+"
                                r"(?:a group of |the |a |some )?((?:[a-z][\w'-]* (?:and [a-z][\w'-]* )?){0,3}?"
                                + whole(data["group_nouns"]) + ")")
        # "met Central Asian leaders": the region's unnamed leaders are one side
        self.region_side = re.compile(r"\b(" + trie_alternation(self.places.region_of) + r") (?:[a-z]+ ){0,2}?"
                                      + whole(data["region_side_nouns"]))
        # "China (and Japan) began / vowed ...": countries as the subject of a meeting's verb are its sides
        self.country_subject = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:and\s+(?:the\s+)?[a-z. ]+(?:\([^)]*\)\s*)?)?\s*"
                                          + whole(data["side_subject_verbs"] + data["pledge_verbs"]))
        self.possessive_side = re.compile(r"'s (?:[a-z]+ ){0,3}?" + whole(data["possessive_sides"]))
        plural = data["plural_references"] + [f"the two {n}" for n in data["pair_nouns"] + data["pair_people"]]   # "the two ministers"
        self.plural_ref = re.compile(whole(plural))
        self.singular_ref = re.compile(whole(data["singular_references"]))
        # "She held talks with A and B", "On Monday he met A and B": a pronoun as the subject of the cue,
        # with nothing but a meeting verb and a few words of the talks ("also had a round of") between them
        self.pronoun_subject = re.compile(r"\b(he|she)" + SUBJECT_GAP + r"(?:" + whole(data["pronoun_subject_verbs"])
                                          + r"\s+)?(?:" + whole(data["talks_lead_words"]) + r"\s+){0,3}$")
        roles = data["role_references"]
        self.role_ref = re.compile(r"\bthe (?:top |chief |senior )?(?:[a-z.]+ ){0,4}?" + whole(roles) + r"(?! of\b)")
        self.any_ref = _any_pattern(self.plural_ref.pattern, self.singular_ref.pattern, self.role_ref.pattern)
        # every reference above ends in one of these words: a cheap test before the full patterns
        self.ref_word = re.compile(whole({p.split()[-1] for p in plural + data["singular_references"] + roles}))
