"""A generated corpus of trade-news articles (~4 KB each) for the benchmarks."""
from __future__ import annotations

import random
from datetime import date, timedelta

PEOPLE = [("Wang Wentao", "Chinese Commerce Minister"), ("Akazawa Ryosei", "Japan's trade minister"),
          ("Maros Sefcovic", "EU trade chief"), ("Scott Bessent", "US Treasury Secretary"),
          ("He Lifeng", "Chinese Vice Premier"), ("Don Farrell", "Australian Trade Minister"),
          ("Vincent Karremans", "Dutch Economy Minister"), ("Piyush Goyal", "Indian Commerce Minister")]
CITIES = ["Beijing", "Tokyo", "Brussels", "Geneva", "Gyeongju", "Kuala Lumpur", "London", "Madrid"]
ISSUES = ["export controls on rare earths", "the seafood import ban", "tariffs on electric vehicles",
          "the export control end-user list", "curbs on gallium and germanium", "chip export rules",
          "the multilateral trading system with the WTO at its core", "supply chain stability"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FILLER = ("Analysts said the talks came as both economies sought to limit the damage from a year of "
          "tit-for-tat measures, and markets in the region closed mixed on the day. ")


def article(i: int, rng: random.Random) -> dict:
    (a, ra), (b, rb) = rng.sample(PEOPLE, 2)
    city, issue, day = rng.choice(CITIES), rng.choice(ISSUES), rng.choice(WEEKDAYS)
    published = date(2025, 1, 1) + timedelta(days=rng.randrange(300))
    paras = [
        f"{ra} {a} met {rb} {b} in {city} on {day}, the two sides said, in talks that focused on {issue}.",
        f"\u201cWe had a frank and constructive exchange on {issue},\u201d {a} told reporters after the meeting.",
        f"{b} said that both sides should work to keep trade open and urged the other side to ease {issue}.",
        "The ministers agreed to hold a video call next week, according to a statement from the ministry.",
        f"At a press conference in {city}, a spokesperson said the government would respond to {issue}.",
    ]
    while sum(map(len, paras)) < 3800:
        paras.append(FILLER * rng.randint(2, 4) + f"Report number {i} continues on {issue}.")
    return {"origin": f"gen-{i:06d}.txt", "title": f"{a} and {b} discuss {issue}",
            "source": "Generated Wire", "published": published.isoformat(), "text": "\n".join(paras)}


def generate(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [article(i, rng) for i in range(n)]
