"""The sidebar's filters over the prepared tables: masks, vectorised, and a folded text search."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.query.prepared import Views, article_texts
from pipeline.text.folding import fold


@dataclass(frozen=True)
class Filters:
    """The sidebar's choices; an empty choice means no filter on that field."""
    start: str = ""                    # ISO day, inclusive
    end: str = ""
    people: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()        # meetings only
    statuses: tuple[str, ...] = ()     # meetings only
    sources: tuple[str, ...] = ()
    search: str = ""
    # how the chosen people and countries combine: "any" of them, or "between" all of them
    match: str = "any"

    @property
    def between(self) -> bool:
        return self.match == BETWEEN


ANY, BETWEEN = "any", "between"
MATCHES = (ANY, BETWEEN)


_ACCENTED = "[\u00c0-\u024f\u1e00-\u1eff]"   # Latin letters that can carry a diacritic


def _folded(s: pd.Series) -> pa.Array:
    """Lower-case with accents stripped, like `fold`, but vectorised.

    Decomposing (NFKD) is slow on long texts, so only rows with an accented
    Latin letter go through it. Curly apostrophes stay: `_matches` allows for them.
    """
    arr = pc.utf8_lower(pa.array(s.tolist(), type=pa.string()))
    accented = pc.match_substring_regex(arr, _ACCENTED)
    if not pc.any(accented).as_py():
        return arr
    stripped = pc.replace_substring_regex(pc.utf8_normalize(arr.filter(accented), "NFKD"), r"\p{M}", "")
    return pc.replace_with_mask(arr, accented, stripped)


def _haystack(v: Views, table: str) -> pa.Array:
    """The folded text a search looks in, built on the first search of each table."""
    if table not in v.hay:
        if table == "articles":
            text = v.articles["title"] + "\n" + article_texts(v)
        elif table == "meetings":
            m = v.meetings
            text = (m["participants_text"] + "\n" + m["location"] + "\n" + m["occasion"] + "\n"
                    + m["evidence_text"] + "\n" + m["titles"])
        else:
            q = v.quotes
            text = q["speaker"] + "\n" + q["text"] + "\n" + q["evidence"]
        v.hay[table] = _folded(text)
    return v.hay[table]


def any_in(v: Views, table: str, col: str, values, n: int) -> np.ndarray:
    """Rows of `table` (n of them) whose list column `col` holds any of `values`."""
    if table == "meetings":
        v.meetings  # noqa: B018 - preparing the meetings fills their lists
    exploded = v.lists[table, col]
    mask = np.zeros(n, dtype=bool)
    mask[exploded.index[exploded.isin(values)].unique()] = True
    return mask


def all_in(v: Views, table: str, col: str, values, n: int) -> np.ndarray:
    """Rows of `table` (n of them) whose list column `col` holds every one of `values`."""
    if table == "meetings":
        v.meetings  # noqa: B018 - preparing the meetings fills their lists
    exploded = v.lists[table, col]
    wanted = set(values)
    held = exploded[exploded.isin(wanted)]
    counts = held.groupby(level=0).nunique()
    mask = np.zeros(n, dtype=bool)
    mask[counts.index[counts.to_numpy() == len(wanted)]] = True
    return mask


def _sides(v: Views, table: str, f: Filters, people_col: str, countries_col: str, n: int) -> np.ndarray:
    """The people and countries filters: any of the chosen in each field, or all of them together."""
    holds = all_in if f.between else any_in
    mask = np.ones(n, dtype=bool)
    for col, values in ((people_col, f.people), (countries_col, f.countries)):
        if values:
            mask &= holds(v, table, col, values, n)
    return mask


def _in_range(days: pd.Series, f: Filters) -> np.ndarray:
    mask = np.ones(len(days), dtype=bool)
    if f.start:
        mask &= (days >= f.start).to_numpy()
    if f.end:
        mask &= ((days <= f.end) & (days != "")).to_numpy()
    return mask


def _matches(v: Views, table: str, query: str) -> np.ndarray:
    """Every word of the query occurs (folded) in the row's text."""
    hay = _haystack(v, table)
    mask = np.ones(len(hay), dtype=bool)
    for word in fold(query).split():
        if "'" in word:
            pattern = "['\u2018\u2019]".join(re.escape(part) for part in word.split("'"))
            found = pc.match_substring_regex(hay, pattern)
        else:
            found = pc.match_substring(hay, word)
        mask &= found.to_numpy(zero_copy_only=False)
    return mask


def article_mask(v: Views, f: Filters) -> np.ndarray:
    a, n = v.articles, len(v.articles)
    mask = _in_range(a["published"], f) & _sides(v, "articles", f, "people", "countries", n)
    if f.tags:
        mask &= any_in(v, "articles", "tags", f.tags, n)
    if f.sources:
        mask &= a["source"].isin(f.sources).to_numpy()
    if f.search.strip():
        mask &= _matches(v, "articles", f.search)
    return mask


def filter_articles(v: Views, f: Filters) -> pd.DataFrame:
    return v.articles[article_mask(v, f)]


def filter_meetings(v: Views, f: Filters) -> pd.DataFrame:
    m, n = v.meetings, len(v.meetings)
    mask = _in_range(m["date"], f) & _sides(v, "meetings", f, "participants", "countries", n)
    for col, values in (("tags", f.tags),
                        ("sources_list", f.sources)):
        if values:
            mask &= any_in(v, "meetings", col, values, n)
    if f.modes:
        mask &= m["mode"].isin(f.modes).to_numpy()
    if f.statuses:
        mask &= m["status"].isin(f.statuses).to_numpy()
    if f.search.strip():
        mask &= _matches(v, "meetings", f.search)
    return m[mask]


def filter_quotes(v: Views, f: Filters) -> pd.DataFrame:
    q = v.quotes
    mask = _in_range(q["date"], f)
    if f.people:
        mask &= q["speaker"].isin(f.people).to_numpy()
    if f.countries:
        mask &= q["speaker_country"].isin(f.countries).to_numpy()
    if f.between and (f.people or f.countries):
        # a quote has one speaker: "between" keeps the chosen speakers' quotes in articles
        # that name every chosen side
        mask &= np.append(_sides(v, "articles", f, "people", "countries", len(v.articles)),
                          False)[v.article_pos["quotes"]]
    if f.tags:
        mask &= any_in(v, "quotes", "tags", f.tags, len(q))
    if f.sources:
        mask &= q["source"].isin(f.sources).to_numpy()
    if f.search.strip():
        mask &= _matches(v, "quotes", f.search)
    return q[mask]


def filter_tags(v: Views, f: Filters, other_tags: bool = False) -> pd.DataFrame:
    """Tag rows of the filtered articles; with `other_tags`, an article's unselected tags too."""
    pos = v.article_pos["tags"]
    keep = np.append(article_mask(v, f), False)[pos]   # position -1 picks the appended False
    rows = v.tags[keep]
    if f.tags and not other_tags:
        rows = rows[rows["tag"].isin(f.tags)]
    return rows
