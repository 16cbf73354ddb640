"""Cleaning cases worded as in dev-set articles, each beside an invented line that exercises the same rule."""
from __future__ import annotations

import pytest

from tests.test_clean import PROSE, cleaned, removed  # noqa: F401  (cleaned is a fixture)


@pytest.mark.parametrize("heading,teaser", [
    ("Similar News:You can also read news stories similar to this one.",
     "China demands ‘fair play’ for its companies in AustraliaDon Farrell returned to Australia on Sunday "
     "after a two-day trip to Beijing without a major breakthrough on China’s trade sanctions."),
    ("Similar News:Stories on the same topic from our desk.",
     "Ruritania seeks new buyers for its wine exportsThe trade minister left Vienna on Friday "
     "after three days of talks without a deal on the quota."),
])
def test_inline_related_heading_takes_its_teaser_and_link(heading, teaser, cleaned):
    art = cleaned(*PROSE, heading, teaser, "Read more »")
    assert art.paragraphs == PROSE
    assert [r.reason for r in art.removed] == ["related", "related", "link"]


@pytest.mark.parametrize("bullets", [
    ("- South Korean president says will lift martial law",
     "- South Korea National Assembly passes vote to block martial law declaration"),
    ("- Parliament votes to delay the budget", "- Central bank holds rates steady"),
])
def test_bulleted_headlines_closing_the_page(bullets, cleaned):
    art = cleaned(*PROSE, *bullets)
    assert art.paragraphs == PROSE
    assert [r.reason for r in art.removed] == ["related"] * len(bullets)


@pytest.mark.parametrize("line", ["Pimuk Rakkanam and Kunnawut Boonreak for RFA", "Ana Ruiz and Tomas Berg for RFA"])
def test_names_for_an_outlet_are_a_byline(line, cleaned):
    art = cleaned(line, *PROSE)
    assert removed(art) == [("byline", line)]


@pytest.mark.parametrize("name", ["Tess Ikonomou", "Marta Kowalczyk"])
def test_lone_author_name_at_the_end(name, cleaned):
    art = cleaned(*PROSE, name)
    assert removed(art) == [("byline", name)]


@pytest.mark.parametrize("line", [
    "Spain’s Prime Minister visited China last in March 2023 when Spain held the rotating European Union "
    "presidency. File photo | Photo Credit: Reuters",
    "The minister toured the port last spring. File photo | Photo Credit: AFP",
    "Credit : Voice of America (VOA), Photo Credit : Associated Press (AP)",
    "Credit : Radio Ruritania (RR), Photo Credit : Agence France-Presse (AFP)",
    "Chinese Premier Li Qiang (L, with South Korea's Vice Foreign Minister Kim Hong-kyun) arrives in Seoul "
    "for the summit with Japan and South Korea (ANTHONY WALLACE)",
    "Minister Ana Ruiz (R, with her deputy) arrives in Lisbon for the talks (JOHN SMITH)",
    "Markus Schreiber/AP (left) and Andrea Verdelli/AP/Pool (right)",
    "Jane Doe/AFP (left) and John Roe/Reuters/Pool (right)",
])
def test_photo_captions(line, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1])
    assert removed(art) == [("caption", line)]


@pytest.mark.parametrize("line", [
    "US President Donald Trump and Chinese leader Xi Jinping met face-to-face in Busan on Thursday "
    "for the first time since 2019. (AFP)",
    "Two trade ministers met in Geneva on Monday for the first time in a year. (AFP)",
    "Japanese Prime Minister Fumio Kishida speaks to reporters after his phone call with International Atomic "
    "Energy Agency Director General Rafael Grossi at the premier's office in Tokyo on Sept. 20, 2024. (Kyodo)",
    "Trade Minister Ana Ruiz speaks to reporters after her call with her Ruritanian counterpart "
    "in Lisbon on March 3, 2023. (Kyodo)",
])
def test_scene_credited_to_an_agency_between_paragraphs(line, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1], PROSE[2])
    assert removed(art) == [("caption", line)]


@pytest.mark.parametrize("line", ["Philippines Latest News, Philippines Headlines",
                                  "Ruritania Latest News, Ruritania Headlines"])
def test_section_banner_is_navigation(line, cleaned):
    art = cleaned(line, *PROSE)
    assert removed(art) == [("nav", line)]


@pytest.mark.parametrize("line,date_text", [
    ("- Modified Date: 11:57 | 03 December 2024", "Modified Date: 11:57 | 03 December 2024"),
    ("- Modified Date: 09:20 | 14 March 2023", "Modified Date: 09:20 | 14 March 2023"),
    ("Published Date: 11:52 | 03 December 2024", "Published Date: 11:52 | 03 December 2024"),
    ("Published Date: 09:15 | 14 March 2023", "Published Date: 09:15 | 14 March 2023"),
    ("Published - September 09, 2024 01:41 pm IST - Beijing", "Published - September 09, 2024 01:41 pm IST - Beijing"),
    ("Published - March 14, 2023 09:15 am IST - Mumbai", "Published - March 14, 2023 09:15 am IST - Mumbai"),
    ("UPDATED at 5:47 p.m. ET on 2024-01-26", "UPDATED at 5:47 p.m. ET on 2024-01-26"),
    ("UPDATED at 9:05 a.m. ET on 2023-03-14", "UPDATED at 9:05 a.m. ET on 2023-03-14"),
])
def test_site_metadata_lines(line, date_text, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1])
    assert removed(art) == [("metadata", line)]
    assert art.metadata_dates == [date_text]
