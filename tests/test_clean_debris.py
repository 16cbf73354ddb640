"""Cleaning: the page's machinery left in the text (embeds, players, pagers, downloads, translation notices,
bylines run into their dates) and furniture glued to a paragraph of the story; with the story's own lines that
look like them."""
from __future__ import annotations

import pytest

from tests.test_clean_notices import STORY, clean, dropped, survives


@pytest.mark.parametrize("line", [
    # a social post's embed
    "— Ana Ruiz (@anaruiz) March 3, 2026",
    "— Ministry of Trade (@TradeMinVal) May 4, 2026",
    "Productive talks with my Merovian counterpart today. pic.twitter.com/AbCdEf123 — Ana Ruiz (@anaruiz) March 3, 2026",
    "pic.twitter.com/AbCdEf123",
    "https://trade.example/statements/2026-03-03",
    "A post shared by Ana Ruiz (@anaruiz)",
    "View this post on Instagram",
    # players and forms
    "Play video", "Watch video", "Video Player is loading.", "This video can not be played", "Click to play",
    "Your browser does not support the video tag.", "(Story continues below)", "Article continues below this ad",
    "Sponsored Content", "Paid content", "Link copied", "Font size A A A", "Enter your email", "Email address",
    "Thank you for subscribing!", "Photo gallery: Trade talks in Lima", "LISTEN: The trade talks podcast",
    # pagers, downloads, telephone lines
    "Page 2 of 3", "Page 2", "- 2 -", "[1]", "1 2 3 Next", "Next page", "Previous page",
    "Download the PDF", "Download (PDF, 345 KB)", "Annual report 2025 [PDF 2 MB]", "Print version", "Full text",
    "Tel: +51 1 234 5678", "Phone: (+51) 1 234 5678 | Email: press@trade.example",
    # translation notices
    "This article was translated from Spanish.", "Translated from the Spanish by Jo Lind.",
    "This article was machine-translated.", "This is an automated translation. The original text is in Spanish.",
    "(Machine translation)", "Original article in Spanish", "Also available in: Español | Français",
    "This article has been automatically translated.",
    # bylines run into the page's date, or with an outlet or a role after the name
    "By Ana Ruiz Updated: 03 Mar 2026, 10:15 AM IST", "Ana Ruiz Published Mar 3, 2026", "Ana Ruiz Mar 3, 2026",
    "Ana Ruiz 3 Mart 2026 14:05", "Ana Ruiz Senior Reporter", "-- Edited by Ana Ruiz", "By Ana Ruiz / March 3, 2026",
    "By Ana Ruiz - Lima Herald", "By Ana Ruiz, Lima Herald staff", "Por Ana Ruiz, em 12 de março de 2026 às 10h45",
    "Oleh Ana Ruiz | Selasa, 3 Maret 2026 14:05 WIB", "Selasa, 3 Maret 2026 14:05 WIB", "Diperbarui 3 Maret 2026",
    # picture credits and captions
    "Shutterstock", "Photo/Ana Ruiz", "Ana Ruiz, right, greets Jo Lind in Lima.",
    "This material may not be published, broadcast, rewritten or redistributed without permission.",
    "To continue reading, subscribe", "Get it on Google Play",
    # prompts led by an emoji or a hook, their small print; a picture's credit without brackets
    "📱 Download the Lima Herald app", "➡️ Follow us on WhatsApp", "Want more? Subscribe!",
    "The latest trade news, direct to your inbox", "You are reading Trade Daily, our newsletter. Subscribe here.",
    "By subscribing, you agree to our Privacy Policy.", "You can unsubscribe at any time.", "Our newsletters",
    "Courtesy of the Valdorian Ministry of Trade", "Jueves, 12 de febrero de 2026", "mercredi 12 mars 2026",
    # a release's translation note, contents, running header and notes; a newsletter's own lines; promotions
    "Unofficial translation. Should the texts differ, the Korean version shall prevail.",
    "Table of contents: Background ....... 1 | Findings ....... 3", "Lima Herald Weekly — Page 3 of 4",
    "[2] Ministry of Trade, Annual Export Review, 2025.", "Open this newsletter in your browser",
    "Hello! Here's what you need to know today.", "Promoted: TradeDesk Pro tracks tariffs across 60 markets. Try it free.",
    "Coming up: Copper prices fall (1:45)", "Email | Print", "[Advertisement]",
    "Source: Ministry of Commerce Date: 2026-10-29 Font size: L M S", "Unsubscribe | Manage your preferences",
    "You received this email because you signed up at limaherald.example.",
    "Press Office of the Ministry of Foreign Trade of the Republic of Valdoria", "Email | Back to press releases",
    "This content is for Lima Herald Plus subscribers. Copying is prohibited.",
    "Related markets: Copper cathode LME | Zinc ingot Rotterdam",
])
def test_page_machinery_goes_wherever_it_stands(lexicon, line):
    assert dropped(lexicon, line)


@pytest.mark.parametrize("line", [
    "Photo opportunities were limited as the ministers met behind closed doors in Lima on Tuesday.",
    '"I would urge every exporter to subscribe to the ministry\'s tariff alerts," Ruiz told reporters.',
    "The ministry said exporters could download the new forms from its website.",
    "Reporting by state media said the talks had ended early.",
    "Page 12 of the agreement sets out the quota for steel.",
    "The ministry's statement was translated into Spanish and French.",
    "Lind, who was translated by an interpreter, said the talks were frank.",
    "Ruiz tweeted on Tuesday that the talks had been \"productive\".",
    "Ruiz posted a photo of the signing on social media.",
    "Live exports of sheep were also discussed.",
    "Updated figures show exports fell 3 percent in February.",
    "Ana Ruiz, right, will greet Jo Lind in Lima on Friday.",
    "Lima, 12 de marzo de 2026",
    "LIMA, March 3 (Reuters) - Trade ministers from Valdoria and Merovia met on Tuesday.",
    "Courtesy of the ministry, exporters received free samples.",
    "Supplied by Merovia, the copper goes to smelters in Lima.",
    "Handout payments to farmers rose in 2025.",
    "Sponsored by the ministry, the trade fair drew 300 exporters from 12 countries.",
    "Coming up: talks on steel in June, the ministry said.",
    "Contents of the agreement were not disclosed, officials said.",
    "The report lists exports by sector: copper ....... 40 percent, according to the ministry.",
    "Ruiz said the email from Merovia's ministry arrived on Monday.",
    "Press Office staff of the Ministry of Trade said the minister would travel on Friday.",
])
def test_story_lines_that_look_like_page_machinery_stay(lexicon, line):
    assert survives(lexicon, line)


@pytest.mark.parametrize("junk, form", [
    ("(By Ana Ruiz; Editing by Jo Lind)", "{J} {S}"),
    ("(Reporting by Ana Ruiz in Lima; Additional reporting by Jo Lind in Quito; Editing by Kim Lee)", "{J} {S}"),
    ("(Source: Lima Herald)", "{S} {J}"),
    ("(With inputs from Reuters)", "{J} {S}"),
    ("(Image by Ana Ruiz (CC BY-SA 4.0), Wikimedia Commons)", "{S} {J}"),
    ("(Image by Ana Ruiz (talk), CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0), via Wikimedia Commons)",
     "{J} {S}"),
    ("(Ana Ruiz, CC BY-SA 4.0 <https://creativecommons.org/licenses/by-sa/4.0>, via Wikimedia Commons)", "{J} {S}"),
    ("(Image credit: Ana Ruiz via Wikimedia Commons)", "{J} {S}"),
    ("(Wikimedia Commons)", "{S} {J}"),
    ("Image by Ana Ruiz, Wikimedia Commons", "{S} Both sides will meet again in June. {J}"),
    ("Image credit: Wikimedia Commons", "{S} Both sides will meet again in June. {J}"),
    ("Image credit: Wikimedia Commons", "{S} {J}"),
    ("Get the Lima Herald app.", "{S} {J}"),
    ("Sign up for our newsletter.", "{S} {J}"),
    ("Follow us on X and Facebook.", "{S} {J}"),
    ("(This article was machine-translated.)", "{S} {J}"),
    ("— Ana Ruiz (@anaruiz) March 3, 2026", "{S} {J}"),
])
def test_furniture_glued_to_a_paragraph_is_cut_and_the_paragraph_stays(lexicon, junk, form):
    line = form.format(S=STORY[1], J=junk)
    for lines in ([STORY[0], line, STORY[2]], [STORY[0], STORY[2], line], [line, STORY[0], STORY[2]]):
        text = "\n".join(clean(lexicon, *lines).paragraphs)
        assert junk not in text and STORY[1] in text


def test_one_sentence_reporting_speech_with_a_picture_credit_is_a_caption(lexicon):
    """The caption of a picture may report speech; one sentence and a credit after it are one caption."""
    line = "Ana Ruiz says Jo Lind has accepted her invitation to visit Valdoria. Photograph: Tom Hale/Reuters"
    assert dropped(lexicon, line)


def test_a_scene_with_its_credit_glued_on_is_a_caption_as_a_whole(lexicon):
    line = "Ministers shake hands before talks in Lima. Image credit: Lima Herald"
    assert dropped(lexicon, line)


def test_a_quote_ending_in_a_prompt_keeps_its_words(lexicon):
    line = 'Ruiz said the deal was fair. "Sign up for our newsletter," she joked to reporters.'
    assert survives(lexicon, line)



def test_a_note_s_marker_leaves_the_paragraph_and_a_related_heading_in_brackets_takes_its_links(lexicon):
    article = clean(lexicon, STORY[0], STORY[1][:-1] + ".[2]", "[Related stories]", "▶ Merovia cuts copper duties",
                    "▶ Valdoria's exports hit a record", STORY[2])
    assert article.paragraphs == STORY


def test_an_author_s_note_naming_the_outlet_closes_the_page(lexicon):
    note = "Jo Lind is Lima Herald's trade correspondent, covering tariffs and shipping."
    assert clean(lexicon, *STORY, note).paragraphs == STORY


def test_links_under_read_labels_after_the_story_go(lexicon):
    lines = [*STORY, "Further reading", "Read: How quotas shape the copper trade", "Read: Valdoria's tariff code explained"]
    assert clean(lexicon, *lines).paragraphs == STORY
