"""Tags on wording close to the dev-set articles; tests/test_tags.py has an invented variant of each."""
import pytest

from tests.test_tags import tags


@pytest.mark.parametrize("text, tag", [
    ("Both uphold the multilateral trading system.", "wto_trade_rules"),   # variant: "Both defend ..."
])
def test_variants(lexicon, text, tag):
    assert tag in tags(lexicon, text)


@pytest.mark.parametrize("text, tag", [
    # variant: "The ban on $3 billion of exports of oats ended."
    ("The ban on $20 billion worth of exports of barley was lifted.", "export_controls"),
    # variant: "The Department of Agriculture, Forestry and Fisheries in Pretoria ..."
    ("Japan's Ministry of Agriculture, Forestry and Fisheries issued a notice.", "aquatic_products"),
])
def test_negatives(lexicon, text, tag):
    assert tag not in tags(lexicon, text)


def test_a_phrase_can_carry_two_tags(lexicon):
    # variant: "Ruritania added three firms to its export control list."
    assert tags(lexicon, "Japan put Chinese entities on its export control list.") == ["end_user_list", "export_controls"]


def test_text_without_issues_has_no_tags(lexicon):
    # variant: "The ministers talked about the Arctic ..."
    assert tags(lexicon, "The two leaders discussed North Korea and agreed to meet again.") == []
