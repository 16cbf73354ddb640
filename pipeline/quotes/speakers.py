"""Who is speaking: the speaker before a speech verb, after it ("said Park"), or referred to.

A speaker is a `Speaker` record (name, role, country, kind "person" or "org"). Names come from
the entities step's mentions where one ends at the right place; otherwise from role phrases
("the ministry", "the minister") resolved to earlier mentions or the previous quote's speaker,
and from capitalised names, a lone surname taking the full name written earlier.
"""
from __future__ import annotations

import re

from pipeline.quotes.context import Context, QuoteRules, Speaker
from pipeline.quotes.documents import document_speaker, joint_subject, meeting_parties, named_parties
from pipeline.quotes.names import (ACRONYM, acronym_expansion, anonymous, anonymous_antecedent, from_mention,
                                   person_from_name, title_case, voice_for)
from pipeline.quotes.references import REFERENCE_SENTENCES, resolve_phrase
from pipeline.text.folding import fold

# a speaker with a long apposition ("X, who chairs ... committee,") still ends this close to its verb
SPEAKER_REACH = 240
# once an apposition is set aside a speaker is a few words: end-anchored searches stay short
SPEAKER_WORDS_REACH = 100
# "The announcement, issued by the Ministry of Commerce and the General Administration of Customs, noted"
DOCUMENT_REACH = 160
# "Ministry of Economic Affairs (MOEA) said": a bracketed short form sits right before the verb
PAREN_REACH = 45
# "The trade secretary, Jonathan Reynolds, told": the role words sit just before the name in commas
ROLE_BEFORE_NAME = 80
# "China's government" or "China government": the noun follows the country within a few characters
GOVERNMENT_REACH = 20


# a word's characters, matched on the reversed text: the last word of a segment without a scan
_WORD_RUN = re.compile(r"[\w'’-]*")


def _strip_tail_words(rules: QuoteRules, text: str, start: int, end: int) -> int:
    """Move `end` left over adverbs and time words ("also", "on Tuesday", "in a statement")."""
    seg = text[start:end].rstrip()
    while True:
        i = len(seg) - _WORD_RUN.match(seg[::-1]).end()
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
    """"The trade secretary, Jonathan Reynolds, told": the name in commas after a role (or after a
    body: "Their association, Eurofer, urged") is the speaker."""
    seg = ctx.text[lo:end].rstrip()
    if not seg.endswith(","):   # both patterns close on the apposition's comma
        return None
    body = ctx.rules.org_apposition.search(seg)
    if body is not None:  # "Their association, Eurofer, urged": the body named in commas
        found = ctx.mention_ending_at(lo + body.end(1))
        if found is not None and found.kind == "person":
            return from_mention(found), found.start
        return Speaker(body.group(1), kind="org"), lo + body.start(1)
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


_PLACE_BEFORE = re.compile(r"\s(?:in|from|at)\s+$")
_PAREN_TAIL = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")
_COORD = re.compile(r"(?:^|[\s,])(?:and|but)$")
_COORD_ENDS = ("and", "but")
_LETTER_RUN = re.compile(r"[A-Za-z]*")
_BEFORE_LAST_WORD = ",“”\"("
_GOVERNMENT = re.compile(r"([A-Z][a-z]+)['’]s\s+government$")
# "Isabel Jarrett of the Pew Charitable Trusts", "Jo Bloggs at the German Economic Institute (IW) in Cologne"
_AFFILIATED = re.compile(r"(?:^|[\s,(])((?:[A-Z][\w'’.-]+\s+){1,2}[A-Z][\w'’-]+)\s+(?:of|at|from)\s+(?:the\s+)?"
                         r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|\([A-Za-z]+\)|of|for|and|in|on|the))*$")
_NAME_TAIL = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the)\s+)?){0,4}[A-Z][\w'’-]+)$")


def _last_word(seg: str) -> tuple[int, str] | None:
    """Where the last word of `seg` starts and the word, when it is plain letters after a space,
    a comma, a quotation mark, a bracket or nothing: one match on the reversed text, no scan."""
    start = len(seg) - _LETTER_RUN.match(seg[::-1]).end()
    if start == len(seg) or (start and not seg[start - 1].isspace() and seg[start - 1] not in _BEFORE_LAST_WORD):
        return None
    return start, seg[start:]


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
    # a name of two words, "of", and the body: four words at least before the scan is worth running
    m = _AFFILIATED.search(seg) if len(seg.split(None, 3)) > 3 else None
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

_OFFICE_ENDS = ("office", "spokesperson", "spokesman", "spokeswoman")
_PERSON_OFFICE = re.compile(r"(?:^|\s)([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+(?:%s)$" % "|".join(_OFFICE_ENDS))

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


# "Tea Board of ", "Chamber of Mines and Energy of ": a body's name before the country that ends it
_ORG_OF = re.compile(r"(?!The\s)((?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and)\s+)?){1,6})of\s+(?:the\s+)?$")
ORG_OF_REACH = 80


def speaker_before(ctx: Context, lo: int, hi: int) -> tuple[Speaker | None, int, str]:
    """The speaker ending just before a verb at `hi`: (speaker, where it starts, how it was found)."""
    text, rules = ctx.text, ctx.rules
    lo = max(lo, hi - SPEAKER_REACH)
    doc = document_speaker(ctx, max(lo, hi - DOCUMENT_REACH), hi)
    if doc is not None:
        return doc[0], doc[1], ("np" if doc[0] is not None else "reject")
    end = _strip_tail_words(rules, text, lo, hi)
    # "Ministry of Economic Affairs (MOEA) said"; end-anchored scans below run only on the ending they need
    near = max(lo, end - PAREN_REACH)
    paren = _PAREN_TAIL.search(text, near, end) if text[near:end].rstrip().endswith(")") else None
    end = paren.start() if paren else end
    named = _named_apposition(ctx, lo, end)
    if named is not None:
        return named[0], named[1], "mention"
    end, role = _apposition(text, lo, end)
    if role.startswith("who ") and text[end:end + 1] == ",":
        # "X, chief executive of Y, who is visiting Peru, said": the relative clause set aside, X's apposition
        inner, inner_role = _apposition(text, lo, end + 1)
        found = ctx.mention_ending_at(inner) if inner_role else None
        if found is not None and found.kind == "person":
            return from_mention(found, inner_role), found.start, "mention"
    lo = max(lo, end - SPEAKER_WORDS_REACH)
    seg = text[lo:end].rstrip()
    end = lo + len(seg)
    low = seg.lower()
    if low.endswith(_COORD_ENDS) and _COORD.search(low):
        return None, end, "coord"
    vf = voice_for(ctx, seg, lo)
    if vf is not None:
        return vf[0], vf[1], "np"
    office = _PERSON_OFFICE.search(seg) if seg.endswith(_OFFICE_ENDS) else None
    if office:  # "Park's office said": the office speaks for the person
        found = ctx.mention_ending_at(lo + office.end(1))
        if found is not None and found.kind == "person":
            return from_mention(found), found.start, "mention"
    tail = rules.role_tail.search(seg) if seg.endswith(rules.role_tail_ends) else None
    core_end = end - len(tail.group(0)) if tail else end
    m = ctx.mention_ending_at(core_end)
    if m is not None and m.kind == "country" and _PLACE_BEFORE.search(text, lo, m.start):
        anon = anonymous(ctx, seg[:len(seg) - (end - core_end)], lo)
        if anon is not None and anon[0] is not None:  # "rice traders in Bangkok said": the traders, not the place
            return anon[0], anon[1], "np"
    owner = _ORG_OF.search(text, max(lo, m.start - ORG_OF_REACH), m.start) if m is not None and m.kind == "country" else None
    if owner and rules.org_head.search(fold(owner.group(1)).split(" of ")[0].strip()):
        # "The Tea Board of Kenya warned": the body, whose country closes its name, speaks
        return Speaker(text[owner.start(1):m.end], "", m.canonical, "org"), owner.start(1), "np"
    if m is not None and m.kind in ("person", "org", "country"):
        if m.kind == "country" and tail is None and re.search(r"['’]s$", text[m.end:end + 2]):
            pass
        elif tail is not None and m.kind == "person":
            return None, end, ""
        else:
            spk = joint_subject(ctx, m.start, hi, from_mention(m, role))
            if tail is not None and m.kind == "org" and tail.group(0).strip().lower() in rules.clauses.described_tails:
                # "a WTO official said": an unnamed official or source keeps its description
                spk = Speaker(f"{m.text} {tail.group(0).strip()}", spk.role, spk.country, "org")
            if m.kind == "country" and re.match(r"\s*(?:['’]s\s+)?government", text[m.end:m.end + GOVERNMENT_REACH]):
                spk = Speaker(f"{m.text}'s government", "", m.canonical, "org")
            return spk, (_title_start(ctx, lo, m.start) if m.kind == "person" else m.start), "mention"
    spokes = rules.spokes_for.search(seg) if seg.endswith(rules.spokes_ends) else None
    if spokes:
        org = _org_named(ctx, spokes.group(1), lo + spokes.start(1))
        if org is not None:
            return org, lo + spokes.start(), "np"
    affiliated = _affiliated_person(ctx, seg, lo)
    if affiliated is not None:
        return affiliated
    word = _last_word(seg)
    if word:
        w = word[1].lower()
        if w in rules.reject_speakers:
            return None, end, "reject"
        if w in rules.pronouns and (w != "he" or word[1] == "he" or not ctx.mention_ending_at(end)):
            spk = resolve_phrase(ctx, w, lo + word[0])
            return spk, lo + word[0], "pronoun"
    both = rules.collective.search(low) if low.endswith(rules.collective_ends) else None
    # "both officials" are the meeting's parties; "the officials" refers back to officials already quoted
    if both and not (both.group(2) in rules.anonymous_nouns and both.group(1).split()[0] in ("the", "all")
                     and len(both.group(1).split()) == 2):
        pos = lo + both.start(1)
        anon = anonymous(ctx, seg, lo)
        # "steelmakers' associations in both countries": the groups speak ("officials of both countries" do not)
        if anon is not None and anon[1] < pos and rules.clauses.described_tails.isdisjoint(fold(seg[anon[1] - lo:pos - lo]).split()):
            return anon[0], anon[1], ("np" if anon[0] is not None else "reject")
        named = named_parties(ctx, pos, both.group(1)[:-len(both.group(2))].strip(), both.group(2))
        return named or meeting_parties(ctx, pos, both.group(2)), pos, "np"
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
        spk = anonymous_antecedent(ctx, phrase, lo + rm.start(1), since) or resolve_phrase(ctx, phrase, lo + rm.start(1))
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

