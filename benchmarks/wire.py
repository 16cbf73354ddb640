"""Generated wire stories, their syndicated copies, and other stories about the same meeting.

Every text is invented: words drawn from a vocabulary with a long tail, so that two
independent stories share only the stock phrases and names any two reports of one
meeting share. A copy is the same story as another outlet runs it: a new header and
byline, the outlet's lines added, the lead reworded, the last paragraph cut.
"""
from __future__ import annotations

import random

import numpy as np

SYLLABLES = ["ka", "ren", "tol", "mi", "sar", "vo", "den", "lu", "bra", "ish", "or", "te", "gan", "pel",
             "zu", "mor", "ai", "nes", "qui", "dal", "fen", "ro", "sta", "vik"]
STOCK = ["said in a statement", "according to officials", "the two sides agreed to", "told reporters on",
         "trade minister", "talks on tariffs", "the ministry said", "met on the sidelines of",
         "a joint news conference", "the two countries", "export controls", "said on Thursday"]
FURNITURE = ["Sign up for our morning briefing to get the top stories in your inbox.",
             "Copyright {outlet}. All rights reserved. This material may not be published or redistributed.",
             "Read more: the latest on trade and tariffs from {outlet}.",
             "Follow {outlet} on social media for live updates.",
             "Reporting by staff correspondents; editing by the {outlet} desk."]
COMMON = ("the of and to a in that on for with is was as by at from it said has have be are this "
          "which would but its an not were their had after over more will also been new two than "
          "last year week officials government talks trade minister deal"
          ).split()


class Words:
    """An invented vocabulary with a long tail, drawn by numpy."""

    def __init__(self, seed: int = 7, size: int = 20000):
        rng = random.Random(seed)
        made = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size * 2)}
        self.vocab = np.array(COMMON + sorted(made)[:size], dtype=object)
        ranks = np.arange(1, len(self.vocab) + 1)
        self.cdf = np.cumsum(1.0 / ranks ** 0.9)
        self.cdf /= self.cdf[-1]
        self.np = np.random.default_rng(seed)

    def sentence(self, n: int, names: list[str]) -> str:
        picked = np.minimum(np.searchsorted(self.cdf, self.np.random(n)), len(self.vocab) - 1)
        words = self.vocab[picked].tolist()
        at = int(self.np.integers(0, n))
        words[at:at] = [self.np.choice(names), STOCK[int(self.np.integers(len(STOCK)))]] if names else []
        return " ".join(words).capitalize() + "."

    def paragraph(self, names: list[str]) -> str:
        return " ".join(self.sentence(int(self.np.integers(12, 30)), names)
                        for _ in range(int(self.np.integers(1, 4))))


def meeting(words: Words, i: int) -> dict:
    """Who met whom, where: the names every report of it carries."""
    name = lambda: " ".join(w.capitalize() for w in words.vocab[words.np.integers(60, 3000, 2)])  # noqa: E731
    a, b, place = name(), name(), name().split()[0]
    return {"names": [a, b, place], "lead": f"{a} met {b} in {place} on Thursday for talks on tariffs.",
            "quote": f'"We agreed to keep talking," {a} said after the meeting in {place}.'}


def story(words: Words, m: dict, paragraphs: int) -> list[str]:
    body = [m["lead"] + " " + words.paragraph(m["names"])]
    body += [words.paragraph(m["names"]) for _ in range(paragraphs - 1)]
    body.insert(min(2, len(body)), m["quote"])   # the same official quote in every report
    return body


def copy_of(words: Words, body: list[str], m: dict, outlet: str, rng: random.Random,
            lead=True, cut=True, furniture=True, header=True) -> list[str]:
    out = list(body)
    if lead:
        out[0] = m["lead"].replace("on Thursday", "this week") + " " + words.paragraph(m["names"])
    if cut and len(out) > 3:
        out = out[:-1]
    if furniture:
        out += [f.format(outlet=outlet) for f in rng.sample(FURNITURE, rng.randint(1, 3))]
    if header:
        out = [f"By {outlet} staff and agencies", f"{m['names'][2].upper()} ({outlet}) -"] + out
    return out


def pairs(n: int, seed: int = 11) -> list[tuple[str, str, bool]]:
    """n pairs of texts, half copies of one story (every kind of change, alone and together),
    half different stories about the same meeting: (text, text, is a copy)."""
    words, rng = Words(seed), random.Random(seed)
    out = []
    for i in range(n):
        m = meeting(words, i)
        body = story(words, m, rng.randint(4, 12))
        if i % 2:
            other = story(words, m, rng.randint(3, 10))
            out.append(("\n".join(body), "\n".join(other), False))
            continue
        kinds = ["lead", "cut", "furniture", "header"]
        chosen = set(kinds) if i % 4 == 0 else {rng.choice(kinds)}
        copy = copy_of(words, body, m, f"Outlet {i}", rng, **{k: k in chosen for k in kinds})
        out.append(("\n".join(body), "\n".join(copy), True))
    return out


def corpus(n: int, copies: float = 0.2, seed: int = 5) -> list[tuple[str, str, str]]:
    """n articles (id, outlet, text), a share of them copies of an earlier one."""
    words, rng = Words(seed), random.Random(seed)
    out: list[tuple[str, str, str]] = []
    stories: list[tuple[dict, list[str]]] = []
    for i in range(n):
        if stories and rng.random() < copies:
            m, body = rng.choice(stories)
            text = copy_of(words, body, m, f"Outlet {i % 50}", rng)
        else:
            m = meeting(words, i)
            text = body = story(words, m, rng.randint(4, 12))
            stories.append((m, body))
        out.append((f"a{i}", f"Outlet {i % 50}", "\n".join(text)))
    return out
