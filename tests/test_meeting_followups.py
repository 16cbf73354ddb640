"""Later meetings of the sides just reported, and capitals that stand for a government.

Invented sentences; the people and their countries come from tests.test_meetings.PEOPLE.
"""
from __future__ import annotations

from datetime import date

from tests.test_meetings import meetings_of

HELD = "Paul Hart met Zhou Ming in Geneva on Monday. "


def rows(found) -> list[tuple]:
    return sorted(((tuple(sorted(m.participants)), m.date, m.location, m.status) for m in found),
                  key=lambda r: (r[0], r[1] or date.min))


def planned(found):
    return [m for m in found if m.status == "planned"]


# --- a follow-up told in a sentence of its own: a planned meeting of the same sides ----------------

def test_officials_meeting_again_is_a_planned_meeting_of_the_countries(lexicon):
    found = meetings_of(lexicon, HELD + "Both sides agreed that officials would meet again before the summer.")
    assert rows(found) == [(("China", "United States"), None, "", "planned"),
                           (("Paul Hart", "Zhou Ming"), date(2025, 3, 10), "Geneva", "held")]


def test_deputies_holding_another_round_take_the_city_of_their_own_sentence(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "The two agreed their deputies would hold another round in Lima."))
    assert sorted(later.participants) == ["China", "United States"] and later.location == "Lima"


def test_a_team_seeing_the_other_side_again_is_the_countries(lexicon):
    [later] = planned(meetings_of(lexicon, "Lena Varga met Tomas Lind in Oslo on Tuesday. "
                                           "Her team will see Swedish officials again next month."))
    assert sorted(later.participants) == ["Hungary", "Sweden"] and later.location == ""


def test_talks_continuing_in_another_city_are_a_new_round(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "The talks will continue in Vienna."))
    assert sorted(later.participants) == ["China", "United States"] and later.location == "Vienna"


def test_a_round_scheduled_for_a_city_is_there(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "A second round is scheduled for Vienna."))
    assert later.location == "Vienna"


def test_the_people_who_reconvene_are_the_people_who_met(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "They plan to reconvene after the holidays."))
    assert sorted(later.participants) == ["Paul Hart", "Zhou Ming"] and later.location == ""


def test_the_two_ministers_meeting_again_keep_their_names_and_their_own_day(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "The two ministers will meet again in Vienna on Friday."))
    assert sorted(later.participants) == ["Paul Hart", "Zhou Ming"]
    assert (later.date, later.location) == (date(2025, 3, 14), "Vienna")


def test_a_follow_up_lends_the_held_meeting_neither_city_nor_day(lexicon):
    found = meetings_of(lexicon, "Paul Hart met Zhou Ming on Monday. They will meet again in Vienna on Friday.")
    held = next(m for m in found if m.status == "held")
    assert (held.date, held.location) == (date(2025, 3, 10), "")


def test_a_follow_up_borrows_no_city_from_the_held_meeting(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "Officials will meet again next month."))
    assert later.location == ""


def test_meeting_again_with_someone_else_is_not_a_follow_up(lexicon):
    found = meetings_of(lexicon, HELD + "Hart will meet Lena Varga again in Vienna on Friday.")
    assert [tuple(sorted(m.participants)) for m in planned(found)] == [("Lena Varga", "Paul Hart")]


# --- no plan: possibilities, rounds told as held, aggregates, other rounds --------------------------

def test_a_possible_meeting_again_is_no_row(lexicon):
    for tail in ("They could meet again in Vienna.", "A follow-up meeting might take place in Vienna.",
                 "Officials said the two may hold another round.", "No date has been set for another round.",
                 "They hope to meet again soon.", "Whether they will meet again is unclear.",
                 "Will you meet again next month?"):
        assert rows(meetings_of(lexicon, HELD + tail)) == [(("Paul Hart", "Zhou Ming"), date(2025, 3, 10),
                                                            "Geneva", "held")], tail


def test_the_month_may_is_no_hedge(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "Officials will meet again in May."))
    assert sorted(later.participants) == ["China", "United States"]


def test_another_round_of_something_else_is_no_meeting(lexicon):
    assert planned(meetings_of(lexicon, HELD + "Another round of tariffs will take effect next month.")) == []


def test_talks_running_on_the_next_day_are_the_same_talks(lexicon):
    assert planned(meetings_of(lexicon, HELD + "The talks will continue on Tuesday.")) == []


def test_an_aggregate_is_no_row(lexicon):
    assert planned(meetings_of(lexicon, HELD + "It was their fifth meeting this year.")) == []


def test_no_follow_up_without_a_meeting_before(lexicon):
    assert meetings_of(lexicon, "A second round is scheduled for Vienna.") == []


# --- a named body or a dialogue agreed for a city ---------------------------------------------------

def test_a_dialogue_agreed_for_a_city_is_planned_there(lexicon):
    [m] = meetings_of(lexicon, "China and Japan agreed to hold a high-level economic dialogue in Tokyo.")
    assert sorted(m.participants) == ["China", "Japan"] and (m.location, m.status) == ("Tokyo", "planned")


def test_a_dialogue_agreed_at_a_meeting_keeps_its_city_from_the_meeting(lexicon):
    found = meetings_of(lexicon, "Paul Hart held talks with Zhou Ming in Geneva on Monday, and the two sides "
                                 "agreed to hold the next economic dialogue in Beijing.")
    assert rows(found) == [(("China", "United States"), None, "Beijing", "planned"),
                           (("Paul Hart", "Zhou Ming"), date(2025, 3, 10), "Geneva", "held")]


def test_the_two_countries_convening_their_commission_are_its_sides(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "The two countries agreed to convene the joint commission "
                                                  "in Beijing."))
    assert sorted(later.participants) == ["China", "United States"] and later.location == "Beijing"


# --- a capital standing for its government is no place ------------------------------------------

def test_a_capital_after_with_is_the_government(lexicon):
    for text in ("Paul Hart raised steel duties in talks with Beijing on Monday, meeting Zhou Ming for an hour.",
                 "Paul Hart met Zhou Ming on Monday, seeking progress in the dispute with Beijing.",
                 "Paul Hart met Zhou Ming on Monday in a meeting on Beijing's export curbs."):
        [m] = meetings_of(lexicon, text)
        assert m.location == "", text


def test_a_trip_to_a_capital_still_places_the_meeting(lexicon):
    for text in ("Paul Hart met Zhou Ming on Monday during a trip to Beijing.",
                 "Paul Hart met Zhou Ming on Monday during a visit by Hart to Beijing."):
        [m] = meetings_of(lexicon, text)
        assert m.location == "Beijing", text


def test_a_capital_urged_is_no_place_but_the_city_of_the_talks_is(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart pressed Beijing on rare earths during talks with Zhou Ming in Lima "
                               "on Tuesday.")
    assert m.location == "Lima"




def test_the_gathering_meets_again_not_the_bilateral_on_its_sidelines(lexicon):
    found = meetings_of(lexicon, "Lena Varga, Tomas Lind and Sato Kenji met in Oslo on Monday. On the sidelines, "
                                 "Varga held a bilateral meeting with Lind. The ministers will meet again in Vienna.")
    [later] = planned(found)
    assert sorted(later.participants) == ["Hungary", "Japan", "Sweden"] and later.location == "Vienna"


def test_a_next_meeting_named_as_a_time_announces_none(lexicon):
    for tail in ("Officials will report on progress at the next meeting.",
                 "Both sides will draft the text before another round."):
        assert planned(meetings_of(lexicon, HELD + tail)) == [], tail


def test_convening_a_named_body_of_two_countries_plans_their_meeting(lexicon):
    found = meetings_of(lexicon, "Paul Hart met Zhou Ming on Monday. \"Minister Zhou and I agreed to step up "
                                 "dialogue, including by convening the China-US Joint Commission,\" Hart said.")
    assert [sorted(m.participants) for m in planned(found)] == [["China", "United States"]]


def test_a_body_convened_by_others_is_not_read_from_a_mention(lexicon):
    assert planned(meetings_of(lexicon, HELD + "The joint commission last convened in 2019.")) == []


# --- which held meeting a follow-up continues -------------------------------------------------------

def test_talks_named_by_their_city_continue_that_meeting_not_the_latest(lexicon):
    found = meetings_of(lexicon, "Sweden and China held talks in Geneva on Monday. "
                                 "Separately, Lena Varga met Zhou Ming in Oslo on Tuesday. "
                                 "The talks in Geneva will continue in Vienna in September.")
    assert [(sorted(m.participants), m.location) for m in planned(found)] == [(["China", "Sweden"], "Vienna")]


def test_without_a_city_the_latest_meeting_is_continued(lexicon):
    found = meetings_of(lexicon, "Sweden and China held talks in Geneva on Monday. "
                                 "Separately, Lena Varga met Zhou Ming in Oslo on Tuesday. "
                                 "Officials will meet again in Vienna in September.")
    assert [(sorted(m.participants), m.location) for m in planned(found)] == [(["China", "Hungary"], "Vienna")]


# --- "the two officials": the people named before, though "officials" alone is a team -----------

def test_the_two_officials_agreeing_on_a_follow_up_round_are_the_people_who_met(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "The two officials agreed to hold a follow-up round in Vienna in June."))
    assert sorted(later.participants) == ["Paul Hart", "Zhou Ming"] and later.location == "Vienna"


def test_the_two_envoys_meeting_again_are_the_people_who_met(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "The two envoys will meet again in Lima next month."))
    assert sorted(later.participants) == ["Paul Hart", "Zhou Ming"] and later.location == "Lima"


def test_the_two_delegations_meeting_again_are_the_countries(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "The two delegations will meet again in Lima next month."))
    assert sorted(later.participants) == ["China", "United States"]


def test_officials_of_the_two_sides_meeting_again_are_the_countries(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "Officials of the two sides will hold a second round in Vienna."))
    assert sorted(later.participants) == ["China", "United States"] and later.location == "Vienna"


# --- talks said to be held later, with no sides named: the sides of the meeting just reported ------

def test_consultations_both_sides_confirm_will_be_held_are_a_planned_meeting_of_the_countries(lexicon):
    [later] = planned(meetings_of(lexicon, HELD + "Both sides confirmed that technical consultations would be held in Vienna in July."))
    assert sorted(later.participants) == ["China", "United States"] and later.location == "Vienna"


def test_consultations_whose_holding_is_in_doubt_are_no_plan(lexicon):
    assert planned(meetings_of(lexicon, HELD + "It is unclear whether consultations will be held in Vienna.")) == []


def test_talks_held_in_the_past_are_no_plan(lexicon):
    assert planned(meetings_of(lexicon, HELD + "Similar talks were held in Vienna last year.")) == []


def test_talks_to_be_held_without_a_meeting_before_are_no_follow_up(lexicon):
    found = meetings_of(lexicon, "Paul Hart spoke at a forum in Geneva on Monday. Talks will be held in Vienna in July.")
    assert found == []
