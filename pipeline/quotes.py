"""Direct and reported quotes with their speakers.

Rules, not a parse: quotation marks are paired per paragraph (never assuming
they balance), speech verbs come from `data/speech_verbs.json`, and every
attribution stays inside one sentence (or the sentences a quotation spans).
A reported clause is the text after the verb (or before a trailing "X said");
quoted words of three or more inside it are also a direct quote.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from . import dates as _dates
from .dates import _trie
from . import entities as _entities
from .article import Article, Mention, Quote
from .quote_marks import quote_spans
from .text import fold, sentence_spans

_LEX = json.loads((Path(__file__).resolve().parent.parent / "data" / "speech_verbs.json").read_text("utf-8"))


def _alternation(words) -> str:
    # longest first so "pointed out" wins over "pointed"; words are literal
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_KIND = {}
for _k in ("direct", "urge", "that", "bare"):  # later kinds win on a shared form
    _KIND.update({w: _k for w in _LEX[_k]})
# a trie, not a flat alternation: the engine then fails on a word's first letter
_VERB_RE = re.compile(r"\b(?:%s)\b" % _trie(list(_KIND) + ["according to", "quoted"]))
_PARTICIPLES, _OBJECT_VERBS, _TRAILING, _ADVERBS, _PRONOUNS, _REJECT = (
    set(_LEX[k]) for k in ("participles", "object_verbs", "trailing", "adverbs", "pronouns", "reject_speakers"))
_PERSON_ROLES = _alternation(_LEX["person_roles"])
_ORG_HEADS = _alternation(_LEX["org_heads"])
_ROLE_NP = re.compile(r"(?:^|[\s,(])((?:the|a|an|its|his|her|their|[a-z.]+'s)\s+(?:[\w.-]+\s+){0,3}?"
                      r"(%s|%s))$" % (_PERSON_ROLES, _ORG_HEADS))
_ORG_HEAD_RE = re.compile(r"\b(?:%s)$" % _ORG_HEADS)
_ROLE_TAIL = re.compile(r"\s+(?:%s)$" % _alternation(_LEX["role_tails"]))
_NAME_TAIL = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the)\s+)?){0,4}[A-Z][\w'’-]+)$")
_NOT_NAMES = {"The", "However", "But", "And", "In", "On", "At", "After", "Before", "Earlier", "Later",
              "Meanwhile", "Separately", "Last", "This", "It", "He", "She", "They", "We", "I", "When", "As"}
_SOURCE_WORDS = tuple(_LEX["source_words"])
_EVENTS = re.compile(r"^(?:[\w'’.-]+\s+){1,8}?(?:%s)" % _alternation(_LEX["event_clauses"]))
_URGE_TRIM = tuple(_LEX["trim_after_urge"])
_OPEN_MARKS = "\"“‘'„"
_WORD = re.compile(r"[\w'’-]+")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{0,30}?)?\s*(?:\([\w ]+\)\s*)?(?:—|–|--|-|:)\s+")
_HEADLINE_END = tuple(".!?\"”’')…:;")
_INNER_STOP = re.compile(r"[.!?][”’\"']?\s")


@dataclass
class _Attr:
    """One attribution: who speaks, and where the words they said lie."""
    speaker: tuple | None      # (name, role, country) or None when it must be inherited
    start: int                 # left edge of the attribution (speaker or verb), for cutting content
    end: int                   # right edge (after verb, object, "that")
    cstart: int
    cend: int
    kind: str                  # bare, that, urge, direct, according
    how: str = "fwd"           # fwd, bwd, cont (", adding that"), coord ("and warned that"), lead


class _Ctx:
    """What extraction needs about one article, computed once."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.sentences = article.sentences or sentence_spans(self.text)
        self.sent_starts = [s for s, _ in self.sentences]
        self.mentions = sorted(article.mentions, key=lambda m: (m.end, -m.start))
        self.mention_ends = [m.end for m in self.mentions]
        self.verbs: list[tuple[int, int, str]] = []   # speech verbs outside quotations
        self.verb_starts: list[int] = []
        self.last_speaker: tuple | None = None
        self.last_speaker_sent = -99

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def mention_ending_at(self, end: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_ends, end)
        found = [m for m in self.mentions[i:i + 4] if m.end == end]
        return min(found, key=lambda m: m.start) if found else None

    def mentions_before(self, pos: int, kinds: tuple) -> list[Mention]:
        i = bisect.bisect_right(self.mention_ends, pos)
        return [m for m in reversed(self.mentions[:i]) if m.kind in kinds]


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for para in text.split("\n"):
        spans.append((pos, pos + len(para)))
        pos += len(para) + 1
    return spans


def _headline_like(para: str) -> bool:
    """Bulleted related-story lists and title lines: never a source of quotes."""
    p = para.strip()
    if not p or p[0] in "-•*▪►" or p.startswith("Read more"):
        return True
    return not p.endswith(_HEADLINE_END) and not _INNER_STOP.search(p)


def _strip_tail_words(text: str, start: int, end: int) -> int:
    """Move `end` left over adverbs and time words ("also", "on Tuesday", "in a statement")."""
    while True:
        seg = text[start:end].rstrip()
        m = re.search(r"([\w'’-]+)$", seg)
        if not m or m.group(1).lower() not in _ADVERBS:
            return start + len(seg)
        end = start + m.start(1)


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


def _title_case(phrase: str) -> str:
    words = re.sub(r"^(?:the|a|an|its|his|her|their)\s+", "", phrase.strip(), flags=re.I).split()
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in words)


def _person_from_name(ctx: _Ctx, raw: str, pos: int) -> tuple:
    resolve = getattr(_entities, "resolve_name", None)
    person = resolve(raw) if resolve else None
    if person is not None:
        name = getattr(person, "canonical", None) or getattr(person, "name", None) or raw
        return (name, getattr(person, "role", "") or "", getattr(person, "country", "") or "", "person")
    last = fold(raw).split()[-1]
    for m in ctx.mentions_before(pos, ("person",)):  # a surname alone names the person seen before
        if fold(m.canonical or m.text).split()[-1:] == [last] or last in fold(m.canonical).split():
            return _from_mention(m)
    return (raw, "", "", "person")


def _from_mention(m: Mention, role: str = "") -> tuple:
    kind = "person" if m.kind == "person" else "org"
    return (m.canonical or m.text, role or m.role, m.country if m.kind != "country" else m.canonical, kind)


def _resolve_reference(ctx: _Ctx, phrase: str, pos: int) -> tuple | None:
    sidx = ctx.sent_index(pos)
    low = phrase.lower()
    person_like = low in ("he", "she") or bool(re.search(r"\b(?:%s)$" % _PERSON_ROLES, low))
    last = ctx.last_speaker
    # the speaker of the previous quote is the usual antecedent, unless someone else took the floor
    either = bool(re.search(r"spokes|official", low))  # an organisation speaks through its spokesperson
    head = _ORG_HEAD_RE.search(low)
    fits = last is not None and (either or (last[3] == "person" if person_like else
                                            last[3] == "org" and head is not None and head.group(0) in fold(last[0])))
    if fits and sidx - ctx.last_speaker_sent <= 3:
        if not _new_subject_since(ctx, ctx.sent_starts[ctx.last_speaker_sent], pos, last[0]):
            return last
    fn = getattr(_entities, "resolve_reference", None)
    m = fn(ctx.article, sidx, phrase) if fn else None
    if m is not None and m.start < pos:
        return _from_mention(m)
    if person_like:
        people = ctx.mentions_before(pos, ("person",))
        return _from_mention(people[0]) if people else None
    if head:
        words = set(low.split()) - {"the", "a", "its", head.group(0)}
        orgs = [m for m in ctx.mentions_before(pos, ("org",)) if head.group(0) in fold(m.text)]
        best = next((m for m in orgs if words & set(fold(m.text).split())), orgs[0] if orgs else None)
        if best is not None:
            return _from_mention(best)
        if low.split()[0] in ("its", "their") or len(low.split()) > 2:
            return (_title_case(phrase), "", "", "org")
    return None


def _new_subject_since(ctx: _Ctx, start: int, pos: int, speaker: str) -> bool:
    """A different person opening a sentence between the last quote and `pos`."""
    for m in ctx.mentions_before(pos, ("person",)):
        if m.start < start:
            break
        s = ctx.sentences[ctx.sent_index(m.start)][0]
        if m.start - s <= 40 and (m.canonical or m.text) != speaker and m.sentence != ctx.sent_index(pos):
            return True
    return False


_COORD = re.compile(r"(?:^|[\s,])(?:and|but)$")
_LAST_WORD = re.compile(r"(?:^|[\s,“”\"(])([A-Za-z]+)$")
_GOVERNMENT = re.compile(r"([A-Z][a-z]+)['’]s\s+government$")


def _speaker_before(ctx: _Ctx, lo: int, hi: int) -> tuple[tuple | None, int, str]:
    """The speaker ending just before a verb at `hi`: (speaker, where it starts, how it was found)."""
    text = ctx.text
    lo = max(lo, hi - 240)
    end = _strip_tail_words(text, lo, hi)
    end, role = _apposition(text, lo, end)
    lo = max(lo, end - 100)  # a speaker is a few words: end-anchored searches stay short
    seg = text[lo:end].rstrip()
    end = lo + len(seg)
    low = seg.lower()
    if _COORD.search(low):
        return None, end, "coord"
    tail = _ROLE_TAIL.search(seg)
    core_end = end - len(tail.group(0)) if tail else end
    m = ctx.mention_ending_at(core_end)
    if m is not None and m.kind in ("person", "org", "country"):
        if m.kind == "country" and tail is None and re.search(r"['’]s$", text[m.end:end + 2]):
            pass
        elif tail is not None and m.kind == "person":
            return None, end, ""
        else:
            start = m.start
            spk = _from_mention(m, role)
            if m.kind == "country" and re.match(r"\s*(?:['’]s\s+)?government", text[m.end:m.end + 20]):
                spk = (f"{m.text}'s government", "", m.canonical, "org")
            return spk, start, "mention"
    word = _LAST_WORD.search(seg)
    if word:
        w = word.group(1).lower()
        if w in _REJECT:
            return None, end, "reject"
        if w in _PRONOUNS and (w != "he" or word.group(1) == "he" or not ctx.mention_ending_at(end)):
            spk = _resolve_reference(ctx, w, lo + word.start(1))
            return spk, lo + word.start(1), "pronoun"
    gov = _GOVERNMENT.search(seg)
    if gov:
        return (gov.group(0), "", gov.group(1), "org"), lo + gov.start(), "np"
    rm = _ROLE_NP.search(low)
    if rm:
        phrase = seg[rm.start(1):]
        proper = _NAME_TAIL.search(phrase)
        if proper and _ORG_HEAD_RE.search(phrase.lower()) and phrase.split()[-1][:1].isupper():
            return (_title_case(proper.group(1)), "", "", "org"), lo + rm.start(1), "np"
        spk = _resolve_reference(ctx, phrase, lo + rm.start(1))
        return spk, lo + rm.start(1), "role"
    nm = _NAME_TAIL.search(seg)
    if nm:
        words = nm.group(1).split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if words and not (len(words) == 1 and len(words[0]) < 3):
            raw = " ".join(words)
            start = end - len(raw)
            if _ORG_HEAD_RE.search(raw.lower()):
                return (raw, "", "", "org"), start, "np"
            return _person_from_name(ctx, raw, start), start, "name"
    return None, end, ""


def _words(text: str) -> int:
    return len(text.split())


_RELATIVE_NEXT = {"is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "lasted"}
_OBJECT_WORDS = {"reporters", "journalists", "him", "her", "them", "lawmakers", "parliament", "delegates"}


_TOKENS = re.compile(r"[\w'’-]+(?:\.[\w'’-]+)*|[,“”\"‘:;()#.]")


def _nth_end(rest: str, token: str, n: int) -> int:
    """End offset of the (n+1)-th occurrence of `token` as a whole token in `rest`."""
    pattern = r"\b%s\b" % token if token.isalpha() else re.escape(token)
    for k, m in enumerate(re.finditer(pattern, rest)):
        if k == n:
            return m.end()
    return len(rest)


def _after_verb(ctx: _Ctx, low: str, ve: int, uend: int, kind: str, form: str) -> tuple[str, int]:
    """What follows a verb: 'that', 'quote', 'clause' (content starts at the returned offset),
    'trailing' (only circumstances: "on Tuesday", "after the call") or 'none'."""
    rest = low[ve:min(uend, ve + 200)]
    pos = ve + len(rest) - len(rest.lstrip(" ,:"))
    if ctx.text[pos:pos + 1] in _OPEN_MARKS and ctx.text[pos:pos + 1]:
        return "quote", pos
    toks = _TOKENS.findall(rest)
    first = toks[0] if toks else ""
    if kind == "urge":
        to = re.match(r"\s+(?:[\w'’.-]+\s+){1,7}?to\s+[“\"‘']?[a-z#]", rest)
        return ("clause", pos) if to else ("none", pos)
    # "said on Tuesday that", "told reporters that", "announced at a meeting with the press that"
    skippable = form in _OBJECT_VERBS or first in _TRAILING or kind == "that"
    for i, tok in enumerate(toks[:18]):
        if tok == "that" and (i == 0 or skippable):
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if i > 0 and (nxt in _RELATIVE_NEXT or nxt.endswith("ed")):
                break  # "after a call that lasted": a relative clause, not what was said
            return "that", ve + _nth_end(rest, "that", toks[:i].count("that"))
        if tok in ("“", "\"", "‘") and i > 0 and skippable:
            return "quote", ve + _nth_end(rest, tok, toks[:i].count(tok)) - 1
        if tok in (";", "#", ".") or (tok in (",", ":") and form not in _OBJECT_VERBS
                                     and toks[i + 1:i + 2] not in (["“"], ["\""], ["‘"])):
            break
    if not toks or first in (".", "—") or not rest.strip(" .,;:!?”’\"'"):
        return "trailing", pos
    if first in _TRAILING or (first == "," and len(toks) > 1 and (toks[1] in _PARTICIPLES or toks[1] in _TRAILING)):
        return "trailing", pos
    if form in _OBJECT_VERBS:
        # "told Li in Beijing." is circumstance; "telling Li he hoped ..." has a clause after the object
        obj = re.match(r"\s+((?:his|her|their|the|a)\s+)?([\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})", ctx.text[ve:uend])
        if obj:
            after = ve + obj.end()
            tail = low[after:uend].strip(" .")
            if not tail or tail.split()[0] in _TRAILING:
                return "trailing", pos
            named = ctx.mention_ending_at(ve + obj.end(2)) is not None
            if kind == "bare" and (obj.group(2).lower() in _OBJECT_WORDS or named) and tail.split()[0] not in ("and", "of"):
                return "clause", after + len(low[after:uend]) - len(low[after:uend].lstrip(" ,"))
        return "none", pos
    if kind in ("bare", "direct"):
        return "clause", pos
    return "none", pos


def _candidates(ctx: _Ctx, low: str, ustart: int, uend: int) -> list[_Attr]:
    """Every speech verb read on its own: backward ("..., X said"), forward ("X said that ...")."""
    text = ctx.text
    found: list[_Attr] = []
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
        if form == "quoted":
            q = re.match(r"\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+as\s+saying\b", text[ve:uend])
            left = text[ustart:vs].rstrip()
            edge = max(left.rfind(c) for c in ",”\"’'")
            left = left[:edge + 1]
            spk = _speaker_before(ctx, ve, ve + q.end(1))[0] if q else None
            if spk and edge >= 0 and _words(text[ustart + edge:vs]) <= 4 and _words(left) >= 3:
                found.append(_Attr(spk, vs, ve + q.end(), ustart, ustart + len(left.rstrip(",")), "bare", "bwd"))
            continue
        kind = _KIND[form]
        left_low = low[ustart:vs].rstrip()
        shape, cs = _after_verb(ctx, low, ve, uend, kind, form)
        if form in _PARTICIPLES and re.search(r",(?:\s+(?:and|also|while))*$", left_low):
            if shape in ("that", "quote", "clause"):
                found.append(_Attr(None, ustart + len(left_low) - 1, cs, cs, uend, kind, "cont"))
            continue
        if form in _PARTICIPLES and not left_low:
            if shape == "that":
                found.append(_Attr(None, vs, cs, cs, uend, kind, "lead"))
            continue
        if shape == "none":
            continue
        spk, sstart, how = _speaker_before(ctx, ustart, vs)
        if how == "reject":
            continue
        if how == "coord":
            if shape in ("that", "quote", "clause"):
                found.append(_Attr(None, sstart, cs, cs, uend, kind, "coord"))
            continue
        before = text[ustart:sstart].rstrip()
        # "..., a Ministry of Commerce spokesperson said": a few words may sit between comma and name
        edge = max(before.rfind(c) for c in ",”\"’'—")
        boundary = edge >= 0 and _words(before[edge + 1:]) <= 4
        before = before[:edge + 1] if boundary else before
        if how == "" and kind == "bare" and boundary and _words(before) >= 3:
            inv = _speaker_after(ctx, ve, uend)  # "..., said Park."
            if inv is not None:
                found.append(_Attr(inv, vs, ve, ustart, ustart + len(before.rstrip(",")), kind, "bwd"))
                continue
        if shape == "quote" and kind == "bare" and re.search(r"[”\"’'],?$", before) and _words(before) >= 3:
            shape = "trailing"  # “A,” he said, “B.”: the attribution closes A; B joins it later
        if shape == "trailing" and kind in ("bare", "that"):
            if boundary and _words(before) >= 3:
                if spk is None and how == "" and low[vs - 1:vs] in "”\"’":
                    spk = ctx.last_speaker  # ”said.: the speaker of the quote before
                elif spk is None and kind == "bare":
                    spk = _speaker_after(ctx, ve, uend)
                    sstart = vs
                found.append(_Attr(spk, sstart, ve, ustart, ustart + len(before.rstrip(",")), kind, "bwd"))
            continue
        if spk is not None and shape in ("that", "quote", "clause"):
            found.append(_Attr(spk, sstart, cs, cs, uend, kind, "fwd"))
    return found


def _attributions(ctx: _Ctx, low: str, ustart: int, uend: int) -> list[_Attr]:
    """The attributions of one unit: backward ones claim the text before them; inside a forward
    clause only a continuation (", adding that", "and warned that") starts a new one."""
    cands = _candidates(ctx, low, ustart, uend)
    bwd = [a for a in cands if a.how == "bwd"]
    kept: list[_Attr] = []
    for a in cands:
        if a.how != "bwd" and any(b.cstart <= a.start < b.cend for b in bwd):
            continue
        open_fwd = next((k for k in reversed(kept) if k.how not in ("bwd", "lead") and k.cstart <= a.start), None)
        if a.how == "fwd" and open_fwd is not None:
            continue
        if a.how in ("cont", "coord"):
            prior = kept[-1] if kept else None
            a.speaker = prior.speaker if prior else (_subject(ctx, ustart, a.start) if a.how == "coord" else None)
        kept.append(a)
    # each content stops where the next attribution begins; "Noting that A, X said B" lends X to A
    for i, a in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and a.cstart <= nxt.start:
            a.cend = min(a.cend, nxt.start)
        if a.speaker is None and a.how == "lead" and nxt is not None:
            a.speaker = nxt.speaker
    return [a for a in kept if a.speaker]


def _speaker_after(ctx: _Ctx, ve: int, uend: int) -> tuple | None:
    """", said Sefcovic." / ", said the ministry.": the speaker follows the verb."""
    rest = ctx.text[ve:uend]
    m = re.match(r"\s+((?:the\s+|a\s+)?(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?=[\s,.]*$|,?\s+(?:on|at|in|after|during|adding|saying|according|who|when|while)\b)",
                 rest)
    if not m:
        return None
    end = ve + m.end(1)
    spk, _, how = _speaker_before(ctx, ve, end)
    return spk if how in ("mention", "name", "role", "np") else None


def _subject(ctx: _Ctx, ustart: int, vs: int) -> tuple | None:
    """The sentence subject: the first person or organisation, after at most an opening phrase."""
    sent = ctx.text[ustart:vs]
    intro = re.match(r"[^,]{0,60},\s+", sent)
    base = ustart + (intro.end() if intro and not re.search(r"[A-Z]\w+\s+[A-Z]", intro.group(0)) else 0)
    for m in ctx.mentions:
        if m.start >= base and m.start < vs and m.kind in ("person", "org") and m.start - base <= 45:
            return _from_mention(m)
        if m.start >= vs:
            break
    nm = re.match(r"(?:(?:[A-Z][\w.'’-]*|of|for)\s+){0,5}?([A-Z][a-z]+\s+[A-Z][\w'’-]+)\s+(?:has|had|also|[a-z]+ed)\b", ctx.text[base:vs])
    return _person_from_name(ctx, nm.group(1), base + nm.start(1)) if nm else None


def _according(ctx: _Ctx, ustart: int, uend: int, vs: int, ve: int) -> _Attr | None:
    rest = ctx.text[ve:uend]
    m = re.match(r"\s+(.{2,100}?)(?=,|\.?\s*$|\s+(?:on|in|at|which|who)\b)", rest)
    if not m:
        return None
    np = m.group(1)
    lnp = np.lower()
    if lnp.startswith(_SOURCE_WORDS) or lnp.startswith(tuple("the " + w for w in _SOURCE_WORDS)):
        return None
    spk, _, how = _speaker_before(ctx, ve, ve + m.end(1))
    if how not in ("mention", "np", "role", "name") or spk is None:
        return None
    before = ctx.text[ustart:vs].rstrip()
    if before.endswith(",") and _words(before) >= 3:
        return _Attr(spk, vs, ve + m.end(1), ustart, ustart + len(before) - 1, "according", "bwd")
    if not before.strip():
        after = ve + m.end(1)
        comma = ctx.text.find(",", after - 1, uend)
        if comma >= 0:
            return _Attr(spk, vs, comma + 1, comma + 1, uend, "according", "fwd")
    return None


def _chains(text: str, paras: list[tuple[int, int]]) -> list[list]:
    """Quote spans, with a quotation running over paragraphs joined into one chain."""
    spans = quote_spans(text)
    chains: list[list] = []
    for q in spans:
        prev = chains[-1][-1] if chains else None
        para_start = paras[q.paragraph][0]
        if (prev is not None and not prev.closed and prev.paragraph == q.paragraph - 1
                and not text[para_start:q.open].strip()):
            chains[-1].append(q)
        else:
            chains.append([q])
    return chains


def _chain_text(text: str, chain: list) -> str:
    parts = [text[q.open + 1:q.close].strip() for q in chain]
    return " ".join(p for p in parts if p).strip().rstrip(",").strip()


def _units(ctx: _Ctx, chains: list[list]) -> list[tuple[int, int]]:
    """Sentences, merged where a quotation runs across a sentence boundary within a paragraph."""
    bounds = sorted((q.open, q.close) for c in chains for q in c)
    units: list[tuple[int, int]] = []
    j = 0
    for s, e in ctx.sentences:
        if units and s < units[-1][1]:
            units[-1] = (units[-1][0], max(units[-1][1], e))
            continue
        while j < len(bounds) and bounds[j][1] < s:
            j += 1
        end = e
        k = j
        while k < len(bounds) and bounds[k][0] < end:
            if bounds[k][1] >= end and "\n" not in ctx.text[s:bounds[k][1]]:
                end = ctx.text.find("\n", bounds[k][1])
                end = len(ctx.text) if end < 0 else end
                # stop at the first sentence that ends after the closing mark
                for s2, e2 in ctx.sentences:
                    if s2 <= bounds[k][1] < e2 or s2 > bounds[k][1]:
                        end = min(end, e2)
                        break
            k += 1
        units.append((s, end))
    return units


def _masked_lower(text: str, chains: list[list]) -> str:
    """The text lower-cased with quotation interiors blanked, so speech verbs inside quotes never count."""
    low = text.lower()
    parts, pos = [], 0
    for c in chains:
        for q in c:
            parts.append(low[pos:q.open + 1])
            parts.append("#" * (q.close - q.open - 1))
            pos = q.close
    parts.append(low[pos:])
    return "".join(parts)


def _clean_reported(text: str) -> str:
    text = _DATELINE.sub("", text.strip())
    text = re.sub(r"^(?:that|,)\s+", "", text)
    text = re.sub(r"[“”\"‘]|(?<![A-Za-z])’|’(?![A-Za-z])", "", text)
    return text.strip().rstrip(",;:—–. ").strip()


def _lead_words(text: str, cstart: int, first_quote: int) -> int:
    """Words of a reported clause before its first quotation, an opening "Over the past year," aside."""
    lead = text[cstart:first_quote]
    return 0 if lead.rstrip().endswith(",") else _words(lead)


@dataclass
class _Row:
    speaker: tuple
    kind: str
    text: str
    unit: tuple[int, int]
    paragraph: int
    attr_end: int = -1


def _rows_for_unit(ctx, low, unit, p_idx, chains_here, used, rows, last_direct):
    text = ctx.text
    us, ue = unit
    attrs = _attributions(ctx, low, us, ue)
    sidx = ctx.sent_index(us)
    for a in attrs:
        inside, directs = [], []
        for ci, c in chains_here:
            if ci in used or not any(a.cstart - 1 <= q.open < a.cend for q in c):
                continue
            if a.kind in ("urge", "according") and c[0].open < a.cstart:
                continue
            used.add(ci)
            inside.append((c[0].open, c[-1].close))
            quoted = _chain_text(text, c)
            if _words(quoted) >= 3:
                directs.append(_Row(a.speaker, "direct", quoted, unit, p_idx, a.end))
        big = [(s, e) for s, e in inside if _words(text[s + 1:e]) >= 3]
        content = text[a.cstart:a.cend]
        if a.kind == "urge":
            cut = min((content.find(t) for t in _URGE_TRIM if content.find(t) > 0), default=-1)
            content = content[:cut] if cut > 0 else content
        reported = _clean_reported(content)
        # a clause that only frames a quotation ("he was “...”") is the direct quote alone
        lead = _lead_words(text, a.cstart, min(s for s, _ in big)) if big else 99
        if a.kind != "direct" and _words(reported) >= 4 and lead >= 4 and not _EVENTS.match(fold(reported)):
            rows.append(_Row(a.speaker, "reported", reported, unit, p_idx, a.end))
        rows.extend(directs)
        if directs:
            last_direct[0] = directs[-1]
        ctx.last_speaker, ctx.last_speaker_sent = a.speaker, sidx
    for ci, c in chains_here:
        if ci in used or c[-1].open >= ue:
            continue  # a quotation running on: its last paragraph decides
        quoted = _chain_text(text, c)
        if _words(quoted) < 3:
            continue
        prev = last_direct[0]
        gap = text[prev.attr_end:c[0].open] if prev and prev.paragraph == p_idx and prev.attr_end <= c[0].open else None
        if gap is not None and _words(gap) <= 12 and not _VERB_RE.search(gap.lower()):
            prev.text = f"{prev.text} {quoted}"
            prev.attr_end = c[-1].close
            used.add(ci)
            continue
        rest = (text[us:c[0].open] + text[c[-1].close + 1:ue]) if len(c) == 1 else text[us:c[0].open]
        floating = not _WORD.search(rest)
        if floating and ctx.last_speaker and sidx - ctx.last_speaker_sent <= 5:
            used.add(ci)
            rows.append(_Row(ctx.last_speaker, "direct", quoted, unit, p_idx, c[-1].close))
            last_direct[0] = rows[-1]
            ctx.last_speaker_sent = sidx


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
        return False
    return bool(fuzz.ratio(a, b, score_cutoff=90) or fuzz.partial_ratio(a, b, score_cutoff=95))


def _dedupe(rows: list[_Row]) -> list[_Row]:
    """A quote the article repeats (often with small edits) is one row."""
    kept: list[_Row] = []
    keys: list[tuple[str, str]] = []
    for r in rows:
        key = fold(r.text)
        if any(k == r.kind and _same(key, other) for k, other in keys):
            continue
        kept.append(r)
        keys.append((r.kind, key))
    return kept


def _finish(ctx: _Ctx, r: _Row, paras: list[tuple[int, int]], tag_cache: dict) -> Quote:
    article = ctx.article
    sidx = ctx.sent_index(r.unit[0])
    date_fn = getattr(_dates, "date_for_sentence", None)
    te = date_fn(article, sidx) if date_fn else None
    ps, pe = paras[r.paragraph]
    span = (min(ps, r.unit[0]), max(pe, r.unit[1]))
    if span not in tag_cache:
        # the tags step already placed each tag's hits in sentences: no second scan of the text
        lo, hi = ctx.sent_index(span[0]), ctx.sent_index(max(span[0], span[1] - 1))
        tag_cache[span] = [t.tag for t in article.tags if any(lo <= i <= hi for i in t.sentences)]
    name, role, country = r.speaker[:3]
    return Quote(speaker=name, kind=r.kind, text=r.text, speaker_role=role or "", speaker_country=country or "",
                 date=(te.value if te is not None and te.value else None) or article.published,
                 tags=list(tag_cache[span]),
                 evidence=ctx.text[r.unit[0]:r.unit[1]].strip())


def extract_quotes(article: Article) -> Article:
    """Fill `article.quotes` with direct and reported quotes, one row per distinct quote."""
    ctx = _Ctx(article)
    text = ctx.text
    if not text.strip():
        article.quotes = []
        return article
    paras = _paragraph_spans(text)
    para_starts = [s for s, _ in paras]
    skip = [_headline_like(text[s:e]) for s, e in paras]
    chains = _chains(text, paras)
    low = _masked_lower(text, chains)
    ctx.verbs = [(m.start(), m.end(), m.group(0)) for m in _VERB_RE.finditer(low)]
    ctx.verb_starts = [v[0] for v in ctx.verbs]
    span_chain = sorted((q.open, ci) for ci, c in enumerate(chains) for q in c)
    span_opens = [o for o, _ in span_chain]
    rows: list[_Row] = []
    used: set[int] = set()
    last_direct: list[_Row | None] = [None]
    for us, ue in _units(ctx, chains):
        p_idx = bisect.bisect_right(para_starts, us) - 1
        if skip[p_idx]:
            continue
        lo, hi = bisect.bisect_left(span_opens, us), bisect.bisect_left(span_opens, ue)
        here = [(ci, chains[ci]) for ci in sorted({ci for _, ci in span_chain[lo:hi]})]
        _rows_for_unit(ctx, low, (us, ue), p_idx, here, used, rows, last_direct)
    rows = [r for r in _dedupe(rows) if r.speaker and fold(r.speaker[0]) not in _REJECT]
    tag_cache: dict = {}
    article.quotes = [_finish(ctx, r, paras, tag_cache) for r in rows]
    return article
