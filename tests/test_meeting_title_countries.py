"""Two ministers of countries the gazetteer lacks, signing together: the possessive or demonym
opening each one's title tells their countries apart. Invented countries and people."""
from __future__ import annotations

import pytest

from pipeline.article import Article
from pipeline.process import process_article


def meetings(lexicon, text: str):
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw="2026-06-10")
    return process_article(article, lexicon).meetings


@pytest.mark.parametrize("text", [
    "Ostravan Trade Minister Mila Denek and Quarian Industry Minister Pavel Orsk signed a customs pact in Vellmar on Tuesday.",
    "Brelland's Fisheries Minister Arno Veld and Tessian Ocean Minister Kiri Maro signed an inspection accord on Monday.",
    "Norvan Energy Minister Edda Solm and Carthese Mining Minister Ruo Tain signed the supply agreement in Port Sela on Tuesday.",
])
def test_ministers_of_two_named_countries_signing_meet(lexicon, text):
    ms = meetings(lexicon, text)
    assert len(ms) == 1 and len(ms[0].participants) == 2 and ms[0].status == "held"


@pytest.mark.parametrize("text", [
    # no country word: two portfolios, perhaps of one government
    "Trade Minister Mila Denek and Finance Minister Pavel Orsk signed the budget decree in Vellmar on Tuesday.",
    # one country word for both
    "Ostravan Trade Minister Mila Denek and Ostravan Finance Minister Pavel Orsk signed the decree on Monday.",
    # only one of them has a country word
    "Ostravan Trade Minister Mila Denek and Finance Minister Pavel Orsk signed the decree on Monday.",
])
def test_no_country_word_tells_them_apart(lexicon, text):
    assert meetings(lexicon, text) == []
