"""Officials of countries the lexicon does not list: found by their office, honorific or
apposition, with the country the text gives them. Every name here is invented."""
from pipeline.article import Article
from pipeline.entities.coreference import resolve_reference
from pipeline.entities.honorifics import plain_case
from pipeline.entities.mentions import extract_entities
from pipeline.text.sentences import sentence_spans


def make(lexicon, *paragraphs: str) -> Article:
    a = Article(origin="t.txt", raw_text="\n".join(paragraphs))
    a.paragraphs = list(paragraphs)
    a.sentences = sentence_spans(a.text)
    return extract_entities(a, lexicon)


def people(a: Article) -> dict[str, tuple[str, str]]:
    """canonical -> (role, country) of its first mention."""
    out: dict[str, tuple[str, str]] = {}
    for m in a.mentions:
        if m.kind == "person":
            out.setdefault(m.canonical, (m.role, m.country))
    return out


def test_honorifics_are_no_part_of_the_name_and_the_office_before_them_holds(lexicon):
    a = make(lexicon, "Tarvos's Minister of Commerce and Industry, H.E. Sheikh Nasir bin Hamad Al Qubaisi, "
                      "met Uzbek officials. \"We are ready,\" Sheikh Nasir said.")
    found = people(a)
    assert "Nasir bin Hamad Al Qubaisi" in found
    later = [m for m in a.mentions if m.kind == "person" and m.text == "Sheikh Nasir"]
    assert later and later[0].canonical == "Nasir bin Hamad Al Qubaisi"


def test_malay_honorifics_after_an_office_list(lexicon):
    a = make(lexicon, "Minister of Investment, Trade and Industry Dato' Sri Rosli bin Kamarudin said Malaysia "
                      "would sign. Rosli spoke in Putrajaya.")
    found = people(a)
    assert found["Rosli bin Kamarudin"][0] == "Minister of Investment, Trade and Industry"
    assert [m.canonical for m in a.mentions if m.kind == "person" and m.text == "Rosli"] == ["Rosli bin Kamarudin"]


def test_an_apposition_with_an_office_list_gives_role_and_country(lexicon):
    a = make(lexicon, "The delegation was led by Dr. Chidinma Eze Nwosu, Minister of Industry, Trade and "
                      "Investment of the Federal Republic of Nigeria.")
    role, country = people(a)["Chidinma Eze Nwosu"]
    assert country == "Nigeria" and role.startswith("Minister of Industry, Trade and Investment")


def test_an_honorific_after_a_clause_takes_no_office_from_it(lexicon):
    a = make(lexicon, "Cabinet Secretary for Trade Otieno Wafula held talks with Dr. Ngozi Ibe on tariffs.")
    found = people(a)
    assert found["Ngozi Ibe"][0] == "" and found["Otieno Wafula"][0] == "Cabinet Secretary for Trade"


def test_who_heads_gives_the_country_to_every_mention(lexicon):
    a = make(lexicon, "Cabinet Secretary for Trade Otieno Wafula opened the fair.",
             "Wafula, who heads Kenya's trade ministry, said exports rose.")
    assert {m.country for m in a.mentions if m.canonical == "Otieno Wafula"} == {"Kenya"}


def test_joined_offices_are_one_role(lexicon):
    a = make(lexicon, "Deputy Prime Minister and Minister of Trade and Integration Arman Tulegenov spoke.")
    assert people(a)["Arman Tulegenov"][0] == "Deputy Prime Minister and Minister of Trade and Integration"


def test_a_single_name_after_an_office(lexicon):
    a = make(lexicon, "Indonesian Trade Minister Hartanto met reporters. Hartanto said talks went well.")
    assert people(a) == {"Hartanto": ("Trade Minister", "Indonesia")}
    # an honorific alone is not enough: the full name may come later
    b = make(lexicon, "I will ask my colleague, Mr. Qiao, to answer.")
    assert "Qiao" not in people(b)


def test_particles_and_hyphenated_particles(lexicon):
    a = make(lexicon, "Philippine Trade Secretary Ana Lourdes dela Paz met Saudi Minister of Commerce "
                      "Faisal al-Dosari in Manila.")
    found = people(a)
    assert found["Ana Lourdes dela Paz"][1] == "Philippines"
    assert found["Faisal al-Dosari"][1] == "Saudi Arabia"


def test_long_arab_names_after_an_office_of_several_words(lexicon):
    a = make(lexicon, "UAE Minister of State for Foreign Trade Hamdan bin Saif Al Ketbi spoke in Dubai.")
    assert people(a)["Hamdan bin Saif Al Ketbi"][1] == "United Arab Emirates"


def test_an_organisation_named_after_a_title_is_no_person(lexicon):
    a = make(lexicon, "Rosa Ibarra Soto, chief executive of shipping firm Marlin Lines, spoke in Lima.")
    found = people(a)
    assert "Marlin Lines" not in found and "Rosa Ibarra Soto" in found


def test_names_in_capitals_are_written_as_names(lexicon):
    assert plain_case("Elif Nur YILDIRIM") == "Elif Nur Yildirim"
    assert plain_case("Jean-Paul DUBOIS-RIVE") == "Jean-Paul Dubois-Rive"
    a = make(lexicon, "Minister of Trade Elif Nur YILDIRIM received the delegation.")
    assert "Elif Nur Yildirim" in people(a)


def test_secretary_of_economy_is_an_office(lexicon):
    a = make(lexicon, "Mexico's Secretary of Economy Rodrigo Salas Ibarra arrived on Monday.")
    assert people(a)["Rodrigo Salas Ibarra"] == ("Secretary of Economy", "Mexico")


def test_a_demonym_reference_prefers_the_person_of_that_country(lexicon):
    a = make(lexicon, "Deputy Prime Minister of Uzbekistan Sardor Umarov met Trade Minister Lena Brandt.",
             "Brandt spoke first.", "The Uzbek minister said the plant would open.")
    m = resolve_reference(a, 2, "the Uzbek minister", lexicon=lexicon)
    assert m is not None and m.canonical == "Sardor Umarov"


def test_a_double_surname_with_particles_and_its_first_surname_alone(lexicon):
    a = make(lexicon, "Rosa Elena Quiroga de la Vega, who heads Bolivia's trade ministry, arrived.",
             "Ms Quiroga told reporters the talks went well.")
    found = people(a)
    assert found["Rosa Elena Quiroga de la Vega"][1] == "Bolivia"
    later = [m for m in a.mentions if m.kind == "person" and m.sentence == 1]
    assert [m.canonical for m in later] == ["Rosa Elena Quiroga de la Vega"]


def test_offices_places_and_nameless_titles_are_no_people(lexicon):
    a = make(lexicon, "The Trade Minister's Office in Doha said the Ministry of Economy would reply.",
             "The Minister in Riyadh met Gulf Business Council members.",
             "The trade minister said Exporters Association members would attend.")
    assert people(a) == {}


def test_an_executive_takes_no_country_from_a_visit(lexicon):
    a = make(lexicon, "Lars van Dijk, chief executive of shipping firm Nordhaven Lines, who is visiting Kenya, "
                      "said sailings would rise.")
    assert people(a) == {"Lars van Dijk": ("chief executive of shipping firm Nordhaven Lines", "")}


def test_words_of_place_names_that_are_given_names(lexicon):
    a = make(lexicon, "Vietnam's Deputy Prime Minister Tran Hong Ha met Viet Nam Trade Minister Le Van Nam.",
             "He flew to Hong Kong on Monday.")
    assert set(people(a)) == {"Tran Hong Ha", "Le Van Nam"}
    assert "Hong Kong" in [m.canonical for m in a.mentions if m.kind == "country"]


def test_a_title_word_closing_a_titled_name_is_its_surname(lexicon):
    a = make(lexicon, "Ruritanian Trade Minister Alma King met Osterlich officials on Monday. "
                      "Ms King said the talks had gone well.")
    assert "Alma King" in people(a)
    later = [m for m in a.mentions if m.kind == "person" and m.text.endswith("King") and m.start > 40]
    assert later and later[0].canonical == "Alma King"


def test_a_title_word_after_an_honorific_is_a_surname(lexicon):
    a = make(lexicon, "Energy Minister Tobias Chancellor arrived in Vienna. Mr Chancellor then met the press.")
    assert [m.canonical for m in a.mentions if m.kind == "person"] == ["Tobias Chancellor", "Tobias Chancellor"]


def test_a_title_that_introduces_a_name_stays_a_title(lexicon):
    a = make(lexicon, "Trade Minister Alma Varga met King Tomas Lindqvist of Norland in Oslo.")
    found = people(a)
    assert "Alma Varga" in found and "Tomas Lindqvist" in found and "Alma Varga King" not in found
    b = make(lexicon, "The King met Trade Minister Alma Varga in Oslo.")
    assert list(people(b)) == ["Alma Varga"]


def test_an_office_of_any_domain_ends_before_the_name(lexicon):
    a = make(lexicon, "Ruritania's Secretary for Environment and Ecology Tam Wai-ling met officials from Norland. "
                      "Minister of Justice and Social Welfare Amara Diallo spoke in Dakar.")
    found = people(a)
    assert "Tam Wai-ling" in found and "Amara Diallo" in found
    assert not [p for p in found if p.startswith(("Ecology", "Welfare", "Social"))]


def test_a_diplomat_named_after_the_city_of_the_post(lexicon):
    a = make(lexicon, "Governor Akiko Tanabe met Ruritania's Consul General in Sapporo, Lin Hao, on Wednesday. "
                      "The High Commissioner in Accra, Mara Quist, joined later.")
    found = people(a)
    assert found["Lin Hao"][0].startswith("Consul General") and found["Mara Quist"][0].startswith("High Commissioner")


def test_a_city_then_a_day_is_no_post(lexicon):
    a = make(lexicon, "He met the President in Beijing on Tuesday, Lin Hao said.")
    assert "Lin Hao" not in people(a) or not people(a)["Lin Hao"][0].startswith("President")
