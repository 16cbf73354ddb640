"""People: the data folder's people.csv with how much of the store names each person; merge two
entries, split an alias off into its own, set an office and its dates; each previewed, then
saved and the store reprocessed in the background; the file shared with a team as CSV (downloaded,
or imported: previewed, then saved the same way).

The logic is the library's: pipeline/lexicon/edits.py (the rows, the check, the write) and
pipeline/query/people.py (the list, the counts, what an edit touches); this page reads widgets.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard.background import data_file_page, save_button
from dashboard.safe import as_text
from dashboard.share import share_panel
from pipeline.errors import TradeTalksError
from pipeline.lexicon.edits import merge_people, parse_rows, person_rows, propose, set_office, split_person
from pipeline.query.people import mention_counts, naming, office, people_table, using_name
from pipeline.query.prepared import article_texts, memoised

store, v, folder, table, lexicon = data_file_page("People", "people.csv")

counts = memoised(v, ("people_counts",), lambda: mention_counts(v.articles, v.meetings, v.quotes))
listed = people_table(table, counts)
st.caption(f"The people of {as_text(folder.name + '/people.csv')}, one row per person (a person in several "
           "offices has a row per office in the file), and how many stored articles, meetings and quotes name them.")
SHOWN = ["canonical", "aliases", "articles", "meetings", "quotes", "role", "country", "valid_from", "valid_to",
         "offices"]   # the counts before the offices' long text, so that they are in view
st.dataframe(listed, hide_index=True, width="stretch", key="people_list", column_order=SHOWN, column_config={
    "canonical": "Name", "aliases": st.column_config.ListColumn("Other names"), "role": "Role", "country": "Country",
    "valid_from": "From", "valid_to": "To", "offices": st.column_config.ListColumn("Offices", width="medium"),
    "articles": "Articles", "meetings": "Meetings", "quotes": "Quotes"})
names = listed["canonical"].tolist()


def _touched(person: str, among: set[str] | None = None) -> dict[str, int]:
    return naming(v.articles, v.meetings, v.quotes, person, among)


def previewed(key: str, wanted: tuple | None, rows: Callable[[], tuple], touched: Callable[[], dict[str, int]],
              what: str, shown: list[str]) -> None:
    """The Preview button of one kind of edit; once previewed (for these very choices), what it
    would touch, the people's rows after it, and the button that saves it."""
    if st.button("Preview", key=f"{key}_button", disabled=wanted is None, icon=":material/preview:"):
        try:
            edit = propose(folder, "people.csv", table, rows())
        except TradeTalksError as exc:
            st.session_state.pop(key, None)
            st.error(as_text(exc))
        else:
            st.session_state[key] = (wanted, edit, touched())
    kept = st.session_state.get(key)
    if wanted is None or kept is None or kept[0] != wanted:
        return
    _, edit, counts = kept
    cols = st.columns(3)
    for col, (kind, n) in zip(cols, counts.items()):
        col.metric(f"{kind.capitalize()} that would change", f"{n:,}")
    after = pd.DataFrame([r for r in parse_rows(edit.text).rows if r.get("canonical") in shown])
    st.dataframe(after, hide_index=True, key=f"{key}_rows")
    st.caption("The rows of people.csv after the edit; the counts are the stored rows naming them now, "
               "which the reprocess works out again.")
    save_button(store.root, folder, edit, what, key)


merge, split, role = st.tabs(["Merge two people", "Split off an alias", "Set an office"])

with merge:
    source = st.selectbox("This person", names, index=None, key="merge_from",
                          placeholder="the entry that is another name of someone")
    target = st.selectbox("becomes another name of", [n for n in names if n != source], index=None, key="merge_into")
    st.caption("Its name and other names join the other's; an office only it held is kept as the other's.")
    wanted = (source, target, table.digest) if source and target else None
    previewed("people_merge", wanted, lambda: merge_people(table, source, target), lambda: _touched(source),
              f"the merge of {source} into {target}", [target])

with split:
    having = listed[listed["aliases"].map(len) > 0]
    holder = st.selectbox("Person", having["canonical"].tolist(), index=None, key="split_person")
    aliases = having.set_index("canonical")["aliases"].get(holder, []) if holder else []
    alias = st.selectbox("Other name that is someone else", aliases, index=None, key=f"split_alias_{holder}")
    going = st.multiselect("Other names going with it", [a for a in aliases if a != alias],
                           key=f"split_with_{holder}_{alias}")
    wanted = (holder, alias, tuple(going), table.digest) if holder and alias else None

    def split_touched() -> dict[str, int]:
        ids = v.articles["article_id"][v.articles["people"].map(lambda p: holder in p)].tolist()
        texts = article_texts(v)[v.articles["article_id"].isin(ids)]
        return _touched(holder, using_name(zip(ids, texts), alias))
    previewed("people_split", wanted, lambda: split_person(table, holder, alias, going), split_touched,
              f"the split of {alias} from {holder}", [holder, alias])

with role:
    person = st.selectbox("Person", names, index=None, key="office_person")
    positions = person_rows(table, person) if person else []
    at = st.selectbox("Office", positions, key=f"office_row_{person}",
                      format_func=lambda i: office(table.rows[i]) or "(none yet)")
    row = table.rows[at] if at is not None else {}
    countries = ["", *sorted(lexicon.countries)]
    if row.get("country") and row["country"] not in countries:
        countries.append(row["country"])
    field = f"{person}_{at}"
    new_role = st.text_input("Role", value=row.get("role", ""), key=f"office_role_{field}")
    country = st.selectbox("Country", countries, index=countries.index(row.get("country", "")),
                           key=f"office_country_{field}")
    start, end = st.columns(2)
    valid_from = start.text_input("Held from (YYYY-MM-DD)", value=row.get("valid_from", ""), key=f"office_from_{field}")
    valid_to = end.text_input("Held until (YYYY-MM-DD, empty: still held)", value=row.get("valid_to", ""),
                              key=f"office_to_{field}")
    add = st.checkbox("Another office (keep this one and add a row)", key=f"office_add_{field}")
    wanted = (person, at, new_role, country, valid_from, valid_to, add, table.digest) if at is not None else None
    previewed("people_office", wanted, lambda: set_office(table, at, new_role, country, valid_from, valid_to, add),
              lambda: _touched(person), f"the office of {person}", [person])

share_panel(store.root, folder, table, "people.csv", "people", "people_import")
