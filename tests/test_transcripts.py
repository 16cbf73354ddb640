"""Transcripts: answers as direct quotes of the answerer, read from speaker labels."""
from __future__ import annotations

from tests.test_quotes import ENTITIES, make_article

PEOPLE = {**ENTITIES, "Ana Ruiz": ("Ana Ruiz", "person", "spokesperson"),
          "Ruiz": ("Ana Ruiz", "person", "spokesperson"), "Omar Bell": ("Omar Bell", "person", "")}


def direct(article) -> list[tuple[str, str]]:
    return [(q.speaker, q.text) for q in article.quotes if q.kind == "direct"]


def test_named_labels_on_their_own_line(lexicon):
    a = make_article(lexicon,
                     "Evening Courier:",
                     "Will the new licences slow exports of magnets? Thank you.",
                     "Ana Ruiz:",
                     "Thank you for the question. The licences follow the law and normal trade will continue.",
                     "Exporters who comply will receive their permits quickly.",
                     "Omar Bell:",
                     "Let me add that the customs service is ready to process applications.",
                     entities=PEOPLE)
    got = direct(a)
    assert ("Ana Ruiz", "Thank you for the question. The licences follow the law and normal trade will continue. "
                        "Exporters who comply will receive their permits quickly.") in got
    assert ("Omar Bell", "Let me add that the customs service is ready to process applications.") in got
    assert not any(t.startswith("Will the new licences") for _, t in got)


def test_q_and_a_answered_by_the_person_in_the_header(lexicon):
    a = make_article(lexicon,
                     "Foreign Ministry Spokesperson Ana Ruiz's Regular Press Conference on March 3",
                     "Q: Freedonia has announced new tariffs on steel. What is your response?",
                     "A: We have noted the reports. We firmly oppose unilateral tariffs of this kind.",
                     "Q: Will the two ministers meet next week?",
                     "A: I have no information to offer at the moment.",
                     entities=PEOPLE)
    got = direct(a)
    assert ("Ana Ruiz", "We have noted the reports. We firmly oppose unilateral tariffs of this kind.") in got
    assert ("Ana Ruiz", "I have no information to offer at the moment.") in got
    assert len(got) == 2


def test_shouted_label_with_a_role(lexicon):
    a = make_article(lexicon,
                     "Ana Ruiz, the trade minister, spoke to the Evening Courier about the dispute.",
                     "INTERVIEWER: Are you worried about the new duties?",
                     "MINISTER RUIZ: We are concerned, but we believe the dispute can be settled by talks.",
                     entities=PEOPLE)
    assert ("Ana Ruiz", "We are concerned, but we believe the dispute can be settled by talks.") in direct(a)


def test_reporter_label_and_spokesperson_label(lexicon):
    a = make_article(lexicon,
                     "Reporter: Has the ministry received the complaint?",
                     "Spokesperson Ana Ruiz: Yes, we received it on Monday and are studying it carefully.",
                     entities=PEOPLE)
    assert direct(a) == [("Ana Ruiz", "Yes, we received it on Monday and are studying it carefully.")]


def test_prose_with_a_colon_dateline_is_not_a_transcript(lexicon):
    a = make_article(lexicon,
                     "New Delhi: Freedonia will cut tariffs on machinery next month.",
                     "Note: figures are provisional and may be revised by the statistics office.",
                     entities=PEOPLE)
    assert direct(a) == []


def test_labels_without_a_question_are_not_a_transcript(lexicon):
    """Two labelled paragraphs with no question between them: a list, not an interview."""
    a = make_article(lexicon,
                     "Exports: shipments of steel fell by a fifth over the year to March.",
                     "Imports: purchases of machinery rose as factories expanded their lines.",
                     entities=PEOPLE)
    assert direct(a) == []


def test_an_answerer_who_asks_back_still_answers(lexicon):
    """A rhetorical question inside an answer: the label answered elsewhere without asking."""
    a = make_article(lexicon,
                     "Evening Courier: Will the licences slow exports?",
                     "Omar Bell: No. The licences are a formality for exporters who comply.",
                     "Morning Post: And what about magnets?",
                     "Omar Bell: Who would gain from a shortage? Nobody. Magnets will be licensed the same way.",
                     entities=PEOPLE)
    got = direct(a)
    assert ("Omar Bell", "Who would gain from a shortage? Nobody. Magnets will be licensed the same way.") in got
    assert not any(s in ("Evening Courier", "Morning Post") for s, _ in got)


def test_a_moderator_is_not_an_answerer(lexicon):
    a = make_article(lexicon,
                     "Moderator: Next question, please, from the gentleman at the back.",
                     "Reporter: When will the quotas end?",
                     "Ana Ruiz: The quotas will end in June as planned.",
                     entities=PEOPLE)
    assert direct(a) == [("Ana Ruiz", "The quotas will end in June as planned.")]


def test_the_title_names_the_answerer(lexicon):
    from pipeline.quotes.extract import extract_quotes
    from tests.test_quotes import prepared_article
    a = prepared_article("Q: Will the quotas end in June?", "A: Yes, the quotas will end in June as planned.",
                         entities=PEOPLE)
    a.title = "Trade Envoy Omar Bell's Interview with the Evening Courier"
    assert direct(extract_quotes(a, lexicon)) == [("Omar Bell", "Yes, the quotas will end in June as planned.")]


def test_an_unnamed_answerer_gives_no_row(lexicon):
    """"A:" with no header naming anyone: missing the answer beats guessing its speaker."""
    a = make_article(lexicon, "Q: Will the quotas end in June?", "A: Yes, the quotas will end in June as planned.",
                     entities=PEOPLE)
    assert direct(a) == []


def test_a_bracketed_role_after_the_name(lexicon):
    a = make_article(lexicon, "Reporter: When will the quotas end?",
                     "Ana Ruiz (Spokesperson): The quotas will end in June as planned.", entities=PEOPLE)
    assert direct(a) == [("Ana Ruiz", "The quotas will end in June as planned.")]
