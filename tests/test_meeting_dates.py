"""Which expression dates a meeting: the clause's own day, not the day of a statement or of
another event in the same sentence; vague times leave the date empty."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.article import Article
from pipeline.process import process_article

WED = date(2025, 11, 5)   # a Wednesday
PAIR = {"Wang Wentao", "Howard Lutnick"}


def meetings(lexicon, text: str, published: date = WED):
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published_raw=published.isoformat())
    return [m for m in process_article(article, lexicon).meetings if PAIR <= set(m.participants)]


def the_date(lexicon, text: str, published: date = WED):
    (m,) = meetings(lexicon, text, published)
    return m.date


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao and Howard Lutnick met in Geneva on Monday.", date(2025, 11, 3)),
    ("On Monday, Wang Wentao met Howard Lutnick in Geneva.", date(2025, 11, 3)),
    ("Wang Wentao met Howard Lutnick in Geneva on Thursday (Oct. 30).", date(2025, 10, 30)),
    ("Wang Wentao held talks with Howard Lutnick in Geneva from October 27 to 29.", date(2025, 10, 27)),
    ("Wang Wentao held talks with Howard Lutnick in Geneva on October 27-29.", date(2025, 10, 27)),
    ("Wang Wentao met Howard Lutnick in Geneva on the 3rd.", date(2025, 11, 3)),
    ("Wang Wentao will meet Howard Lutnick in Geneva on the 12th.", date(2025, 11, 12)),
    ("Wang Wentao will travel to Geneva on the 3rd of next month to meet Howard Lutnick.", date(2025, 12, 3)),
    ("Wang Wentao and Howard Lutnick held talks in Geneva on the 29th of last month.", date(2025, 10, 29)),
])
def test_the_clause_day_dates_the_meeting(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


def test_the_day_of_the_agreement_is_not_the_meeting_day(lexicon):
    text = "Wang Wentao and Howard Lutnick agreed on Monday to meet in Geneva on Friday."
    assert the_date(lexicon, text) == date(2025, 11, 7)


def test_the_day_of_the_statement_is_not_the_meeting_day(lexicon):
    text = "The ministry said on Tuesday that Wang Wentao and Howard Lutnick met in Geneva last week."
    assert the_date(lexicon, text) is None
    text = "Wang Wentao and Howard Lutnick met in Geneva last week, the ministry said on Tuesday."
    assert the_date(lexicon, text) is None


@pytest.mark.parametrize("when", ["earlier this month", "over the weekend", "last weekend",
                                  "in late October", "a week earlier"])
def test_vague_times_leave_the_date_empty(lexicon, when):
    assert the_date(lexicon, f"Wang Wentao met Howard Lutnick in Geneva {when}.") is None


def test_a_vague_time_beats_the_statement_day_of_another_clause(lexicon):
    text = "Wang Wentao met Howard Lutnick in Geneva over the weekend, the ministry said on Monday."
    assert the_date(lexicon, text) is None


def test_an_agreement_to_meet_without_a_day_has_no_date(lexicon):
    text = "Wang Wentao and Howard Lutnick agreed on Monday to meet again in Geneva."
    assert all(m.date is None for m in meetings(lexicon, text))


def test_a_day_after_the_agreeing_word_dates_a_meeting_with_nothing_to_come(lexicon):
    text = "Wang Wentao met Howard Lutnick in Geneva and the two agreed on Monday to cut tariffs."
    assert the_date(lexicon, text) == date(2025, 11, 3)


def test_the_day_a_gathering_opens_is_not_the_day_of_a_meeting_on_its_sidelines(lexicon):
    text = ("Wang Wentao will meet Howard Lutnick on the sidelines of a summit set to begin "
            "on Monday in Varena.")
    assert the_date(lexicon, text, date(2025, 11, 1)) is None
    text = "Wang Wentao will meet Howard Lutnick at a forum in Varena that opens on Monday."
    assert the_date(lexicon, text, date(2025, 11, 1)) is None


def test_talks_that_begin_on_a_day_are_dated_to_it(lexicon):
    text = "Wang Wentao and Howard Lutnick began talks in Geneva on Monday."
    assert the_date(lexicon, text) == date(2025, 11, 3)
    text = "Wang Wentao will hold a summit with Howard Lutnick starting on Monday in Geneva."
    assert the_date(lexicon, text, date(2025, 11, 1)) == date(2025, 11, 3)


@pytest.mark.parametrize("text", [
    "On Tuesday, the ministry said Wang Wentao met Howard Lutnick in Geneva.",
    "The ministry confirmed on Tuesday that Wang Wentao met Howard Lutnick in Geneva.",
    "The ministry disclosed Tuesday that Wang Wentao had met Howard Lutnick in Geneva.",
    "On Tuesday the ministry wrote that Wang Wentao met Howard Lutnick in Geneva.",
])
def test_the_statement_day_before_the_meeting_clause_is_not_its_date(lexicon, text):
    assert the_date(lexicon, text) is None


@pytest.mark.parametrize("text, expected", [
    ("On Tuesday, Wang Wentao met Howard Lutnick in Geneva, the ministry said.", date(2025, 11, 4)),
    ("Wang Wentao met Howard Lutnick in Geneva on Tuesday, the ministry confirmed.", date(2025, 11, 4)),
    ("On Tuesday, the ministry said Wang Wentao met Howard Lutnick in Geneva on Monday.", date(2025, 11, 3)),
])
def test_the_meeting_day_survives_a_statement(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "Wang Wentao and Howard Lutnick are slated to meet in Geneva on Friday.",
    "Talks between Wang Wentao and Howard Lutnick are set for Friday in Geneva.",
])
def test_more_future_wordings_look_ahead(lexicon, text):
    assert the_date(lexicon, text, date(2025, 11, 5)) == date(2025, 11, 7)



def test_a_day_in_the_preceding_clause_belongs_to_that_clause(lexicon):
    text = "The ministry announced new tariffs on Monday, and Wang Wentao met Howard Lutnick in Geneva."
    assert the_date(lexicon, text) is None


def test_weekday_with_an_undotted_month_in_brackets(lexicon):
    assert the_date(lexicon, "Wang Wentao met Howard Lutnick in Geneva on Thursday (Oct 30).") == date(2025, 10, 30)


def test_a_day_of_the_coordinated_verb_before_does_not_date_the_meeting(lexicon):
    text = "Wang Wentao will travel to Geneva on Sunday and meet Howard Lutnick there on Monday."
    assert the_date(lexicon, text, date(2025, 11, 7)) == date(2025, 11, 10)
    text = "On Monday, Wang Wentao and Howard Lutnick met in Geneva."
    assert the_date(lexicon, text) == date(2025, 11, 3)


@pytest.mark.parametrize("text, expected", [
    # talks counted in days are dated to their first day, counted back from the day they ended
    ("Two days of talks between Wang Wentao and Howard Lutnick in Geneva ended on Tuesday.", date(2025, 11, 3)),
    ("Wang Wentao and Howard Lutnick concluded three days of talks in Geneva on Friday.", date(2025, 10, 29)),
    ("Wang Wentao and Howard Lutnick wrapped up a two-day meeting in Geneva on Tuesday.", date(2025, 11, 3)),
    ("Wang Wentao and Howard Lutnick held two days of talks in Geneva that ended on Tuesday.", date(2025, 11, 3)),
    # the day of the trip made for the talks is not the talks' day; the talks' day counts from it
    ("Wang Wentao arrived in Geneva on Sunday for talks with Howard Lutnick on Monday.", date(2025, 11, 3)),
    ("Wang Wentao flew to Geneva on Sunday to meet Howard Lutnick on Monday.", date(2025, 11, 3)),
    # a day of someone's past told in a relative clause
    ("Wang Wentao, who took office on March 3, met Howard Lutnick in Geneva on Tuesday.", date(2025, 11, 4)),
    ("The tariffs announced on Monday were discussed when Wang Wentao met Howard Lutnick in Geneva on Tuesday.",
     date(2025, 11, 4)),
    ("Wang Wentao met Howard Lutnick in Geneva on Tuesday, weeks after a deal signed on 5 May.", date(2025, 11, 4)),
    ("Wang Wentao met Howard Lutnick at a meeting on the sidelines of the G20 summit in Rio on Nov. 18.",
     date(2025, 11, 18)),
])
def test_the_meeting_day_among_other_days(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "Wang Wentao, who took office on March 3, met Howard Lutnick in Geneva.",
    "Wang Wentao met Howard Lutnick in Geneva, weeks after a deal signed on 5 May.",
    "Wang Wentao and Howard Lutnick ended their talks in Geneva on Tuesday.",   # how many days is not said
    "Wang Wentao and Howard Lutnick wrapped up talks in Geneva on Tuesday.",
])
def test_no_day_of_the_meeting_said(lexicon, text):
    assert the_date(lexicon, text) is None


def test_a_single_day_stays_the_trip_day(lexicon):
    text = "Wang Wentao arrived in Geneva on Sunday for talks with Howard Lutnick."
    assert the_date(lexicon, text) == date(2025, 11, 2)


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao accepted an invitation to visit Washington and is expected to meet Howard Lutnick there "
     "on November 20.", date(2025, 11, 20)),
    ("Wang Wentao accepted an invitation from Howard Lutnick to visit Washington on November 20.", date(2025, 11, 20)),
    ("Wang Wentao accepted an invitation from Howard Lutnick to visit Washington next year.", None),
])
def test_the_day_of_an_accepted_invitation(lexicon, text, expected):
    (m,) = meetings(lexicon, text)
    assert (m.date, m.status) == (expected, "planned")


@pytest.mark.parametrize("text, status", [
    ("Wang Wentao and Howard Lutnick are meeting in Geneva on Monday.", "planned"),
    ("Wang Wentao is meeting Howard Lutnick in Geneva on Friday.", "planned"),
    ("Wang Wentao and Howard Lutnick are meeting in Geneva today.", "held"),
    ("Wang Wentao and Howard Lutnick met in Geneva on Monday.", "held"),
])
def test_a_progressive_with_a_day_ahead_is_planned(lexicon, text, status):
    (m,) = meetings(lexicon, text)
    assert m.status == status


@pytest.mark.parametrize("text, expected", [
    ("During talks in Geneva on Monday, Wang Wentao urged Howard Lutnick to lift the tariffs.", date(2025, 11, 3)),
    ("During their video call on Monday, Wang Wentao pressed Howard Lutnick on chips.", date(2025, 11, 3)),
])
def test_talks_set_by_a_leading_during(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "During his visit to Geneva on Monday, Wang Wentao said Howard Lutnick had been invited.",
    "During the press conference on Monday, Wang Wentao criticised Howard Lutnick.",
    "During the holiday on Monday, Wang Wentao urged Howard Lutnick to call.",
])
def test_a_leading_during_without_talks_is_no_meeting(lexicon, text):
    assert meetings(lexicon, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao flew to Geneva on Sunday.\nLater that day he met Howard Lutnick.", date(2025, 11, 2)),
    ("The tariffs took effect on Monday.\nThe same day, Wang Wentao met Howard Lutnick in Geneva.", date(2025, 11, 3)),
    ("Wang Wentao arrived in Geneva on Monday.\nThe following day, he held talks with Howard Lutnick.",
     date(2025, 11, 4)),
])
def test_a_day_carried_from_the_sentence_before(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


def test_the_same_day_counts_from_the_meeting_not_the_statement(lexicon):
    text = ("Wang Wentao met Jamieson Greer in Geneva on Monday, his office said on Tuesday.\n"
            "The same day, Wang Wentao held talks with Howard Lutnick.")
    assert the_date(lexicon, text) == date(2025, 11, 3)


def test_an_undated_leading_during_adds_no_meeting(lexicon):
    assert meetings(lexicon, "During talks, Wang Wentao urged Howard Lutnick to lift the tariffs.") == []


@pytest.mark.parametrize("text, expected, status", [
    ("Wang Wentao will hold talks with Howard Lutnick when he visits Geneva on Thursday.", date(2025, 11, 6), "planned"),
    ("Wang Wentao is due in Geneva on Thursday for talks with Howard Lutnick.", date(2025, 11, 6), "planned"),
    ("Wang Wentao and Howard Lutnick will wrap up three days of talks in Geneva on Friday.", date(2025, 11, 5),
     "planned"),
    ("Wang Wentao met Howard Lutnick last week, when Lutnick also saw Jamieson Greer on Friday.", None, "held"),
    ("Wang Wentao met Howard Lutnick in Geneva when he was trade minister, the ministry said on Monday.", None, "held"),
])
def test_a_clause_of_time_after_the_meeting_dates_it_only_where_the_meeting_has_no_time(lexicon, text, expected,
                                                                                           status):
    (m,) = meetings(lexicon, text)
    assert (m.date, m.status) == (expected, status)


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao met Howard Lutnick in Geneva, days before the tariff deadline on Friday.", None),
    ("Wang Wentao met Howard Lutnick in Geneva following the tariff announcement on Monday.", None),
    ("Wang Wentao met Howard Lutnick in Geneva after the deadline passed on Monday.", None),
    ("Wang Wentao met Howard Lutnick in Geneva to discuss a deal signed on 5 May.", None),
    ("Wang Wentao met Howard Lutnick in Geneva, three days after the tariffs took effect on Saturday.",
     date(2025, 11, 4)),
    ("Wang Wentao met Howard Lutnick in Geneva on Tuesday, two days after the tariffs took effect on Sunday.",
     date(2025, 11, 4)),
    # the cue between the relation word and the day: the day is the meeting's
    ("After meeting Howard Lutnick on Monday, Wang Wentao said the tariffs would stay.", date(2025, 11, 3)),
    ("Wang Wentao and Howard Lutnick met on Monday and signed a deal.", date(2025, 11, 3)),
])
def test_a_day_of_another_event_after_the_cue(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao met Howard Lutnick in Geneva.\nThe meeting, held on Monday, lasted two hours.", date(2025, 11, 3)),
    ("Wang Wentao and Howard Lutnick held talks in Geneva.\nThe talks, which began on Monday, focused on chips.",
     date(2025, 11, 3)),
    ("Wang Wentao and Howard Lutnick held talks in Geneva this week.\nThe talks began on Monday and ended on Tuesday.",
     date(2025, 11, 3)),
    # another event's day, an older meeting's, a later meeting's
    ("Wang Wentao met Howard Lutnick in Geneva.\nThe summit, which opened on Monday, drew forty leaders.", None),
    ("Wang Wentao met Howard Lutnick in Geneva last month.\nThe talks, held on Monday, were the first since then.",
     None),
    ("Wang Wentao and Howard Lutnick met in Geneva this week.\nThe next meeting, set for Monday, will be in Tokyo.",
     None),
])
def test_the_day_in_a_sentence_about_the_meeting_just_told(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao met Howard Lutnick in Geneva.\nWang told reporters after Monday's talks that progress was made.",
     date(2025, 11, 3)),
    ("Wang Wentao met Howard Lutnick in Geneva.\nAt Monday\u2019s meeting, Wang raised export controls.", date(2025, 11, 3)),
    ("Wang Wentao met Howard Lutnick in Geneva last month.\nWang said Monday's meeting of the cabinet was useful.", None),
])
def test_a_days_possessive_points_at_the_meeting_of_that_day(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text, expected, status", [
    ("Wang Wentao and Howard Lutnick resumed talks in Geneva on Monday.", date(2025, 11, 3), "held"),
    ("Wang Wentao and Howard Lutnick will resume talks in Geneva on Monday.", date(2025, 11, 10), "planned"),
])
def test_named_people_resuming_talks_on_a_day_meet(lexicon, text, expected, status):
    (m,) = meetings(lexicon, text)
    assert (m.date, m.status, m.location) == (expected, status, "Geneva")


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao said on Tuesday he had met Howard Lutnick the day before.", date(2025, 11, 3)),
    ("Wang Wentao said on Tuesday that he had met Howard Lutnick the previous day.", date(2025, 11, 3)),
    ("Wang Wentao arrived in Geneva on Tuesday.\nA day earlier, he had met Howard Lutnick in Paris.", date(2025, 11, 3)),
    ("Wang Wentao met Howard Lutnick the day after the summit ended on Monday.", date(2025, 11, 4)),
])
def test_a_day_counted_back_or_after_another_event(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "Wang Wentao will meet Howard Lutnick before the summit on Friday.",
    "Wang Wentao met Howard Lutnick the day before the summit in Paris.",
])
def test_a_gathering_related_to_the_meeting_does_not_date_it(lexicon, text):
    assert the_date(lexicon, text) is None


def test_the_day_before_with_a_purpose_after_it_counts_back(lexicon):
    text = "Wang Wentao said on Tuesday he had met Howard Lutnick the day before to discuss chips."
    assert the_date(lexicon, text) == date(2025, 11, 3)


@pytest.mark.parametrize("text", [
    "Wang Wentao and Howard Lutnick met for a second day on Tuesday in Geneva.",
    "Talks between Wang Wentao and Howard Lutnick entered a second day in Geneva on Tuesday.",
    "Wang Wentao and Howard Lutnick held talks for the second straight day in Geneva on Tuesday.",
    "On the second day of talks in Geneva on Tuesday, Wang Wentao and Howard Lutnick agreed to cut tariffs.",
])
def test_the_nth_day_of_talks_counts_back_to_their_first(lexicon, text):
    assert the_date(lexicon, text) == date(2025, 11, 3)


def test_the_nth_day_of_talks_counts_from_a_third_day_too(lexicon):
    text = "Wang Wentao and Howard Lutnick held talks in Geneva for a third day on Wednesday."
    assert the_date(lexicon, text) == date(2025, 11, 3)


@pytest.mark.parametrize("text, expected", [
    # a meeting on a day of a trip is that day's
    ("On the second day of his visit to Geneva on Tuesday, Wang Wentao met Howard Lutnick.", date(2025, 11, 4)),
    ("Wang Wentao met Howard Lutnick in Geneva on Tuesday, the second day of his trip.", date(2025, 11, 4)),
    ("Wang Wentao and Howard Lutnick resumed talks in Geneva on Tuesday.", date(2025, 11, 4)),
])
def test_a_day_of_a_trip_or_resumed_talks_is_no_nth_day_of_talks(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


def test_a_day_after_since_is_no_day_of_the_meeting(lexicon):
    text = "Wang Wentao and Howard Lutnick had talks in Geneva, their first since Monday."
    assert the_date(lexicon, text) is None


@pytest.mark.parametrize("text, earlier, place", [
    ("Wang Wentao and Howard Lutnick met in Geneva, their first meeting since a round in Oslo on Oct. 20.",
     date(2025, 10, 20), "Oslo"),
    ("Wang Wentao met Howard Lutnick in Geneva.\nThe meeting, the first between the two ministers since a round "
     "in Oslo on Oct. 20, lasted an hour.", date(2025, 10, 20), "Oslo"),
])
def test_a_meeting_named_after_since_is_an_earlier_row_with_its_own_day(lexicon, text, earlier, place):
    rows = meetings(lexicon, text)
    assert [(m.date, m.status) for m in rows if m.date is None] == [(None, "held")]
    assert [(m.date, m.location, m.status) for m in rows if m.date] == [(earlier, place, "held")]


def test_a_day_after_since_and_a_new_clause_is_the_meetings(lexicon):
    text = "Wang Wentao has been in Geneva since Sunday and met Howard Lutnick on Monday."
    assert the_date(lexicon, text) == date(2025, 11, 3)


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao meets Howard Lutnick in Geneva on Friday.", date(2025, 11, 7)),
    ("Wang Wentao, who meets Howard Lutnick in Geneva on Friday, said tariffs must fall.", date(2025, 11, 7)),
    ("Wang Wentao hosts Howard Lutnick in Beijing on Friday.", date(2025, 11, 7)),
])
def test_a_meeting_verb_in_the_present_simple_with_a_weekday_is_a_plan(lexicon, text, expected):
    (m,) = meetings(lexicon, text)
    assert (m.date, m.status) == (expected, "planned")


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao, who meets Howard Lutnick often, met him in Geneva on Friday.", date(2025, 10, 31)),
    ("Wang Wentao visits Geneva often and met Howard Lutnick there on Friday.", date(2025, 10, 31)),
])
def test_a_past_verb_nearer_the_weekday_keeps_it_behind(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "Wang Wentao met Howard Lutnick in Geneva.\nWang told reporters after the Nov. 3 meeting that progress was made.",
    "Wang Wentao met Howard Lutnick in Geneva.\nWang said Monday's meeting was useful.",
])
def test_a_dated_reference_to_the_meeting_dates_it(lexicon, text):
    assert the_date(lexicon, text) == date(2025, 11, 3)


def test_a_statement_day_is_still_no_meeting_day(lexicon):
    text = "Wang Wentao met Howard Lutnick in Geneva.\nWang said Monday the meeting was useful."
    assert the_date(lexicon, text) is None


@pytest.mark.parametrize("text", [
    "Wang Wentao spent Monday in Geneva. He met Howard Lutnick at the US mission.",
    "Wang Wentao was in Geneva on Monday. In a meeting there, Wang Wentao and Howard Lutnick went through a list.",
    "On Monday, Wang Wentao attended a forum in Geneva. On its sidelines, he met Howard Lutnick.",
])
def test_the_day_the_sentence_before_puts_a_party_somewhere_dates_the_meeting_told_next(lexicon, text):
    assert the_date(lexicon, text) == date(2025, 11, 3)


@pytest.mark.parametrize("text", [
    "Wang Wentao spent Monday in Geneva. He will meet Howard Lutnick.",   # a plan
    "Wang Wentao was in Geneva on Monday. He had met Howard Lutnick in Paris.",   # an earlier meeting
    "Wang Wentao arrived in Geneva on Monday. He met Howard Lutnick at the mission.",   # a trip of some days
    "Wang Wentao was in Geneva on Monday for a three-day stay. He met Howard Lutnick at the mission.",
    "Wang Wentao was in Geneva on Monday.\nHe met Howard Lutnick at the mission.",   # another paragraph
    "The tariffs took effect on Monday. Wang Wentao met Howard Lutnick at the mission.",   # nobody anywhere
    "Jamieson Greer was in Geneva on Monday. Wang Wentao met Howard Lutnick at the mission.",   # somebody else
])
def test_no_day_from_the_sentence_before_for_a_plan_a_trip_or_someone_else(lexicon, text):
    assert the_date(lexicon, text) is None


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao met Howard Lutnick in Geneva earlier this week, on Monday.", date(2025, 11, 3)),
    ("Wang Wentao met Howard Lutnick in Geneva last month, on October 14.", date(2025, 10, 14)),
])
def test_a_day_inside_the_vague_period_says_when(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "Wang Wentao met Howard Lutnick in Geneva last week, before the tariffs took effect on Monday.",
    "Wang Wentao met Howard Lutnick in Geneva last month, and the tariffs took effect on October 14.",
])
def test_a_day_of_something_else_does_not_refine_the_vague_period(lexicon, text):
    assert the_date(lexicon, text) is None


def test_the_same_day_skips_the_day_of_other_peoples_event(lexicon):
    text = ("Wang Wentao met Howard Lutnick in Geneva on Monday.\nOn Sunday, Jamieson Greer had called on Li Qiang.\n"
            "The same day, Wang Wentao also received Maros Sefcovic.")
    (m,) = [m for m in process_article(Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"),
                                                published_raw=WED.isoformat()), lexicon).meetings
            if "Maros Sefcovic" in m.participants]
    assert m.date == date(2025, 11, 3)


def test_the_same_day_of_a_sentence_naming_nobody_still_counts(lexicon):
    text = "The tariffs took effect on Monday.\nThe same day, Wang Wentao met Howard Lutnick in Geneva."
    assert the_date(lexicon, text) == date(2025, 11, 3)


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao will be in Geneva on November 10 and 11, and he will meet Howard Lutnick there on the first day.",
     date(2025, 11, 10)),
    ("Wang Wentao will meet Howard Lutnick on the first day.", None),   # no span said before
    ("Wang Wentao met Howard Lutnick on the first day of the forum.", None),   # the forum's day is not said
])
def test_the_first_day_is_the_first_day_of_the_span_said_before(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao and Howard Lutnick held talks on the 3rd with their deputies.", date(2025, 11, 3)),
    ("Wang Wentao met Howard Lutnick on the 3rd to discuss tariffs.", date(2025, 11, 3)),
    ("Wang Wentao met Howard Lutnick on the 3rd floor of the ministry.", None),
])
def test_a_day_of_the_month_before_a_function_word_but_not_a_noun(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("A meeting between Wang Wentao and Howard Lutnick scheduled for Tuesday was called off.", WED, date(2025, 11, 4)),
    ("Talks between Wang Wentao and Howard Lutnick set for Friday were postponed.", WED, date(2025, 11, 7)),
    ("Talks between Wang Wentao and Howard Lutnick set for Friday were postponed.", date(2025, 11, 8), date(2025, 11, 7)),
])
def test_a_plan_told_in_the_past_takes_the_nearer_day(lexicon, text, published, expected):
    (m,) = meetings(lexicon, text, published)
    assert (m.date, m.status) == (expected, "planned")


def test_a_plan_with_a_statement_after_still_looks_ahead(lexicon):
    text = "Wang Wentao and Howard Lutnick will meet in Geneva on Friday, the ministry said."
    assert the_date(lexicon, text, date(2025, 11, 8)) == date(2025, 11, 14)


def test_travelling_in_the_present_simple_to_talks_on_a_day_ahead_is_a_plan(lexicon):
    (m,) = meetings(lexicon, "Wang Wentao travels to Geneva on Monday for two days of talks with Howard Lutnick.")
    assert (m.date, m.status) == (date(2025, 11, 10), "planned")


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao will meet Howard Lutnick in Geneva.\nThe meeting is scheduled for Friday.", date(2025, 11, 7)),
    ("Wang Wentao and Howard Lutnick will meet in Geneva next week, officials said.\nThe talks are set for Thursday.",
     date(2025, 11, 13)),   # the Thursday of the week said before
    ("Wang Wentao and Howard Lutnick met in Geneva.\nThe meeting came on Monday, a day after Wang arrived.",
     date(2025, 11, 3)),
])
def test_a_sentence_setting_the_meeting_on_a_day_dates_it(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text", [
    "Wang Wentao will meet Howard Lutnick in Geneva.\nThe summit is scheduled for Friday.",
    "Wang Wentao met Howard Lutnick in Geneva.\nThe summit took place on Friday.",
])
def test_a_day_set_for_another_gathering_is_not_the_meetings(lexicon, text):
    assert the_date(lexicon, text) is None


def test_the_day_of_the_summit_that_is_the_meeting(lexicon):
    text = "Wang Wentao and Howard Lutnick held a summit in Geneva.\nThe summit took place on Monday."
    assert the_date(lexicon, text) == date(2025, 11, 3)


@pytest.mark.parametrize("text", [
    "Wang Wentao met Howard Lutnick on the margins of the WTO meeting in Geneva on 3-4 November.",
    "Wang Wentao met Howard Lutnick on the sidelines of a two-day G20 meeting that ended on Tuesday.",
    "Wang Wentao met Howard Lutnick during a two-day G20 meeting in Geneva on Monday and Tuesday.",
    "Wang Wentao met Howard Lutnick on the sidelines of the APEC summit in Gyeongju, which runs from Friday to Sunday.",
])
def test_the_days_of_a_gathering_of_several_days_give_no_day_of_a_meeting_on_its_sidelines(lexicon, text):
    assert the_date(lexicon, text) is None


@pytest.mark.parametrize("text", [
    "Wang Wentao met Howard Lutnick on the sidelines of the G20 meeting on Monday.",
    "On the sidelines of the G20 meeting on Monday, Wang Wentao met Howard Lutnick.",
    "Wang Wentao and Howard Lutnick held two days of talks in Geneva on Monday and Tuesday.",
])
def test_one_day_of_a_gathering_or_days_of_the_talks_themselves_still_date_it(lexicon, text):
    assert the_date(lexicon, text) == date(2025, 11, 3)


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao arrived in Hanoi on Thursday for a day of meetings. He held talks with Howard Lutnick on trade.",
     date(2025, 10, 30)),
    ("Wang Wentao flew to Lisbon on Tuesday to hold talks. He met Howard Lutnick at the ministry.", date(2025, 11, 4)),
    ("Wang Wentao landed in Oslo on Monday for consultations with European partners. There he sat down with "
     "Howard Lutnick.", date(2025, 11, 3)),
    ("Wang Wentao will travel to Oslo on Monday for trade talks. He will meet Howard Lutnick.", date(2025, 11, 10)),
])
def test_the_day_of_a_trip_made_for_talks_dates_the_talks_told_next(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text, expected", [
    # another paragraph, about something else
    ("Wang Wentao arrived in Hanoi on Thursday for a day of meetings.\nTariffs rose sharply in October.\n"
     "He held talks with Howard Lutnick.", None),
    # a sentence about something else between
    ("Wang Wentao arrived in Hanoi on Thursday for a day of meetings. Tariffs have risen. "
     "He held talks with Howard Lutnick.", None),
    # a stay of several days, or a visit of no said length
    ("Wang Wentao arrived in Hanoi on Thursday for a three-day visit. He held talks with Howard Lutnick.", None),
    ("Wang Wentao arrived in Hanoi on Thursday for a visit. He held talks with Howard Lutnick.", None),
    ("Wang Wentao arrived in Hanoi on Thursday for two days of talks. He held talks with Howard Lutnick.", None),
    # the talks' own day wins
    ("Wang Wentao arrived in Hanoi on Thursday for a day of meetings. He held talks with Howard Lutnick on Friday.",
     date(2025, 10, 31)),
])
def test_a_trip_day_stays_with_its_trip(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Wang Wentao held talks with Howard Lutnick in Geneva. Wang told reporters after the Nov. 3 session that "
     "the mood was good.", date(2025, 11, 3)),
    ("Wang Wentao held talks with Howard Lutnick in Geneva.\nWang said the Nov. 3 session was useful.", date(2025, 11, 3)),
    ("Wang Wentao held talks with Howard Lutnick in Geneva. Wang said Monday's session was useful.", date(2025, 11, 3)),
    ("Wang Wentao will hold talks with Howard Lutnick in Geneva. Wang said the Nov. 20 session would be decisive.",
     date(2025, 11, 20)),
    # another meeting: one ahead of a held meeting, one named as later or earlier, not a meeting at all
    ("Wang Wentao held talks with Howard Lutnick in Geneva. They prepared the ground ahead of the Nov. 20 session.", None),
    ("Wang Wentao held talks with Howard Lutnick in Geneva. Wang said the Nov. 20 session would be decisive.", None),
    ("Wang Wentao held talks with Howard Lutnick in Geneva. Tariffs rose after the Nov. 3 election.", None),
    ("Wang Wentao held talks with Howard Lutnick in Geneva. It was calmer than the Oct. 2 session.", None),
])
def test_a_day_written_as_the_attribute_of_the_meeting_told_next(lexicon, text, expected):
    assert the_date(lexicon, text) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Minister Wang Wentao today held talks with Howard Lutnick in Geneva.", date(2026, 3, 6), date(2026, 3, 6)),
    ("Wang Wentao hosted Howard Lutnick for dinner last night in Geneva.", date(2026, 3, 6), date(2026, 3, 5)),
    ("Wang Wentao met with Howard Lutnick yesterday afternoon in Geneva.", date(2026, 3, 6), date(2026, 3, 5)),
    # a weekday and a day of the month that disagree: the number is kept
    ("Wang Wentao met Howard Lutnick in Geneva on Tuesday, March 4.", date(2026, 3, 6), date(2026, 3, 4)),
    ("WESTPORT – March 3, 2026 – Today, Wang Wentao met Howard Lutnick.", date(2026, 3, 5), date(2026, 3, 3)),
])
def test_relative_days_of_releases_and_transcripts(lexicon, text, published, expected):
    assert the_date(lexicon, text, published) == expected
