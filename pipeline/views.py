"""What the dashboard shows: the tables filtered and aggregated, in plain pandas.

`prepare` does the per-row work once per store version (exploded list
columns, joined display text, a folded search text); the filters and
aggregates then stay vectorised, so a page is fast on tens of thousands of
articles. Dates are ISO strings ("" when unknown), compared as strings.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .text import fold

UNTAGGED = "(no issue)"


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
    meetings: pd.DataFrame
    quotes: pd.DataFrame
    tags: pd.DataFrame
    labels: dict[str, str]                             # tag id -> label
    lists: dict[tuple[str, str], pd.Series] = field(default_factory=dict)
    hay: dict[str, pa.Array] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)

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
        countries = values(self.lists["articles", "countries"], self.lists["meetings", "countries"],
                           self.quotes["speaker_country"])
        people = values(self.lists["articles", "people"], self.lists["meetings", "participants"],
                        self.quotes["speaker"])
        return {
            # a meeting names a country where no person is named: that is not a person to pick
            "people": [p for p in people if p not in set(countries)], "countries": countries,
            "tags": sorted(self.labels, key=lambda t: self.labels[t].lower()),
            "modes": values(self.meetings["mode"]), "statuses": values(self.meetings["status"]),
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


def prepare(tables: dict[str, pd.DataFrame], labels: dict[str, str] | None = None) -> Views:
    """Index the four tables (as the store reads them, in the declared schemas) for filtering."""
    art, mtg, quo, tag = (tables[n].reset_index(drop=True) for n in ("articles", "meetings", "quotes", "tags"))
    labels = {**dict(zip(tag["tag"], tag["label"])), **(labels or {})}
    for t in set(art["tags"].explode().dropna()) | set(mtg["tags"].explode().dropna()):
        labels.setdefault(t, t)
    titles = dict(zip(art["article_id"], art["title"].where(art["title"] != "", art["origin"])))
    sources = dict(zip(art["article_id"], art["source"]))

    art = art.assign(issues=_label_lists(art["tags"], labels))
    quo = quo.assign(source=quo["article_id"].map(sources).fillna(""),
                     title=quo["article_id"].map(titles).fillna(""),
                     tags_text=_labelled(quo["tags"], labels))
    tag = tag.assign(source=tag["article_id"].map(sources).fillna(""),
                     title=tag["article_id"].map(titles).fillna(""))
    ids = mtg["article_ids"]
    mtg = mtg.assign(
        first_article=[v[0] if len(v) else "" for v in ids],
        sources_list=[[sources[i] for i in v if i in sources] for v in ids],
        titles=["; ".join(titles[i] for i in v if i in titles) for v in ids],
        participants_text=_joined(mtg["participants"]), countries_text=_joined(mtg["countries"]),
        evidence_text=_joined(mtg["evidence"]), tags_text=_labelled(mtg["tags"], labels),
        issues=_label_lists(mtg["tags"], labels),
        issue=[labels.get(v[0], v[0]) if len(v) else UNTAGGED for v in mtg["tags"]])

    v = Views(art, mtg, quo, tag, labels)
    for name, cols in (("articles", ("people", "countries", "tags")),
                       ("meetings", ("article_ids", "participants", "countries", "tags", "sources_list")),
                       ("quotes", ("tags",))):
        frame = getattr(v, name)
        for col in cols:
            v.lists[name, col] = frame[col].explode().dropna()
    return v


def _label_lists(tags: pd.Series, labels: dict[str, str]) -> list[list[str]]:
    return [[labels.get(t, t) for t in ts] for ts in tags]


def _labelled(tags: pd.Series, labels: dict[str, str]) -> list[str]:
    return ["; ".join(labels.get(t, t) for t in ts) for ts in tags]


def _haystack(v: Views, table: str) -> pa.Array:
    """The folded text a search looks in, built on the first search of each table."""
    if table not in v.hay:
        if table == "articles":
            text = v.articles["title"] + "\n" + v.articles["text"]
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
    rows = v.tags[v.tags["article_id"].isin(v.articles["article_id"][article_mask(v, f)])]
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
    points["evidence_text"] = points["evidence_text"].str.slice(0, 300)
    cols = ["meeting_id", "counterpart", "day", "date", "mode", "status", "held", "issue",
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
    values = values.explode() if values.map(lambda x: isinstance(x, list)).any() else values
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
    return {
        "meetings": v.meetings[_any_in(v, "meetings", "article_ids", [article_id], len(v.meetings))],
        "quotes": v.quotes[v.quotes["article_id"] == article_id],
        "tags": v.tags[v.tags["article_id"] == article_id],
    }


def evidence_of(facts: dict[str, pd.DataFrame]) -> list[str]:
    found = [s for ev in facts["meetings"]["evidence"] for s in ev]
    found += facts["quotes"]["evidence"].tolist() + facts["tags"]["evidence"].tolist()
    return [s for s in dict.fromkeys(found) if s.strip()]


def highlight(text: str, sentences: list[str]) -> str:
    """The text escaped as HTML, each sentence found in it wrapped in <mark>.

    Matching runs on escaped text with escaped sentences, so nothing the
    article contains can ever become markup.
    """
    escaped = html.escape(text)
    marks = sorted({html.escape(s.strip()) for s in sentences if s.strip()}, key=len, reverse=True)
    if marks:
        pattern = re.compile("|".join(re.escape(m) for m in marks))
        escaped = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    return escaped.replace("\n", "<br>\n")
