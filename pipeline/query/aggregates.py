"""What the charts draw: counts per period, per issue and country, issues together."""
from __future__ import annotations

import numpy as np
import pandas as pd


def counts_of(values: pd.Series, name: str, top: int | None = None) -> pd.DataFrame:
    """How many rows have each value (list values are counted once per element)."""
    if values.dtype == object and any(isinstance(x, list) for x in values.head(50)):
        values = values.explode()
    counts = values[values.notna() & (values != "")].value_counts()
    counts = counts.head(top) if top else counts
    return counts.rename_axis(name).reset_index(name="count")


def period_start(days: pd.Series, freq: str) -> pd.Series:
    """The first day (a datetime) of the week (starting Monday) or month each ISO day falls in."""
    return pd.to_datetime(days).dt.to_period("W-SUN" if freq == "W" else "M").dt.start_time


def every_period(starts: pd.Series, freq: str) -> pd.DatetimeIndex:
    """Every week or month from the first start to the last, empty ones included."""
    if starts.empty:
        return pd.DatetimeIndex([])
    return pd.date_range(starts.min(), starts.max(), freq="W-MON" if freq == "W" else "MS")


def _with_end(df: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Each period's end (the next one's start), so a bar spans its real length on a time axis."""
    step = pd.DateOffset(weeks=1) if freq == "W" else pd.DateOffset(months=1)
    return df.assign(end=df["period"] + step)


def distinct_per_period(rows: pd.DataFrame, day: str, freq: str, key: str = "article_id") -> pd.DataFrame:
    """How many distinct `key`s fall in each period (a start datetime), every empty period
    between the first and the last counted as 0: columns period, end, articles."""
    dated = rows[rows[day] != ""]
    if dated.empty:
        return pd.DataFrame({"period": pd.DatetimeIndex([]), "end": pd.DatetimeIndex([]),
                             "articles": pd.Series(dtype="int64")})
    starts = period_start(dated[day], freq)
    counts = dated[key].groupby(starts.to_numpy()).nunique()
    counts = counts.reindex(every_period(starts, freq), fill_value=0)
    return _with_end(counts.rename_axis("period").reset_index(name="articles"), freq)


def articles_per_period(articles: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Articles published in each week or month, empty ones as 0 (each article counted once)."""
    return distinct_per_period(articles, "published", freq)


def tag_counts_over_time(tags: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Articles per issue and period ("W": weeks starting Monday, "M": months), every period
    from the first to the last for every issue (0 where none). An article with several issues
    counts once for each: these rows do not add up to the number of articles, `tagged_per_period` does."""
    dated = tags[tags["published"] != ""]
    if dated.empty:
        return pd.DataFrame({"period": pd.DatetimeIndex([]), "end": pd.DatetimeIndex([]),
                             "label": pd.Series(dtype=object), "articles": pd.Series(dtype="int64")})
    starts = period_start(dated["published"], freq)
    counts = dated["article_id"].groupby([starts.to_numpy(), dated["label"].to_numpy()]).nunique()
    full = pd.MultiIndex.from_product([every_period(starts, freq), sorted(set(dated["label"]))])
    counts = counts.reindex(full, fill_value=0).rename_axis(["period", "label"]).reset_index(name="articles")
    return _with_end(counts, freq)


def tagged_per_period(tags: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Distinct articles with at least one of the given issue tags in each period."""
    return distinct_per_period(tags, "published", freq)


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


def picked_tags(tags: pd.DataFrame, articles: pd.DataFrame, picks: list[dict]) -> pd.DataFrame:
    """The tag rows behind clicked heatmap cells: each pick names an issue (`label`), maybe a
    second issue (`label_other`) or a `country`; the rows are those of the picked issues in
    articles matching every part of a pick."""
    keep = np.zeros(len(tags), dtype=bool)
    for pick in picks:
        ids = set(tags["article_id"])
        for key in ("label", "label_other"):
            if key in pick:
                ids &= set(tags.loc[tags["label"] == pick[key], "article_id"])
        if "country" in pick:
            named = articles[["article_id", "countries"]].explode("countries")
            ids &= set(named.loc[named["countries"] == pick["country"], "article_id"])
        labels = {pick[k] for k in ("label", "label_other") if k in pick}
        keep |= (tags["article_id"].isin(ids) & tags["label"].isin(labels)).to_numpy()
    return tags[keep]
