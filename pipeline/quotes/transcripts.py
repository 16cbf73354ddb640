"""Transcripts: press conferences, "Q:/A:" pages and interviews, read by their speaker labels.

A transcript is a run of paragraphs opening with a speaker label ("Q:", "A:", "Ana Ruiz:",
"MINISTER RUIZ:", "Reporter:"), the label on its own line or before the words. Each turn runs
until the next label. An answer is a direct quote of the named answerer, its paragraphs joined;
a bare "A:" answers for the person a header names ("Spokesperson Ana Ruiz's Regular Press
Conference") or the last named answerer. Questions are not rows.

The label words are data (`speech_verbs.json`: transcript_* keys); the shape is checked here: at
least two labelled turns, one of them a question and one an answer, so a lone "Note:" or a
"New Delhi:" dateline never makes a transcript.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.entities.names import resolve_name
from pipeline.lexicon.lexicon import Lexicon
from pipeline.quotes.context import Context, Speaker
from pipeline.quotes.names import from_mention, person_from_name
from pipeline.text.alternation import trie_alternation

# a speaker label is a short name or role ("Foreign Ministry Spokesperson Ana Ruiz"): this many words
LABEL_WORDS = 8


# "Ana Ruiz (Spokesperson):": a bracketed role after the name
_ROLE_IN_BRACKETS = re.compile(r"\s*\([^()]{1,40}\)")


@dataclass
class Turn:
    """One answer of a transcript, as a row: who answered and the words, over its paragraphs."""
    speaker: Speaker
    text: str
    start: int
    end: int
    paragraph: int


class TranscriptRules:
    """Transcript label words and the label and header patterns, built from one lexicon."""

    def __init__(self, lexicon: Lexicon):
        data = lexicon.data("speech_verbs.json")
        self.questions = frozenset(data["transcript_question_labels"])
        self.answers = frozenset(data["transcript_answer_labels"])
        self.not_labels = frozenset(data["transcript_not_labels"])
        self.role_words = frozenset([*data["person_roles"], *data["org_heads"], *data["transcript_role_words"],
                                     *(w.lower() for w in data["honorifics"])])
        self.label = re.compile(r"^\s*([A-Za-z][\w.'’&() -]{0,80}?)\s*[:：]\s*(.*)$", re.S)
        # "Foreign Ministry Spokesperson Ana Ruiz's Regular Press Conference on March 3"
        self.header = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,6}[A-Z][\w'’-]+)['’]s\s+(?:[\w-]+\s+){0,3}?(?:%s)\b"
                                 % trie_alternation(data["transcript_headers"]), re.I)


def _label(rules: TranscriptRules, para: str) -> tuple[str, str] | None:
    """(label, words after it) when the paragraph opens with a speaker label."""
    m = rules.label.match(para)
    if m is None:
        return None
    label, body = _ROLE_IN_BRACKETS.sub("", m.group(1)).strip(), m.group(2).strip()
    low = label.lower()
    if low in rules.questions or low in rules.answers:
        return label, body
    words = label.split()
    if low in rules.not_labels or len(words) > LABEL_WORDS or any(ch.isdigit() for ch in label):
        return None
    if not all(w[:1].isupper() or w in ("of", "for", "and", "the", "de", "van", "von") for w in words):
        return None
    return label, body


def _name_of(rules: TranscriptRules, label: str) -> str:
    """The person's name in a label: the words after its last role word, in title case if shouted."""
    words = label.split()
    if label.isupper():
        words = [w.capitalize() for w in words]
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower().rstrip(".") in rules.role_words:
            return " ".join(words[i + 1:])
    return " ".join(words)


def _person(ctx: Context, rules: TranscriptRules, label: str, pos: int) -> Speaker | None:
    """The person a label (or a header's name) stands for, or None for an outlet or an office."""
    found = [m for m in ctx.mentions_before(pos + len(label), ("person", "org", "country"))
             if m.start >= pos and m.end <= pos + len(label)]
    if found:
        return from_mention(found[0]) if found[0].kind == "person" else None
    name = _name_of(rules, label)
    if not name:
        return None
    return person_from_name(ctx, name, pos)


def _header_answerer(ctx: Context, rules: TranscriptRules, upto: int) -> Speaker | None:
    """The person a header before the first label (or the title) names as the one answering."""
    head = ctx.text[:upto]
    m = None
    for m in rules.header.finditer(head):
        pass
    if m is None:
        title = rules.header.search(ctx.article.title or "")
        if title is None:
            return None
        name = _name_of(rules, title.group(1))
        return person_from_name(ctx, name, 0) if len(name.split()) >= 2 else None
    people = [p for p in ctx.mentions_before(m.end(1), ("person",)) if p.start >= m.start(1)]
    if people:
        return from_mention(people[0])
    name = _name_of(rules, m.group(1))
    return person_from_name(ctx, name, m.start(1)) if len(name.split()) >= 2 else None


def answers(ctx: Context) -> list[Turn]:
    """The answers of a transcript-shaped article; nothing for ordinary prose."""
    rules = ctx.lexicon.compiled(TranscriptRules)
    paras = ctx.text.split("\n")
    starts, pos = [], 0
    for p in paras:
        starts.append(pos)
        pos += len(p) + 1
    turns: list[list] = []   # [label, first paragraph, parts]
    for i, para in enumerate(paras):
        lab = _label(rules, para)
        if lab is not None:
            turns.append([lab[0], i, [lab[1]] if lab[1] else [], i])
        elif turns and para.strip():
            turns[-1][2].append(para.strip())
            turns[-1][3] = i
    if len(turns) < 2:
        return []
    # a label that once speaks without asking, or that names a known person, answers
    plain = {label for label, _, parts, _ in turns if "?" not in " ".join(parts)}
    kinds = []
    for label, i, parts, _ in turns:
        low = label.lower()
        body = " ".join(parts).rstrip()
        if low in rules.questions:
            kinds.append("q")
        elif low in rules.answers:
            kinds.append("a")
        elif body.endswith("?"):
            kinds.append("q")
        elif "?" in body and label not in plain and resolve_name(_name_of(rules, label), ctx.lexicon) is None:
            kinds.append("q")
        else:
            kinds.append("a")
    if "q" not in kinds or "a" not in kinds:
        return []
    answerer = _header_answerer(ctx, rules, starts[turns[0][1]])
    out: list[Turn] = []
    for (label, i, parts, last), kind in zip(turns, kinds):
        if kind == "q":
            continue
        if label.lower() in rules.answers:
            spk = answerer
        else:
            spk = _person(ctx, rules, label, starts[i] + len(paras[i]) - len(paras[i].lstrip()))
            answerer = spk or answerer
        text = " ".join(parts).strip()
        if spk is None or len(text.split()) < 3:
            continue
        out.append(Turn(spk, text, starts[i], starts[last] + len(paras[last]), i))
    return out
