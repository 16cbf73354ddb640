"""The brief: a fixed store and period give the committed Markdown; the Word file carries the
same headings and citations; the command line writes both; the dashboard page previews it."""
from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from pipeline.brief import Period, build_brief, to_docx, views_of_store, week_of, with_charts, write_brief
from pipeline.brief.command import period_of
from pipeline.query.views import Filters, prepare
from pipeline.store.parquet import Store
from tests.test_app import app_on, fixture_frames

EXPECTED = Path(__file__).resolve().parent / "fixtures" / "brief" / "two_weeks.md"
PERIOD = Period(date(2025, 10, 27), date(2025, 11, 9))   # the one before: 13 to 26 October
HOSTILE = "![x](https://example.org/p.png) <b>bold</b> *star* [link](data:text/html,x)"


@pytest.fixture(scope="module")
def brief_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("brief")
    frames = fixture_frames()
    arts = frames["articles"]
    arts.loc[arts["article_id"] == "a2", "title"] = HOSTILE   # a title that would be markup
    Store(root).append(frames)
    return root


def written(store: Path, out: Path, f: Filters = Filters()) -> str:
    brief = with_charts(build_brief(views_of_store(Store(store)), f, PERIOD))
    write_brief(brief, out)
    return out.read_text(encoding="utf-8")


def section(md: str, heading: str) -> str:
    return md.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_brief_matches_the_expected_markdown(brief_store, tmp_path):
    md = written(brief_store, tmp_path / "brief.md")
    assert md == EXPECTED.read_text(encoding="utf-8")
    for name in ("timeline", "tags"):
        png = tmp_path / f"brief-{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"]({png.name})" in md


def test_every_fact_cites_its_article_with_its_evidence_quoted(brief_store, tmp_path):
    md = written(brief_store, tmp_path / "brief.md")
    facts = [line for h in ("Meetings", "Key quotes", "Issue movements")
             for line in section(md, h).splitlines() if line.startswith("- ")]
    assert len(facts) == 5
    for line in facts:
        assert re.search(r"\u201c[^\u201d]+.*\u201d\[\d+\]$", line), line
    used = [int(n) for n in re.findall(r"\u201d\[(\d+)\]", md)]
    first_use = list(dict.fromkeys(used))
    assert first_use == list(range(1, len(first_use) + 1)), "numbered in order of first use"
    sources = [line for line in section(md, "Sources").splitlines() if line.startswith("- ")]
    assert [int(re.match(r"- \[(\d+)\]", s).group(1)) for s in sources] == first_use
    assert "(https://example.com/a1)" not in md and "<https://example.com/a1>" in sources[0]


def test_text_from_the_files_cannot_be_markup(brief_store, tmp_path):
    md = written(brief_store, tmp_path / "brief.md")
    assert r"\!\[x\](https://example.org/p.png) \<b\>bold\</b\> \*star\* \[link\]" in md
    assert "<b>" not in md and "![x]" not in md


def test_the_word_file_has_the_same_headings_and_citations(brief_store, tmp_path):
    md = written(brief_store, tmp_path / "brief.md")
    brief = with_charts(build_brief(views_of_store(Store(brief_store)), Filters(), PERIOD))
    write_brief(brief, tmp_path / "brief.docx")
    doc = Document(str(tmp_path / "brief.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [re.sub(r"^#+ ", "", line) for line in md.splitlines() if line.startswith("#")]
    cited = [int(n) for p in doc.paragraphs for n in re.findall(r"\u201d\[(\d+)\]", p.text)]
    assert cited == [int(n) for n in re.findall(r"\u201d\[(\d+)\]", md)]
    sources = [p.text for p in doc.paragraphs if p.text.startswith("[")]
    assert len(sources) == len(brief.citations) and sources[1].startswith(f"[2] {HOSTILE}.")
    assert len(doc.inline_shapes) == 2
    assert doc.core_properties.title == brief.title
    assert (tmp_path / "brief.docx").read_bytes() == to_docx(brief), "the same brief, the same bytes"


def test_filters_and_periods(brief_store):
    v = views_of_store(Store(brief_store))
    eu = build_brief(v, Filters(countries=("China",)), Period(date(2025, 10, 13), date(2025, 10, 19)))
    assert [m.who for m in eu.held] == [["Maros Sefcovic", "Wang Wentao"]]
    assert [m.mode for m in eu.held] == ["video call"]
    assert list(eu.quotes) == ["Wang Wentao"] and eu.quotes["Wang Wentao"][0].kind == "reported"
    # undated, and announced in the period by the article of 15 October
    assert [(m.where, m.when) for m in eu.planned] == [("Brussels", "date not reported")]
    japan = build_brief(v, Filters(countries=("Japan",), start="2020-01-01", end="2020-01-02"), PERIOD)
    assert [m.where for m in japan.held] == ["Gyeongju, APEC"], "the period replaces the filters' dates"
    assert build_brief(v, Filters(tags=("rare_earths",)), PERIOD).scope() == "issues: Rare earths"
    assert week_of(date(2025, 10, 30)) == Period(date(2025, 10, 27), date(2025, 11, 2))
    assert PERIOD.previous() == Period(date(2025, 10, 13), date(2025, 10, 26))
    assert period_of(date(2025, 10, 27), None) == week_of(date(2025, 10, 27))
    assert period_of(None, None, today=date(2025, 11, 5)) == week_of(date(2025, 10, 29))


def test_a_meeting_without_evidence_cites_its_article_by_title():
    frames = fixture_frames()
    frames["meetings"].at[0, "evidence"] = []     # the Gyeongju meeting: no sentence kept
    brief = build_brief(prepare(frames), Filters(), PERIOD)
    assert [(s.evidence, s.cite) for s in brief.held[0].sources] == [("Akazawa meets Wang", 1)]


def test_without_vl_convert_the_brief_says_it_has_no_charts(brief_store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "vl_convert", None)   # importing it now fails
    brief = with_charts(build_brief(views_of_store(Store(brief_store)), Filters(), PERIOD))
    assert brief.charts == {} and "vl-convert is not installed" in brief.chart_note
    assert write_brief(brief, tmp_path / "b.md") == [tmp_path / "b.md"]
    md = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "No charts: vl\\-convert is not installed" not in md
    assert "No charts: vl-convert is not installed, so charts cannot be drawn without a browser." in md
    write_brief(brief, tmp_path / "b.docx")
    assert not Document(str(tmp_path / "b.docx")).inline_shapes


def test_the_command_line_writes_both(brief_store, tmp_path, cli):
    for name in ("b.md", "b.docx"):
        ran = cli("brief", "--from", "2025-10-27", "--to", "2025-11-09", "--countries", "Japan", "China",
                  "--match", "between", "--store", brief_store, "--out", tmp_path / name)
        assert ran.code == 0, ran.err
        assert "1 held" in ran.out and (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "b-timeline.png").exists()
    assert "## Sources" in (tmp_path / "b.md").read_text(encoding="utf-8")
    Document(str(tmp_path / "b.docx"))
    for args, message in ((("--from", "2025-11-09", "--to", "2025-10-27"), "before it starts"),
                          (("--from", "2025-11-09"), ".md or a .docx"),
                          (("--from", "9 November"), "is not a date")):
        out = tmp_path / ("b.txt" if message == ".md or a .docx" else "c.md")
        ran = cli("brief", *args, "--store", brief_store, "--out", out)
        assert ran.code != 0 and message in ran.err, ran.err
    ran = cli("brief", "--store", tmp_path / "none", "--out", tmp_path / "d.md")
    assert ran.code == 1 and ran.err.count("\n") == 1 and "holds no articles" in ran.err


def test_the_page_previews_and_offers_the_downloads(brief_store, monkeypatch):
    at = app_on(brief_store, monkeypatch, "app_pages/brief.py")
    assert not at.exception, at.exception
    at.date_input(key="brief_week").set_value(date(2025, 10, 15)).run()
    assert not at.exception, at.exception
    preview = " ".join(m.value for m in at.markdown)
    assert "## Meetings" in preview and "Maros Sefcovic" in preview
    assert "<b>" not in preview and "\\<b\\>" in preview
    assert len(at.get("image")) == 2 and "(drawn below)" in preview
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download Markdown", "Download Word"]


def test_the_page_on_an_empty_store_points_to_the_upload(tmp_path, monkeypatch):
    at = app_on(tmp_path / "empty", monkeypatch, "app_pages/brief.py")
    assert not at.exception, at.exception
    assert "upload" in " ".join(m.value for m in at.info).lower()
    assert not at.get("download_button")
