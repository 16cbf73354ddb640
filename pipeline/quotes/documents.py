"""Documents and groups as speakers: "the statement said" speaks for whoever issued it, a joint
statement for every party named with it, "both sides" for every party of the meeting just told."""
from __future__ import annotations

import re

from pipeline.quotes.context import Context, Speaker
from pipeline.quotes.names import from_mention, mention_within, person_from_name, title_case
from pipeline.quotes.references import REFERENCE_SENTENCES, resolve_phrase, sentence_subject

# "the statement said" refers to a statement introduced at most this many sentences before
DOCUMENT_SENTENCES = 6
# "A and B said in a joint statement": the word "joint" follows the verb this closely
JOINT_REACH = 30

_JOINT = re.compile(r"\bjoint\b")
_WORDS_BEFORE = re.compile(r"(?:^|\s)(in|with|by|via|through|from|under)\s*$", re.I)
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
    """Who issued a document "issued by X's office" / "from the ministry": X, or the organisation;
    of "the Ministry of Commerce and the General Administration of Customs", the first named."""
    owner = re.split(r",?\s+and\s+the\s+", owner, maxsplit=1)[0]
    end = start + len(owner)
    office = _OWNER_OFFICE.match(owner)
    if office:
        end = start + office.end(1)
    found = mention_within(ctx, start, end)
    if found:
        return from_mention(found[-1])
    low = owner.lower()
    proper = re.sub(r"^the\s+", "", owner)
    if proper[:1].isupper() and all(w[:1].isupper() or w in ("of", "for", "and", "the", "on") for w in proper.split()) \
            and ctx.rules.org_head_word.search(low):  # "the Ministry of Energy and Mineral Resources"
        return Speaker(proper, kind="org")
    if ctx.rules.org_head.search(low) or ctx.rules.role_np.search(" " + low):
        return resolve_phrase(ctx, owner, start) if owner[:1].islower() else Speaker(title_case(owner), kind="org")
    return None


def issuer_told_next(ctx: Context, pos: int, noun: str) -> Speaker | None:
    """"..., according to an announcement. The announcement, issued by the Ministry of Commerce, ...":
    an indefinite document whose issuer the next sentence names."""
    here = ctx.sent_index(pos)
    if here + 1 >= len(ctx.sentences.spans):
        return None
    s, e = ctx.sentences.spans[here + 1]
    m = re.match(r"\s*(?:the|this)\s+%s\b" % re.escape(noun), ctx.text[s:e].lower())
    issuer = ctx.rules.issued_by.match(ctx.text, s + m.end()) if m else None
    return _owner(ctx, issuer.group(1), issuer.start(1)) if issuer else None


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
        issuer = ctx.rules.issued_by.match(ctx.text, m.end())
        owner = _owner(ctx, issuer.group(1), issuer.start(1)) if issuer else None
        if owner is not None:  # "according to a notice published by the ministry": the ministry
            return owner
        if sidx in ctx.spoke_in:  # "In a statement, the ministry said ...": whoever spoke there
            return ctx.spoke_in[sidx]
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


def document_speaker(ctx: Context, lo: int, hi: int) -> tuple[Speaker | None, int] | None:
    """"…, the statement said", "a Ministry of Commerce release said", "a read-out issued by X's
    office said": the document speaks for whoever issued it."""
    rules = ctx.rules
    raw = ctx.text[lo:hi].rstrip()
    m = rules.document.search(raw) if rules.document_noun.search(raw) else None
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
        return resolve_phrase(ctx, "the " + head.group(0), start), start
    noun = rules.document_word.search(phrase.lower())
    return document_issuer(ctx, start, noun.group(0) if noun else words[-1].lower()), start


def meeting_parties(ctx: Context, pos: int, noun: str) -> Speaker | None:
    """"Both sides stressed that ...": the parties of the latest meeting told before `pos`; one held
    before one planned ("both sides agreed that officials would meet again": those who agreed met)."""
    held = [m for m in ctx.article.meetings if m.status != "planned"]
    best, best_at = None, -1
    for meeting in held or ctx.article.meetings:
        for ev in meeting.evidence:
            at = ctx.text.find(ev)
            if 0 <= at < pos and at > best_at:
                best, best_at = meeting, at
    if best is None:
        return None
    names = best.countries if noun in ctx.rules.collective_countries else best.participants
    return Speaker("; ".join(names), kind="org") if len(names) >= 2 else None


# "both officials", "the three leaders": how many parties the determiner counts
_COUNTED = {"both": 2, "two": 2, "three": 3}


def named_parties(ctx: Context, pos: int, determiner: str, noun: str) -> Speaker | None:
    """"Park and Reyes met ..., with both officials saying": the parties the sentence names before
    `pos`, people (countries for "both countries"), when there are as many as the determiner counts."""
    count = _COUNTED.get(determiner.split()[-1])
    if count is None:
        return None
    start = ctx.sentences.start(pos)
    kinds = [("country",)] if noun in ctx.rules.collective_countries else [("person",), ("country",)]
    for kind in kinds[:1] if noun not in ctx.rules.collective_sides else kinds:
        # a capital after "in" is where they were, not a party: capitals are left out
        names = list(dict.fromkeys(m.canonical or m.text for m in mention_within(ctx, start, pos, kind)
                                   if m.role != "capital"))
        if names:
            return Speaker("; ".join(names), kind="org") if len(names) == count else None
    return None


def joint_subject(ctx: Context, m_start: int, hi: int, spk: Speaker) -> Speaker:
    """"Freedonia and Japan said in a joint statement": every party speaks."""
    sent_start = ctx.sentences.start(m_start)
    # "... said in a joint statement", or "In a joint statement, Canada and Chile said"
    if not (_JOINT.search(ctx.text[hi:hi + JOINT_REACH].lower()) or _JOINT.search(ctx.text[sent_start:m_start].lower())):
        return spk
    return _parties(ctx, sent_start, hi) or spk


def collective_subject(ctx: Context, ustart: int, pos: int) -> Speaker | None:
    """"The two countries welcomed ... and underscored ...": a sentence whose subject is the parties."""
    m = ctx.rules.collective_lead.match(ctx.text.lower(), ustart, pos)
    return meeting_parties(ctx, m.start(), m.group(1)) if m else None
