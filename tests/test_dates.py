"""Temporal expressions: finding them, and resolving them against the publication date."""
import json
import shutil
from datetime import date

import pytest

from pipeline.article import Article
from pipeline.lexicon.lexicon import DEFAULT_DATA, Lexicon
from pipeline.dates.expressions import date_for_sentence, find_expressions, resolve_dates, resolve_expression
from pipeline.dates.grammar import ExpressionGrammar
from pipeline.text.sentences import sentence_spans

SUN = date(2025, 11, 2)   # a Sunday


def dated_with(lexicon, text: str, published: date | None = SUN) -> Article:
    article = Article(origin="t.txt", raw_text=text, paragraphs=text.split("\n"), published=published)
    article.sentences = sentence_spans(article.text)
    return resolve_dates(article, lexicon)


@pytest.fixture
def dated(lexicon):
    """text, published -> the article with its date expressions."""
    return lambda text, published=SUN: dated_with(lexicon, text, published)


@pytest.fixture
def found(lexicon):
    """text, published -> (text, value, precision) of each expression."""
    return lambda text, published=SUN: [(t.text, t.value, t.precision)
                                        for t in dated_with(lexicon, text, published).dates]


@pytest.mark.parametrize("phrase, expected", [
    ("last Thursday", date(2025, 10, 30)),
    ("last Sunday", date(2025, 10, 26)),       # strictly before, never the day itself
    ("this Sunday", date(2025, 11, 2)),        # on or before
    ("this Thursday", date(2025, 10, 30)),
    ("next Sunday", date(2025, 11, 9)),        # strictly after
    ("next Thursday", date(2025, 11, 6)),
    ("on Thursday", date(2025, 10, 30)),
    ("on Sunday", date(2025, 11, 2)),          # a bare weekday may be the day itself
    ("Saturday", date(2025, 11, 1)),
])
def test_weekdays_follow_heideltime_rules(dated, phrase, expected):
    text = f"The ministers met {phrase} in Gyeongju."
    (expr,) = dated(text).dates
    assert (expr.value, expr.precision) == (expected, "day")
    assert text[expr.start:expr.end] == expr.text
    assert expr.text == phrase.removeprefix("on ")


@pytest.mark.parametrize("sentence, expected", [
    ("The two ministers will meet on Thursday in Brussels.", date(2025, 11, 6)),
    ("Talks are expected to take place on Tuesday.", date(2025, 11, 4)),
    ("Wang is set to visit Tokyo on Saturday.", date(2025, 11, 8)),
    ("The upcoming talks on Monday will cover chips.", date(2025, 11, 3)),
    ("The envoys were due to confer in Tallinn on Sunday.", date(2025, 11, 2)),   # the day itself stays
    ("Talks on Tuesday are expected to cover chips.", date(2025, 11, 4)),
])
def test_a_bare_weekday_in_a_future_sentence_looks_ahead(dated, sentence, expected):
    assert [e.value for e in dated(sentence).dates] == [expected]


@pytest.mark.parametrize("sentence", ["The two envoys are meeting in Port Elda on Tuesday.",
                                      "Ana Ruiz is hosting the envoy in Port Elda on Tuesday."])
def test_a_progressive_meeting_verb_with_a_weekday_is_a_plan(found, sentence):
    assert found(sentence)[0][1] == date(2025, 11, 4)


def test_the_nearest_tense_cue_wins(dated):
    # the future of the reported clause does not move the day the ministry spoke
    (expr,) = dated("China will retaliate, the ministry said on Tuesday.").dates
    assert expr.value == date(2025, 10, 28)
    (expr,) = dated("Wang, who met Akazawa on Thursday, will visit Seoul.").dates
    assert expr.value == date(2025, 10, 30)


def test_future_cue_in_another_sentence_does_not_count(dated):
    (_, expr) = dated("Talks will resume soon. The two sides met on Thursday.").dates
    assert expr.value == date(2025, 10, 30)


def test_parenthesised_date_beats_the_weekday_and_makes_one_expression(dated, found):
    text = "The ministry said that last Thursday (October 30) in Gyeongju Wang met Akazawa."
    (expr,) = dated(text).dates
    assert expr.text == "last Thursday (October 30)"
    assert text[expr.start:expr.end] == expr.text
    assert (expr.value, expr.precision) == (date(2025, 10, 30), "day")
    assert found("It said on Sunday (November 2) that talks went well.") == [
        ("Sunday (November 2)", date(2025, 11, 2), "day")]


def test_parenthesised_date_year_across_new_year(found):
    assert found("He met her last Tuesday (December 30) in Tokyo.", date(2026, 1, 3)) == [
        ("last Tuesday (December 30)", date(2025, 12, 30), "day")]
    # the weekday pins the year even when the day is after publication
    assert found("They meet on Friday (January 2) again.", date(2025, 12, 20)) == [
        ("Friday (January 2)", date(2026, 1, 2), "day")]


def test_parenthesised_date_forms(found):
    assert found("Talks opened Tuesday evening (14 October) in Lisbon.", date(2025, 10, 15))[0] == (
        "Tuesday evening (14 October)", date(2025, 10, 14), "day")
    assert found("She sees the premier on Wednesday (March 5, 2025) in Hanoi.", None) == [
        ("Wednesday (March 5, 2025)", date(2025, 3, 5), "day")]
    assert found("They met on Friday, Oct. 31, in Seoul.")[0][:2] == ("Friday, Oct. 31", date(2025, 10, 31))
    # no weekday fits within a year either side: the year nearest publication
    assert found("It happened on Monday (October 30) there.")[0][1] == date(2025, 10, 30)
    # a parenthesis that is not a date stays out of the expression
    assert found("He spoke on Friday (local time).")[0][0] == "Friday"


@pytest.mark.parametrize("phrase, expected, precision", [
    ("November 2", date(2025, 11, 2), "day"),
    ("2 November", date(2025, 11, 2), "day"),
    ("Nov. 2", date(2025, 11, 2), "day"),
    ("the 2nd of November", date(2025, 11, 2), "day"),
    ("March 3", date(2025, 3, 3), "day"),             # past, not the nearer March ahead
    ("November 10", date(2025, 11, 10), "day"),       # just ahead beats a year back
    ("November 2, 2025", date(2025, 11, 2), "day"),
    ("2 Nov 2025", date(2025, 11, 2), "day"),
    ("2024-04-07", date(2024, 4, 7), "day"),
    ("November 2025", date(2025, 11, 1), "month"),
    ("May 2023", date(2023, 5, 1), "month"),
    ("early July", date(2025, 7, 1), "month"),
    ("last November", date(2024, 11, 1), "month"),
    ("next March", date(2026, 3, 1), "month"),
])
def test_absolute_dates(found, phrase, expected, precision):
    assert found(f"Officials met on {phrase} in Beijing.") == [
        (phrase.removeprefix("the "), expected, precision)]


def test_absolute_dates_with_a_year_need_no_publication_date(found):
    assert found("They met on November 2, 2025 and on 2024-04-07.", None) == [
        ("November 2, 2025", date(2025, 11, 2), "day"), ("2024-04-07", date(2024, 4, 7), "day")]
    assert found("They met on November 2 and on Thursday.", None) == [
        ("November 2", None, "day"), ("Thursday", None, "day")]


def test_month_day_looks_ahead_in_future_sentences(found):
    assert found("The tariffs will take effect on March 3.")[0][1] == date(2026, 3, 3)


@pytest.mark.parametrize("sentence, expected", [
    ("The envoys met in Port Elda on 27-28 October.", date(2025, 10, 27)),
    ("The envoys met in Port Elda on 27 and 28 October.", date(2025, 10, 27)),
    ("The envoys met in Port Elda from 27 to 29 October.", date(2025, 10, 27)),
    ("The envoys met in Port Elda between 27th and 29th October 2025.", date(2025, 10, 27)),
    ("Exports fell 30 to 28 October levels.", date(2025, 10, 28)),   # no span: the later day first
])
def test_a_span_of_days_before_the_month_is_dated_by_its_first(found, sentence, expected):
    assert found(sentence)[0][1] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The two envoys will meet in Port Elda on October 29.", date(2025, 10, 29)),   # a late copy of the plan
    ("The two envoys will meet in Port Elda on the 30th.", date(2025, 10, 30)),
    ("The two envoys will meet in Port Elda on September 20.", date(2026, 9, 20)),  # six weeks back: next year's
    ("The two envoys will meet in Port Elda on November 4.", date(2025, 11, 4)),
])
def test_a_planned_day_just_behind_publication_is_not_next_years(found, sentence, expected):
    assert found(sentence)[0][1] == expected


def test_bare_month_by_tense(found):
    july = date(2025, 7, 10)
    assert found("Biden and Xi met in November.", july) == [("November", date(2024, 11, 1), "month")]
    assert found("Biden and Xi will meet in November.", july) == [("November", date(2025, 11, 1), "month")]
    assert found("They met in May.", july) == [("May", date(2025, 5, 1), "month")]
    assert found("Sales fell in 2024.", july) == [("2024", date(2024, 1, 1), "year")]


@pytest.mark.parametrize("phrase, expected, precision", [
    ("today", SUN, "day"),
    ("yesterday", date(2025, 11, 1), "day"),
    ("tomorrow", date(2025, 11, 3), "day"),
    ("the day before yesterday", date(2025, 10, 31), "day"),   # not "yesterday"
    ("the day after tomorrow", date(2025, 11, 4), "day"),
    ("this afternoon", SUN, "day"),
    ("last week", date(2025, 10, 20), "week"),        # Monday of that week
    ("this week", date(2025, 10, 27), "week"),
    ("earlier this week", date(2025, 10, 27), "week"),
    ("later this week", date(2025, 10, 27), "week"),
    ("next week", date(2025, 11, 3), "week"),
    ("earlier this month", date(2025, 11, 1), "month"),
    ("this month", date(2025, 11, 1), "month"),
    ("last month", date(2025, 10, 1), "month"),
    ("next month", date(2025, 12, 1), "month"),
    ("this year", date(2025, 1, 1), "year"),
    ("last year", date(2024, 1, 1), "year"),
    ("two days ago", date(2025, 10, 31), "day"),
    ("in the coming days", None, "future"),
    ("in the coming weeks", None, "future"),
    ("soon", None, "future"),
])
def test_relative_expressions(found, phrase, expected, precision):
    assert found(f"The talks happen {phrase}, officials said.") == [(phrase, expected, precision)]


def test_relative_expressions_without_publication_date_keep_their_precision(found):
    assert found("They spoke yesterday and meet next week.", None) == [
        ("yesterday", None, "day"), ("next week", None, "week")]


def test_last_week_across_a_new_year(found):
    assert found("They met last week.", date(2026, 1, 3)) == [("last week", date(2025, 12, 22), "week")]


@pytest.mark.parametrize("text", [
    "China may impose new controls.",
    "May I ask a question, minister?",
    "The call lasted nearly two hours.",
    "We will see, he said.",
    "It was the second round of talks.",
    "Farmers march through the capital.",
    "He told the Sunday Times that talks stalled.",
    "Output rose 2025 tonnes.",
    "As soon as possible, he said.",
])
def test_not_dates(dated, text):
    assert dated(text).dates == []


def test_may_is_a_date_with_a_day_a_year_or_a_preposition(dated):
    assert [e.text for e in dated("They met on May 5. Talks resumed in May 2025. It ended in May.",
                                  date(2025, 7, 1)).dates] == ["May 5", "May 2025", "May"]


def test_sentence_index_and_spans(dated):
    text = "Wang met Akazawa last Thursday.\nThe ministry said on Sunday that talks went well. More talks next week."
    article = dated(text)
    assert [(e.text, e.sentence) for e in article.dates] == [
        ("last Thursday", 0), ("Sunday", 1), ("next week", 2)]
    for expr in article.dates:
        start, end = article.sentences[expr.sentence]
        assert start <= expr.start < expr.end <= end
        assert article.text[expr.start:expr.end] == expr.text


def test_date_for_sentence_prefers_the_most_precise_then_the_nearest(dated):
    article = dated("Earlier this month, Wang met Akazawa on Thursday and Ahn on Friday. No dates here.")
    assert date_for_sentence(article, 0).text == "Thursday"
    near_friday = article.text.index("Ahn")
    assert date_for_sentence(article, 0, near=near_friday).text == "Friday"
    assert date_for_sentence(article, 0, prefer="month").text == "Earlier this month"
    assert date_for_sentence(article, 1) is None


def test_date_for_sentence_prefers_a_resolved_value(dated):
    article = dated("They met on Friday (April 26) and on 2024-04-25.", None)
    assert date_for_sentence(article, 0).text == "2024-04-25"


def test_resolve_expression_is_reusable_and_cached(lexicon):
    assert resolve_expression("last Thursday (October 30)", SUN, lexicon) == (date(2025, 10, 30), "day")
    assert resolve_expression("on Thursday", SUN, lexicon, future=True) == (date(2025, 11, 6), "day")
    assert resolve_expression("Last  Week", SUN, lexicon) == (date(2025, 10, 20), "week")
    # the answer is kept on the lexicon's grammar, per phrase, publication date and tense
    cache = lexicon.compiled(ExpressionGrammar).resolved
    key = ("last Thursday (October 30)", SUN, False)
    kept = cache[key]
    cache[key] = (date(2000, 1, 1), "day")
    try:
        assert resolve_expression("last Thursday (October 30)", SUN, lexicon) == (date(2000, 1, 1), "day")
    finally:
        cache[key] = kept
    assert resolve_expression("two hours", SUN, lexicon) == (None, "unknown")
    assert resolve_expression("yesterday", None, lexicon) == (None, "day")


def test_resolve_expression_falls_back_for_odd_absolute_formats(lexicon):
    assert resolve_expression("Sunday, 2 November 2025 10:30 GMT", None, lexicon) == (date(2025, 11, 2), "day")
    assert resolve_expression("02/11/2025", SUN, lexicon) == (date(2025, 11, 2), "day")      # nearest reading
    assert resolve_expression("25/12/2025", None, lexicon) == (date(2025, 12, 25), "day")    # unambiguous
    assert resolve_expression("02/11/2025", None, lexicon) == (None, "unknown")


def test_offsets_survive_accents_and_curly_apostrophes(dated):
    text = "Pedro Sánchez and İlham met Xi on Monday before Friday’s talks in Zürich."
    article = dated(text)
    assert [(e.text, e.value) for e in article.dates] == [
        ("Monday", date(2025, 10, 27)), ("Friday", date(2025, 10, 31))]
    assert all(text[e.start:e.end] == e.text for e in article.dates)


def test_the_grammar_comes_from_the_lexicon(tmp_path, lexicon):
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, folder)
    path = folder / "date_patterns.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["relative"]["overmorrow"] = ["day", 2]
    data["months"]["novembre"] = 11
    path.write_text(json.dumps(data), encoding="utf-8")
    other = Lexicon.load(folder)
    text = "They meet overmorrow. They met on 2 Novembre."
    assert [(e.text, e.value) for e in dated_with(lexicon, text).dates] == []
    assert [(e.text, e.value) for e in dated_with(other, text).dates] == [
        ("overmorrow", date(2025, 11, 4)), ("2 Novembre", date(2025, 11, 2))]


# --- weekends: a span of two days, never a single day --------------------------------
@pytest.mark.parametrize("phrase", ["over the weekend", "this weekend", "last weekend", "next weekend",
                                    "at the weekend"])
def test_a_weekend_is_vague(found, phrase):
    ((text, value, precision),) = found(f"The two envoys met {phrase} in Port Elda.")
    assert phrase.endswith(text) and value is None and precision == "week"


def test_weekend_does_not_hide_a_day_in_the_same_sentence(found):
    assert found("They met on Friday, before the weekend.") [0] == ("Friday", date(2025, 10, 31), "day")


# --- "through/until <weekday>": the end of something still going on ------------------
@pytest.mark.parametrize("sentence, expected", [
    ("The talks in Varena run through Friday.", date(2025, 11, 7)),
    ("The envoys stay in Port Elda until Wednesday.", date(2025, 11, 5)),
    ("The fair is open till Saturday, organisers say.", date(2025, 11, 8)),
])
def test_through_a_weekday_in_the_present_looks_ahead(dated, sentence, expected):
    assert [e.value for e in dated(sentence, date(2025, 11, 3)).dates] == [expected]


def test_through_a_weekday_in_the_past_looks_back(dated):
    (expr,) = dated("The talks lasted through Friday, officials said.", date(2025, 11, 3)).dates
    assert expr.value == date(2025, 10, 31)
    (expr,) = dated("The envoys stayed until Wednesday.", date(2025, 11, 3)).dates
    assert expr.value == date(2025, 10, 29)


def test_set_to_after_a_noun_is_future(dated):
    (expr,) = dated("Ministers hope for a deal at a summit set to begin Monday in Varena.").dates
    assert expr.value == date(2025, 11, 3)


# --- "on the 12th": a day of the publication month, or the next/previous one ---------
@pytest.mark.parametrize("sentence, published, expected", [
    ("The envoys met on the 12th in Port Elda.", date(2025, 11, 20), date(2025, 11, 12)),
    ("The envoys met on the 28th in Port Elda.", date(2025, 11, 3), date(2025, 10, 28)),
    ("The envoys will meet on the 12th in Port Elda.", date(2025, 11, 20), date(2025, 12, 12)),
    ("The envoys will meet on the 22nd.", date(2025, 11, 20), date(2025, 11, 22)),
])
def test_ordinal_day_resolves_against_publication_month(dated, sentence, published, expected):
    (expr,) = dated(sentence, published).dates
    assert (expr.value, expr.precision) == (expected, "day")
    assert expr.text.endswith(("12th", "28th", "22nd"))


@pytest.mark.parametrize("text", [
    "It was the 12th round of talks.",
    "The 3rd largest economy met its target.",
    "The two signed the deal in the 21st century.",
])
def test_ordinals_that_are_not_days(dated, text):
    assert dated(text).dates == []


# --- a weekday beside a date that does not fit -----------------------------------------
def test_weekday_that_conflicts_with_the_date(found):
    # 3 March 2025 is a Monday: no conflict
    assert found("They met on Monday, March 3.", date(2025, 3, 5))[0][1] == date(2025, 3, 3)
    # Monday 3 March is 2025, a year before this publication: the year that fits
    assert found("They met on Monday, March 3.", date(2026, 2, 1))[0][1] == date(2025, 3, 3)
    # no Monday 5 March within a year either side: the date nearest publication, never a far year
    assert found("They met on Monday, March 5.", date(2025, 3, 7))[0][1] == date(2025, 3, 5)
    # the day by tense is days from publication: a slipped weekday, not a year-old story
    assert found("They met on Monday, Nov. 4, in Varena.", date(2025, 11, 5))[0][1] == date(2025, 11, 4)
    assert found("They met on Monday (4 November) in Varena.", date(2025, 11, 20))[0][1] == date(2025, 11, 4)
    # an explicit year is kept even if the weekday is wrong
    assert found("They met on Monday, March 5, 2025.", date(2025, 3, 7))[0][1] == date(2025, 3, 5)


def test_multi_day_ranges_give_the_first_day(found):
    assert found("Talks run from March 3 to 5 in Varena.", date(2025, 3, 1))[0][1] == date(2025, 3, 3)
    assert found("Talks were held on March 3-5 in Varena.", date(2025, 3, 10))[0][1] == date(2025, 3, 3)
    assert found("Talks were held on 3-5 March in Varena.", date(2025, 3, 10))[0][1] == date(2025, 3, 3)


# --- a weekday placed in a week: "on Tuesday last week" ---------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("on Tuesday last week", date(2025, 10, 28)),
    ("on Friday of last week", date(2025, 10, 31)),
    ("on Monday next week", date(2025, 11, 10)),
    ("on Friday this week", date(2025, 11, 7)),
    ("on Monday earlier this week", date(2025, 11, 3)),
])
def test_weekday_in_a_named_week(found, phrase, expected):
    ((text, value, precision),) = found(f"The envoys meet {phrase} in Varena.", date(2025, 11, 5))
    assert (text, value, precision) == (phrase.removeprefix("on "), expected, "day")


@pytest.mark.parametrize("sentence, expected", [
    ("The envoy meets Ana Ruiz in Port Elda on Tuesday.", date(2025, 11, 4)),   # the present simple of a plan
    ("Ana Ruiz hosts the envoy in Port Elda on Tuesday.", date(2025, 11, 4)),
    ("Ana Ruiz met the envoy in Port Elda on Tuesday.", date(2025, 10, 28)),
])
def test_a_meeting_verb_in_the_present_simple_with_a_weekday_looks_ahead(found, sentence, expected):
    assert found(sentence)[0][1] == expected


@pytest.mark.parametrize("sentence, published, expected", [
    ("A call scheduled for Saturday was cancelled.", SUN, date(2025, 11, 1)),   # the day before
    ("A call scheduled for Tuesday was cancelled.", SUN, date(2025, 11, 4)),    # two days ahead, five behind
    ("A call scheduled for Tuesday will be held.", SUN, date(2025, 11, 4)),
    ("A call held on Saturday was short.", SUN, date(2025, 11, 1)),
])
def test_a_plan_told_in_the_past_takes_the_nearer_day(found, sentence, published, expected):
    assert found(sentence, published)[0][1] == expected


@pytest.mark.parametrize("sentence", ["The envoys will meet during the week of November 10.",
                                      "The envoys met in the week of Oct. 27."])
def test_the_week_of_a_day_names_no_day(found, sentence):
    assert found(sentence)[0][2] == "week"


def test_a_day_of_a_week_of_talks_is_still_a_day(found):
    assert found("The envoys met in a week of talks on Oct. 27.")[0][2] == "day"


@pytest.mark.parametrize("phrase, expected", [
    ("on the 3rd of next month", date(2025, 12, 3)),
    ("the 28th of last month", date(2025, 10, 28)),
    ("on the 20th of this month", date(2025, 11, 20)),
    ("the 31st of next month", date(2025, 12, 31)),
])
def test_an_ordinal_day_of_a_named_month_counts_from_publication(lexicon, phrase, expected):
    assert resolve_expression(phrase, date(2025, 11, 8), lexicon, future=True) == (expected, "day")
    assert resolve_expression(phrase, date(2025, 11, 8), lexicon, future=False) == (expected, "day")


@pytest.mark.parametrize("text", [
    "Wang Wentao will meet Lind for the 3rd of their rounds.",
    "The 21st of the month is a holiday.",
    "Lind will visit on the 30th of next month.",   # no February 30: nothing rather than a wrong day
])
def test_an_ordinal_not_naming_a_day_of_a_month_gives_no_day(lexicon, text):
    found = find_expressions(text, sentence_spans(text), date(2026, 1, 20), lexicon)
    assert not [t for t in found if t.value and t.precision == "day"]
