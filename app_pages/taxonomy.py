"""Taxonomy: the issue tags of the data folder's taxonomy.csv; add or edit one, see what it would
match in the stored articles, then save it and re-tag the store in the background. The file is
shared with a team as CSV: downloaded, or imported (previewed, then saved the same way).

The logic is the library's: pipeline/lexicon/edits.py (the rows, the check, the write) and
pipeline/query/taxonomy.py (the preview, by the tagger itself); this page reads widgets.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.background import data_file_page, save_button
from dashboard.safe import as_text
from dashboard.share import share_panel
from pipeline.errors import TradeTalksError
from pipeline.lexicon.edits import propose, set_tag, tag_patterns, tag_row
from pipeline.lexicon.files import split_list
from pipeline.query.prepared import article_texts
from pipeline.query.taxonomy import preview_tag

NEW = ""
PREVIEW = "taxonomy_preview"
ROWS = 500

store, v, folder, table, before = data_file_page("Taxonomy", "taxonomy.csv")

counts = v.tags["tag"].value_counts()
listed = pd.DataFrame({"id": [r.get("id", "") for r in table.rows], "label": [r.get("label", "") for r in table.rows],
                       "patterns": [split_list(r.get("patterns", "")) for r in table.rows]})
listed["articles"] = [int(counts.get(t, 0)) for t in listed["id"]]
st.caption(f"The issue tags of {as_text(folder.name + '/taxonomy.csv')}; a pattern starting with ! is an "
           "exclusion, * stands for any letters (data/README.md).")
st.dataframe(listed, hide_index=True, width="stretch", column_config={
    "id": "Tag", "label": "Label", "patterns": st.column_config.ListColumn("Patterns", width="large"),
    "articles": st.column_config.NumberColumn("Articles now", help="stored articles carrying the tag")})

st.subheader("Add or edit a tag")
ids = [NEW] + listed["id"].tolist()
labels = dict(zip(listed["id"], listed["label"]))
choice = st.selectbox("Tag", ids, key="taxonomy_tag",
                      format_func=lambda t: "A new tag" if t == NEW else f"{labels.get(t) or t} ({t})")
row = tag_row(table, choice) or {}
if choice == NEW:
    tag_id = st.text_input("Id", key="taxonomy_new_id", help="lower case and underscores, as exported: ship_fuel")
else:
    tag_id = choice
label = st.text_input("Label", value=row.get("label", ""), key=f"taxonomy_label_{choice}")
typed = st.text_area("Patterns, one per line", value="\n".join(split_list(row.get("patterns", ""))),
                     key=f"taxonomy_patterns_{choice}", height=200)
patterns = tag_patterns(typed)
wanted = (tag_id.strip(), label.strip(), tuple(patterns), table.digest)

if st.button("Preview", key="taxonomy_preview_button", icon=":material/preview:"):
    try:
        edit = propose(folder, "taxonomy.csv", table, set_tag(table, tag_id, label, patterns, new=choice == NEW))
    except TradeTalksError as exc:
        st.session_state.pop(PREVIEW, None)
        st.error(as_text(exc))
    else:
        old = split_list(row.get("patterns", "")) if choice != NEW else []
        bar = st.progress(0.0, text="Finding the articles its patterns appear in…")
        found = preview_tag(v.articles["article_id"], article_texts(v), before, edit.lexicon, tag_id.strip(), old,
                            patterns, lambda done, total: bar.progress(done / total,
                                                                       text=f"Tagging {done:,}/{total:,} articles"))
        bar.empty()
        st.session_state[PREVIEW] = (wanted, edit, found)

kept = st.session_state.get(PREVIEW)
if kept is not None and kept[0] == wanted:
    _, edit, found = kept
    titles = dict(zip(v.articles["article_id"], v.articles["title"]))
    all_labels = {**v.labels, **edit.lexicon.taxonomy}
    cols = st.columns(4)
    cols[0].metric("Articles it would be on", f"{len(found.matched):,}",
                   delta=f"{len(found.matched) - len(found.before):+,}" if found.gained or found.lost else None)
    cols[1].metric("Articles now", f"{len(found.before):,}")
    cols[2].metric("Would gain it", f"{len(found.gained):,}")
    cols[3].metric("Would lose it", f"{len(found.lost):,}")
    others = found.other_tags()
    if others.empty:
        st.caption("No other tag of any stored article would change.")
    else:
        st.markdown("**What it would take from (or give to) other tags**")
        others.insert(1, "label", [all_labels.get(t, t) for t in others["tag"]])
        st.dataframe(others, hide_index=True, key="taxonomy_others", column_config={
            "tag": "Tag", "label": "Label", "gained": "Articles gaining it", "lost": "Articles losing it"})
    if len(found.evidence):
        st.markdown("**Sentences its patterns match**")
        ev = found.evidence.assign(title=found.evidence["article_id"].map(titles),
                                   link="articles?article=" + found.evidence["article_id"])
        if len(ev) > ROWS:
            st.caption(f"The first {ROWS:,} of {len(ev):,} sentences.")
        st.dataframe(ev.head(ROWS)[["title", "sentence", "link", "article_id"]], hide_index=True,
                     key="taxonomy_evidence", column_config={
                         "title": "Article", "sentence": st.column_config.TextColumn("Sentence", width="large"),
                         "link": st.column_config.LinkColumn("Read", display_text="Open article"),
                         "article_id": "Article id"})
    if len(found.changes):
        st.markdown("**Articles whose tags would change**")
        ch = found.changes.assign(title=found.changes["article_id"].map(titles))
        for col in ("gains", "loses"):
            ch[col] = [[all_labels.get(t, t) for t in ts] for ts in ch[col]]
        st.dataframe(ch.head(ROWS)[["title", "gains", "loses", "article_id"]], hide_index=True, key="taxonomy_changes",
                     column_config={"title": "Article", "gains": st.column_config.ListColumn("Gains"),
                                    "loses": st.column_config.ListColumn("Loses"), "article_id": "Article id"})
    save_button(store.root, folder, edit, f"the tag {tag_id.strip()}", PREVIEW)
else:
    st.caption("Preview the edit to see what it would match; it can be saved from there.")

share_panel(store.root, folder, table, "taxonomy.csv", "tags", "taxonomy_import")
