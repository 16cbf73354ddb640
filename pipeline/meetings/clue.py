"""The records of the meeting rules: one clause reporting a meeting, and the clauses of one meeting."""
from __future__ import annotations

from dataclasses import dataclass, field


def unique(items) -> list:
    out: list = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


@dataclass
class Clue:
    """One clause reporting a meeting (or referring back to one)."""
    sent: int
    persons: list[str]
    sides: list[str]                       # countries, blocs or groups with no named person
    countries: list[str]
    kind: str = "meet"                     # meet, launch, invite, back
    key: str = ""                          # what a launched dialogue is about: keeps two apart
    status: str = ""                       # held, planned, "" when the clause has no tense cue
    mode: str = "unknown"
    strength: int = 0                      # 2 explicit mode, 1 default guess, 0 none
    date: object = None
    precision: str = ""
    location: str = ""
    occasion: str = ""
    repeat: bool = False
    also: bool = False                     # "She also met ...": continues the last one
    aside: bool = False                    # "on the sidelines", "a bilateral meeting": not the gathering itself
    destination: str = ""                  # the country a visit goes to
    visit: bool = False                    # a trip to a country (its destination), not talks named as such
    pointer: bool = False                  # "the talks", "their meeting": points back at one meeting
    cities: list[str] = field(default_factory=list)   # earlier rounds of the article's meeting, one per city
    deputies: bool = False                 # "their officials met": sides no named person stands for
    span_apart: bool = False               # ", a week after ...": told a span of time from the sentence's day

    @property
    def parties(self) -> list[str]:
        return self.persons + self.sides


@dataclass
class Group:
    """The clauses reporting one meeting."""
    clues: list[Clue] = field(default_factory=list)

    def __getattr__(self, name):           # the merged view: first clue that has the field
        if name.startswith("_") or name == "clues":
            raise AttributeError(name)
        first = next((v for c in self.clues if (v := getattr(c, name))), None)   # stops at the first clue with one
        return first if first or not self.clues else getattr(self.clues[0], name)

    @property
    def persons(self) -> list[str]:
        return unique(p for c in self.clues for p in c.persons)

    @property
    def countries(self) -> list[str]:
        return unique(k for c in self.clues for k in c.countries)
