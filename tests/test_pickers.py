"""Picker labels: a person is found under an alias, an accent-free spelling or the other word order."""
from __future__ import annotations

from pipeline.lexicon.lexicon import Person
from pipeline.query.pickers import MODE_WORDS, STATUS_WORDS, person_labels, word_for


class FakeLexicon:
    def __init__(self, people):
        self.people_by_canonical = {}
        for p in people:
            self.people_by_canonical.setdefault(p.canonical, []).append(p)


LEX = FakeLexicon([Person("Tomas Hrubec", ("Tomáš Hrubec", "Hrubec"), "envoy", "Arland"),
                   Person("Ilse Varga-Noor", (), "minister", "Borvia")])


def test_an_accented_alias_and_its_plain_spelling_both_find_the_person():
    label = person_labels(["Tomas Hrubec"], LEX)["Tomas Hrubec"]
    assert label.startswith("Tomas Hrubec (")
    for typed in ("Tomáš Hrubec", "Hrubec Tomas", "Hrubec Tomáš"):
        assert typed in label


def test_a_name_without_other_forms_is_shown_alone():
    assert person_labels(["Ilse Varga-Noor"], LEX) == {"Ilse Varga-Noor": "Ilse Varga-Noor (Varga-Noor Ilse)"}
    assert person_labels(["Xu"], None) == {"Xu": "Xu"}


def test_an_accented_name_gets_a_plain_form_too():
    assert "Zofia Kos" in person_labels(["Zofia Koś"], None)["Zofia Koś"]


def test_modes_and_statuses_are_words():
    assert word_for("in_person", MODE_WORDS) == "In person"
    assert word_for("planned", STATUS_WORDS) == "Planned"
    assert word_for("by_letter", MODE_WORDS) == "By letter"


def test_tables_show_modes_and_statuses_as_the_pickers_words():
    import pandas as pd
    from pipeline.query.pickers import in_words
    df = pd.DataFrame({"mode": ["in_person", "video", "", "hybrid_call"], "status": ["held", "planned", "held", ""],
                       "location": ["Lima", "", "", "Oslo"]})
    shown = in_words(df)
    assert shown["mode"].tolist() == ["In person", "Video call", "", "Hybrid call"]
    assert shown["status"].tolist() == ["Held", "Planned", "Held", ""]
    assert shown["location"].tolist() == df["location"].tolist()
    assert df["mode"].tolist()[0] == "in_person"           # the stored frame is left as it was
    assert in_words(df[["location"]]).equals(df[["location"]])   # a table without them is shown as it is
