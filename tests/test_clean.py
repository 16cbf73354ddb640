"""Cleaning: paragraphs, boilerplate of each kind, near-duplicates, and prose that must stay."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.article import Article
from pipeline.clean.boilerplate import clean_article, normalise
from pipeline.clean.lines import classify_line, is_related_heading
from pipeline.clean.rules import CleanRules

SEEDS = Path(__file__).resolve().parents[1] / "data" / "samples"   # the two seed articles, as given

PROSE = [
    "China's commerce ministry said on Tuesday it would tighten controls on exports of gallium and germanium.",
    "The measures take effect immediately and apply to shipments bound for the United States, it said.",
    "Analysts said the move was the latest escalation in a long-running dispute over advanced chips.",
]


@pytest.fixture
def cleaned(lexicon):
    """Clean an article made of these lines."""
    def run(*lines: str, title: str = "") -> Article:
        return clean_article(Article(origin="t.txt", raw_text="\n".join(lines), title=title), lexicon)
    return run


@pytest.fixture
def rules(lexicon) -> CleanRules:
    return lexicon.compiled(CleanRules)


def removed(article: Article) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in article.removed]


def seed(prefix: str) -> str:
    files = sorted(SEEDS.glob(prefix + "_*.txt"))
    assert files, f"no seed in {SEEDS}"
    return files[0].read_text("utf-8")


# --- the seeds ---------------------------------------------------------------

def test_seed_000_drops_the_repeated_paragraph(lexicon):
    lines = seed("000").split("\n")
    art = clean_article(Article(origin="000.txt", raw_text=seed("000")), lexicon)
    assert art.paragraphs == lines[:4] + lines[5:7]
    assert len(art.paragraphs) == 6
    assert removed(art) == [("duplicate", lines[4])]


def test_seed_004_drops_the_repeated_body_and_the_related_block(lexicon):
    lines = seed("004").split("\n")
    art = clean_article(Article(origin="004.txt", raw_text=seed("004")), lexicon)
    # the first eight lines are the body; lines 8-14 repeat lines 1-7
    assert art.paragraphs == lines[:8]
    assert [r.reason for r in art.removed] == ["duplicate"] * 7 + ["related"] * 6
    assert art.removed[7].text == "You may also like"
    assert "BBC star" not in art.text and "Ronnie O'Sullivan" not in art.text


# --- whitespace and paragraphs -------------------------------------------------

def test_normalise_spaces_zero_width_tabs_and_keeps_curly_quotes():
    raw = "A\u00a0b\u200b c\tand\u202fd  e\r\n“Quoted,” he said’s\ufeff\nagenda.\u00c2\u00a0\n"
    assert normalise(raw) == "A b c and d e\n“Quoted,” he said’s\nagenda.\n"


def test_normalise_composes_accents():
    assert normalise("Sa\u0301nchez") == "Sánchez"


def test_paragraphs_split_on_single_and_blank_lines(cleaned):
    art = cleaned(PROSE[0], "", "", PROSE[1], PROSE[2])
    assert art.paragraphs == PROSE
    assert art.removed == []


# --- boilerplate, one kind at a time -------------------------------------------

@pytest.mark.parametrize("heading", ["You may also like", "Related", "Related articles:", "READ MORE",
                                     "Most popular", "More from Reuters", "Similar News", "Recommended",
                                     "Trending now", "Related stories »"])
def test_related_block_at_the_end_goes_with_its_headlines(heading, cleaned):
    art = cleaned(*PROSE, heading, "Minister slams rival over budget row",
                  "Star makes huge TV return in Christmas special", "Stocks rally as rate cut hopes grow")
    assert art.paragraphs == PROSE
    assert [r.reason for r in art.removed] == ["related"] * 4


def test_related_block_in_the_middle_stops_at_prose(cleaned):
    art = cleaned(PROSE[0], "Related:", "Exporters brace for new curbs", "Why gallium matters", PROSE[1], PROSE[2])
    assert art.paragraphs == PROSE
    assert removed(art) == [("related", "Related:"), ("related", "Exporters brace for new curbs"),
                            ("related", "Why gallium matters")]


def test_inline_related_link_drops_only_its_line(cleaned):
    art = cleaned(PROSE[0], "READ MORE: China tightens export rules on key minerals", PROSE[1], PROSE[2])
    assert art.paragraphs == PROSE
    assert removed(art) == [("related", "READ MORE: China tightens export rules on key minerals")]


def test_related_heading_with_teaser_and_read_more_link(cleaned):
    teaser = ("Ruritania seeks new buyers for its wine exportsThe trade minister left Vienna on Friday "
              "after three days of talks without a deal on the quota.")
    art = cleaned(*PROSE, "Similar News:Stories on the same topic from our desk.", teaser, "Read more »")
    assert art.paragraphs == PROSE
    assert [r.reason for r in art.removed] == ["related", "related", "link"]


def test_bulleted_headlines_at_the_end_without_heading(cleaned):
    art = cleaned(*PROSE, "- Parliament votes to delay the budget", "- Central bank holds rates steady")
    assert art.paragraphs == PROSE
    assert [r.reason for r in art.removed] == ["related", "related"]


def test_a_single_bullet_in_the_body_stays(cleaned):
    art = cleaned(PROSE[0], "- Tariffs on steel rise to 25 percent from June", PROSE[1])
    assert art.paragraphs == [PROSE[0], "- Tariffs on steel rise to 25 percent from June", PROSE[1]]


@pytest.mark.parametrize("line", ["Share this article", "Subscribe to our newsletter",
                                  "Follow us on Twitter and Facebook", "Sign up for our newsletter to get the news"])
def test_share_and_subscribe_prompts(line, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1])
    assert removed(art) == [("share_prompt", line)]
    assert art.paragraphs == PROSE[:2]


@pytest.mark.parametrize("line,date_text", [
    ("Published Date: 09:15 | 14 March 2023", "Published Date: 09:15 | 14 March 2023"),
    ("- Modified Date: 09:20 | 14 March 2023", "Modified Date: 09:20 | 14 March 2023"),
    ("Updated: Nov 2, 2025 10:30 am", "Updated: Nov 2, 2025 10:30 am"),
    ("Published - March 14, 2023 09:15 am IST - Mumbai", "Published - March 14, 2023 09:15 am IST - Mumbai"),
    ("UPDATED at 9:05 a.m. ET on 2023-03-14", "UPDATED at 9:05 a.m. ET on 2023-03-14"),
    ("Updated Thurs. 14 Sept 2023", "Updated Thurs. 14 Sept 2023"),
    ("Posted on March 3, 2025", "Posted on March 3, 2025"),
    ("03 December 2024 11:52", "03 December 2024 11:52"),
])
def test_site_metadata_lines_are_dropped_and_their_dates_kept(line, date_text, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1])
    assert removed(art) == [("metadata", line)]
    assert art.metadata_dates == [date_text]


@pytest.mark.parametrize("line", ["By Staff Correspondent", "By Correspondent", "By Jane Doe and John Roe",
                                  "Ana Ruiz and Tomas Berg for RFA", "AP", "(AFP)",
                                  "Reporting by Jane Doe; Editing by John Roe",
                                  "The Associated Press contributed to this report.", "(With inputs from Reuters)"])
def test_bylines(line, cleaned):
    art = cleaned(line, *PROSE)
    assert removed(art) == [("byline", line)]
    assert art.paragraphs == PROSE


def test_lone_author_name_at_the_end(cleaned):
    art = cleaned(*PROSE, "Marta Kowalczyk")
    assert removed(art) == [("byline", "Marta Kowalczyk")]


@pytest.mark.parametrize("line", [
    "The minister shakes hands with his counterpart before talks in Beijing. (Photo by Jane Doe - Pool/Getty Images)",
    "The minister says the visit was a success. Photograph: Foreign Affairs Department/Reuters",
    "The minister toured the port last spring. File photo | Photo Credit: AFP",
    "Credit : Radio Ruritania (RR), Photo Credit : Agence France-Presse (AFP)",
    "Minister Ana Ruiz (R, with her deputy) arrives in Lisbon for the talks (JOHN SMITH)",
    "Officials attend the opening of the trade fair in Shanghai (AFP)",
    "Jane Doe/AFP (left) and John Roe/Reuters/Pool (right)",
    "(From left) Ana Ruiz, Tomas Berg and Li Ming before the talks",
    "A worker at a rare earth mine in Inner Mongolia. REUTERS/David Gray",
])
def test_photo_captions_and_credits_are_dropped_whole(line, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1])
    assert removed(art) == [("caption", line)]
    assert art.paragraphs == PROSE[:2]


@pytest.mark.parametrize("line", ["Your email address will not be published. Required fields are marked *",
                                  "Comments", "Leave a Reply"])
def test_comment_form_lines(line, cleaned):
    art = cleaned(*PROSE, line)
    assert removed(art) == [("comment_form", line)]


def test_site_navigation_and_repeated_title(cleaned):
    art = cleaned("China curbs gallium exports", "Ruritania Latest News, Ruritania Headlines", *PROSE,
                  title="China curbs gallium exports")
    assert removed(art) == [("title", "China curbs gallium exports"),
                            ("nav", "Ruritania Latest News, Ruritania Headlines")]
    assert art.paragraphs == PROSE


@pytest.mark.parametrize("line", ["Advertisement", "ADVERTISEMENT - SCROLL TO CONTINUE", "Latest News »",
                                  "Headlines (3)", "Asia Latest News | Business Headlines", "Back to top ↑",
                                  "Story continues below advertisement"])
def test_navigation_phrase_standing_alone_is_dropped(line, rules):
    assert classify_line(line, rules) == "nav"


@pytest.mark.parametrize("line", ["Markets shrug off tariff headlines", "Latest news on the export curbs",
                                  "Tariff Headlines Rattle Markets", "Breaking news: Ruritania cuts wine tariffs",
                                  "Why the latest news from Geneva matters"])
def test_headline_that_merely_contains_a_navigation_word_stays(line, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1], PROSE[2])
    assert art.paragraphs == [PROSE[0], line, PROSE[1], PROSE[2]]


# --- an agency's name closing a paragraph: caption or wire sign-off --------------------

SCENE = "Two trade ministers met in Geneva on Monday for the first time in a year. (AFP)"


def test_one_sentence_scene_credited_to_an_agency_between_paragraphs_is_a_caption(cleaned):
    art = cleaned(PROSE[0], SCENE, PROSE[1], PROSE[2])
    assert removed(art) == [("caption", SCENE)]


@pytest.mark.parametrize("line", [
    "Minister Ana Ruiz, pictured, arrives in Lisbon for the talks. (Reuters)",
    "A handout shows the two delegations at the table in Geneva. (AFP)",
])
def test_agency_credit_with_picture_wording_is_a_caption_even_at_the_end(line, cleaned):
    art = cleaned(*PROSE, line)
    assert removed(art) == [("caption", line)]


@pytest.mark.parametrize("line", [
    SCENE,
    "The ministers will meet again in Geneva next month, officials said. (Reuters)",
    "The bigger picture is a slow thaw, and a photo of the two men shaking hands would help, analysts said. (AFP)",
    "Exports of the metals fell 12 percent in the first half, customs data showed on Friday, "
    "and traders expect a further drop once the new licences are required in September. (AFP)",
])
def test_last_paragraph_of_wire_copy_keeps_its_agency_sign_off(line, cleaned):
    art = cleaned(*PROSE, line)
    assert art.paragraphs == [*PROSE, line]


@pytest.mark.parametrize("line", [
    "The ministers will meet again in Geneva next month, officials said. (Reuters)",
    "The talks ended without a deal. Both sides will meet again in June. (AFP)",
])
def test_wire_paragraph_between_paragraphs_keeps_its_agency_tag(line, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1], PROSE[2])
    assert art.paragraphs == [PROSE[0], line, PROSE[1], PROSE[2]]


# --- prose that must stay ----------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Related talks on export controls are expected next month, the ministry said in a statement.",
    "Read more about the tariffs in the report, which the commission published on Tuesday, she said.",
    "By the end of March, China had lifted its ban on barley imports, officials said.",
    "Trending higher for a third day, rare earth prices rose 4% in Shanghai.",
    "The ministry published its statement on Monday, a day after the talks in Brussels ended.",
    "Updated guidelines were published in 2023 and apply to all exporters, the agency said.",
    "BEIJING (AFP) - China said on Sunday it would hold talks with Japan on seafood imports next week.",
    "The US added the firms to its Entity List under section 301(c) of the Trade Act, the notice said.",
    "Comments from the minister followed a call with his Dutch counterpart, who urged calm.",
    "Exporters and/or importers must register with the ministry by March, it said.",
    "The image of China as a reliable supplier has been damaged, analysts said.",
    "Credit Suisse analysts said the curbs would hit European automakers hardest.",
    "Follow-up talks will take place in Geneva, where officials will follow up on the accord.",
])
def test_prose_that_mentions_boilerplate_words_stays(line, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1])
    assert art.paragraphs == [PROSE[0], line, PROSE[1]]
    assert art.removed == []


def test_prose_after_a_related_heading_in_the_middle_survives(cleaned):
    art = cleaned("Related", *PROSE)
    assert art.paragraphs == PROSE


def test_lone_capitalised_words_in_the_middle_stay(cleaned):
    more = ["Japan's trade ministry declined to comment on the timing of any response to the curbs.",
            "Shares of rare earth producers rose sharply in Tokyo and Sydney after the announcement."]
    art = cleaned(*PROSE, "Member States Divided", *more)
    assert art.paragraphs == [*PROSE, "Member States Divided", *more]


def test_classify_line_and_heading_helpers(rules):
    assert classify_line("Share this article", rules) == "share_prompt"
    assert classify_line(PROSE[0], rules) is None
    assert is_related_heading("You may also like", rules)
    assert not is_related_heading("You may also like the new rules, the minister joked to reporters.", rules)


# --- repeated paragraphs -------------------------------------------------------------

def test_near_duplicate_paragraph_is_removed_keeping_the_first(cleaned):
    near = PROSE[0].replace("on Tuesday", "on Tuesday,").replace("China's", "China’s")
    art = cleaned(PROSE[0], PROSE[1], near, PROSE[2])
    assert art.paragraphs == PROSE
    assert removed(art) == [("duplicate", near)]


def test_similar_but_different_paragraphs_both_stay(cleaned):
    other = PROSE[0].replace("gallium and germanium", "graphite and antimony").replace("Tuesday", "Friday")
    art = cleaned(PROSE[0], other)
    assert art.paragraphs == [PROSE[0], other]


def test_short_repeated_line_is_removed_only_when_identical(cleaned):
    art = cleaned(PROSE[0], "Talks resume", PROSE[1], "Talks resume", "Talks resumed")
    assert art.paragraphs == [PROSE[0], "Talks resume", PROSE[1], "Talks resumed"]


def test_many_same_length_paragraphs_keep_each_once(cleaned):
    # every pair is a fuzzy candidate here; the cost is printed by benchmarks/ingest.py, not asserted
    import random
    rng = random.Random(7)
    words = "china japan tariffs chips minerals talks export controls minister met said urged trade".split()
    body = [" ".join(rng.choice(words) for _ in range(25)) + "." for _ in range(90)]
    art = cleaned(*body, *body[:10])
    assert len(art.paragraphs) == 90
    assert [r.reason for r in art.removed] == ["duplicate"] * 10


@pytest.mark.parametrize("line", [
    "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
    "Copyright 2025 The Associated Press. All rights reserved.",
    "Associated Press writers Ken Moritsugu and Huizhong Wu contributed.",
    "This article was first published by Kyodo News.",
    "Download the SCMP app",
    "Source: Xinhua",
    "Responsible editor: Li Ming",
    "==Kyodo",
    "Global Times",
    "Sign up here.",
    "Suggested Topics:",
])
def test_footers_of_other_sites(line, cleaned):
    prose = ["BEIJING (Reuters) - China said on Thursday it would tighten controls on rare earth exports.",
             "The copyright dispute between the two firms was settled, a court in Shanghai said on Friday.",
             "All rights groups criticised the decision, saying it would hurt fishermen in the region."]
    art = cleaned(prose[0], line, *prose[1:])
    assert art.paragraphs == prose


@pytest.mark.parametrize("line", [
    "Reuse this content", "Sign up now and get 10 per cent off", "By registering, you agree to our T&C and Privacy Policy",
    "Get breaking news alerts directly to your phone with the ABC NEWS app.",
    "Sign up for our newsletters",
    "Skip next section Explore more",
    "Stay updated on the latest news from Japan.",
    "Corrections and clarifications | Submit a news tip | Report error",
    "Copyright (c) Yonhap News Agency prohibits its content from being redistributed without permission.",
    "READ LATER",
    "Subscribe to read the full story.", "Already a subscriber? Log in", "Please log in to use the bookmark feature.",
    "Save articles to read later and create your own reading list.", "1 of 5", "Enditem",
    "BY PARK EUN-JI [park.eunji@joongang.co.kr]", "— With assistance from Yuki Furukawa",
])
def test_more_site_prompts_are_dropped(line, cleaned):
    art = cleaned(PROSE[0], line, PROSE[1])
    assert art.paragraphs == PROSE[:2]


def test_bracketed_editor_credit_is_dropped_but_bracketed_prose_stays(rules):
    assert classify_line("[Editor: Zhang Long]", rules) == "byline"
    assert classify_line("[Xinhua] China and the EU agreed on Monday to resume talks on trade.", rules) is None


@pytest.mark.parametrize("heading", ["More on this:", "Explore more on these topics", "KEYWORDS", "DW's top story",
                                     "Explore more", "Most Read from Bloomberg"])
def test_more_on_this_headings_take_their_links(heading, cleaned):
    art = cleaned(PROSE[0], PROSE[1], heading, "China, US agree to one-year truce in Busan")
    assert art.paragraphs == PROSE[:2]


@pytest.mark.parametrize("line", [
    "Follow-up talks on the app store rules are expected in Brussels next week, officials said.",
    "Get a grip on supply, the minister told the newsletter's readers, was his message.",
    "Watch exports closely, analysts said, as the section 232 probe widens.",
    "Tariffs | quotas | licences: the three tools Beijing has used since 2023 are spelled out in the report.",
])
def test_prose_that_looks_like_a_prompt_stays(line, rules):
    assert classify_line(line, rules) is None


def test_author_note_at_the_end_goes_but_a_sentence_about_a_reporter_stays(cleaned):
    bio = "Tan Wei Ling is a correspondent at The Straits Times covering trade."
    assert cleaned(*PROSE, bio).paragraphs == PROSE
    middle = "Lee Min-ho is a former correspondent who now advises exporters in Busan, he said."
    assert cleaned(PROSE[0], middle, *PROSE[1:], "Most Read from Bloomberg", "Yen Slides as BOJ Holds").paragraphs \
        == [PROSE[0], middle, *PROSE[1:]]


# --- page furniture by its shape (pipeline.clean.furniture) -----------------

STORY = [
    "Trade ministers from Valdoria and Merovia met in Lima on Tuesday to discuss tariffs on steel and aluminium.",
    "The talks lasted three hours and ended without a joint statement, officials from both sides said.",
    "Valdorian Trade Minister Ana Ruiz said her government would keep pressing for lower duties on farm goods.",
]


@pytest.mark.parametrize("line", [
    "Von Ana Ruiz | 3. März 2025",
    "Por Jorge Lind, 12 de marzo de 2025",
    "By Ana Ruiz, March 3, 2025",
    "Valdoria Daily Staff Ana Ruiz",
    "Lima Herald Media Network - Lima",
    "(Image by Ana Ruiz, Wikimedia Commons)",
    "(Photo: Jo Lind/Reuters)",
    "Ministers pose for a photo before talks in Lima, March 3, 2025.",
    "Ministers Ruiz and Lind who shake hands in front of a camera",
    "Valdorian Trade Minister Ana Ruiz speaks during a news conference in Lima, Peru, March 3, 2025.",
    "Home > World > Asia",
    "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
    "Accept all cookies",
    "Advertisement",
    "Get the app",
    "Now playing",
    "Delegates of both countries meet in Lima, Peru, March 3, 2025.",
    "A handout photo shows Ruiz greeting Lind at the airport.",
])
def test_furniture_above_the_story_goes(cleaned, line):
    art = cleaned(line, *STORY)
    assert art.paragraphs == STORY


@pytest.mark.parametrize("line", [
    "(By Ana Ruiz; Editing by Jo Lind)",
    "Reporting by Ana Ruiz in Lima; Writing by Jo Lind; Editing by Mark Tan",
    "(By Mark Tan)",
    "Sign up for our daily briefing",
    "Stay up-to-date with the latest trade news with our e-newsletter.",
    "Share the content",
    "Read more:",
    "Ana Ruiz is a correspondent covering trade and diplomacy in South America.",
    "© 2025 Lima Herald. All rights reserved.",
    "This article was first published by the Lima Herald.",
    "Tags: tariffs, China",
    "Follow us on Facebook",
    "facebookfacebook",
    "Twitter | Kakao | Print",
    "Back to Press Releases",
    "Go to Forum >>0 Comment(s)",
    "(c) 2025 Lima Herald Media",
    "Originally published at limaherald.example",
    "About the author: Ana Ruiz writes about trade.",
    "Never miss a story: sign up for our morning briefing",
    "Got a news tip? Email us",
    "Print this page",
    "Filed under: Trade, Asia",
    "Ana Ruiz reports on trade and diplomacy for the Lima Herald.",
    "ANA RUIZ",
    "Ana Ruiz & Jo Lind",
    "Ana Ruiz, Staff Writer",
    "(Image source: Wikimedia Commons)",
])
def test_furniture_below_the_story_goes(cleaned, line):
    art = cleaned(*STORY, line)
    assert art.paragraphs == STORY


@pytest.mark.parametrize("line", [
    "By Tuesday, 30 countries had signed the pact, and Merovia was expected to follow",
    "Home Affairs Minister Ana Ruiz met her Merovian counterpart on Monday.",
    "Leaders will shake hands at the summit on Friday before the talks begin.",
    "The two ministers shook hands before the talks and posed for photographers.",
    "Ruiz and Lind shake hands on a deal, Merovian state media said.",
    "Merovia's new privacy law, which limits how websites use cookies, was discussed at length.",
    "Staff at the Merovian embassy in Lima were told to prepare for the visit, Ruiz said.",
    "Back to the negotiating table went both delegations after a week of public sparring.",
    "Get the deal done before June, Ruiz told reporters.",
    "Ruiz speaks at a business forum in Lima on Thursday before flying home.",
    "Ruiz attends a summit of Andean trade ministers in Quito next week.",
    "Ruiz meets Lind in Lima on Tuesday, officials said.",
    "First published in 2019, the tariff schedule has been revised twice since then.",
    "Read the fine print: Merovia's offer covers only steel, Ruiz warned.",
    "Never again: Ruiz vowed on Tuesday that Valdoria would not accept a quota on its wheat.",
])
def test_story_paragraphs_that_look_like_furniture_stay(cleaned, line):
    art = cleaned(STORY[0], line, *STORY[1:])
    assert art.paragraphs == [STORY[0], line, *STORY[1:]]


def test_paragraph_cut_mid_sentence_stays(cleaned):
    cut = "The agreement was signed on Tuesday by Trade Minister Ana Ruiz, said the minister, who"
    assert cleaned(*STORY, cut).paragraphs == [*STORY, cut]


def test_bulleted_story_paragraphs_lose_only_the_bullet(cleaned):
    art = cleaned(STORY[0], "- Valdoria will cut tariffs on Merovian cars to 10% from next year, the ministry said.",
                  "• Both sides agreed to meet again in June in the Merovian capital.", STORY[1])
    assert art.paragraphs == [STORY[0], "Valdoria will cut tariffs on Merovian cars to 10% from next year, the ministry said.",
                              "Both sides agreed to meet again in June in the Merovian capital.", STORY[1]]


def test_unheaded_headline_list_after_the_story_goes(cleaned):
    titled = ["Merovia Cuts Interest Rates Again", "Valdoria Signs Gas Deal With Neighbour"]
    assert cleaned(*STORY, *titled).paragraphs == STORY
    plain = ["Merovia cuts interest rates again", "Valdoria signs gas deal with neighbour", "Lima port strike enters third week"]
    assert cleaned(*STORY, *plain).paragraphs == STORY


def test_two_sentence_case_lines_after_the_story_stay(cleaned):
    """Two unfinished lines may be the story cut short; only a third makes them a list."""
    tail = ["Ruiz said talks would resume in June", "Lind did not comment on the timetable"]
    assert cleaned(*STORY, *tail).paragraphs == [*STORY, *tail]


def test_the_source_line_and_the_title_with_the_site_name_go(lexicon):
    art = clean_article(Article(origin="t.txt", title="Valdoria and Merovia resume steel talks",
                                source="Lima Herald (Andean Wire)",
                                raw_text="\n".join(["Valdoria and Merovia resume steel talks | Lima Herald",
                                                    "Andean Wire - Lima", *STORY])), lexicon)
    assert art.paragraphs == STORY
    assert [r.reason for r in art.removed] == ["title", "byline"]


def test_alt_text_repeated_above_the_story_goes_everywhere(cleaned):
    art = cleaned("Valdoria-Merovia steel row", "Ministers Ruiz and Lind in Lima (L).", "Valdoria-Merovia steel row", *STORY)
    assert art.paragraphs == STORY


def test_repeated_speaker_labels_of_a_transcript_stay(cleaned):
    art = cleaned(STORY[0], "Ana Ruiz:", "We will keep talking to our neighbours about steel and aluminium.",
                  "Ana Ruiz:", "Farm goods matter as much to us as metals do, and we said so today.")
    assert art.paragraphs[1] == "Ana Ruiz:"
    assert "Farm goods matter as much to us as metals do, and we said so today." in art.paragraphs


@pytest.mark.parametrize("junk, where", [
    ("(Photo: Jo Lind/Reuters)", "end"), ("(Image by Ana Ruiz, Wikimedia Commons)", "start"),
    ("(By Mark Tan)", "end"), ("Read more: Merovia cuts rates again", "end"),
])
def test_credits_and_prompts_inside_a_paragraph_are_cut_out(cleaned, junk, where):
    text = f"{STORY[1]} {junk}" if where == "end" else f"{junk} {STORY[1]}"
    art = cleaned(STORY[0], text, STORY[2])
    assert art.paragraphs == STORY
    assert ("inline", junk) in removed(art)


@pytest.mark.parametrize("text", [
    "Exports rose 5% (by Merovia's count) last year, Ruiz said.",
    "The pact (signed by Trade Minister Ana Ruiz) takes effect today.",
    'Ruiz said: "Read more: that is what I tell students."',
    "The photo (taken by a Merovian reporter) shows both ministers.",
])
def test_brackets_and_colons_of_the_story_stay(cleaned, text):
    assert cleaned(STORY[0], text).paragraphs == [STORY[0], text]


def test_a_scene_quoting_nobody_under_a_picture_credit_is_a_caption(cleaned):
    line = ("Ministers Ruiz and Lind at the port of Callao on Tuesday. Ruiz is in Peru for a three-day visit. "
            "(Photo: Jo Lind/Reuters)")
    art = cleaned(STORY[0], line, *STORY[1:])
    assert art.paragraphs == STORY
    assert removed(art) == [("caption", line)]


def test_title_case_headlines_between_paragraphs_go(cleaned):
    links = ["Merovia Cuts Interest Rates Again", "Valdoria Signs Gas Deal With Neighbour", "Will Lima Port Strike End Soon?"]
    assert cleaned(STORY[0], *links, *STORY[1:]).paragraphs == STORY


def test_a_subheading_and_the_story_s_own_bulleted_points_stay(cleaned):
    points = ["- Steel Tariffs Cut To Ten Percent", "- Car Quotas Lifted From June", "- Wheat Talks Resume Next Month"]
    art = cleaned(STORY[0], "What The Deal Means", STORY[1], *points, STORY[2])
    assert art.paragraphs[:3] == [STORY[0], "What The Deal Means", STORY[1]]
    assert len(art.paragraphs) == 7


def test_a_menu_of_short_capitalised_lines_above_the_story_goes(cleaned):
    assert cleaned("World", "Asia Pacific", "Science & Tech", *STORY).paragraphs == STORY
    assert cleaned("Title", "Artist", *STORY).paragraphs == STORY


def test_one_short_capitalised_line_above_the_story_stays(cleaned):
    assert cleaned("LIMA", *STORY).paragraphs == ["LIMA", *STORY]
    assert cleaned(STORY[0], "World", "Trade", *STORY[1:]).paragraphs == [STORY[0], "World", "Trade", *STORY[1:]]


def test_an_advert_label_between_two_sentences_is_cut_out(cleaned):
    art = cleaned(STORY[0], "The talks lasted three hours. Advertisement The ministers then took questions from reporters.")
    assert art.paragraphs == [STORY[0], "The talks lasted three hours. The ministers then took questions from reporters."]
    assert ("inline", "Advertisement") in removed(art)


def test_advertisement_as_a_word_of_the_story_stays(cleaned):
    line = "Merovia banned the advertisement of Valdorian wine last year. Advertisements for beer were spared."
    assert cleaned(STORY[0], line).paragraphs == [STORY[0], line]


def test_a_three_sentence_author_note_closing_the_article_goes(cleaned):
    note = ("Ana Ruiz is a correspondent for the Lima Herald covering trade and diplomacy across South America. "
            "She previously reported from Quito and Bogota for six years. She holds a degree in economics.")
    assert cleaned(*STORY, note).paragraphs == STORY


@pytest.mark.parametrize("line", [
    "We use cookies and similar technologies to recognise your repeat visits and preferences, to measure the "
    "effectiveness of campaigns and to improve our websites. By clicking 'Accept all cookies' you consent to the use "
    "of cookies. For settings and more information about cookies, view our Cookie Policy.",
    "© 2025 Lima Herald Media Group. All rights reserved. This material may not be published, broadcast, rewritten "
    "or redistributed in whole or in part without the express written permission of the Lima Herald Media Group.",
    "About Us | Contact Us | Advertise With Us | Careers | Terms of Use | Privacy Policy | Cookie Settings | "
    "Accessibility | Sitemap | Newsletters | Corrections | Subscribe | Help Centre | Media Kit | RSS Feeds",
])
def test_long_banners_footers_and_menus_go(cleaned, line):
    assert cleaned(*STORY, line).paragraphs == STORY


def test_a_long_paragraph_about_cookie_rules_stays(cleaned):
    line = ("Merovia's data regulator said on Tuesday that the ministry's site uses cookies to track "
            "visitors, a rule that Valdorian officials said would raise costs for their exporters selling online, "
            "and Ruiz said she would raise the matter with Lind at their next meeting in Lima later this month.")
    assert cleaned(*STORY, line).paragraphs == [*STORY, line]
