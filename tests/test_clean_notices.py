"""Cleaning: debris told by its grammar (pipeline.clean.notices) and the lines of the story that look like it."""
from __future__ import annotations

import pytest

from pipeline.article import Article
from pipeline.clean.boilerplate import clean_article

STORY = [
    "Trade ministers from Valdoria and Merovia met in Lima on Tuesday to discuss tariffs on steel and aluminium.",
    "The talks lasted three hours and ended without a joint statement, officials from both sides said.",
    "Valdorian Trade Minister Ana Ruiz said her government would keep pressing for lower duties on farm goods.",
]


def clean(lexicon, *lines: str) -> Article:
    return clean_article(Article(origin="t.txt", raw_text="\n".join(lines), title="Talks in Lima"), lexicon)


def survives(lexicon, line: str) -> bool:
    """The line kept at the top, in the middle and at the end of a story."""
    return all(line in clean(lexicon, *lines).paragraphs
               for lines in ([line, *STORY], [STORY[0], line, *STORY[1:]], [*STORY, line]))


def dropped(lexicon, line: str) -> bool:
    """The line dropped at the top, in the middle and at the end of a story, and the story intact."""
    for lines in ([line, *STORY], [STORY[0], line, *STORY[1:]], [*STORY, line]):
        article = clean(lexicon, *lines)
        if line in article.paragraphs or article.paragraphs != STORY:
            return False
    return True


@pytest.mark.parametrize("line", [
    # captions without a verb, or with a picture's verb right after the people in it
    "Ana Ruiz, Valdoria's trade minister, in Lima on March 3.",
    "Valdoria's Trade Minister Ana Ruiz in Lima on March 3.",
    "Ana Ruiz, left, and Jo Lind at the signing ceremony in Lima.",
    "Ana Ruiz (C) with Jo Lind in Lima on Tuesday.",
    "Ana Ruiz gestures during a news conference in Lima.",
    "Ana Ruiz, left, shaking hands with Jo Lind ahead of their talks in Lima.",
    "Ana Ruiz arrives for talks in Lima on March 3.",
    "Delegates attend the trade talks in Lima on March 3. (Reuters)",
    "Ana Ruiz, Valdoria's trade minister, in Lima on March 3. (Reuters)",
    "A worker checks rare earth samples at a plant in Baotou. AFP",
    "Ana Ruiz speaks during a briefing in Lima, May 19, 2026. Yonhap",
    "A view of the port of Qingdao, east China's Shandong Province, May 1, 2025. /CFP",
    "Photo taken on March 3, 2025 shows containers at the port of Callao in Lima.",
    "[Photo=Yonhap]",
    "[Courtesy of the Ministry of Trade]",
    "(Provided by the Ministry of Trade)",
    "Graphic: Lima Herald",
    # an office and a name alone, the people of a picture and nothing else
    "Trade Minister Ana Ruiz",
    "Ana Ruiz - Trade Minister",
    "Valdorian Trade Minister Ana Ruiz. (File)",
    "Ana Ruiz, Valdoria's trade minister, left, and Jo Lind, Merovia's foreign minister.",
    "Valdoria's trade minister Ana Ruiz",
    "Ana Ruiz, Valdoria's trade minister",
    # bylines, credits, author notes
    "Ana Ruiz | 3. März 2025, 14:05 Uhr",
    "Ana Ruiz, 03.03.2025",
    "Ana Ruiz, Lima | 3 de marzo de 2025",
    "Von Ana Ruiz und Jo Lind",
    "By Ramon dela Paz | Staff Reporter",
    "Ana Ruiz reported from Lima; Jo Lind contributed from Quito.",
    "(Japanese original by Taro Yamada, Political News Department)",
    "By Kim Dong-hyun [email protected]",
    "Julia Harrow, Partner, Washington DC, jharrow@firm.example",
    "Autor: Tomasz Wrobel, 29.10.2026, 11:45",
    "Translated by Anna Nowak",
    # notices, prompts and wire furniture
    "This alert is for general information purposes only and does not constitute legal advice.",
    "This publication is provided for general informational purposes and is not legal advice.",
    "Disclaimer: This story is auto-generated from a syndicated feed; only the headline may have been reworked.",
    "Distributed by Asia News Exchange Syndication. Redistribution prohibited.",
    "Catch all the Business News, Market News, Breaking News Events and Latest News Updates on Lima Herald.",
    "(Updates with ministry comment in third paragraph)",
    "UPDATE 2-Valdoria, Merovia agree to resume trade talks",
    "For immediate release",
    "This story has been edited for length and clarity.",
    "Did you find an error? Let us know.",
    "March 5, 2026 6:12 AM GMT+9 Updated 2 hours ago",
    "Scroll to continue reading",
    "You have reached your free article limit",
    "Be the first to comment",
    "Follow Lima Herald on X",
    "Copyright: Lima Herald Media Group",
    # the source page's own script, archive pictures, credits in capitals
    "责任编辑：李明",
    "김동현 기자",
    "사진=연합뉴스",
    "FILE - Ana Ruiz speaks in Lima on March 3.",
    "ANA RUIZ/LIMA HERALD",
    "▲ Ana Ruiz (left) and Jo Lind in Lima",
    # bylines with an account, a date after "on", a role and an outlet; a long prompt with its small print
    "By Ana Ruiz, @anaruiz",
    "Posted by Ana Ruiz on March 3, 2025",
    "By Ana Ruiz on 03/03/2025",
    "Ana Ruiz, Senior Correspondent, Lima Herald",
    # a blog engine's furniture
    "By admin", "By | March 3, 2025", "Category: Business", "1,234 views", "Like Loading...", "Previous article",
    "The post Valdoria and Merovia agree to resume talks appeared first on Lima Herald.",
    "Discover more from Lima Herald", "Read the original article on Lima Herald.",
    "Sign up for our free daily newsletter to get the latest trade news and analysis delivered to your inbox every "
    "morning. By signing up you agree to our Terms of Service and Privacy Policy and consent to receive emails from us.",
])
def test_debris_goes_wherever_it_stands(lexicon, line):
    assert dropped(lexicon, line)


@pytest.mark.parametrize("line", [
    "Peru's fishery association has spent heavily on advertising in Chinese supermarkets to build demand.",
    "The meeting was partly a photo op, one exporter said, but it put inspections on the agenda.",
    "Ruiz arrives in Lima on Tuesday for three days of talks with Lind.",
    "Ruiz speaks at a business forum in Lima on Thursday before flying home.",
    "Ana Ruiz, Valdoria's trade minister, in Lima on Tuesday signed a deal on copper.",
    "Ana Ruiz, Valdoria's trade minister, in a statement urged Merovia to lift the ban.",
    "Ana Ruiz in Lima and Jo Lind in Quito held a video call on Tuesday.",
    "Ana Ruiz with her team flew to Lima on Monday.",
    "Trade Minister Ana Ruiz met her Merovian counterpart Jo Lind in Lima on Tuesday.",
    "Ana Ruiz, 52, has led the trade ministry since 2023.",
    "Jo Lind is a senior adviser to the president on trade.",
    "The ministry updated its export control list on Monday.",
    "Comments can be sent to trade@ministry.example by March 1, the ministry said.",
    "The talks ended without a deal. AFP",
    "Xinhua reported from Beijing that the talks had ended.",
    "The ruling is for informational purposes only, the court said.",
    "About 40 companies attended the forum.",
    "Both sides agreed to:",
])
def test_story_lines_that_look_like_debris_stay(lexicon, line):
    assert survives(lexicon, line)


def test_a_transcript_s_short_questions_and_answers_stay(lexicon):
    lines = ["Q: Will you travel to Tokyo?", "A: Yes.", "Q: Any details?", "A: We will release information in due course."]
    assert clean(lexicon, *STORY[:1], *lines).paragraphs == [STORY[0], *lines]


def test_a_one_line_quote_paragraph_and_a_release_s_bulleted_measures_stay(lexicon):
    lines = [STORY[0], "The two sides agreed on the following measures:", "- a joint working group on rules of origin;",
             "- mutual recognition of standards certificates;", '"We will not be bullied."', STORY[1]]
    assert clean(lexicon, *lines).paragraphs == lines   # a short bullet keeps its mark


def test_a_release_ends_at_its_end_mark(lexicon):
    tail = ["-ENDS-", "About the Ministry of Trade", "The Ministry of Trade promotes exports.", "###"]
    assert clean(lexicon, *STORY, *tail).paragraphs == STORY


def test_about_boilerplate_goes_only_when_it_describes_its_subject(lexicon):
    about = ["About the Valdoria Trade Council",
             "The Valdoria Trade Council represents 300 exporters and advises the government on trade policy.",
             "Media contact: Ana Ruiz, +51 1 555 0100"]
    assert clean(lexicon, *STORY, *about).paragraphs == STORY
    heading = ["About the talks", "The talks covered steel, aluminium and copper, and both sides promised to meet again."]
    assert clean(lexicon, *STORY, *heading).paragraphs == [*STORY, *heading]


def test_a_contacts_block_of_a_client_alert_goes(lexicon):
    tail = ["Contacts", "Julia Harrow, Partner, Washington DC", "Omar Siddiqui, Associate, London",
            "This alert is for general information purposes only and does not constitute legal advice."]
    assert clean(lexicon, *STORY, *tail).paragraphs == STORY


def test_a_page_feedback_form_goes(lexicon):
    tail = ["Is this page useful?", "Yes", "No", "Report a problem with this page",
            "Don't include personal or financial information like your National Insurance number."]
    assert clean(lexicon, *STORY, *tail).paragraphs == STORY


def test_three_unheaded_headlines_between_paragraphs_go_but_a_list_after_a_colon_stays(lexicon):
    links = ["Valdoria cuts interest rates as inflation slows", "Merovia's exports to China hit a record in March",
             "Copper prices fall on weak demand from builders"]
    assert clean(lexicon, STORY[0], *links, *STORY[1:]).paragraphs == STORY
    measures = ["Both sides agreed on:", "Lower tariffs on 200 farm products", "A joint working group on rules of origin",
                "Mutual recognition of standards certificates"]
    assert clean(lexicon, STORY[0], *measures, *STORY[1:]).paragraphs == [STORY[0], *measures, *STORY[1:]]


def test_alt_text_that_a_caption_repeats_goes_but_a_repeated_lead_stays(lexicon):
    alt = "Ana Ruiz at the talks in Lima"
    assert clean(lexicon, alt, "Ana Ruiz at the talks in Lima on March 3. Photo: Reuters", *STORY).paragraphs == STORY
    assert clean(lexicon, STORY[0], STORY[0] + " (Photo: AFP)", *STORY[1:]).paragraphs == STORY


@pytest.mark.parametrize("tail", [
    "Also Read | Valdoria cuts rates", "Read more »", "(Read more)", "Continue reading", "(Advertisement)",
    "(With inputs from agencies)", "Reporting by Ana Ruiz in Lima; Editing by Jo Lind",
    "(Ana Ruiz is a correspondent for the Lima Herald.)", "[Image by Ana Ruiz / Wikimedia Commons]", "(File photo)",
])
def test_a_prompt_or_credit_closing_a_paragraph_is_cut_and_the_paragraph_stays(lexicon, tail):
    article = clean(lexicon, STORY[0], STORY[1] + " " + tail, STORY[2])
    assert article.paragraphs == STORY


def test_a_credit_phrase_deep_in_a_long_paragraph_keeps_the_paragraph(lexicon):
    long = STORY[1] + " Officials said more talks would follow in May, with inputs from industry groups on steel quotas."
    assert clean(lexicon, STORY[0], long, STORY[2]).paragraphs == [STORY[0], long, STORY[2]]


def test_related_headlines_with_teasers_go_but_subheaded_story_paragraphs_stay(lexicon):
    related = ["Related", "Valdoria cuts interest rates as inflation slows.",
               "The central bank cut its main rate by a quarter point on Thursday, citing slower price growth.",
               "Merovia's exports to China hit a record in March.",
               "Shipments of copper and fishmeal rose sharply in March as demand from Chinese buyers recovered."]
    assert clean(lexicon, *STORY, *related).paragraphs == STORY
    story = ["Related", "Tariffs on steel",
             "Both sides said they would cut tariffs on steel products by half over three years, officials said.",
             "Rare earths", "China agreed to speed up licences for rare earth magnets, the ministry said in a statement."]
    kept = clean(lexicon, *STORY, *story).paragraphs
    assert story[2] in kept and story[4] in kept


@pytest.mark.parametrize("note", [
    "*Ana Ruiz is a senior correspondent covering trade for the Lima Herald.*",
    "(Ana Ruiz is a senior correspondent covering trade for the Lima Herald.)",
    "The writer is a former trade negotiator of Valdoria.",
    "The views expressed are the author's own.",
])
def test_an_author_s_note_closing_the_page_goes_in_italics_brackets_or_the_third_person(lexicon, note):
    assert clean(lexicon, *STORY, note).paragraphs == STORY
