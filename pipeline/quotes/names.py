"""Naming a speaker: from an entity mention, from a capitalised name (a lone surname or "Mr X"
taking the full name written earlier), from an organisation's role phrase or acronym."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipeline.article import Mention
from pipeline.entities.names import resolve_name
from pipeline.quotes.context import Context, QuoteRules, Speaker
from pipeline.text.folding import fold

# a surname this long, this close to one written before, is the same surname misspelt
MISSPELT_MIN = 5
MISSPELT_RATIO = 85


def from_mention(m: Mention, role: str = "") -> Speaker:
    kind = "person" if m.kind == "person" else "org"
    return Speaker(m.canonical or m.text, role or m.role, m.country if m.kind != "country" else m.canonical, kind)


def person_from_name(ctx: Context, raw: str, pos: int) -> Speaker:
    """The person a capitalised name written at `pos` stands for."""
    words = raw.split()
    while len(words) > 1 and words[0].rstrip(".") in ctx.rules.courtesy:  # "Mr Toumazos" is "Kyri Toumazos"
        words = words[1:]
    raw = " ".join(words)
    person = resolve_name(raw, ctx.lexicon)
    if person is not None:
        return Speaker(person.canonical, person.role or "", person.country or "", "person")
    last = fold(raw).split()[-1]
    before = ctx.mentions_before(pos, ("person",))
    for m in before:  # a surname alone names the person seen before
        if fold(m.canonical or m.text).split()[-1:] == [last] or last in fold(m.canonical).split():
            return from_mention(m)
    if len(last) >= MISSPELT_MIN:  # "Farel" for "Farrell": a slip of the pen names the person seen before
        for m in ctx.mentions_before(pos, ("person",)):
            known = fold(m.canonical or m.text).split()[-1:]
            if known and known[0][:1] == last[:1] and fuzz.ratio(known[0], last) >= MISSPELT_RATIO:
                return from_mention(m)
    if len(raw.split()) == 1:
        full = full_name_before(ctx.rules, ctx.text, raw, pos)
        if full:
            return Speaker(full)
    return Speaker(raw)


def full_name_before(rules: QuoteRules, text: str, surname: str, pos: int) -> str:
    """"Lange said" after "Bernd Lange, the German MEP, ...": the full name written earlier, given name
    first or (East Asian order) after a surname such as "Park Sung-taek"."""
    esc = re.escape(surname)
    for m in re.finditer(r"\b([A-Z][a-z][\w'’-]*)\s+%s\b|\b%s\s+([A-Z][a-z]+-[a-z]+)\b" % (esc, esc), text[:pos]):
        given = m.group(1)
        if given and given not in rules.honorifics and given not in rules.not_names:
            return f"{given} {surname}"
        if m.group(2):
            return f"{surname} {m.group(2)}"
    return ""


def title_case(phrase: str) -> str:
    """An organisation's name from the phrase that refers to it: "its trade ministry" -> "Trade Ministry"."""
    words = re.sub(r"^(?:the|a|an|its|his|her|their)\s+", "", phrase.strip(), flags=re.I).split()
    name = " ".join(w if w[:1].isupper() else w.capitalize() for w in words)
    # "the U.S. Trade Representative's office" is named "Office of the U.S. Trade Representative"
    office = re.fullmatch(r"((?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)['’]s\s+Office", name)
    if office:
        return f"Office of the {office.group(1)}"
    # "Brazil's mines and energy ministry" is the "Ministry of Mines and Energy"
    ministry = re.fullmatch(r"(?:[A-Z][\w.-]*['’]s\s+)?((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)\s+Ministry", name)
    if ministry and phrase.rstrip().endswith("ministry"):
        return "Ministry of " + ministry.group(1).replace(" And ", " and ")
    return name


ACRONYM = re.compile(r"[A-Z]{2,6}")


def acronym_expansion(text: str, acronym: str, pos: int) -> str:
    """"Ministry of Economic Affairs (MOEA)" earlier in the text names "the MOEA"."""
    m = re.search(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on|the)\s+)*)+[A-Z][\w'’-]*)\s+\(%s\)" % acronym, text[:pos])
    if m is None:
        return ""
    words = m.group(1).split()
    while words and words[0][0] != acronym[0]:  # "Taiwan's Ministry of ... (MOEA)": from the first initial
        words = words[1:]
    return " ".join(words)


_PORTFOLIO = re.compile(r"^(?:minister (?:of|for) (?P<a>.+)|(?P<b>.+?) minister)$")


def ministry_of(rules: QuoteRules, speaker: Speaker) -> Speaker | None:
    """"The ministry" just after a minister spoke is that minister's: "Trade and Industry Minister" ->
    "Ministry of Trade and Industry"."""
    words = [w for w in fold(speaker.role).split() if w not in rules.rank_words]
    m = _PORTFOLIO.match(" ".join(words)) if speaker.is_person and words else None
    if m is None or not (m.group("a") or m.group("b")).strip():
        return None
    portfolio = title_case(m.group("a") or m.group("b")).replace(" And ", " and ")
    return Speaker(f"Ministry of {portfolio}", "", speaker.country, "org")


def mention_within(ctx: Context, start: int, end: int, kinds: tuple = ("person", "org", "country")) -> list[Mention]:
    """The mentions lying wholly inside text[start:end], first first."""
    return sorted((m for m in ctx.mentions_before(end, kinds) if m.start >= start), key=lambda m: m.start)


def voice_for(ctx: Context, seg: str, lo: int) -> tuple[Speaker, int] | None:
    """"…, a spokeswoman for the Ruritanian Ministry of Foreign Affairs": the organisation speaks,
    however long the phrase; the speaker starts at the phrase's article."""
    m = ctx.rules.voice_for.search(seg) if ctx.rules.voice_word.search(seg) else None
    if m is None:
        return None
    found = ctx.mention_ending_at(lo + m.end(2))
    if found is not None:
        return (from_mention(found), lo + m.start(1)) if found.kind != "person" else None
    name = m.group(2)
    if ACRONYM.fullmatch(name):  # "a spokesperson for the MOC": only a spelled-out form names it
        name = acronym_expansion(ctx.text, name, lo + m.start(2))
    return (Speaker(name, kind="org"), lo + m.start(1)) if name else None


# an anonymous noun ends its description or sits before a short link ("sources close to the talks")
ANONYMOUS_TAIL_WORDS = 7
# words before an anonymous description that make it a reference back, not a new speaker
_DEFINITE = re.compile(r"(?:^|\s)(?:the|this|that|these|those|his|her|its|their|our|[\w.-]+['’]s)\s*$", re.I)


def anonymous(ctx: Context, seg: str, lo: int) -> tuple[Speaker | None, int] | None:
    """"a senior official", "diplomatic sources", "two people familiar with the talks", "analysts":
    an anonymous or collective speaker keeps its description (None when the sentence hedges it)."""
    rules = ctx.rules
    low = seg.lower()
    if rules.anonymous_nouns.isdisjoint(low.split()[-ANONYMOUS_TAIL_WORDS:]):
        return None  # the cheap test first: most speakers end in a name
    m = rules.anonymous.search(low)
    if m is None or _DEFINITE.search(low[:m.start(1)]):
        return None
    words = seg[m.start(1):].split()
    quantified = words[0].lower() in rules.anonymous_quantifiers
    if quantified:
        words = words[1:]
    noun = next(w for w in words if fold(w) in rules.anonymous_nouns)
    plural = fold(noun).endswith("s") or fold(noun) == "people"
    if not (quantified or plural) or not words:
        return None
    start = lo + m.start(1)
    sentence = ctx.sentences.sentence(ctx.sent_index(start)).lower()
    if any(h in sentence for h in rules.hedge_words) and rules.hedge.search(sentence):
        return None, start
    return Speaker(" ".join(words)), start


def anonymous_antecedent(ctx: Context, phrase: str, pos: int, since: int) -> Speaker | None:
    """"The official said" after "A WTO official confirmed ...": the description introduced with
    "a"/"an" in the sentences from `since` on, when nobody has spoken since."""
    words = fold(phrase).split()
    if len(words) != 2 or words[0] != "the" or words[1] not in ctx.rules.anonymous_nouns:
        return None
    lo = ctx.sentences.starts[max(since, 0)] if ctx.sentences.starts else 0
    found = None
    for m in re.finditer(r"\b(?:[Aa]n?)\s+((?:[\w'’-]+\s+){0,3}?%s)\b" % re.escape(words[1]), ctx.text[lo:pos]):
        found = m.group(1)
    return Speaker(found) if found else None
