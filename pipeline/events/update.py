"""The events table, built whole (reprocess) or brought up to date after an ingest.

After an ingest only the new mentions (and any stored mention no event holds yet, as in
a store written before events were kept) are placed: the stored events that may take
them, found by the same pair-and-week keys the clustering uses, are taken apart and
clustered again with them. Every other event stays as it is.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.events.cluster import cluster, keys
from pipeline.events.mention import mentions_of
from pipeline.events.rows import event_frame
from pipeline.store.schema import EVENTS


def build_events(meetings: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every event of the stored meeting rows (`articles`: ids, dates, sources, copy links)."""
    return event_frame(cluster(mentions_of(meetings, articles)), articles)


def update_events(events: pd.DataFrame, meetings: pd.DataFrame,
                  articles: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The events to add and the ids of stored events they replace, once `meetings` (every
    meeting row, stored and new) and `articles` (likewise) are stored."""
    member = {mid: eid for eid, mids in zip(events["event_id"], events["mention_ids"]) for mid in mids}
    held = meetings["meeting_id"].isin(member.keys()).to_numpy()
    pending = mentions_of(meetings[~held], articles)
    if not pending:
        return EVENTS.empty(), []
    # only stored rows naming two of the sides or people of a new mention can share its keys
    names = {n for m in pending for n in (*m.people, *m.sides)}
    near = [len(names.intersection([*p, *c])) >= 2 for p, c in zip(meetings["participants"], meetings["countries"])]
    stored = mentions_of(meetings[held & np.array(near, dtype=bool)], articles)
    wanted = set().union(*(keys(m) for m in pending))
    affected = {member[m.meeting_id] for m in stored if keys(m) & wanted}
    pool = [m for m in stored if member[m.meeting_id] in affected] + pending
    return event_frame(cluster(pool), articles), sorted(affected)
