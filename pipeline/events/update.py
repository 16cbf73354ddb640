"""The events table, built whole (reprocess) or brought up to date after an ingest.

After an ingest only the new mentions (and any stored mention no event holds yet, as in
a store written before events were kept) are placed: each joins the stored event every
member of which it fits, or starts one, as in a whole build. Only the events that grew,
and the new ones, are written; every other event stays as it is. A cheap screen (two
names in common, a date within reach) picks the stored events worth asking.
"""
from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd

from pipeline.events.cluster import cluster, reach
from pipeline.events.mention import mentions_of
from pipeline.events.rows import event_frame
from pipeline.events.windows import UNDATED_AHEAD, UNDATED_BEFORE
from pipeline.store.schema import EVENTS

# how far a stored mention's date (else its report's) may lie before or after the days a new
# one reaches and still share a week with it: a month's first day stands for the month, an
# undated plan reaches weeks ahead of its report, an undated report of a held one days back
BEFORE = timedelta(days=max(UNDATED_AHEAD, 31) + 8)
AFTER = timedelta(days=UNDATED_BEFORE + 8)


def build_events(meetings: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every event of the stored meeting rows (`articles`: ids, dates, sources, copy links)."""
    return event_frame(cluster(mentions_of(meetings, articles)), articles)


def update_events(events: pd.DataFrame, meetings: pd.DataFrame,
                  articles: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The events to add and the ids of stored events they replace, once `meetings` (every
    meeting row, stored and new) and `articles` (likewise) are stored."""
    member = {mid: eid for eid, mids in zip(events["event_id"], events["mention_ids"]) for mid in mids}
    placed = meetings["meeting_id"].isin(member.keys()).to_numpy()
    pending = mentions_of(meetings[~placed], articles)
    if not pending:
        return EVENTS.empty(), []
    near = placed & _near(meetings, articles, pending)
    # the events a new mention may join, whole: every member decides whether it fits
    ids = {member[m] for m in meetings.loc[near, "meeting_id"]}
    rows = meetings[placed & meetings["meeting_id"].map(lambda m: member.get(m) in ids).to_numpy()]
    by_event: dict[str, list] = {}
    for m in mentions_of(rows, articles):
        by_event.setdefault(member[m.meeting_id], []).append(m)
    stored = [sorted(ms, key=lambda m: m.order()) for ms in by_event.values()]
    after = cluster(pending, stored)
    grown = [i for i, ms in enumerate(after) if i >= len(stored) or len(ms) != len(stored[i])]
    replaced = sorted(member[after[i][0].meeting_id] for i in grown if i < len(stored))
    return event_frame([after[i] for i in grown], articles), replaced


def _near(meetings: pd.DataFrame, articles: pd.DataFrame, pending) -> np.ndarray:
    """Which stored rows may be of a new mention's meeting: two of its people or sides named,
    and dated (or, undated, reported) within reach of it. A cheap screen before the rules."""
    names = {n for m in pending for n in (*m.people, *m.sides)}
    shared = np.array([len(names.intersection([*p, *c])) >= 2
                       for p, c in zip(meetings["participants"], meetings["countries"])], dtype=bool)
    spans = [s for s in map(reach, pending) if s]
    if not spans:
        return shared
    lo = (min(s[0] for s in spans) - BEFORE).isoformat()
    hi = (max(s[1] for s in spans) + AFTER).isoformat()
    published = dict(zip(articles["article_id"], articles["published"]))
    day = meetings["date"].astype(str).str[:10]
    reported = meetings["article_ids"].map(lambda ids: published.get(ids[0], "") if len(ids) else "")
    when = day.where(day != "", reported)
    return shared & (((when >= lo) & (when <= hi)) | (when == "")).to_numpy()
