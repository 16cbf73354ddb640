"""Reading with copies: each group (a canonical article and its copies) counted once."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from pipeline.copies.link import linker_of, scan
from pipeline.text.folding import fold

SCAN_UP_TO = 64     # new articles linked by comparing signatures outright; more: through an LSH index


def group_of(articles: pd.DataFrame) -> pd.Series:
    """Each article's canonical id (its own for a canonical article)."""
    dup = articles["duplicate_of"]
    return dup.where(dup != "", articles["article_id"])


def _outlet(articles: pd.DataFrame) -> pd.Series:
    # an article without a named source is an outlet of its own
    return articles["source"].where(articles["source"] != "", "\x00" + articles["article_id"])


def with_outlets(articles: pd.DataFrame) -> pd.DataFrame:
    """`outlets` recounted over the whole table (a copy stored later adds to its canonical's
    count) and `outlet_names`, the named outlets of the group, canonical first."""
    if not len(articles) or "duplicate_of" not in articles.columns:
        return articles
    group = group_of(articles)
    outlet = _outlet(articles)
    counts = outlet.groupby(group).nunique()
    names: dict[str, list[str]] = {}
    for g, o in zip(group, outlet):
        if not o.startswith("\x00") and o not in names.setdefault(g, []):
            names[g].append(o)
    return articles.assign(outlets=group.map(counts).astype("int64").to_numpy(),
                           outlet_names=[names.get(g, []) for g in group])


def canonical_rows(df: pd.DataFrame, copies: set[str]) -> pd.DataFrame:
    """The rows of a quotes or meetings table that come from a canonical article: a copy's
    facts are its canonical's, counted there once."""
    if not copies or not len(df):
        return df
    if "article_id" in df.columns:
        return df[~df["article_id"].isin(copies)]
    keep = np.array([not set(ids) <= copies if ids else True for ids in df["article_ids"]], dtype=bool)
    return df[keep]


def _words(text: str) -> str:
    return re.sub(r"\W+", " ", fold(text)).strip()


def quotes_once(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each quote of a syndicated story once. A copy's quote that repeats one of its group's
    (same kind, same words once case, accents and punctuation are set aside) folds into the
    row of the first article carrying it, the canonical first, then the copies in stored
    order; that row keeps its speaker (a copy's named speaker stands in for an empty one).
    `article_ids` lists the articles carrying each quote in that order; a quote only a copy
    has (a reworded lead) stays a row of its own. Rows keep their order."""
    out = quotes.assign(article_ids=[[a] for a in quotes["article_id"]])
    if not len(quotes) or "duplicate_of" not in articles.columns or not (articles["duplicate_of"] != "").any():
        return out
    group = group_of(articles)
    linked = set(group[articles["duplicate_of"] != ""])
    rank = {a: (0 if a == g else 1 + i) for i, (a, g) in enumerate(zip(articles["article_id"], group)) if g in linked}
    of = dict(zip(articles["article_id"], group))
    aids, kinds, texts = (quotes[c].tolist() for c in ("article_id", "kind", "text"))
    ids, speakers = out["article_ids"].tolist(), out["speaker"].tolist()
    first: dict[tuple, int] = {}
    drop = []
    for i in sorted((i for i, a in enumerate(aids) if a in rank), key=lambda i: rank[aids[i]]):
        j = first.setdefault((of[aids[i]], kinds[i], _words(texts[i])), i)
        if j != i:
            drop.append(i)
            if aids[i] not in ids[j]:
                ids[j].append(aids[i])
            speakers[j] = speakers[j] or speakers[i]
    out = out.assign(article_ids=ids, speaker=speakers)
    return out.drop(index=out.index[drop])


def with_copies(meetings: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """A canonical article's meeting rows list its copies too (they report the meeting), and
    the copies' own rows go: each meeting of a syndicated story is one row, reported by the
    articles of every outlet that carries it."""
    copies = articles[articles["duplicate_of"] != ""]
    if copies.empty or not len(meetings):
        return meetings
    carried: dict[str, list[str]] = {}
    for copy, canonical in zip(copies["article_id"], copies["duplicate_of"]):
        carried.setdefault(canonical, []).append(copy)
    kept = canonical_rows(meetings, set(copies["article_id"]))
    ids = [list(v) + [c for a in v for c in carried.get(a, []) if c not in v] for v in kept["article_ids"]]
    return kept.assign(article_ids=ids, source_count=[len(v) for v in ids])


def copies_of(articles: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """The other articles of this article's group, canonical first, in stored order."""
    group = group_of(articles)
    mine = group[articles["article_id"] == article_id]
    if mine.empty:
        return articles.iloc[0:0]
    rows = articles[(group == mine.iloc[0]).to_numpy() & (articles["article_id"] != article_id).to_numpy()]
    return rows.assign(_copy=rows["duplicate_of"] != "").sort_values("_copy", kind="stable").drop(columns="_copy")


def link_new(stored: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """`new` articles linked, in their order, against `stored` (ids, signatures and links) and
    the new ones before them; `duplicate_of` and `outlets` filled."""
    if len(new) <= SCAN_UP_TO:
        links = scan(stored["article_id"].tolist(), stored["signature"].tolist(), stored["duplicate_of"].tolist(),
                     new["article_id"].tolist(), new["signature"].tolist())
    else:
        linker = linker_of(stored["article_id"], stored["signature"], stored["duplicate_of"])
        links = [linker.link(i, s) for i, s in zip(new["article_id"], new["signature"])]
    new = new.assign(duplicate_of=pd.Series(links, index=new.index, dtype=object))
    both = pd.concat([stored[["article_id", "source", "duplicate_of"]], new[["article_id", "source", "duplicate_of"]]],
                     ignore_index=True)
    group = group_of(both)
    touched = group.isin(set(group.iloc[len(stored):]))   # only the new articles' groups are counted
    counts = with_outlets(both[touched]).set_index("article_id")["outlets"]
    return new.assign(outlets=new["article_id"].map(counts).fillna(1).astype("int64").to_numpy())


def relink(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The articles after a reprocess, their links as they were: an article stored with a
    signature keeps its link; one stored before signatures were kept is linked now, in
    stored order, against the articles before it. `outlets` recounted."""
    if not len(after):
        return after
    had = dict(zip(before["article_id"], before["signature"]))
    was = dict(zip(before["article_id"], before["duplicate_of"]))
    linker = linker_of([], [], [])
    links = []
    for i, signature in zip(after["article_id"], after["signature"]):
        if had.get(i):
            linker.add(i, signature, was.get(i, ""))
            links.append(was.get(i, ""))
        else:
            links.append(linker.link(i, signature))
    linked = after.assign(duplicate_of=pd.Series(links, index=after.index, dtype=object))
    return linked.assign(outlets=with_outlets(linked)["outlets"].to_numpy())
