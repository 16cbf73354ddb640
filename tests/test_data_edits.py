"""Editing taxonomy.csv and people.csv: round trips, checks before writing, merges and splits,
and the previews of what an edit would do to the stored articles."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import LexiconError
from pipeline.lexicon.edits import (check_data_file, merge_people, read_rows, render_rows, save_data_file, set_office,
                                    set_tag, split_person, tag_patterns)
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.query.people import mention_counts, naming, people_table, using_name
from pipeline.query.taxonomy import candidates, pattern_matcher, preview_tag
from pipeline.text.folding import fold_aligned

PEOPLE = """canonical,aliases,role,country,valid_from,valid_to,family
Ana Ruiz,A. Ruiz,Trade Minister,Ruritania,2024-01-01,,
Anna Ruiz,Ana Ruis,"Minister of Economy, Trade",Ruritania,2022-01-01,2023-12-31,
Ana Ruiz-Soto,,Trade Minister,Ruritania,2024-01-01,,
Piet Jansen,P. Jansen;Pieter Jansen;Piet Jansen-Smit,Foreign Minister,Freedonia,,,
"""


@pytest.fixture
def people(data_copy) -> Path:
    (data_copy / "people.csv").write_text(PEOPLE, encoding="utf-8")
    return data_copy


def _by_name(rows) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["canonical"], []).append(r)
    return out


# --- round trips and saving ------------------------------------------------------------------
@pytest.mark.parametrize("name", ["taxonomy.csv", "people.csv"])
def test_an_unchanged_file_is_written_back_as_it_was(name):
    table = read_rows(DEFAULT_DATA, name)
    assert render_rows(table.header, table.rows) == table.text


def test_a_tag_edited_and_added_round_trips_through_the_lexicon(data_copy):
    table = read_rows(data_copy, "taxonomy.csv")
    rows = set_tag(table, "tariffs", "Tariffs", ["tariff*", "duties on", "!non tariff*"])
    rows = set_tag(replace(table, rows=rows), "quotas", "Quotas, TRQs",
                   tag_patterns("tariff rate quota*\nimport quota*; TRQ"))
    save_data_file(data_copy, "taxonomy.csv", render_rows(table.header, rows), table.digest)
    lexicon = Lexicon.load(data_copy)
    assert list(lexicon.taxonomy)[-1] == "quotas" and lexicon.taxonomy["quotas"] == "Quotas, TRQs"
    assert list(lexicon.taxonomy)[:-1] == [r["id"] for r in table.rows]   # edited in place
    again = read_rows(data_copy, "taxonomy.csv")
    assert next(r for r in again.rows if r["id"] == "quotas")["patterns"] == "tariff rate quota*;import quota*;TRQ"
    assert next(r for r in again.rows if r["id"] == "tariffs")["patterns"] == "tariff*;duties on;!non tariff*"
    assert not [p for p in data_copy.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("pattern, problem", [("*", "names no word"), ("!", "names no word"),
                                              ("chip!s", "'!' may only start")])
def test_a_broken_pattern_is_refused_and_nothing_written(data_copy, pattern, problem):
    table = read_rows(data_copy, "taxonomy.csv")
    rows = set_tag(table, "chips", "Chips", ["chip", pattern])
    before = (data_copy / "taxonomy.csv").read_bytes()
    with pytest.raises(LexiconError) as err:
        save_data_file(data_copy, "taxonomy.csv", render_rows(table.header, rows), table.digest)
    line = len(table.rows) + 2
    assert str(err.value).startswith(f"data/taxonomy.csv:{line}: patterns has the pattern '{pattern}'")
    assert problem in str(err.value)
    assert (data_copy / "taxonomy.csv").read_bytes() == before
    assert sorted(p.name for p in data_copy.iterdir()) == sorted(p.name for p in DEFAULT_DATA.iterdir()
                                                                 if p.name != "samples")


def test_a_repeated_pattern_and_an_empty_id_are_refused(data_copy):
    table = read_rows(data_copy, "taxonomy.csv")
    with pytest.raises(LexiconError, match="patterns repeats 'chip'"):
        check_data_file(data_copy, "taxonomy.csv",
                        render_rows(table.header, set_tag(table, "x", "X", ["chip", "chip"])))
    with pytest.raises(LexiconError, match="is taken"):
        set_tag(table, "Tariffs", "X", ["chip"], new=True)
    with pytest.raises(LexiconError, match="only letters, digits"):
        set_tag(table, "ship;ping", "X", ["chip"])
    with pytest.raises(LexiconError, match="'id' is empty"):
        check_data_file(data_copy, "taxonomy.csv", render_rows(table.header, set_tag(table, " ", "X", ["chip"])))


def test_a_file_changed_since_it_was_read_is_not_overwritten(data_copy):
    table = read_rows(data_copy, "taxonomy.csv")
    path = data_copy / "taxonomy.csv"
    path.write_text(table.text + "ships,Shipping,container ship*\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="changed since this page read it"):
        save_data_file(data_copy, "taxonomy.csv", render_rows(table.header, set_tag(table, "x", "X", ["chip"])),
                       table.digest)
    assert "ships,Shipping" in path.read_text(encoding="utf-8")


# --- people ----------------------------------------------------------------------------------
def test_merging_moves_names_into_the_other_and_keeps_an_office_only_it_held(people):
    table = read_rows(people, "people.csv")
    merged = _by_name(merge_people(table, "Anna Ruiz", "Ana Ruiz"))
    assert "Anna Ruiz" not in merged
    rows = merged["Ana Ruiz"]
    assert [r["role"] for r in rows] == ["Trade Minister", "Minister of Economy, Trade"]
    assert rows[0]["aliases"] == rows[1]["aliases"] == "A. Ruiz;Anna Ruiz;Ana Ruis"
    assert (rows[1]["valid_from"], rows[1]["valid_to"]) == ("2022-01-01", "2023-12-31")
    # the same office twice is one row
    merged = _by_name(merge_people(table, "Ana Ruiz-Soto", "Ana Ruiz"))
    assert len(merged["Ana Ruiz"]) == 1 and merged["Ana Ruiz"][0]["aliases"] == "A. Ruiz;Ana Ruiz-Soto"
    save_data_file(people, "people.csv", render_rows(table.header, merge_people(table, "Anna Ruiz", "Ana Ruiz")))
    lexicon = Lexicon.load(people)
    assert {p.canonical for p in lexicon.people_index["anna ruiz"]} == {"Ana Ruiz"}
    with pytest.raises(LexiconError):
        merge_people(table, "Ana Ruiz", "Ana Ruiz")


def test_splitting_an_alias_makes_it_a_person_and_undoes_a_merge(people):
    table = read_rows(people, "people.csv")
    rows = split_person(table, "Piet Jansen", "Piet Jansen-Smit")
    split = _by_name(rows)
    assert split["Piet Jansen"][0]["aliases"] == "P. Jansen;Pieter Jansen"
    assert split["Piet Jansen-Smit"][0] | {} == {"canonical": "Piet Jansen-Smit", "aliases": "", "role": "",
                                                 "country": "Freedonia", "valid_from": "", "valid_to": "",
                                                 "family": ""}
    # with other aliases going along
    split = _by_name(split_person(table, "Piet Jansen", "Pieter Jansen", ["P. Jansen"]))
    assert split["Piet Jansen"][0]["aliases"] == "Piet Jansen-Smit"
    assert split["Pieter Jansen"][0]["aliases"] == "P. Jansen"
    # merge then split: the entry comes back, its office to be set again
    merged = replace(table, rows=merge_people(table, "Anna Ruiz", "Ana Ruiz"))
    back = _by_name(split_person(merged, "Ana Ruiz", "Anna Ruiz", ["Ana Ruis"]))
    assert back["Ana Ruiz"][0]["aliases"] == "A. Ruiz" and back["Anna Ruiz"][0]["aliases"] == "Ana Ruis"
    with pytest.raises(LexiconError, match="not an alias"):
        split_person(table, "Piet Jansen", "Ana Ruis")


def test_an_office_is_set_or_added_and_its_dates_checked(people):
    table = read_rows(people, "people.csv")
    rows = set_office(table, 3, "Trade Minister", "Freedonia", "2025-02-01", "")
    assert rows[3]["role"] == "Trade Minister" and rows[3]["valid_from"] == "2025-02-01"
    rows = set_office(table, 3, "Deputy Minister", "Freedonia", "2020-01-01", "2025-01-31", add=True)
    assert [r["role"] for r in rows[3:]] == ["Foreign Minister", "Deputy Minister"]
    assert rows[4]["aliases"] == rows[3]["aliases"]
    check_data_file(people, "people.csv", render_rows(table.header, rows))
    wrong = set_office(table, 3, "Trade Minister", "Freedonia", "2025-02-01", "2024-01-01")
    with pytest.raises(LexiconError, match=r"people.csv:5: valid_to is before valid_from"):
        save_data_file(people, "people.csv", render_rows(table.header, wrong))
    with pytest.raises(LexiconError, match="valid_from '1 May' is not a date"):
        check_data_file(people, "people.csv", render_rows(table.header, set_office(table, 0, "x", "", "1 May", "")))


def _frames():
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                             "people": [["Ana Ruiz", "Piet Jansen"], ["Anna Ruiz"], ["Piet Jansen"]]})
    meetings = pd.DataFrame({"article_ids": [["a1"], ["a2"], ["a1", "a3"]],
                             "participants": [["Ana Ruiz", "Piet Jansen"], ["Anna Ruiz", "Piet Jansen"],
                                              ["Piet Jansen", "Freedonia"]]})
    quotes = pd.DataFrame({"article_id": ["a1", "a2", "a2", "a3"],
                           "speaker": ["Ana Ruiz", "Anna Ruiz", "Anna Ruiz", "Piet Jansen"]})
    return articles, meetings, quotes


def test_the_people_list_counts_what_names_each(people):
    table = read_rows(people, "people.csv")
    shown = people_table(table, mention_counts(*_frames())).set_index("canonical")
    assert shown.loc["Piet Jansen", ["articles", "meetings", "quotes"]].tolist() == [2, 3, 1]
    assert shown.loc["Anna Ruiz", ["articles", "meetings", "quotes"]].tolist() == [1, 1, 2]
    assert shown.loc["Ana Ruiz-Soto", "articles"] == 0
    assert shown.loc["Anna Ruiz", "offices"] == ["Minister of Economy, Trade, Ruritania, 2022-01-01 to 2023-12-31"]
    assert shown.loc["Piet Jansen", "aliases"] == ["P. Jansen", "Pieter Jansen", "Piet Jansen-Smit"]


def test_merge_and_split_previews_count_the_rows_they_touch():
    articles, meetings, quotes = _frames()
    assert naming(articles, meetings, quotes, "Anna Ruiz") == {"articles": 1, "meetings": 1, "quotes": 2}
    texts = [("a1", "Piet Jansen met Ana Ruiz."), ("a3", "Jansen said P. JANSEN-smit would go.")]
    assert using_name(texts, "Piet Jansen-Smit") == set()
    assert using_name(texts, "P. Jansen") == {"a3"}
    assert using_name([("a1", "Pieter Jansen, not Piet")], "Piet") == {"a1"}
    among = using_name(texts, "P. Jansen")
    assert naming(articles, meetings, quotes, "Piet Jansen", among) == {"articles": 1, "meetings": 1, "quotes": 1}


# --- the taxonomy preview ----------------------------------------------------------------------
TEXTS = [("a1", "Canada widened its tariff-rate quotas for dairy. Farmers objected."),
         ("a2", "Tariffs on steel rose. Import quotas stay. Import quotas are old."),
         ("a3", "Nothing here about trade."),
         ("a4", "Chip exports and rare earths were discussed.")]


def _edited(folder: Path, tag: str, patterns: list[str]) -> Lexicon:
    table = read_rows(folder, "taxonomy.csv")
    return check_data_file(folder, "taxonomy.csv", render_rows(table.header, set_tag(table, tag, tag, patterns)))


def test_a_new_tag_previews_its_articles_sentences_and_what_it_takes_from_others(data_copy, lexicon):
    patterns = ["tariff rate quota*", "import quota*"]
    preview = preview_tag(*zip(*TEXTS), lexicon, _edited(data_copy, "quotas", patterns), "quotas", [], patterns)
    assert preview.matched == ["a1", "a2"] and preview.before == [] and preview.gained == ["a1", "a2"]
    assert (preview.scanned, preview.candidates) == (4, 2)
    assert preview.evidence.values.tolist() == [["a1", "Canada widened its tariff-rate quotas for dairy."],
                                                ["a2", "Import quotas stay."], ["a2", "Import quotas are old."]]
    # the longer pattern takes "tariff-rate quotas" from the tariffs tag
    changes = preview.changes.set_index("article_id")
    assert changes.loc["a1", "loses"] == ["tariffs"] and changes.loc["a2", "loses"] == []
    assert preview.other_tags().values.tolist() == [["tariffs", 0, 1]]


def test_an_edited_tag_previews_what_it_gains_and_loses(data_copy, lexicon):
    old = next(r for r in read_rows(data_copy, "taxonomy.csv").rows if r["id"] == "semiconductors")
    old_patterns = old["patterns"].split(";")
    new_patterns = [p for p in old_patterns if p not in ("chip", "chips")] + ["steel"]
    preview = preview_tag(*zip(*TEXTS), lexicon, _edited(data_copy, "semiconductors", new_patterns), "semiconductors",
                          old_patterns, new_patterns)
    assert preview.before == ["a4"] and preview.matched == ["a2"]
    assert preview.gained == ["a2"] and preview.lost == ["a4"]
    assert preview.evidence.values.tolist() == [["a2", "Tariffs on steel rose."]]
    assert preview.other_tags().empty


def test_the_preview_is_what_reprocess_stores(data_copy, lexicon, tmp_path):
    from pipeline.ingest import ingest_uploads, reprocess
    from pipeline.store.parquet import Store
    store = Store(tmp_path / "store")
    ingest_uploads([(f"{i}.txt", t.encode()) for i, t in TEXTS], store, lexicon=lexicon)
    texts = store.read("articles", ["article_id", "text"])
    patterns = ["tariff rate quota*", "import quota*"]
    after = _edited(data_copy, "quotas", patterns)
    preview = preview_tag(texts["article_id"], texts["text"], lexicon, after, "quotas", [], patterns)
    table = read_rows(data_copy, "taxonomy.csv")
    save_data_file(data_copy, "taxonomy.csv", render_rows(table.header, set_tag(table, "quotas", "quotas", patterns)))
    reprocess(store, Lexicon.load(data_copy))
    tags = store.read("tags")
    assert sorted(tags[tags["tag"] == "quotas"]["article_id"]) == sorted(preview.matched)
    stored = store.read("articles").set_index("article_id")["tags"]
    for article_id, then in zip(preview.changes["article_id"], preview.changes["tags_then"]):
        assert stored[article_id] == then


TRICKY = ["RARE\u00a0EARTH magnets", "rare--earths", "Zölle auf Stahl", "Xi\u2019s visit", "ÉTATS-UNIS, Japon",
          "scarce earth", "rarely earthed", "tariff\u2009rate quotas", "the US-Japan deal", "Ministry of Economy Trade",
          "ПОШЛИНЫ", "", "Wafer-thin margins", "chips\ninvestment"]
PATTERNS = [["rare earth*"], ["zolle"], ["xi's"], ["etats unis"], ["tariff rate quota*"], ["US"], ["!wafer thin"],
            ["economy, trade"], ["chips investment"], ["пошлины"], ["earth"]]


@pytest.mark.parametrize("patterns", PATTERNS)
def test_the_fast_search_finds_what_the_tagger_pattern_finds(patterns):
    regex = pattern_matcher(patterns)
    assert candidates(TRICKY, patterns) == [i for i, t in enumerate(TRICKY) if regex.search(fold_aligned(t))]
