"""CSV export: Excel-ready bytes derived from the schema."""
from __future__ import annotations

import io
from datetime import date

import pandas as pd

from pipeline.store.export import export_name, neutralise, to_csv_bytes
from pipeline.store.schema import TABLES


def test_formula_cells_are_neutralised_and_plain_ones_kept():
    for risky in ("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(risky) == "'" + risky
    assert neutralise("Wang Wentao said") == "Wang Wentao said"
    assert neutralise("") == ""


def test_csv_has_bom_lists_joined_and_schema_order():
    quotes = TABLES["quotes"].conform(pd.DataFrame([{
        "quote_id": "q1", "article_id": "a1", "speaker": "Maroš Šefčovič", "kind": "direct",
        "date": "2025-10-21", "tags": ["rare_earths", "export_controls"], "text": "=1+1 is no formula",
    }]))
    data = to_csv_bytes(quotes, "quotes")
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(back.columns) == TABLES["quotes"].names
    row = back.iloc[0]
    assert row["speaker"] == "Maroš Šefčovič"
    assert row["tags"] == "rare_earths; export_controls"
    assert row["text"] == "'=1+1 is no formula"
    assert row["date"] == "2025-10-21"


def test_export_name_says_table_and_day():
    assert export_name("meetings", date(2026, 11, 23)) == "trade-talks-meetings-2026-11-23.csv"
