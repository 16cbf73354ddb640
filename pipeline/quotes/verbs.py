"""Speech verbs as closed inflection lists: the data lists lemmas ("warn", "point out"), this
module writes out their forms (warn, warns, warned, warning). Regular English rules cover most
verbs; `irregular_verbs` in `speech_verbs.json` gives the rest as "lemma past [participle]"
lines ("say said", "write wrote written", "admit admitted").

A phrase lemma inflects its first word only: "call on" -> "called on", "calling on".
"""
from __future__ import annotations

import re

from pipeline.text.alternation import trie_alternation

_VOWELS = "aeiou"
# the subject of a clause reported without "that" is a short noun phrase ("China's review of barley")
SUBJECT_WORDS = 6


def third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return verb[:-1] + "ied"
    return verb + "ed"


def gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def irregular_table(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """"say said" -> {"say": ("said",)}; "write wrote written" -> {"write": ("wrote", "written")}.
    A doubled consonant is listed the same way: "admit admitted" (the -ing form doubles too)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in lines:
        lemma, *forms = line.split()
        table[lemma] = tuple(forms)
    return table


def forms(lemma: str, irregular: dict[str, tuple[str, ...]], only_gerund: bool = False) -> list[str]:
    """Every form of a lemma (a phrase inflects its first word)."""
    head, _, tail = lemma.partition(" ")
    tail = " " + tail if tail else ""
    special = irregular.get(head)
    doubled = special is not None and special[0] == head + head[-1] + "ed"
    ing = head + head[-1] + "ing" if doubled else gerund(head)
    if only_gerund:
        return [ing + tail]
    pasts = special if special else (past(head),)
    words = [head, third_person(head), ing, *pasts]
    return [w + tail for w in dict.fromkeys(words)]


def all_forms(lemmas: list[str], irregular: dict[str, tuple[str, ...]], only_gerund: bool = False) -> list[str]:
    out: list[str] = []
    for lemma in lemmas:
        out.extend(forms(lemma, irregular, only_gerund))
    return list(dict.fromkeys(out))


# words that end the short object of "accused X of": a clause, an agent or another verb begins
_NOT_IN_OBJECT = r"that|which|who|whom|to|by|and|or|but|as|if|when|while|after|before|because|is|are|was|were|has|had|have|will|would"
# verb kinds in the order they are read: a form listed under two kinds takes the later one
VERB_KINDS = ("direct", "ask", "urge", "that", "bare")


class ClauseRules:
    """Speech-verb forms by kind and the patterns that bound a reported clause, built from
    `speech_verbs.json` (held by `QuoteRules`, which owns the lexicon's quote patterns)."""

    def __init__(self, data: dict):
        irregular = irregular_table(data["irregular_verbs"])
        nouns = frozenset(data["base_form_nouns"])

        def written(lemmas: list[str]) -> list[str]:
            # a base form that is mostly a noun ("a claim that", "the state") is left out
            return [f for lemma in lemmas for f in forms(lemma, irregular)
                    if not (f == lemma and lemma in nouns)]

        self.verb_kind: dict[str, str] = {}
        for kind in VERB_KINDS:
            # "direct" verbs stay a list of forms: their base forms ("term", "brand") are nouns
            listed = data[kind] if kind == "direct" else written(data[kind])
            self.verb_kind.update({w: kind for w in listed})
        # "agreed that ...": speech only with the clause ("and Kang agreed." reports nothing)
        self.that_only = frozenset(written(data["that_only"]))
        self.verb_kind.update({w: "that" for w in self.that_only})
        # "accused Japan of dumping steel": a charge laid on a short object, what follows the preposition said
        charge = [entry.rsplit(" ", 1) for entry in data["charge"]]
        self.verb_kind.update({f: "charge" for lemma, _ in charge for f in forms(lemma, irregular)})
        # the object may carry a place or time ("accused importers in the region of"), not a clause or an agent
        self.charge_object = re.compile(r"\s+(?:(?!(?:%s)\b)[\w'’.-]+\s+){1,%d}?(?:%s)\s+(?=[\w“\"‘'])"
                                        % (_NOT_IN_OBJECT, SUBJECT_WORDS, trie_alternation([prep for _, prep in charge])))
        self.participles = frozenset(all_forms(data["participles"], irregular, only_gerund=True))
        self.object_verbs = frozenset(written(data["object_verbs"]))
        self.np_objects = frozenset(written(data["np_objects"]))
        self.past_forms = frozenset(f for lemma in [*data["bare"], *data["that"], *data["urge"], *data["ask"],
                                                    *(entry.rsplit(" ", 1)[0] for entry in data["charge"])]
                                    for f in forms(lemma, irregular)[3:])
        self.passive = frozenset(data["passive_auxiliaries"])
        need = trie_alternation(data["need_nouns"])
        # "stressed the need to ...", "underlined the urgent need for ...": urging, told as a noun phrase
        self.need = re.compile(r"\s+(?:the|a)\s+(?:(?:urgent|pressing|clear|continued|growing)\s+)?(?:%s)\s+(?:once\s+again\s+|again\s+)?(?:to|for)\s"
                               % need)
        # where the narrator takes the sentence back (", as talks stalled", ", citing figures"), or the
        # speaker's next act that is not speech follows with no subject of its own (", but declined to",
        # "and welcomed Singapore's investment")
        self.narrator_turn = re.compile(r"(?:%s)\b|,\s+but\s+(?:also\s+)?(?:(?:%s)\b|[a-z]+ed\s+(?:to|that)\b)"
                                        r"|,?\s+(?:and|but)\s+(?:also\s+)?(?:%s)\b"
                                        % (trie_alternation(data["narrator_turns"]), trie_alternation(data["acts_after_but"]),
                                           trie_alternation(data["acts_after_and"])))
        # "pledged to lift": "to" and a verb; "wrote to the minister", "explained to reporters" name a listener
        self.infinitive = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|its|their|this|these|those|%s)\b)[“\"‘']?[a-z]"
                                     % trie_alternation(data["audiences"]))
        self.not_np_starts = frozenset(data["not_np_starts"])
        # a subject of a few words, then a finite verb: "confirmed the complaint had been lodged"
        self.bare_clause = re.compile(r"\s+(?:(?!(?:%s)\b)[\w'’-]+\s+){1,%d}?(?:%s)\s"
                                      % (trie_alternation(data["not_subject_words"]), SUBJECT_WORDS,
                                         trie_alternation(data["auxiliaries"])))
        # "a WTO official said": role tails after an organisation that keep the speaker's description
        self.described_tails = frozenset(data["described_tails"])
        # "a ministry release", "the Commission's statement": a document named after its issuer
        self.document_tail = re.compile(r"(?:['’]s)?\s+(?:%s)$" % trie_alternation(data["documents"]))
        # "..., the statement noted": a document as the subject of a speech verb
        self.document_subject = re.compile(r"\b(?:the|this|that|its|their)\s+(?:%s)\s+(?:also\s+)?$"
                                           % trie_alternation(data["documents"]))

