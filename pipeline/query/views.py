"""What the dashboard shows: the tables filtered and aggregated, in plain pandas.

`prepare` does the per-row work once per store version (exploded list
columns, joined display text, a folded search text); the filters and
aggregates then stay vectorised, so a page is fast on tens of thousands of
articles. Dates are ISO strings ("" when unknown), compared as strings.
"""
from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.meetings.merge import merge_meetings
from pipeline.text.folding import fold
from pipeline.text.sentences import sentence_spans

UNTAGGED = "(no issue)"
TextLoader = Callable[[list[str] | None], dict[str, str]]


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


@dataclass
class Views:
    articles: pd.DataFrame
    meeting_rows: pd.DataFrame | Callable[[], pd.DataFrame]   # the merged meetings, or how to read them
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


def _joined(s: pd.Series) -> pd.Series:
    return pd.Series(["; ".join(v) for v in s], index=s.index, dtype=object)


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
    exploded = {("articles", c): _explode(art[c]) for c in ("people", "countries", "tags")}
    exploded["quotes", "tags"] = _explode(quo["tags"])
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


# --- filters ------------------------------------------------------------
def _any_in(v: Views, table: str, col: str, values, n: int) -> np.ndarray:
    if table == "meetings":
        v.meetings  # noqa: B018 - preparing the meetings fills their lists
    exploded = v.lists[table, col]
    mask = np.zeros(n, dtype=bool)
    mask[exploded.index[exploded.isin(values)].unique()] = True
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
    mask = _in_range(a["published"], f)
    if f.people:
        mask &= _any_in(v, "articles", "people", f.people, n)
    if f.countries:
        mask &= _any_in(v, "articles", "countries", f.countries, n)
    if f.tags:
        mask &= _any_in(v, "articles", "tags", f.tags, n)
    if f.sources:
        mask &= a["source"].isin(f.sources).to_numpy()
    if f.search.strip():
        mask &= _matches(v, "articles", f.search)
    return mask


def filter_articles(v: Views, f: Filters) -> pd.DataFrame:
    return v.articles[article_mask(v, f)]


def filter_meetings(v: Views, f: Filters) -> pd.DataFrame:
    m, n = v.meetings, len(v.meetings)
    mask = _in_range(m["date"], f)
    for col, values in (("participants", f.people), ("countries", f.countries), ("tags", f.tags),
                        ("sources_list", f.sources)):
        if values:
            mask &= _any_in(v, "meetings", col, values, n)
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
    if f.tags:
        mask &= _any_in(v, "quotes", "tags", f.tags, len(q))
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


# --- aggregates ---------------------------------------------------------
def timeline_points(meetings: pd.DataFrame, by: str, top: int = 25) -> tuple[pd.DataFrame, int]:
    """One point per dated meeting and counterpart (a country or person in `by`), for the
    `top` counterparts with most meetings; returns the points and how many counterparts there are."""
    dated = meetings[meetings["date"] != ""]
    points = dated.explode(by).rename(columns={by: "counterpart"})
    points = points[points["counterpart"].notna() & (points["counterpart"] != "")]
    counts = points["counterpart"].value_counts()
    points = points[points["counterpart"].isin(counts.index[:top])].copy()
    points["day"] = pd.to_datetime(points["date"])
    points["held"] = points["status"] != "planned"
    points["status_shown"] = np.where(points["held"], "held", "planned")
    points["evidence_text"] = points["evidence_text"].str.slice(0, 300)
    cols = ["meeting_id", "counterpart", "day", "date", "mode", "status", "held", "status_shown", "issue",
            "participants_text", "location", "occasion", "evidence_text", "source_count"]
    return points[cols].reset_index(drop=True), len(counts)


def _instant(value) -> pd.Timestamp:
    # a chart selection on a time axis gives milliseconds since 1970
    return pd.Timestamp(value, unit="ms") if isinstance(value, (int, float)) else pd.Timestamp(value)


def in_days(meetings: pd.DataFrame, start, end) -> pd.DataFrame:
    """Meetings whose day lies in [start, end]: ISO text, datetimes or epoch milliseconds."""
    days = pd.to_datetime(meetings["date"].where(meetings["date"] != ""), errors="coerce")
    return meetings[(days >= _instant(start).normalize()) & (days <= _instant(end))]


def counts_of(values: pd.Series, name: str, top: int | None = None) -> pd.DataFrame:
    """How many rows have each value (list values are counted once per element)."""
    if values.dtype == object and any(isinstance(x, list) for x in values.head(50)):
        values = values.explode()
    counts = values[values.notna() & (values != "")].value_counts()
    counts = counts.head(top) if top else counts
    return counts.rename_axis(name).reset_index(name="count")


def period_of(days: pd.Series, freq: str) -> pd.Series:
    """The week (Monday, "2025-10-27") or month ("2025-10") each ISO day falls in."""
    periods = pd.to_datetime(days).dt.to_period("W-SUN" if freq == "W" else "M")
    return periods.dt.start_time.dt.strftime("%Y-%m-%d" if freq == "W" else "%Y-%m")


def articles_per_period(articles: pd.DataFrame, freq: str) -> pd.DataFrame:
    dated = articles["published"][articles["published"] != ""]
    counts = period_of(dated, freq).value_counts().sort_index()
    return counts.rename_axis("period").reset_index(name="articles")


def tag_counts_over_time(tags: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Articles per issue and period ("W": weeks starting Monday, "M": months)."""
    dated = tags[tags["published"] != ""]
    if dated.empty:
        return pd.DataFrame(columns=["period", "label", "articles"])
    return (dated.assign(period=period_of(dated["published"], freq)).groupby(["period", "label"])["article_id"]
            .nunique().reset_index(name="articles"))


def issue_by_country(tags: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per issue label and country the article mentions."""
    countries = articles[["article_id", "countries"]].explode("countries").dropna()
    both = tags[["article_id", "label"]].merge(countries, on="article_id")
    return (both.groupby(["label", "countries"])["article_id"].nunique()
            .reset_index(name="articles").rename(columns={"countries": "country"}))


def cooccurrence(tags: pd.DataFrame) -> pd.DataFrame:
    """Articles carrying both issues, for every pair of issues seen together (both orders)."""
    pairs = tags[["article_id", "label"]].merge(tags[["article_id", "label"]], on="article_id",
                                                suffixes=("", "_other"))
    pairs = pairs[pairs["label"] != pairs["label_other"]]
    return pairs.groupby(["label", "label_other"]).size().reset_index(name="articles")


# --- one article --------------------------------------------------------
def article_facts(v: Views, article_id: str) -> dict[str, pd.DataFrame]:
    """The article's meetings, quotes and issue tags.

    With the unmerged meeting rows at hand, the meetings are this article's rows merged
    among themselves: what the article itself reports, without waiting for the store's merge.
    """
    raw = v.meeting_facets
    if raw is not None and "article_ids" in raw.columns:
        meetings = merge_meetings(raw[[article_id in ids for ids in raw["article_ids"]]])
    else:
        meetings = v.meetings[_any_in(v, "meetings", "article_ids", [article_id], len(v.meetings))]
    return {
        "meetings": meetings,
        "quotes": v.quotes[v.quotes["article_id"] == article_id],
        "tags": v.tags[v.tags["article_id"] == article_id],
    }


def evidence_of(facts: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """The sentences the article's meetings and quotes come from, by kind of fact."""
    found = {"meeting": [s for ev in facts["meetings"]["evidence"] for s in ev],
             "quote": facts["quotes"]["evidence"].tolist()}
    return {kind: [s for s in dict.fromkeys(ss) if s.strip()] for kind, ss in found.items()}


def highlight(text: str, sentences: list[str] | dict[str, list[str]]) -> str:
    """The text escaped as HTML, each sentence found in it wrapped in <mark>.

    With sentences by kind, a mark's class names the kinds it is evidence of
    ("meeting", "quote", or "meeting quote"). Matching runs on escaped text with
    escaped sentences, so nothing the article contains can ever become markup.
    """
    escaped = html.escape(text)
    kinds: dict[str, list[str]] = {}
    for kind, group in (sentences.items() if isinstance(sentences, dict) else [("", sentences)]):
        for s in group:
            if s.strip():
                kinds.setdefault(html.escape(s.strip()), []).append(kind)
    if kinds:
        def mark(m: re.Match) -> str:
            names = " ".join(sorted(set(filter(None, kinds[m.group(0)]))))
            return f'<mark class="{names}">{m.group(0)}</mark>' if names else f"<mark>{m.group(0)}</mark>"
        pattern = re.compile("|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True)))
        escaped = pattern.sub(mark, escaped)
    return escaped.replace("\n", "<br>\n")
