"""A brief as a sequence of blocks, the one layout both writers follow: the Markdown and
the DOCX carry the same headings, the same sentences and the same numbered citations."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.brief.build import Brief, Cited, Meeting

CHART_TITLES = {"timeline": "Meetings in the period", "tags": "Articles per issue, this period and the one before"}


@dataclass(frozen=True)
class Part:
    # "text" (words of the brief or of the files), "quote" (quoted evidence), "cite" (a number), "url"
    kind: str
    value: str


@dataclass(frozen=True)
class Block:
    kind: str    # "h1", "h2", "h3", "p", "item" (a list item), "image" (parts[0]: the chart's name)
    parts: tuple[Part, ...]


def _t(value: str) -> Part:
    return Part("text", value)


def _cited(c: Cited) -> tuple[Part, ...]:
    return (Part("quote", c.evidence), Part("cite", str(c.cite)))


def _meeting(m: Meeting) -> Block:
    parts = [_t(f"{m.when}: {', '.join(m.who)}; {m.where}; {m.mode}; "
                f"{'outlets' if len(m.outlets) != 1 else 'outlet'}: {', '.join(m.outlets) or 'none named'}.")]
    for s in m.sources:
        parts += [_t(" ")] + list(_cited(s))
    return Block("item", tuple(parts))


def _ended(title: str) -> str:
    """A title as a sentence: a full stop unless it ends in one of its own."""
    return title if title[-1:] in ".?!\u2026" else title + "."


def blocks(brief: Brief) -> list[Block]:
    out = [Block("h1", (_t(brief.title),)),
           Block("p", (_t(f"Period: {brief.period} ({brief.period.days} days), compared with "
                          f"{brief.period.previous()}. Scope: {brief.scope()}."),))]
    out.append(Block("h2", (_t("Meetings"),)))
    for heading, meetings, none in (("Held", brief.held, "No meeting held in the period."),
                                    ("Planned", brief.planned, "No meeting planned for or announced in the period.")):
        out.append(Block("h3", (_t(heading),)))
        out += [_meeting(m) for m in meetings] or [Block("p", (_t(none),))]
    out.append(Block("h2", (_t("Key quotes"),)))
    if not brief.quotes:
        out.append(Block("p", (_t("No quote in the period."),)))
    for speaker, quotes in brief.quotes.items():
        out.append(Block("h3", (_t(speaker),)))
        for q in quotes:
            out.append(Block("item", (_t(f"{q.when or 'undated'}, {q.kind}: "), Part("quote", q.text),
                                      _t(" Evidence: "), *_cited(q.source))))
    out.append(Block("h2", (_t("Issue movements"),)))
    if not brief.tags:
        out.append(Block("p", (_t("No tagged article in the period or the one before."),)))
    for m in brief.tags:
        sign = f"+{m.change}" if m.change > 0 else str(m.change)
        out.append(Block("item", (_t(f"{m.label}: {m.now} {'article' if m.now == 1 else 'articles'} (before: {m.before}, change {sign}). "),
                                  *_cited(m.source))))
    out.append(Block("h2", (_t("Charts"),)))
    if brief.charts:
        out += [Block("image", (_t(name),)) for name in brief.charts]
    else:
        out.append(Block("p", (_t(f"No charts: {brief.chart_note or 'none were drawn'}."),)))
    out.append(Block("h2", (_t("Sources"),)))
    for c in brief.citations:
        out.append(Block("item", (Part("cite", str(c.number)),
                                  _t(f" {_ended(c.title)} {c.outlet or 'outlet not named'}, {c.published or 'undated'}."),
                                  *((_t(" "), Part("url", c.url)) if c.url else ()))))
    return out
