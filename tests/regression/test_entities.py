"""Entities on wording close to the dev-set articles; tests/test_entities.py has an invented variant of each."""
from pipeline.entities.mentions import orgs_in_sentence
from tests.test_entities import make


def test_title_country_and_later_bare_surname(lexicon):
    # variant: test_possessive_country_long_title_and_later_bare_surname
    a = make(lexicon, "Wang Wentao met Japan's Minister of Economy, Trade and Industry Akazawa Ryosei in Gyeongju.",
                      "Akazawa told reporters he had raised rare earths.")
    akazawa = [m for m in a.mentions if m.canonical == "Akazawa Ryosei"]
    assert [m.text for m in akazawa] == ["Japan's Minister of Economy, Trade and Industry Akazawa Ryosei", "Akazawa"]
    assert akazawa[0].role == "Minister of Economy, Trade and Industry"
    assert akazawa[0].country == akazawa[1].country == "Japan"
    assert akazawa[1].sentence == 1


def test_organisations_take_the_country_before_them(lexicon):
    # variant: test_organisations_take_the_country_before_them
    a = make(lexicon, "Japan's Ministry of Economy, Trade and Industry updated its list.",
                      "A Ministry of Commerce spokesperson replied; the Commerce Department did not.")
    orgs = [(m.canonical, m.country) for m in a.mentions if m.kind == "org"]
    assert orgs == [("Ministry of Economy, Trade and Industry", "Japan"), ("Ministry of Commerce", "China"),
                    ("Department of Commerce", "United States")]
    assert [m.canonical for m in orgs_in_sentence(a, 1)] == ["Ministry of Commerce", "Department of Commerce"]
