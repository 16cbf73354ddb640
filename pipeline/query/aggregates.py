"""What the charts draw: counts per period, per issue and country, timeline points."""
from __future__ import annotations

import numpy as np
import pandas as pd


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
