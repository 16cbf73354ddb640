"""The four tables indexed for the dashboard, once per store version.

`prepare` does the per-row work (exploded list columns, joined display text,
stand-in titles); the filters and aggregates then stay vectorised, so a page
is fast on tens of thousands of articles. Dates are ISO strings ("" when
unknown), compared as strings.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline.copies.groups import quotes_once, with_copies, with_outlets
from pipeline.text.sentences import sentence_spans

UNTAGGED = "(no issue)"
TextLoader = Callable[[list[str] | None], dict[str, str]]


@dataclass
class Views:
    articles: pd.DataFrame
    meeting_rows: pd.DataFrame | Callable[[], pd.DataFrame]   # the meeting events, or how to read them
    quotes: pd.DataFrame
    tags: pd.DataFrame
    labels: dict[str, str]                             # tag id -> label
    lists: dict[tuple[str, str], pd.Series] = field(default_factory=dict)
    hay: dict[str, pa.Array] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)
    # the article row each quote and tag row belongs to (-1: none), for filtering by position
    article_pos: dict[str, np.ndarray] = field(default_factory=dict)
    # article id list (None: all) -> {id: text}; used when `articles` is prepared without its text
    load_text: TextLoader | None = None
    # the unmerged meeting rows (at least participants, countries, mode, status and tags):
    # enough for the filter options and the reader, so those never wait for the merge
    meeting_facets: pd.DataFrame | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def meetings(self) -> pd.DataFrame:
        """The merged meetings, read and indexed on first use (once, whichever session asks)."""
        if "meetings" not in self.memo:
            with self.lock:
                if "meetings" not in self.memo:
                    rows = self.meeting_rows() if callable(self.meeting_rows) else self.meeting_rows
                    self.memo["meetings"] = _prepare_meetings(self, rows.reset_index(drop=True))
        return self.memo["meetings"]

    def options(self) -> dict[str, list[str]]:
        """The values each sidebar filter can take (worked out once: the tables never change)."""
        if "options" not in self.memo:
            self.memo["options"] = self._options()
        return self.memo["options"]

    def _options(self) -> dict[str, list[str]]:
        def values(*series: pd.Series) -> list[str]:
            both = pd.concat(series, ignore_index=True)
            return sorted(set(both[both != ""].dropna().tolist()))
        dates = self.articles["published"][self.articles["published"] != ""]
        facets = self.memo.get("meetings")
        if facets is None:
            facets = self.meetings if self.meeting_facets is None else self.meeting_facets
        countries = values(self.lists["articles", "countries"], _explode(facets["countries"]),
                           self.quotes["speaker_country"])
        people = values(self.lists["articles", "people"], _explode(facets["participants"]),
                        self.quotes["speaker"])
        return {
            # a meeting names a country where no person is named: that is not a person to pick
            "people": [p for p in people if p not in set(countries)], "countries": countries,
            "tags": sorted(self.labels, key=lambda t: self.labels[t].lower()),
            "modes": values(facets["mode"]), "statuses": values(facets["status"]),
            "sources": values(self.articles["source"]),
            "dates": [dates.min(), dates.max()] if len(dates) else [],
        }


def memoised(v: Views, key: tuple, make: Callable[[], object], keep: int = 64):
    """`make()`, kept on the views under `key` (say, an aggregate's name, the filters and its
    arguments): a rerun with the same choices, in any session, does not work it out again.
    The oldest of more than `keep` results is dropped."""
    kept = v.memo.setdefault("aggregates", {})
    if key not in kept:
        if len(kept) >= keep:
            with suppress(StopIteration, RuntimeError):   # another session dropped it first
                kept.pop(next(iter(kept)), None)
        kept[key] = make()
    return kept[key]


def _joined(s: pd.Series) -> pd.Series:
    return pd.Series(["; ".join(v) for v in s], index=s.index, dtype=object)


def title_from(text: str, origin: str, limit: int = 90) -> str:
    """A stand-in title for an untitled article: its first sentence, shortened; else the file name."""
    head = text[:1000]
    spans = sentence_spans(head)
    first = " ".join(head[spans[0][0]:spans[0][1]].split()) if spans else ""
    if not first:
        return origin
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return first


def _with_titles(art: pd.DataFrame, load_text: TextLoader | None) -> pd.DataFrame:
    """Untitled articles get `title_from` (the stored title stays in `stored_title`)."""
    untitled = art["title"].eq("").to_numpy()
    art = art.assign(stored_title=art["title"])
    if not untitled.any():
        return art
    rows = art[untitled]
    if "text" in art.columns:
        texts = rows["text"].tolist()
    else:
        found = load_text(rows["article_id"].tolist()) if load_text else {}
        texts = [found.get(i, "") for i in rows["article_id"]]
    titles = art["title"].to_numpy(dtype=object).copy()
    titles[untitled] = [title_from(t, o) for t, o in zip(texts, rows["origin"])]
    return art.assign(title=titles)


def _take(values: pd.Series, pos: np.ndarray) -> np.ndarray:
    """values[pos] as an object array, "" where pos is -1."""
    arr = values.to_numpy(dtype=object)
    if not len(arr):
        return np.full(len(pos), "", dtype=object)
    return np.where(pos >= 0, arr[np.clip(pos, 0, None)], "")


def prepare(tables: dict, labels: dict[str, str] | None = None, load_text: TextLoader | None = None,
            meeting_facets: pd.DataFrame | None = None) -> Views:
    """Index the four tables (as the store reads them, in the declared schemas) for filtering.

    The articles may come without their `text` column; `load_text` then reads texts on demand.
    The meetings may be a function that reads them: they are then read on first use, and
    `meeting_facets` (some columns of the unmerged rows) give the filter options meanwhile.
    """
    art, quo, tag = (tables[n].reset_index(drop=True) for n in ("articles", "quotes", "tags"))
    if "duplicate_of" in art.columns:
        art = with_outlets(art)
    # a syndicated story's quote once, as the export has it: `article_id` the first article
    # carrying it (the canonical), `article_ids` all of them
    quo = quotes_once(quo, art).reset_index(drop=True)
    exploded = {("articles", c): _explode(art[c]) for c in ("people", "countries", "tags")}
    exploded.update({("quotes", c): _explode(quo[c]) for c in ("tags", "article_ids")})
    labels = {**dict(zip(tag["tag"].tolist(), tag["label"].tolist())), **(labels or {})}
    meeting_tags = tables["meetings"]["tags"] if isinstance(tables["meetings"], pd.DataFrame) else (
        meeting_facets["tags"] if meeting_facets is not None else pd.Series(dtype=object))
    for t in set(exploded["articles", "tags"]) | set(_explode(meeting_tags)):
        labels.setdefault(t, t)
    art = _with_titles(art, load_text)

    ids = pd.Index(art["article_id"])
    qpos, tpos = ids.get_indexer(quo["article_id"]), ids.get_indexer(tag["article_id"])
    art = art.assign(issues=_label_lists(art["tags"], labels))
    quo = quo.assign(source=_take(art["source"], qpos), title=_take(art["title"], qpos),
                     tags_text=_labelled(quo["tags"], labels))
    tag = tag.assign(source=_take(art["source"], tpos), title=_take(art["title"], tpos))
    return Views(art, tables["meetings"], quo, tag, labels, lists=exploded,
                 article_pos={"quotes": qpos, "tags": tpos}, load_text=load_text, meeting_facets=meeting_facets)


def _prepare_meetings(v: Views, mtg: pd.DataFrame) -> pd.DataFrame:
    """The merged meetings with display columns; their exploded lists go into `v.lists`."""
    if "duplicate_of" in v.articles.columns and "outlets" not in mtg.columns:
        # merged meeting rows: each meeting of a syndicated story once, with its copies (events,
        # which carry their outlets, count copies already)
        mtg = with_copies(mtg, v.articles).reset_index(drop=True)
    exploded = {c: _explode(mtg[c]) for c in ("article_ids", "participants", "countries", "tags")}
    labels = v.labels
    for t in set(exploded["tags"]):
        labels.setdefault(t, t)
    # each meeting's articles: the first one, their sources (to filter on) and titles
    art = v.articles
    linked = exploded["article_ids"]
    mpos = pd.Index(art["article_id"]).get_indexer(linked)
    known = mpos >= 0
    first = linked.groupby(level=0).first()
    titles: list[list[str]] = [[] for _ in range(len(mtg))]
    for row, title in zip(linked.index[known], _take(art["title"], mpos)[known]):
        titles[row].append(title)   # a grouped join costs a pandas call per meeting
    exploded["sources_list"] = pd.Series(_take(art["source"], mpos)[known], index=linked.index[known], dtype=object)
    for col, values in exploded.items():
        v.lists["meetings", col] = values
    return mtg.assign(
        first_article=first.reindex(mtg.index, fill_value="").astype(object),
        titles=["; ".join(t) for t in titles],
        participants_text=_joined(mtg["participants"]), countries_text=_joined(mtg["countries"]),
        evidence_text=_joined(mtg["evidence"]), tags_text=_labelled(mtg["tags"], labels),
        issues=_label_lists(mtg["tags"], labels),
        issue=[labels.get(t[0], t[0]) if len(t) else UNTAGGED for t in mtg["tags"]])


def _explode(lists: pd.Series) -> pd.Series:
    """One row per list item, indexed by its row; empty lists give nothing (pandas' explode
    is several times slower on Python lists)."""
    lengths = [len(v) for v in lists]
    return pd.Series(list(chain.from_iterable(lists)), index=np.repeat(lists.index, lengths), dtype=object)


def _label_lists(tags: pd.Series, labels: dict[str, str]) -> list[list[str]]:
    # few distinct tag combinations: label each once
    seen: dict[tuple, list[str]] = {}
    return [seen.get(k) or seen.setdefault(k, [labels.get(t, t) for t in k]) for k in map(tuple, tags)]


def _labelled(tags: pd.Series, labels: dict[str, str]) -> list[str]:
    return ["; ".join(ls) for ls in _label_lists(tags, labels)]


def article_texts(v: Views) -> pd.Series:
    """Every article's text, in the order of `v.articles` (read on first use)."""
    if "text" in v.articles.columns:
        return v.articles["text"]
    if "texts" not in v.memo:
        found = v.load_text(None) if v.load_text else {}
        v.memo["texts"] = pd.Series([found.get(i, "") for i in v.articles["article_id"]],
                                    index=v.articles.index, dtype=object)
    return v.memo["texts"]


def article_text(v: Views, article_id: str) -> str:
    hit = article_texts(v)[(v.articles["article_id"] == article_id).to_numpy()]
    return hit.iloc[0] if len(hit) else ""

