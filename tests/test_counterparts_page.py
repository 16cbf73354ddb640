"""The Counterparts page under AppTest: pairs from the filtered meetings, a pair's track, the URL,
and the pair handed to the Timeline as its 'Between them' filter."""
from __future__ import annotations

from tests.test_app import app_on, charts, filled_store, meeting_names, table_on  # noqa: F401 - a fixture

PAGE = "app_pages/counterparts.py"
PAIR = "counterparts_pair"


def test_pairs_strongest_first_and_a_matrix(filled_store, monkeypatch):  # noqa: F811
    at = app_on(filled_store, monkeypatch, PAGE)
    assert not at.exception, at.exception
    assert not at.warning
    assert at.selectbox(key=PAIR).options == ["China – European Union (2 meetings)", "China – Japan (1 meeting)"]
    cells = next(c for c in charts(at) if "meetings" in c.columns)
    # each pair on both sides of the diagonal
    assert sorted(zip(cells["a"], cells["b"], cells["meetings"])) == [
        ("China", "European Union", 2), ("China", "Japan", 1), ("European Union", "China", 2), ("Japan", "China", 1)]
    assert table_on(at, "meetings")["meetings"].tolist() == [2, 1]


def test_a_pair_shows_its_track_oldest_first_and_lives_in_the_url(filled_store, monkeypatch):  # noqa: F811
    at = app_on(filled_store, monkeypatch, PAGE)
    at.selectbox(key=PAIR).select("China\tEuropean Union").run()
    assert not at.exception, at.exception
    track = table_on(at, "article_titles")
    assert meeting_names(track) == ["m2", "m3"]
    assert track["location"].tolist() == ["", "Brussels"]       # the dated one first, the undated last
    assert track["mode"].tolist() == ["Video call", "In person"]
    assert track["outlet_names"].tolist() == [["Reuters"], ["Reuters"]]
    assert at.query_params["pair"] == ["China", "European Union"]
    again = app_on(filled_store, monkeypatch, PAGE, **at.query_params)
    assert again.selectbox(key=PAIR).value == "China\tEuropean Union"


def test_people_and_a_filter_that_drops_the_pair(filled_store, monkeypatch):  # noqa: F811
    at = app_on(filled_store, monkeypatch, PAGE, by="people")
    # a meeting that names no person gives no pair of people
    assert at.selectbox(key=PAIR).options == ["Akazawa Ryosei – Wang Wentao (1 meeting)",
                                              "Maros Sefcovic – Wang Wentao (1 meeting)"]
    at.selectbox(key=PAIR).select("Akazawa Ryosei\tWang Wentao").run()
    assert meeting_names(table_on(at, "article_titles")) == ["m1"]
    at.multiselect(key="mode").select("video").run()
    assert at.selectbox(key=PAIR).value is None
    assert "pair" not in at.query_params


def test_the_button_filters_the_timeline_by_the_pair(filled_store, monkeypatch):  # noqa: F811
    at = app_on(filled_store, monkeypatch, PAGE, by="people")
    at.selectbox(key=PAIR).select("Maros Sefcovic\tWang Wentao").run()
    next(b for b in at.button if b.label == "Show only these two on the Timeline").click().run()
    assert not at.exception, at.exception
    assert at.multiselect(key="people").value == ["Maros Sefcovic", "Wang Wentao"]
    assert at.radio(key="match").value == "between"
    assert at.segmented_control(key="timeline_rows").value == "person"
    assert meeting_names(table_on(at, "titles")) == ["m2"]     # the Timeline's table
