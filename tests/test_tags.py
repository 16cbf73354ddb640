"""Issue tags from the taxonomy: variants, exclusions, evidence, spans."""
import shutil

import pytest

from pipeline.article import Article
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.tags.tagger import tag_article, tag_labels, tags_for_span
from pipeline.text.sentences import sentence_spans


def make(lexicon: Lexicon, *paragraphs: str) -> Article:
    a = Article(origin="t.txt", raw_text="\n".join(paragraphs))
    a.paragraphs = list(paragraphs)
    a.sentences = sentence_spans(a.text)
    return tag_article(a, lexicon)


def tags(lexicon: Lexicon, *paragraphs: str) -> list[str]:
    return [t.tag for t in make(lexicon, *paragraphs).tags]


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
    ("Both defend the multilateral trading system.", "wto_trade_rules"),
])
def test_variants(lexicon, text, tag):
    assert tag in tags(lexicon, text)


@pytest.mark.parametrize("text, tag", [
    ("Everyone chips in to pay for the dinner.", "semiconductors"),
    ("Taiwan is no bargaining chip.", "semiconductors"),
    ("Blue-chip stocks rallied.", "semiconductors"),
    ("The officer was on duty at the port.", "tariffs"),
    ("The minister's duties include travel.", "tariffs"),
    ("Households pay a feed-in tariff for solar power.", "tariffs"),
    ("Both sides will remove non-tariff barriers on farm goods.", "tariffs"),
    ("The talks covered non tariff measures such as veterinary checks.", "tariffs"),
    ("Lithium-ion battery makers expanded.", "critical_minerals"),
    ("The ban on $3 billion of exports of oats ended.", "export_controls"),
    ("Exports of wine rose.", "export_controls"),
    ("China lifted import restrictions on beef.", "export_controls"),
    ("The Department of Agriculture, Forestry and Fisheries in Pretoria published its report.", "aquatic_products"),
    ("The rare beauty of the earth.", "rare_earths"),
])
def test_negatives(lexicon, text, tag):
    assert tag not in tags(lexicon, text)


def test_a_phrase_can_carry_two_tags_and_tags_follow_taxonomy_order(lexicon):
    assert tags(lexicon, "Ruritania added three firms to the export control list.") == [
        "end_user_list", "export_controls"]
    assert tags(lexicon, "Supply chains, tariffs and rare earths were discussed.") == [
        "rare_earths", "tariffs", "supply_chains"]


def test_text_without_issues_has_no_tags(lexicon):
    assert tags(lexicon, "The ministers talked about the Arctic and promised another visit.",
                "Share this article. Subscribe to our newsletter.") == []


def test_hit_count_evidence_and_sentences(lexicon):
    a = make(lexicon, "Leaders met on Monday. Tariffs were discussed.", "The tariff review is on track. Tariffs again.")
    (hit,) = a.tags
    assert hit.tag == "tariffs" and hit.hits == 3
    assert hit.evidence == "Tariffs were discussed."
    assert hit.sentences == [1, 2, 3]


def test_tags_for_span(lexicon):
    a = make(lexicon, "China curbed gallium exports. Both sides discussed seafood.")
    s0, s1 = a.sentences
    assert tags_for_span(a, *s0, lexicon) == ["critical_minerals"]
    assert tags_for_span(a, *s1, lexicon) == ["aquatic_products"]
    assert tags_for_span(a, 0, len(a.text), lexicon) == ["aquatic_products", "critical_minerals"]


def test_an_edited_taxonomy_is_a_new_lexicon(tmp_path, lexicon):
    data = shutil.copytree(DEFAULT_DATA, tmp_path / "data")
    with open(data / "taxonomy.csv", "a", encoding="utf-8") as fh:
        fh.write("electric_vehicles,Electric vehicles,electric vehicle*;ev;evs\n")
    edited = Lexicon.load(data)
    assert tags(edited, "Duties on electric vehicles rose.") == ["tariffs", "electric_vehicles"]
    assert tag_labels(edited)["electric_vehicles"] == "Electric vehicles"
    assert tags(lexicon, "Duties on electric vehicles rose.") == ["tariffs"]
    assert "electric_vehicles" not in tag_labels(lexicon)


@pytest.mark.parametrize("text, expected", [
    ("REE exports fell.", ["rare_earths"]),
    ("Refiners of REEs and other metals gathered.", ["rare_earths"]),
    ("Rebecca Rees, the minister, said the budget was fair.", []),
    ("Ms Rees and Mr Ree met the press.", []),
    ("the rees of the village were mown.", []),
    ("Analysts spoke to Jacob Rees-Mogg.", []),
])
def test_an_abbreviation_written_in_capitals_counts_only_in_capitals(lexicon, text, expected):
    assert tags(lexicon, text) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Washington slapped levies on Chinese steel.", ["tariffs"]),
    ("China suspended exports of gallium to the US.", ["export_controls", "critical_minerals"]),
    ("Beijing will require licences to export seven rare earth elements.", ["rare_earths", "export_controls"]),
    ("Washington tightened restrictions on sales of advanced chips to China.", ["export_controls", "semiconductors"]),
    ("Banana exports grew and the stocks were blue-chip.", []),
    ("He said it was his duty to protect the levy of local taxes.", []),
    ("Analysts said the ministry was doing its duty.", []),
])
def test_verb_forms_of_export_controls_and_levies(lexicon, sentence, expected):
    assert tags(lexicon, sentence) == expected


@pytest.mark.parametrize("text", ["WTO members clashed over fisheries subsidies.",
                                  "Curbing subsidies that fuel overfishing is the aim."])
def test_fisheries_subsidies_are_an_aquatic_products_issue(lexicon, text):
    assert "aquatic_products" in tags(lexicon, text)


@pytest.mark.parametrize("text, expected", [
    # a list naming restricted entities is an entity list; a list of controlled items is not
    ("Ruritania put two drone makers on its export control control list.", ["end_user_list", "export_controls"]),
    ("Ten defence companies on the export control list may not buy its goods.", ["end_user_list", "export_controls"]),
    ("The updated export control list covers drones and their engines.", ["export_controls"]),
    ("Graphite was added to the export controls list of dual-use items.", ["export_controls", "critical_minerals"]),
    ("Commerce added twelve kinds of cooling equipment to the Commerce Control List.", ["export_controls"]),
    ("Japan added 14 Chinese companies to its export control list.", ["end_user_list", "export_controls"]),
    ("The list of entities attending the forum was published on Monday.", []),
])
def test_an_export_control_list_names_entities_only_when_it_says_so(lexicon, text, expected):
    assert sorted(tags(lexicon, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # a food plant's registration to sell abroad is market access, not an export control
    ("Ruritanian meat plants must reapply for export licences after their registrations lapsed.", []),
    ("Beef export licences of four plants expired in March.", []),
    ("Meat plants that lost their registration will have to reapply for their export licences.", []),
    ("Food exporters must renew their export licences every five years under the registration system.", []),
    ("The plant's export licence for pork was suspended after a food safety inspection.", []),
    ("Chipmakers need export licences to ship tools to Ruritania.", ["export_controls", "semiconductors"]),
    ("Exporters applied for licences to export gallium.", ["export_controls", "critical_minerals"]),
])
def test_an_export_licence_in_the_food_registration_sense_is_no_export_control(lexicon, text, expected):
    assert sorted(tags(lexicon, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # an issue word in its everyday sense is no issue of the talks
    ("The hotel's room tariff was raised for the summit week.", []),
    ("The ministers dined on seafood at a harbour restaurant after the talks.", []),
    ("Salmon-coloured banners decorated the hall.", []),
    ("The talks were as thin as a wafer, one diplomat joked.", []),
    ("Washington imposed tariffs of 25% on steel.", ["tariffs"]),
    ("China lifted its ban on Japanese seafood imports.", ["aquatic_products"]),
    ("Wafer shipments to Ruritania fell by half.", ["semiconductors"]),
])
def test_issue_words_in_their_everyday_sense(lexicon, text, expected):
    assert sorted(tags(lexicon, text)) == sorted(expected)
