"""The lexicon: every data file read and checked once; a broken file is named with its line."""
from __future__ import annotations

import pickle
import shutil
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest

from pipeline.article import Article
from pipeline.errors import LexiconError
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.process import process_article


@pytest.fixture
def data_copy(tmp_path) -> Path:
    return Path(shutil.copytree(DEFAULT_DATA, tmp_path / "data", ignore=shutil.ignore_patterns("samples")))


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file; return its 1-based line."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_the_project_data_loads(lexicon):
    assert lexicon.people and lexicon.countries and lexicon.taxonomy
    assert "Japan" in lexicon.countries
    assert lexicon.country_kinds["European Union"] == "bloc"


def test_a_month_13_names_the_file_and_line(data_copy):
    line = _append(data_copy / "people.csv", "Ana Ruiz,,Trade Minister,Spain,2025-13-01,,")
    with pytest.raises(LexiconError) as err:
        Lexicon.load(data_copy)
    assert str(err.value).startswith(f"data/people.csv:{line}: ")
    assert "valid_from '2025-13-01'" in str(err.value) and "YYYY-MM-DD" in str(err.value)


def test_an_office_that_ends_before_it_starts(data_copy):
    line = _append(data_copy / "people.csv", "Ana Ruiz,,Trade Minister,Spain,2025-05-01,2024-01-01,")
    with pytest.raises(LexiconError, match=rf"people.csv:{line}: valid_to is before valid_from"):
        Lexicon.load(data_copy)


def test_a_missing_column_is_named(data_copy):
    path = data_copy / "taxonomy.csv"
    _edit(path, "id,label,patterns", "id,label,phrases")
    with pytest.raises(LexiconError, match=r"taxonomy.csv:1: missing column\(s\) patterns"):
        Lexicon.load(data_copy)


def test_repeated_and_empty_entries(data_copy):
    line = _append(data_copy / "taxonomy.csv", "quotas,Quotas,import quota*;;quota system")
    with pytest.raises(LexiconError, match=rf"taxonomy.csv:{line}: patterns has an empty item"):
        Lexicon.load(data_copy)


def test_a_tag_id_used_twice(data_copy):
    line = _append(data_copy / "taxonomy.csv", "tariffs,Duties again,customs duty")
    with pytest.raises(LexiconError, match=rf"taxonomy.csv:{line}: id 'tariffs' already on line \d+"):
        Lexicon.load(data_copy)


def test_an_unknown_country_kind(data_copy):
    line = _append(data_copy / "countries.csv", "Ruritania,kingdom,,Ruritanian,Strelsau,")
    with pytest.raises(LexiconError, match=rf"countries.csv:{line}: kind 'kingdom' is not one of"):
        Lexicon.load(data_copy)


def test_broken_json_names_its_line(data_copy):
    path = data_copy / "speech_verbs.json"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[2] = lines[2].rstrip().rstrip(",") + ",,"      # a doubled comma on line 3
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"speech_verbs.json:3: not valid JSON"):
        Lexicon.load(data_copy)


def test_a_missing_file_and_a_missing_folder(data_copy, tmp_path):
    (data_copy / "titles.csv").unlink()
    with pytest.raises(LexiconError, match="missing titles.csv"):
        Lexicon.load(data_copy)
    with pytest.raises(LexiconError, match="no such data folder"):
        Lexicon.load(tmp_path / "nowhere")


def test_an_edited_copy_changes_what_is_found(data_copy, lexicon):
    _append(data_copy / "people.csv", "Ana Ruiz,,Minister of Trade,Ruritania,2024-01-01,,")
    _append(data_copy / "countries.csv", "Ruritania,country,,Ruritanian,Strelsau,")
    edited = Lexicon.load(data_copy)
    text = "Ana Ruiz arrived in Strelsau on Monday."
    assert {e.key for *_, es in edited.scan(text).hits for e in es} >= {"Ana Ruiz", "Ruritania"}
    assert not {e.key for *_, es in lexicon.scan(text).hits for e in es} & {"Ana Ruiz", "Ruritania"}


def test_a_pickled_lexicon_carries_data_not_caches(lexicon):
    lexicon.scan("The Japanese trade minister arrived in Beijing.")
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy.folder == lexicon.folder and copy.tables == lexicon.tables
    assert copy._scans == {} and copy._compiled == {}
    assert copy.scan("Tokyo").hits == lexicon.scan("Tokyo").hits


ARTICLE = ("Tokyo, March 3 (Wire) - Trade Minister Ana Ruiz met Japan's economy minister in Tokyo on "
           "Monday to discuss rare earth export controls.\n"
           "\"We agreed to keep talking about supply chains,\" she told reporters after the meeting.")


def _facts(article: Article) -> tuple:
    return (article.article_id, [(m.participants, m.countries, m.location, str(m.date)) for m in article.meetings],
            [(q.speaker, q.kind, q.text) for q in article.quotes], [t.tag for t in article.tags])


def _process(lexicon: Lexicon) -> tuple:
    return _facts(process_article(Article(origin="probe.txt", raw_text=ARTICLE), lexicon))


def test_processing_in_a_spawned_worker_gives_the_same_facts(lexicon):
    here = _process(lexicon)
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        there = pool.submit(_process, lexicon).result(timeout=120)
    assert there == here
    assert here[3]                       # the probe is tagged: the comparison is not of two empties
