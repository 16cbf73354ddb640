"""The timeline's marks: meetings per counterpart, gathered per day, week or month so marks never pile up.

A meeting is drawn at its own precision: one dated to a week or a month (its
`date` is the period's first day) is a mark over that week or month, never a
made-up day. The grain of the whole chart follows the time it spans, so a store
of years gets one mark per counterpart and month, with the count on it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

GRAINS = ("day", "week", "month")
MAX_COLUMNS = 40    # marks of the largest size one row of a page-wide chart holds without overlapping
_FREQ = {"week": "W-SUN", "month": "M"}


def grain_for(days: pd.Series, max_columns: int = MAX_COLUMNS) -> str:
    """The finest of day, week and month at which the span of `days` fits in `max_columns` marks."""
    if days.empty:
        return "day"
    span = (days.max() - days.min()).days + 1
    if span <= max_columns:
        return "day"
    return "week" if span / 7 <= max_columns else "month"


def _start(days: pd.Series, grain: str) -> pd.Series:
    return days if grain == "day" else days.dt.to_period(_FREQ[grain]).dt.start_time


def _end(starts: pd.Series, grain: str) -> pd.Series:
    step = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1)}[grain]
    return starts + step


def _label(starts: pd.Series, grain: str) -> pd.Series:
    if grain == "day":
        return starts.dt.strftime("%d %b %Y")
    return ("week of " + starts.dt.strftime("%d %b %Y")) if grain == "week" else starts.dt.strftime("%B %Y")


def dated_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """The meetings with a day, week or month, with `day` (a datetime: the period's first day)
    and `precision` (day, week or month)."""
    dated = meetings[meetings["date"] != ""]
    precision = dated["date_precision"].where(dated["date_precision"].isin(GRAINS), "day")
    return dated.assign(day=pd.to_datetime(dated["date"], errors="coerce"), precision=precision).dropna(
        subset=["day"])


def timeline_marks(meetings: pd.DataFrame, by: str, top: int = 25, grain: str | None = None,
                   ) -> tuple[pd.DataFrame, int, str]:
    """One mark per counterpart (a country or person in `by`) and period, for the `top`
    counterparts with most dated meetings: how many meetings, how many held, the commonest
    issue and mode. A period is the chart's grain (chosen from the span when not given), or
    the meeting's own precision where that is coarser. Returns the marks, how many
    counterparts there are and the grain."""
    dated = dated_meetings(meetings)
    grain = grain or grain_for(dated["day"])
    cols = [by, "day", "precision", "status", "issue", "mode", "location", "participants_text"]
    points = dated[cols].explode(by).rename(columns={by: "counterpart"})
    points = points[points["counterpart"].notna() & (points["counterpart"] != "")]
    counts = points["counterpart"].value_counts()
    points = points[points["counterpart"].isin(counts.index[:top])]
    if points.empty:
        return pd.DataFrame(columns=MARK_COLUMNS), len(counts), grain
    rank = {g: k for k, g in enumerate(GRAINS)}
    coarser = points["precision"].map(rank).to_numpy() > rank[grain]
    shown = np.where(coarser, points["precision"].to_numpy(), grain)
    starts = points["day"].copy()
    for g in GRAINS:
        here = shown == g
        if here.any():
            starts[here] = _start(points["day"][here], g)
    points = points.assign(start=starts, shown=shown, held=(points["status"] != "planned").astype(int))
    keys = ["counterpart", "start", "shown"]
    grouped = points.groupby(keys, sort=False)
    marks = grouped.agg(meetings=("held", "size"), held=("held", "sum"))
    marks = marks.assign(issue=_commonest(points, keys, "issue"), mode=_commonest(points, keys, "mode"),
                         places=_few(points, keys, "location"),
                         participants=_few(points, keys, "participants_text")).fillna("").reset_index()
    ends = marks["start"].copy()
    labels = pd.Series("", index=marks.index, dtype=object)
    for g in GRAINS:
        here = marks["shown"] == g
        if here.any():
            ends[here] = _end(marks["start"][here], g)
            labels[here] = _label(marks["start"][here], g)
    marks = marks.assign(end=ends, mid=marks["start"] + (ends - marks["start"]) / 2, period=labels,
                         planned=marks["meetings"] - marks["held"],
                         status_shown=np.where(marks["held"] > 0, "held", "planned"),
                         count_text=np.where(marks["meetings"] > 1, marks["meetings"].astype(str), ""))
    return marks[MARK_COLUMNS].sort_values(["counterpart", "start"]).reset_index(drop=True), len(counts), grain


MARK_COLUMNS = ["counterpart", "start", "end", "mid", "shown", "period", "meetings", "held", "planned",
                "status_shown", "issue", "mode", "places", "participants", "count_text"]


def _commonest(points: pd.DataFrame, keys: list[str], col: str) -> pd.Series:
    """Each group's most frequent value of `col` (vectorised: a python call per group is too
    slow for a store of years)."""
    counts = points.groupby([*keys, col], sort=False).size().reset_index(name="n")
    return counts.sort_values("n", ascending=False, kind="stable").drop_duplicates(keys).set_index(keys)[col]


def _few(points: pd.DataFrame, keys: list[str], col: str, n: int = 3) -> pd.Series:
    """Each group's first `n` distinct non-empty values of `col`, joined, and how many more."""
    seen = points[points[col] != ""].drop_duplicates([*keys, col])
    if seen.empty:
        return pd.Series(dtype=object)
    total = seen.groupby(keys, sort=False).size()
    head = seen.groupby(keys, sort=False).head(n).groupby(keys, sort=False)[col].agg("; ".join)
    more = (total - n).clip(lower=0).reindex(head.index)
    return head + more.map(lambda k: f" and {k} more" if k else "")


def newest_first(rows: pd.DataFrame, day: str = "date") -> pd.DataFrame:
    """Rows by their ISO `day`, newest first; undated ones last."""
    return rows.assign(_undated=rows[day] == "").sort_values(
        ["_undated", day], ascending=[True, False], kind="stable").drop(columns="_undated")


def in_span(meetings: pd.DataFrame, start, end) -> pd.DataFrame:
    """Meetings whose day, week or month overlaps [start, end] (datetimes)."""
    dated = dated_meetings(meetings)
    step = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1)}
    ends = dated["day"].copy()
    for g in GRAINS:
        here = dated["precision"] == g
        if here.any():
            ends[here] = dated["day"][here] + step[g]
    keep = (dated["day"] <= pd.Timestamp(end)) & (ends > pd.Timestamp(start).normalize())
    return meetings.loc[dated.index[keep.to_numpy()]]
