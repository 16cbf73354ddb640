"""Quote cases whose wording follows dev-set articles, each beside an invented variant that
exercises the same rule, so the rule stays covered when the dev-flavoured case changes."""
from __future__ import annotations

from tests.test_quotes import ENTITIES, make_article, rows

BOARD = {**ENTITIES, "Fisheries Board": ("Fisheries Board", "org", "board")}


# --- an organisation's spokesperson speaks for it, and "the spokesperson" later too -----------

def test_ministry_spokesperson_speaks_for_the_ministry(lexicon):
    got = rows(make_article(lexicon,
                            "The new rules are unfair to small exporters, a Ministry of Commerce spokesperson said "
                            "on Monday.",
                            "“We are willing to talk to any company affected by them,” the spokesperson added."))
    assert [s for s, _, _ in got] == ["Ministry of Commerce", "Ministry of Commerce"]


def test_board_spokeswoman_speaks_for_the_board(lexicon):
    got = rows(make_article(lexicon,
                            "The quota cut will hurt every coastal town, a Fisheries Board spokeswoman said late "
                            "on Thursday.",
                            "“Our inspectors will visit each harbour before the season opens,” the spokeswoman added.",
                            entities=BOARD))
    assert [s for s, _, _ in got] == ["Fisheries Board", "Fisheries Board"]


# --- "told" followed by an audience closes the quotation before it --------------------------

def test_told_a_news_conference_is_an_audience(lexicon):
    got = rows(make_article(lexicon, "“China is willing to open a green channel for applications,” Park told a "
                                     "regular news conference in Beijing."))
    assert got == [("Lena Park", "direct", "China is willing to open a green channel for applications")]


def test_told_a_weekly_briefing_is_an_audience(lexicon):
    got = rows(make_article(lexicon, "“Our ports will stay open to every flag,” Reyes told a weekly briefing in Lisbon."))
    assert got == [("Tom Reyes", "direct", "Our ports will stay open to every flag")]


# --- an inverted attribution followed by an apposition ---------------------------------------

def test_inverted_attribution_with_a_commission_spokesperson(lexicon):
    got = make_article(lexicon, "“We need a structural solution, not a fix,” said Olof Gill, a Commission spokesperson. "
                                "“Our companies cannot plan on that basis.”")
    assert {q.speaker for q in got.quotes} == {"Olof Gill"}
    assert any(q.text.startswith("We need a structural solution") for q in got.quotes)


def test_inverted_attribution_with_an_invented_spokesperson(lexicon):
    got = make_article(lexicon, "“Fishing quotas are not a bargaining chip,” said Anneli Varga, a Board spokeswoman. "
                                "“Our crews need to know what they can land next year.”")
    assert {q.speaker for q in got.quotes} == {"Anneli Varga"}
    assert any(q.text.startswith("Fishing quotas are not a bargaining chip") for q in got.quotes)
