"""Who "he", "the minister" or "the Chinese commerce minister" refers to.

Only mentions already found by `entities.extract_entities` are candidates, and only
those before the sentence (or before a given offset inside it), so a reference never
points forward.  Pronouns take the subject of the latest sentence that names a person
(gender is unknown); role phrases take the latest person whose role and country fit.
"""
from __future__ import annotations

import re

from pipeline.article import Article, Mention
from pipeline.entities.words import alternation, entity_words
from pipeline.lexicon.lexicon import Lexicon
from pipeline.text.folding import fold

_WORD = re.compile(r"[\w'’-]+")
# the small words inside a title: "Minister of Economy, Trade and Industry"
_TITLE_JOINERS = {"of", "and", "for", "the"}
# a subject pronoun before the sentence's first name
_PRONOUN_OPENING = re.compile(r"\b(?:he|she|He|She)\b")


class ReferenceRules:
    """The words of reference resolution (data/entities.json) for one lexicon."""

    def __init__(self, lexicon: Lexicon):
        w = entity_words(lexicon, "reference_determiners", "reference_pronouns", "generic_role_words",
                         "role_filler_words", "role_qualifiers", "role_synonyms", "implied_roles",
                         "org_heads", "object_cues")
        self.lexicon = lexicon
        self.determiners = frozenset(w["reference_determiners"])
        self.pronouns = frozenset(w["reference_pronouns"])
        # words that name no particular office: they fit anyone
        self.generic = frozenset(w["generic_role_words"])
        self.fillers = frozenset(w["role_filler_words"])
        # qualifiers a role may carry only if the phrase says them too ("the premier" is not the vice premier)
        self.qualifiers = frozenset(w["role_qualifiers"])
        self.synonyms: dict[str, str] = dict(w["role_synonyms"])
        # what an office implies: a foreign minister is a diplomat, a president a leader; a cue
        # counts at the start of a word of the role ("commission" in "commissioner", not "king" in "banking")
        self.implied = [(implied, re.compile(rf"(?<!\w){alternation(cues)}"))
                        for implied, cues in sorted(w["implied_roles"].items())]
        self.org_heads = frozenset(w["org_heads"])
        # words before a mention that make it an object, not the subject
        self.object_cues = frozenset(w["object_cues"])

    def canonical(self, word: str) -> str:
        return self.synonyms.get(word, word)


def resolve_reference(article: Article, sent_idx: int, phrase: str, before: int | None = None, *,
                      lexicon: Lexicon) -> Mention | None:
    """The mention that `phrase` ("he", "the minister", "his Chinese counterpart", "the
    ministry") in sentence `sent_idx` refers to: the latest fitting one before the sentence,
    or before character offset `before` when given (for "X said he ..."). `lexicon` is required."""
    rules = lexicon.compiled(ReferenceRules)
    if not article.sentences or not 0 <= sent_idx < len(article.sentences):
        return None
    cutoff = article.sentences[sent_idx][0] if before is None else before
    words = [w for w in fold(phrase).replace("’", "'").split() if w]
    if not words:
        return None
    earlier = [m for m in article.mentions if m.end <= cutoff]
    if len(words) == 1 and words[0] in rules.pronouns:
        return _subject(rules, article, [m for m in earlier if m.kind == "person"])
    words = [w for w in words if w not in rules.determiners]
    country, role_words = _split_country(lexicon, words)
    if rules.org_heads & set(role_words):
        return _latest_org(rules, earlier, role_words, country)
    fitting = [m for m in reversed(earlier) if m.kind == "person" and fits(rules, m, role_words, country)]
    if country:
        # "the Uzbek minister": the one of that country before one whose country is not known
        same = next((m for m in fitting if m.country == country), None)
        return same or _sole_of_country(rules, earlier, role_words, country) or (fitting[0] if fitting else None)
    return fitting[0] if fitting else None


def named_country(phrase: str, lexicon: Lexicon) -> str:
    """The country a reference names: "the Uzbek minister" -> "Uzbekistan"; "" for none."""
    words = [w for w in fold(phrase).replace("’", "'").split() if w]
    return _split_country(lexicon, words)[0] if words else ""


def _sole_of_country(rules: ReferenceRules, earlier: list[Mention], role_words: list[str],
                     country: str) -> Mention | None:
    """The only person of `country` named so far, when the reference's office word is in that
    person's role ("the Uzbek minister" after "Deputy Prime Minister of Uzbekistan Otabek Rakhimov")."""
    people = [m for m in earlier if m.kind == "person" and m.country == country]
    if len({m.canonical for m in people}) != 1:
        return None
    wanted = {rules.canonical(w) for w in role_words} - rules.generic
    m = people[-1]
    return m if wanted <= _role_words(rules, m.role) else None


def _split_country(lexicon: Lexicon, words: list[str]) -> tuple[str, list[str]]:
    """("chinese", "commerce", "minister") -> ("China", ["commerce", "minister"])."""
    matcher = lexicon.entity_matcher
    text = " ".join(words)
    country = ""
    for m in matcher.regex.finditer(text):
        for e in matcher.lookup(m.group()):
            if e.kind == "country":
                country = e.key
                text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
                break
    rest = [w[:-2] if w.endswith("'s") else w for w in text.split()]
    return country, [w for w in rest if w]


def _role_words(rules: ReferenceRules, text: str) -> set[str]:
    folded = fold(text)
    words = {rules.canonical(w) for w in _WORD.findall(folded)}
    for implied, cue in rules.implied:
        if cue.search(folded):
            words.add(implied)
    return words - rules.fillers


def fits(rules: ReferenceRules, mention: Mention, role_words: list[str], country: str = "") -> bool:
    """Whether a person mention can be called "the <role words>" (of `country`)."""
    if country and mention.country and mention.country != country:
        return False
    wanted = {rules.canonical(w) for w in role_words} - rules.generic
    if not wanted:
        return True
    persons = rules.lexicon.people_by_canonical.get(mention.canonical, [])
    roles = [mention.role] + [p.role for p in persons]
    for role in roles:
        have = _role_words(rules, role)
        if wanted <= have and not (_qualifiers(rules, role, have, wanted) - wanted):
            return True
    return False


def _qualifiers(rules: ReferenceRules, role: str, have: set[str], wanted: set[str]) -> set[str]:
    """The qualifiers a role carries, less those inside the office an implied word names:
    "the Spanish leader" may be the prime minister, "the minister" may not."""
    found = have & rules.qualifiers
    if found:
        folded = fold(role)
        for implied, cue in rules.implied:
            if implied in wanted:
                for m in cue.finditer(folded):
                    found -= set(m.group().split())
    return found


def _latest_org(rules: ReferenceRules, earlier: list[Mention], role_words: list[str], country: str) -> Mention | None:
    heads = [w for w in role_words if w not in rules.generic]
    for m in reversed(earlier):
        if m.kind != "org" or (country and m.country and m.country != country):
            continue
        name = _role_words(rules, m.canonical + " " + m.role + " " + m.text)
        if all(rules.canonical(w) in name for w in heads):
            return m
    return None


def _subject(rules: ReferenceRules, article: Article, persons: list[Mention]) -> Mention | None:
    """The subject of the latest sentence naming a person: its first person mention not
    introduced as an object ("met with X", "told X")."""
    if not persons:
        return None
    last = persons[-1].sentence
    in_sentence = [m for m in persons if m.sentence == last]
    text = article.text
    sent_start = article.sentences[last][0] if 0 <= last < len(article.sentences) else 0
    for m in in_sentence:
        before = _before_title(text[sent_start:m.start])
        if not before or before[-1] not in rules.object_cues:
            return m
    # "On Tuesday, she met Minister Muto. She also ...": everyone named there is an object, so the
    # sentence's subject was a pronoun too; it refers to the subject named before
    if _PRONOUN_OPENING.search(text, sent_start, in_sentence[0].start):
        return _subject(rules, article, [m for m in persons if m.sentence < last]) or in_sentence[0]
    return in_sentence[0]


def _before_title(text: str) -> list[str]:
    """The folded words before a mention, less the title right before it: "met Japanese Economy
    Minister Muto" ends with "met"."""
    words = _WORD.findall(text)
    while words and (words[-1][:1].isupper() or words[-1] in _TITLE_JOINERS):
        words.pop()
    return [fold(w) for w in words]
