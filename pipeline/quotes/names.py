"""Naming a speaker: from an entity mention, from a capitalised name (a lone surname or "Mr X"
taking the full name written earlier), from an organisation's role phrase or acronym."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipeline.article import Mention
from pipeline.entities.mentions import resolve_name
from pipeline.quotes.context import Context, QuoteRules, Speaker
from pipeline.text.folding import fold

# a surname this long, this close to one written before, is that name misspelt by a letter
TYPO_SURNAME = 6
TYPO_RATIO = 90


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
    for m in before:  # ... even with a letter dropped or doubled ("Hartwel" for "Hartwell")
        if len(last) >= TYPO_SURNAME and fuzz.ratio(last, fold(m.canonical or m.text).split()[-1]) >= TYPO_RATIO:
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
