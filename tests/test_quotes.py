"""Quote extraction: direct and reported patterns, speakers, and what must not become a quote."""
from __future__ import annotations

import re
from datetime import date

import pytest

from pipeline.article import Article, Mention
from pipeline.lexicon.lexicon import Lexicon
from pipeline.quotes.marks import quote_spans
from pipeline.quotes.extract import extract_quotes
from pipeline.text.sentences import sentence_spans

# surface form -> (canonical, kind, role)
ENTITIES = {
    "Trade Envoy Lena Park": ("Lena Park", "person", "Trade Envoy"),
    "Lena Park": ("Lena Park", "person", ""),
    "Park": ("Lena Park", "person", ""),
    "Tom Reyes": ("Tom Reyes", "person", ""),
    "Reyes": ("Tom Reyes", "person", ""),
    "Ministry of Commerce": ("Ministry of Commerce", "org", "ministry"),
    "Freedonia": ("Freedonia", "country", "name"),
    "Beijing": ("China", "country", "capital"),
    "Japan": ("Japan", "country", "name"),
}


def prepared_article(*paragraphs: str, published: date | None = date(2025, 3, 14),
                     entities: dict | None = None) -> Article:
    """An article after the earlier steps, with mentions found by exact surface forms."""
    entities = ENTITIES if entities is None else entities
    a = Article(origin="t.txt", raw_text="\n".join(paragraphs), paragraphs=list(paragraphs), published=published)
    a.sentences = sentence_spans(a.text)
    taken = bytearray(len(a.text))
    for surface in sorted(entities, key=len, reverse=True):
        canonical, kind, role = entities[surface]
        for m in re.finditer(r"\b%s\b" % re.escape(surface), a.text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            sent = next(i for i, (s, e) in enumerate(a.sentences) if s <= m.start() < e)
            a.mentions.append(Mention(surface, m.start(), m.end(), canonical, kind, role, "", sent))
    a.mentions.sort(key=lambda m: m.start)
    return a


def make_article(lexicon: Lexicon, *paragraphs: str, published: date | None = date(2025, 3, 14),
                 entities: dict | None = None) -> Article:
    """The article with its quotes extracted."""
    return extract_quotes(prepared_article(*paragraphs, published=published, entities=entities), lexicon)


def rows(article: Article) -> list[tuple[str, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in article.quotes]


# --- direct quotes ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Lena Park said: “We will not accept these new duties on our steel.”",
    "“We will not accept these new duties on our steel,” Park said after the talks.",
    "“We will not accept these new duties on our steel,” said Park.",
    "\"We will not accept these new duties on our steel,\" Park told reporters in Geneva.",
    "‘We will not accept these new duties on our steel,’ Park said.",
])
def test_direct_quote_in_every_position(lexicon, sentence):
    got = rows(make_article(lexicon, sentence))
    assert ("Lena Park", "direct", "We will not accept these new duties on our steel") in [
        (s, k, t.rstrip(".")) for s, k, t in got]
    assert all(k == "direct" for _, k, _ in got)


def test_quote_split_by_its_attribution_is_one_quote(lexicon):
    got = rows(make_article(lexicon, "“We want a fair deal,” Park said, “but not at any price.”"))
    assert got == [("Lena Park", "direct", "We want a fair deal but not at any price.")]


def test_quote_running_over_two_paragraphs_is_one_quote(lexicon):
    got = rows(make_article(lexicon,
        "Lena Park spoke to the chamber of commerce on Friday.",
        "“Our farmers have waited two years for this market to reopen.",
        "“They will not wait another two,” Park said.",
    ))
    assert len(got) == 1
    speaker, kind, text = got[0]
    assert speaker == "Lena Park" and kind == "direct"
    assert text.startswith("Our farmers have waited") and text.endswith("They will not wait another two")


def test_floating_quote_inherits_the_previous_speaker(lexicon):
    got = rows(make_article(lexicon,
        "“The licences are moving again,” Park said on Tuesday.",
        "“Exporters should see the first shipments within weeks.”",
    ))
    assert ("Lena Park", "direct", "Exporters should see the first shipments within weeks.") in got
    assert len(got) == 2


def test_floating_quote_without_any_earlier_speaker_is_dropped(lexicon):
    assert rows(make_article(lexicon, "“Exporters should see the first shipments within weeks.”")) == []


def test_short_phrase_called_in_marks_is_a_direct_quote(lexicon):
    got = rows(make_article(lexicon, "Park has called the new curbs “a blow to open markets”."))
    assert got == [("Lena Park", "direct", "a blow to open markets")]


def test_scare_quotes_of_one_or_two_words_are_not_quotes(lexicon):
    got = rows(make_article(lexicon, "The ministry called the plan “unfair” and the talks “urgent”."))
    assert got == []


def test_quote_framed_by_a_short_clause_is_only_direct(lexicon):
    got = rows(make_article(lexicon, "Park said it was “a deeply harmful step for global trade”."))
    assert got == [("Lena Park", "direct", "a deeply harmful step for global trade")]


def test_quote_inside_a_longer_reported_clause_gives_both_rows(lexicon):
    got = rows(make_article(lexicon,
        "Park said the review of the barley duties now under way in the capital was "
        "“firmly on track to finish by June”."))
    kinds = sorted(k for _, k, _ in got)
    assert kinds == ["direct", "reported"]
    assert ("Lena Park", "direct", "firmly on track to finish by June") in got


# --- reported speech -------------------------------------------------------------------------

def test_reported_clause_after_said_that(lexicon):
    got = rows(make_article(lexicon, "Lena Park said on Monday that the two sides had narrowed their differences on steel."))
    assert got == [("Lena Park", "reported", "the two sides had narrowed their differences on steel")]


def test_reported_clause_before_a_trailing_attribution(lexicon):
    got = rows(make_article(lexicon, "Exports of magnets fell sharply in October, the Ministry of Commerce said on Monday."))
    assert got == [("Ministry of Commerce", "reported", "Exports of magnets fell sharply in October")]


def test_urged_keeps_the_object_and_drops_the_occasion(lexicon):
    got = rows(make_article(lexicon, "Park urged Beijing to lift its ban on seafood imports during a phone call with Reyes."))
    assert got == [("Lena Park", "reported", "Beijing to lift its ban on seafood imports")]


def test_continuations_share_the_speaker(lexicon):
    got = rows(make_article(lexicon,
        "The duties are unjustified, Park said, adding that Freedonia would file a complaint at the WTO."))
    assert got == [
        ("Lena Park", "reported", "The duties are unjustified"),
        ("Lena Park", "reported", "Freedonia would file a complaint at the WTO"),
    ]


def test_noting_that_clause_goes_to_the_main_speaker(lexicon):
    got = rows(make_article(lexicon,
        "Noting that trade between the two countries had doubled, Park said both sides should "
        "keep supply chains open."))
    assert ("Lena Park", "reported", "trade between the two countries had doubled") in got
    assert ("Lena Park", "reported", "both sides should keep supply chains open") in got


def test_according_to_an_organisation_but_not_to_reports(lexicon):
    got = rows(make_article(lexicon,
        "Licence applications will be approved within weeks, according to the Ministry of Commerce.",
        "According to reports from local media, the two delegations dined together on Friday.",
    ))
    assert got == [("Ministry of Commerce", "reported", "Licence applications will be approved within weeks")]


def test_apposition_between_speaker_and_verb(lexicon):
    got = make_article(lexicon, "Lena Park, the chief trade negotiator of Freedonia, said the steel quota was too small.").quotes
    assert [(q.speaker, q.kind, q.text) for q in got] == [("Lena Park", "reported", "the steel quota was too small")]
    assert "negotiator" in got[0].speaker_role


# --- speakers --------------------------------------------------------------------------------

def test_pronoun_goes_to_the_last_speaker_not_the_last_name(lexicon):
    got = rows(make_article(lexicon,
        "Park told Reyes that the duties would stay in place until the review ends.",
        "“We cannot move on this before the summer,” she said.",
    ))
    assert ("Lena Park", "direct", "We cannot move on this before the summer") in got


def test_first_person_speakers_are_rejected(lexicon):
    assert rows(make_article(lexicon, "I said the quota was far too small for our mills.")) == []
    assert rows(make_article(lexicon, "We said the quota was far too small for our mills.")) == []


def test_speech_verbs_inside_a_quote_do_not_attribute(lexicon):
    got = rows(make_article(lexicon, "“Ministers said the quota would rise, and it did not,” Park said."))
    assert got == [("Lena Park", "direct", "Ministers said the quota would rise, and it did not")]


# --- what must not become a quote, and robustness ---------------------------------------------

def test_headline_lists_are_skipped(lexicon):
    got = rows(make_article(lexicon,
        "- Park says tariffs will stay in place until June",
        "Minister says 'grave concern' over new export rules",
    ))
    assert got == []


@pytest.mark.parametrize("paragraph", [
    "Park said “the deal is done and nothing else",
    "” Park said the talks ended ” abruptly “ and “ without a date",
    "“", "\"\"\"", "It’s the ministers’ view that ‘nothing’ changed, Park said.",
])
def test_unbalanced_marks_do_not_crash(lexicon, paragraph):
    article = make_article(lexicon, paragraph)
    assert all(q.text.strip() for q in article.quotes)


def test_repeated_quote_is_one_row(lexicon):
    got = rows(make_article(lexicon,
        "“We will keep talking until the ban is lifted,” Park said.",
        "Reyes did not comment.",
        "“We will keep talking until the ban is lifted!” Park said.",
    ))
    assert len(got) == 1


def test_date_evidence_and_empty_article(lexicon):
    article = make_article(lexicon, "Lena Park said the two sides had narrowed their differences on steel.")
    q = article.quotes[0]
    assert q.date == date(2025, 3, 14)
    assert q.evidence == "Lena Park said the two sides had narrowed their differences on steel."
    assert make_article(lexicon, "").quotes == []


def test_apostrophes_are_not_quotation_marks(lexicon):
    spans = quote_spans("China’s view on the ministers’ talks isn't ‘settled’, Park's aide said.")
    assert len(spans) == 1


# --- speech verbs as inflected lemmas --------------------------------------------------------

def test_verb_forms_are_written_out_from_lemmas():
    from pipeline.quotes.verbs import forms, irregular_table
    irregular = irregular_table(["say said", "write wrote written", "admit admitted"])
    assert forms("warn", irregular) == ["warn", "warns", "warning", "warned"]
    assert forms("say", irregular) == ["say", "says", "saying", "said"]
    assert forms("reply", irregular) == ["reply", "replies", "replying", "replied"]
    assert forms("emphasise", irregular) == ["emphasise", "emphasises", "emphasising", "emphasised"]
    assert forms("admit", irregular) == ["admit", "admits", "admitting", "admitted"]
    assert forms("call on", irregular) == ["call on", "calls on", "calling on", "called on"]
    assert "wrote" in forms("write", irregular) and "written" in forms("write", irregular)


@pytest.mark.parametrize("sentence", [
    "Park revealed that exports would fall by half this year.",
    "Park mentioned that exports would fall by half this year.",
    "Park cautioned that exports would fall by half this year.",
    "Park predicts that exports would fall by half this year.",
    "Park is mentioning that exports would fall by half this year.",
    "Park wrote to Reyes to warn him that exports would fall by half this year.",
    "Exports would fall by half this year, wrote Park.",
    "Exports would fall by half this year, Park wrote.",
])
def test_inflected_speech_verbs_report_a_clause(lexicon, sentence):
    got = [(s, k, t.lower()) for s, k, t in rows(make_article(lexicon, sentence))]
    assert got == [("Lena Park", "reported", "exports would fall by half this year")]


@pytest.mark.parametrize("sentence", [
    "Park was told that exports would fall by half this year.",
    "It was announced that exports would fall by half this year.",
    "Park is expected to visit Beijing next week for talks on the ban.",
    "The claim that exports would fall by half was rejected by Reyes.",
    "Freedonia had pledged to lift the ban on seafood imports.",
    "Park agreed to “review” the duties on steel next year.",
])
def test_passives_nouns_and_infinitives_are_not_speech(lexicon, sentence):
    assert [k for _, k, _ in rows(make_article(lexicon, sentence))] == []


def test_that_verb_with_a_clause_without_that(lexicon):
    got = rows(make_article(lexicon, "Park confirmed the new duties had been lifted.",
                            "Reyes confirmed the deal on Monday.", "Park noted the progress made in the talks."))
    assert got == [("Lena Park", "reported", "the new duties had been lifted")]


def test_told_an_audience_on_a_day_then_the_clause(lexicon):
    got = rows(make_article(lexicon, "Park told reporters on Tuesday the duties would be lifted soon."))
    assert got == [("Lena Park", "reported", "the duties would be lifted soon")]


# --- where a reported clause ends ------------------------------------------------------------

@pytest.mark.parametrize("tail", [
    ", as talks in Geneva stalled", ", after two days of talks in Geneva", ", citing figures from the customs office",
    ", while Reyes left the room", ", before boarding a plane to Beijing", ", leading farmers to protest",
])
def test_the_narrator_takes_the_clause_back(lexicon, tail):
    got = rows(make_article(lexicon, f"Park said the new duties would hurt farmers{tail}."))
    assert got == [("Lena Park", "reported", "the new duties would hurt farmers")]


def test_a_turn_inside_quoted_words_does_not_cut(lexicon):
    got = rows(make_article(lexicon, "Park said the duties were “a burden, as every farmer knows” for the region."))
    assert ("Lena Park", "reported", "the duties were a burden, as every farmer knows for the region") in got


def test_adding_that_is_a_second_clause_of_the_same_speaker(lexicon):
    got = rows(make_article(lexicon, "Park said the duties would hurt farmers, adding that exports would fall by half."))
    assert got == [("Lena Park", "reported", "the duties would hurt farmers"),
                   ("Lena Park", "reported", "exports would fall by half")]


def test_with_a_new_speaker_hands_the_sentence_over(lexicon):
    got = rows(make_article(lexicon, "Park confirmed the duties had been lifted, with Reyes saying more work "
                                     "was needed on the text."))
    assert got == [("Lena Park", "reported", "the duties had been lifted"),
                   ("Tom Reyes", "reported", "more work was needed on the text")]


def test_according_to_a_person_before_the_clause(lexicon):
    got = rows(make_article(lexicon, "According to Park, Freedonia had pledged to lift the ban on seafood imports."))
    assert got == [("Lena Park", "reported", "Freedonia had pledged to lift the ban on seafood imports")]


# --- what is asked for, as a noun phrase -----------------------------------------------------

@pytest.mark.parametrize("sentence, text", [
    ("Park urged the lifting of the ban on seafood imports.", "the lifting of the ban on seafood imports"),
    ("Park called for a rules-based settlement.", "a rules-based settlement"),
    ("Park pressed for an early end to the dispute during the talks.", "an early end to the dispute"),
    ("Park demanded the immediate withdrawal of the tariffs.", "the immediate withdrawal of the tariffs"),
    ("Park stressed the need to keep supply chains open.", "the need to keep supply chains open"),
    ("Park underlined the need once again to cut the deficit.", "the need once again to cut the deficit"),
    ("Park emphasised the urgent need for dialogue between the two sides.",
     "the urgent need for dialogue between the two sides"),
    ("Freedonia is requesting consultations with Japan.", "consultations with Japan"),
])
def test_noun_phrase_after_a_verb_of_asking(lexicon, sentence, text):
    got = rows(make_article(lexicon, sentence))
    assert [(k, t) for _, k, t in got] == [("reported", text)]


@pytest.mark.parametrize("sentence", [
    "Park urged the government at the meeting.",
    "Park urged Reyes on Tuesday.",
    "Park called for calm.",
    "Park stressed the importance of open markets for small firms.",
    "The growing demand for chips has pushed prices up.",
    "Park's request for talks was rejected.",
])
def test_no_noun_phrase_row_for_a_listener_or_a_noun(lexicon, sentence):
    assert [k for _, k, _ in rows(make_article(lexicon, sentence))] == []


# --- quotation marks -------------------------------------------------------------------------

def test_an_opening_mark_used_at_both_ends(lexicon):
    got = rows(make_article(lexicon, "Park said “we will not accept these duties“ on Monday."))
    assert got == [("Lena Park", "direct", "we will not accept these duties")]


def test_noun_phrase_ends_before_an_apposition(lexicon):
    got = rows(make_article(lexicon, "Freedonia is requesting consultations with Japan, the first step in any dispute."))
    assert got == [("Freedonia", "reported", "consultations with Japan")]


def test_agreeing_is_not_a_speech_verb(lexicon):
    got = rows(make_article(lexicon, "Park agreed to work with Reyes so that the ban could be lifted by the summer."))
    assert got == []


def test_a_list_asked_for_is_one_noun_phrase(lexicon):
    got = rows(make_article(lexicon, "Park called for work on new technologies, digital trade, and customs rules."))
    assert got == [("Lena Park", "reported", "work on new technologies, digital trade, and customs rules")]


def test_a_quoted_phrase_asked_for_is_reported_and_direct(lexicon):
    got = rows(make_article(lexicon, "Freedonia called for “a swift and fair settlement” of the dispute over steel."))
    assert got == [("Freedonia", "reported", "a swift and fair settlement of the dispute over steel"),
                   ("Freedonia", "direct", "a swift and fair settlement")]


@pytest.mark.parametrize("lead", ["", "(XNA) -- "])
def test_long_speaker_phrase_after_the_clause(lexicon, lead):
    entities = {**ENTITIES, "Ministry of Commerce": ("Ministry of Commerce", "org", "ministry")}
    got = rows(make_article(lexicon, f"{lead}Freedonia has opened a campaign against smuggling since May, Freedonian "
                                     "Ministry of Commerce (MOC) spokesperson Tom Reyes said on Thursday.",
                            entities=entities))
    assert got == [("Tom Reyes", "reported", "Freedonia has opened a campaign against smuggling since May")]


# --- speakers the new rows need ----------------------------------------------------------------

def test_an_unnamed_official_keeps_the_description(lexicon):
    entities = {**ENTITIES, "Fisheries Board": ("Fisheries Board", "org", "board")}
    got = rows(make_article(lexicon, "A Fisheries Board official confirmed the quota had been cut.", entities=entities))
    assert got == [("Fisheries Board official", "reported", "the quota had been cut")]


def test_a_surname_misspelt_by_a_letter_is_the_person_named_before(lexicon):
    entities = {"Marta Hartwell": ("Marta Hartwell", "person", "")}
    got = rows(make_article(lexicon, "Marta Hartwell arrived in Geneva on Monday.",
                            "Hartwel said the quota would be cut by half next year.", entities=entities))
    assert got == [("Marta Hartwell", "reported", "the quota would be cut by half next year")]


def test_who_said_speaks_for_the_person_before_it(lexicon):
    got = rows(make_article(lexicon, "The ministry released comments from Park, who said exports would fall by half.",
                            "Freedonia, which said nothing, was absent from the talks in Geneva."))
    assert got == [("Lena Park", "reported", "exports would fall by half")]


def test_an_unclosed_quotation_does_not_swallow_the_next_attribution(lexicon):
    got = rows(make_article(lexicon, "Park said “we will not accept these duties. Reyes said the talks would go on "
                                     "until a deal is found."))
    assert got == [("Lena Park", "direct", "we will not accept these duties"),
                   ("Tom Reyes", "reported", "the talks would go on until a deal is found")]


@pytest.mark.parametrize("source, speaker", [
    ("a Ministry of Commerce statement", "Ministry of Commerce"),
    ("the Ministry of Commerce's release", "Ministry of Commerce"),
    ("a statement", None),
    ("media reports", None),
])
def test_according_to_a_document_names_its_issuer(lexicon, source, speaker):
    entities = {**ENTITIES, "Ministry of Commerce": ("Ministry of Commerce", "org", "ministry")}
    got = rows(make_article(lexicon, f"Freedonia will lift the ban on seafood imports, according to {source}.",
                            entities=entities))
    assert got == ([(speaker, "reported", "Freedonia will lift the ban on seafood imports")] if speaker else [])


def test_a_statement_speaks_for_the_organisation_that_issued_it(lexicon):
    entities = {**ENTITIES, "Ministry of Commerce": ("Ministry of Commerce", "org", "ministry")}
    got = rows(make_article(lexicon, "The Ministry of Commerce published new export rules on Monday.",
                            "The rules do not target any country, the statement noted, adding that exports "
                            "would be approved.", entities=entities))
    assert got == [("Ministry of Commerce", "reported", "The rules do not target any country"),
                   ("Ministry of Commerce", "reported", "exports would be approved")]


def test_a_statement_with_no_organisation_before_it_has_no_speaker(lexicon):
    assert rows(make_article(lexicon, "Freedonia will lift the ban on seafood imports, the statement said.")) == []


def test_according_to_the_statement_is_its_issuer(lexicon):
    entities = {**ENTITIES, "Ministry of Commerce": ("Ministry of Commerce", "org", "ministry")}
    got = rows(make_article(lexicon, "The Ministry of Commerce published new export rules on Monday.",
                            "Exports of steel would be approved case by case, according to the statement.",
                            entities=entities))
    assert got == [("Ministry of Commerce", "reported", "Exports of steel would be approved case by case")]
