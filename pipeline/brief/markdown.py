"""The brief as Markdown. Text from the files is escaped: it reads as itself, never as markup."""
from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.brief.blocks import CHART_TITLES, Block, blocks
from pipeline.brief.build import Brief

# what Markdown reads as markup: emphasis, links, images, HTML, code, tables, headings, math
_MARKUP = re.compile(r"([\\`*_\[\]<>#|!~${}])")
# an address shown as a link: http(s), nothing that could end the link or start markup
_WEB = re.compile(r"https?://[^\s<>\\`]+\Z", re.IGNORECASE)
_HEADINGS = {"h1": "# ", "h2": "## ", "h3": "### "}


def escape(text: str) -> str:
    """`text` on one line, with every Markdown markup character made literal."""
    return _MARKUP.sub(r"\\\1", " ".join(str(text).split()))


def _line(block: Block, esc: Callable[[str], str]) -> str:
    out = []
    for part in block.parts:
        if part.kind == "cite":
            out.append(f"[{part.value}]")
        elif part.kind == "quote":
            out.append(f"\u201c{esc(part.value)}\u201d")
        elif part.kind == "url":
            out.append(f"<{part.value}>" if _WEB.match(part.value) else esc(part.value))
        else:   # the spaces around a text are the brief's own: kept
            core = esc(part.value) if part.value.strip() else ""
            out.append((" " if part.value[:1].isspace() else "") + core
                       + (" " if core and part.value[-1:].isspace() else ""))
    return "".join(out)


def to_markdown(brief: Brief, images: dict[str, str] | None = None,
                esc: Callable[[str], str] = escape, unshown: str = "chart not shown") -> str:
    """The brief as Markdown; `images` maps a chart's name to the file (or address) to show;
    a chart without one is named only, followed by `unshown` in brackets. `esc` makes a file's text literal (the dashboard
    passes its own, which also stops Streamlit's directives)."""
    images = images or {}
    lines: list[str] = []
    for block in blocks(brief):
        if block.kind in _HEADINGS:
            lines += [_HEADINGS[block.kind] + _line(block, esc), ""]
        elif block.kind == "item":
            lines.append("- " + _line(block, esc))
        elif block.kind == "image":
            name = block.parts[0].value
            title = CHART_TITLES.get(name, name)
            lines.append(f"![{title}]({images[name]})" if name in images else f"{title} ({unshown})")
            lines.append("")
        else:
            lines += [_line(block, esc), ""]
    return _spaced(lines)


def _spaced(lines: list[str]) -> str:
    """A blank line after each list, none doubled."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].startswith("- ") and not line.startswith("- ") and line:
            out.append("")
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).rstrip() + "\n"
