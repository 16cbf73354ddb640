"""The events as the corrected meeting rows make them.

Only the events a correction touches are worked out again: those holding a corrected or
deleted meeting row, or a report from a re-dated article. Their other rows, and the rows
analysts added, are placed again as an ingest places new mentions (`update_events`); every
other event stays as stored.
"""
from __future__ import annotations

import pandas as pd

from pipeline.corrections.model import ADDED
from pipeline.events.update import update_events

# what a re-dated report changes in the events it is part of
REDATED_MARKS = ("history", "announced_on")


def corrected_events(events: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame,
                     articles: pd.DataFrame, redated: set[str]) -> pd.DataFrame:
    """`events` as stored, from the stored meeting rows `before`; `after` is those rows
    corrected, `articles` (ids, dates, sources, copy links) corrected, `redated` the ids of
    the articles whose date an analyst corrected."""
    kept_ids = set(after["meeting_id"])
    touched = set(before["meeting_id"]) - kept_ids
    touched |= {m for m, marks in zip(after["meeting_id"], after["corrected"]) if marks}
    hit = [bool(touched.intersection(mids) or redated.intersection(aids))
           for mids, aids in zip(events["mention_ids"], events["article_ids"])]
    kept = events[~pd.Series(hit, index=events.index, dtype=bool)]
    rows, replaced = update_events(kept, after, articles)
    out = pd.concat([kept[~kept["event_id"].isin(set(replaced))], rows], ignore_index=True)
    marks_of = dict(zip(after["meeting_id"], after["corrected"]))
    return out.assign(corrected=[_marks(mids, aids, marks_of, redated)
                                 for mids, aids in zip(out["mention_ids"], out["article_ids"])])


def _marks(mention_ids, article_ids, marks_of: dict, redated: set[str]) -> list[str]:
    marks = [m for mid in mention_ids for m in marks_of.get(mid, [])]
    if redated.intersection(article_ids):
        marks += REDATED_MARKS
    marks = list(dict.fromkeys(marks))
    return [ADDED, *[m for m in marks if m != ADDED]] if ADDED in marks else marks
