"""Quote shapes that had no invented case of their own: the narrator's gloss after a clause
(", calling the move ...", ", describing them as ..."), a participle after a parenthetical
attribution, several clauses under one verb, more verb forms, paragraphs cut off or led by a
bullet, "with both officials saying", and read-out wordings.

Invented sentences; the people come from tests.test_quotes.ENTITIES.
"""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.article import Article, Meeting
from pipeline.process import process_article
from pipeline.quotes.extract import extract_quotes
from tests.test_quotes import ENTITIES, make_article, prepared_article, rows


def reported(lexicon, *paragraphs) -> list[tuple[str, str]]:
    return [(s, t) for s, k, t in rows(make_article(lexicon, *paragraphs)) if k == "reported"]


def quotes_of(lexicon, text: str) -> list[tuple[str, str, str]]:
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw="2025-11-05")
    return [(q.speaker, q.kind, q.text) for q in process_article(article, lexicon).quotes]


# --- 12: where the reported clause ends -----------------------------------------------------------

@pytest.mark.parametrize("tail", [", calling the move a blow to trade", ", describing them as a blow to trade",
                                  ", calling it a blow to trade"])
def test_the_narrators_gloss_after_the_clause_is_not_said(lexicon, tail):
    assert reported(lexicon, f"Park said the duties would hurt farmers{tail}.") == [
        ("Lena Park", "the duties would hurt farmers")]


def test_calling_inside_the_clause_does_not_cut_it(lexicon):
    assert reported(lexicon, "Park said the ministry was calling its envoy home for talks on the steel quota.") == [
        ("Lena Park", "the ministry was calling its envoy home for talks on the steel quota")]


def test_calling_for_after_the_clause_is_a_second_row(lexicon):
    assert reported(lexicon, "Park said the duties would hurt farmers, calling for talks with Japan on the steel quota.") == [
        ("Lena Park", "the duties would hurt farmers"), ("Lena Park", "talks with Japan on the steel quota")]


def test_noting_that_after_two_that_clauses_is_a_row_of_its_own(lexicon):
    got = reported(lexicon, "Park said that the duties would hurt farmers, and that exports would fall, noting that "
                            "prices had already risen.")
    assert got == [("Lena Park", "the duties would hurt farmers, and that exports would fall"),
                   ("Lena Park", "prices had already risen")]


# --- 13: speech verbs in more forms ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, clause", [
    ("Park requested that the panel review the duties before June.", "the panel review the duties before June"),
    ("Park asserts that the panel had ignored the evidence.", "the panel had ignored the evidence"),
    ("Park stated that the duties would hurt farmers in the north.", "the duties would hurt farmers in the north"),
    ("Park expressed that Korean firms are worried about the rules of origin.",
     "Korean firms are worried about the rules of origin"),
    ("Park shared that exports of steel had doubled since 2024.", "exports of steel had doubled since 2024"),
])
def test_more_verb_forms_report_a_clause(lexicon, sentence, clause):
    assert reported(lexicon, sentence) == [("Lena Park", clause)]


@pytest.mark.parametrize("sentence", ["Park expressed her support for the plan on steel.",
                                      "Park shared the data on steel exports with reporters."])
def test_expressing_or_sharing_a_thing_reports_nothing(lexicon, sentence):
    assert reported(lexicon, sentence) == []


def test_accusing_someone_of_something_is_reported(lexicon):
    got = reported(lexicon, "Park accused Japan of breaking the trade rules on steel.")
    assert got and got[0][0] == "Lena Park" and "breaking the trade rules on steel" in got[0][1]


@pytest.mark.parametrize("sentence, speaker, charge", [
    ("Reyes on Tuesday accused the Freedonian customs service of holding up rice shipments for weeks.",
     "Tom Reyes", "holding up rice shipments for weeks"),
    ("The duties are unfair, Park said, accusing Japan of dumping cheap steel on the market.",
     "Lena Park", "dumping cheap steel on the market"),
    ("Reyes has repeatedly accused Freedonia of a campaign of quiet protectionism, as talks stalled.",
     "Tom Reyes", "a campaign of quiet protectionism"),
    ("The Ministry of Commerce accuses Japan of subsidising its shipyards in breach of the rules.",
     "Ministry of Commerce", "subsidising its shipyards in breach of the rules"),
    ("Park accused rice importers in the north of hoarding stocks before the harvest.",
     "Lena Park", "hoarding stocks before the harvest"),
])
def test_the_charge_after_accusing_someone_of_is_reported(lexicon, sentence, speaker, charge):
    got = reported(lexicon, sentence)
    assert (speaker, charge) in got


@pytest.mark.parametrize("sentence", [
    "Park was accused of breaking the trade rules on steel.",
    "Japan was accused by Park of breaking the trade rules on steel.",
    "Reyes, accused of leaking the draft text to reporters, resigned on Monday.",
    "Park rejected the accusations of dumping made by Japan last week.",
    "Park accused Japan on Monday.",
    "Park accused Japan and most of its neighbours agreed with her.",
    "The accused exporters of Freedonia paid the duties in full last year.",
])
def test_an_accusation_told_as_news_is_not_speech(lexicon, sentence):
    assert reported(lexicon, sentence) == []


# --- 17: other shapes -----------------------------------------------------------------------------

@pytest.mark.parametrize("tail, second", [
    (", calling on Japan to lift the steel quota", "Japan to lift the steel quota"),
    (", urging Japan to lift the steel quota", "Japan to lift the steel quota"),
    (", calling the quota a mistake", None),
])
def test_a_participle_after_a_parenthetical_attribution_keeps_the_content(lexicon, tail, second):
    got = reported(lexicon, f"The duties would hurt farmers, Park said{tail}.")
    assert got == [("Lena Park", "The duties would hurt farmers")] + ([("Lena Park", second)] if second else [])


@pytest.mark.parametrize("audience", ["told reporters", "told reporters after the talks", "told the Diet",
                                      "said after the talks"])
def test_a_participle_after_an_audience_is_its_own_clause_and_the_quote_before_stays(lexicon, audience):
    got = rows(make_article(lexicon, f'"The steel quota has to go, and we will keep saying so," Park {audience}, '
                                     "adding that Korean mills had lost orders."))
    assert got == [("Lena Park", "direct", "The steel quota has to go, and we will keep saying so"),
                   ("Lena Park", "reported", "Korean mills had lost orders")]


def test_an_audience_then_a_participle_with_no_quote_before_is_the_participles_clause(lexicon):
    got = reported(lexicon, "Lena Park told reporters after the talks, noting that Korean mills had lost orders.")
    assert got == [("Lena Park", "Korean mills had lost orders")]


@pytest.mark.parametrize("audience", ["Korean broadcaster KBS", "the Japanese daily Nikkan", "Chinese officials",
                                      "Swedish lawmakers on Monday", "the press"])
def test_an_audience_described_by_its_country_is_no_part_of_the_clause(lexicon, audience):
    got = quotes_of(lexicon, f"Trade Minister Lena Park told {audience} the quota would go.")
    assert got == [("Lena Park", "reported", "the quota would go")]


def test_a_quote_told_to_an_outlet_described_by_its_country_keeps_its_speaker(lexicon):
    got = quotes_of(lexicon, "Trade Minister Lena Park met exporters on Monday. "
                             '"The steel quota has to go, and soon," Park told Korean broadcaster KBS after the talks.')
    assert got == [("Lena Park", "direct", "The steel quota has to go, and soon")]


@pytest.mark.parametrize("source", ["a Korean official familiar with the talks", "two people briefed on the talks",
                                    "Trade Minister Tomas Lind"])
def test_a_report_relayed_according_to_a_source_is_the_reported_speakers(lexicon, source):
    got = quotes_of(lexicon, f"Trade Minister Lena Park said that the quota would go, according to {source}.")
    assert got == [("Lena Park", "reported", "the quota would go")]


@pytest.mark.parametrize("body, speaker", [
    ("The Tea Board of Kenya", "Tea Board of Kenya"),
    ("The Central Bank of Kenya", "Central Bank of Kenya"),
    ("The Chamber of Mines and Energy of Chile", "Chamber of Mines and Energy of Chile"),
    ("The Rice Institute of Vietnam", "Rice Institute of Vietnam"),
])
def test_a_body_whose_name_ends_in_its_country_speaks_not_the_country(lexicon, body, speaker):
    got = quotes_of(lexicon, f"{body} warned that levies were eroding the margins of growers.")
    assert got == [(speaker, "reported", "levies were eroding the margins of growers")]


@pytest.mark.parametrize("subject, speaker", [("The government of Kenya", "Kenya"), ("Kenya", "Kenya")])
def test_a_country_or_its_government_still_speaks_as_the_country(lexicon, subject, speaker):
    got = quotes_of(lexicon, f"{subject} warned that levies were eroding the margins of growers.")
    assert [(s, t) for s, _, t in got] == [(speaker, "levies were eroding the margins of growers")]


def test_told_that_then_a_participle_is_two_clauses(lexicon):
    got = reported(lexicon, "Park told reporters that the quota would go, adding that Korean mills had lost orders.")
    assert got == [("Lena Park", "the quota would go"), ("Lena Park", "Korean mills had lost orders")]


def test_with_both_officials_saying(lexicon):
    got = reported(lexicon, "Park and Reyes met in Geneva on Monday, with both officials saying the talks had been useful.")
    assert got == [("Lena Park; Tom Reyes", "the talks had been useful")]


@pytest.mark.parametrize("sentence, speaker, clause", [
    ("Park sat down with Reyes for two hours in Quito, the two ministers later telling reporters that the quota "
     "would be reviewed.", "Lena Park; Tom Reyes", "the quota would be reviewed"),
    ("After Park's call with Reyes on Friday, both leaders said the dispute over rice was close to a settlement.",
     "Lena Park; Tom Reyes", "the dispute over rice was close to a settlement"),
    ("Freedonia and Japan signed the fisheries pact in Lima, with both governments saying it would lift catches.",
     "Freedonia; Japan", "it would lift catches"),
])
def test_a_pair_named_in_the_sentence_speaks_as_both(lexicon, sentence, speaker, clause):
    assert (speaker, clause) in reported(lexicon, sentence)


def test_with_officials_saying_and_nobody_to_name_is_no_row(lexicon):
    assert reported(lexicon, "Prices fell on Monday, with officials saying little.") == []


@pytest.mark.parametrize("sentence", [
    # three people named for "both": the sentence does not say which two
    "Park met Reyes and Trade Envoy Zhou Ming in Geneva, with both officials saying the talks had been useful.",
    # one person named: "both" is nobody the sentence names
    "Park visited the port in Lima on Monday, with both officials saying the talks had been useful.",
    # people named for "both countries": the countries are not named
    "Park and Reyes met in Geneva on Monday, with both countries saying the talks had been useful.",
])
def test_both_with_the_wrong_number_named_has_no_speaker(lexicon, sentence):
    entities = {**ENTITIES, "Trade Envoy Zhou Ming": ("Zhou Ming", "person", "Trade Envoy")}
    got = [(s, t) for s, k, t in rows(make_article(lexicon, sentence, entities=entities)) if k == "reported"]
    assert got == []


# --- 21: paragraphs the quote step must not skip ----------------------------------------------------

def test_a_paragraph_cut_off_after_its_clause_still_reports(lexicon):
    assert reported(lexicon, "Park met exporters on Monday.",
                    "Park said the duties would hurt farmers in the north, and") == [
        ("Lena Park", "the duties would hurt farmers in the north")]


def test_a_title_line_without_a_full_stop_is_still_skipped(lexicon):
    assert reported(lexicon, "Park says duties will hurt farmers in the north") == []


def test_a_bullet_led_story_paragraph_reports_after_cleaning(lexicon):
    got = quotes_of(lexicon, "Wang Wentao met Howard Lutnick in Geneva on Monday.\n"
                             "• Lutnick said the duties would hurt farmers in the north.\n"
                             "The talks lasted two hours.")
    assert got == [("Howard Lutnick", "reported", "the duties would hurt farmers in the north")]


@pytest.mark.parametrize("marker", ["[1]", "[12]", "²", "*", "[a]"])
def test_a_paragraph_ending_in_a_note_marker_still_reports_without_the_marker(lexicon, marker):
    assert reported(lexicon, f"Park said the duties would hurt farmers in the north.{marker}") == [
        ("Lena Park", "the duties would hurt farmers in the north")]


def test_a_title_line_ending_in_a_note_marker_is_still_skipped(lexicon):
    assert reported(lexicon, "Park says duties will hurt farmers in the north[1]") == []


# --- 24: read-outs --------------------------------------------------------------------------------

def _after_a_meeting(lexicon, sentence: str):
    first = "Lena Park held talks with Tom Reyes in Geneva on Monday."
    a = prepared_article(first, sentence, published=date(2025, 3, 14))
    a.meetings = [Meeting(participants=["Lena Park", "Tom Reyes"], countries=["Freedonia", "Japan"], evidence=[first])]
    return rows(extract_quotes(a, lexicon))


@pytest.mark.parametrize("sentence", [
    "Both sides agreed that the quotas on steel should be reviewed within a month.",
    "The two sides stated that the quotas on steel should be reviewed within a month.",
])
def test_read_out_wordings_of_both_sides_are_reported(lexicon, sentence):
    assert _after_a_meeting(lexicon, sentence) == [
        ("Lena Park; Tom Reyes", "reported", "the quotas on steel should be reviewed within a month")]


def test_both_sides_agreeing_to_act_is_not_speech(lexicon):
    assert _after_a_meeting(lexicon, "Both sides agreed to cut the quotas on steel within a month.") == []
