"""Speech verbs and what they attribute: one `Attribution` per verb that reports speech.

A verb is read on its own first ("X said that ...", "..., X said.", "X urged Y to ...",
"according to X"), then the verbs of one unit (a sentence, or the sentences a quotation
spans) are reconciled: backward attributions claim the text before them, continuations
(", adding that", "and warned that") inherit the speaker before them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipeline.quotes.context import Context, Speaker
from pipeline.quotes.documents import collective_subject, document_issuer, issuer_told_next
from pipeline.quotes.references import sentence_subject
from pipeline.quotes.speakers import speaker_after, speaker_before
from pipeline.text.folding import fold

_OPEN_MARKS = "\"“‘'„"
# what a verb governs ("told reporters at a news conference in Geneva that ...") fits in this many characters
VERB_REACH = 200
# "..., Freedonia's Ministry of Commerce spokesperson Tom Reyes said": the words between the comma
# closing the reported clause and the speaker's name (bracketed short forms not counted)
SPEAKER_LEAD_WORDS = 6
_PARENS = re.compile(r"\([^()]*\)")
# "said" and its "that" are at most this many tokens apart ("said on Tuesday after talks in Geneva that")
THAT_TOKENS = 18


@dataclass
class Attribution:
    """One attribution: who speaks, and where the words they said lie."""
    speaker: Speaker | None    # None when it must be inherited
    start: int                 # left edge of the attribution (speaker or verb), for cutting content
    end: int                   # right edge (after verb, object, "that")
    cstart: int
    cend: int
    kind: str                  # bare, that, urge, np (a noun phrase asked for), direct, according
    how: str = "fwd"           # fwd, bwd, cont (", adding that"), coord ("and warned that"), lead
    tail: int = -1             # where a clause resumes after a parenthetical attribution ("A, she said, while B")
    agreed: bool = False       # "both sides agreed that officials would meet": what was agreed, meetings included


def word_count(text: str) -> int:
    return len(text.split())


_TOKENS = re.compile(r"[\w'’-]+(?:\.[\w'’-]+)*|[,“”\"‘:;()#.]")


def _nth_end(rest: str, token: str, n: int) -> int:
    """End offset of the (n+1)-th occurrence of `token` as a whole token in `rest`."""
    pattern = r"\b%s\b" % token if token.isalpha() else re.escape(token)
    for k, m in enumerate(re.finditer(pattern, rest)):
        if k == n:
            return m.end()
    return len(rest)


# a noun phrase as the thing urged or demanded opens with a determiner ("urged the lifting of the ban");
# without one the word is the person urged ("urged Japan at the meeting")
_NOUN_PHRASE = re.compile(r"\s+(?:the|a|an|its|their|his|her|more|greater|further|closer|stronger|renewed)\s")
# the words of a noun phrase before its first preposition: "lifting" in "the lifting of the ban"
_NP_HEAD = re.compile(r"(?:(?!(?:of|to|for|on|in|at|with|during|by|from)\b)[\w'’-]+\s*){1,4}")
_URGE_OBJECT = re.compile(r"\s+(?:[\w'’.-]+\s+){1,7}?to\s+[“\"‘']?[a-z#]")
_OBJECT = re.compile(r"\s+((?:his|her|their|the|a)\s+)?([\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})")


def _after_verb(ctx: Context, low: str, ve: int, uend: int, kind: str, form: str) -> tuple[str, int]:
    """What follows a verb: 'that', 'quote', 'clause' (content starts at the returned offset),
    'trailing' (only circumstances: "on Tuesday", "after the call") or 'none'."""
    rules = ctx.rules
    rest = low[ve:min(uend, ve + VERB_REACH)]
    pos = ve + len(rest) - len(rest.lstrip(" ,:"))
    if ctx.text[pos:pos + 1] in _OPEN_MARKS and ctx.text[pos:pos + 1]:
        return "quote", pos
    toks = _TOKENS.findall(rest)
    first = toks[0] if toks else ""
    clauses = rules.clauses
    if kind == "ask":  # "called for dialogue": whatever follows is asked for, unless a circumstance
        return ("np", pos) if first.isalnum() and first not in rules.trailing else ("none", pos)
    if kind == "charge":  # "accused Japan of dumping steel": the charge after a short object
        m = clauses.charge_object.match(rest)
        return ("clause", ve + m.end()) if m else ("none", pos)
    if kind == "urge":
        if first == "not":
            return "none", pos  # "who asked not to be named": a request about oneself, not a report
        if _URGE_OBJECT.match(rest):
            return "clause", pos
        # "urged the lifting of the ban": what is asked for, as a noun phrase; "urged the minister
        # at the talks" names whom
        np = _NOUN_PHRASE.match(rest)
        head = _NP_HEAD.match(rest, np.end()).group(0).strip() if np else ""
        return ("np", pos) if head and not (rules.role_word.search(head) or rules.org_head.search(head)) \
            and ctx.text[ve + np.end()].islower() else ("none", pos)
    if kind == "that" and clauses.need.match(rest):
        return "np", pos  # "stressed the need to ...": urging
    if kind == "that" and clauses.infinitive.match(ctx.text, ve, uend):
        return "none", pos  # "pledged to lift the ban": a promise to act, not circumstances after speech
    # "said on Tuesday that", "told reporters that", "announced at a meeting with the press that"
    skippable = form in rules.object_verbs or first in rules.trailing or kind == "that"
    for i, tok in enumerate(toks[:THAT_TOKENS]):
        if i > 0 and tok in rules.participles and toks[i - 1] == ",":
            break  # "told reporters, adding that ...": the "that" is the participle's, read on its own
        if tok == "that" and (i == 0 or skippable):
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if i > 0 and (nxt in rules.relative_next or nxt.endswith("ed") or nxt in rules.time_nouns):
                break  # "after a call that lasted": a relative clause; "later that evening": a time
            return "that", ve + _nth_end(rest, "that", toks[:i].count("that"))
        # "told reporters in Geneva: “...”" opens the quotation; "told parliament the government would
        # defend producers “with every tool”" quotes inside a clause that has begun
        if tok in ("“", "\"", "‘", "'") and i > 0 and skippable and rules.auxiliaries.isdisjoint(toks[:i]):
            return "quote", ve + _nth_end(rest, tok, toks[:i].count(tok)) - 1
        if tok in (";", "#", ".") or (tok in (",", ":") and form not in rules.object_verbs
                                     and toks[i + 1:i + 2] not in (["“"], ["\""], ["‘"])):
            break
    if not toks or first in (".", "—") or not rest.strip(" .,;:!?”’\"'"):
        return "trailing", pos
    day = rules.day_lead.match(rest) if kind == "bare" and form not in rules.object_verbs else None
    if day and day.group(1) not in rules.trailing and day.group(1) not in rules.relative_next:
        return "clause", ve + day.start(1)  # "said Monday it has added ...": the day, then the clause
    if first in rules.trailing or (first == "," and len(toks) > 1
                                   and (toks[1] in rules.participles or " ".join(toks[1:3]) in rules.participles
                                        or toks[1] in rules.trailing or _CONJUNCTION_AFTER.match(rest))):
        return "trailing", pos  # ", but it ...": the words before the verb were said; the clause resumes
    if form in rules.object_verbs:
        # "told Li in Beijing." is circumstance; "telling Li he hoped ..." has a clause after the object
        obj = _OBJECT.match(ctx.text, ve, uend)
        owner = ctx.mention_ending_at(obj.end(2)) if obj else None
        if owner is not None and owner.kind == "country" and _LOWER_WORD.match(ctx.text, obj.end(2), uend):
            obj = _OBJECT.match(ctx.text, obj.end(2), uend)  # "told Dutch broadcaster NOS": the outlet is told
        if obj:
            after = obj.end()
            day = rules.day_lead.match(low, after, uend)
            if day and day.group(1) not in rules.trailing and day.group(1) not in rules.relative_next:
                after = day.start(1)  # "told reporters on Tuesday he would ...": the day, then the clause
            tail = low[after:uend].strip(" .")
            if not tail or tail.split()[0] in rules.trailing or _PARTICIPLE_AFTER_COMMA.match(tail) \
                    and _PARTICIPLE_AFTER_COMMA.match(tail).group(1) in rules.participles:
                return "trailing", pos  # "told reporters, adding that ...": the audience ends the attribution
            # a named listener: a known name, or a common noun and its name ("broadcaster KBS", "daily Nikkan")
            named = ctx.mention_ending_at(obj.end(2)) is not None or bool(_NOUN_AND_NAME.fullmatch(obj.group(2)))
            if kind == "bare" and (obj.group(2).lower() in rules.audiences or named) \
                    and tail.split()[0] not in ("and", "of"):
                return "clause", after + len(low[after:uend]) - len(low[after:uend].lstrip(" ,"))
        # ""...," he told a regular news conference in Beijing.": an audience, not a clause
        return ("trailing" if kind == "bare" else "none"), pos
    if form.startswith("add") and rules.added_to.match(low, ve, uend):
        return "none", pos  # "added 30 firms to its Entity List": adding things, not words
    if kind in ("bare", "direct"):
        return "clause", pos
    if form in rules.clauses.np_objects and first.isalnum() and first not in rules.trailing \
            and first not in rules.clauses.not_np_starts:
        return "np", pos  # "demanded the withdrawal of the duties", "requesting consultations"
    if kind == "that" and rules.clauses.bare_clause.match(low, ve, uend):
        return "clause", pos  # "confirmed the complaint had been lodged": a clause without "that"
    return "none", pos


_NOUN_AND_NAME = re.compile(r"[a-z][\w-]*(?:\s+[A-Z][\w'’.-]*)+")
_LOWER_WORD = re.compile(r"\s+[a-z]")
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*([a-z]+)\b")
_LAST_WORDS = re.compile(r"([a-z]+)\s+(?:[a-z]+ly\s+|also\s+|not\s+)?$")


_IMPERSONAL = re.compile(r"\bit\s+(?:(?:has|had)\s+)?$")


def _passive(ctx: Context, low: str, ustart: int, vs: int) -> bool:
    """"Park was told", "is expected to": a form of "be" right before a past form. The impersonal
    "It was stressed that" is not: it reports what the organisation that spoke last said."""
    start, passive = max(ustart, vs - 30), ctx.rules.clauses.passive
    window = low[start:vs]
    if not any(w in window for w in passive):   # a plain test first: the last word must be one of them
        return False
    m = _LAST_WORDS.search(low, start, vs)
    if m is None or m.group(1) not in passive:
        return False
    return not _IMPERSONAL.search(low, max(ustart, m.start(1) - 12), m.start(1))


# "A, she said, while B": the clause goes on after the attribution with a conjunction and a clause
# "..., analysts said, but both sides ...": a conjunction after the verb; what was said came before it
_CONJUNCTION_AFTER = re.compile(r",\s+(?:while|whereas|but|because|although|though|yet)\s+\w")
_PAREN_CONT = re.compile(r",\s+(?=(?:while|whereas|but|because|although|though|and|so)\s+(?:the|a|an|it|its|their|this|these|"
                         r"[a-z]+s|we|they|he|she)\s)")
# "quoted Park as saying", "quoted deputy minister Bayu Santoso as saying": a role in lower case may lead the name
_QUOTED_AS_SAYING = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+as\s+saying\b")
# "was quoted as saying", "has been quoted by state media as saying"
_WAS_QUOTED = re.compile(r"(?:\s+by\s+[^,.;]{2,60}?)?\s+as\s+saying\b")
_BE_BEFORE = re.compile(r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:also\s+)?$")
_SAYING_THAT = re.compile(r"(?:\s+that\b|\s*[:,])?\s*")
_AFTER_COMMA = re.compile(r",(?:\s+(?:and|also|while))*$")


def _candidates(ctx: Context, low: str, ustart: int, uend: int) -> list[Attribution]:
    """Every speech verb read on its own: backward ("..., X said"), forward ("X said that ...")."""
    text, rules = ctx.text, ctx.rules
    found: list[Attribution] = []
    lo = bisect.bisect_left(ctx.verb_starts, ustart)
    hi = bisect.bisect_left(ctx.verb_starts, uend)
    for vs, ve, form in ctx.verbs[lo:hi]:
        if ve > uend:
            break
        if text[vs].isupper() and low[ustart:vs].strip():
            continue  # "United States", "Says Who": a name, not a verb
        if form == "according to":
            a = _according(ctx, ustart, uend, vs, ve)
            if a:
                found.append(a)
            continue
        if form in rules.clauses.that_only and _after_verb(ctx, low, ve, uend, "that", form)[0] != "that":
            # "and Kang agreed." reports nothing, but ends what the speaker before said
            spk, sstart, how = speaker_before(ctx, ustart, vs)
            if spk is not None and how in ("mention", "name") and _WITH_SPEAKER.search(text, ustart, sstart):
                found.append(Attribution(spk, sstart, ve, ve, ve, "that", "fwd"))
            continue
        if form == "quoted":
            q = _QUOTED_AS_SAYING.match(text[ve:uend])
            left = text[ustart:vs].rstrip()
            edge = max(map(left.rfind, ",”\"’'"))
            left = left[:edge + 1]
            spk = speaker_before(ctx, ve, ve + q.end(1))[0] if q else None
            if spk and edge >= 0 and word_count(text[ustart + edge:vs]) <= 4 and word_count(left) >= 3:
                found.append(Attribution(spk, vs, ve + q.end(), ustart, ustart + len(left.rstrip(",")), "bare", "bwd"))
            elif spk:  # "A newspaper quoted Park as saying that ...": what follows is Park's
                cs = _SAYING_THAT.match(text, ve + q.end()).end()
                if word_count(text[cs:uend]) >= 3:
                    found.append(Attribution(spk, vs, cs, cs, uend, "bare", "fwd"))
            else:
                passive = _WAS_QUOTED.match(low, ve, uend)
                aux = _BE_BEFORE.search(low, ustart, vs)
                if passive and aux:  # "Park was quoted by a local paper as saying that ...": Park's
                    spk, sstart, how = speaker_before(ctx, ustart, aux.start())
                    cs = _SAYING_THAT.match(text, passive.end()).end()
                    if spk is not None and how != "reject" and word_count(text[cs:uend]) >= 3:
                        found.append(Attribution(spk, sstart, cs, cs, uend, "bare", "fwd"))
            continue
        if text[ve:uend].rstrip().endswith(":") and not any(m in text[ve:uend] for m in _OPEN_MARKS):
            continue  # "In a statement, Reyes said:" announces the next paragraph; nothing before it was said
        kind = rules.verb_kind[form]
        left_low = low[ustart:vs].rstrip()
        shape, cs = _after_verb(ctx, low, ve, uend, kind, form)
        if shape == "np" or (kind == "ask" and shape == "quote"):
            kind, shape = "np", "clause"  # the row is the noun phrase asked for, quoted or not
        elif shape != "none" and form in rules.clauses.past_forms and _passive(ctx, low, ustart, vs):
            continue  # "was told that", "is expected to": the subject is not the speaker
        if form in rules.participles and _AFTER_COMMA.search(left_low):
            if shape in ("that", "quote", "clause"):
                found.append(Attribution(None, ustart + len(left_low) - 1, cs, cs, uend, kind, "cont"))
            continue
        if form in rules.participles and not left_low:
            if shape == "that":
                found.append(Attribution(None, vs, cs, cs, uend, kind, "lead"))
            continue
        if shape == "none" and kind != "that":
            continue  # a "that" verb may still close the sentence: "..., wrote Park."
        spk, sstart, how = speaker_before(ctx, ustart, vs)
        who = _WHO.search(low, ustart, vs) if how == "reject" else None
        if who is not None:  # "comments from Park, who said ...": the one the relative clause is about
            spk, _, how = speaker_before(ctx, ustart, who.start())
            sstart = who.start()
            first = low.rfind(", who ", ustart, who.start())
            if first >= 0 and not (spk is not None and spk.is_person and how == "mention"):
                # "Ferrer, who runs a cooperative near Talca, who said": both relatives are about Ferrer
                spk, _, how = speaker_before(ctx, ustart, first)
            if spk is None or how not in ("mention", "name", "role", "np"):
                continue
        elif how == "reject":
            continue
        if spk is None:
            doc = rules.clauses.document_subject.search(low, ustart, vs)
            if doc is not None:  # "..., the statement noted": whoever issued it
                spk, sstart, how = _document_issuer(ctx, doc), doc.start(), "np"
        if spk is None and how == "" and shape in ("that", "clause") and rules.purpose.search(low, ustart, vs):
            # "telephoned the ambassador on Monday to warn him that ...": the subject's errand was speech
            spk, sstart, how = sentence_subject(ctx, ustart, vs), vs, "np"
        if how == "coord":
            if shape in ("that", "quote", "clause"):
                found.append(Attribution(None, sstart, cs, cs, uend, kind, "coord"))
            continue
        before = text[ustart:sstart].rstrip()
        # "..., a Ministry of Commerce spokesperson said": a few words may sit between comma and name
        edge = max(map(before.rfind, ",”\"’'—"))
        boundary = edge >= 0 and word_count(_PARENS.sub("", before[edge + 1:])) <= SPEAKER_LEAD_WORDS
        before = before[:edge + 1] if boundary else before
        if how == "" and kind in ("bare", "that") and boundary and word_count(before) >= 3:
            inv = speaker_after(ctx, ve, uend)  # "..., said Park.", "..., wrote Park."
            if inv is not None:
                found.append(Attribution(inv, vs, ve, ustart, ustart + len(before.rstrip(",")), kind, "bwd"))
                continue
        if shape == "none":
            continue
        if shape == "quote" and kind == "bare" and re.search(r"[”\"’'],?$", before) and word_count(before) >= 3:
            shape = "trailing"  # “A,” he said, “B.”: the attribution closes A; B joins it later
        if shape == "trailing" and kind in ("bare", "that"):
            if boundary and word_count(before) >= 3:
                if spk is None and how == "" and low[vs - 1:vs] in "”\"’":
                    spk = ctx.last_speaker  # ”said.: the speaker of the quote before
                elif spk is None and kind == "bare":
                    spk = speaker_after(ctx, ve, uend)
                    sstart = vs
                found.append(Attribution(spk, sstart, ve, ustart, ustart + len(before.rstrip(",")), kind, "bwd"))
                cont = _PAREN_CONT.match(low, ve, uend)
                if cont is not None and low[vs - 1:vs] not in "”\"’":
                    found[-1].tail = cont.end()  # "Exports will continue, she said, while ...": one clause
            continue
        if spk is not None and shape in ("that", "quote", "clause"):
            found.append(Attribution(spk, sstart, cs, cs, uend, kind, "fwd", agreed=form in rules.clauses.that_only))
    return found


def _document_issuer(ctx: Context, doc: re.Match) -> Speaker | None:
    """The issuer of the document a `document_subject` match names ("the statement")."""
    noun = ctx.rules.document_word.search(doc.group(0).lower())
    return document_issuer(ctx, doc.start(), noun.group(0) if noun else doc.group(0).split()[-1].lower())


_WHO = re.compile(r",\s+who\s+(?:[a-z]+ly\s+|also\s+|has\s+|had\s+)*$")
# "..., with Reyes insisting", "..., and Kang agreed that": a new main clause hands the sentence to its speaker
_WITH_SPEAKER = re.compile(r",\s+with\s+(?:both\s+|the\s+)?$|[,;]\s+(?:and|but|while|whereas)\s+$")


# the first verb of a sentence in the past: "Cocoa exporters welcomed the decision but cautioned that ..."
_FIRST_PAST_VERB = re.compile(r"\s([a-z]+ed)\s")


def _group_subject(ctx: Context, ustart: int, pos: int) -> Speaker | None:
    """The subject of a first verb coordinated with a speech verb, read as the speaker of "X said":
    a group in lower case that no mention names ("Farmers' groups in the north welcomed ... but warned")."""
    verb = _FIRST_PAST_VERB.search(ctx.text, ustart, pos)
    if verb is None:
        return None
    spk, _, how = speaker_before(ctx, ustart, verb.start(1))
    if spk is None or how not in ("np", "mention", "name", "role"):
        return None
    # only people described by what they are ("farmers", "exporters", "cooperatives"), not "prices"
    return spk if not ctx.rules.anonymous_nouns.isdisjoint(fold(spk.name).split()) else None


def attributions(ctx: Context, low: str, ustart: int, uend: int) -> list[Attribution]:
    """The attributions of one unit: backward ones claim the text before them; inside a forward
    clause only a continuation (", adding that", "and warned that") starts a new one."""
    cands = _candidates(ctx, low, ustart, uend)
    # "Wang replied that A, the ministry added": the one reported on speaks A, the source only relays it;
    # "Prices rose after Indonesia said A, according to a notice": wherever the report sits in the sentence
    # "A said that B, according to an official": whoever the source, A is the one who said B
    for b in [a for a in cands if a.how == "bwd" and (a.speaker is None or a.speaker.is_org or a.kind == "according")]:
        # "It was stressed that A, the ministry said": the same voice twice, the inner verb opens A
        inner = next((a for a in cands if a.how == "fwd" and (a.speaker.is_person or b.speaker == a.speaker
                                                              or b.kind == "according")
                      and b.cstart <= a.start < b.cend
                      and (b.kind == "according" or not ctx.text[b.cstart:a.start].strip())), None)
        if inner is not None:
            inner.cend = min(inner.cend, b.cend)
            cands.remove(b)
    bwd = [a for a in cands if a.how == "bwd"]
    kept: list[Attribution] = []
    for a in cands:
        if a.how != "bwd" and any(b.cstart <= a.start < b.cend for b in bwd):
            continue
        open_fwd = next((k for k in reversed(kept) if k.how not in ("bwd", "lead") and k.cstart <= a.start), None)
        # "..., with Reyes insisting ...", "..., and Kang agreed that ...": a new speaker takes the sentence
        if a.how == "fwd" and open_fwd is not None and not _WITH_SPEAKER.search(ctx.text, open_fwd.cstart, a.start):
            continue
        if a.how in ("cont", "coord"):
            prior = kept[-1] if kept else None
            # "The ministry defended the rules, saying ...": with no speech verb before, the subject speaks
            a.speaker = prior.speaker if prior else (sentence_subject(ctx, ustart, a.start)
                                                     or collective_subject(ctx, ustart, a.start)
                                                     or _group_subject(ctx, ustart, a.start))
        kept.append(a)
    # each content stops where the next attribution begins; "Noting that A, X said B" lends X to A
    for i, a in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and a.cstart <= nxt.start:
            handover = _WITH_SPEAKER.search(ctx.text, a.cstart, nxt.start)
            a.cend = min(a.cend, handover.start() if handover else nxt.start)
        if a.speaker is None and a.how == "lead" and nxt is not None:
            a.speaker = nxt.speaker
    return [a for a in kept if a.speaker]


_COMMA_CLOSED = (",", ",”", ",\"", ",’", ",'", ",»")
# "according to" names its source in a short noun phrase, up to a comma, the end, or a circumstance
_ACCORDING_TO = re.compile(r"\s+(.{2,100}?)(?=,|\.?\s*$|\s+(?:on|in|at|which|who)\b)")


def _according(ctx: Context, ustart: int, uend: int, vs: int, ve: int) -> Attribution | None:
    rest = ctx.text[ve:uend]
    m = _ACCORDING_TO.match(rest)
    if not m:
        return None
    np = m.group(1)
    lnp = np.lower()
    timed = ctx.rules.time_tail.search(lnp)
    lnp = lnp[:timed.start()] if timed else lnp
    bare = ctx.rules.bare_document.fullmatch(lnp)
    # "according to an announcement. The announcement, issued by X, ...": X
    spk, how = (issuer_told_next(ctx, ve, bare.group(1)) if bare else None), "np"
    if spk is None and ctx.rules.clauses.document_subject.fullmatch(lnp + " "):
        # "according to the statement": whoever issued it
        spk = document_issuer(ctx, ve, lnp.split()[-1])
    elif spk is None and (lnp.startswith(ctx.rules.source_words) or lnp.startswith(ctx.rules.source_words_the)):
        return None
    elif spk is None:
        # "according to a ministry release": the organisation that issued the document speaks
        doc = ctx.rules.clauses.document_tail.search(np)
        spk, _, how = speaker_before(ctx, ve, ve + m.start(1) + (doc.start() if doc else len(np)))
    if how not in ("mention", "np", "role", "name") or spk is None:
        return None
    before = ctx.text[ustart:vs].rstrip()
    # “A,” according to X: the comma sits inside the closing mark
    if before.endswith(_COMMA_CLOSED) and word_count(before) >= 3:
        return Attribution(spk, vs, ve + m.end(1), ustart, ustart + len(before) - 1, "according", "bwd")
    if not before.strip():
        after = ve + m.end(1)
        comma = ctx.text.find(",", after - 1, uend)
        if comma >= 0:
            return Attribution(spk, vs, comma + 1, comma + 1, uend, "according", "fwd")
    return None
