"""What the charts draw counts what their titles say: periods on real time axes, articles once."""
from __future__ import annotations

import pandas as pd

from pipeline.query.views import articles_per_period, tag_counts_over_time, tagged_per_period


def tag_rows(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"article_id": a, "label": label, "published": day} for a, label, day in rows])


def test_an_article_with_several_issues_is_one_article_of_its_week():
    # four articles in one week, one of them with five issues: the week has four articles
    rows = [("a1", x, "2025-10-27") for x in "ABCDE"] + [("a2", "A", "2025-10-28"), ("a3", "B", "2025-10-29"),
                                                         ("a4", "C", "2025-11-02")]
    tags = tag_rows(rows)
    totals = tagged_per_period(tags, "W")
    assert totals["articles"].tolist() == [4]
    per_issue = tag_counts_over_time(tags, "W").set_index("label")["articles"]
    assert per_issue.to_dict() == {"A": 2, "B": 2, "C": 2, "D": 1, "E": 1}


def test_empty_weeks_and_months_are_counted_as_zero_in_time_order():
    articles = pd.DataFrame({"article_id": ["x", "y", "z", "u"],
                             "published": ["2023-07-03", "2023-07-05", "2024-01-08", ""]})
    weeks = articles_per_period(articles, "W")
    assert weeks["period"].iloc[0] == pd.Timestamp("2023-07-03")
    assert weeks["period"].iloc[-1] == pd.Timestamp("2024-01-08")
    assert len(weeks) == 28 and weeks["articles"].sum() == 3
    assert (weeks["end"] - weeks["period"]).eq(pd.Timedelta(days=7)).all()
    months = articles_per_period(articles, "M")
    assert months["period"].dt.strftime("%Y-%m").tolist() == [
        "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01"]
    assert months["articles"].tolist() == [2, 0, 0, 0, 0, 0, 1]


def test_every_issue_has_every_period():
    tags = tag_rows([("a", "A", "2025-01-06"), ("b", "B", "2025-01-20")])
    per_issue = tag_counts_over_time(tags, "W")
    assert len(per_issue) == 6
    assert per_issue.groupby("label")["articles"].sum().to_dict() == {"A": 1, "B": 1}


def test_nothing_dated_gives_empty_frames():
    tags = tag_rows([("a", "A", "")])
    assert tag_counts_over_time(tags, "W").empty and tagged_per_period(tags, "M").empty


def test_a_clicked_cell_lists_its_articles():
    from pipeline.query.views import picked_tags
    tags = tag_rows([("a", "A", "2025-01-06"), ("a", "B", "2025-01-06"), ("b", "A", "2025-01-07"),
                     ("c", "B", "2025-01-08")])
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "countries": [["Japan"], ["China"], ["Japan"]]})
    japan_a = picked_tags(tags, articles, [{"label": "A", "country": "Japan"}])
    assert japan_a["article_id"].tolist() == ["a"] and japan_a["label"].tolist() == ["A"]
    both = picked_tags(tags, articles, [{"label": "B", "label_other": "A"}])
    assert both["article_id"].tolist() == ["a", "a"]
    assert picked_tags(tags, articles, [])["article_id"].tolist() == []


def test_heatmap_cells_carry_their_numbers():
    from dashboard.charts import heatmap
    df = pd.DataFrame({"label": ["A", "B"], "country": ["Japan", "China"], "articles": [3, 1]})
    spec = heatmap(df, "label", "country", "t", "Issue", "Country").to_dict()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert marks == ["rect", "text"]
    assert spec["layer"][1]["encoding"]["text"]["field"] == "articles"


def meeting_rows(rows: list[tuple[str, str, str, list[str]]]) -> pd.DataFrame:
    return pd.DataFrame([{"meeting_id": f"m{k}", "date": day, "date_precision": precision, "countries": countries,
                          "status": "held", "issue": "A", "mode": "video", "location": "", "participants_text": ""}
                         for k, (day, precision, _, countries) in enumerate(rows)])


def test_same_day_meetings_are_one_mark_with_their_count():
    from pipeline.query.timeline import timeline_marks
    meetings = meeting_rows([("2025-10-30", "day", "", ["Japan"]), ("2025-10-30", "day", "", ["Japan", "China"]),
                             ("2025-10-31", "day", "", ["Japan"])])
    marks, counterparts, grain = timeline_marks(meetings, "countries")
    assert grain == "day" and counterparts == 2
    japan = marks[marks["counterpart"] == "Japan"]
    assert japan["meetings"].tolist() == [2, 1] and japan["count_text"].tolist() == ["2", ""]


def test_a_long_span_is_gathered_per_month_and_counts_stay_whole():
    from pipeline.query.timeline import timeline_marks
    days = pd.date_range("2023-01-01", "2025-12-31", freq="D").strftime("%Y-%m-%d")
    meetings = meeting_rows([(d, "day", "", ["Japan"]) for d in days])
    marks, _, grain = timeline_marks(meetings, "countries")
    assert grain == "month" and len(marks) == 36 and marks["meetings"].sum() == len(days)


def test_a_meeting_known_to_its_week_or_month_is_drawn_over_it():
    from pipeline.query.timeline import in_span, timeline_marks
    meetings = meeting_rows([("2025-10-27", "week", "", ["Japan"]), ("2025-10-01", "month", "", ["China"]),
                             ("2025-10-29", "day", "", ["Japan"]), ("", "month", "", ["Japan"])])
    marks, _, grain = timeline_marks(meetings, "countries")
    assert grain == "day"
    by = {(m.counterpart, m.shown): m for m in marks.itertuples()}
    assert by["Japan", "week"].period == "week of 27 Oct 2025"
    assert (by["Japan", "week"].end - by["Japan", "week"].start).days == 7
    assert by["China", "month"].period == "October 2025"
    assert marks["meetings"].sum() == 3
    # a brush over one day of its week or month picks it up
    picked = in_span(meetings, pd.Timestamp("2025-10-28"), pd.Timestamp("2025-10-28 23:00"))
    assert picked["meeting_id"].tolist() == ["m0", "m1"]


def test_tables_are_newest_first_with_undated_last():
    from pipeline.query.timeline import newest_first
    meetings = meeting_rows([("2025-01-02", "day", "", []), ("", "", "", []), ("2025-03-01", "day", "", [])])
    assert newest_first(meetings)["meeting_id"].tolist() == ["m2", "m0", "m1"]


def test_memoised_results_are_kept_per_key_and_bounded():
    from pipeline.query.views import Views, memoised
    v = Views(*(pd.DataFrame() for _ in range(4)), labels={})
    calls = []
    for key in [1, 1, 2, 3, 1]:
        memoised(v, ("x", key), lambda: calls.append(key) or key, keep=2)
    assert calls == [1, 2, 3, 1]
