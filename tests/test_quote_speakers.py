"""Quote speakers and attribution shapes seen across outlets: appositions, inversions, surnames,
organisations named by role, acronym or portfolio, and narration that must not become a quote."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.quotes.context import Context, QuoteRules, Speaker
from pipeline.quotes.extract import extract_quotes
from pipeline.quotes.names import ministry_of
from pipeline.quotes.speakers import speaker_before
from tests.test_quotes import ENTITIES, make_article, prepared_article, rows


def speakers(article) -> set[str]:
    return {q.speaker for q in article.quotes}


# --- who speaks ------------------------------------------------------------------------------

@pytest.mark.parametrize("paragraph, expected", [
    # a name in commas after a role, with or without an affiliation
    ("A spokesperson for the embassy in Washington, Liu Pengyu, called the listings “a typical example of "
     "economic coercion”.", ("Liu Pengyu", "direct", "a typical example of economic coercion")),
    ("A noted economist, Yuki Tanaka of Nomura, called the move “inevitable given the politics”.",
     ("Yuki Tanaka", "direct", "inevitable given the politics")),
    # British single marks after a colon
    ("The trade secretary, Jonathan Reynolds, told MPs: 'We are working closely with our partners to secure supply.'",
     ("Jonathan Reynolds", "direct", "We are working closely with our partners to secure supply.")),
    # a ministry named by its portfolio
    ("Exports of lithium rose sharply last year, Brazil's mines and energy ministry said.",
     ("Ministry of Mines and Energy", "reported", "Exports of lithium rose sharply last year")),
    # a mixed-case dateline is not part of the clause
    ("New Delhi: Freedonia will not accept a deal that hurts its farmers, Park said on Monday.",
     ("Lena Park", "reported", "Freedonia will not accept a deal that hurts its farmers")),
])
def test_one_sentence_attributions(lexicon, paragraph, expected):
    assert rows(make_article(lexicon, paragraph)) == [expected]


def test_surname_takes_the_full_name_written_earlier(lexicon):
    got = make_article(lexicon, "Bernd Lange, who chairs the trade committee, spoke after the hearing.",
                       "“Europe must respond with one voice,” Lange told reporters.",
                       "Yoon Ji-ho, a vice minister, spoke on Monday.",
                       "“Battery makers remain dependent on imports,” Yoon said.")
    assert speakers(got) == {"Bernd Lange", "Yoon Ji-ho"}


def test_honorific_is_not_a_given_name(lexicon):
    got = make_article(lexicon, "Mr Quigley spoke on Friday.", "“The minister should stand up for our producers,” Quigley said.")
    assert speakers(got) == {"Quigley"}


def test_organisation_acronym_defined_earlier(lexicon):
    got = make_article(lexicon, "Freedonia's Ministry of Economic Affairs (MOEA) said on Monday that exports rose sharply in May.",
                       "Exporters will need permits for shipments to the two firms, the MOEA said.")
    assert len(got.quotes) == 2 and got.quotes[0].speaker.endswith("Ministry of Economic Affairs")
    assert got.quotes[1].speaker == "Ministry of Economic Affairs"


def test_the_ministry_after_a_minister_spoke_is_the_ministers(lexicon):
    entities = dict(ENTITIES, **{"Tengku Aziz": ("Tengku Aziz", "person", "Trade and Industry Minister")})
    got = make_article(lexicon, "Freedonia will not export raw rare earths, Tengku Aziz said on Monday.",
                       "The ministry said in a statement that it had received proposals from three companies.",
                       entities=entities)
    assert [q.speaker for q in got.quotes] == ["Tengku Aziz", "Ministry of Trade and Industry"]


def test_participle_without_a_speech_verb_before_takes_the_subject(lexicon):
    entities = dict(ENTITIES, Reuters=("Reuters", "org", ""))
    got = rows(make_article(lexicon, "BEIJING, Oct 10 (Reuters) - The Ministry of Commerce defended the rules on Friday, "
                            "saying they were in line with international practice.", entities=entities))
    assert got == [("Ministry of Commerce", "reported", "they were in line with international practice")]


def test_repeated_quote_goes_to_the_person_rather_than_the_organisation(lexicon):
    got = rows(make_article(lexicon,
        "The Ministry of Commerce said on Sunday that Freedonia urges Japan to remove its firms from the list.",
        "Lena Park said that Freedonia urges Japan to remove its firms from the list."))
    assert got == [("Lena Park", "reported", "Freedonia urges Japan to remove its firms from the list")]


# --- what was said ---------------------------------------------------------------------------

def test_day_between_verb_and_clause(lexicon):
    assert rows(make_article(lexicon, "The Ministry of Commerce said Monday it would review the licences within weeks.")) == [
        ("Ministry of Commerce", "reported", "it would review the licences within weeks")]
    assert rows(make_article(lexicon, "Park said on Tuesday after talks in Geneva.")) == []
    assert rows(make_article(lexicon, "Park said Tuesday was a good day for trade.")) == []


def test_adding_things_to_a_list_is_not_speech(lexicon):
    assert rows(make_article(lexicon, "The Ministry of Commerce added dozens of companies to its list on Tuesday.")) == []
    assert rows(make_article(lexicon, "Park added the government was ready to respond to the measures.")) == [
        ("Lena Park", "reported", "the government was ready to respond to the measures")]


def test_quote_with_words_on_both_sides_is_also_reported(lexicon):
    got = rows(make_article(lexicon, "Park said the measures were “legitimate and necessary” to protect public health."))
    assert sorted(k for _, k, _ in got) == ["direct", "reported"]
    got = rows(make_article(lexicon, "“We will keep calling for the ban to be lifted,” including for seafood, Park added."))
    assert [k for _, k, _ in got] == ["direct"]


def test_urged_clause_stops_before_a_with_phrase(lexicon):
    got = rows(make_article(lexicon, "Freedonia urged Japan to scrap its ban on seafood imports, with officials saying "
                            "the measure had no basis."))
    assert ("Freedonia", "reported", "Japan to scrap its ban on seafood imports") in got


def test_meeting_narration_is_not_a_quote_but_meeting_halfway_is_speech(lexicon):
    assert rows(make_article(lexicon, "Officials from both sides have agreed to meet in Geneva next week, Park said.")) == []
    assert rows(make_article(lexicon, "The Ministry of Commerce said it hoped Japan would meet Freedonia halfway on seafood.")) == [
        ("Ministry of Commerce", "reported", "it hoped Japan would meet Freedonia halfway on seafood")]


def test_expressing_hope_continues_the_attribution(lexicon):
    got = rows(make_article(lexicon, "The two sides are close to a deal, Park said on Monday, expressing hope that "
                            "it could be signed by the end of the year."))
    assert ("Lena Park", "reported", "it could be signed by the end of the year") in got


# --- organisations and affiliations ----------------------------------------------------------

ORG_ENTITIES = {**ENTITIES, "European Commission": ("European Commission", "org", "executive"),
                "Trade Commissioner Olof Berg": ("Olof Berg", "person", "Trade Commissioner")}


def test_a_spokesperson_named_by_organisation_speaks_for_it_not_for_the_last_speaker(lexicon):
    got = make_article(lexicon, "The European Commission opened a probe on Monday.",
                       "“We will defend our industry,” Trade Commissioner Olof Berg said.",
                       "A Commission spokesperson told reporters that the probe would respect WTO rules.",
                       entities=ORG_ENTITIES)
    assert ("European Commission", "reported", "the probe would respect WTO rules") in rows(got)
    assert ("Olof Berg", "direct", "We will defend our industry") in rows(got)


def test_a_name_with_its_affiliation_is_the_speaker_not_the_institution(lexicon):
    got = make_article(lexicon, "Maria Jensen of the Institute for Ocean Policy in Oslo said harmful subsidies "
                       "amounted to some $22 billion a year.")
    assert rows(got) == [("Maria Jensen", "reported", "harmful subsidies amounted to some $22 billion a year")]


def test_a_courtesy_title_and_surname_take_the_full_name_written_before(lexicon):
    got = make_article(lexicon, "Kyri Toumazos fishes for rock lobster in Port Lincoln.",
                       "“It feels like we have got our livelihoods back,” Mr Toumazos said.")
    assert speakers(got) == {"Kyri Toumazos"}


def test_it_after_a_named_organisation_is_that_organisation(lexicon):
    got = make_article(lexicon, "The Ministry of Commerce hit back within hours. It said it firmly opposes the decision.")
    assert rows(got) == [("Ministry of Commerce", "reported", "it firmly opposes the decision")]


def test_it_with_no_organisation_nearby_is_no_speaker(lexicon):
    assert make_article(lexicon, "Prices rose for a third month. It said nothing about the outlook for exports.").quotes == []


def test_the_ministry_with_no_mention_is_the_ministry_that_spoke_before(lexicon):
    got = make_article(lexicon, "Freedonia's trade ministry said it had asked for faster licences.",
                       "Tom Reyes, a battery maker, said stocks would last three months.",
                       "The ministry said it would set up an emergency team with industry groups.")
    spk = {q.text: q.speaker for q in got.quotes}
    assert spk["it would set up an emergency team with industry groups"] == spk["it had asked for faster licences"]
    assert spk["stocks would last three months"] == "Tom Reyes"


def test_a_person_reported_by_an_organisation_is_the_speaker(lexicon):
    got = make_article(lexicon, "Park replied that the measures were not aimed at any country, the ministry added.")
    assert rows(got) == [("Lena Park", "reported", "the measures were not aimed at any country")]


def test_a_person_relaying_a_country_is_still_the_speaker(lexicon):
    got = make_article(lexicon, "Park met the delegation.",
                       "Freedonia urges Japan to lift its sanctions as soon as possible, she said.")
    assert speakers(got) == {"Lena Park"}


def test_an_organisation_subject_speaks_through_a_coordinated_verb(lexicon):
    got = make_article(lexicon, "Meanwhile, the Chamber of Mines of Freedonia welcomed the deal but called on the "
                       "government to speed up the approval of permits.")
    assert rows(got) == [("Chamber of Mines of Freedonia", "reported", "the government to speed up the approval of permits")]


# --- the speaker record ----------------------------------------------------------------------

def _speaker_before_verb(lexicon, article, verb: str) -> tuple[Speaker | None, str]:
    """The speaker the rules read before the first `verb` of the article's last sentence."""
    ctx = Context(article, lexicon)
    start = ctx.sentences.spans[-1][0]
    spk, _, how = speaker_before(ctx, start, article.text.index(verb, start))
    return spk, how


def test_a_pronoun_speaker_is_the_named_person_of_the_previous_sentence(lexicon):
    article = prepared_article("Trade Envoy Lena Park met the delegation from Japan on Monday.",
                               "She said the two sides had settled the timetable for the steel talks.")
    spk, how = _speaker_before_verb(lexicon, article, "said")
    assert how == "pronoun"
    assert spk == Speaker("Lena Park", "Trade Envoy", "", "person") and spk.is_person
    quote = extract_quotes(article, lexicon).quotes[0]
    assert (quote.speaker, quote.speaker_role, quote.kind) == ("Lena Park", "Trade Envoy", "reported")


def test_an_organisation_spokesperson_speaks_for_the_organisation(lexicon):
    article = prepared_article("Freedonia's Ministry of Commerce published the licence rules on Monday.",
                               "A Commerce Ministry spokesperson said the rules would apply from June.")
    spk, how = _speaker_before_verb(lexicon, article, "said")
    assert how == "np"
    assert spk.name == "Ministry of Commerce" and spk.is_org and not spk.is_person
    assert rows(extract_quotes(article, lexicon)) == [
        ("Ministry of Commerce", "reported", "the rules would apply from June")]


def test_a_country_speaks_as_an_organisation_of_that_country(lexicon):
    article = prepared_article("Freedonia said the quota talks would resume in May.")
    spk, how = _speaker_before_verb(lexicon, article, "said")
    assert how == "mention"
    assert (spk.name, spk.country, spk.kind) == ("Freedonia", "Freedonia", "org")


def test_the_ministry_after_a_minister_keeps_the_ministers_country(lexicon):
    minister = Speaker("Ana Ruiz", "Deputy Minister of Fisheries and Ports", "Freedonia", "person")
    assert ministry_of(lexicon.compiled(QuoteRules), minister) == Speaker(
        "Ministry of Fisheries and Ports", "", "Freedonia", "org")
    assert ministry_of(lexicon.compiled(QuoteRules), Speaker("Ana Ruiz", "negotiator")) is None


# --- the rules follow the lexicon they are given ---------------------------------------------

def _edited_lexicon(tmp_path, **extra: list[str]) -> Lexicon:
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, folder)
    path = folder / "speech_verbs.json"
    data = json.loads(path.read_text("utf-8"))
    for key, words in extra.items():
        data[key] = data[key] + words
    path.write_text(json.dumps(data), "utf-8")
    return Lexicon.load(folder)


def test_a_speech_verb_added_to_the_data_attributes_quotes(lexicon, tmp_path):
    sentence = "The steel quota is far too small for our mills, Park grumbled on Monday."
    assert rows(make_article(lexicon, sentence)) == []
    edited = _edited_lexicon(tmp_path, bare=["grumbled"])
    assert rows(make_article(edited, sentence)) == [
        ("Lena Park", "reported", "The steel quota is far too small for our mills")]


def test_a_courtesy_title_added_to_the_data_is_dropped_from_names(lexicon, tmp_path):
    paragraphs = ("Kaito Brandt farms oysters near the harbour.", "“The ban has emptied our order book,” Capt Brandt said.")
    assert speakers(make_article(lexicon, *paragraphs)) == {"Capt Brandt"}
    edited = _edited_lexicon(tmp_path, courtesy_titles=["Capt"])
    assert speakers(make_article(edited, *paragraphs)) == {"Kaito Brandt"}


def test_speech_verbs_data_holds_word_lists_not_patterns(lexicon):
    for key, words in lexicon.data("speech_verbs.json").items():
        assert isinstance(words, list) and words, key
        assert not [w for w in words if re.search(r"[\\()\[\]|*+?{}^$]", w)], key


# --- organisations through their voices and documents ------------------------------------------

VOICES = {**ENTITIES, "Ministry of Foreign Affairs": ("Ministry of Foreign Affairs", "org", "ministry")}


@pytest.mark.parametrize("paragraphs, expected", [
    # a long apposition between the comma and the organisation
    (["Freedonia will review the tariff schedule, a spokeswoman for the Ruritanian Ministry of Foreign Affairs "
      "told a regular briefing."],
     ("Ministry of Foreign Affairs", "reported", "Freedonia will review the tariff schedule")),
    # the organisation as written where no mention names it
    (["Quotas on steel will stay in place until June, a spokesman for the Freedonian Board of Trade said."],
     ("Freedonian Board of Trade", "reported", "Quotas on steel will stay in place until June")),
    # an acronym takes the name spelled out before it
    (["The Freedonian Trade Board (FTB) met on Monday.",
      "Quotas on steel will stay in place until June, a spokesman for the FTB said."],
     ("Freedonian Trade Board", "reported", "Quotas on steel will stay in place until June")),
    # the clause stops before "a spokesperson for ..."
    (["Freedonia will review the tariff schedule, a spokesperson for Freedonia's Ministry of Commerce said."],
     ("Ministry of Commerce", "reported", "Freedonia will review the tariff schedule")),
    # the document speaks for whoever issued it
    (["The Ministry of Commerce issued a statement on Monday.",
      "Exports of gallium will require licences from August, the statement said."],
     ("Ministry of Commerce", "reported", "Exports of gallium will require licences from August")),
    (["Exports of gallium will require licences from August, a Ministry of Commerce release said."],
     ("Ministry of Commerce", "reported", "Exports of gallium will require licences from August")),
    (["Trade in machinery should grow further next year, a read-out issued by Park's office said."],
     ("Lena Park", "reported", "Trade in machinery should grow further next year")),
    # a joint statement lists every party
    (["Freedonia and Japan issued a joint statement after the talks.",
      "The two sides will cut tariffs on machinery by half, the joint statement said."],
     ("Freedonia; Japan", "reported", "The two sides will cut tariffs on machinery by half")),
    (["Freedonia and Japan said in a joint statement that tariffs on machinery would be cut by half."],
     ("Freedonia; Japan", "reported", "tariffs on machinery would be cut by half")),
])
def test_organisation_voices_and_documents(lexicon, paragraphs, expected):
    assert expected in rows(make_article(lexicon, *paragraphs, entities=VOICES))


def test_the_spokesperson_it_and_the_ministry_refer_back_to_the_organisation(lexicon):
    a = make_article(lexicon, "A spokesperson for Freedonia's Ministry of Commerce said the rules would take effect in May.",
                     "The spokesperson said exporters would need licences for every shipment.",
                     "It said the rules did not target any country.",
                     "The ministry added that licences would be granted within a month.", entities=VOICES)
    assert {q.speaker for q in a.quotes} == {"Ministry of Commerce"}
    assert len(a.quotes) == 4


def test_a_statement_nobody_issued_has_no_speaker(lexicon):
    """No issuer in reach: the row is missed rather than given to a guess."""
    a = make_article(lexicon, "Exports of gallium will require licences from August, the statement said.", entities=VOICES)
    assert rows(a) == []


def test_a_document_read_in_is_not_its_speaker(lexicon):
    """"Park said in a statement": Park speaks, the statement is only the channel."""
    got = rows(make_article(lexicon, "Lena Park said in a statement that the duties would be lifted in May.",
                            entities=VOICES))
    assert got == [("Lena Park", "reported", "the duties would be lifted in May")]


# --- anonymous and collective speakers ----------------------------------------------------------

@pytest.mark.parametrize("sentence, speaker", [
    ("A senior official said the talks would resume in June after the holiday.", "senior official"),
    ("The tariffs will hurt farmers in the north, analysts say.", "analysts"),
    ("Diplomatic sources said the proposal was unacceptable to both governments.", "Diplomatic sources"),
    ("Two people familiar with the talks said the proposal was unacceptable to both governments.",
     "people familiar with the talks"),
    ("The proposal was unacceptable to both governments, a source close to the negotiations said.",
     "source close to the negotiations"),
    ("Officials at the ministry said the proposal was unacceptable to both governments.", "Officials at the ministry"),
    ("The duties would push up prices for consumers, some economists warned.", "economists"),
    # people of any trade, and a description that names what they deal in
    ("“Nobody here thinks the licensing regime is temporary,” a Hamburg-based buyer said.", "Hamburg-based buyer"),
    ("“Prices have doubled since March,” said one broker of rare earth oxides.", "broker of rare earth oxides"),
    ("A member of the Freedonian delegation said the proposal was unacceptable to both sides.",
     "member of the Freedonian delegation"),
    # a person's office speaks for the person
    ("Park's office said the visit to Geneva had been postponed until the spring.", "Lena Park"),
])
def test_anonymous_speakers_keep_their_description(lexicon, sentence, speaker):
    got = rows(make_article(lexicon, sentence))
    assert [r[0] for r in got] == [speaker]


def test_hedged_anonymous_speech_is_not_a_quote(lexicon):
    assert rows(make_article(lexicon, "The tariffs will reportedly hurt farmers, analysts said.")) == []


def test_the_official_after_a_named_one_is_still_resolved(lexicon):
    """A definite "the official" refers back; only "a"/"an" or a plural starts an anonymous speaker."""
    got = rows(make_article(lexicon, "Lena Park, the trade official, spoke on Monday.",
                            "The official said the tariffs would be lifted in May."))
    assert got and got[0][0] != "official"


def test_the_official_refers_back_to_an_anonymous_official(lexicon):
    got = rows(make_article(lexicon, "The Ministry of Commerce said the complaint was unfounded.",
                            "A Ruritanian trade official confirmed the complaint had been received.",
                            "\"We will study the request carefully and answer within the deadline,\" the official said."))
    assert ("Ruritanian trade official", "direct", "We will study the request carefully and answer within the deadline") \
        in got


def test_a_misspelt_surname_names_the_person_seen_before(lexicon):
    people = {**ENTITIES, "Tomas Farrellan": ("Tomas Farrellan", "person", "")}
    got = rows(make_article(lexicon, "Tomas Farrellan arrived in Geneva on Monday for the talks.",
                            "Farellan said the quotas on steel would be reviewed within a month.", entities=people))
    assert got == [("Tomas Farrellan", "reported", "the quotas on steel would be reviewed within a month")]


def test_a_different_surname_is_not_a_misspelling(lexicon):
    people = {**ENTITIES, "Tomas Farrellan": ("Tomas Farrellan", "person", "")}
    got = rows(make_article(lexicon, "Tomas Farrellan arrived in Geneva on Monday for the talks.",
                            "Rebecca Harlan said the quotas on steel would be reviewed within a month.", entities=people))
    assert got == [("Rebecca Harlan", "reported", "the quotas on steel would be reviewed within a month")]


def test_both_sides_are_the_parties_of_the_meeting_told_before(lexicon):
    from pipeline.article import Meeting
    from tests.test_quotes import prepared_article
    first = "Lena Park held talks with Tom Reyes in Geneva on Monday."
    a = prepared_article(first, "Both sides stressed that the quotas on steel should be reviewed within a month.")
    a.meetings = [Meeting(participants=["Lena Park", "Tom Reyes"], countries=["Freedonia", "Japan"], evidence=[first])]
    got = rows(extract_quotes(a, lexicon))
    assert got == [("Lena Park; Tom Reyes", "reported", "the quotas on steel should be reviewed within a month")]


def test_both_sides_without_a_meeting_have_no_speaker(lexicon):
    got = rows(make_article(lexicon, "Both sides stressed that the quotas on steel should be reviewed within a month."))
    assert got == []


@pytest.mark.parametrize("sentence, expected", [
    # a long title before the name: only titles sit between the comma and the verb
    ("Freedonia has opened a campaign against the smuggling of minerals, Freedonian Ministry of Commerce (FMC) "
     "spokesperson Ada Yongli said on Thursday at a press conference.",
     ("Ada Yongli", "reported", "Freedonia has opened a campaign against the smuggling of minerals")),
    # a voice for a company opening the sentence lends it to the participle
    ("A spokesperson at Nikora declined to comment, saying the company could not speak about unannounced plans.",
     ("Nikora", "reported", "the company could not speak about unannounced plans")),
])
def test_titles_and_voices_around_the_speaker(lexicon, sentence, expected):
    assert rows(make_article(lexicon, sentence)) == [expected]


def test_a_clause_before_the_titles_is_not_cut_into(lexicon):
    """Words that are not titles between the comma and the name keep the old reading."""
    got = rows(make_article(lexicon, "Freedonia has opened a campaign against smuggling, and the tireless "
                                     "spokesperson Ada Yongli said so on Thursday."))
    assert not any(r[2].startswith("Freedonia has opened") for r in got)


# --- references across sentences -----------------------------------------------------------------

@pytest.mark.parametrize("paragraphs, expected", [
    # content first, the source a document of the organisation that spoke
    (["The Ministry of Commerce said the rules would take effect in May.",
      "Exports of gallium will require licences from August, according to a ministry release."],
     ("Ministry of Commerce", "reported", "Exports of gallium will require licences from August")),
    # an impersonal passive continues the organisation that spoke
    (["The Ministry of Commerce said the rules would take effect in May.",
      "It was stressed that exporters who comply will receive licences quickly."],
     ("Ministry of Commerce", "reported", "exporters who comply will receive licences quickly")),
    # a paragraph whose subject is someone else moves "he"/"she" to that person
    (["Lena Park said tariffs would rise next year.", "Tom Reyes arrived in Geneva on Tuesday for the talks.",
      "He said the visit would focus on steel exports."],
     ("Tom Reyes", "reported", "the visit would focus on steel exports")),
    # a floating quotation after a line of narration keeps the last quote's speaker
    (["Lena Park said tariffs would rise next year.",
      "“Our farmers deserve better than this from our partners,” she added.", "The talks resume on Friday.",
      "“We will keep talking until the duties are lifted.”"],
     ("Lena Park", "direct", "We will keep talking until the duties are lifted.")),
])
def test_references_across_sentences(lexicon, paragraphs, expected):
    assert expected in rows(make_article(lexicon, *paragraphs))


def test_a_floating_quotation_far_from_any_speaker_has_none(lexicon):
    got = rows(make_article(lexicon, "“We will not accept these new duties on our steel,” Park said.",
                            "The talks lasted three hours. Officials met again. Dinner was served. Papers were signed. "
                            "Nobody left. Rain fell.",
                            "“Our farmers deserve better than this from our partners.”"))
    assert got == [("Lena Park", "direct", "We will not accept these new duties on our steel")]


@pytest.mark.parametrize("paragraphs", [
    ["Lena Park said: “We will not accept these new duties on our steel.",
     "“Our farmers deserve better than this from our partners.”"],
    ["“We will not accept these new duties on our steel.",
     "“Our farmers deserve better than this from our partners,” Park said."],
])
def test_a_quotation_over_paragraphs_is_one_row_of_its_speaker(lexicon, paragraphs):
    """An opening mark with no closing one until a later paragraph: the speaker may come first or last."""
    assert rows(make_article(lexicon, *paragraphs)) == [
        ("Lena Park", "direct", "We will not accept these new duties on our steel. "
                                "Our farmers deserve better than this from our partners" +
         ("." if "said:" in paragraphs[0] else ""))]
