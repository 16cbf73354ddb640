"""Meetings: one row per meeting, with sides, date, place, mode and status.

Articles are built in code with the people and dates filled by hand, so these
tests exercise the meeting rules alone.
"""
from __future__ import annotations

import json
import re
import shutil
from datetime import date

import pandas as pd
import pytest

from pipeline.article import Article, Mention, TimeExpr
from pipeline.errors import LexiconError
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.meetings.extract import extract_meetings
from pipeline.meetings.merge import merge_meetings
from pipeline.meetings.rules import MeetingRules
from pipeline.text.sentences import sentence_spans

PEOPLE = {
    # canonical: (country, names as written)
    "Lena Varga": ("Hungary", ["Lena Varga", "Varga"]),
    "Tomas Lind": ("Sweden", ["Tomas Lind", "Lind"]),
    "Sato Kenji": ("Japan", ["Sato Kenji", "Sato"]),
    "Zhou Ming": ("China", ["Zhou Ming", "Zhou"]),
    "Paul Hart": ("United States", ["Paul Hart", "Hart"]),
    "Mia Costa": ("European Union", ["Mia Costa", "Costa"]),
    "Ida Berg": ("Sweden", ["Ida Berg", "Berg"]),
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def make_article(text: str, published: date | None = date(2025, 3, 14)) -> Article:
    """An article after the earlier steps: sentences, people and weekday dates filled in."""
    a = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published=published)
    a.sentences = sentence_spans(a.text)
    starts = [s for s, _ in a.sentences]

    def sent(pos: int) -> int:
        return max(i for i, s in enumerate(starts) if s <= pos)

    taken: list[tuple[int, int]] = []
    for canonical, (country, names) in PEOPLE.items():
        for name in names:
            for m in re.finditer(rf"\b{re.escape(name)}\b", a.text):
                if any(x <= m.start() < y for x, y in taken):
                    continue
                taken.append((m.start(), m.end()))
                a.mentions.append(Mention(name, m.start(), m.end(), canonical, "person", "minister",
                                          country, sent(m.start())))
    a.mentions.sort(key=lambda m: m.start)
    for m in re.finditer(r"\b(?:on )?(" + "|".join(WEEKDAYS) + r")\b", a.text.lower()):
        value = None
        if published:   # the weekday on or before publication
            back = (published.weekday() - WEEKDAYS.index(m.group(1))) % 7
            value = date.fromordinal(published.toordinal() - back)
        a.dates.append(TimeExpr(m.group(), m.start(), m.end(), value, "day", sent(m.start())))
    return a


def meetings_of(lexicon, text: str, **kw):
    return extract_meetings(make_article(text, **kw), lexicon).meetings


def test_held_in_person_with_city_and_date(lexicon):
    [m] = meetings_of(lexicon, "Trade minister Lena Varga met Tomas Lind in Geneva on Wednesday to discuss steel quotas.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}
    assert set(m.countries) == {"Hungary", "Sweden"}
    assert m.date == date(2025, 3, 12) and m.date_precision == "day"
    assert (m.location, m.mode, m.status) == ("Geneva", "in_person", "held")
    assert m.evidence == ["Trade minister Lena Varga met Tomas Lind in Geneva on Wednesday to discuss steel quotas."]


def test_video_call_has_no_location(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart held a video call with Zhou Ming on Tuesday about export licences.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"}
    assert m.mode == "video" and m.location == "" and m.status == "held"


def test_phone_call(lexicon):
    [m] = meetings_of(lexicon, "Sato Kenji spoke by telephone with Zhou Ming, the ministry said.")
    assert set(m.participants) == {"Sato Kenji", "Zhou Ming"}
    assert m.mode == "phone"


def test_planned_meeting(lexicon):
    [m] = meetings_of(lexicon, "Mia Costa is set to meet Zhou Ming in Brussels next week to discuss rare earths.")
    assert set(m.participants) == {"Mia Costa", "Zhou Ming"}
    assert (m.status, m.location) == ("planned", "Brussels")
    assert m.date is None


def test_press_conference_statement_and_cabinet_meeting_are_not_meetings(lexicon):
    assert meetings_of(lexicon, "Zhou Ming told a press conference in Beijing that talks were possible.") == []
    assert meetings_of(lexicon, "Sato Kenji chaired a cabinet meeting in Tokyo on Friday.") == []
    assert meetings_of(lexicon, "Paul Hart issued a statement on Friday criticising Zhou Ming and the export ban.") == []
    assert meetings_of(lexicon, "Zhou Ming said the ministry would meet domestic demand for gallium.") == []


def test_generic_and_aggregate_meetings_are_not_rows(lexicon):
    assert meetings_of(lexicon, "Lena Varga has met Tomas Lind five times since 2023.") == []


def test_mentions_of_one_meeting_become_one_row(lexicon):
    text = ("Lena Varga met Tomas Lind in Geneva on Wednesday.\n"
            "During the meeting, Varga raised steel quotas.\n"
            "Varga and Lind met on the sidelines of the WTO ministerial conference, officials said.")
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"}
    assert m.location == "Geneva" and m.date == date(2025, 3, 12)
    assert m.occasion == "WTO ministerial"
    assert len(m.evidence) == 3


def test_side_without_a_named_person_is_its_country(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming met Japanese officials in Osaka on Monday.")
    assert m.participants == ["Zhou Ming", "Japan"]
    assert set(m.countries) == {"China", "Japan"}
    [m] = meetings_of(lexicon, "Paul Hart spoke by phone with his Chinese counterpart on Monday.")
    assert m.participants == ["Paul Hart", "China"] and m.mode == "phone"


def test_reference_to_the_previous_sentence(lexicon):
    text = "Sato Kenji welcomed Zhou Ming on Monday.\nOn the sidelines of the G20 summit, the two ministers exchanged views on seafood."
    [m] = meetings_of(lexicon, text)
    assert set(m.participants) == {"Sato Kenji", "Zhou Ming"} and m.occasion == "G20"


def test_date_stays_empty_without_a_publication_date(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga met Tomas Lind in Geneva on Wednesday.", published=None)
    assert m.date is None and m.date_precision == "day"


def test_one_person_alone_is_not_a_meeting(lexicon):
    assert meetings_of(lexicon, "Lena Varga met in Geneva on Wednesday to review the budget.") == []


# -- merging across articles ----------------------------------------------------------------

def _row(article_id, participants, day, location="Geneva", status="held", evidence="x"):
    return {"article_ids": [article_id], "participants": participants, "countries": ["Hungary", "Sweden"],
            "date": day, "location": location, "occasion": "", "mode": "in_person", "status": status,
            "tags": ["tariffs"], "evidence": [evidence], "source_count": 1}


def test_merge_meetings_joins_the_same_meeting_from_two_articles():
    df = pd.DataFrame([
        _row("a1", ["Lena Varga", "Tomas Lind"], "2025-03-12", evidence="first"),
        _row("a2", ["Tomas Lind", "Lena Varga"], "2025-03-12", evidence="second"),
        _row("a3", ["Lena Varga", "Tomas Lind"], "2025-03-20"),                  # another day
        _row("a4", ["Lena Varga", "Zhou Ming"], "2025-03-12"),                   # other people
        _row("a5", ["Lena Varga", "Tomas Lind"], "2025-03-12", status="planned"),
    ])
    out = merge_meetings(df)
    assert len(out) == 4
    joined = out[out["source_count"] == 2]
    assert len(joined) == 1
    row = joined.iloc[0]
    assert sorted(row["article_ids"]) == ["a1", "a2"]
    assert set(row["evidence"]) == {"first", "second"}
    assert set(out[out["source_count"] == 1]["article_ids"].map(tuple)) == {("a3",), ("a4",), ("a5",)}


def test_merge_meetings_without_a_date_needs_the_same_place():
    df = pd.DataFrame([
        _row("a1", ["Lena Varga", "Tomas Lind"], ""),
        _row("a2", ["Lena Varga", "Tomas Lind"], ""),
        _row("a3", ["Lena Varga", "Tomas Lind"], "", location="Paris"),
    ])
    out = merge_meetings(df)
    assert sorted(out["source_count"]) == [1, 2]


def test_merge_meetings_on_an_empty_frame():
    out = merge_meetings(pd.DataFrame(columns=["article_ids", "participants", "date", "location", "status"]))
    assert out.empty and "source_count" in out.columns


@pytest.mark.parametrize("n", [2000])
def test_merge_meetings_is_linear_enough(n):
    df = pd.DataFrame([_row(f"a{i}", ["Lena Varga", f"P{i % 50}"], f"2025-03-{i % 28 + 1:02d}") for i in range(n)])
    out = merge_meetings(df)
    assert out["source_count"].sum() == n


def test_meeting_separately_with_two_counterparts_gives_one_row_each(lexicon):
    text = ("Lena Varga met separately with Tomas Lind and Sato Kenji in Geneva on Monday. "
            "In her talks with Sato, Varga raised steel quotas.")
    rows = meetings_of(lexicon, text)
    assert sorted(sorted(m.participants) for m in rows) == [["Lena Varga", "Sato Kenji"], ["Lena Varga", "Tomas Lind"]]
    assert all(m.location == "Geneva" and m.date == date(2025, 3, 10) for m in rows)


def test_his_talks_with_a_named_counterpart_does_not_pull_in_the_last_speaker(lexicon):
    text = "Zhou Ming met Paul Hart on Monday.\nHart said the talks went well.\nIn his talks with Sato Kenji, Zhou said exports would rise."
    pairs = [set(m.participants) for m in meetings_of(lexicon, text)]
    assert {"Zhou Ming", "Sato Kenji"} in pairs
    assert not any({"Paul Hart", "Sato Kenji"} <= p for p in pairs)


def test_visit_to_a_capital_for_a_dialogue_meets_that_country(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga visited Beijing in January for the economic and financial dialogue.")
    assert m.participants == ["Lena Varga", "China"] and m.location == "Beijing" and m.status == "held"
    assert not meetings_of(lexicon, "Lena Varga visited Shanghai in January for the economic and financial dialogue.")


def test_agreeing_to_restart_a_dialogue_already_planned_is_not_a_second_row(lexicon):
    text = ("Lena Varga will travel to Stockholm next month to hold the steel dialogue with Sweden.\n"
            "Varga spoke with Tomas Lind by phone last week, when the two agreed to restart the dialogue.")
    rows = meetings_of(lexicon, text)
    assert sorted(m.status for m in rows) == ["held", "planned"]
    assert not any(set(m.participants) == {"Hungary", "Sweden"} for m in rows)


def test_hoping_to_visit_is_no_meeting_but_being_due_to_visit_is_planned(lexicon):
    # a hope is neither agreed nor scheduled: better to miss it than invent a meeting
    assert meetings_of(lexicon, "Tomas Lind also hoped to visit Japan early next year, although no date has been set.") == []
    assert meetings_of(lexicon, "Tomas Lind is also considering a possible visit to Japan early next year.") == []
    rows = meetings_of(lexicon, "Tomas Lind is due to visit Japan early next year.")
    assert rows and all(m.status == "planned" for m in rows)


def test_meet_again_is_a_second_meeting(lexicon):
    rows = meetings_of(lexicon, "Vice Premier Zhou Ming met U.S. Treasury Secretary Paul Hart in Geneva in May, "
                       "and the two will meet again next month.")
    assert sorted(m.status for m in rows) == ["held", "planned"]


def test_co_chairing_a_commission_is_a_meeting(lexicon):
    [m] = meetings_of(lexicon, "Tomas Lind will co-chair the Joint Economic and Trade Commission with China's "
                      "commerce minister, Zhou Ming, in Beijing next month.")
    assert set(m.participants) == {"Tomas Lind", "Zhou Ming"} and m.status == "planned"
    assert meetings_of(lexicon, "Zhou Ming said China attaches importance to ties with Sweden and hopes to push for "
                       "new progress in the FTA talks.") == []


def test_agreeing_to_hold_a_dialogue_is_planned_between_the_countries(lexicon):
    rows = meetings_of(lexicon, "Tomas Lind and Zhou Ming held talks in Tokyo on Saturday. Lind said ties were good. "
                       "Zhou praised Sweden. The two also agreed to hold a dialogue on economic security. "
                       "Lind will visit China next month for the security talks.")
    assert any(m.participants == ["Sweden", "China"] and m.status == "planned" for m in rows)


def test_a_single_consultation_is_a_meeting(lexicon):
    [m] = meetings_of(lexicon, "On Sunday, Zhou Ming held a consultation with Swedish officials in Brussels.")
    assert set(m.participants) == {"Zhou Ming", "Sweden"} and m.location == "Brussels"


def test_who_after_two_signatories_refers_to_both(lexicon):
    [m] = meetings_of(lexicon, "The deal was signed by Swedish minister Tomas Lind and Trade Commissioner Mia Costa, "
                               "who held talks in Stockholm before the ceremony.")
    assert set(m.participants) == {"Tomas Lind", "Mia Costa"} and m.location == "Stockholm"


# -- cues that need their parties in place -------------------------------------------------

def test_handing_over_is_a_meeting_only_from_a_person_to_a_person_of_another_country(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga handed Tomas Lind a letter from her prime minister in Geneva on Monday.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"} and (m.mode, m.location) == ("in_person", "Geneva")
    # "him": the person the previous sentence is about
    [m] = meetings_of(lexicon, "Zhou Ming was in good spirits.\n"
                               "When Paul Hart handed him a signed copy of the accord in Geneva on Friday, Zhou smiled.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"} and m.date == date(2025, 3, 14)
    # a thing handing something to someone is no meeting
    assert meetings_of(lexicon, "Lena Varga said the court handed her a victory on Monday.") == []
    rows = meetings_of(lexicon, "Zhou Ming met Sato Kenji on Monday.\n"
                                "The export ban handed him a headache, the minister told reporters in Tokyo on Friday.")
    assert len(rows) == 1 and rows[0].location == "" and len(rows[0].evidence) == 1
    # nor is a handover to a colleague, or to someone the clause does not name
    assert meetings_of(lexicon, "Tomas Lind handed Ida Berg the file on Monday.") == []
    assert meetings_of(lexicon, "Lena Varga handed her deputy the file on Monday, said Tomas Lind.") == []


def test_a_real_meeting_cue_beside_a_handover_still_counts(lexicon):
    [m] = meetings_of(lexicon, "Lena Varga handed Tomas Lind a letter during their meeting in Geneva on Monday.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"} and m.mode == "in_person"


def test_bringing_together_needs_a_person_or_an_event_and_people_or_sides(lexicon):
    [m] = meetings_of(lexicon, "The summit brought together the leaders of Sweden and Hungary in Geneva on Monday.")
    assert m.participants == ["Sweden", "Hungary"] and (m.location, m.status) == ("Geneva", "held")
    [m] = meetings_of(lexicon, "The forum in Geneva brought together Tomas Lind and Zhou Ming on Monday.")
    assert set(m.participants) == {"Tomas Lind", "Zhou Ming"}
    [m] = meetings_of(lexicon, "Lena Varga brought together Tomas Lind and Zhou Ming in Geneva on Monday.")
    assert set(m.participants) == {"Lena Varga", "Tomas Lind", "Zhou Ming"}
    # a crisis uniting people, or groups that are no side, is no meeting
    assert meetings_of(lexicon, "The crisis brought together Swedish and Japanese officials on Friday.") == []
    assert meetings_of(lexicon, "The crisis brought together Tomas Lind and Lena Varga on Friday.") == []
    assert meetings_of(lexicon, "Sato Kenji said the crisis brought together exporters and insurers from Sweden "
                                "and Hungary.") == []


# -- the rules read the lexicon they are given ----------------------------------------------

@pytest.fixture
def data_copy(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, copy)
    return copy


def test_a_country_renamed_in_the_data_is_the_side(lexicon, data_copy):
    countries = data_copy / "countries.csv"
    text = countries.read_text(encoding="utf-8")
    assert "\nJapan,country,,Japanese,Tokyo," in text
    countries.write_text(text.replace("\nJapan,country,,Japanese,Tokyo,", "\nNippon,country,Nihon,Nipponese,Tokyo,"),
                         encoding="utf-8")
    renamed = Lexicon.load(data_copy)
    for sentence in ("Zhou Ming met Nipponese officials in Osaka on Monday.",
                     "Zhou Ming held talks with Nihon in Osaka on Monday."):
        [m] = meetings_of(renamed, sentence)
        assert m.participants == ["Zhou Ming", "Nippon"] and set(m.countries) == {"China", "Nippon"}
        assert meetings_of(lexicon, sentence) == []   # the project's own data knows no Nippon
    [m] = meetings_of(renamed, "Paul Hart visited Tokyo on Monday for the steel dialogue.")
    assert m.participants == ["Paul Hart", "Nippon"]   # the capital's country hosts


def _edit_patterns(folder, edit) -> Lexicon:
    path = folder / "meeting_patterns.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return Lexicon.load(folder)


def test_cue_words_come_from_the_data(lexicon, data_copy):
    sentence = "Lena Varga conferred with Tomas Lind in Geneva on Monday."
    assert meetings_of(lexicon, sentence) == []
    edited = _edit_patterns(data_copy, lambda d: d["cues"]["meet"].append("conferred with"))
    [m] = meetings_of(edited, sentence)
    assert set(m.participants) == {"Lena Varga", "Tomas Lind"} and m.mode == "in_person"


def test_the_order_of_the_data_changes_nothing(lexicon, data_copy):
    def reverse(d):
        d["cues"] = {kind: phrases[::-1] for kind, phrases in reversed(d["cues"].items())}
        d["occasions"] = {name: phrases[::-1] for name, phrases in reversed(d["occasions"].items())}
        for key, value in d.items():
            if isinstance(value, list):
                d[key] = value[::-1]
    reversed_lexicon = _edit_patterns(data_copy, reverse)
    for text in ("Paul Hart spoke by phone with Zhou Ming on Tuesday about export licences.",
                 "Mia Costa and Zhou Ming held a video call on Saturday.",
                 "Varga and Lind met on the sidelines of the G20 summit in Osaka on Monday.",
                 "Lena Varga met Tomas Lind on Monday, and the two agreed to set up a steel dialogue."):
        assert meetings_of(reversed_lexicon, text) == meetings_of(lexicon, text)


def test_a_cue_of_two_kinds_is_a_data_error(data_copy):
    edited = _edit_patterns(data_copy, lambda d: d["cues"]["phone"].append("talks"))
    with pytest.raises(LexiconError, match="talks"):
        edited.compiled(MeetingRules)


def test_signing_together_is_a_meeting(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming and Tomas Lind signed the agreement in Geneva on Monday.")
    assert set(m.participants) == {"Zhou Ming", "Tomas Lind"} and m.mode == "in_person" and m.status == "held"
    assert m.location == "Geneva"
    [m] = meetings_of(lexicon, "The pact was signed by Zhou Ming and Tomas Lind on Monday.")
    assert set(m.participants) == {"Zhou Ming", "Tomas Lind"} and m.mode == "in_person"
    [m] = meetings_of(lexicon, "Zhou Ming and Tomas Lind will sign the accord next week.")
    assert m.status == "planned"


def test_signing_alone_or_presided_is_no_meeting(lexicon):
    for text in ("Zhou Ming signed an order on export licences on Monday.",
                 "Zhou Ming presided over the signing of deals by Tomas Lind's delegation on Monday.",
                 "Tomas Lind and Ida Berg signed the letter on Monday.",   # one country: no two sides
                 "Zhou Ming witnessed the signing of the accord on Monday."):
        assert meetings_of(lexicon, text) == [], text


def test_negotiating_with_someone_is_a_meeting(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming negotiated with Tomas Lind on Monday.")
    assert set(m.participants) == {"Zhou Ming", "Tomas Lind"} and m.status == "held"


def test_host_with_a_pronoun_object(lexicon):
    [m] = meetings_of(lexicon, "Tomas Lind arrived in Beijing on Monday. Zhou Ming welcomed him at the airport.")
    assert set(m.participants) == {"Zhou Ming", "Tomas Lind"} and m.location == "Beijing"
    assert meetings_of(lexicon, "Zhou Ming welcomed him.") == []   # nobody named for "him"


def test_postponed_or_next_year_plans_stay_planned(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming's trip to Stockholm to meet Tomas Lind was postponed.")
    assert m.status == "planned"
    [m] = meetings_of(lexicon, "Zhou Ming will meet Tomas Lind in Geneva next year.")
    assert m.status == "planned" and m.date is None


def test_earlier_round_of_the_pair_is_its_own_row(lexicon):
    ms = meetings_of(lexicon, "Zhou Ming met Tomas Lind in Oslo on Monday. The two last met in Geneva in May.")
    assert sorted(m.location for m in ms) == ["Geneva", "Oslo"]


def test_next_sentence_pointing_back_gives_place_and_day(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming met Tomas Lind on Monday. During their talks in Geneva, Zhou pressed for lower tariffs.")
    assert m.location == "Geneva" and m.date == date(2025, 3, 10)
    [m] = meetings_of(lexicon, "Zhou Ming met Tomas Lind in Oslo. The talks took place on Tuesday.")
    assert m.location == "Oslo" and m.date == date(2025, 3, 11)
    [m] = meetings_of(lexicon, "Zhou Ming met Tomas Lind. The meeting took place in Geneva.")
    assert m.location == "Geneva"


def test_no_pointer_or_a_call_takes_no_place(lexicon):
    # a sentence naming one party without pointing at the meeting gives it nothing
    [m] = meetings_of(lexicon, "Zhou Ming met Tomas Lind on Monday. Zhou later toured a factory in Geneva.")
    assert m.location == ""
    [m] = meetings_of(lexicon, "Zhou Ming held a phone call with Tomas Lind on Monday. During the call in Geneva, Zhou pressed for cuts.")
    assert m.location == "" and m.mode == "phone"
    # two sentences on: too far for a pointer
    [m] = meetings_of(lexicon, "Zhou Ming met Tomas Lind on Monday. Tariffs rose. Prices fell. The talks took place in Geneva.")
    assert m.location == ""


def test_call_between_two_people_is_a_call(lexicon):
    [m] = meetings_of(lexicon, "The deal awaits a call between Paul Hart and Zhou Ming, which is pending.")
    assert set(m.participants) == {"Paul Hart", "Zhou Ming"} and m.mode == "phone" and m.location == ""
    [m] = meetings_of(lexicon, "A deal on tariffs is pending a call between Paul Hart and Zhou Ming.")
    assert m.status == "planned"
    # "calls between" an unnamed pair of firms, or a call for something, is no call of the people
    assert meetings_of(lexicon, "Paul Hart called for talks between firms.") == []


def test_manner_word_far_from_the_cue_does_not_set_the_mode(lexicon):
    [m] = meetings_of(lexicon, "Paul Hart met Zhou Ming in Geneva on Monday to settle the fate of a popular short-form video app.")
    assert m.mode == "in_person"
    [m] = meetings_of(lexicon, "Paul Hart held talks with Zhou Ming by video on Monday.")
    assert m.mode == "video"


def test_visiting_a_person_of_another_country_is_a_meeting(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming is due to visit Tomas Lind in Stockholm.")
    assert set(m.participants) == {"Zhou Ming", "Tomas Lind"} and m.status == "planned" and m.location == "Stockholm"
    [m] = meetings_of(lexicon, "Zhou Ming visited Swedish trade minister Tomas Lind in Stockholm on Monday.")
    assert m.status == "held" and m.date == date(2025, 3, 10)
    # a visit that names another person in passing is no visit to them
    assert meetings_of(lexicon, "Zhou Ming, visiting Stockholm, said Tomas Lind was wrong.") == []


def test_planned_visit_is_not_absorbed_into_the_held_meeting(lexicon):
    ms = meetings_of(lexicon, "Zhou Ming met Tomas Lind in Oslo on Monday. Lind will visit China next year.")
    assert sorted(m.status for m in ms) == ["held", "planned"]
    held = next(m for m in ms if m.status == "held")
    assert held.location == "Oslo" and held.date == date(2025, 3, 10)
    # talks the two hold during the visit already under way are that meeting
    [m] = meetings_of(lexicon, "Paul Hart held a meeting with Zhou Ming on Monday. The two will hold further discussions.")
    assert m.status == "held"


def test_earlier_rounds_in_named_cities_are_rows_of_their_own(lexicon):
    ms = meetings_of(lexicon, "Zhou Ming met Tomas Lind in Oslo on Monday. This follows talks in Geneva and Vienna.")
    rounds = sorted((m.location, m.date, m.status, tuple(m.participants)) for m in ms if m.location != "Oslo")
    assert rounds == [("Geneva", None, "held", ("China", "Sweden")), ("Vienna", None, "held", ("China", "Sweden"))]
    ms = meetings_of(lexicon, "Zhou Ming met Tomas Lind in Oslo on Monday. It came after last month's negotiations in Geneva.")
    assert sorted(m.location for m in ms) == ["Geneva", "Oslo"]


def test_no_earlier_round_without_a_past_opener_or_a_meeting(lexicon):
    for text in ("Zhou Ming met Tomas Lind in Oslo on Monday. Tariffs fell after talks in Geneva.",
                 "Zhou Ming met Tomas Lind in Oslo on Monday. Earlier talks in Geneva will resume.",
                 "Tariffs fell. This follows talks in Geneva."):   # no meeting of the article to take sides from
        assert [m.location for m in meetings_of(lexicon, text)] in (["Oslo"], []), text


def test_sentence_about_the_meeting_must_open_with_it(lexicon):
    [m] = meetings_of(lexicon, "Zhou Ming met Tomas Lind. During the talks in Geneva, tariffs were discussed.")
    assert m.location == "Geneva"
    # "the talks" merely mentioned, not set anywhere: the city is not theirs
    [m] = meetings_of(lexicon, "Zhou Ming met Tomas Lind. The talks matter to exporters in Geneva.")
    assert m.location == ""
