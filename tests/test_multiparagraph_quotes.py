"""A quotation running over several paragraphs: an opening mark starts each paragraph and only
the last one closes. It is one direct row, its paragraphs joined with a space, credited to the
speaker named in its first or last paragraph."""
from __future__ import annotations

import pytest

from tests.test_quotes import make_article, rows

ENTITIES = {
    "Trade Minister Ana Solberg": ("Ana Solberg", "person", "Trade Minister"),
    "Ana Solberg": ("Ana Solberg", "person", ""),
    "Solberg": ("Ana Solberg", "person", ""),
    "Commerce Secretary Ben Okafor": ("Ben Okafor", "person", "Commerce Secretary"),
    "Okafor": ("Ben Okafor", "person", ""),
}


def quotes(lexicon, *paragraphs):
    return rows(make_article(lexicon, *paragraphs, entities=ENTITIES))


def test_attribution_in_the_first_paragraph(lexicon):
    got = quotes(lexicon,
        "Trade Minister Ana Solberg said: “We will not accept these tariffs on our farmers.",
        "“Our exporters have waited long enough for a fair answer.”",
    )
    assert got == [("Ana Solberg", "direct",
                    "We will not accept these tariffs on our farmers. "
                    "Our exporters have waited long enough for a fair answer.")]


def test_attribution_inside_the_first_paragraph_with_the_quote_interrupted(lexicon):
    got = quotes(lexicon,
        "“We will not accept these tariffs,” Solberg said. “Our farmers have waited too long.",
        "“We expect a fair answer from the other side by spring.”",
    )
    assert len(got) == 1
    speaker, kind, text = got[0]
    assert (speaker, kind) == ("Ana Solberg", "direct")
    assert text.startswith("We will not accept these tariffs")
    assert "Our farmers have waited too long. We expect a fair answer" in text


def test_attribution_in_the_last_paragraph(lexicon):
    got = quotes(lexicon,
        "The two delegations met for a third day in the capital.",
        "“The talks were long and difficult for everyone in the room.",
        "“But we have reached a fair deal for both sides,” Solberg told reporters.",
    )
    assert got == [("Ana Solberg", "direct",
                    "The talks were long and difficult for everyone in the room. "
                    "But we have reached a fair deal for both sides")]


def test_three_paragraphs_are_one_row(lexicon):
    got = quotes(lexicon,
        "Commerce Secretary Ben Okafor said: “The new quotas are a first step.",
        "“We will review the steel rules next month.",
        "“After that we will turn to farm goods and services.”",
    )
    assert got == [("Ben Okafor", "direct",
                    "The new quotas are a first step. We will review the steel rules next month. "
                    "After that we will turn to farm goods and services.")]


# --- what must stay apart -------------------------------------------------------------------

def test_two_speakers_in_consecutive_paragraphs_stay_two_rows(lexicon):
    got = quotes(lexicon,
        "“We will not accept these tariffs on our farmers,” Solberg said.",
        "“This deal is good for our workers and our factories,” said Commerce Secretary Ben Okafor.",
    )
    assert sorted(got) == [
        ("Ana Solberg", "direct", "We will not accept these tariffs on our farmers"),
        ("Ben Okafor", "direct", "This deal is good for our workers and our factories"),
    ]


def test_a_closed_quote_then_a_new_one_by_the_same_speaker_stays_two_rows(lexicon):
    got = quotes(lexicon,
        "“We will not accept these tariffs on our farmers,” Solberg said.",
        "“We expect a fair answer from the other side by spring,” she added.",
    )
    assert len(got) == 2
    assert {k for _, k, _ in got} == {"direct"}
    assert [t for _, _, t in got] == ["We will not accept these tariffs on our farmers",
                                      "We expect a fair answer from the other side by spring"]


def test_no_join_across_a_paragraph_opening_without_a_mark(lexicon):
    got = quotes(lexicon,
        "Trade Minister Ana Solberg said: “We will not accept these tariffs on our farmers.",
        "The ministry did not say when the next round of talks would take place.",
        "“Our exporters have waited long enough for a fair answer,” said Okafor.",
    )
    texts = [t for _, _, t in got]
    assert not any("ministry did not say" in t for t in texts)
    assert not any("farmers" in t and "exporters" in t for t in texts)
    assert ("Ben Okafor", "direct", "Our exporters have waited long enough for a fair answer") in got


@pytest.mark.parametrize("paragraphs", [
    ("Solberg said: “We will not accept these tariffs on our farmers.",
     "“Our exporters have waited long enough",
     "“and they will wait no longer"),
    ("“We will not accept these tariffs,” Solberg said. “",
     "“",
     "The talks end on Friday."),
    ("“We will not accept “these” tariffs on our “farmers,” Solberg said.",
     "“Our exporters have waited long enough.",
     "Nothing else was agreed at the meeting on Friday.",
     "The next round is planned for June in the capital."),
])
def test_odd_marks_never_crash_nor_swallow_the_article(lexicon, paragraphs):
    got = quotes(lexicon, *paragraphs)
    for _, _, text in got:
        assert "next round" not in text and "Nothing else" not in text and "talks end" not in text


@pytest.mark.parametrize("first, second", [
    ("Solberg said: \"We will not accept these tariffs on our farmers.",
     "\"Our exporters have waited long enough for a fair answer.\""),
    ("Solberg said: ‘We will not accept these tariffs on our farmers.",
     "‘Our exporters have waited long enough for a fair answer.’"),
])
def test_straight_and_single_marks_run_over_paragraphs_too(lexicon, first, second):
    got = quotes(lexicon, first, second)
    assert got == [("Ana Solberg", "direct",
                    "We will not accept these tariffs on our farmers. "
                    "Our exporters have waited long enough for a fair answer.")]


def test_attribution_in_a_middle_paragraph_leaves_no_second_row(lexicon):
    got = quotes(lexicon,
        "“The new quotas are a first step for our steel makers.",
        "“We will review the steel rules next month,” said Commerce Secretary Ben Okafor.",
    )
    assert got == [("Ben Okafor", "direct",
                    "The new quotas are a first step for our steel makers. "
                    "We will review the steel rules next month")]


def test_a_blank_line_between_the_paragraphs_does_not_break_the_quotation(lexicon):
    got = quotes(lexicon,
        "Trade Minister Ana Solberg said: “We will not accept these tariffs on our farmers.",
        "",
        "“Our exporters have waited long enough for a fair answer.”",
    )
    assert got == [("Ana Solberg", "direct",
                    "We will not accept these tariffs on our farmers. "
                    "Our exporters have waited long enough for a fair answer.")]


def test_a_blank_line_does_not_join_a_closed_quote_to_the_next(lexicon):
    got = quotes(lexicon,
        "“We will not accept these tariffs on our farmers,” Solberg said.",
        "",
        "“We expect a fair answer from the other side by spring,” she added.",
    )
    assert len(got) == 2


def test_attribution_in_the_first_and_the_last_paragraph_gives_one_row(lexicon):
    got = quotes(lexicon,
        "Solberg said: “We will not accept these tariffs on our farmers.",
        "“Our exporters have waited long enough for a fair answer,” she said.",
        "“This deal is good for our workers and our factories,” said Okafor.",
    )
    assert got == [
        ("Ana Solberg", "direct", "We will not accept these tariffs on our farmers. "
                                  "Our exporters have waited long enough for a fair answer"),
        ("Ben Okafor", "direct", "This deal is good for our workers and our factories"),
    ]


def test_a_mark_left_open_before_another_speakers_quote_does_not_join_them(lexicon):
    got = quotes(lexicon,
        "Trade Minister Ana Solberg said: “We will not accept these tariffs on our farmers.",
        "“This deal is good for our workers and our factories,” said Commerce Secretary Ben Okafor.",
    )
    assert got == [
        ("Ana Solberg", "direct", "We will not accept these tariffs on our farmers."),
        ("Ben Okafor", "direct", "This deal is good for our workers and our factories"),
    ]
