"""What the sidebar's pickers show: people under every name they go by, modes and statuses as words."""
from __future__ import annotations

import pandas as pd

from pipeline.lexicon.lexicon import Lexicon
from pipeline.text.folding import fold_aligned

MODE_WORDS = {"in_person": "In person", "video": "Video call", "phone": "Phone call", "unknown": "Not stated"}
STATUS_WORDS = {"held": "Held", "planned": "Planned"}


def word_for(value: str, words: dict[str, str]) -> str:
    """The word for a stored id; an id without one is shown with its underscores as spaces."""
    return words.get(value) or value.replace("_", " ").capitalize()


# the columns whose stored ids a table shows as words
SHOWN_AS_WORDS = {"mode": MODE_WORDS, "status": STATUS_WORDS}


def in_words(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with its mode and status ids as the words the pickers use ("In person", "Planned")."""
    found = {c: words for c, words in SHOWN_AS_WORDS.items() if c in df.columns}
    if not found:
        return df
    return df.assign(**{c: df[c].map(lambda v, w=words: word_for(v, w) if v else v) for c, words in found.items()})


def _forms(name: str) -> list[str]:
    """A name, its words the other way round, and both without accents."""
    words = name.split()
    forms = [name, " ".join(reversed(words))] if len(words) == 2 else [name]
    return forms + [fold_aligned(f, lower=False) for f in forms]


def person_labels(names: list[str], lexicon: Lexicon | None) -> dict[str, str]:
    """Each name's label in a picker: the name, then the other names the lexicon knows it by.

    A picker searches its labels as typed, so "Sefcovic", "Šefčovič" and "Ryosei Akazawa"
    all find the person stored as "Maros Sefcovic" or "Akazawa Ryosei".
    """
    known = lexicon.people_by_canonical if lexicon is not None else {}
    labels = {}
    for name in names:
        aliases = [a for person in known.get(name, []) for a in person.aliases]
        seen, others = {name.lower()}, []
        for form in [f for a in [name, *aliases] for f in _forms(a)]:
            if form.lower() not in seen:
                seen.add(form.lower())
                others.append(form)
        labels[name] = f"{name} ({', '.join(others)})" if others else name
    return labels
