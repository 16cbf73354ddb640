"""Who is speaking: the speaker before a speech verb, after it ("said Park"), or referred to.

A speaker is a `(name, role, country, kind)` tuple, kind "person" or "org". Names come from the
entities step's mentions where one ends at the right place; otherwise from role phrases ("the
ministry", "the minister") resolved to earlier mentions or the previous quote's speaker, and
from capitalised names, a lone surname taking the full name written earlier.
"""
from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

from pipeline.entities import mentions as _entities
from pipeline.lexicon.legacy import current as _current_lexicon  # until this step receives its lexicon
from pipeline.article import Article, Mention
from pipeline.text.folding import fold
from pipeline.text.sentences import sentence_spans

LEX = json.loads((Path(__file__).resolve().parents[2] / "data" / "speech_verbs.json").read_text("utf-8"))


def alternation(words) -> str:
    # longest first so "pointed out" wins over "pointed"; words are literal
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_ADVERBS, _PRONOUNS, REJECT_SPEAKERS = (set(LEX[k]) for k in ("adverbs", "pronouns", "reject_speakers"))
PERSON_ROLES = alternation(LEX["person_roles"])
_ORG_HEADS = alternation(LEX["org_heads"])
_ROLE_NP = re.compile(r"(?:^|[\s,(])((?:the|a|an|its|his|her|their|[a-z.]+'s)\s+(?:[\w.'’-]+\s+){0,3}?"
                      r"(%s|%s))$" % (PERSON_ROLES, _ORG_HEADS))
_ORG_HEAD_RE = re.compile(r"\b(?:%s)$" % _ORG_HEADS)
_ROLE_WORD = re.compile(r"\b(?:%s)\b" % PERSON_ROLES)
_ROLE_TAIL = re.compile(r"\s+(?:%s)$" % alternation(LEX["role_tails"]))
_NAME_TAIL = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the)\s+)?){0,4}[A-Z][\w'’-]+)$")
_NOT_NAMES = {"The", "However", "But", "And", "In", "On", "At", "After", "Before", "Earlier", "Later",
              "Meanwhile", "Separately", "Last", "This", "It", "He", "She", "They", "We", "I", "When", "As"}

DATELINE = re.compile(r"^(?:[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{0,30}?)?\s*(?:\([\w ]+\)\s*)?(?:—|–|--|-|:)"
                      r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}:)\s+")  # "BEIJING, June 12 (Reuters) -", "New Delhi:"


class Context:
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
        self.org_speakers: list[tuple] = []   # organisations that spoke so far, latest last

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def mention_ending_at(self, end: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_ends, end)
        found = [m for m in self.mentions[i:i + 4] if m.end == end]
        return min(found, key=lambda m: m.start) if found else None

    def mentions_before(self, pos: int, kinds: tuple) -> list[Mention]:
        i = bisect.bisect_right(self.mention_ends, pos)
        return [m for m in reversed(self.mentions[:i]) if m.kind in kinds]


def _strip_tail_words(text: str, start: int, end: int) -> int:
    """Move `end` left over adverbs and time words ("also", "on Tuesday", "in a statement")."""
    seg = text[start:end].rstrip()
    while True:
        i = len(seg)
        while i and (seg[i - 1].isalnum() or seg[i - 1] in "_'’-"):
            i -= 1
        if i == len(seg) or seg[i:].lower() not in _ADVERBS:
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


def _named_apposition(ctx: Context, lo: int, end: int) -> tuple[tuple, int] | None:
    """"The trade secretary, Jonathan Reynolds, told": the name in commas after a role is the speaker."""
    seg = ctx.text[lo:end].rstrip()
    m = _APPO_NAME.search(seg)
    if m is None or not _ROLE_WORD.search(seg[:m.start()].lower()[-80:]):
        return None
    start = lo + m.start(1)
    found = ctx.mention_ending_at(lo + m.end(1))
    if found is not None and found.kind == "person":
        return _from_mention(found), found.start
    if found is not None or _ORG_HEAD_RE.search(m.group(1).lower()):
        return None
    return _person_from_name(ctx, m.group(1), start), start


def _title_case(phrase: str) -> str:
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


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _acronym_expansion(text: str, acronym: str, pos: int) -> str:
    """"Ministry of Economic Affairs (MOEA)" earlier in the text names "the MOEA"."""
    m = re.search(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on|the)\s+)*)+[A-Z][\w'’-]*)\s+\(%s\)" % acronym, text[:pos])
    if m is None:
        return ""
    words = m.group(1).split()
    while words and words[0][0] != acronym[0]:  # "Taiwan's Ministry of ... (MOEA)": from the first initial
        words = words[1:]
    return " ".join(words)


def _person_from_name(ctx: Context, raw: str, pos: int) -> tuple:
    words = raw.split()
    while len(words) > 1 and words[0].rstrip(".") in _COURTESY:  # "Mr Toumazos" is "Kyri Toumazos"
        words = words[1:]
    raw = " ".join(words)
    resolve = getattr(_entities, "resolve_name", None)
    person = resolve(raw, _current_lexicon()) if resolve else None
    if person is not None:
        name = getattr(person, "canonical", None) or getattr(person, "name", None) or raw
        return (name, getattr(person, "role", "") or "", getattr(person, "country", "") or "", "person")
    last = fold(raw).split()[-1]
    for m in ctx.mentions_before(pos, ("person",)):  # a surname alone names the person seen before
        if fold(m.canonical or m.text).split()[-1:] == [last] or last in fold(m.canonical).split():
            return _from_mention(m)
    if len(raw.split()) == 1:
        full = _full_name_before(ctx.text, raw, pos)
        if full:
            return (full, "", "", "person")
    return (raw, "", "", "person")


_COURTESY = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Mx"}
_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Dame", "Lord", "Senator", "Minister", "President",
               "Secretary", "Commissioner", "Premier", "Ambassador", "Chancellor", "Governor", "Chairman",
               "Representative", "Rep", "Sen", "Gen", "Vice", "Deputy", "Prime", "Director", "Chief"}


def _full_name_before(text: str, surname: str, pos: int) -> str:
    """"Lange said" after "Bernd Lange, the German MEP, ...": the full name written earlier, given name
    first or (East Asian order) after a surname such as "Park Sung-taek"."""
    esc = re.escape(surname)
    for m in re.finditer(r"\b([A-Z][a-z][\w'’-]*)\s+%s\b|\b%s\s+([A-Z][a-z]+-[a-z]+)\b" % (esc, esc), text[:pos]):
        given = m.group(1)
        if given and given not in _HONORIFICS and given not in _NOT_NAMES:
            return f"{given} {surname}"
        if m.group(2):
            return f"{surname} {m.group(2)}"
    return ""


def _from_mention(m: Mention, role: str = "") -> tuple:
    kind = "person" if m.kind == "person" else "org"
    return (m.canonical or m.text, role or m.role, m.country if m.kind != "country" else m.canonical, kind)


def _resolve_reference(ctx: Context, phrase: str, pos: int) -> tuple | None:
    sidx = ctx.sent_index(pos)
    low = phrase.lower()
    person_like = low in ("he", "she") or bool(re.search(r"\b(?:%s)$" % PERSON_ROLES, low))
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
    m = fn(ctx.article, sidx, phrase, lexicon=_current_lexicon()) if fn else None
    if m is not None and m.start < pos:
        return _from_mention(m)
    if person_like:
        people = ctx.mentions_before(pos, ("person",))
        return _from_mention(people[0]) if people else None
    if low == "it":  # "China's Ministry of Commerce hit back. It said ...": the organisation just named
        near = [m for m in ctx.mentions_before(pos, ("org",)) if m.sentence >= sidx - 1]
        return _from_mention(near[0]) if near else None
    if head:
        words = set(low.split()) - {"the", "a", "its", head.group(0)}
        orgs = [m for m in ctx.mentions_before(pos, ("org",)) if head.group(0) in fold(m.text)]
        best = next((m for m in orgs if words & set(fold(m.text).split())), orgs[0] if orgs else None)
        if best is not None:
            return _from_mention(best)
        if low.split()[0] in ("its", "their") or len(low.split()) > 2:
            return (_title_case(phrase), "", "", "org")
        if head.group(0) == "ministry" and last is not None and sidx - ctx.last_speaker_sent <= 3:
            spk = _ministry_of(last)
            if spk is not None:
                return spk
        # "The ministry said" after "South Korea's trade ministry said": the one that spoke before
        return next((o for o in reversed(ctx.org_speakers) if head.group(0) in fold(o[0])), None)
    return None


_PORTFOLIO = re.compile(r"^(?:minister (?:of|for) (?P<a>.+)|(?P<b>.+?) minister)$")


def _ministry_of(speaker: tuple) -> tuple | None:
    """"The ministry" just after a minister spoke is that minister's: "Trade and Industry Minister" ->
    "Ministry of Trade and Industry"."""
    name, role, country, kind = speaker
    words = [w for w in fold(role).split() if w not in ("deputy", "vice", "senior", "state", "the")]
    m = _PORTFOLIO.match(" ".join(words)) if kind == "person" and words else None
    if m is None or not (m.group("a") or m.group("b")).strip():
        return None
    portfolio = _title_case(m.group("a") or m.group("b")).replace(" And ", " and ")
    return (f"Ministry of {portfolio}", "", country, "org")


def _new_subject_since(ctx: Context, start: int, pos: int, speaker: str) -> bool:
    """A different person opening a sentence between the last quote and `pos`."""
    for m in ctx.mentions_before(pos, ("person",)):
        if m.start < start:
            break
        s = ctx.sentences[ctx.sent_index(m.start)][0]
        if m.start - s <= 40 and (m.canonical or m.text) != speaker and m.sentence != ctx.sent_index(pos):
            return True
    return False


_PAREN_TAIL = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")
_COORD = re.compile(r"(?:^|[\s,])(?:and|but)$")
_LAST_WORD = re.compile(r"(?:^|[\s,“”\"(])([A-Za-z]+)$")
_GOVERNMENT = re.compile(r"([A-Z][a-z]+)['’]s\s+government$")


# "a Commission spokesperson", "a US Commerce Department official": the organisation speaks
_SPOKES_FOR = re.compile(r"(?:^|\s)(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w.&'’-]*\s+){1,4})"
                         r"(?:spokesperson|spokesman|spokeswoman)$")
# "Isabel Jarrett of the Pew Charitable Trusts", "Jo Bloggs at the German Economic Institute (IW) in Cologne"
_AFFILIATED = re.compile(r"(?:^|[\s,(])((?:[A-Z][\w'’.-]+\s+){1,2}[A-Z][\w'’-]+)\s+(?:of|at|from)\s+(?:the\s+)?"
                         r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|\([A-Za-z]+\)|of|for|and|in|on|the))*$")


def _org_named(ctx: Context, modifier: str, pos: int) -> tuple | None:
    """The organisation a "<modifier> spokesperson" speaks for: an earlier mention holding its words."""
    words = [w for w in fold(modifier).split() if w not in ("us", "u.s.", "eu", "chinese", "japanese")]
    if not words:
        return None
    for m in ctx.mentions_before(pos, ("org",)):
        have = fold(f"{m.text} {m.canonical}").split()
        if all(w in have for w in words):
            return _from_mention(m)
    if _ORG_HEAD_RE.search(words[-1]):
        return (_title_case(modifier), "", "", "org")
    return None


def _affiliated_person(ctx: Context, seg: str, lo: int) -> tuple[tuple, int, str] | None:
    """A name followed by its affiliation before the verb: the person speaks, not the institution."""
    m = _AFFILIATED.search(seg)
    if m is None:
        return None
    name = m.group(1)
    words = name.split()
    if words[0] in _HONORIFICS or words[0] in _NOT_NAMES or _ROLE_WORD.search(name.lower()) \
            or _ORG_HEAD_RE.search(name.lower()):
        return None
    start, end = lo + m.start(1), lo + m.end(1)
    found = ctx.mention_ending_at(end)
    if found is not None:
        return (_from_mention(found), found.start, "mention") if found.kind == "person" else None
    return _person_from_name(ctx, name, start), start, "name"


def speaker_before(ctx: Context, lo: int, hi: int) -> tuple[tuple | None, int, str]:
    """The speaker ending just before a verb at `hi`: (speaker, where it starts, how it was found)."""
    text = ctx.text
    lo = max(lo, hi - 240)
    end = _strip_tail_words(text, lo, hi)
    paren = _PAREN_TAIL.search(text, max(lo, end - 45), end)  # "Ministry of Economic Affairs (MOEA) said"
    end = paren.start() if paren else end
    named = _named_apposition(ctx, lo, end)
    if named is not None:
        return named[0], named[1], "mention"
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
    spokes = _SPOKES_FOR.search(seg)
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
        if w in REJECT_SPEAKERS:
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
            if _ACRONYM.fullmatch(raw):
                return (_acronym_expansion(ctx.text, raw, start) or raw, "", "", "org"), start, "np"
            return _person_from_name(ctx, raw, start), start, "name"
    return None, end, ""


# the speaker ends at the unit's end, before a circumstance, or before an apposition
# (", a Commission spokesperson.", ", the Labour chair of ...", ", China's envoy")
_AFTER_VERB_SPEAKER = re.compile(
    r"\s+((?:the\s+|a\s+)?(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?=[\s,.]*$|,?\s+(?:on|at|in|after|during|adding|"
    r"saying|according|who|when|while)\b|,\s+(?:the|a|an|his|her|its|their|[A-Z][\w.-]*['’]s)\s"
    r"|,\s+(?:[\w-]+\s+){0,3}?(?:%s)\b)" % PERSON_ROLES)


def speaker_after(ctx: Context, ve: int, uend: int) -> tuple | None:
    """", said Sefcovic." / ", said the ministry.": the speaker follows the verb."""
    rest = ctx.text[ve:uend]
    m = _AFTER_VERB_SPEAKER.match(rest)
    if not m:
        return None
    end = ve + m.end(1)
    spk, _, how = speaker_before(ctx, ve, end)
    return spk if how in ("mention", "name", "role", "np") else None


def sentence_subject(ctx: Context, ustart: int, vs: int) -> tuple | None:
    """The sentence subject: the first person or organisation, after at most an opening phrase."""
    dateline = DATELINE.match(ctx.text[ustart:vs])
    ustart += dateline.end() if dateline else 0
    sent = ctx.text[ustart:vs]
    intro = re.match(r"[^,]{0,60},\s+", sent)
    base = ustart + (intro.end() if intro and not re.search(r"[A-Z]\w+\s+[A-Z]", intro.group(0)) else 0)
    for m in ctx.mentions:
        if m.start >= base and m.start < vs and m.kind in ("person", "org") and m.start - base <= 45:
            return _from_mention(m)
        if m.start >= vs:
            break
    nm = re.match(r"(?:(?:[A-Z][\w.'’-]*|of|for)\s+){0,5}?([A-Z][a-z]+\s+[A-Z][\w'’-]+)\s+(?:has|had|also|[a-z]+ed)\b", ctx.text[base:vs])
    if nm is None:  # "the Chamber of Mines of the Philippines welcomed the deal but called on ..."
        org = _ORG_SUBJECT.match(ctx.text, base, vs)
        if org and _ORG_HEAD_RE.search(fold(org.group(1)).split(" of ")[0]):
            return (org.group(1), "", "", "org")
    return _person_from_name(ctx, nm.group(1), base + nm.start(1)) if nm else None


_ORG_SUBJECT = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|on|the)\s+)*){0,6}[A-Z][\w.&'’-]*)"
                          r"\s+(?:has|had|also|[a-z]+ed)\b")
