"""The one dateline parser: place, region, month-day and year, agency, and where the story begins."""
from __future__ import annotations

import json
import shutil

import pytest

from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.text.datelines import Dateline, parse_dateline


def fields(text: str, lexicon) -> tuple | None:
    found = parse_dateline(text, lexicon)
    if found is None:
        return None
    return found.place, found.region, found.month, found.day, found.year, found.agency, text[found.end:]


@pytest.mark.parametrize("text, expected", [
    # all-caps city, month-day, agency, single dash
    ("OSLO, Nov 3 (Nordpress) - Norway said ...", ("OSLO", "", 11, 3, None, "Nordpress", "Norway said ...")),
    # agency alone, double dash
    ("TALLINN (Baltic Wire) -- Estonia's minister ...", ("TALLINN", "", None, None, None, "Baltic Wire", "Estonia's minister ...")),
    # Title case with a colon, nothing else
    ("Kuala Lumpur: Trade Minister Anwar Dass said ...", ("Kuala Lumpur", "", None, None, None, "", "Trade Minister Anwar Dass said ...")),
    ("SAN MARINO: The council ...", ("SAN MARINO", "", None, None, None, "", "The council ...")),
    # Title case, abbreviated month with a dot, day-month, colon
    ("Valletta, Sept. 29: Malta will ...", ("Valletta", "", 9, 29, None, "", "Malta will ...")),
    ("Valletta, 29 Sept: Malta will ...", ("Valletta", "", 9, 29, None, "", "Malta will ...")),
    # a year, an em dash
    ("LIMA, March 3, 2025 — Peru said ...", ("LIMA", "", 3, 3, 2025, "", "Peru said ...")),
    ("LIMA, 3rd March 2025 — Peru said ...", ("LIMA", "", 3, 3, 2025, "", "Peru said ...")),
    # "City, Country" with and without "the", before an agency, a date or a dash
    ("TARTU, Estonia (Baltic Wire) – A port ...", ("TARTU", "Estonia", None, None, None, "Baltic Wire", "A port ...")),
    ("MEMPHIS, the United States, Jun 9 (Nordpress) -- Talks ...",
     ("MEMPHIS", "United States", 6, 9, None, "Nordpress", "Talks ...")),
    ("BERN, Switzerland — Swiss officials ...", ("BERN", "Switzerland", None, None, None, "", "Swiss officials ...")),
    # the mark may touch the story after a parenthesis or a date
    ("Bergen, May 30 (Nordpress)--Norwegian officials ...", ("Bergen", "", 5, 30, None, "Nordpress", "Norwegian officials ...")),
    ("QUITO--Ecuador said ...", ("QUITO", "", None, None, None, "", "Ecuador said ...")),
    ("QUITO (Andes Wire) -Ecuador said ...", ("QUITO", "", None, None, None, "Andes Wire", "Ecuador said ...")),
    # a particle inside a Title-case place; a dotted abbreviation
    ("Rio de Janeiro, 3 March: Brazil ...", ("Rio de Janeiro", "", 3, 3, None, "", "Brazil ...")),
    ("ST. JOHN'S, Feb. 2 - The province ...", ("ST. JOHN'S", "", 2, 2, None, "", "The province ...")),
    # a dateline alone on its line
    ("HELSINKI, Jan 12 (Nordpress)", ("HELSINKI", "", 1, 12, None, "Nordpress", "")),
    # a release's full date after a dash or in brackets
    ("WASHINGTON – March 3, 2026 – Today the Secretary ...", ("WASHINGTON", "", 3, 3, 2026, "", "Today the Secretary ...")),
    ("BRUSSELS - 3 March 2026 - The Commission ...", ("BRUSSELS", "", 3, 3, 2026, "", "The Commission ...")),
    ("Washington, D.C. (March 3, 2026) – The Secretary ...", ("Washington", "D.C.", 3, 3, 2026, "", "The Secretary ...")),
])
def test_dateline_forms(lexicon, text, expected):
    assert fields(text, lexicon) == expected


@pytest.mark.parametrize("text", [
    "BREAKING: Estonia and Latvia sign a deal.",          # a story label, not a place
    "ANALYSIS: Why the talks stalled",
    "ANALYSIS - Why the talks stalled",
    "EDITOR'S NOTE: This story was corrected.",
    "Officials said, March 3 the talks would resume.",    # a sentence
    "Officials said, March 3: the talks would resume.",
    "Estonia - the smallest of the three - said ...",      # Title case before a dash
    "Prime Minister Anwar Dass met visiting envoys - a rare event.",
    "Anwar Dass: 'We will respond.'",                       # a speaker before a quotation
    "ANWAR DASS: “We will respond.”",
    "Monday: talks resume.",                                # a weekday, a month
    "MARCH - tariffs rose.",
    "OSLO-based shipping firms said ...",                   # a hyphenated word
    "Oslo, Feb 30 - Norway said ...",                      # no such day
    "UN: The council met.",                                 # too short to tell from an abbreviation
    "OSLO",                                                 # a bare word with no story after it
    "Anwar Dass (left) - shook hands with Lind.",          # a caption, not an agency
    "Anwar Dass (L) - shook hands with Lind.",
    "Anwar Dass (File) - shook hands with Lind.",
    "the minister said, March 3 - the talks ...",          # not capitalised
    "Oslo - May 5 rally drew crowds.",                     # a dash-led date needs its year
    "LONDON (March 3, 2026) ministers met.",               # a bracketed date needs its mark after
    "",
])
def test_not_datelines(lexicon, text):
    assert parse_dateline(text, lexicon) is None


def test_offsets_with_a_start_and_an_end(lexicon):
    text = "Headline first.\nOSLO, Nov 3 (Nordpress) - Norway said on Monday."
    start = text.index("OSLO")
    found = parse_dateline(text, lexicon, start)
    assert isinstance(found, Dateline)
    assert text[found.end:].startswith("Norway")
    # a window that ends inside the dateline holds none
    assert parse_dateline(text, lexicon, start, start + 8) is None
    assert parse_dateline(text, lexicon, 0) is None


def test_labels_come_from_the_lexicon(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, folder)
    path = folder / "date_patterns.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert parse_dateline("FLASH: Norway said ...", Lexicon.load(folder)).place == "FLASH"
    data["dateline_labels"].append("flash")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert parse_dateline("FLASH: Norway said ...", Lexicon.load(folder)) is None
