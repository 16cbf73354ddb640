"""What a speaker phrase refers back to: "he", "the minister", "the ministry", "it" resolved to the
previous quote's speaker or an earlier mention, and the subject of a sentence that spoke without a
speech verb before ("The ministry defended the rules, saying ...")."""
from __future__ import annotations

import re

from pipeline.entities.coreference import named_country, resolve_reference
from pipeline.quotes.context import Context, Speaker
from pipeline.quotes.names import from_mention, ministry_of, person_from_name, title_case, voice_for
from pipeline.quotes.pronouns import fits_pronoun, knows_pronoun
from pipeline.text.datelines import parse_dateline
from pipeline.text.folding import fold

# a mention this close to its sentence's start is that sentence's subject
SUBJECT_OPENING = 40
# an opening phrase before a subject ("On Friday, ...") is short
INTRO_REACH = 60
# the subject of a sentence is among its first words, after any opening phrase
SUBJECT_REACH = 45
# the previous quote's speaker stays the antecedent of "he" or "the ministry" for this many sentences
REFERENCE_SENTENCES = 3
# "the committee" may refer to a name written this many characters before its sentence
NAMED_REACH = 1500


def resolve_phrase(ctx: Context, phrase: str, pos: int) -> Speaker | None:
    """Who "he", "the minister" or "the ministry" at `pos` is."""
    rules = ctx.rules
    sidx = ctx.sent_index(pos)
    low = phrase.lower()
    person_like = low in ("he", "she") or bool(rules.role_end.search(low))
    last = ctx.last_speaker
    # the speaker of the previous quote is the usual antecedent, unless someone else took the floor
    either = bool(rules.org_voice.search(low))  # an organisation speaks through its spokesperson
    head = rules.org_head.search(low)
    fits = last is not None and (either or (last.is_person and fits_pronoun(ctx, last.name, low, pos) if person_like else
                                            last.is_org and (low == "it" or head is not None
                                                                   and head.group(0) in fold(last.name))))
    if fits and person_like and last.is_person and named_country(low, ctx.lexicon):
        # "the Uzbek minister" after a quote of someone else: the person of that country, when one is named
        m = resolve_reference(ctx.article, sidx, phrase, lexicon=ctx.lexicon)
        fits = m is None or m.country != named_country(low, ctx.lexicon) or m.canonical == last.name
    if low in ("he", "she"):
        known = _known_fit(ctx, low, pos, sidx)
        if known is not None:
            return known
    if fits and sidx - ctx.last_speaker_sent <= REFERENCE_SENTENCES:
        if not new_subject_since(ctx, ctx.sentences.starts[ctx.last_speaker_sent], pos, last.name):
            return last
    m = resolve_reference(ctx.article, sidx, phrase, lexicon=ctx.lexicon)
    if m is not None and m.start < pos and (m.kind != "person" or fits_pronoun(ctx, m.canonical or m.text, low, pos)):
        return from_mention(m)
    if person_like:
        # "she" after "Ms Rojas ... Mr Benitez": the latest person the pronoun can stand for
        people = ctx.mentions_before(pos, ("person",))
        fit = next((p for p in people if fits_pronoun(ctx, p.canonical or p.text, low, pos)), None)
        return from_mention(fit or people[0]) if people else None
    if low == "it":  # "China's Ministry of Commerce hit back. It said ...": the organisation just named
        near = [m for m in ctx.mentions_before(pos, ("org",)) if m.sentence >= sidx - 1]
        return from_mention(near[0]) if near else None
    if head:
        words = set(low.split()) - {"the", "a", "its", head.group(0)}
        orgs = [m for m in ctx.mentions_before(pos, ("org",)) if head.group(0) in fold(m.text)]
        best = next((m for m in orgs if words & set(fold(m.text).split())), orgs[0] if orgs else None)
        if best is not None:
            return from_mention(best)
        if low.split()[0] in ("its", "their") or len(low.split()) > 2:
            return Speaker(title_case(phrase), kind="org")
        if head.group(0) == "ministry" and last is not None and sidx - ctx.last_speaker_sent <= REFERENCE_SENTENCES:
            spk = ministry_of(rules, last)
            if spk is not None:
                return spk
        # "The ministry said" after "South Korea's trade ministry said": the one that spoke before
        spoke = next((o for o in reversed(ctx.org_speakers) if head.group(0) in fold(o.name)), None)
        return spoke or _named_before(ctx, head.group(0), pos)
    return None


def _known_fit(ctx: Context, word: str, pos: int, sidx: int) -> Speaker | None:
    """"She" where the usual antecedent (the last speaker, else the latest person named) is shown to be
    a man, or "he" a woman: the latest recent person shown to fit; None when the usual one may fit."""
    recent = [from_mention(m) for m in ctx.mentions_before(pos, ("person",)) if sidx - m.sentence <= REFERENCE_SENTENCES]
    last = ctx.last_speaker
    if last is not None and last.is_person and sidx - ctx.last_speaker_sent <= REFERENCE_SENTENCES:
        recent.insert(0, last)
    if not recent or fits_pronoun(ctx, recent[0].name, word, pos):
        return None
    return next((p for p in recent if knows_pronoun(ctx, p.name, word, pos)), None)


# a capitalised name of several words ("Joint Committee on Trade and Investment")
_PROPER_NAME = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w&'’-]*)+")


def _named_before(ctx: Context, head: str, pos: int) -> Speaker | None:
    """"The committee agreed" after "the Joint Committee on Trade and Investment" (a name the entities
    step does not know): the latest capitalised name holding the head word."""
    found = None
    for m in _PROPER_NAME.finditer(ctx.text, max(0, ctx.sentences.start(pos) - NAMED_REACH), pos):
        if head in fold(m.group(0)).split():
            found = re.sub(r"^The\s+", "", m.group(0))
    return Speaker(found, kind="org") if found else None


def new_subject_since(ctx: Context, start: int, pos: int, speaker: str) -> bool:
    """A different person opening a sentence between the last quote and `pos`."""
    here = ctx.sent_index(pos)
    for m in ctx.mentions_before(pos, ("person",)):
        if m.start < start:
            break
        if m.start - ctx.sentences.start(m.start) <= SUBJECT_OPENING and (m.canonical or m.text) != speaker \
                and m.sentence != here:
            return True
    return False


_SUBJECT_INTRO = re.compile(r"[^,]{0,%d},\s+" % INTRO_REACH)
_SUBJECT_NAME = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|for)\s+){0,5}?([A-Z][a-z]+\s+[A-Z][\w'’-]+)"
                           r"\s+(?:has|had|also|[a-z]+ed)\b")
_ORG_SUBJECT = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|on|the)\s+)*){0,6}[A-Z][\w.&'’-]*)"
                          r"\s+(?:has|had|also|[a-z]+ed)\b")

# a country opening a sentence is its subject when a clause or a verb follows, not a name ("China Daily")
_COUNTRY_SUBJECT = re.compile(r"\s*(?:,|(?:has\s+|had\s+|also\s+)?[a-z]+(?:ed|s)\b)")
# "Japan, South Korea and China agreed": a list of parties, not one subject
_COUNTRY_LIST = re.compile(r",\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*(?:,|and\b)")


def sentence_subject(ctx: Context, ustart: int, vs: int) -> Speaker | None:
    """The sentence subject: the first person or organisation, after at most an opening phrase."""
    line = parse_dateline(ctx.text, ctx.lexicon, ustart, vs)
    ustart = line.end if line else ustart
    sent = ctx.text[ustart:vs]
    intro = _SUBJECT_INTRO.match(sent)
    base = ustart + (intro.end() if intro and not re.search(r"[A-Z]\w+\s+[A-Z]", intro.group(0)) else 0)
    owned = ctx.rules.possessed_org.match(ctx.text, base, vs)
    if owned:  # "Indonesia's smelter association welcomed the decision, urging ...": the body speaks
        return Speaker(title_case(owned.group(0)), kind="org")
    voice = ctx.rules.voice_lead.match(ctx.text, base, vs)
    if voice:  # "A spokesperson at Nikora declined to comment, saying ...": the company speaks
        found = voice_for(ctx, ctx.text[base:voice.end()], base)
        if found is not None:
            return found[0]
    for m in ctx.mentions:
        if m.start >= base and m.start < vs and m.kind in ("person", "org") and m.start - base <= SUBJECT_REACH:
            return from_mention(m)
        if m.kind == "country" and m.start in (base, ustart) and _COUNTRY_SUBJECT.match(ctx.text, m.end, vs) \
                and not _COUNTRY_LIST.match(ctx.text, m.end, vs):
            return from_mention(m)  # "Malaysia, which brought the case, welcomed ... and called on ..."
        if m.start >= vs:
            break
    nm = _SUBJECT_NAME.match(ctx.text[base:vs])
    if nm is None:  # "the Chamber of Mines of the Philippines welcomed the deal but called on ..."
        org = _ORG_SUBJECT.match(ctx.text, base, vs)
        if org and ctx.rules.org_head.search(fold(org.group(1)).split(" of ")[0]):
            return Speaker(org.group(1), kind="org")
        body = ctx.rules.body_subject.match(ctx.text, base, vs)
        if body:
            # "The presidential office held to this stance, saying ...": the body named in lower case
            return resolve_phrase(ctx, body.group(1), base + body.start(1))
    return person_from_name(ctx, nm.group(1), base + nm.start(1)) if nm else None
