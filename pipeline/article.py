"""The one record that flows through every pipeline step.

A loader fills the fields it can read from the file (origin, raw_text and the
metadata); each step then fills its own fields and returns the article.  Steps
never import one another's internals: they read the fields declared here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Removed:
    """A piece of text the cleaning step dropped, and why."""
    reason: str          # "boilerplate", "duplicate", "metadata", "share_prompt", ...
    text: str


@dataclass
class TimeExpr:
    """A temporal expression found in the text, resolved against the publication date."""
    text: str            # as written: "last Thursday (October 30)"
    start: int           # character offsets in Article.text
    end: int
    value: date | None   # the resolved day (first day of the week/month for coarser precision)
    precision: str       # "day", "week", "month", "year", "unknown"
    sentence: int        # index into Article.sentences


@dataclass
class Mention:
    """A person or organisation mentioned in the text, resolved to a canonical entity."""
    text: str            # as written: "Akazawa", "EU trade chief Maros Sefcovic"
    start: int
    end: int
    canonical: str       # "Akazawa Ryosei"
    kind: str            # "person", "org", "country"
    role: str = ""
    country: str = ""
    sentence: int = -1


@dataclass
class TagHit:
    tag: str             # taxonomy id, e.g. "rare_earths"
    hits: int
    evidence: str        # the first sentence that matched
    sentences: list[int] = field(default_factory=list)


@dataclass
class Meeting:
    participants: list[str]
    countries: list[str]
    date: date | None = None
    date_precision: str = ""
    location: str = ""
    occasion: str = ""
    mode: str = "unknown"     # in_person, video, phone, unknown
    status: str = "held"      # held, planned
    tags: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class Quote:
    speaker: str
    kind: str                 # direct, reported
    text: str
    speaker_role: str = ""
    speaker_country: str = ""
    date: date | None = None
    tags: list[str] = field(default_factory=list)
    evidence: str = ""


@dataclass
class Article:
    origin: str                          # the uploaded file's name (zip: "archive.zip/entry.txt")
    raw_text: str                        # the body as loaded, before cleaning
    title: str = ""
    source: str = ""
    url: str = ""
    author: str = ""
    published_raw: str = ""              # the date string the file carried, if any
    published_hint: str = ""             # where published_raw came from: "header" or "metadata"
    user_published: date | None = None   # a date the user gave (CLI --published, upload form)
    ingest_date: date | None = None      # "today" for inference; fixed by the caller for purity
    warnings: list[str] = field(default_factory=list)  # for the user: text cut to fit the limits, a date unread
    left_out: list[Removed] = field(default_factory=list)  # what the loader left out: an HTML page's menus, footers
    # filled by the steps
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    metadata_dates: list[str] = field(default_factory=list)  # dates read from dropped metadata lines
    article_id: str = ""
    signature: str = ""                  # MinHash of the cleaned text, to find syndicated copies
    published: date | None = None
    published_source: str = "unknown"    # header, metadata, inferred, user, unknown
    sentences: list[tuple[int, int]] = field(default_factory=list)  # spans in text
    dates: list[TimeExpr] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    tags: list[TagHit] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cleaned body: paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)
