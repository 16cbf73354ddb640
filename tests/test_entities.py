"""People, organisations and countries: resolution, titles, coreference."""
import json
import shutil

import pytest

from pipeline.article import Article, Mention
from pipeline.entities.coreference import ReferenceRules, fits, resolve_reference
from pipeline.entities.mentions import countries_in_sentence, extract_entities, orgs_in_sentence, people_in_sentence
from pipeline.entities.names import resolve_name
from pipeline.errors import LexiconError
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.text.sentences import sentence_spans


def make(lexicon: Lexicon, *paragraphs: str) -> Article:
    a = Article(origin="t.txt", raw_text="\n".join(paragraphs))
    a.paragraphs = list(paragraphs)
    a.sentences = sentence_spans(a.text)
    return extract_entities(a, lexicon)


def persons(a: Article) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in a.mentions if m.kind == "person"]


def test_accents_and_name_order_resolve_to_one_person(lexicon):
    assert resolve_name("Maroš Šefčovič", lexicon).canonical == "Maros Sefcovic"
    assert resolve_name("Sefcovic", lexicon).canonical == "Maros Sefcovic"
    assert resolve_name("Ryosei Akazawa", lexicon).canonical == "Akazawa Ryosei"
    assert resolve_name("Akazawa Ryosei", lexicon).canonical == "Akazawa Ryosei"


def test_typo_is_tolerated_but_people_sharing_a_surname_are_not_merged(lexicon):
    assert resolve_name("Wang Wengbin", lexicon).canonical == "Wang Wenbin"
    assert resolve_name("Xi Jiping", lexicon).canonical == "Xi Jinping"
    assert resolve_name("Wang Wentao", lexicon).canonical == "Wang Wentao"
    assert resolve_name("Wang Yi", lexicon).canonical == "Wang Yi"
    assert resolve_name("Li Qiang", lexicon).canonical == "Li Qiang"
    assert resolve_name("Wang", lexicon) is None          # a common surname alone names nobody
    assert resolve_name("Wang Wei", lexicon) is None


def test_possessive_country_long_title_and_later_bare_surname(lexicon):
    a = make(lexicon, "Wang Wentao hosted South Korea's Minister of Trade, Industry and Energy Park Minseo.",
                      "Park said both sides wanted calmer markets.")
    park = [m for m in a.mentions if m.canonical == "Park Minseo"]
    assert [m.text for m in park] == ["South Korea's Minister of Trade, Industry and Energy Park Minseo", "Park"]
    assert park[0].role == "Minister of Trade, Industry and Energy"
    assert park[0].country == park[1].country == "South Korea"
    assert park[1].sentence == 1


def test_accented_name_in_text_and_bare_surname(lexicon):
    a = make(lexicon, "EU trade chief Maroš Šefčovič spoke to Wang Wentao.", "Šefčovič said talks would go on.")
    assert persons(a) == [("EU trade chief Maroš Šefčovič", "Maros Sefcovic"), ("Wang Wentao", "Wang Wentao"),
                          ("Šefčovič", "Maros Sefcovic")]
    assert a.mentions[0].country == "European Union"


def test_two_wangs_stay_two_people_and_a_bare_wang_stays_unresolved(lexicon):
    a = make(lexicon, "Foreign Minister Wang Yi met Commerce Minister Wang Wentao in Beijing.",
                      "Wang said the talks were frank.")
    assert persons(a) == [("Foreign Minister Wang Yi", "Wang Yi"), ("Commerce Minister Wang Wentao", "Wang Wentao")]


def test_bare_surname_goes_to_the_only_wang_named_so_far(lexicon):
    a = make(lexicon, "Chinese Foreign Minister Wang Yi arrived in Berlin.", "Wang said rare earths were no issue.",
                      "Later, spokesperson Wang Wenbin spoke.", "Wang added nothing.")
    assert persons(a) == [("Chinese Foreign Minister Wang Yi", "Wang Yi"), ("Wang", "Wang Yi"),
                          ("spokesperson Wang Wenbin", "Wang Wenbin")]


def test_unknown_people_from_titles_keep_role_and_country(lexicon):
    a = make(lexicon, "Dutch Economy Minister Jan Veldhoven called Wang Wentao.",
                      "Mariko Tanabe, Japan's deputy trade minister, joined them.",
                      "Veldhoven and Tanabe agreed to meet again.")
    got = {m.canonical: m for m in a.mentions if m.kind == "person"}
    assert got["Jan Veldhoven"].role == "Economy Minister"
    assert got["Jan Veldhoven"].country == "Netherlands"
    assert got["Mariko Tanabe"].country == "Japan"
    assert "trade minister" in got["Mariko Tanabe"].role
    assert [m.canonical for m in people_in_sentence(a, 2)] == ["Jan Veldhoven", "Mariko Tanabe"]


def test_capitalised_words_without_a_title_are_not_people(lexicon):
    a = make(lexicon, "The Clare Valley vineyard hosted the Diaoyutai State Guesthouse dinner.",
                      "Wingtech Group Holdings owns Nexperia.")
    assert persons(a) == []


def test_pronoun_he_is_not_he_lifeng_but_a_mid_sentence_he_is(lexicon):
    a = make(lexicon, "Vice Premier He Lifeng met Valdis Dombrovskis.",
                      "He said trade should grow.",
                      "\u201cWe will buy more,\u201d He said after the meeting.")
    assert [m.sentence for m in a.mentions if m.canonical == "He Lifeng"] == [0, 2]


def test_countries_acronyms_need_capitals_and_demonyms_count(lexicon):
    a = make(lexicon, "US officials told us the Dutch and Chinese sides met in Brussels with the bloc.")
    names = [(m.text, m.canonical, m.role) for m in countries_in_sentence(a, 0)]
    assert names == [("US", "United States", "name"), ("Dutch", "Netherlands", "demonym"),
                     ("Chinese", "China", "demonym"), ("Brussels", "European Union", "capital"),
                     ("the bloc", "European Union", "name")]


def test_organisations_take_the_country_before_them(lexicon):
    a = make(lexicon, "Last week Japan's Ministry of Economy, Trade and Industry revised two export rules.",
                      "One Ministry of Commerce official objected; the Commerce Department stayed silent.")
    orgs = [(m.canonical, m.country) for m in a.mentions if m.kind == "org"]
    assert orgs == [("Ministry of Economy, Trade and Industry", "Japan"), ("Ministry of Commerce", "China"),
                    ("Department of Commerce", "United States")]
    assert [m.canonical for m in orgs_in_sentence(a, 1)] == ["Ministry of Commerce", "Department of Commerce"]


REF_TEXT = (
    "Treasury Secretary Janet Yellen met Chinese Vice Premier He Lifeng at a lakeside guesthouse.",
    "Over lunch Yellen told Premier Li Qiang of China that ties were steadier.",
    "She also met Commerce Minister Wang Wentao and then Foreign Minister Wang Yi.",
    "Ministry spokesman He Yadong called the talks candid.",
    "The ministry said more talks would follow.",
)


@pytest.fixture(scope="module")
def ref_article(lexicon):
    return make(lexicon, *REF_TEXT)


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
def test_resolve_reference(ref_article, sent, phrase, expected, lexicon):
    m = resolve_reference(ref_article, sent, phrase, lexicon=lexicon)
    assert m is not None and m.canonical == expected


def test_resolve_reference_negatives_and_offsets(ref_article, lexicon):
    assert resolve_reference(ref_article, 0, "he", lexicon=lexicon) is None   # nobody before the first sentence
    assert resolve_reference(ref_article, 2, "the spokesperson", lexicon=lexicon) is None   # He Yadong comes later
    assert resolve_reference(ref_article, 3, "the Japanese minister", lexicon=lexicon) is None
    assert resolve_reference(ref_article, 1, "the chancellor", lexicon=lexicon) is None
    start = ref_article.sentences[1][0]
    # "Over lunch Yellen told ... that she ...": inside the sentence, before the offset
    assert resolve_reference(ref_article, 1, "she", before=start + 20, lexicon=lexicon).canonical == "Janet Yellen"
    assert resolve_reference(ref_article, 4, "the ministry", lexicon=lexicon) is None   # no organisation was named


def test_resolve_reference_org(lexicon):
    a = make(lexicon, "China's Ministry of Commerce issued a statement.", "The ministry urged Japan to act.")
    m = resolve_reference(a, 1, "the ministry", lexicon=lexicon)
    assert m.kind == "org" and m.canonical == "Ministry of Commerce"


def test_an_edited_people_file_is_a_new_lexicon(tmp_path, lexicon):
    data = shutil.copytree(DEFAULT_DATA, tmp_path / "data")
    with open(data / "people.csv", "a", encoding="utf-8") as fh:
        fh.write("Zorba Quintanilla,,Trade Minister,Chile,2020-01-01,,\n")
    edited = Lexicon.load(data)
    assert resolve_name("Quintanilla Zorba", edited).country == "Chile"
    assert persons(make(edited, "Zorba Quintanilla met Wang Wentao."))[0] == ("Zorba Quintanilla", "Zorba Quintanilla")
    assert resolve_name("Zorba Quintanilla", lexicon) is None


def test_name_particles_come_from_the_data_folder(tmp_path, lexicon):
    text = "Trade Minister Anna zu Brandt spoke in Oslo."
    assert "Anna zu Brandt" not in [c for _, c in persons(make(lexicon, text))]
    data = shutil.copytree(DEFAULT_DATA, tmp_path / "data")
    words = json.loads((data / "entities.json").read_text("utf-8"))
    words["name_particles"].append("zu")
    (data / "entities.json").write_text(json.dumps(words), "utf-8")
    assert ("Trade Minister Anna zu Brandt", "Anna zu Brandt") in persons(make(Lexicon.load(data), text))


def test_a_data_folder_without_the_entity_words_is_named_in_the_error(tmp_path):
    data = shutil.copytree(DEFAULT_DATA, tmp_path / "data")
    (data / "entities.json").write_text('{"name_particles": ["de"]}', "utf-8")
    with pytest.raises(LexiconError, match=r"entities\.json: missing .*surnames_also_words"):
        make(Lexicon.load(data), "Trade Minister Ana Ruiz spoke.")


def test_resolve_reference_needs_the_lexicon(ref_article):
    with pytest.raises(TypeError):
        resolve_reference(ref_article, 3, "the premier")


def test_abbreviated_title_and_accented_surname_alone(lexicon):
    a = make(lexicon, "Spanish PM Sánchez arrived in Beijing on Friday.", "The meeting ended at 3 pm Beijing time.")
    assert persons(a) == [("Spanish PM Sánchez", "Pedro Sanchez")]
    assert a.mentions[0].role == "PM" and a.mentions[0].country == "Spain"


def test_envoy_title_with_a_destination_before_the_name(lexicon):
    a = make(lexicon, "China's ambassador to the EU, Yang Dewei, said Beijing wanted dialogue.")
    [m] = [m for m in a.mentions if m.kind == "person"]
    assert (m.canonical, m.country) == ("Yang Dewei", "China")


def test_a_leader_may_be_a_prime_minister_but_a_minister_is_not(lexicon):
    a = make(lexicon, "Pedro Sánchez met Xi Jinping and Wang Wentao.", "The Spanish leader said trade was vital.")
    assert resolve_reference(a, 1, "The Spanish leader", lexicon=lexicon).canonical == "Pedro Sanchez"
    assert resolve_reference(a, 1, "the minister", lexicon=lexicon).canonical == "Wang Wentao"


def test_an_implied_office_needs_a_word_of_the_role_not_a_piece_of_one(lexicon):
    rules = lexicon.compiled(ReferenceRules)
    banker = Mention("Ines Varga", 0, 10, "Ines Varga", "person", "Head of Banking Supervision", "Hungary")
    chair = Mention("Ines Varga", 0, 10, "Ines Varga", "person", "Chair of the Trade Commission", "Hungary")
    assert not fits(rules, banker, ["leader"])        # "king" inside "banking" makes no leader
    assert fits(rules, chair, ["commissioner"])        # a commission's chair may be "the commissioner"
    assert fits(rules, chair, ["negotiator"])          # trade implies a negotiator


def test_academics_and_analysts_in_an_apposition_are_people_and_their_surname_resolves(lexicon):
    a = make(lexicon, "Zhou Minghui, a professor at Jilin University, said ties were close. "
                      "Zhou told reporters more talks were due.",
                      "Tarek Amin, an economist at a Cairo bank, was cautious.")
    got = persons(a)
    assert [c for _, c in got].count("Zhou Minghui") == 2
    assert "Tarek Amin" in [c for _, c in got]
    assert "Jilin University" not in [c for _, c in got]


# -- people of countries the people list does not hold: found by title and apposition -----
def _person(a: Article, canonical: str):
    return [(m.role, m.country) for m in a.mentions if m.kind == "person" and m.canonical == canonical]


@pytest.mark.parametrize("text,name,country", [
    ("Hungarian Foreign Minister Ana Kovacs met her Chinese counterpart.", "Ana Kovacs", "Hungary"),
    ("Ana Kovacs, Hungary's foreign minister, flew to Beijing.", "Ana Kovacs", "Hungary"),
    ("He met the UAE's Minister of Industry Omar Saleh in Abu Dhabi.", "Omar Saleh", "United Arab Emirates"),
    ("Deputy Prime Minister of Uzbekistan Jamshid Tursunov visited Seoul.", "Jamshid Tursunov", "Uzbekistan"),
    ("New Zealand's Trade Minister Todd Blake held talks in Jakarta.", "Todd Blake", "New Zealand"),
    ("Kazakh Deputy Prime Minister Serik Zhumabek met the Chinese ambassador.", "Serik Zhumabek", "Kazakhstan"),
    ("The Minister of Trade of Ghana Kofi Mensah signed it.", "Kofi Mensah", "Ghana"),
])
def test_a_minister_of_any_country_is_found_with_the_country_of_the_title(lexicon, text, name, country):
    a = make(lexicon, text)
    assert _person(a, name) and _person(a, name)[0][1] == country


def test_a_later_surname_resolves_to_the_titled_newcomer(lexicon):
    a = make(lexicon, "Paraguayan Industry Minister Luisa Benitez met Wang Wentao.", "Benitez said trade would grow.")
    assert [m.canonical for m in a.mentions if m.kind == "person"] == ["Luisa Benitez", "Wang Wentao", "Luisa Benitez"]
    assert a.mentions[-1].country == "Paraguay" and a.mentions[-1].sentence == 1


def test_a_country_after_to_in_a_title_is_not_its_owner(lexicon):
    a = make(lexicon, "Ambassador to Ghana Rhea Collins arrived.")
    assert _person(a, "Rhea Collins") == [("Ambassador to Ghana", "")]


def test_a_forum_is_no_ones_country(lexicon):
    a = make(lexicon, "APEC Chair Lina Moreau opened the meeting.")
    assert _person(a, "Lina Moreau") == [("Chair", "")]
    assert [m.canonical for m in a.mentions if m.kind == "country"] == ["APEC"]


@pytest.mark.parametrize("text", [
    "Chad Bown, a senior fellow at a research institute, said tariffs hurt.",
    "The panel heard Michael Jordan of the export council.",
    "A battery plant in the U.S. state of Georgia was raided.",
    "Officials from the state of Georgia praised the plant.",
])
def test_a_place_name_that_is_a_given_name_or_a_state_is_no_country(lexicon, text):
    a = make(lexicon, text)
    assert [m.canonical for m in a.mentions if m.kind == "country"] in ([], ["United States"])


@pytest.mark.parametrize("text,country", [
    ("Chad and Niger signed a border pact.", "Chad"),
    ("Jordan's foreign minister Ayman Haddad met his Iraqi counterpart.", "Jordan"),
    ("Talks with Georgia and Armenia resumed.", "Georgia"),
    ("Israel Katz met officials. Israel said nothing.", "Israel"),
])
def test_the_same_names_as_countries(lexicon, text, country):
    a = make(lexicon, text)
    assert country in [m.canonical for m in a.mentions if m.kind == "country"]


@pytest.mark.parametrize("text,name,role,country", [
    ("He met the UAE's Minister of Industry and Advanced Technology Omar Saleh on Monday.", "Omar Saleh",
     "Minister of Industry and Advanced Technology", "United Arab Emirates"),
    ("UAE Minister of State for Foreign Trade Khalid Mansour said trade rose.", "Khalid Mansour",
     "Minister of State for Foreign Trade", "United Arab Emirates"),
    ("Hungary's Minister of Foreign Affairs and Trade Ana Kovacs met Wang Yi.", "Ana Kovacs",
     "Minister of Foreign Affairs and Trade", "Hungary"),
    ("Uzbek Deputy Premier Jamshid Tursunov met Li Qiang.", "Jamshid Tursunov", "Deputy Premier", "Uzbekistan"),
    ("Foreign Minister Ana Kovacs of Hungary met Wang Yi.", "Ana Kovacs", "Foreign Minister", "Hungary"),
    ("Bahraini Industry and Commerce Minister Adel Fakhro signed the deal.", "Adel Fakhro",
     "Industry and Commerce Minister", "Bahrain"),
])
def test_long_office_names_end_where_the_name_begins(lexicon, text, name, role, country):
    assert _person(make(lexicon, text), name) == [(role, country)]


def test_and_joins_a_title_only_to_capitalised_office_words(lexicon):
    a = make(lexicon, "The prime minister and Rhea Tamsin spoke.")
    assert [m.canonical for m in a.mentions if m.kind == "person"] == []


@pytest.mark.parametrize("text,country", [
    ("Ana Kovacs, the ambassador to China, spoke.", ""),
    ("Ana Kovacs, Hungary's ambassador to China, spoke.", "Hungary"),
])
def test_an_apposition_is_owned_by_its_possessive_not_by_the_place_after_to(lexicon, text, country):
    assert _person(make(lexicon, text), "Ana Kovacs")[0][1] == country


@pytest.mark.parametrize("text,name", [
    ("French trade envoy Vincent Martin met the delegation.", "Vincent Martin"),
    ("Spanish Economy Minister Carlos Salvador spoke first.", "Carlos Salvador"),
    ("Saudi Arabia's Minister of Industry and Mineral Resources Bandar Khalil held talks.", "Bandar Khalil"),
    ("Portugal's Foreign Minister Rui Costa arrived.", "Rui Costa"),
])
def test_a_word_of_a_place_that_is_also_a_name_stays_in_the_name(lexicon, text, name):
    assert _person(make(lexicon, text), name)


def test_a_given_name_that_is_a_capital_opens_a_titled_name(lexicon):
    a = make(lexicon, "Paraguayan President Santiago Pena met Congolese Mines Minister Louis Watum in Kinshasa.")
    assert _person(a, "Santiago Pena") == [("President", "Paraguay")]
    assert _person(a, "Louis Watum") == [("Mines Minister", "Democratic Republic of the Congo")]
