"""People, organisations and countries: resolution, titles, coreference."""
import shutil

import pytest

from pipeline.lexicon import legacy as lexicons
from pipeline.article import Article
from pipeline.entities.mentions import (countries_in_sentence, extract_entities, orgs_in_sentence,
                               people_in_sentence, resolve_name, resolve_reference)
from pipeline.text.sentences import sentence_spans


def make(*paragraphs: str) -> Article:
    a = Article(origin="t.txt", raw_text="\n".join(paragraphs))
    a.paragraphs = list(paragraphs)
    a.sentences = sentence_spans(a.text)
    return extract_entities(a)


def persons(a: Article) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in a.mentions if m.kind == "person"]


def test_accents_and_name_order_resolve_to_one_person():
    assert resolve_name("Maroš Šefčovič").canonical == "Maros Sefcovic"
    assert resolve_name("Sefcovic").canonical == "Maros Sefcovic"
    assert resolve_name("Ryosei Akazawa").canonical == "Akazawa Ryosei"
    assert resolve_name("Akazawa Ryosei").canonical == "Akazawa Ryosei"


def test_typo_is_tolerated_but_people_sharing_a_surname_are_not_merged():
    assert resolve_name("Wang Wengbin").canonical == "Wang Wenbin"
    assert resolve_name("Xi Jiping").canonical == "Xi Jinping"
    assert resolve_name("Wang Wentao").canonical == "Wang Wentao"
    assert resolve_name("Wang Yi").canonical == "Wang Yi"
    assert resolve_name("Li Qiang").canonical == "Li Qiang"
    assert resolve_name("Wang") is None          # a common surname alone names nobody
    assert resolve_name("Wang Wei") is None


def test_title_country_and_later_bare_surname():
    a = make("Wang Wentao met Japan's Minister of Economy, Trade and Industry Akazawa Ryosei in Gyeongju.",
             "Akazawa told reporters he had raised rare earths.")
    akazawa = [m for m in a.mentions if m.canonical == "Akazawa Ryosei"]
    assert [m.text for m in akazawa] == ["Japan's Minister of Economy, Trade and Industry Akazawa Ryosei", "Akazawa"]
    assert akazawa[0].role == "Minister of Economy, Trade and Industry"
    assert akazawa[0].country == akazawa[1].country == "Japan"
    assert akazawa[1].sentence == 1


def test_accented_name_in_text_and_bare_surname():
    a = make("EU trade chief Maroš Šefčovič spoke to Wang Wentao.", "Šefčovič said talks would go on.")
    assert persons(a) == [("EU trade chief Maroš Šefčovič", "Maros Sefcovic"), ("Wang Wentao", "Wang Wentao"),
                          ("Šefčovič", "Maros Sefcovic")]
    assert a.mentions[0].country == "European Union"


def test_two_wangs_stay_two_people_and_a_bare_wang_stays_unresolved():
    a = make("Foreign Minister Wang Yi met Commerce Minister Wang Wentao in Beijing.",
             "Wang said the talks were frank.")
    assert persons(a) == [("Foreign Minister Wang Yi", "Wang Yi"), ("Commerce Minister Wang Wentao", "Wang Wentao")]


def test_bare_surname_goes_to_the_only_wang_named_so_far():
    a = make("Chinese Foreign Minister Wang Yi arrived in Berlin.", "Wang said rare earths were no issue.",
             "Later, spokesperson Wang Wenbin spoke.", "Wang added nothing.")
    assert persons(a) == [("Chinese Foreign Minister Wang Yi", "Wang Yi"), ("Wang", "Wang Yi"),
                          ("spokesperson Wang Wenbin", "Wang Wenbin")]


def test_unknown_people_from_titles_keep_role_and_country():
    a = make("Dutch Economy Minister Jan Veldhoven called Wang Wentao.",
             "Mariko Tanabe, Japan's deputy trade minister, joined them.",
             "Veldhoven and Tanabe agreed to meet again.")
    got = {m.canonical: m for m in a.mentions if m.kind == "person"}
    assert got["Jan Veldhoven"].role == "Economy Minister"
    assert got["Jan Veldhoven"].country == "Netherlands"
    assert got["Mariko Tanabe"].country == "Japan"
    assert "trade minister" in got["Mariko Tanabe"].role
    assert [m.canonical for m in people_in_sentence(a, 2)] == ["Jan Veldhoven", "Mariko Tanabe"]


def test_capitalised_words_without_a_title_are_not_people():
    a = make("The Clare Valley vineyard hosted the Diaoyutai State Guesthouse dinner.",
             "Wingtech Group Holdings owns Nexperia.")
    assert persons(a) == []


def test_pronoun_he_is_not_he_lifeng_but_a_mid_sentence_he_is():
    a = make("Vice Premier He Lifeng met Valdis Dombrovskis.",
             "He said trade should grow.",
             "\u201cWe will buy more,\u201d He said after the meeting.")
    assert [m.sentence for m in a.mentions if m.canonical == "He Lifeng"] == [0, 2]


def test_countries_acronyms_need_capitals_and_demonyms_count():
    a = make("US officials told us the Dutch and Chinese sides met in Brussels with the bloc.")
    names = [(m.text, m.canonical, m.role) for m in countries_in_sentence(a, 0)]
    assert names == [("US", "United States", "name"), ("Dutch", "Netherlands", "demonym"),
                     ("Chinese", "China", "demonym"), ("Brussels", "European Union", "capital"),
                     ("the bloc", "European Union", "name")]


def test_organisations_take_the_country_before_them():
    a = make("Japan's Ministry of Economy, Trade and Industry updated its list.",
             "A Ministry of Commerce spokesperson replied; the Commerce Department did not.")
    orgs = [(m.canonical, m.country) for m in a.mentions if m.kind == "org"]
    assert orgs == [("Ministry of Economy, Trade and Industry", "Japan"), ("Ministry of Commerce", "China"),
                    ("Department of Commerce", "United States")]
    assert [m.canonical for m in orgs_in_sentence(a, 1)] == ["Ministry of Commerce", "Department of Commerce"]


REF_TEXT = (
    "Treasury Secretary Janet Yellen met Chinese Vice Premier He Lifeng in Guangzhou.",
    "Yellen later told Chinese Premier Li Qiang that ties were steadier.",
    "She also met Commerce Minister Wang Wentao and Foreign Minister Wang Yi.",
    "Ministry spokesman He Yadong said the talks were candid.",
    "The ministry said more talks would follow.",
)


@pytest.fixture(scope="module")
def ref_article():
    return make(*REF_TEXT)


@pytest.mark.parametrize("sent, phrase, expected", [
    (2, "She", "Janet Yellen"),              # the subject, not Li Qiang whom she told
    (3, "the premier", "Li Qiang"),          # not the vice premier
    (3, "the vice premier", "He Lifeng"),
    (3, "the commerce minister", "Wang Wentao"),
    (3, "the top diplomat", "Wang Yi"),
    (3, "the Chinese minister", "Wang Yi"),  # the latest minister
    (3, "the trade minister", "Wang Wentao"),
    (3, "the secretary", "Janet Yellen"),
    (3, "his American counterpart", "Janet Yellen"),
    (4, "the spokesperson", "He Yadong"),
    (4, "he", "He Yadong"),
])
def test_resolve_reference(ref_article, sent, phrase, expected):
    m = resolve_reference(ref_article, sent, phrase)
    assert m is not None and m.canonical == expected


def test_resolve_reference_negatives_and_offsets(ref_article):
    assert resolve_reference(ref_article, 0, "he") is None                 # nobody before the first sentence
    assert resolve_reference(ref_article, 2, "the spokesperson") is None   # He Yadong comes later
    assert resolve_reference(ref_article, 3, "the Japanese minister") is None
    assert resolve_reference(ref_article, 1, "the chancellor") is None
    start = ref_article.sentences[1][0]
    # "Yellen later told ... that she ...": inside the sentence, before the offset
    assert resolve_reference(ref_article, 1, "she", before=start + 20).canonical == "Janet Yellen"
    assert resolve_reference(ref_article, 4, "the ministry") is None       # no organisation was named


def test_resolve_reference_org():
    a = make("China's Ministry of Commerce issued a statement.", "The ministry urged Japan to act.")
    m = resolve_reference(a, 1, "the ministry")
    assert m.kind == "org" and m.canonical == "Ministry of Commerce"


def test_edited_people_file_is_read_after_reload(tmp_path):
    data = shutil.copytree(lexicons.DATA_DIR, tmp_path / "data")
    with open(data / "people.csv", "a", encoding="utf-8") as fh:
        fh.write("Zorba Quintanilla,,Trade Minister,Chile,2020-01-01,,\n")
    with lexicons.data_dir(data):
        assert resolve_name("Quintanilla Zorba").country == "Chile"
        assert persons(make("Zorba Quintanilla met Wang Wentao."))[0] == ("Zorba Quintanilla", "Zorba Quintanilla")
    assert resolve_name("Zorba Quintanilla") is None


def test_abbreviated_title_and_accented_surname_alone():
    a = make("Spanish PM Sánchez arrived in Beijing on Friday.", "The meeting ended at 3 pm Beijing time.")
    assert persons(a) == [("Spanish PM Sánchez", "Pedro Sanchez")]
    assert a.mentions[0].role == "PM" and a.mentions[0].country == "Spain"


def test_envoy_title_with_a_destination_before_the_name():
    a = make("China's ambassador to the EU, Yang Dewei, said Beijing wanted dialogue.")
    [m] = [m for m in a.mentions if m.kind == "person"]
    assert (m.canonical, m.country) == ("Yang Dewei", "China")


def test_a_leader_may_be_a_prime_minister_but_a_minister_is_not():
    a = make("Pedro Sánchez met Xi Jinping and Wang Wentao.", "The Spanish leader said trade was vital.")
    assert resolve_reference(a, 1, "The Spanish leader").canonical == "Pedro Sanchez"
    assert resolve_reference(a, 1, "the minister").canonical == "Wang Wentao"


def test_academics_and_analysts_in_an_apposition_are_people_and_their_surname_resolves():
    a = make("Zhou Minghui, a professor at Jilin University, said ties were close. "
             "Zhou told reporters more talks were due.",
             "Tarek Amin, an economist at a Cairo bank, was cautious.")
    got = persons(a)
    assert [c for _, c in got].count("Zhou Minghui") == 2
    assert "Tarek Amin" in [c for _, c in got]
    assert "Jilin University" not in [c for _, c in got]
