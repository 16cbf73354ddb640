"""Analysts' corrections: kept apart from the extracted rows, applied when read, and still
applied after a reprocess with other data files. The articles are invented."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.corrections import Correction, apply_corrections, pending_review, read_corrections, record, revert
from pipeline.errors import CorrectionError
from pipeline.ingest import ingest_paths, reprocess
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.query.library import read_table
from pipeline.store.parquet import Store

GENEVA = ("Jamieson Greer, the US trade representative, held talks with Chinese Vice Premier He Lifeng "
          "in Geneva on Monday (March 2) on tariffs and export controls on rare earths.")
SAID = "He Lifeng said China wanted a fair deal on export controls."
MARKETS = "Markets in Asia rose on the news, with shares of chipmakers leading the gains."
HARBOUR = f'{GENEVA}\n"We made real progress on rare earths," Greer told reporters after the meeting.\n{SAID}\n{MARKETS}'
WASHINGTON = ("Japanese trade minister Ryosei Akazawa met US Commerce Secretary Howard Lutnick in Washington "
              "on Wednesday (March 4) to discuss tariffs on cars.")
BRUSSELS = "Akazawa will travel to Brussels next week to meet EU trade commissioner Maros Sefcovic."
LEDGER = f'{WASHINGTON}\n{BRUSSELS}\n"The talks were useful," Akazawa told reporters.'


def _articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, source, day, body in (("harbour", "Harbour Times", "2026-03-03", HARBOUR),
                                    ("ledger", "Pacific Ledger", "2026-03-05", LEDGER)):
        (folder / f"{name}.txt").write_text(f"title: {name}\nsource: {source}\npublished: {day}\n\n{body}\n", "utf-8")
    return folder


def _ingested(tmp_path: Path, store: Store, lexicon: Lexicon) -> Store:
    report = ingest_paths([_articles(tmp_path / "in")], store, lexicon=lexicon)
    assert len(report.new_ids) == 2
    return store


def _row(df: pd.DataFrame, column: str, text: str) -> dict:
    """The one row whose `column` (text, or list of sentences) holds `text`."""
    hits = [r for r in df.to_dict("records")
            if text in (" ".join(r[column]) if isinstance(r[column], list) else r[column])]
    assert len(hits) == 1, (text, len(hits))
    return hits[0]


def _article(store: Store, name: str) -> str:
    articles = store.read("articles")
    return articles[articles["title"] == name]["article_id"].iloc[0]


def _analysts_work(store: Store) -> list[str]:
    """A meeting's place and date, another's participants, a quote's speaker and an article's
    date corrected; a meeting deleted and a quote added."""
    meetings, quotes = store.read("meetings"), store.read("quotes")
    geneva, washington = _row(meetings, "evidence", "Geneva"), _row(meetings, "evidence", "Washington")
    brussels, said = _row(meetings, "evidence", "Brussels"), _row(quotes, "evidence", SAID)
    return record(store, [
        Correction("meetings", geneva["meeting_id"], "location", "Lausanne", "Ana"),
        Correction("meetings", geneva["meeting_id"], "date", "2026-03-01", "Ana"),
        Correction("meetings", washington["meeting_id"], "participants", "Akazawa Ryosei; Scott Bessent", "Ana"),
        Correction("meetings", brussels["meeting_id"], "deleted", "", "Ana"),
        Correction("quotes", said["quote_id"], "speaker", "Li Chenggang", "Bo"),
        Correction("articles", _article(store, "ledger"), "published", "2026-03-06", "Bo"),
        Correction("quotes", "", "added", '{"speaker": "Market analysts", "text": "shares of chipmakers rose"}',
                   "Bo", article_id=_article(store, "harbour"), evidence=MARKETS),
    ])


def _changed_data(tmp_path: Path) -> Path:
    """A copy of the data folder where He Lifeng is known by another canonical name: his
    meeting's participants, and so its id, change when reprocessed."""
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, folder, ignore=shutil.ignore_patterns("samples"))
    people = folder / "people.csv"
    text = people.read_text("utf-8")
    assert "\nHe Lifeng,," in text
    people.write_text(text.replace("\nHe Lifeng,,", "\nLifeng He,He Lifeng,"), "utf-8")
    return folder


def _check_corrected(store: Store) -> None:
    meetings = read_table(store, "meetings")
    geneva = _row(meetings, "evidence", "Geneva")
    assert (geneva["location"], geneva["date"]) == ("Lausanne", "2026-03-01")
    assert geneva["corrected"] == ["location", "date"]
    washington = _row(meetings, "evidence", "Washington")
    assert washington["participants"] == ["Akazawa Ryosei", "Scott Bessent"]
    assert washington["corrected"] == ["participants"]
    assert not any("Brussels" in " ".join(e) for e in meetings["evidence"])
    quotes = read_table(store, "quotes")
    said = _row(quotes, "evidence", SAID)
    assert said["speaker"] == "Li Chenggang" and said["corrected"] == ["speaker"]
    added = _row(quotes, "evidence", MARKETS)
    assert (added["speaker"], added["corrected"]) == ("Market analysts", ["added"])
    useful = _row(quotes, "text", "The talks were useful")   # dated by its article: moved with it
    assert (useful["date"], useful["corrected"]) == ("2026-03-06", ["date"])
    articles = read_table(store, "articles").set_index("title")
    assert articles.loc["ledger", "published"] == "2026-03-06"
    assert articles.loc["ledger", "corrected"] == ["published"]
    assert articles.loc["harbour", "corrected"] == []
    events = read_table(store, "events")
    assert "Lausanne" in set(events["location"]) and "Brussels" not in set(events["location"])
    assert ["Akazawa Ryosei", "Scott Bessent"] in events["participants"].tolist()
    assert len(pending_review(store)) == 0


def test_corrections_are_applied_when_read_and_the_stored_rows_stay_as_extracted(tmp_path, store, lexicon):
    _ingested(tmp_path, store, lexicon)
    stored = {t: store.read(t) for t in ("meetings", "quotes", "articles")}
    assert len(_analysts_work(store)) == 7
    _check_corrected(store)
    for table, before in stored.items():
        assert store.read(table).equals(before)


def test_every_correction_holds_after_reprocessing_with_changed_data(tmp_path, store, lexicon):
    _ingested(tmp_path, store, lexicon)
    _analysts_work(store)
    before = set(store.read("meetings")["meeting_id"])
    report = reprocess(store, Lexicon.load(_changed_data(tmp_path)))
    assert report.changed and not report.errors and not report.bugs
    after = store.read("meetings")
    assert "Lifeng He" in _row(after, "evidence", "Geneva")["participants"]
    assert _row(after, "evidence", "Geneva")["meeting_id"] not in before   # found again by its sentence
    _check_corrected(store)


def test_a_correction_whose_sentence_is_gone_is_listed_for_review(tmp_path, store, lexicon, cli):
    _ingested(tmp_path, store, lexicon)
    harbour = _article(store, "harbour")
    record(store, [
        Correction("meetings", "0000000000000000", "location", "Paris", "Ana", article_id=harbour,
                   evidence="Greer met He Lifeng in Paris on Sunday."),
        Correction("quotes", "", "added", '{"speaker": "Jamieson Greer"}', "Ana", article_id=harbour,
                   evidence="Greer said nothing at all."),
    ])
    review = pending_review(store)
    assert sorted(review["field"]) == ["added", "location"]
    assert all(review["reason"] != "")
    assert "Paris" not in set(read_table(store, "meetings")["location"])
    ran = cli("corrections", "review", "--store", store.root)
    assert ran.code == 0 and "2 corrections to review" in ran.out and "Greer said nothing at all." in ran.out


def test_a_row_added_from_a_sentence_cleaning_now_drops_waits_in_review_until_it_is_back(tmp_path, store, lexicon):
    _ingested(tmp_path, store, lexicon)
    _analysts_work(store)
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, data, ignore=shutil.ignore_patterns("samples"))
    furniture = json.loads((data / "boilerplate.json").read_text("utf-8"))
    furniture["share_phrases"].append("markets in asia rose on the news")   # the line is now page furniture
    (data / "boilerplate.json").write_text(json.dumps(furniture), "utf-8")
    reprocess(store, Lexicon.load(data))
    assert MARKETS not in store.read("articles")["text"].str.cat()
    review = pending_review(store)
    assert list(review["field"]) == ["added"] and "no longer in the article" in review["reason"].iloc[0]
    assert "Market analysts" not in set(read_table(store, "quotes")["speaker"])
    reprocess(store, lexicon)   # the data as it was: the row is back, nothing was lost meanwhile
    _check_corrected(store)


def test_a_sentence_carrying_several_rows_is_not_guessed(tmp_path, store, lexicon):
    _ingested(tmp_path, store, lexicon)
    ledger = _article(store, "ledger")
    meetings = store.read("meetings")
    # a second row claims the Washington sentence: which of the two a correction meant is for an analyst
    twin = _row(meetings, "evidence", "Washington") | {"meeting_id": "twin", "location": "Tokyo"}
    tables = {"meetings": pd.concat([meetings, pd.DataFrame([twin])], ignore_index=True)}
    ids = record(store, [Correction("meetings", "gone", "location", "Osaka", "Ana", article_id=ledger,
                                    evidence=WASHINGTON)])
    corrections = read_corrections(store)
    out, review = apply_corrections(tables, corrections)
    assert "Osaka" not in set(out["meetings"]["location"])
    assert list(review["correction_id"]) == ids and "2 meetings" in review["reason"].iloc[0]


def test_the_later_correction_of_a_field_wins_and_a_revert_restores_the_extracted_value(tmp_path, store, lexicon):
    _ingested(tmp_path, store, lexicon)
    said = _row(store.read("quotes"), "evidence", SAID)
    first = record(store, [Correction("quotes", said["quote_id"], "speaker", "Li Chenggang", "Ana")])
    second = record(store, [Correction("quotes", said["quote_id"], "speaker", "Wang Wentao", "Bo")])
    assert _row(read_table(store, "quotes"), "evidence", SAID)["speaker"] == "Wang Wentao"
    undo = revert(store, second[0], "Cy")
    assert _row(read_table(store, "quotes"), "evidence", SAID)["speaker"] == "Li Chenggang"
    revert(store, first[0], "Cy")
    row = _row(read_table(store, "quotes"), "evidence", SAID)
    assert (row["speaker"], row["corrected"]) == (said["speaker"], [])
    revert(store, undo, "Cy")   # the revert reverted: Bo's speaker again
    assert _row(read_table(store, "quotes"), "evidence", SAID)["speaker"] == "Wang Wentao"
    assert len(read_corrections(store)) == 5


def test_the_csv_export_marks_corrected_values(tmp_path, store, lexicon, cli):
    _ingested(tmp_path, store, lexicon)
    _analysts_work(store)
    ran = cli("export", "meetings", "--store", store.root)
    rows = list(csv.DictReader(io.StringIO(ran.out.lstrip("\ufeff"))))
    marked = {r["location"]: r["corrected"] for r in rows}
    assert marked == {"Lausanne": "location; date", "Washington": "participants"}
    ran = cli("export", "quotes", "--store", store.root)
    marked = {r["speaker"]: r["corrected"] for r in csv.DictReader(io.StringIO(ran.out.lstrip("\ufeff")))}
    assert marked["Li Chenggang"] == "speaker" and marked["Market analysts"] == "added"
    assert marked["Jamieson Greer"] == ""


def test_corrections_move_to_a_fresh_store_and_importing_twice_changes_nothing(tmp_path, store, lexicon, cli):
    _ingested(tmp_path, store, lexicon)
    _analysts_work(store)
    revert(store, read_corrections(store)["correction_id"].iloc[0], "Cy")
    path = tmp_path / "corrections.csv"
    assert cli("corrections", "export", path, "--store", store.root).code == 0
    fresh = _ingested(tmp_path / "other", Store(tmp_path / "fresh"), lexicon)
    ran = cli("corrections", "import", path, "--store", fresh.root)
    assert ran.code == 0 and "8 corrections imported" in ran.out, ran.err
    version = fresh.version
    ran = cli("corrections", "import", path, "--store", fresh.root)
    assert ran.code == 0 and "0 corrections imported, 8 already stored" in ran.out
    assert fresh.version == version
    for table in ("articles", "meetings", "quotes", "events"):
        mine, theirs = read_table(store, table), read_table(fresh, table)
        if table == "articles":
            mine, theirs = mine.drop(columns="ingested_at"), theirs.drop(columns="ingested_at")
        pd.testing.assert_frame_equal(mine, theirs)
    copy = tmp_path / "again.csv"
    cli("corrections", "export", copy, "--store", fresh.root)
    assert copy.read_bytes() == path.read_bytes()


def test_a_hand_written_file_names_rows_by_their_exported_ids(tmp_path, store, lexicon, cli):
    _ingested(tmp_path, store, lexicon)
    exported = list(csv.DictReader(io.StringIO(cli("export", "meetings", "--store", store.root).out.lstrip("\ufeff"))))
    washington = next(r for r in exported if r["location"] == "Washington")
    path = tmp_path / "mine.csv"
    path.write_text("table,id,field,value,author\n"
                    f"meetings,{washington['meeting_id']},location,Camp David,Ana\n"
                    f"meetings,{washington['meeting_id']},colour,blue,Ana\n"
                    f"meetings,{washington['meeting_id']},date,March 4,Ana\n"
                    "meetings,nosuchid,location,Oslo,Ana\n"
                    f"quotes,{washington['meeting_id']},speaker,Someone,\n", "utf-8")
    ran = cli("corrections", "import", path, "--store", store.root)
    assert ran.code == 1
    errors = ran.err.strip().splitlines()
    assert [e.split(": ")[1].split()[-2:] for e in errors] == [["row", "3"], ["row", "4"], ["row", "5"], ["row", "6"]]
    assert "colour" in errors[0] and "YYYY-MM-DD" in errors[1] and "nosuchid" in errors[2] and "author" in errors[3]
    assert "1 correction imported" in ran.out
    assert "Camp David" in set(read_table(store, "meetings")["location"])
    again = cli("corrections", "import", path, "--store", store.root)
    assert "0 corrections imported, 1 already stored" in again.out


def test_a_correction_that_cannot_be_recorded_says_what_to_fix(tmp_path, store, lexicon):
    _ingested(tmp_path, store, lexicon)
    with pytest.raises(CorrectionError, match="YYYY-MM-DD"):
        record(store, [Correction("articles", _article(store, "harbour"), "published", "3 March", "Ana")])
    with pytest.raises(CorrectionError, match="not in the store"):
        revert(store, "feedfeedfeedfeed", "Ana")
    assert len(read_corrections(store)) == 0


def test_the_dashboard_reads_the_corrected_tables(tmp_path, store, lexicon):
    from dashboard.data import prepared_views, store_identity
    _ingested(tmp_path, store, lexicon)
    _analysts_work(store)
    manifest = store.manifest()
    views = prepared_views(str(store.root), int(manifest["version"]), store_identity(manifest))
    assert views.articles.set_index("title").loc["ledger", "published"] == "2026-03-06"
    assert "Li Chenggang" in set(views.quotes["speaker"])
    assert "Lausanne" in set(views.meetings["location"]) and "Brussels" not in set(views.meetings["location"])
    assert "Lausanne" in set(views.meeting_facets["location"])


def test_a_change_to_an_added_row_never_falls_on_an_extracted_one(tmp_path, store, lexicon):
    _ingested(tmp_path, store, lexicon)
    harbour = _article(store, "harbour")
    # a second quote from the sentence an extracted quote comes from
    added = record(store, [Correction("quotes", "", "added", '{"speaker": "Wang Wentao"}', "Ana",
                                      article_id=harbour, evidence=SAID)])
    row = _row(read_table(store, "quotes"), "speaker", "Wang Wentao")
    record(store, [Correction("quotes", row["quote_id"], "speaker_role", "Commerce Minister", "Ana")])
    revert(store, added[0], "Bo")
    quotes = read_table(store, "quotes")
    assert "Wang Wentao" not in set(quotes["speaker"]) and "Commerce Minister" not in set(quotes["speaker_role"])
    assert len(pending_review(store)) == 0


def test_an_added_meeting_is_an_event_and_its_corrections_are_marked(tmp_path, store, lexicon, cli):
    _ingested(tmp_path, store, lexicon)
    record(store, [Correction("meetings", "", "added", json.dumps({
        "participants": ["Jamieson Greer", "Maros Sefcovic"], "date": "2026-03-10", "location": "Brussels",
        "status": "planned"}), "Ana", article_id=_article(store, "harbour"), evidence=MARKETS)])
    events = read_table(store, "events")
    added = _row(events, "evidence", MARKETS)
    assert (added["participants"], added["location"], added["corrected"]) == (
        ["Jamieson Greer", "Maros Sefcovic"], "Brussels", ["added"])
    assert _row(read_table(store, "meetings"), "evidence", MARKETS)["status"] == "planned"
    assert json.loads(cli("stats", "--store", store.root).out)["meetings"] == len(events) == 4


def test_a_file_without_the_needed_columns_is_refused_in_one_line(tmp_path, store, lexicon, cli):
    _ingested(tmp_path, store, lexicon)
    path = tmp_path / "wrong.csv"
    path.write_text("table,row,value\nquotes,x,y\n", "utf-8")
    ran = cli("corrections", "import", path, "--store", store.root)
    assert ran.code == 1 and ran.err.count("\n") == 1 and "id, field, author" in ran.err


def test_the_same_correction_made_again_after_its_revert_holds_again(tmp_path, store, lexicon):
    _ingested(tmp_path, store, lexicon)
    said = _row(store.read("quotes"), "evidence", SAID)
    again = Correction("quotes", said["quote_id"], "speaker", "Li Chenggang", "Ana")
    first = record(store, [again])
    assert record(store, [again]) == []          # in force already: nothing new
    revert(store, first[0], "Ana")
    assert revert(store, first[0], "Ana") == ""  # reverted already
    assert len(record(store, [again])) == 1
    assert _row(read_table(store, "quotes"), "evidence", SAID)["speaker"] == "Li Chenggang"
