"""Direct quotes in shapes of writing the other tests do not show: a quotation closed with its comma
and then credited with "according to", and quotations in guillemets («…», with or without the
French spaces inside).

Invented sentences; the people come from tests.test_quotes.ENTITIES.
"""
from __future__ import annotations

import pytest

from tests.test_quotes import make_article, rows


@pytest.mark.parametrize("sentence, quoted", [
    ("“The quota is a red line for us and everybody at the table knows it,” according to Park.",
     "The quota is a red line for us and everybody at the table knows it"),
    ('"We expect the first cargoes to leave before the rains," according to Tom Reyes.',
     "We expect the first cargoes to leave before the rains"),
    ("‘Nothing has been signed and nothing will be signed this week,’ according to Park, who left early.",
     "Nothing has been signed and nothing will be signed this week"),
])
def test_a_quotation_credited_after_its_comma_with_according_to(lexicon, sentence, quoted):
    got = rows(make_article(lexicon, sentence))
    assert [(k, t) for _, k, t in got] == [("direct", quoted)]
    assert got[0][0] in ("Lena Park", "Tom Reyes")


@pytest.mark.parametrize("sentence", [
    # a quoted title of a report is no quotation of the source it is credited to
    "Exports fell by a third, according to “Grain Markets in a Changing Climate”, a report by Park.",
    # one or two quoted words are scare quotes
    "The talks were “constructive”, according to Park.",
    # nobody named after "according to"
    "“The quota is a red line for us and everybody at the table knows it,” according to the draft.",
])
def test_according_to_credits_no_title_scare_quote_or_nameless_source(lexicon, sentence):
    assert [k for _, k, _ in rows(make_article(lexicon, sentence)) if k == "direct"] == []


@pytest.mark.parametrize("sentence, quoted", [
    ("Park said: «We will not sign a deal that leaves our farmers behind.»",
     "We will not sign a deal that leaves our farmers behind."),
    ("« Nobody should expect a breakthrough this week », Park said.", "Nobody should expect a breakthrough this week"),
    ("«The door remains open,» Reyes said, «but it will not stay open forever.»",
     "The door remains open but it will not stay open forever."),
])
def test_guillemets_mark_a_quotation(lexicon, sentence, quoted):
    got = rows(make_article(lexicon, sentence))
    assert ("direct", quoted) in [(k, t) for _, k, t in got]


@pytest.mark.parametrize("sentence", [
    "Park called the plan «unfair».",
    "The ministry published the «Blue Harbour» rules on Monday.",
    "Prices rose by a third in the «spot» market.",
])
def test_guillemets_around_a_word_or_two_are_no_quotation(lexicon, sentence):
    assert [k for _, k, _ in rows(make_article(lexicon, sentence)) if k == "direct"] == []


# --- a paragraph that ends "X said:" introduces the quotation opening the next one -----------------

@pytest.mark.parametrize("intro, quote, quoted", [
    ("Park told reporters after the talks:", "“We will not sign a deal that leaves our farmers behind. Nobody should "
     "doubt that.”", "We will not sign a deal that leaves our farmers behind. Nobody should doubt that."),
    ("In a statement on Friday, Reyes said:", '"The first cargoes will leave before the rains, as agreed in March."',
     "The first cargoes will leave before the rains, as agreed in March."),
    ("Asked about the quota, Park replied:", "‘It is a red line and it has always been a red line.’",
     "It is a red line and it has always been a red line."),
])
def test_a_paragraph_ending_with_said_and_a_colon_credits_the_next_quotation(lexicon, intro, quote, quoted):
    got = rows(make_article(lexicon, intro, quote))
    assert [(k, t) for _, k, t in got] == [("direct", quoted)]
    assert got[0][0] in ("Lena Park", "Tom Reyes")


@pytest.mark.parametrize("intro", [
    "The agreement lists three aims:",                       # no speech verb: a list follows
    "Park and Reyes met in Geneva on Friday.",                # no speech verb and no colon
    "Reyes said:",                                            # the quotation does not open the next paragraph
])
def test_no_colon_after_a_speech_verb_or_a_quotation_later_in_the_paragraph_credits_nobody(lexicon, intro):
    quote = ("Prices rose after “the new rules on grain exports took effect” last week."
             if intro == "Reyes said:" else "“Fair access to the grain market for both sides.”")
    got = rows(make_article(lexicon, intro, quote))
    assert [k for _, k, _ in got if k == "direct"] == []


# --- a person's sentence ending in a colon before a full quotation ---------------------------------

@pytest.mark.parametrize("sentence, quoted", [
    ("Park was blunt: “Nobody should expect a breakthrough this week.”", "Nobody should expect a breakthrough this week."),
    ("On Friday Reyes had a warning for the mills: 'Prices will not fall before the harvest.'",
     "Prices will not fall before the harvest."),
    ('Trade Envoy Lena Park put it simply: "We will not sign a deal that leaves our farmers behind."',
     "We will not sign a deal that leaves our farmers behind."),
    ("His counterpart, Tom Reyes, was just as firm: “Our millers cannot live with the offer on the table.”",
     "Our millers cannot live with the offer on the table."),
])
def test_a_persons_sentence_ending_in_a_colon_introduces_their_quotation(lexicon, sentence, quoted):
    got = rows(make_article(lexicon, sentence))
    assert [(k, t) for _, k, t in got] == [("direct", quoted)]
    assert got[0][0] in ("Lena Park", "Tom Reyes")


@pytest.mark.parametrize("sentence", [
    "The agenda had a single line: “Fair access to the grain market for both sides.”",   # no person
    "Park’s plan has three parts: “Open markets, fair quotas and shared ports.”",          # the person's thing
    "Park signed the text under its full title: “an accord on fair fishing quotas”.",      # no full sentence
])
def test_a_colon_after_no_persons_sentence_or_before_a_phrase_credits_nobody(lexicon, sentence):
    assert [k for _, k, _ in rows(make_article(lexicon, sentence)) if k == "direct"] == []


# --- a group of people as the subject of "welcomed the move but warned that ..." --------------------

@pytest.mark.parametrize("sentence, speaker", [
    ("Farmers' groups in the northern valleys welcomed the move but warned that any deal must reach small growers.",
     "Farmers' groups in the northern valleys"),
    ("Cocoa exporters welcomed the decision but cautioned that shipments would take weeks to recover.",
     "Cocoa exporters"),
    ("Rice traders in the delta praised the accord but insisted that quotas should be reviewed every year.",
     "Rice traders in the delta"),
])
def test_a_group_that_welcomed_something_but_warned_speaks_the_clause(lexicon, speaker, sentence):
    got = [(s, k) for s, k, _ in rows(make_article(lexicon, sentence))]
    assert len(got) == 1 and got[0][1] == "reported" and got[0][0].lower() == speaker.lower()


@pytest.mark.parametrize("sentence", [
    "Shipments resumed on Monday but warned that delays would continue.",          # no speaker as subject
    "The agreement lifted the duties but insisted that quotas be reviewed every year.",
    "Prices climbed in March but cautioned that supplies would stay tight.",
])
def test_a_subject_that_is_no_speaker_reports_nothing(lexicon, sentence):
    assert rows(make_article(lexicon, sentence)) == []
