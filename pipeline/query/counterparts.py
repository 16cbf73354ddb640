"""Who meets whom: meetings counted per pair of sides, a pair's track and its quotes about each other.

A side is a person or a country, as the caller asks (`by`):

- countries: the meeting's `countries`;
- people: its `participants` but those it also lists as countries (a meeting names a
  country or bloc as a participant where no person is named: that is not a person).

A meeting of n sides gives each of its n(n-1)/2 pairs one meeting: three people, three pairs.
A pair is written (a, b) with a before b in sort order; the functions take either order.
"""
from __future__ import annotations

import re
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.lexicon.lexicon import Lexicon
from pipeline.text.folding import fold_aligned

BY = ("people", "countries")
SPEAKER = {"people": "speaker", "countries": "speaker_country"}
EDGE_COLUMNS = ["a", "b", "meetings"]


def side_lists(meetings: pd.DataFrame, by: str) -> list[list[str]]:
    """Each meeting's distinct sides, in order (see the module's note on people)."""
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    if by == "countries":
        return [list(dict.fromkeys(s for s in c if s)) for c in meetings["countries"]]
    lists = []
    for parts, countries in zip(meetings["participants"], meetings["countries"]):
        named = set(countries)
        lists.append(list(dict.fromkeys(p for p in parts if p and p not in named)))
    return lists


def _sides(meetings: pd.DataFrame, by: str) -> pd.DataFrame:
    """One row per meeting (its position) and side."""
    lists = side_lists(meetings, by)
    return pd.DataFrame({"row": np.repeat(np.arange(len(lists)), [len(s) for s in lists]),
                         "side": pd.Series(list(chain.from_iterable(lists)), dtype=object)})


def network(meetings: pd.DataFrame, by: str = "countries") -> tuple[pd.DataFrame, pd.Series]:
    """`edges` and `side_counts` at once, from one pass over the meetings."""
    sides = _sides(meetings, by)
    return _edges(sides), _side_counts(sides)


def edges(meetings: pd.DataFrame, by: str = "countries") -> pd.DataFrame:
    """Meetings per pair of sides (a before b), strongest first, then by name."""
    return _edges(_sides(meetings, by))


def side_counts(meetings: pd.DataFrame, by: str = "countries") -> pd.Series:
    """Each side's meetings with at least one counterpart, most first, then by name."""
    return _side_counts(_sides(meetings, by))


def _edges(sides: pd.DataFrame) -> pd.DataFrame:
    pairs = sides.merge(sides, on="row", suffixes=("_a", "_b"))
    pairs = pairs[pairs["side_a"] < pairs["side_b"]]
    if pairs.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "meetings" else object) for c in EDGE_COLUMNS})
    counts = pairs.groupby(["side_a", "side_b"]).size().reset_index(name="meetings")
    counts = counts.rename(columns={"side_a": "a", "side_b": "b"})
    return counts.sort_values(["meetings", "a", "b"], ascending=[False, True, True], kind="stable",
                              ).reset_index(drop=True)[EDGE_COLUMNS]


def _side_counts(sides: pd.DataFrame) -> pd.Series:
    paired = sides.groupby("row")["side"].transform("size") > 1
    counts = sides[paired].groupby("side").size()
    order = sorted(counts.index, key=lambda s: (-counts[s], s))
    return counts.reindex(order).rename("meetings").astype("int64")


def matrix(pairs: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    """The pairs among the sides in `keep`, each in both orders (a cell on each side of the
    diagonal of an adjacency matrix): columns a, b, meetings."""
    among = pairs[pairs["a"].isin(keep) & pairs["b"].isin(keep)]
    flipped = among.rename(columns={"a": "b", "b": "a"})
    return pd.concat([among, flipped[EDGE_COLUMNS]], ignore_index=True)


def oldest_first(rows: pd.DataFrame, day: str = "date") -> pd.DataFrame:
    """Rows by their ISO `day`, oldest first; undated ones last."""
    return rows.assign(_undated=rows[day] == "").sort_values(
        ["_undated", day], ascending=[True, True], kind="stable").drop(columns="_undated")


def pair_track(meetings: pd.DataFrame, a: str, b: str, by: str = "countries") -> pd.DataFrame:
    """The meetings both sides took part in, in the order they happened (oldest first,
    undated last): a negotiation track reads forwards."""
    both = np.array([a in s and b in s for s in side_lists(meetings, by)], dtype=bool)
    return oldest_first(meetings[both]) if a != b else meetings.iloc[0:0]


def with_sources(track: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The track with what reports each meeting: `reports` (how many articles), `outlet_names`
    (their distinct named outlets), `outlets` (how many), `article_titles`, `first_article`
    and `first_url` (the first article's id and original address, as stored)."""
    wanted = set(chain.from_iterable(track["article_ids"]))
    rows = articles[articles["article_id"].isin(wanted)]
    source, title, url = ({i: v for i, v in zip(rows["article_id"], rows[c])} for c in ("source", "title", "url"))
    outlets = [list(dict.fromkeys(source[i] for i in ids if source.get(i))) for ids in track["article_ids"]]
    return track.assign(
        reports=[len(ids) for ids in track["article_ids"]],
        outlet_names=outlets, outlets=[len(o) for o in outlets],
        article_titles=[[title[i] for i in ids if i in title] for ids in track["article_ids"]],
        first_article=[ids[0] if len(ids) else "" for ids in track["article_ids"]],
        first_url=[url.get(ids[0], "") if len(ids) else "" for ids in track["article_ids"]])


def reporting_articles(track: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The articles reporting any meeting of the track, in the track's order, each once."""
    ids = list(dict.fromkeys(chain.from_iterable(track["article_ids"])))
    found = articles.drop_duplicates("article_id").set_index("article_id").reindex(ids)
    return found[found["title"].notna()].reset_index()


def names_of(side: str, by: str) -> list[str]:
    """How a text names a side: a country by its name; a person by the canonical name or its
    first or last word of three letters or more (canonical names keep each person's own order,
    family name first or last: Akazawa Ryosei, Maros Sefcovic)."""
    if by == "countries":
        return [side]
    words = side.split()
    ends = {words[0], words[-1]} if len(words) > 1 else set()
    return [side, *sorted(w for w in ends if len(w) >= 3)]


def other_names(lexicon: Lexicon, sides: list[str], by: str) -> dict[str, list[str]]:
    """More names the lexicon knows each side by: a country's aliases and demonym ("Chinese"),
    a person's aliases and family name."""
    out: dict[str, list[str]] = {}
    for side in sides:
        if by == "countries":
            row = lexicon.countries.get(side) or {}
            names = [n for col in ("aliases", "demonyms") for n in str(row.get(col) or "").split(";")]
        else:
            people = lexicon.people_by_canonical.get(side, [])
            names = [n for p in people for n in (*p.aliases, p.family)]
        out[side] = [n.strip() for n in names if len(n.strip()) >= 2]
    return out


_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


def _mentions(texts: pd.Series, names: list[str]) -> np.ndarray:
    """Which texts name any of `names` as a whole word, accents ignored, case kept (names are
    capitalised: "Wang" but not "wang"). Matched in Arrow: a busy side has thousands of quotes."""
    values = texts.to_numpy(dtype=object)
    arr = pa.array(values, type=pa.string())
    plain = pc.string_is_ascii(arr).to_numpy(zero_copy_only=False)
    if not plain.all():   # accented letters are rare: fold only those texts
        values = values.copy()
        values[~plain] = [fold_aligned(t, lower=False) for t in values[~plain]]
        arr = pa.array(values, type=pa.string())
    forms = sorted({_SPECIAL.sub(r"\\\1", fold_aligned(n, lower=False)) for n in names if n},
                   key=len, reverse=True)
    # whole words: a non-word character or an end on either side (RE2 has no look-behind)
    pattern = r"(?:^|\W)(?:" + "|".join(forms) + r")(?:\W|$)"
    return pc.match_substring_regex(arr, pattern).to_numpy(zero_copy_only=False)


def pair_quotes(quotes: pd.DataFrame, a: str, b: str, by: str = "countries",
                also: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """The quotes of either side about the other: the speaker (a person by canonical name, or
    the speaker's country) is one side, and the quote's text or evidence names the other
    (`names_of`, plus any names `also` gives a side; accents ignored, case kept). Rows keep
    the quotes' order."""
    if a == b:
        return quotes.iloc[0:0]
    also = also or {}
    speakers = quotes[SPEAKER[by]]
    keep = np.zeros(len(quotes), dtype=bool)
    for speaker, other in ((a, b), (b, a)):
        mine = (speakers == speaker).to_numpy()
        if mine.any():
            said = quotes[mine]
            keep[np.flatnonzero(mine)] = _mentions(said["text"] + "\n" + said["evidence"],
                                                   names_of(other, by) + list(also.get(other, [])))
    return quotes[keep]
