"""Reported speech by mechanism: where a clause ends, which verb forms report, who a document,
a relative clause, a pronoun or a group stands for. Invented sentences, positive and negative."""
from __future__ import annotations

import pytest

from tests.test_quotes import ENTITIES, make_article, rows

PEOPLE = {
    **ENTITIES,
    "Valeria Rojas": ("Valeria Rojas", "person", ""),
    "Rojas": ("Valeria Rojas", "person", ""),
    "Tomas Benitez": ("Tomas Benitez", "person", ""),
    "Benitez": ("Tomas Benitez", "person", ""),
    "Haruto Sato": ("Haruto Sato", "person", ""),
    "Sato": ("Haruto Sato", "person", ""),
    "Min-jun Kang": ("Min-jun Kang", "person", ""),
    "Kang": ("Min-jun Kang", "person", ""),
    "Lucia Ferrer": ("Lucia Ferrer", "person", ""),
    "Ferrer": ("Lucia Ferrer", "person", ""),
}


def reported(lexicon, *paragraphs, entities=PEOPLE):
    return [(s, t) for s, k, t in rows(make_article(lexicon, *paragraphs, entities=entities)) if k == "reported"]


# --- where the reported clause ends ------------------------------------------------------------

@pytest.mark.parametrize("sentence, clause", [
    # the speaker's next act after ", but" is narration
    ("Park said the levy applied equally to all suppliers, but declined to say whether talks would resume.",
     "the levy applied equally to all suppliers"),
    ("Park said the quotas would stay in place, but refused to give a date for the review.",
     "the quotas would stay in place"),
    # a source named after the clause
    ("Park said the rules would take effect in May, according to a transcript of the hearing.",
     "the rules would take effect in May"),
])
def test_clause_ends_where_the_narrator_takes_over(lexicon, sentence, clause):
    assert reported(lexicon, sentence) == [("Lena Park", clause)]


def test_but_with_a_subject_of_its_own_stays_in_the_clause(lexicon):
    got = reported(lexicon, "Park said the talks had been difficult, but progress was possible before the summer.")
    assert got == [("Lena Park", "the talks had been difficult, but progress was possible before the summer")]


def test_two_that_clauses_under_one_verb_stay_one_row(lexicon):
    got = reported(lexicon, "Park said that the levy was unfair, and that Freedonia would seek compensation.")
    assert got == [("Lena Park", "the levy was unfair, and that Freedonia would seek compensation")]


def test_parenthetical_attribution_joins_both_halves(lexicon):
    got = reported(lexicon, "Lena Park met exporters on Monday.",
                   "Shipments will continue, she said, while the ministry looks for new buyers.")
    assert got == [("Lena Park", "Shipments will continue, while the ministry looks for new buyers")]


def test_parenthetical_attribution_before_a_circumstance_is_not_joined(lexicon):
    got = reported(lexicon, "Shipments of frozen fish will continue, Park said, on a visit to the port.")
    assert got == [("Lena Park", "Shipments of frozen fish will continue")]


# --- verb forms --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, clause", [
    ("Park rejected the ruling, claiming that the panel had ignored the evidence.", "the panel had ignored the evidence"),
    ("Park welcomed the offer, suggesting that a deal could come before June.", "a deal could come before June"),
    ("Park praised the customs service, confirming that the backlog had been cleared.", "the backlog had been cleared"),
])
def test_participles_continue_the_subject(lexicon, sentence, clause):
    assert reported(lexicon, sentence) == [("Lena Park", clause)]


def test_agreed_reports_only_with_a_clause(lexicon):
    got = reported(lexicon, "Sato said the talks had been frank, and Kang agreed.")
    assert got == [("Haruto Sato", "the talks had been frank")]
    got = reported(lexicon, "Sato said the talks had been frank, and Kang agreed that the two sides had made progress.")
    assert got == [("Haruto Sato", "the talks had been frank"), ("Min-jun Kang", "the two sides had made progress")]


def test_agreed_to_act_is_not_speech(lexicon):
    assert reported(lexicon, "Sato agreed to lift the licence requirement for two chemicals next year.") == []


def test_quoted_as_saying_with_a_lower_case_role(lexicon):
    ents = {**PEOPLE, "Bayu Santoso": ("Bayu Santoso", "person", "")}
    got = reported(lexicon, "A local newspaper quoted deputy minister Bayu Santoso as saying that the government "
                            "wanted more of the value chain at home.", entities=ents)
    assert got == [("Bayu Santoso", "the government wanted more of the value chain at home")]


# --- speakers ----------------------------------------------------------------------------------

def test_second_relative_clause_is_about_the_same_person(lexicon):
    got = reported(lexicon, "The paper sought comments from Lucia Ferrer, who runs a cooperative near Talca, "
                            "who said the quota had arrived without warning.")
    assert got == [("Lucia Ferrer", "the quota had arrived without warning")]


def test_courtesy_titles_decide_between_he_and_she(lexicon):
    got = reported(lexicon, "Ms Valeria Rojas and Mr Tomas Benitez clashed on Monday over banana duties.",
                   "He told a radio station that the duties were temporary and applied to every supplier.",
                   "She said Peru would take the case to the regional secretariat within a month.")
    assert got == [("Tomas Benitez", "the duties were temporary and applied to every supplier"),
                   ("Valeria Rojas", "Peru would take the case to the regional secretariat within a month")]


def test_pronouns_seen_with_a_name_decide_between_he_and_she(lexicon):
    got = reported(lexicon, "Tomas Benitez said his government would keep the duties until the autumn.",
                   "Valeria Rojas answered in a radio interview on Tuesday.",
                   "Rojas said her ministry had received complaints from 200 exporters.",
                   "He said the duties were temporary and applied to every supplier.")
    assert got[-1] == ("Tomas Benitez", "the duties were temporary and applied to every supplier")


def test_pronoun_evidence_after_the_pronoun_does_not_count(lexicon):
    got = reported(lexicon, "Valeria Rojas met Tomas Benitez in Lima.",
                   "Rojas said the duties broke the regional trade rules.",
                   "He said the duties were temporary.",
                   "Benitez said his government would keep them.")
    # nothing before "He" tells who he is: the usual antecedent, the last speaker, stands
    assert got[1][0] == "Valeria Rojas"


def test_without_evidence_the_last_speaker_stays_the_antecedent(lexicon):
    got = reported(lexicon, "Valeria Rojas said the duties were unfair to small exporters.",
                   "She said Peru would take the case to the regional secretariat.")
    assert got[-1] == ("Valeria Rojas", "Peru would take the case to the regional secretariat")


def test_document_published_by_an_organisation_speaks_for_it(lexicon):
    got = reported(lexicon, "Nickel prices rose on Tuesday, according to a notice published by the Ministry of Energy "
                            "and Mineral Resources.",
                   "The cap is needed to keep smelters in the country supplied, the notice said.")
    assert got[-1] == ("Ministry of Energy and Mineral Resources", "The cap is needed to keep smelters in the country supplied")


def test_statement_refers_to_the_speaker_of_the_sentence_that_introduced_it(lexicon):
    got = reported(lexicon, "In a statement, the Ministry of Commerce said the controls would protect core technologies.",
                   "Lena Park warned that smaller exporters could lose orders.",
                   "The statement also noted that licence decisions would be made within 30 days.")
    assert got[-1] == ("Ministry of Commerce", "licence decisions would be made within 30 days")


def test_impersonal_passive_inside_a_trailing_attribution(lexicon):
    got = reported(lexicon, "The Ministry of Commerce said the ban would be reviewed after two years.",
                   "It was stressed that licensed sawmills would keep exporting, the ministry said in a later statement.")
    assert got[-1] == ("Ministry of Commerce", "licensed sawmills would keep exporting")


def test_name_with_a_listed_portfolio_after_spokesperson_for(lexicon):
    got = reported(lexicon, "A spokesperson for Freedonia's Ministry of Investment, Trade and Industry said the ban "
                            "on raw timber was consistent with its obligations.")
    assert got == [("Ministry of Investment, Trade and Industry", "the ban on raw timber was consistent with its obligations")]


def test_a_body_named_in_lower_case_after_its_country_is_the_subject(lexicon):
    got = reported(lexicon, "Freedonia's smelter association welcomed the decision, urging the government to apply the "
                            "cap to bauxite as well.")
    assert got == [("Freedonia's Smelter Association", "the government to apply the cap to bauxite as well")]


def test_industry_groups_speak_as_a_group(lexicon):
    got = reported(lexicon, "Industry groups called for a longer transition period, citing licence delays.")
    assert got == [("Industry groups", "a longer transition period")]


# --- more shapes -------------------------------------------------------------------------------

def test_was_quoted_as_saying(lexicon):
    got = reported(lexicon, "Lena Park was quoted by a local paper as saying that the tariffs would be lifted by June.")
    assert got == [("Lena Park", "the tariffs would be lifted by June")]


@pytest.mark.parametrize("sentence, clause", [
    ("The Ministry of Commerce said on Monday it would review the rules. The ministry denied that it had "
     "discriminated against foreign suppliers.", "it had discriminated against foreign suppliers"),
    ("Tom Reyes expressed concern that smaller exporters would lose their contracts.",
     "smaller exporters would lose their contracts"),
])
def test_more_verbs_report_a_that_clause(lexicon, sentence, clause):
    assert clause in [t for _, t in reported(lexicon, sentence)]


def test_passive_denied_is_not_speech(lexicon):
    assert reported(lexicon, "Lena Park was denied entry to the meeting hall in Geneva on Monday.") == []


def test_document_issued_by_two_bodies_speaks_for_the_first(lexicon):
    ents = {**PEOPLE, "General Administration of Customs": ("General Administration of Customs", "org", "")}
    got = reported(lexicon, "Freedonia will restrict exports of antimony from September 15, according to an announcement "
                            "Thursday.",
                   "The announcement, issued by the Ministry of Commerce and the General Administration of Customs, "
                   "noted that certain items may not be exported without permission.", entities=ents)
    assert got == [("Ministry of Commerce", "Freedonia will restrict exports of antimony from September 15"),
                   ("Ministry of Commerce", "certain items may not be exported without permission")]


def test_a_body_in_lower_case_opening_the_sentence_speaks_through_a_participle(lexicon):
    got = reported(lexicon, "The presidential office held to its position despite the pressure, saying the government "
                            "will put national interests first.")
    assert got == [("Presidential Office", "the government will put national interests first")]


def test_coordinated_urging_after_a_reported_clause(lexicon):
    got = reported(lexicon, "Park said she had raised the issue with her counterpart and urged Beijing to reconsider.")
    assert got == [("Lena Park", "she had raised the issue with her counterpart"), ("Lena Park", "Beijing to reconsider")]


def test_quoted_words_inside_a_begun_clause_keep_the_clause(lexicon):
    got = rows(make_article(lexicon, "Park told parliament the government would defend its farmers “with every tool "
                                     "available”, including a complaint at the WTO.", entities=PEOPLE))
    assert ("Lena Park", "reported", "the government would defend its farmers with every tool available, including a "
                                     "complaint at the WTO") in got
    assert ("Lena Park", "direct", "with every tool available") in got


def test_quotation_after_an_audience_opens_the_quote(lexicon):
    got = rows(make_article(lexicon, "Park told reporters in Geneva “we will not accept these duties on our steel”."))
    assert got == [("Lena Park", "direct", "we will not accept these duties on our steel")]


def test_inverted_attribution_before_whose(lexicon):
    ents = {**PEOPLE, "Graham Whitby": ("Graham Whitby", "person", "")}
    got = rows(make_article(lexicon, "“It is like watching a door slam twice,” said Graham Whitby, whose family has "
                                     "grown grapes near the town since 1911.", entities=ents))
    assert got == [("Graham Whitby", "direct", "It is like watching a door slam twice")]


def test_body_named_in_commas_after_its_common_noun(lexicon):
    got = reported(lexicon, "Their association, Eurofer, urged the Commission to tighten its own safeguard, warning "
                            "that imports had reached record levels.")
    assert got == [("Eurofer", "the Commission to tighten its own safeguard"),
                   ("Eurofer", "imports had reached record levels")]


@pytest.mark.parametrize("group", ["Growers", "Farmers", "Exporters"])
def test_unnamed_groups_keep_their_description(lexicon, group):
    got = reported(lexicon, f"{group} say the next two weeks will decide whether the harvest can be sold.")
    assert got == [(group, "the next two weeks will decide whether the harvest can be sold")]


def test_country_opening_the_sentence_speaks_through_a_coordinated_verb(lexicon):
    got = reported(lexicon, "Freedonia, which brought the case, welcomed the ruling and called on Japan to withdraw the "
                            "duties without delay.")
    assert got == [("Freedonia", "Japan to withdraw the duties without delay")]


def test_asking_not_to_be_named_is_not_a_report(lexicon):
    got = reported(lexicon, "A senior trade official, who asked not to be named, told reporters that Freedonia was "
                            "likely to appeal.")
    assert got == [("senior trade official", "Freedonia was likely to appeal")]


def test_an_agreed_meeting_is_what_was_agreed(lexicon):
    got = reported(lexicon, "Park agreed that officials would meet again in April to review the agreement.")
    assert [t for _, t in got] == ["officials would meet again in April to review the agreement"]
    # told as news, a meeting is not a quote
    assert reported(lexicon, "Park said the two ministers would meet again in April.") == []


def test_the_speakers_next_act_after_and_ends_the_clause(lexicon):
    got = reported(lexicon, "Park noted that two-way trade had grown by 11 per cent and welcomed new investment in "
                            "clean energy.")
    assert got == [("Lena Park", "two-way trade had grown by 11 per cent")]


def test_a_place_after_an_unnamed_group_is_not_the_speaker(lexicon):
    got = reported(lexicon, "Rice traders in Beijing said prices were likely to fall once shipments resumed.")
    assert got == [("Rice traders in Beijing", "prices were likely to fall once shipments resumed")]


def test_the_body_refers_to_its_full_name_written_before(lexicon):
    got = reported(lexicon, "The Joint Committee on Trade and Investment met in Wellington on Tuesday.",
                   "The committee agreed that senior officials would report on food security at the next meeting.")
    assert got == [("Joint Committee on Trade and Investment",
                    "senior officials would report on food security at the next meeting")]


def test_purpose_infinitive_of_a_speech_verb(lexicon):
    got = reported(lexicon, "Lena Park telephoned the Japanese ambassador on Monday to warn him that Freedonia would "
                            "retaliate against the duties.")
    assert got == [("Lena Park", "Freedonia would retaliate against the duties")]


@pytest.mark.parametrize("sentence", [
    "Lena Park is expected to announce that Freedonia will retaliate against the duties.",
    "Lena Park plans to say that Freedonia will retaliate against the duties.",
])
def test_a_plan_or_expectation_to_speak_is_not_a_report(lexicon, sentence):
    assert reported(lexicon, sentence) == []
