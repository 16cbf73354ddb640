"""CSV export derived from the schema: opens cleanly in Excel, safe against formula injection."""
from __future__ import annotations

from urllib.parse import urljoin

import pandas as pd

from pipeline.store.schema import TABLES

LIST_SEP = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def restore(value: str) -> str:
    """A cell read back from an export: as it was before `neutralise`."""
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def to_csv_frame(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Lists joined with '; ', dates ISO, every cell text; the exported columns in schema
    order, then any the schema does not declare (a view's own); internal columns never."""
    spec = TABLES[table]
    out = pd.DataFrame(index=df.index)
    ordered = [c for c in spec.exported if c in df.columns] + [c for c in df.columns if c not in spec.names]
    lists = set(spec.of_kind("list"))
    for name in ordered:
        col = df[name]
        if name in lists or col.map(lambda v: isinstance(v, (list, tuple))).any():
            col = col.map(lambda v: LIST_SEP.join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        out[name] = col.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v))
                            else neutralise(str(v)))
    return out


def to_csv_bytes(df: pd.DataFrame, table: str, headers: dict[str, str] | None = None,
                 links: tuple[str, ...] = (), base: str = "") -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads accents right. `headers` names the columns
    as a screen does (others keep their names); the `links` columns are made absolute
    against the page address `base`, so they open from a spreadsheet too."""
    if base:
        df = df.assign(**{c: [urljoin(base, v) if v else v for v in df[c]] for c in links if c in df.columns})
    out = to_csv_frame(df, table)
    if headers:
        out.columns = shown_headers(list(out.columns), headers)
    return out.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def shown_headers(columns: list[str], headers: dict[str, str]) -> list[str]:
    """Each column's on-screen name; a name two columns share gets the column's own in brackets."""
    named = [headers.get(c) or c for c in columns]
    return [f"{n} ({c})" if named.count(n) > 1 else n for n, c in zip(named, columns)]


def export_name(table: str, day) -> str:
    return f"trade-talks-{table}-{day.isoformat()}.csv"
