"""Chart shapes more than one page draws."""
from __future__ import annotations

import altair as alt
import pandas as pd


def heatmap(df: pd.DataFrame, x: str, y: str, title: str, x_title: str, y_title: str) -> alt.Chart:
    """Articles per (x, y) pair, darker for more."""
    return alt.Chart(df, title=title).mark_rect().encode(
        x=alt.X(f"{x}:N", title=x_title), y=alt.Y(f"{y}:N", title=y_title),
        color=alt.Color("articles:Q", title="Articles"),
        tooltip=[alt.Tooltip(f"{y}:N", title=y_title), alt.Tooltip(f"{x}:N", title=x_title), "articles:Q"])
