"""The people list as the People page shows it, and what an edit of it would touch.

A person is one canonical name of people.csv (one row per office held). The counts are
of the stored rows that name them: articles (their `people`), meetings (their
`participants`) and quotes (their `speaker`). What an edit changes is worked out from the
same rows: merging A into B rewrites every row naming A; splitting an alias off B touches
B's rows in articles whose text uses that alias; an office or a date touches B's rows.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from pipeline.lexicon.edits import Rows
from pipeline.lexicon.files import split_list
from pipeline.lexicon.phrases import normalise
from pipeline.text.folding import fold_aligned

COLUMNS = ["canonical", "aliases", "role", "country", "valid_from", "valid_to", "offices", "articles", "meetings",
           "quotes"]


def _counts(values: Iterable) -> Counter:
    counts: Counter = Counter()
    for v in values:
        counts.update(set(v) if isinstance(v, (list, tuple)) else [v])
    return counts


def mention_counts(articles: pd.DataFrame, meetings: pd.DataFrame, quotes: pd.DataFrame) -> dict[str, Counter]:
    """Canonical name -> how many articles, meetings and quotes name it."""
    return {"articles": _counts(articles["people"]), "meetings": _counts(meetings["participants"]),
            "quotes": _counts(quotes["speaker"])}


def office(row: Mapping[str, str]) -> str:
    """"Minister of Commerce, China, 2020-12-26 to now"."""
    dates = ""
    if row.get("valid_from") or row.get("valid_to"):
        dates = f"{row.get('valid_from') or '…'} to {row.get('valid_to') or 'now'}"
    return ", ".join(p for p in (row.get("role", ""), row.get("country", ""), dates) if p)


def people_table(table: Rows, counts: dict[str, Counter]) -> pd.DataFrame:
    """One row per person, in file order: their aliases (every row's), the office of their last
    row and each office held, and how many stored articles, meetings and quotes name them."""
    people: dict[str, dict] = {}
    for row in table.rows:
        name = row.get("canonical", "")
        p = people.setdefault(name, {"canonical": name, "aliases": [], "offices": []})
        p["aliases"] += [a for a in split_list(row.get("aliases", "")) if a not in p["aliases"]]
        p["offices"].append(office(row))
        p.update({k: row.get(k, "") for k in ("role", "country", "valid_from", "valid_to")})
    out = pd.DataFrame(list(people.values()), columns=COLUMNS[:7])
    for what in ("articles", "meetings", "quotes"):
        out[what] = [counts[what].get(n, 0) for n in out["canonical"]]
    return out[COLUMNS]


def naming(articles: pd.DataFrame, meetings: pd.DataFrame, quotes: pd.DataFrame, name: str,
           among: set[str] | None = None) -> dict[str, int]:
    """How many articles, meetings and quotes name `name` (within the articles `among`)."""
    art = articles["people"].map(lambda v: name in v)
    mtg = meetings["participants"].map(lambda v: name in v)
    quo = quotes["speaker"] == name
    if among is not None:
        art &= articles["article_id"].isin(among)
        mtg &= meetings["article_ids"].map(lambda v: bool(set(v) & among))
        quo &= quotes["article_id"].isin(among)
    return {"articles": int(art.sum()), "meetings": int(mtg.sum()), "quotes": int(quo.sum())}


def using_name(texts: Iterable[tuple[str, str]], name: str) -> set[str]:
    """The articles whose text holds `name` as whole words (case and accents aside)."""
    words = normalise(name).split()
    if not words:
        return set()
    pattern = re.compile(r"(?<!\w)" + r"[\s\-]+".join(re.escape(w) for w in words) + r"(?!\w)")
    return {article_id for article_id, text in texts if pattern.search(fold_aligned(text))}
