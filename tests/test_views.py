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
