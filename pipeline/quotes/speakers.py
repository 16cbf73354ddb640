"""Who is speaking: the speaker before a speech verb, after it ("said Park"), or referred to.

A speaker is a `Speaker` record (name, role, country, kind "person" or "org"). Names come from
the entities step's mentions where one ends at the right place; otherwise from role phrases
("the ministry", "the minister") resolved to earlier mentions or the previous quote's speaker,
and from capitalised names, a lone surname taking the full name written earlier.
"""
from __future__ import annotations

import re

from pipeline.entities.coreference import resolve_reference
from pipeline.quotes.context import Context, QuoteRules, Speaker
from pipeline.quotes.names import (ACRONYM, acronym_expansion, anonymous, anonymous_antecedent, from_mention,
                                   mention_within, ministry_of, person_from_name, title_case, voice_for)
from pipeline.text.datelines import parse_dateline
from pipeline.text.folding import fold

# a speaker with a long apposition ("X, who chairs ... committee,") still ends this close to its verb
SPEAKER_REACH = 240
# once an apposition is set aside a speaker is a few words: end-anchored searches stay short
SPEAKER_WORDS_REACH = 100
# "Ministry of Economic Affairs (MOEA) said": a bracketed short form sits right before the verb
PAREN_REACH = 45
# "The trade secretary, Jonathan Reynolds, told": the role words sit just before the name in commas
ROLE_BEFORE_NAME = 80
# "China's government" or "China government": the noun follows the country within a few characters
GOVERNMENT_REACH = 20
# a mention this close to its sentence's start is that sentence's subject
SUBJECT_OPENING = 40
# an opening phrase before a subject ("On Friday, ...") is short
INTRO_REACH = 60
# the subject of a sentence is among its first words, after any opening phrase
SUBJECT_REACH = 45
# the previous quote's speaker stays the antecedent of "he" or "the ministry" for this many sentences
REFERENCE_SENTENCES = 3
# "the statement said" refers to a statement introduced at most this many sentences before
DOCUMENT_SENTENCES = 6
# "A and B said in a joint statement": the word "joint" follows the verb this closely
JOINT_REACH = 30


def _strip_tail_words(rules: QuoteRules, text: str, start: int, end: int) -> int:
    """Move `end` left over adverbs and time words ("also", "on Tuesday", "in a statement")."""
    seg = text[start:end].rstrip()
    while True:
        i = len(seg)
        while i and (seg[i - 1].isalnum() or seg[i - 1] in "_'’-"):
            i -= 1
        if i == len(seg) or seg[i:].lower() not in rules.adverbs:
            return start + len(seg)
        seg = seg[:i].rstrip()


def _apposition(text: str, start: int, end: int) -> tuple[int, str]:
    """", China's commerce minister," before a verb: the end of the name before it, and the role."""
    seg = text[start:end].rstrip()
    if not seg.endswith(","):
        return end, ""
    inner_end = start + len(seg) - 1
    comma = text.rfind(",", start, inner_end)
    if comma < 0:
        return end, ""
    appo = text[comma + 1:inner_end].strip()
    words = appo.split()
    if not words or len(words) > 14 or not (words[0][0].islower() or re.match(r"\w+['’]s$", words[0])):
        return end, ""
    return comma, appo


# a name, perhaps with its affiliation ("Yuki Tanaka of Nomura"), between commas
_APPO_NAME = re.compile(r",\s+((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)(?:\s+(?:of|at|from)\s+[A-Z][\w&.'’ -]{1,40})?,$")


def _named_apposition(ctx: Context, lo: int, end: int) -> tuple[Speaker, int] | None:
    """"The trade secretary, Jonathan Reynolds, told": the name in commas after a role is the speaker."""
    seg = ctx.text[lo:end].rstrip()
    m = _APPO_NAME.search(seg)
    if m is None or not ctx.rules.role_word.search(seg[:m.start()].lower()[-ROLE_BEFORE_NAME:]):
        return None
    start = lo + m.start(1)
    found = ctx.mention_ending_at(lo + m.end(1))
    if found is not None and found.kind == "person":
        return from_mention(found), found.start
    if found is not None or ctx.rules.org_head.search(m.group(1).lower()):
        return None
    return person_from_name(ctx, m.group(1), start), start


def _resolve_reference(ctx: Context, phrase: str, pos: int) -> Speaker | None:
    """Who "he", "the minister" or "the ministry" at `pos` is."""
    rules = ctx.rules
    sidx = ctx.sent_index(pos)
    low = phrase.lower()
    person_like = low in ("he", "she") or bool(rules.role_end.search(low))
    last = ctx.last_speaker
    # the speaker of the previous quote is the usual antecedent, unless someone else took the floor
    either = bool(rules.org_voice.search(low))  # an organisation speaks through its spokesperson
    head = rules.org_head.search(low)
    fits = last is not None and (either or (last.is_person if person_like else
                                            last.is_org and (low == "it" or head is not None
                                                                   and head.group(0) in fold(last.name))))
    if fits and sidx - ctx.last_speaker_sent <= REFERENCE_SENTENCES:
        if not _new_subject_since(ctx, ctx.sentences.starts[ctx.last_speaker_sent], pos, last.name):
            return last
    m = resolve_reference(ctx.article, sidx, phrase, lexicon=ctx.lexicon)
    if m is not None and m.start < pos:
        return from_mention(m)
    if person_like:
        people = ctx.mentions_before(pos, ("person",))
        return from_mention(people[0]) if people else None
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
        return next((o for o in reversed(ctx.org_speakers) if head.group(0) in fold(o.name)), None)
    return None


def _new_subject_since(ctx: Context, start: int, pos: int, speaker: str) -> bool:
    """A different person opening a sentence between the last quote and `pos`."""
    here = ctx.sent_index(pos)
    for m in ctx.mentions_before(pos, ("person",)):
        if m.start < start:
            break
        if m.start - ctx.sentences.start(m.start) <= SUBJECT_OPENING and (m.canonical or m.text) != speaker \
                and m.sentence != here:
            return True
    return False


_PAREN_TAIL = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")
_COORD = re.compile(r"(?:^|[\s,])(?:and|but)$")
_LAST_WORD = re.compile(r"(?:^|[\s,“”\"(])([A-Za-z]+)$")
_GOVERNMENT = re.compile(r"([A-Z][a-z]+)['’]s\s+government$")
# "Isabel Jarrett of the Pew Charitable Trusts", "Jo Bloggs at the German Economic Institute (IW) in Cologne"
_AFFILIATED = re.compile(r"(?:^|[\s,(])((?:[A-Z][\w'’.-]+\s+){1,2}[A-Z][\w'’-]+)\s+(?:of|at|from)\s+(?:the\s+)?"
                         r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|\([A-Za-z]+\)|of|for|and|in|on|the))*$")
_NAME_TAIL = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the)\s+)?){0,4}[A-Z][\w'’-]+)$")


def _org_named(ctx: Context, modifier: str, pos: int) -> Speaker | None:
    """The organisation a "<modifier> spokesperson" speaks for: an earlier mention holding its words."""
    words = [w for w in fold(modifier).split() if w not in ctx.rules.not_org_words]
    if not words:
        return None
    for m in ctx.mentions_before(pos, ("org",)):
        have = fold(f"{m.text} {m.canonical}").split()
        if all(w in have for w in words):
            return from_mention(m)
    if ctx.rules.org_head.search(words[-1]):
        return Speaker(title_case(modifier), kind="org")
    return None


def _affiliated_person(ctx: Context, seg: str, lo: int) -> tuple[Speaker, int, str] | None:
    """A name followed by its affiliation before the verb: the person speaks, not the institution."""
    m = _AFFILIATED.search(seg)
    if m is None:
        return None
    rules = ctx.rules
    name = m.group(1)
    words = name.split()
    if words[0] in rules.honorifics or words[0] in rules.not_names or rules.role_word.search(name.lower()) \
            or rules.org_head.search(name.lower()):
        return None
    start, end = lo + m.start(1), lo + m.end(1)
    found = ctx.mention_ending_at(end)
    if found is not None:
        return (from_mention(found), found.start, "mention") if found.kind == "person" else None
    return person_from_name(ctx, name, start), start, "name"

_JOINT = re.compile(r"\bjoint\b")
_WORDS_BEFORE = re.compile(r"(?:^|\s)(in|with|by|via|through|from|under)\s*$", re.I)
_PERSON_OFFICE = re.compile(r"(?:^|\s)([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+(?:office|spokesperson|spokesman|spokeswoman)$")
_OWNER_OFFICE = re.compile(r"^(?:the\s+)?(.+?)['’]s\s+(?:office|team|campaign|cabinet)$")


def _parties(ctx: Context, start: int, end: int) -> Speaker | None:
    """Every person, country or organisation named in text[start:end]: a joint statement's parties."""
    names: list[str] = []
    for m in mention_within(ctx, start, end):
        name = m.canonical or m.text
        if name not in names:
            names.append(name)
    return Speaker("; ".join(names), kind="org") if len(names) >= 2 else None


def _joint_parties(ctx: Context, pos: int) -> Speaker | None:
    """"The joint statement said": the parties named before "joint" where the statement was introduced."""
    low = ctx.text[:pos].lower()
    here = ctx.sent_index(pos)
    for m in reversed(list(_JOINT.finditer(low))):
        sidx = ctx.sent_index(m.start())
        if here - sidx > DOCUMENT_SENTENCES:
            return None
        spk = _parties(ctx, ctx.sentences.starts[sidx], m.start())
        if spk is not None:
            return spk
    return None


def _owner(ctx: Context, owner: str, start: int) -> Speaker | None:
    """Who issued a document "issued by X's office" / "from the ministry": X, or the organisation."""
    end = start + len(owner)
    office = _OWNER_OFFICE.match(owner)
    if office:
        end = start + office.end(1)
    found = mention_within(ctx, start, end)
    if found:
        return from_mention(found[-1])
    low = owner.lower()
    if ctx.rules.org_head.search(low) or ctx.rules.role_np.search(" " + low):
        return _resolve_reference(ctx, owner, start) if owner[:1].islower() else Speaker(title_case(owner), kind="org")
    return None


def document_issuer(ctx: Context, pos: int, noun: str) -> Speaker | None:
    """Who issued "the statement": whoever spoke, or else the subject, in the sentence that introduced
    it ("a statement", "an online statement"); else the last speaker; else the organisation named
    in the sentences just before."""
    here = ctx.sent_index(pos)
    intro = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?%s\b" % re.escape(noun))
    for m in reversed(list(intro.finditer(ctx.text.lower(), 0, pos))):
        sidx = ctx.sent_index(m.start())
        if sidx == here:
            continue
        if here - sidx > DOCUMENT_SENTENCES:
            break
        if ctx.last_speaker is not None and ctx.last_speaker_sent == sidx:
            return ctx.last_speaker
        spk = sentence_subject(ctx, ctx.sentences.starts[sidx], m.start())
        if spk is not None:
            return spk
        break
    last = ctx.last_speaker
    if last is not None and here - ctx.last_speaker_sent <= REFERENCE_SENTENCES:
        return last
    # "The ministry published new rules. ..., the statement noted": the organisation named just before
    named = [m for m in ctx.mentions_before(pos, ("org",)) if here - m.sentence <= DOCUMENT_SENTENCES]
    return from_mention(named[0]) if named else None


def _document(ctx: Context, lo: int, hi: int) -> tuple[Speaker | None, int] | None:
    """"…, the statement said", "a Ministry of Commerce release said", "a read-out issued by X's
    office said": the document speaks for whoever issued it."""
    rules = ctx.rules
    raw = ctx.text[lo:hi].rstrip()
    m = rules.document.search(raw)
    if m is None or _WORDS_BEFORE.search(raw[:m.start(1)]):
        return None
    start = lo + m.start(1)
    phrase = m.group(1)
    if m.group(2):
        return _owner(ctx, m.group(2), lo + m.start(2)), start
    if _JOINT.search(phrase.lower()):
        return _joint_parties(ctx, start + phrase.lower().index("joint")), start
    words = phrase.split()
    inner = mention_within(ctx, start, start + len(phrase) - len(words[-1]))
    if inner:
        return from_mention(inner[-1]), start
    body = " ".join(words[1:-1])
    if words[0][:1].isupper() and re.search(r"['’]s$", words[0]):
        body = words[0][:-2]
    if body and body[:1].isupper():
        named = re.sub(r"\s*\b(?:%s)$" % "|".join(map(re.escape, ("press", "joint"))), "", body)
        if rules.org_head.search(named.lower()):
            return Speaker(title_case(named), kind="org"), start
        return person_from_name(ctx, named, start), start
    head = rules.org_head.search(body.lower()) if body else None
    if head is not None:
        return _resolve_reference(ctx, "the " + head.group(0), start), start
    noun = rules.document_word.search(phrase.lower())
    return document_issuer(ctx, start, noun.group(0) if noun else words[-1].lower()), start


def _meeting_parties(ctx: Context, pos: int, noun: str) -> Speaker | None:
    """"Both sides stressed that ...": the parties of the latest meeting told before `pos`."""
    best, best_at = None, -1
    for meeting in ctx.article.meetings:
        for ev in meeting.evidence:
            at = ctx.text.find(ev)
            if 0 <= at < pos and at > best_at:
                best, best_at = meeting, at
    if best is None:
        return None
    names = best.countries if noun in ctx.rules.collective_countries else best.participants
    return Speaker("; ".join(names), kind="org") if len(names) >= 2 else None


def _joint_subject(ctx: Context, m_start: int, hi: int, spk: Speaker) -> Speaker:
    """"Freedonia and Japan said in a joint statement": both parties speak."""
    if not _JOINT.search(ctx.text[hi:hi + JOINT_REACH].lower()):
        return spk
    sent_start = ctx.sentences.start(m_start)
    return _parties(ctx, sent_start, hi) or spk


_TITLE_TOKEN = re.compile(r"[A-Z][\w.&'’-]*|\([A-Z][\w.&-]{1,8}\)|of|for|and|on|the|de|[\w.-]+['’]s")
_TITLE_LEAD = frozenset(("of", "for", "and", "on", "the", "de"))


def _title_start(ctx: Context, lo: int, start: int) -> int:
    """Where the titles before a name begin: "…, Freedonian Ministry of Commerce (FMC) spokesperson
    He Yongli said" starts at "Freedonian", so only the titles sit between the comma and the verb."""
    rules = ctx.rules
    tokens = ctx.text[lo:start].split(" ")
    if not tokens or tokens[-1] != "":
        return start
    tokens.pop()
    i = len(tokens)
    while i and tokens[i - 1] and not tokens[i - 1].endswith((",", ";", ":")) and (
            _TITLE_TOKEN.fullmatch(tokens[i - 1]) or rules.role_word.fullmatch(tokens[i - 1].lower())
            or rules.org_head.fullmatch(tokens[i - 1].lower()) or tokens[i - 1].lower() in rules.rank_words):
        i -= 1
    while i < len(tokens) and tokens[i].lower() in _TITLE_LEAD:
        i += 1
    if i == len(tokens) or not (i == 0 or tokens[i - 1].endswith((",", ";", ":"))):
        return start
    return start - len(" ".join(tokens[i:])) - 1


def speaker_before(ctx: Context, lo: int, hi: int) -> tuple[Speaker | None, int, str]:
    """The speaker ending just before a verb at `hi`: (speaker, where it starts, how it was found)."""
    text, rules = ctx.text, ctx.rules
    lo = max(lo, hi - SPEAKER_REACH)
    doc = _document(ctx, max(lo, hi - SPEAKER_WORDS_REACH), hi)
    if doc is not None:
        return doc[0], doc[1], ("np" if doc[0] is not None else "reject")
    end = _strip_tail_words(rules, text, lo, hi)
    paren = _PAREN_TAIL.search(text, max(lo, end - PAREN_REACH), end)  # "Ministry of Economic Affairs (MOEA) said"
    end = paren.start() if paren else end
    named = _named_apposition(ctx, lo, end)
    if named is not None:
        return named[0], named[1], "mention"
    end, role = _apposition(text, lo, end)
    lo = max(lo, end - SPEAKER_WORDS_REACH)
    seg = text[lo:end].rstrip()
    end = lo + len(seg)
    low = seg.lower()
    if _COORD.search(low):
        return None, end, "coord"
    vf = voice_for(ctx, seg, lo)
    if vf is not None:
        return vf[0], vf[1], "np"
    office = _PERSON_OFFICE.search(seg)
    if office:  # "Park's office said": the office speaks for the person
        found = ctx.mention_ending_at(lo + office.end(1))
        if found is not None and found.kind == "person":
            return from_mention(found), found.start, "mention"
    tail = rules.role_tail.search(seg)
    core_end = end - len(tail.group(0)) if tail else end
    m = ctx.mention_ending_at(core_end)
    if m is not None and m.kind in ("person", "org", "country"):
        if m.kind == "country" and tail is None and re.search(r"['’]s$", text[m.end:end + 2]):
            pass
        elif tail is not None and m.kind == "person":
            return None, end, ""
        else:
            spk = _joint_subject(ctx, m.start, hi, from_mention(m, role))
            if tail is not None and m.kind == "org" and tail.group(0).strip().lower() in rules.clauses.described_tails:
                # "a WTO official said": an unnamed official or source keeps its description
                spk = Speaker(f"{m.text} {tail.group(0).strip()}", spk.role, spk.country, "org")
            if m.kind == "country" and re.match(r"\s*(?:['’]s\s+)?government", text[m.end:m.end + GOVERNMENT_REACH]):
                spk = Speaker(f"{m.text}'s government", "", m.canonical, "org")
            return spk, (_title_start(ctx, lo, m.start) if m.kind == "person" else m.start), "mention"
    spokes = rules.spokes_for.search(seg)
    if spokes:
        org = _org_named(ctx, spokes.group(1), lo + spokes.start(1))
        if org is not None:
            return org, lo + spokes.start(), "np"
    affiliated = _affiliated_person(ctx, seg, lo)
    if affiliated is not None:
        return affiliated
    word = _LAST_WORD.search(seg)
    if word:
        w = word.group(1).lower()
        if w in rules.reject_speakers:
            return None, end, "reject"
        if w in rules.pronouns and (w != "he" or word.group(1) == "he" or not ctx.mention_ending_at(end)):
            spk = _resolve_reference(ctx, w, lo + word.start(1))
            return spk, lo + word.start(1), "pronoun"
    both = rules.collective.search(low)
    if both:
        return _meeting_parties(ctx, lo + both.start(1), both.group(2)), lo + both.start(1), "np"
    anon = anonymous(ctx, seg, lo)
    if anon is not None:
        return anon[0], anon[1], ("np" if anon[0] is not None else "reject")
    gov = _GOVERNMENT.search(seg)
    if gov:
        return Speaker(gov.group(0), "", gov.group(1), "org"), lo + gov.start(), "np"
    rm = rules.role_np.search(low)
    if rm:
        phrase = seg[rm.start(1):]
        proper = _NAME_TAIL.search(phrase)
        if proper and rules.org_head.search(phrase.lower()) and phrase.split()[-1][:1].isupper():
            return Speaker(title_case(proper.group(1)), kind="org"), lo + rm.start(1), "np"
        since = max(ctx.last_speaker_sent + 1, ctx.sent_index(lo + rm.start(1)) - REFERENCE_SENTENCES)
        spk = anonymous_antecedent(ctx, phrase, lo + rm.start(1), since) or _resolve_reference(ctx, phrase, lo + rm.start(1))
        return spk, lo + rm.start(1), "role"
    nm = _NAME_TAIL.search(seg)
    if nm:
        words = nm.group(1).split()
        while words and words[0] in rules.not_names:
            words = words[1:]
        if words and not (len(words) == 1 and len(words[0]) < 3):
            raw = " ".join(words)
            start = end - len(raw)
            if rules.org_head.search(raw.lower()):
                return Speaker(raw, kind="org"), start, "np"
            if ACRONYM.fullmatch(raw):
                return Speaker(acronym_expansion(ctx.text, raw, start) or raw, kind="org"), start, "np"
            return person_from_name(ctx, raw, start), _title_start(ctx, lo, start), "name"
    return None, end, ""


def speaker_after(ctx: Context, ve: int, uend: int) -> Speaker | None:
    """", said Sefcovic." / ", said the ministry.": the speaker follows the verb."""
    rest = ctx.text[ve:uend]
    m = ctx.rules.after_verb_speaker.match(rest)
    if not m:
        return None
    end = ve + m.end(1)
    spk, _, how = speaker_before(ctx, ve, end)
    return spk if how in ("mention", "name", "role", "np") else None


_SUBJECT_INTRO = re.compile(r"[^,]{0,%d},\s+" % INTRO_REACH)
_SUBJECT_NAME = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|for)\s+){0,5}?([A-Z][a-z]+\s+[A-Z][\w'’-]+)"
                           r"\s+(?:has|had|also|[a-z]+ed)\b")
_ORG_SUBJECT = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|on|the)\s+)*){0,6}[A-Z][\w.&'’-]*)"
                          r"\s+(?:has|had|also|[a-z]+ed)\b")


def sentence_subject(ctx: Context, ustart: int, vs: int) -> Speaker | None:
    """The sentence subject: the first person or organisation, after at most an opening phrase."""
    line = parse_dateline(ctx.text, ctx.lexicon, ustart, vs)
    ustart = line.end if line else ustart
    sent = ctx.text[ustart:vs]
    intro = _SUBJECT_INTRO.match(sent)
    base = ustart + (intro.end() if intro and not re.search(r"[A-Z]\w+\s+[A-Z]", intro.group(0)) else 0)
    voice = ctx.rules.voice_lead.match(ctx.text, base, vs)
    if voice:  # "A spokesperson at Nikora declined to comment, saying ...": the company speaks
        found = voice_for(ctx, ctx.text[base:voice.end()], base)
        if found is not None:
            return found[0]
    for m in ctx.mentions:
        if m.start >= base and m.start < vs and m.kind in ("person", "org") and m.start - base <= SUBJECT_REACH:
            return from_mention(m)
        if m.start >= vs:
            break
    nm = _SUBJECT_NAME.match(ctx.text[base:vs])
    if nm is None:  # "the Chamber of Mines of the Philippines welcomed the deal but called on ..."
        org = _ORG_SUBJECT.match(ctx.text, base, vs)
        if org and ctx.rules.org_head.search(fold(org.group(1)).split(" of ")[0]):
            return Speaker(org.group(1), kind="org")
    return person_from_name(ctx, nm.group(1), base + nm.start(1)) if nm else None
