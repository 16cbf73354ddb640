"""An event's row: what its mentions say together, with each report's part in its history."""
from __future__ import annotations

from datetime import date

import pandas as pd

from pipeline.events.mention import Mention
from pipeline.store.rows import stable_id
from pipeline.store.schema import EVENTS

MODES = ("in_person", "video", "phone")    # said outright; "unknown" only when no report says


def event_id(members: list[Mention]) -> str:
    """Named after its earliest report's mention, so a later report joining it keeps the id."""
    first = min(members, key=lambda m: (m.published or date.max, m.meeting_id))
    return stable_id("event", first.meeting_id)


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v))


def _participants(members: list[Mention]) -> list[str]:
    """People first; a side stands in as a participant only where no report names a person of
    it (a report naming people lists their countries without them)."""
    named_for = {s for m in members for s in m.row["countries"] if s not in m.participants}
    people = _unique(p for m in members for p in m.participants if p in m.people)
    return people + _unique(p for m in members for p in m.participants
                            if p not in m.people and p not in named_for)


def _history(by_article: dict[str, list[Mention]]) -> list[str]:
    lines = []
    for article, ms in by_article.items():
        m = ms[0]
        when = m.published.isoformat() if m.published else "undated"
        held = next((x for x in ms if x.status == "held"), m)
        on = (" on " if held.status == "held" else " for ") + _said_date(held) if held.day else ""
        lines.append(f"{when}: {held.status}{on} (article {article})")
    return lines


def _said_date(m: Mention) -> str:
    day = m.day.isoformat()
    return {"week": f"the week of {day}", "month": f"{m.day:%B %Y}"}.get(m.precision, day)


def event_row(members: list[Mention], outlets: dict[str, set[str]]) -> dict:
    """`members` most telling first; `outlets` maps a story (canonical article) to its outlets."""
    by_article: dict[str, list[Mention]] = {}
    for m in sorted(members, key=lambda m: (m.published or date.max, m.article_id)):
        by_article.setdefault(m.article_id, []).append(m)
    lead = members[0]
    held = [m for m in members if m.status == "held"]
    dated = next((m for m in members if m.day), None)
    when = next((m for m in held if m.day), None) or dated   # held on the day it was planned for
    announced = [m.published for m in members if m.status == "planned" and m.published]
    stories = _unique(m.story for m in members)
    return {
        "event_id": event_id(members),
        "article_ids": list(by_article),
        "source_count": len(stories),
        "outlets": len(set().union(*(outlets.get(s, {s}) for s in stories))),
        "participants": _participants(members),
        "countries": _unique(c for m in members for c in m.row["countries"]),
        "date": when.day.isoformat() if when else "",
        "date_precision": when.precision if when else "",
        "location": next((m.row["location"] for m in held or members if m.location), ""),
        "occasion": next((m.row["occasion"] for m in members if m.occasion), ""),
        "mode": next((m.row["mode"] for m in held or members if m.row.get("mode") in MODES), "unknown"),
        "status": "held" if held else lead.status,
        "announced_on": min(announced).isoformat() if announced else "",
        "history": _history(by_article),
        "tags": _unique(t for m in members for t in m.row["tags"]),
        "evidence": [next((s for m in ms for s in m.row["evidence"] if s), "") for ms in by_article.values()],
        "mention_ids": [m.meeting_id for m in members],
    }


def story_outlets(articles: pd.DataFrame) -> dict[str, set[str]]:
    """Each story's outlets (an article without a named source is an outlet of its own)."""
    dup = articles["duplicate_of"] if "duplicate_of" in articles.columns else pd.Series([""] * len(articles))
    out: dict[str, set[str]] = {}
    for a, d, s in zip(articles["article_id"], dup, articles["source"]):
        out.setdefault(d or a, set()).add(s or "\x00" + a)
    return out


def event_frame(events: list[list[Mention]], articles: pd.DataFrame) -> pd.DataFrame:
    outlets = story_outlets(articles)
    return EVENTS.conform(pd.DataFrame([event_row(ms, outlets) for ms in events], columns=EVENTS.names))
