"""Sentence spans: abbreviations, initials and clock times do not end a sentence."""
import pytest

from pipeline.text.sentences import SentenceIndex, sentence_spans


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text", [
    "The envoys met at 10 a.m. Tuesday in Valdoria.",
    "Talks opened at 3 p.m. Monday and ran late.",
    "The talks resumed at 9 a.m. GMT in the capital.",
    "The minister (Oct. 3) arrived in Port Elda.",
    "The summit opened on Oct. 3 in Varena.",
    "Officials of the U.S. Commerce Department met their Ardish peers.",
    "The envoy J. Marlow met the minister in Port Elda.",
    "A deal was signed (Nov. 12) by both ministers.",
    "The envoy Ö. Marlow met the minister in Port Elda.",
    "Talks were led by Ł. Nowak for the Polish side.",
])
def test_no_split_inside(text):
    assert split(text) == [text]


@pytest.mark.parametrize("text, parts", [
    ("The talks ended at 5 p.m. The ministers then left.", 2),
    ("The talks ended late. Ministers left on Monday.", 2),
    ("Who met whom? Nobody said.", 2),
    ("They met in March (Oct. 3 was the day). Then they left.", 2),
    ("He said \"We agreed.\" The two then left.", 2),
    ("The talks ended late. Özlem Arda then left.", 2),
    ("The talks ended late. Łukasz Nowak then left.", 2),
    ("The talks ended late. e.g. nothing was agreed.", 1),
])
def test_split_between(text, parts):
    assert len(split(text)) == parts


def test_paragraphs_always_split():
    assert split("One line a.m.\nAnother line.") == ["One line a.m.", "Another line."]


def test_index_finds_sentence():
    text = "First one. Second one at 9 a.m. Monday. Third."
    idx = SentenceIndex(text)
    assert len(idx) == 3
    assert idx.sentence(idx.index(text.index("Monday"))) == "Second one at 9 a.m. Monday."
