"""The brief's charts as PNG, drawn without a browser (vl-convert); without it, none and why."""
from __future__ import annotations

import logging

import altair as alt
import pandas as pd

from pipeline.brief.build import Brief

log = logging.getLogger(__name__)


def timeline_chart(brief: Brief) -> alt.Chart:
    """One point per dated meeting of the period, by day and status."""
    rows = [{"day": m.when, "meeting": ", ".join(m.who), "status": m.status}
            for m in brief.held + brief.planned if m.when[:1].isdigit()]
    data = pd.DataFrame(rows, columns=["day", "meeting", "status"])
    return alt.Chart(data).mark_point(filled=True, size=80).encode(
        x=alt.X("day:T", title="Day", scale=alt.Scale(domain=[brief.period.start.isoformat(),
                                                              brief.period.end.isoformat()])),
        y=alt.Y("meeting:N", title=None),
        # held and planned keep their colours whichever the period has
        color=alt.Color("status:N", title="Status", scale=alt.Scale(domain=["held", "planned"])),
    ).properties(width=520, title="Meetings in the period")


def tag_chart(brief: Brief) -> alt.Chart:
    """Articles per issue, this period beside the one before."""
    rows = [{"issue": m.label, "period": which, "articles": n}
            for m in brief.tags for which, n in (("this period", m.now), ("period before", m.before))]
    data = pd.DataFrame(rows, columns=["issue", "period", "articles"])
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y("issue:N", title=None, sort=[m.label for m in brief.tags]),
        yOffset=alt.YOffset("period:N", sort=["this period", "period before"]),
        x=alt.X("articles:Q", title="Articles", axis=alt.Axis(tickMinStep=1, format="d")), color=alt.Color("period:N", title=None),
    ).properties(width=520, title="Articles per issue, this period and the one before")


def with_charts(brief: Brief) -> Brief:
    """`brief` with its timeline and tag charts as PNG; where they cannot be drawn, a note saying why."""
    try:
        import vl_convert as vlc
    except ImportError:
        brief.chart_note = "vl-convert is not installed, so charts cannot be drawn without a browser"
        return brief
    charts = {}
    for name, chart, empty in (("timeline", timeline_chart, not (brief.held or brief.planned)),
                               ("tags", tag_chart, not brief.tags)):
        if empty:
            continue
        try:
            charts[name] = vlc.vegalite_to_png(chart(brief).to_dict(), scale=1.5)
        except Exception as exc:   # noqa: BLE001 - a chart that fails leaves the brief without it
            log.warning("brief chart %s not drawn: %s", name, exc)
            brief.chart_note = f"the {name} chart could not be drawn ({type(exc).__name__})"
    brief.charts = charts
    if not charts and not brief.chart_note:
        brief.chart_note = "nothing in the period to draw"
    return brief
