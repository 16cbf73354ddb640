"""Direct and reported quotes with their speakers.

Rules, not a parse: quotation marks are paired per paragraph (never assuming
they balance), speech verbs come from the lexicon's `speech_verbs.json`, and every
attribution stays inside one sentence (or the sentences a quotation spans).
A reported clause is the text after the verb (or before a trailing "X said");
quoted words of three or more inside it are also a direct quote. Finding the
attributions is `attribution`'s work, finding speakers `speakers`'s;
this module turns them into rows: quotations joined over paragraphs and split
attributions, floating quotations, repeats merged.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.article import Article, Quote
from pipeline.dates.expressions import date_for_sentence
from pipeline.lexicon.lexicon import Lexicon
from pipeline.quotes.attribution import attributions, word_count
from pipeline.quotes.context import Context, Speaker
from pipeline.quotes.marks import quote_spans
from pipeline.quotes.names import from_mention
from pipeline.quotes.references import sentence_subject
from pipeline.quotes.speakers import speaker_before
from pipeline.quotes.transcripts import answers
from pipeline.quotes.verbs import ClauseRules
from pipeline.text.datelines import parse_dateline
from pipeline.text.folding import fold

# a quotation with no attribution of its own goes to the last speaker this many sentences back at most
FLOATING_SENTENCES = 5
# a quotation this few words after the previous one in its paragraph continues it ("“A,” he said. “B.”")
FOLLOW_ON_WORDS = 12
# a reported clause has a subject and a verb at least ("prices would rise"); fewer words is a fragment
CLAUSE_WORDS = 4
# "Park told reporters after the talks:": this many words at most between the verb and the colon
ANNOUNCE_WORDS = 6
# "Park had a warning for the mills:": this many words at most between a person and a colon introducing their quotation
COLON_PREDICATE_WORDS = 6
# whom an urging names and what they are to do: "Beijing to reconsider"
URGED_WORDS = 3
# a thing asked for may be short ("a rules-based settlement", "an early deal")
NOUN_PHRASE_WORDS = 2
_WORD = re.compile(r"[\w'’-]+")
_HEADLINE_END = tuple(".!?\"”’')…:;")
# "(XNA) -- ", "ABC — ": a news agency's tag opening the story, not part of what was said
_AGENCY_TAG = re.compile(r"^\(?[A-Z]{2,10}\)?\s*(?:--|[-–—])\s+")
# ", the first step in ...", ", which ...": an apposition after a noun phrase, not a list's next item
_APPOSITION = re.compile(r",\s+(?:the|a|an|which|who|whose)\s")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
# "..., and" left where a clause was cut before the next one
_TRAILING_LINK = re.compile(r"(?:[,;]\s*|\s+)(?:and|but|or)$")
_LINK_WORDS = ("and", "but", "or", "\n")   # a plain test first: the scan tries every position of a paragraph
_THAT_OR_COMMA = re.compile(r"^(?:that|,)\s+")
_QUOTE_MARK = re.compile(r"[“”\"‘]|(?<![A-Za-z])’|’(?![A-Za-z])")
_MARK_CHARACTERS = "“”\"‘’"
_INNER_STOP = re.compile(r"[.!?][”’\"']?\s")
# note markers after a paragraph's last stop: "no abnormality.[1]", "in 2025.²", "the rules.*"
_NOTE_MARKERS = re.compile(r"(?:\[\d{1,3}\]|\[[a-z]\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡]+)+$")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for para in text.split("\n"):
        spans.append((pos, pos + len(para)))
        pos += len(para) + 1
    return spans


def _headline_like(para: str) -> bool:
    """Bulleted related-story lists and title lines: never a source of quotes."""
    p = _NOTE_MARKERS.sub("", para.strip()).rstrip()
    if not p or p[0] in "-•*▪►" or p.startswith("Read more"):
        return True
    if p.endswith(_LINK_WORDS) and _TRAILING_LINK.search(p):   # prose cut off before its next clause: "..., and"
        return False
    return not p.endswith(_HEADLINE_END) and not _INNER_STOP.search(p)


def _chains(text: str, paras: list[tuple[int, int]]) -> list[list]:
    """Quote spans, with a quotation running over paragraphs joined into one chain."""
    spans = quote_spans(text)
    chains: list[list] = []
    for q in spans:
        prev = chains[-1][-1] if chains else None
        para_start = paras[q.paragraph][0]
        # the next paragraph with any text (blank lines between paragraphs do not break a quotation)
        adjacent = prev is not None and prev.paragraph < q.paragraph and not any(
            text[s:e].strip() for s, e in paras[prev.paragraph + 1:q.paragraph])
        if adjacent and not prev.closed and not text[para_start:q.open].strip():
            chains[-1].append(q)
        else:
            chains.append([q])
    return chains


def _end_unclosed(text: str, chains: list[list], verb: re.Pattern) -> None:
    """A quotation never closed (and not continued in the next paragraph) runs to its paragraph's end;
    where a later sentence of that paragraph has a speech verb (“A. Reyes said B.), the narrator was
    back after the first sentence: the quotation ends there instead of swallowing the attribution."""
    for chain in chains:
        q = chain[-1]
        if q.closed:
            continue
        stop = _SENTENCE_END.search(text, q.open + 1, q.close)
        if stop is not None and verb.search(text[stop.end():q.close].lower()):
            q.close = stop.start()


def _chain_text(text: str, chain: list) -> str:
    parts = [text[q.open + 1:q.close].strip() for q in chain]
    return " ".join(p for p in parts if p).strip().rstrip(",").strip()


def _units(ctx: Context, chains: list[list]) -> list[tuple[int, int]]:
    """Sentences, merged where a quotation runs across a sentence boundary within a paragraph."""
    bounds = sorted((q.open, q.close) for c in chains for q in c)
    units: list[tuple[int, int]] = []
    j = 0
    for s, e in ctx.sentences.spans:
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
                for s2, e2 in ctx.sentences.spans:
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


def _clean_reported(text: str, lexicon: Lexicon) -> str:
    text = _NOTE_MARKERS.sub("", text.strip()).strip()
    line = parse_dateline(text, lexicon)
    text = text[line.end:] if line else text
    text = _AGENCY_TAG.sub("", text)
    text = _THAT_OR_COMMA.sub("", text)
    if any(c in text for c in _MARK_CHARACTERS):
        text = _QUOTE_MARK.sub("", text)
    text = text.strip()
    if text.endswith(_LINK_WORDS):
        text = _TRAILING_LINK.sub("", text)
    return text.strip().rstrip(",;:—–. ").strip()


def _clause_end(clauses: ClauseRules, low: str, start: int, end: int) -> int:
    """A reported clause ends where the narrator takes over (", as talks stalled", ", citing ...");
    `low` has quotations blanked, so a turn inside quoted words never cuts them."""
    turn = clauses.narrator_turn.search(low, start + 1, end)
    return turn.start() if turn else end


def _frame_words(text: str, cstart: int, cend: int, quoted: list[tuple[int, int]], lexicon: Lexicon) -> int:
    """Words of a reported clause outside its quotations (an opening "Over the past year," aside):
    'it was “...”' only frames a direct quote; 'the measures were “...” to protect health' says more."""
    lead = 0 if text[cstart:quoted[0][0]].rstrip().endswith(",") else word_count(text[cstart:quoted[0][0]])
    # a clause that opens with the quotation is the quotation, whatever trails it
    return lead + word_count(_clean_reported(text[quoted[-1][1] + 1:cend], lexicon)) if lead else 0


@dataclass
class _Row:
    speaker: Speaker
    kind: str
    text: str
    unit: tuple[int, int]
    paragraph: int
    attr_end: int = -1


def _split_two_speakers(text, chain, p_idx, speaker, rows, directs, unit, row_para, attr_end) -> None:
    """A quotation credited in its first paragraph and attributed to someone else in a later one:
    the mark left open was a slip, not a quotation running on; each speaker keeps their own words."""
    head = [q for q in chain if q.paragraph < p_idx]
    whole = _chain_text(text, chain)
    row = next((r for r in reversed(rows) if r.kind == "direct" and r.text.startswith(whole)), None) if head else None
    if row is None or not (speaker and row.speaker) or fold(speaker.name) == fold(row.speaker.name):
        return
    row.text = _chain_text(text, head) + row.text[len(whole):]
    tail = _chain_text(text, chain[len(head):])
    if word_count(tail) >= 3:
        directs.append(_Row(speaker, "direct", tail, unit, row_para, attr_end))


def _colon_subject(ctx: Context, us: int, chain: list, ue: int) -> Speaker | None:
    """The person a short sentence opens with, where it ends in a colon before a whole quoted
    sentence and nothing follows ("Park was blunt: “Nobody ...”"); not a thing of theirs ("Park’s plan")."""
    text = ctx.text
    lead = text[us:chain[0].open].rstrip()
    inner = text[chain[0].open + 1:chain[0].open + 2]
    if not lead.endswith(":") or not inner.isupper() or _WORD.search(text, chain[-1].close + 1, ue):
        return None
    people = [m for m in ctx.mentions if us <= m.start < us + len(lead) and m.kind == "person"]
    if not people or text[people[0].end:people[0].end + 2] in ("’s", "'s") \
            or word_count(text[people[-1].end:us + len(lead)]) > COLON_PREDICATE_WORDS:
        return None
    m = people[-1]
    if text[m.end:m.end + 1] == "," and text[us:m.start].rstrip().endswith(","):
        return from_mention(m)  # "Her counterpart, Deputy Minister Tomas Ferreira, was blunt:": the apposition names them
    spk = sentence_subject(ctx, us, us + len(lead))
    return spk if spk is not None and spk.is_person else None


def _rows_for_unit(ctx, low, unit, p_idx, chains_here, used, rows, last_direct):
    text, rules = ctx.text, ctx.rules
    us, ue = unit
    attrs = attributions(ctx, low, us, ue)
    sidx = ctx.sent_index(us)
    for a in attrs:
        inside, directs = [], []
        for ci, c in chains_here:
            hit = [q for q in c if a.cstart - 1 <= q.open < a.cend]
            if not hit or a.kind in ("urge", "np", "according") and c[0].open < a.cstart:
                continue
            if ci in used:  # already a row (a quotation attributed in its first and last paragraphs): it only frames
                inside.extend((q.open, q.close) for q in hit)
                _split_two_speakers(text, c, hit[0].paragraph, a.speaker, rows, directs, unit, p_idx, a.end)
                continue
            used.add(ci)
            inside.append((c[0].open, c[-1].close))
            quoted = _chain_text(text, c)
            if word_count(quoted) >= 3:
                directs.append(_Row(a.speaker, "direct", quoted, unit, p_idx, a.end))
        big = [(s, e) for s, e in inside if word_count(text[s + 1:e]) >= 3]
        content = text[a.cstart:a.cend]
        if a.kind in ("urge", "np"):
            cut = rules.urge_trim.search(content, 1)
            content = content[:cut.start()] if cut else content
        least = NOUN_PHRASE_WORDS if a.kind == "np" else URGED_WORDS if a.kind == "urge" else CLAUSE_WORDS
        # a clause that only frames a quotation ("he was “...”") is the direct quote alone
        lead = _frame_words(text, a.cstart, a.cend, sorted(big), ctx.lexicon) if big else 99
        end = _clause_end(rules.clauses, low, a.cstart, a.cstart + len(content))
        if a.kind == "np":  # "requested consultations, the first step in ...": an apposition follows the phrase
            appo = _APPOSITION.search(low, a.cstart + 1, end)
            end = appo.start() if appo else end
            lead = 99  # a quoted phrase asked for is still what was asked for
        reported = _clean_reported(text[a.cstart:end], ctx.lexicon)
        if a.tail >= 0:  # "A, she said, while B": the clause resumes after its attribution
            rest = _clean_reported(text[a.tail:_clause_end(rules.clauses, low, a.tail, ue)], ctx.lexicon)
            reported = f"{reported}, {rest}" if word_count(rest) >= 2 else reported
        if a.kind != "direct" and word_count(reported) >= least and lead >= 4 and (a.agreed or not rules.events.match(fold(reported))):
            rows.append(_Row(a.speaker, "reported", reported, unit, p_idx, a.end))
        rows.extend(directs)
        if directs:
            last_direct[0] = directs[-1]
        ctx.last_speaker, ctx.last_speaker_sent = a.speaker, sidx
        ctx.spoke_in.setdefault(sidx, a.speaker)
        if a.speaker.is_org:
            ctx.org_speakers.append(a.speaker)
    for ci, c in chains_here:
        if ci in used or c[-1].open >= ue:
            continue  # a quotation running on: its last paragraph decides
        quoted = _chain_text(text, c)
        if word_count(quoted) < 3:
            continue
        prev = last_direct[0]
        # a quotation running over paragraphs continues an attribution made in its first paragraph
        gap = text[prev.attr_end:c[0].open] if prev and prev.paragraph == c[0].paragraph and prev.attr_end <= c[0].open else None
        if gap is not None and word_count(gap) <= FOLLOW_ON_WORDS and not rules.verb.search(gap.lower()):
            prev.text = f"{prev.text} {quoted}"
            prev.attr_end = c[-1].close
            used.add(ci)
            continue
        rest = (text[us:c[0].open] + text[c[-1].close + 1:ue]) if len(c) == 1 else text[us:c[0].open]
        floating = not _WORD.search(rest)
        announced = ctx.introduced.get(c[0].paragraph)
        if floating and announced is not None and not text[text.rfind("\n", 0, c[0].open) + 1:c[0].open].strip():
            used.add(ci)   # “X told reporters:” ending the paragraph before: the quotation opening this one is X's
            rows.append(_Row(announced, "direct", quoted, unit, p_idx, c[-1].close))
            last_direct[0] = rows[-1]
            ctx.last_speaker, ctx.last_speaker_sent = announced, sidx
            continue
        subject = None if floating else _colon_subject(ctx, us, c, ue)
        if subject is not None:  # "Park was blunt: “...”": the person the sentence is about
            used.add(ci)
            rows.append(_Row(subject, "direct", quoted, unit, p_idx, c[-1].close))
            last_direct[0] = rows[-1]
            ctx.last_speaker, ctx.last_speaker_sent = subject, sidx
            continue
        if floating and ctx.last_speaker and sidx - ctx.last_speaker_sent <= FLOATING_SENTENCES:
            used.add(ci)
            rows.append(_Row(ctx.last_speaker, "direct", quoted, unit, p_idx, c[-1].close))
            last_direct[0] = rows[-1]
            ctx.last_speaker_sent = sidx


def _announcements(ctx: Context, paras: list[tuple[int, int]]) -> dict[int, Speaker]:
    """Paragraphs that end "X said:" (a speech verb, a few words, a colon): the next paragraph with
    text is whose quotation, where one opens it."""
    text, found = ctx.text, {}
    for i, (s, e) in enumerate(paras):
        para = text[s:e].rstrip()
        if not para.endswith(":"):
            continue
        lo, hi = bisect.bisect_left(ctx.verb_starts, s), bisect.bisect_left(ctx.verb_starts, s + len(para))
        if lo == hi or word_count(text[ctx.verbs[hi - 1][1]:s + len(para) - 1]) > ANNOUNCE_WORDS:
            continue
        spk, _, how = speaker_before(ctx, s, ctx.verbs[hi - 1][0])
        nxt = next((j for j in range(i + 1, len(paras)) if text[paras[j][0]:paras[j][1]].strip()), None)
        if spk is not None and how != "reject" and nxt is not None:
            found[nxt] = spk
    return found


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
        return False
    # at these lengths partial_ratio >= 95 implies ratio >= 80: the costly call only runs near the line
    r = fuzz.ratio(a, b)
    return r >= 90 or (r >= 80 and bool(fuzz.partial_ratio(a, b, score_cutoff=95)))


def _dedupe(rows: list[_Row]) -> list[_Row]:
    """A quote the article repeats (often with small edits) is one row, credited to a person
    where one repetition names the person and another only their organisation."""
    kept: list[_Row] = []
    keys: list[tuple[str, str]] = []
    for r in rows:
        key = fold(r.text)
        i = next((i for i, (k, other) in enumerate(keys) if k == r.kind and _same(key, other)), -1)
        if i >= 0:
            if kept[i].speaker.is_org and r.speaker and r.speaker.is_person:
                kept[i].speaker = r.speaker
            continue
        kept.append(r)
        keys.append((r.kind, key))
    return kept


def _finish(ctx: Context, r: _Row, paras: list[tuple[int, int]], tag_cache: dict) -> Quote:
    article = ctx.article
    sidx = ctx.sent_index(r.unit[0])
    te = date_for_sentence(article, sidx)
    ps, pe = paras[r.paragraph]
    span = (min(ps, r.unit[0]), max(pe, r.unit[1]))
    if span not in tag_cache:
        # the tags step already placed each tag's hits in sentences: no second scan of the text
        lo, hi = ctx.sent_index(span[0]), ctx.sent_index(max(span[0], span[1] - 1))
        tag_cache[span] = [t.tag for t in article.tags if any(lo <= i <= hi for i in t.sentences)]
    spk = r.speaker
    return Quote(speaker=spk.name, kind=r.kind, text=r.text, speaker_role=spk.role or "",
                 speaker_country=spk.country or "",
                 date=(te.value if te is not None and te.value else None) or article.published,
                 tags=list(tag_cache[span]),
                 evidence=article.text[r.unit[0]:r.unit[1]].strip())


def extract_quotes(article: Article, lexicon: Lexicon) -> Article:
    """Fill `article.quotes` with direct and reported quotes, one row per distinct quote."""
    ctx = Context(article, lexicon)
    text = ctx.text
    if not text.strip():
        article.quotes = []
        return article
    paras = _paragraph_spans(text)
    para_starts = [s for s, _ in paras]
    skip = [_headline_like(text[s:e]) for s, e in paras]
    chains = _chains(text, paras)
    _end_unclosed(text, chains, ctx.rules.verb)
    low = _masked_lower(text, chains)
    ctx.verbs = [(m.start(), m.end(), m.group(0)) for m in ctx.rules.verb.finditer(low)]
    ctx.verb_starts = [v[0] for v in ctx.verbs]
    ctx.introduced = _announcements(ctx, paras)
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
    # a transcript's answers are direct quotes of the answerer, each turn one row
    rows.extend(_Row(t.speaker, "direct", t.text, (t.start, t.end), t.paragraph) for t in answers(ctx))
    rows = [r for r in _dedupe(rows) if r.speaker and fold(r.speaker.name) not in ctx.rules.reject_speakers]
    tag_cache: dict = {}
    article.quotes = [_finish(ctx, r, paras, tag_cache) for r in rows]
    return article
