"""What a brief says, as data: built once, written as Markdown or DOCX."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pandas as pd

from pipeline.errors import TradeTalksError
from pipeline.query.library import read_table
from pipeline.query.views import Filters, Views, filter_meetings, filter_quotes, filter_tags, prepare
from pipeline.store.parquet import Store

QUOTES_PER_SPEAKER = 3
MODES = {"in_person": "in person", "video": "video call", "phone": "phone call", "unknown": "mode not reported"}


class BriefError(TradeTalksError):
    """A period the brief cannot cover (the end before the start)."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date   # inclusive

    def __post_init__(self):
        if self.end < self.start:
            raise BriefError(f"the period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def __str__(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def week_of(day: date) -> Period:
    """The Monday-to-Sunday week holding `day`."""
    start = day - timedelta(days=day.weekday())
    return Period(start, start + timedelta(days=6))


@dataclass(frozen=True)
class Citation:
    number: int
    article_id: str
    title: str
    outlet: str
    published: str
    url: str


@dataclass(frozen=True)
class Cited:
    """One piece of evidence: the sentence quoted, and the number of its article's citation."""
    evidence: str
    cite: int


@dataclass
class Meeting:
    who: list[str]
    when: str
    where: str
    mode: str
    status: str
    outlets: list[str]
    sources: list[Cited]


@dataclass
class Quote:
    speaker: str
    kind: str
    when: str
    text: str
    source: Cited


@dataclass
class TagMove:
    label: str
    now: int
    before: int
    source: Cited | None   # the latest article of the period with the tag; else of the period before

    @property
    def change(self) -> int:
        return self.now - self.before


@dataclass
class Brief:
    period: Period
    filters: Filters
    held: list[Meeting] = field(default_factory=list)
    planned: list[Meeting] = field(default_factory=list)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)   # speaker -> quotes
    tags: list[TagMove] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    charts: dict[str, bytes] = field(default_factory=dict)          # "timeline"/"tags" -> PNG
    chart_note: str = ""                                              # why there are no charts
    labels: dict[str, str] = field(default_factory=dict)              # tag id -> label, for the scope

    @property
    def title(self) -> str:
        return f"Trade talks brief, {self.period}"

    def scope(self) -> str:
        """The filters, in words."""
        f = self.filters
        parts = [f"{name}: {', '.join(values)}" for name, values in (
            ("countries", f.countries), ("people", f.people),
            ("issues", tuple(self.labels.get(t, t) for t in f.tags)), ("modes", f.modes),
            ("statuses", f.statuses), ("sources", f.sources)) if values]
        if f.search.strip():
            parts.append(f"search: {f.search.strip()}")
        if parts and f.between and (f.people or f.countries):
            parts.append("meetings between all chosen sides")
        return "; ".join(parts) or "all articles"


class _Citations:
    """Numbers articles in order of first use, one number per article."""

    def __init__(self, articles: pd.DataFrame):
        self.articles = articles.set_index("article_id", drop=False)
        self.numbers: dict[str, int] = {}
        self.list: list[Citation] = []

    def title(self, article_id: str) -> str:
        return str(self.articles.at[article_id, "title"]) if article_id in self.articles.index else article_id

    def cite(self, article_id: str, evidence: str) -> Cited:
        if article_id not in self.numbers:
            row = self.articles.loc[article_id] if article_id in self.articles.index else None
            get = (lambda c: str(row[c] or "")) if row is not None else (lambda c: "")
            number = len(self.list) + 1
            self.numbers[article_id] = number
            self.list.append(Citation(number, article_id, get("title") or article_id, get("source"),
                                      get("published"), get("url")))
        return Cited(" ".join(str(evidence).split()), self.numbers[article_id])


def views_of_store(store: Store) -> Views:
    """The store's tables as the dashboard prepares them (corrections applied, meetings as events)."""
    tables = {"articles": read_table(store, "articles"), "quotes": read_table(store, "quotes"),
              "tags": read_table(store, "tags"), "meetings": read_table(store, "events")}
    return prepare(tables)


def build_brief(v: Views, f: Filters, period: Period) -> Brief:
    """The brief of `period` over what the filters `f` keep (their own dates are replaced by the period's)."""
    now = replace(f, start=period.start.isoformat(), end=period.end.isoformat())
    prev = period.previous()
    before = replace(f, start=prev.start.isoformat(), end=prev.end.isoformat())
    cites = _Citations(v.articles)
    brief = Brief(period, f, labels=dict(v.labels))
    held, planned = _meetings(v, f, period)
    brief.held = [_meeting(r, cites) for r in held]
    brief.planned = [_meeting(r, cites) for r in planned]
    brief.quotes = _quotes(filter_quotes(v, now), cites)
    brief.tags = _tags(v, filter_tags(v, now), filter_tags(v, before), cites)
    brief.citations = cites.list
    return brief


def _meetings(v: Views, f: Filters, period: Period) -> tuple[list[dict], list[dict]]:
    """Held in the period; planned for it, or announced in it for a later day."""
    m = filter_meetings(v, replace(f, start="", end=""))
    start, end = period.start.isoformat(), period.end.isoformat()
    in_period = (m["date"] >= start) & (m["date"] <= end)
    # announced in the period for a later day, or for a day not yet known
    m = m if "announced_on" in m.columns else m.assign(announced_on="")   # per-article meeting rows
    announced = (m["announced_on"] >= start) & (m["announced_on"] <= end) & ((m["date"] == "") | (m["date"] > end))
    held = m[in_period & (m["status"] == "held")].sort_values(["date", "participants_text"])
    planned = m[(m["status"] == "planned") & (in_period | announced)]
    planned = planned.assign(_day=planned["date"].replace("", "9999")).sort_values(["_day", "participants_text"])
    return held.to_dict("records"), planned.to_dict("records")


def _meeting(row: dict, cites: _Citations) -> Meeting:
    ids, evidence = list(row["article_ids"]), list(row["evidence"])
    known = [i for i in ids if i in cites.articles.index]
    outlets = list(dict.fromkeys(s for s in cites.articles.loc[known, "source"] if s))
    where = ", ".join(p for p in (row.get("location", ""), row.get("occasion", "")) if p)
    sources = [cites.cite(i, e) for i, e in zip(ids, evidence) if e]
    if not sources and ids:   # no sentence kept (an analyst's added meeting, say): its article's title
        sources = [cites.cite(ids[0], cites.title(ids[0]))]
    return Meeting(who=list(row["participants"]), when=row["date"] or "date not reported",
                   where=where or "place not reported", mode=MODES.get(row["mode"], row["mode"] or MODES["unknown"]),
                   status=row["status"], outlets=outlets, sources=sources)


def _quotes(q: pd.DataFrame, cites: _Citations) -> dict[str, list[Quote]]:
    """A few quotes per speaker, direct first, then the latest; speakers by how often they are quoted."""
    if q.empty:
        return {}
    q = q.assign(_direct=(q["kind"] != "direct").astype(int))
    order = q.groupby("speaker")["quote_id"].count().sort_values(ascending=False, kind="stable")
    out: dict[str, list[Quote]] = {}
    for speaker in sorted(order.index, key=lambda s: (-order[s], s)):
        if not speaker:
            continue
        picked = q[q["speaker"] == speaker].sort_values(["_direct", "date", "quote_id"], ascending=[True, False, True])
        # one quote per sentence: a direct quote's reported twin is the same words again
        picked = picked.drop_duplicates(["article_id", "evidence"])
        out[speaker] = [Quote(speaker, r["kind"], r["date"], " ".join(r["text"].split()),
                              cites.cite(r["article_id"], r["evidence"]))
                        for r in picked.head(QUOTES_PER_SPEAKER).to_dict("records")]
    return out


def _tags(v: Views, now: pd.DataFrame, before: pd.DataFrame, cites: _Citations) -> list[TagMove]:
    """Articles per tag in the period and the one before, largest change first."""
    n_now = now.groupby("tag")["article_id"].nunique()
    n_before = before.groupby("tag")["article_id"].nunique()
    moves = []
    for tag in sorted(set(n_now.index) | set(n_before.index)):
        rows = now if tag in n_now.index else before
        latest = rows[rows["tag"] == tag].sort_values(["published", "article_id"], ascending=[False, True]).iloc[0]
        moves.append(TagMove(v.labels.get(tag, tag), int(n_now.get(tag, 0)), int(n_before.get(tag, 0)), None))
        moves[-1].source = latest
    moves.sort(key=lambda m: (-abs(m.change), -m.now, m.label.lower()))
    for m in moves:   # cited in the order shown
        m.source = cites.cite(m.source["article_id"], m.source["evidence"] or m.source["title"])
    return moves
