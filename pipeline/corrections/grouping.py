"""Analysts' grouping of meetings into events, over what the rules merged.

A meeting row whose `grouping` says `apart` is an event of its own; one naming another
meeting (its article and a sentence of its evidence) is in that meeting's event, the two
events becoming one. The named meeting is found as the events step reads rows: the
row of that article whose evidence holds the sentence; one no row answers is left as the
rules grouped it. Only the events a grouping touches are assembled again.
"""
from __future__ import annotations

import pandas as pd

from pipeline.corrections.model import APART, flat, parse_grouping
from pipeline.events.mention import mentions_of
from pipeline.events.rows import event_row, story_outlets

MARK = "grouping"


def _anchor(meetings: pd.DataFrame, article_id: str, sentence: str) -> str:
    """The id of the article's meeting row whose evidence holds the sentence, or ""."""
    wanted = flat(sentence)
    for mid, ids, evidence in zip(meetings["meeting_id"], meetings["article_ids"], meetings["evidence"]):
        if article_id in ids and any(wanted in flat(s) for s in evidence):
            return mid
    return ""


def regroup(events: pd.DataFrame, meetings: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """`events` as the analysts grouped the meeting rows (`meetings`, corrected; `articles`:
    ids, dates, sources and copy links)."""
    hinted = meetings[meetings["grouping"].astype(str) != ""] if "grouping" in meetings.columns else meetings[:0]
    if not len(hinted) or not len(events):
        return events
    groups = {eid: list(mids) for eid, mids in zip(events["event_id"], events["mention_ids"])}
    home = {mid: eid for eid, mids in groups.items() for mid in mids}
    was = dict(home)
    marks = dict(zip(events["event_id"], events["corrected"]))
    touched: set[str] = set()
    for mid, grouping in zip(hinted["meeting_id"], hinted["grouping"]):
        if mid not in home:
            continue
        said = parse_grouping(grouping)
        mine = home[mid]
        if said == APART:
            if len(groups[mine]) > 1:
                groups[mine].remove(mid)
                groups[f"apart:{mid}"] = [mid]
                home[mid] = f"apart:{mid}"
                touched |= {mine, home[mid]}
            continue
        other = home.get(_anchor(meetings, said["article_id"], said["evidence"]))
        if other and other != mine:
            for m in groups.pop(mine):
                groups[other].append(m)
                home[m] = other
            touched |= {other}
    touched = {t for t in touched if t in groups}
    if not touched:
        return events
    rows = meetings[meetings["meeting_id"].isin({m for t in touched for m in groups[t]})]
    by_id = {m.meeting_id: m for m in mentions_of(rows, articles)}
    outlets = story_outlets(articles)
    remade = []
    for t in sorted(touched):
        members = sorted((by_id[m] for m in groups[t] if m in by_id), key=lambda m: m.order())
        if members:
            before = [mark for e in dict.fromkeys(was[m] for m in groups[t]) for mark in marks.get(e, [])]
            remade.append({**event_row(members, outlets), "corrected": list(dict.fromkeys([*before, MARK]))})
    gone = set(events["event_id"]) - set(groups) | touched
    kept = events[~events["event_id"].isin(gone)]
    return pd.concat([kept, pd.DataFrame(remade, columns=events.columns)], ignore_index=True)
