"""Each table's schema, declared once.

The store (Parquet types), the CSV export (list joining, date format) and the
dashboard (column order and labels) are all derived from these declarations.
A column marked `internal` is stored for the library's own use (what `reprocess`
starts from) and is neither exported nor shown.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

# kind -> (pyarrow type, pandas dtype for an empty frame)
KINDS = {
    "str": pa.string(),
    "int": pa.int64(),
    "date": pa.string(),      # ISO YYYY-MM-DD; "" when unknown, so CSV and Parquet agree
    "datetime": pa.string(),  # ISO timestamp, UTC
    "list": pa.list_(pa.string()),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    label: str
    doc: str
    internal: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    key: str
    columns: tuple[Column, ...]
    doc: str

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def exported(self) -> list[str]:
        """The columns analysts see, in the CSV export and the dashboard."""
        return [c.name for c in self.columns if not c.internal]

    @property
    def internal(self) -> list[str]:
        return [c.name for c in self.columns if c.internal]

    def of_kind(self, kind: str) -> list[str]:
        return [c.name for c in self.columns if c.kind == kind]

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([(c.name, KINDS[c.kind]) for c in self.columns])

    @property
    def labels(self) -> dict[str, str]:
        return {c.name: c.label for c in self.columns}

    def empty(self) -> pd.DataFrame:
        return self.conform(pd.DataFrame(columns=self.names))

    def conform(self, df: pd.DataFrame) -> pd.DataFrame:
        """Columns in declared order, missing ones filled, values of the declared kind."""
        df = df.copy()
        for c in self.columns:
            if c.name not in df.columns:
                df[c.name] = pd.Series([None] * len(df), index=df.index, dtype=object)
            col = df[c.name]
            if c.kind == "list":
                df[c.name] = col.map(_as_list)
            elif c.kind == "int":
                df[c.name] = pd.to_numeric(col, errors="coerce").fillna(0).astype("int64")
            else:
                df[c.name] = col.map(_as_str).astype(object)
        return df[self.names].reset_index(drop=True)


def _as_list(value) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return [str(v) for v in value]


def _as_str(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _cols(*specs: tuple) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in specs)


INTERNAL = True
# the fields of a row an analyst corrected, filled when read (pipeline/corrections)
CORRECTED = ("corrected", "list", "Corrected", "the fields an analyst corrected; 'added' for a row an analyst added")


ARTICLES = Table("articles", "article_id", _cols(
    ("article_id", "str", "Article", "hash of the normalised cleaned text"),
    ("origin", "str", "File", "the uploaded file's name (zip: archive.zip/entry)"),
    ("title", "str", "Title", "headline, from the header or the page"),
    ("source", "str", "Source", "outlet"),
    ("url", "str", "URL", "link to the original"),
    ("author", "str", "Author", "byline"),
    ("published", "date", "Published", "publication date"),
    ("published_source", "str", "Date from", "header, metadata, inferred, user or unknown"),
    ("ingested_at", "datetime", "Ingested", "when the article was stored (UTC)"),
    ("duplicate_of", "str", "Copy of", "the canonical article this one is a syndicated copy of; "
                                       "empty for a canonical article"),
    ("outlets", "int", "Outlets", "how many outlets carry the story (recounted when read: "
                                  "a copy stored later adds to it)"),
    ("words", "int", "Words", "words in the cleaned text"),
    ("tags", "list", "Issues", "issue tag ids"),
    ("people", "list", "People", "canonical names of people mentioned"),
    ("countries", "list", "Countries", "countries mentioned"),
    ("removed", "list", "Removed", "what loading (an HTML page's furniture) and cleaning dropped, as 'reason: text'"),
    ("text", "str", "Text", "the cleaned body, paragraphs separated by newlines"),
    CORRECTED,
    # what the loader read, so that reprocessing runs every step again from the input;
    # empty in stores written before these columns existed (reprocess then starts from `text`)
    ("raw_text", "str", "Raw text", "the body as loaded, before cleaning", INTERNAL),
    ("published_raw", "str", "Date as written", "the date string the file carried", INTERNAL),
    ("published_hint", "str", "Date written in", "where published_raw came from: header, metadata, "
                                                   "or user for a date corrected on upload", INTERNAL),
    ("user_published", "date", "Date given", "the date the user gave for undated files", INTERNAL),
    ("ingest_date", "date", "Ingest day", "the first ingest's day: an inferred date is never later", INTERNAL),
    ("signature", "str", "Signature", "MinHash of the cleaned text's word shingles, for finding copies", INTERNAL),
    ("left_out", "list", "Left out", "what the loader left out of the file (an HTML page's menus, footers, "
                                     "banners), as 'reason: text'", INTERNAL),
), "One row per distinct article.")

MEETINGS = Table("meetings", "meeting_id", _cols(
    ("meeting_id", "str", "Meeting", "stable id of the meeting"),
    ("article_ids", "list", "Articles", "articles reporting the meeting"),
    ("source_count", "int", "Sources", "how many articles report it"),
    ("participants", "list", "Participants", "canonical people, or a country/bloc where no person is named"),
    ("countries", "list", "Countries", "countries of the participants"),
    ("date", "date", "Date", "the day, where it can be resolved"),
    ("date_precision", "str", "Precision", "day, week, month or empty"),
    ("location", "str", "Place", "city; empty for calls"),
    ("occasion", "str", "Occasion", "summit or forum on whose sidelines it happened"),
    ("mode", "str", "Mode", "in_person, video, phone or unknown"),
    ("status", "str", "Status", "held or planned"),
    ("tags", "list", "Issues", "issue tags of the evidence"),
    ("evidence", "list", "Evidence", "the sentences that report it"),
    ("grouping", "str", "Grouping", "how an analyst grouped it into events: 'apart' (a meeting of its own), or "
                                    "the article and sentence of the meeting it is, as JSON; empty as extracted"),
    CORRECTED,
), "One row per meeting an article reports, as stored; read and exported with the rows of several "
   "articles naming the same people, day and status as one row. The events table merges them more widely.")

QUOTES = Table("quotes", "quote_id", _cols(
    ("quote_id", "str", "Quote", "stable id of the quote"),
    ("article_id", "str", "Article", "the article quoting; read once (the export), the articles "
                                     "carrying it: the canonical first, then the copies with the same "
                                     "words, joined with '; '"),
    ("speaker", "str", "Speaker", "canonical person or organisation"),
    ("speaker_role", "str", "Role", "the speaker's role"),
    ("speaker_country", "str", "Country", "the speaker's country"),
    ("kind", "str", "Kind", "direct or reported"),
    ("date", "date", "Date", "when it was said, else the publication date"),
    ("tags", "list", "Issues", "issue tags of its sentence and paragraph"),
    ("text", "str", "Quote text", "the quoted words, or the reported clause"),
    ("evidence", "str", "Evidence", "the sentence(s) carrying the quote"),
    CORRECTED,
), "One row per quote; a quote an article repeats is one row.")

EVENTS = Table("events", "event_id", _cols(
    ("event_id", "str", "Event", "stable id of the event: its earliest report's mention"),
    ("article_ids", "list", "Articles", "the articles reporting it, earliest first"),
    ("source_count", "int", "Sources", "how many stories report it (a syndicated story and its copies count once)"),
    ("outlets", "int", "Outlets", "how many outlets report it, copies included"),
    ("participants", "list", "Participants", "canonical people, or a country/bloc where no report names a person"),
    ("countries", "list", "Countries", "countries of the participants"),
    ("date", "date", "Date", "the day it was held (or is planned), where a report resolves it"),
    ("date_precision", "str", "Precision", "day, week, month or empty"),
    ("location", "str", "Place", "city; empty for calls"),
    ("occasion", "str", "Occasion", "summit or forum on whose sidelines it happened"),
    ("mode", "str", "Mode", "in_person, video, phone or unknown"),
    ("status", "str", "Status", "held once any report says it was held, else planned"),
    ("announced_on", "date", "Announced", "publication date of the first report of it as planned; "
                                          "empty when no report announced it"),
    ("history", "list", "History", "each report in publication order: 'DAY: planned for|held on DATE (article ID)'"),
    ("tags", "list", "Issues", "issue tags of the evidence"),
    ("evidence", "list", "Evidence", "one sentence per reporting article, in the order of article_ids"),
    CORRECTED,
    ("mention_ids", "list", "Mentions", "the per-article meeting rows merged into it", INTERNAL),
), "One row per real meeting across articles: mentions with overlapping parties and compatible "
   "dates merged, a planned meeting later held kept as one event with its history.")

TAGS = Table("tags", "tag_key", _cols(
    ("tag_key", "str", "Key", "article_id:tag"),
    ("article_id", "str", "Article", "the tagged article"),
    ("tag", "str", "Issue", "taxonomy id"),
    ("label", "str", "Label", "taxonomy label"),
    ("hits", "int", "Hits", "how many times the article matches the tag"),
    ("published", "date", "Published", "the article's publication date"),
    ("evidence", "str", "Evidence", "the first sentence that matched"),
), "One row per article and issue tag.")

CORRECTIONS = Table("corrections", "correction_id", _cols(
    ("correction_id", "str", "Correction", "hash of the correction's content"),
    ("table", "str", "Table", "articles, meetings or quotes"),
    ("target_id", "str", "Row", "the corrected row's id as stored when the correction was made; "
                                "empty for an added row"),
    ("article_id", "str", "Article", "the article the fact comes from"),
    ("evidence", "str", "Evidence", "the sentence the fact rests on (empty for an article)"),
    ("field", "str", "Field", "the corrected column, 'deleted', or 'added' (the value is the new row as JSON)"),
    ("value", "str", "Value", "the new value as text, lists joined with '; '"),
    ("author", "str", "By", "who made the correction"),
    ("made_at", "datetime", "Made", "when it was made (UTC)"),
    ("reverts", "str", "Reverts", "the correction it undoes, or empty"),
), "Analysts' corrections of extracted facts, applied whenever the tables are read.")

TABLES: dict[str, Table] = {t.name: t for t in (ARTICLES, MEETINGS, QUOTES, TAGS, EVENTS, CORRECTIONS)}
