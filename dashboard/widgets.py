"""Tables and CSV downloads with the schema's column labels."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.watch import NEW, with_new_column
from pipeline.query.pickers import in_words
from pipeline.store.export import export_name, to_csv_bytes
from pipeline.store.schema import TABLES


def column_config(table: str, df: pd.DataFrame, extra: dict | None = None) -> dict:
    """Schema labels for the frame's columns, lists shown as lists; `extra` adds or overrides."""
    spec = TABLES[table]
    lists = set(spec.of_kind("list"))
    config = {}
    for name, label in spec.labels.items():
        if name in df.columns:
            config[name] = st.column_config.ListColumn(label) if name in lists else label
    config.update(extra or {})
    return config


def show_table(df: pd.DataFrame, table: str, columns: list[str], extra: dict | None = None,
               limit: int | None = None, name: str | None = None, **kwargs):
    """A read-only table of `columns`, and a CSV download of exactly those rows and columns
    (called by the table's name, or `name`: the events table is the analyst's "meetings").
    With `limit`, the screen shows the first `limit` rows (sending more to the browser costs
    about a second per 100,000) and says so; the download still holds every row."""
    df, columns = with_new_column(df, columns)   # rows new for the opened watchlist, if one is
    extra = {NEW: st.column_config.TextColumn("New", width="small"), **(extra or {})}
    shown = in_words(df[columns])   # modes and statuses as the words the pickers use
    config = column_config(table, shown, extra)
    if limit is not None and len(shown) > limit:
        st.caption(f"Showing the first {limit:,} of {len(shown):,} rows; the download holds all of them.")
    event = st.dataframe(shown if limit is None else shown.head(limit), hide_index=True, column_config=config,
                         **kwargs)
    export_button(shown, table, config, name)
    return event


def export_button(df: pd.DataFrame, table: str, config: dict | None = None, name: str | None = None) -> None:
    """A CSV of `df` headed with the on-screen column names, its links absolute."""
    config = config or {}
    headers = {c: v if isinstance(v, str) else (v or {}).get("label") or c for c, v in config.items()}
    links = tuple(c for c, v in config.items()
                  if isinstance(v, dict) and (v.get("type_config") or {}).get("type") == "link")
    base = st.context.url or ""
    # the CSV is built only when the button is pressed, so a rerun stays fast
    name = name or table
    st.download_button(f"Download {name} CSV ({len(df):,} rows)",
                       data=lambda: to_csv_bytes(df, table, headers, links, base),
                       file_name=export_name(name, date.today()), mime="text/csv",
                       on_click="ignore", key=f"export-{name}", icon=":material/download:")
