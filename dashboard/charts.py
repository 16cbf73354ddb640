"""Chart pieces more than one page uses: count axes, issue colours, the heatmap."""
from __future__ import annotations

import altair as alt
import pandas as pd

from pipeline.query.views import UNTAGGED

# Tableau's 20 colours without its greys: grey is kept for "(no issue)"
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#a0cbe8", "#ffbe7d", "#ff9d9a", "#8cd17d", "#b6992d", "#f1ce63", "#499894",
           "#86bcb6", "#d37295", "#fabfd2", "#d4a6c8"]
NO_ISSUE = "#a3a3a3"
DATE_FORMAT = "%d %b %Y"


def count_axis(title: str) -> alt.Axis:
    """An axis of whole counts: no 0.5 ticks on small numbers."""
    return alt.Axis(title=title, format="d", tickMinStep=1)


def issue_scale(issues) -> alt.Scale:
    """One distinct colour per issue, in a fixed order; "(no issue)" grey and last."""
    named = sorted({i for i in issues if i != UNTAGGED}, key=str.lower)
    colours = [PALETTE[k % len(PALETTE)] for k in range(len(named))]
    if UNTAGGED in set(issues):
        return alt.Scale(domain=[*named, UNTAGGED], range=[*colours, NO_ISSUE])
    return alt.Scale(domain=named, range=colours)


def heatmap(df: pd.DataFrame, x: str, y: str, title: str, x_title: str, y_title: str,
            name: str = "cell", count: str = "articles", count_title: str = "Articles") -> alt.LayerChart:
    """`count` (articles, say) per (x, y) pair, darker for more, each cell carrying its number.

    Rows and columns are sorted by their totals, and the chart is sized so that
    every label fits: none is dropped for overlapping or cut short. A click on a
    cell selects its pair (the selection is called `name`).
    """
    def order(col: str) -> list[str]:
        totals = df.groupby(col)[count].sum()
        return sorted(totals.index, key=lambda k: (-totals[k], str(k).lower()))
    xs, ys = order(x), order(y)
    labels = {"labelLimit": 0, "labelOverlap": False}
    pick = alt.selection_point(fields=[x, y], name=name)
    base = alt.Chart(df, title=title).encode(
        x=alt.X(f"{x}:N", title=x_title, sort=xs, axis=alt.Axis(labelAngle=-45, **labels)),
        y=alt.Y(f"{y}:N", title=y_title, sort=ys, axis=alt.Axis(**labels)),
        tooltip=[alt.Tooltip(f"{y}:N", title=y_title), alt.Tooltip(f"{x}:N", title=x_title),
                 alt.Tooltip(f"{count}:Q", title=count_title)])
    cells = base.mark_rect().encode(
        color=alt.Color(f"{count}:Q", title=count_title, legend=alt.Legend(format="d", tickMinStep=1)),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35))).add_params(pick)
    # the colour scale runs from the least to the most: the darker half gets white numbers
    low, high = (int(df[count].min()), int(df[count].max())) if len(df) else (0, 0)
    numbers = base.mark_text(fontSize=10).encode(
        text=alt.Text(f"{count}:Q", format="d"),
        color=alt.condition(alt.datum[count] > (low + high) / 2, alt.value("white"), alt.value("black")))
    # a cell as wide as its largest number
    return alt.layer(cells, numbers).properties(height=alt.Step(18), width=alt.Step(max(26, 7 * len(str(high)) + 10)))


def period_axis(period: str) -> alt.Axis:
    """A real time axis: weeks or months at their place in time, gaps included."""
    return alt.Axis(title=f"{period.capitalize()} starting" if period == "week" else "Month",
                    format=DATE_FORMAT if period == "week" else "%b %Y", labelOverlap=True)


def period_bars(df: pd.DataFrame, title: str, period: str, count_title: str = "Articles") -> alt.Chart:
    """One bar per period spanning its real length on a time axis; empty periods stay visible as gaps."""
    label = "Week starting" if period == "week" else "Month"
    return alt.Chart(df, title=title).mark_bar(color=PALETTE[0]).encode(
        x=alt.X("period:T", axis=period_axis(period)), x2="end:T",
        y=alt.Y("articles:Q", axis=count_axis(count_title)),
        y2=alt.datum(0),
        tooltip=[alt.Tooltip("period:T", title=label, format=DATE_FORMAT if period == "week" else "%B %Y"),
                 alt.Tooltip("articles:Q", title=count_title)])


def issues_over_time(per_issue: pd.DataFrame, totals: pd.DataFrame, period: str) -> alt.LayerChart:
    """Grey bars: the articles of each period, each counted once. Lines: the articles carrying
    each issue, not stacked, since an article with several issues is on several lines."""
    fmt = DATE_FORMAT if period == "week" else "%B %Y"
    label = "Week starting" if period == "week" else "Month"
    bars = alt.Chart(totals).mark_bar(color="#d9d9d9").encode(
        x=alt.X("period:T", axis=period_axis(period)), x2="end:T",
        y=alt.Y("articles:Q", axis=count_axis("Articles")),
        y2=alt.datum(0),
        tooltip=[alt.Tooltip("period:T", title=label, format=fmt),
                 alt.Tooltip("articles:Q", title="Articles (any issue, each once)")])
    lines = alt.Chart(per_issue).mark_line(point=alt.OverlayMarkDef(size=30)).encode(
        x=alt.X("period:T"), y=alt.Y("articles:Q"),
        color=alt.Color("label:N", title="Issue", scale=issue_scale(per_issue["label"]),
                        legend=alt.Legend(labelLimit=0)),
        tooltip=[alt.Tooltip("period:T", title=label, format=fmt), alt.Tooltip("label:N", title="Issue"),
                 alt.Tooltip("articles:Q", title="Articles with this issue")])
    return alt.layer(bars, lines, title=f"Articles per {period}: all (grey bars) and per issue (lines)")


def timeline_chart(marks: pd.DataFrame, row_title: str, grain: str) -> alt.LayerChart:
    """Counterparts down, time across: a circle per counterpart and period, sized by its
    meetings and numbered when there are several; a bar under marks known only to a coarser
    week or month. A brush on the time axis is called "brush"."""
    order = marks.groupby("counterpart")["meetings"].sum().sort_values(ascending=False).index.tolist()
    issues = issue_scale(marks["issue"])
    brush = alt.selection_interval(encodings=["x"], name="brush")
    x = alt.X("mid:T", title="Date", scale=alt.Scale(padding=14),
              axis=alt.Axis(format="%b %Y" if grain == "month" else DATE_FORMAT, labelAngle=0, labelOverlap=True))
    y = alt.Y("counterpart:N", title=row_title, sort=order, axis=alt.Axis(labelLimit=0))
    tooltip = [alt.Tooltip("counterpart:N", title=row_title), alt.Tooltip("period:N", title="When"),
               alt.Tooltip("meetings:Q", title="Meetings"), alt.Tooltip("held:Q", title="Held"),
               alt.Tooltip("planned:Q", title="Planned"), alt.Tooltip("issue:N", title="Commonest issue"),
               alt.Tooltip("mode:N", title="Commonest mode"), alt.Tooltip("participants:N", title="Participants"),
               alt.Tooltip("places:N", title="Places")]
    base = alt.Chart(marks).encode(x=x, y=y, tooltip=tooltip)
    legend = alt.Legend(orient="bottom", columns=3, symbolType="circle", labelLimit=0)
    # the layers share the issue colours and one legend
    coarse = base.transform_filter(alt.datum.shown != grain).mark_rule(strokeWidth=4, opacity=0.5).encode(
        x=alt.X("start:T"), x2="end:T", color=alt.Color("issue:N", title="Issue", scale=issues, legend=legend))
    top = max(int(marks["meetings"].max()), 1)
    points = base.mark_point(strokeWidth=2, filled=False).encode(
        size=alt.Size("meetings:Q", title="Meetings", scale=alt.Scale(domain=[1, top], range=[80, 320]),
                      legend=alt.Legend(orient="bottom", format="d", tickMinStep=1) if top > 1 else None),
        color=alt.Color("issue:N", title="Issue", scale=issues, legend=legend),
        fill=alt.Fill("issue:N", title="Issue", scale=issues, legend=legend),
        fillOpacity=alt.FillOpacity("status_shown:N", scale=alt.Scale(domain=["held", "planned"], range=[0.85, 0.0]),
                                    legend=None)).add_params(brush)
    numbers = base.mark_text(fontSize=10, fontWeight="bold", color="black").encode(text="count_text:N")
    rows = marks["counterpart"].nunique()
    return alt.layer(coarse, points, numbers).properties(height=190 + 34 * rows)
