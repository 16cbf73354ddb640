"""Sharing taxonomy.csv and people.csv as CSV: what an imported file changes, applying it, importing
it twice (nothing the second time), and files refused with nothing written."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import DataImportError
from pipeline.lexicon.edits import read_rows
from pipeline.lexicon.imports import apply_import, export_bytes, plan_import
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon

PEOPLE = """canonical,aliases,role,country,valid_from,valid_to,family
Ana Ruiz,A. Ruiz,Trade Minister,Ruritania,2024-01-01,,
Ana Ruiz,A. Ruiz,Deputy Trade Minister,Ruritania,2020-01-01,2023-12-31,
Piet Jansen,P. Jansen,Foreign Minister,Freedonia,,,
Mara Holt,,,,,,
"""


@pytest.fixture
def data(data_copy) -> Path:
    return data_copy


@pytest.fixture
def people(data) -> Path:
    (data / "people.csv").write_text(PEOPLE, encoding="utf-8")
    return data


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_the_export_is_the_file_and_importing_it_changes_nothing(data):
    for name in ("taxonomy.csv", "people.csv"):
        shared = export_bytes(data, name)
        assert shared == (DEFAULT_DATA / name).read_bytes()
        plan, lexicon = apply_import(data, name, shared, "shared.csv")
        assert not plan.changes and lexicon is None
        assert plan.unchanged == len(read_rows(data, name).rows) and plan.kept == 0
    assert _files(data) == _files(DEFAULT_DATA)


def test_a_taxonomy_import_adds_and_updates_keeps_the_rest_and_twice_changes_nothing(data):
    before = read_rows(data, "taxonomy.csv")
    shared = ("id,label,patterns\n"
              "Tariffs,\"Tariffs, duties and levies\",tariff*;duties on;!non tariff*\n"      # the id in another case
              "quotas,Quotas,tariff rate quota*;import quota*\n").encode("utf-8-sig")
    plan = plan_import(data, "taxonomy.csv", shared, "team.csv")
    assert [(c.key, c.added) for c in plan.changes] == [("tariffs", False), ("quotas", True)]
    tariffs = plan.updated[0]
    assert tariffs.columns == ["label", "patterns"]
    gained, lost = tariffs.items("patterns")
    assert gained == [] and "anti dumping" in lost
    assert plan.kept == len(before.rows) - 1 and plan.unchanged == 0
    assert (data / "taxonomy.csv").read_text(encoding="utf-8") == before.text   # a plan writes nothing

    plan, lexicon = apply_import(data, "taxonomy.csv", shared, "team.csv")
    assert lexicon is not None and lexicon.taxonomy["quotas"] == "Quotas"
    after = read_rows(data, "taxonomy.csv")
    assert [r["id"] for r in after.rows] == [r["id"] for r in before.rows] + ["quotas"]   # in place, none deleted
    assert next(r for r in after.rows if r["id"] == "tariffs")["patterns"] == "tariff*;duties on;!non tariff*"
    assert Lexicon.load(data).taxonomy["tariffs"] == "Tariffs, duties and levies"

    written = (data / "taxonomy.csv").stat().st_mtime_ns
    plan, lexicon = apply_import(data, "taxonomy.csv", shared, "team.csv")
    assert not plan.changes and lexicon is None and plan.unchanged == 2
    assert (data / "taxonomy.csv").stat().st_mtime_ns == written


def test_a_people_import_joins_aliases_by_office_and_twice_changes_nothing(people):
    shared = ("canonical,aliases,role,country,valid_from,valid_to,family\n"
              "Ana Ruiz,Ana Ruiz Soto;A. Ruiz,Trade Minister,Ruritania,2024-01-01,,\n"   # one office: aliases join
              "Piet Jansen,Pieter Jansen,,,,,\n"                                          # no office: every row
              "Mara Holt,M. Holt,Envoy,Freedonia,2025-02-01,,\n"                          # fills the empty office
              "Ana Ruiz,,Ambassador,Ruritania,2018-01-01,2019-12-31,\n"                   # another office
              "Ola Berg,,Minister of Trade,Nordland,2025-01-01,,\n").encode()               # someone new
    plan = plan_import(people, "people.csv", shared, "team.csv")
    assert [(c.key, c.added, c.columns) for c in plan.changes] == [
        ("Ana Ruiz (Trade Minister, from 2024-01-01)", False, ["aliases"]),
        ("Piet Jansen (Foreign Minister)", False, ["aliases"]),
        ("Mara Holt (Envoy, from 2025-02-01)", False, ["aliases", "role", "country", "valid_from"]),
        ("Ana Ruiz (Ambassador, from 2018-01-01)", True, ["canonical", "aliases", "role", "country", "valid_from",
                                                         "valid_to"]),
        ("Ola Berg (Minister of Trade, from 2025-01-01)", True, ["canonical", "role", "country", "valid_from"])]
    assert plan.kept == 1   # Ana Ruiz's office as deputy
    plan, lexicon = apply_import(people, "people.csv", shared, "team.csv")
    assert lexicon is not None
    rows = read_rows(people, "people.csv").rows
    assert [(r["canonical"], r["aliases"], r["role"]) for r in rows] == [
        ("Ana Ruiz", "A. Ruiz;Ana Ruiz Soto", "Trade Minister"),
        ("Ana Ruiz", "A. Ruiz", "Deputy Trade Minister"),
        ("Piet Jansen", "P. Jansen;Pieter Jansen", "Foreign Minister"),
        ("Mara Holt", "M. Holt", "Envoy"),
        ("Ana Ruiz", "A. Ruiz;Ana Ruiz Soto", "Ambassador"),   # another office: the person's aliases
        ("Ola Berg", "", "Minister of Trade")]
    text = (people / "people.csv").read_text(encoding="utf-8")
    plan, lexicon = apply_import(people, "people.csv", shared, "team.csv")
    assert not plan.changes and lexicon is None and plan.unchanged == 5
    assert (people / "people.csv").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("name, content, message", [
    ("taxonomy.csv", b"id,label\nchips,Chips\n", "team.csv:1: missing column(s) patterns"),
    ("taxonomy.csv", "id,patterns\ncaf\xe9,caf\xe9\n".encode("latin-1"), "team.csv: not UTF-8 text; save it as CSV UTF-8"),
    ("taxonomy.csv", b"id,label,patterns\nchips,Chips,chip\nships,Ships,ship;*\n",
     "team.csv:3: patterns has the pattern '*', which names no word"),
    ("taxonomy.csv", b"", "team.csv:1: the file is empty"),
    ("people.csv", b"name,aliases\nAna,\n", "team.csv:1: missing column(s) canonical"),
    ("people.csv", b"canonical,valid_from\nAna Ruiz,1 May 2024\n", "team.csv:2: valid_from '1 May 2024' is not a date"),
])
def test_a_bad_file_is_refused_with_what_to_do_and_nothing_written(people, name, content, message):
    before = _files(people)
    with pytest.raises(DataImportError) as err:
        apply_import(people, name, content, "/somewhere/team.csv")
    assert str(err.value).startswith(message), str(err.value)
    assert _files(people) == before


def test_a_row_without_an_office_gives_every_office_its_aliases_and_nothing_else(people):
    shared = b"canonical,aliases,country,valid_to,family\nAna Ruiz,Ana R.,Freedonia,2019-01-01,Ruiz\n"
    plan, _ = apply_import(people, "people.csv", shared, "team.csv")
    assert [c.columns for c in plan.changes] == [["aliases", "family"], ["aliases", "family"]]
    rows = [r for r in read_rows(people, "people.csv").rows if r["canonical"] == "Ana Ruiz"]
    assert [(r["aliases"], r["country"], r["valid_to"], r["family"]) for r in rows] == [
        ("A. Ruiz;Ana R.", "Ruritania", "", "Ruiz"), ("A. Ruiz;Ana R.", "Ruritania", "2023-12-31", "Ruiz")]


def test_the_command_line_exports_imports_once_and_refuses_a_bad_file_in_one_line(people, tmp_path, cli):
    out = tmp_path / "shared.csv"
    ran = cli("data", "export", "people", out, "--data", people)
    assert ran.code == 0 and out.read_text(encoding="utf-8") == PEOPLE
    out.write_text("canonical,aliases\nPiet Jansen,Pieter Jansen\n", encoding="utf-8")
    ran = cli("data", "import", "people", out, "--data", people)
    assert ran.code == 0, ran.err
    assert "0 added, 1 updated, 0 already there, 3 only there and kept; run reprocess" in ran.out
    assert "P. Jansen;Pieter Jansen" in (people / "people.csv").read_text(encoding="utf-8")
    ran = cli("data", "import", "people", out, "--data", people)
    assert ran.code == 0 and "1 already there" in ran.out and "nothing written" in ran.out
    out.write_text("id,label\nchips,Chips\n", encoding="utf-8")
    before = _files(people)
    ran = cli("data", "import", "taxonomy", out, "--data", people)
    assert ran.code == 1 and ran.err.count("\n") == 1
    assert ran.err.startswith("error: shared.csv:1: missing column(s) patterns")
    assert _files(people) == before
