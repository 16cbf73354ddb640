"""The country gazetteer (data/countries.csv): complete, unambiguous, and resolved in text."""
from collections import defaultdict

import pytest

from pipeline.lexicon.files import split_list
from pipeline.lexicon.phrases import normalise

# every member state of the United Nations, by the canonical name the gazetteer exports
UN_MEMBERS = """Afghanistan;Albania;Algeria;Andorra;Angola;Antigua and Barbuda;Argentina;Armenia;Australia;
Austria;Azerbaijan;Bahamas;Bahrain;Bangladesh;Barbados;Belarus;Belgium;Belize;Benin;Bhutan;Bolivia;
Bosnia and Herzegovina;Botswana;Brazil;Brunei;Bulgaria;Burkina Faso;Burundi;Cape Verde;Cambodia;Cameroon;
Canada;Central African Republic;Chad;Chile;China;Colombia;Comoros;Republic of the Congo;Costa Rica;
Ivory Coast;Croatia;Cuba;Cyprus;Czech Republic;North Korea;Democratic Republic of the Congo;Denmark;
Djibouti;Dominica;Dominican Republic;Ecuador;Egypt;El Salvador;Equatorial Guinea;Eritrea;Estonia;Eswatini;
Ethiopia;Fiji;Finland;France;Gabon;Gambia;Georgia;Germany;Ghana;Greece;Grenada;Guatemala;Guinea;
Guinea-Bissau;Guyana;Haiti;Honduras;Hungary;Iceland;India;Indonesia;Iran;Iraq;Ireland;Israel;Italy;
Jamaica;Japan;Jordan;Kazakhstan;Kenya;Kiribati;Kuwait;Kyrgyzstan;Laos;Latvia;Lebanon;Lesotho;Liberia;
Libya;Liechtenstein;Lithuania;Luxembourg;Madagascar;Malawi;Malaysia;Maldives;Mali;Malta;Marshall Islands;
Mauritania;Mauritius;Mexico;Micronesia;Moldova;Monaco;Mongolia;Montenegro;Morocco;Mozambique;Myanmar;
Namibia;Nauru;Nepal;Netherlands;New Zealand;Nicaragua;Niger;Nigeria;North Macedonia;Norway;Oman;Pakistan;
Palau;Panama;Papua New Guinea;Paraguay;Peru;Philippines;Poland;Portugal;Qatar;South Korea;Romania;Russia;
Rwanda;Saint Kitts and Nevis;Saint Lucia;Saint Vincent and the Grenadines;Samoa;San Marino;
Sao Tome and Principe;Saudi Arabia;Senegal;Serbia;Seychelles;Sierra Leone;Singapore;Slovakia;Slovenia;
Solomon Islands;Somalia;South Africa;South Sudan;Spain;Sri Lanka;Sudan;Suriname;Sweden;Switzerland;Syria;
Tajikistan;Thailand;East Timor;Togo;Tonga;Trinidad and Tobago;Tunisia;Turkey;Turkmenistan;Tuvalu;Uganda;
Ukraine;United Arab Emirates;United Kingdom;Tanzania;United States;Uruguay;Uzbekistan;Vanuatu;Venezuela;
Vietnam;Yemen;Zambia;Zimbabwe"""


def test_every_un_member_state_is_a_country(lexicon):
    members = [n.strip() for n in UN_MEMBERS.split(";")]
    assert len(members) == len(set(members)) == 193
    missing = [n for n in members if lexicon.country_kinds.get(n) != "country"]
    assert missing == []


@pytest.mark.parametrize("name", ["Taiwan", "Hong Kong", "Macau", "Palestine", "Kosovo"])
def test_places_outside_the_un_that_trade_news_names(lexicon, name):
    assert lexicon.country_kinds[name] in ("country", "territory")


@pytest.mark.parametrize("name", ["European Union", "ASEAN", "APEC", "G7", "G20", "BRICS", "SCO", "GCC",
                                  "African Union", "Mercosur", "CPTPP", "RCEP", "Quad", "NATO"])
def test_blocs_and_groups(lexicon, name):
    assert lexicon.country_kinds[name] in ("bloc", "group")


def test_member_of_names_a_bloc_or_group_of_the_gazetteer(lexicon):
    kinds = lexicon.country_kinds
    for name, row in lexicon.countries.items():
        for group in split_list(row.get("member_of")):
            assert kinds.get(group) in ("bloc", "group"), (name, group)


def test_no_alias_names_two_places(lexicon):
    owners = defaultdict(set)
    for name, row in lexicon.countries.items():
        for col in ("aliases", "demonyms", "capitals"):
            for alias in split_list(row.get(col)) + [name]:
                owners[normalise(alias)].add(name)
    shared = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert shared == {}


def _places(lexicon, text):
    hits = lexicon.scan(text).hits
    return [(text[s:e], next(en.key for en in entries if en.kind == "country"))
            for s, e, entries in hits if any(en.kind == "country" for en in entries)]


@pytest.mark.parametrize("text,expected", [
    ("Talks with the UAE resumed.", [("UAE", "United Arab Emirates")]),
    ("Exporters in the Emirates waited.", [("the Emirates", "United Arab Emirates")]),
    ("A KSA delegation arrived.", [("KSA", "Saudi Arabia")]),
    ("The DPRK and the ROK both replied.", [("DPRK", "North Korea"), ("ROK", "South Korea")]),
    ("Officials in Holland and Czechia agreed.", [("Holland", "Netherlands"), ("Czechia", "Czech Republic")]),
    ("Türkiye and Turkey are one country.", [("Türkiye", "Turkey"), ("Turkey", "Turkey")]),
    ("An Uzbek delegation flew to Tashkent.", [("Uzbek", "Uzbekistan"), ("Tashkent", "Uzbekistan")]),
    ("Kiwi exporters met in Wellington and Papua New Guinea.",
     [("Wellington", "New Zealand"), ("Papua New Guinea", "Papua New Guinea")]),
    ("Guinea-Bissau and Equatorial Guinea are not Guinea.",
     [("Guinea-Bissau", "Guinea-Bissau"), ("Equatorial Guinea", "Equatorial Guinea"), ("Guinea", "Guinea")]),
    ("Cobalt from Congo and Niger's uranium.", [("Congo", "Democratic Republic of the Congo"), ("Niger", "Niger")]),
    ("Nigerian and Nigerien officials.", [("Nigerian", "Nigeria"), ("Nigerien", "Niger")]),
    ("South Sudanese oil crosses Sudan.", [("South Sudanese", "South Sudan"), ("Sudan", "Sudan")]),
])
def test_short_forms_demonyms_and_capitals_resolve(lexicon, text, expected):
    assert _places(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "The turkey farm raised prices.",          # the bird, in lower case
    "A guinea pig study was cited.",
    "They chose to chad the ballots.",
])
def test_common_words_in_lower_case_are_no_country(lexicon, text):
    assert _places(lexicon, text) == []


def test_a_newspaper_named_after_its_country_is_an_organisation(lexicon):
    hits = lexicon.scan("China Daily and the OECD reported it.").hits
    kinds = [(s, e, [en.kind for en in entries][0]) for s, e, entries in hits]
    assert kinds == [(0, 11, "org"), (20, 24, "org")]


def test_ministers_of_countries_the_people_list_lacks_meet(lexicon):
    from pipeline.article import Article
    from pipeline.process import process_article
    text = ("Deputy Prime Minister of Uzbekistan Jamshid Tursunov held talks with the UAE's Minister of "
            "Industry Omar Saleh in Abu Dhabi on Monday.\n"
            "Tursunov said both countries would expand trade in critical minerals.")
    a = process_article(Article(origin="x.txt", raw_text=text), lexicon)
    assert [(m.participants, m.countries) for m in a.meetings] == [
        (["Jamshid Tursunov", "Omar Saleh"], ["Uzbekistan", "United Arab Emirates"])]
    assert [q.speaker for q in a.quotes] == ["Jamshid Tursunov"]
