"""Issue tags from the taxonomy: variants, exclusions, evidence, spans."""
import shutil

import pytest

from pipeline.lexicon import legacy as lexicons
from pipeline.article import Article
from pipeline.tags.tagger import tag_article, tags_for_span
from pipeline.text.sentences import sentence_spans


def make(*paragraphs: str) -> Article:
    a = Article(origin="t.txt", raw_text="\n".join(paragraphs))
    a.paragraphs = list(paragraphs)
    a.sentences = sentence_spans(a.text)
    return tag_article(a)


def tags(*paragraphs: str) -> list[str]:
    return [t.tag for t in make(*paragraphs).tags]


@pytest.mark.parametrize("text, tag", [
    ("China tightened rare-earth export rules.", "rare_earths"),
    ("Prices of rare earths rose.", "rare_earths"),
    ("Output of REEs fell.", "rare_earths"),
    ("Beijing halted Japanese seafood imports.", "aquatic_products"),
    ("Trade in aquatic products resumed.", "aquatic_products"),
    ("Fishery products from ten prefectures stay banned.", "aquatic_products"),
    ("China banned marine products from Japan.", "aquatic_products"),
    ("Sanctions remain on wine and rock lobster.", "aquatic_products"),
    ("Washington added the firms to the Entity List.", "end_user_list"),
    ("Tokyo updated its End-User List.", "end_user_list"),
    ("Beijing put them on its unreliable entity list.", "end_user_list"),
    ("China imposed export controls on drones.", "export_controls"),
    ("Beijing will bar exports of the chips.", "export_controls"),
    ("Licences for dual-use items were delayed.", "export_controls"),
    ("Gallium and germanium shipments slowed.", "critical_minerals"),
    ("The critical minerals deal was signed.", "critical_minerals"),
    ("Chipmakers and chip equipment suppliers lost ground.", "semiconductors"),
    ("The semiconductor industrial chain matters.", "semiconductors"),
    ("Brussels imposed tariffs of 35 per cent.", "tariffs"),
    ("An anti-dumping probe into pork began.", "tariffs"),
    ("Countervailing measures were confirmed.", "tariffs"),
    ("Both sides vowed to keep supply chains stable.", "supply_chains"),
    ("They agreed to reform the World Trade Organization.", "wto_trade_rules"),
    ("Both uphold the multilateral trading system.", "wto_trade_rules"),
])
def test_variants(text, tag):
    assert tag in tags(text)


@pytest.mark.parametrize("text, tag", [
    ("Everyone chips in to pay for the dinner.", "semiconductors"),
    ("Taiwan is no bargaining chip.", "semiconductors"),
    ("Blue-chip stocks rallied.", "semiconductors"),
    ("The officer was on duty at the port.", "tariffs"),
    ("The minister's duties include travel.", "tariffs"),
    ("Households pay a feed-in tariff for solar power.", "tariffs"),
    ("Lithium-ion battery makers expanded.", "critical_minerals"),
    ("The ban on $20 billion worth of exports of barley was lifted.", "export_controls"),
    ("Exports of wine rose.", "export_controls"),
    ("China lifted import restrictions on beef.", "export_controls"),
    ("Japan's Ministry of Agriculture, Forestry and Fisheries issued a notice.", "aquatic_products"),
    ("The rare beauty of the earth.", "rare_earths"),
])
def test_negatives(text, tag):
    assert tag not in tags(text)


def test_a_phrase_can_carry_two_tags_and_tags_follow_taxonomy_order():
    assert tags("Japan put Chinese entities on its export control list.") == ["end_user_list", "export_controls"]
    assert tags("Supply chains, tariffs and rare earths were discussed.") == ["rare_earths", "tariffs", "supply_chains"]


def test_text_without_issues_has_no_tags():
    assert tags("The two leaders discussed North Korea and agreed to meet again.",
                "Share this article. Subscribe to our newsletter.") == []


def test_hit_count_evidence_and_sentences():
    a = make("Leaders met on Monday. Tariffs were discussed.", "The tariff review is on track. Tariffs again.")
    (hit,) = a.tags
    assert hit.tag == "tariffs" and hit.hits == 3
    assert hit.evidence == "Tariffs were discussed."
    assert hit.sentences == [1, 2, 3]


def test_tags_for_span():
    a = make("China curbed gallium exports. Both sides discussed seafood.")
    s0, s1 = a.sentences
    assert tags_for_span(a, *s0) == ["critical_minerals"]
    assert tags_for_span(a, *s1) == ["aquatic_products"]
    assert tags_for_span(a, 0, len(a.text)) == ["aquatic_products", "critical_minerals"]


def test_edited_taxonomy_is_read_after_reload(tmp_path):
    data = shutil.copytree(lexicons.DATA_DIR, tmp_path / "data")
    with open(data / "taxonomy.csv", "a", encoding="utf-8") as fh:
        fh.write("electric_vehicles,Electric vehicles,electric vehicle*;ev;evs\n")
    with lexicons.data_dir(data):
        assert tags("Duties on electric vehicles rose.") == ["tariffs", "electric_vehicles"]
    assert tags("Duties on electric vehicles rose.") == ["tariffs"]


@pytest.mark.parametrize("sentence, expected", [
    ("Washington slapped levies on Chinese steel.", ["tariffs"]),
    ("China suspended exports of gallium to the US.", ["export_controls", "critical_minerals"]),
    ("Beijing will require licences to export seven rare earth elements.", ["rare_earths", "export_controls"]),
    ("Washington tightened restrictions on sales of advanced chips to China.", ["export_controls", "semiconductors"]),
    ("Banana exports grew and the stocks were blue-chip.", []),
    ("He said it was his duty to protect the levy of local taxes.", []),
    ("Analysts said the ministry was doing its duty.", []),
])
def test_verb_forms_of_export_controls_and_levies(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize("text", ["WTO members clashed over fisheries subsidies.",
                                  "Curbing subsidies that fuel overfishing is the aim."])
def test_fisheries_subsidies_are_an_aquatic_products_issue(text):
    assert "aquatic_products" in tags(text)
