"""Who "he", "the minister" or "the Chinese commerce minister" refers to.

Only mentions already found by `entities.extract_entities` are candidates, and only
those before the sentence (or before a given offset inside it), so a reference never
points forward.  Pronouns take the subject of the latest sentence that names a person
(gender is unknown); role phrases take the latest person whose role and country fit.
"""
from __future__ import annotations

import re

from pipeline.lexicon import legacy as lex
from pipeline.article import Article, Mention
from pipeline.lexicon.lexicon import Lexicon
from pipeline.text.folding import fold

_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that", "our", "said"}
_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
# words that name no particular office: they fit anyone
_GENERIC = {"official", "officials", "counterpart", "chief", "top", "senior", "head", "country's",
            "nation's", "government", "new", "then"}
# qualifiers a role may carry only if the phrase says them too ("the premier" is not the vice premier)
_QUALIFIERS = {"vice", "deputy", "prime", "under", "former", "assistant"}
_SYNONYMS = {"commerce": "trade", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
             "adviser": "advisor", "treasury": "finance", "ministers": "minister"}
# what an office implies: a foreign minister is a diplomat, a president a leader
_IMPLIED = [
    (("foreign", "state", "ambassador", "envoy", "diplomat", "external", "high representative"), "diplomat"),
    (("president", "premier", "prime minister", "chancellor", "leader", "general secretary", "king"), "leader"),
    (("trade", "commerce", "negotiator", "representative"), "negotiator"),
    (("secretary of state",), "foreign"),
    (("commission",), "commissioner"),
]
_ORG_HEADS = {"ministry", "department", "commission", "government", "administration", "customs",
              "agency", "office", "executive", "council", "bureau"}
# words before a mention that make it an object, not the subject
_OBJECT_CUES = {"with", "by", "to", "from", "of", "for", "met", "meet", "meets", "told", "invited",
                "and", "against", "on", "at", "than", "called", "urged", "asked", "visited"}
_WORD = re.compile(r"[\w'’-]+")


def resolve_reference(article: Article, sent_idx: int, phrase: str, before: int | None = None,
                      lexicon: Lexicon | None = None) -> Mention | None:
    """The mention that `phrase` ("he", "the minister", "his Chinese counterpart", "the
    ministry") in sentence `sent_idx` refers to: the latest fitting one before the sentence,
    or before character offset `before` when given (for "X said he ...")."""
    if not article.sentences or not 0 <= sent_idx < len(article.sentences):
        return None
    cutoff = article.sentences[sent_idx][0] if before is None else before
    words = [w for w in fold(phrase).replace("’", "'").split() if w]
    if not words:
        return None
    earlier = [m for m in article.mentions if m.end <= cutoff]
    if len(words) == 1 and words[0] in _PRONOUNS:
        return _subject(article, [m for m in earlier if m.kind == "person"])
    words = [w for w in words if w not in _DETERMINERS]
    country, role_words = _split_country(words)
    if _ORG_HEADS & set(role_words):
        return _latest_org(earlier, role_words, country)
    for m in reversed(earlier):
        if m.kind == "person" and fits(m, role_words, country):
            return m
    return None


def _split_country(words: list[str]) -> tuple[str, list[str]]:
    """("chinese", "commerce", "minister") -> ("China", ["commerce", "minister"])."""
    matcher = lex.entity_matcher()
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


def _role_words(text: str) -> set[str]:
    folded = fold(text)
    words = {_SYNONYMS.get(w, w) for w in _WORD.findall(folded)}
    for cues, implied in _IMPLIED:
        if any(c in folded for c in cues):
            words.add(implied)
    return words - {"of", "for", "the", "and"}


def fits(mention: Mention, role_words: list[str], country: str = "") -> bool:
    """Whether a person mention can be called "the <role words>" (of `country`)."""
    if country and mention.country and mention.country != country:
        return False
    wanted = {_SYNONYMS.get(w, w) for w in role_words} - _GENERIC
    if not wanted:
        return True
    persons = lex.people_by_canonical().get(mention.canonical, [])
    roles = [mention.role] + [p.role for p in persons]
    for role in roles:
        have = _role_words(role)
        if wanted <= have and not (_qualifiers(role, have, wanted) - wanted):
            return True
    return False


def _qualifiers(role: str, have: set[str], wanted: set[str]) -> set[str]:
    """The qualifiers a role carries, less those inside the office an implied word names:
    "the Spanish leader" may be the prime minister, "the minister" may not."""
    found = have & _QUALIFIERS
    if found:
        folded = fold(role)
        for cues, implied in _IMPLIED:
            for cue in cues:
                if implied in wanted and cue in folded:
                    found -= set(cue.split())
    return found


def _latest_org(earlier: list[Mention], role_words: list[str], country: str) -> Mention | None:
    heads = [w for w in role_words if w not in _GENERIC]
    for m in reversed(earlier):
        if m.kind != "org" or (country and m.country and m.country != country):
            continue
        name = _role_words(m.canonical + " " + m.role + " " + m.text)
        if all(_SYNONYMS.get(w, w) in name for w in heads):
            return m
    return None


def _subject(article: Article, persons: list[Mention]) -> Mention | None:
    """The subject of the latest sentence naming a person: its first person mention not
    introduced as an object ("met with X", "told X")."""
    if not persons:
        return None
    last = persons[-1].sentence
    in_sentence = [m for m in persons if m.sentence == last]
    text = article.text
    sent_start = article.sentences[last][0] if 0 <= last < len(article.sentences) else 0
    for m in in_sentence:
        before = _WORD.findall(fold(text[sent_start:m.start]))
        if not before or before[-1] not in _OBJECT_CUES:
            return m
    return in_sentence[0]
