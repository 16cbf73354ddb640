"""Writing a brief to a file: Markdown with its chart PNGs beside it, or a DOCX embedding them."""
from __future__ import annotations

from pathlib import Path

from pipeline.brief.build import Brief, BriefError
from pipeline.brief.markdown import to_markdown
from pipeline.brief.word import to_docx

FORMATS = (".md", ".docx")


def chart_files(out: Path, brief: Brief) -> dict[str, Path]:
    """Where each chart of a Markdown brief goes: beside it, named after it."""
    return {name: out.with_name(f"{out.stem}-{name}.png") for name in brief.charts}


def write_brief(brief: Brief, out: Path) -> list[Path]:
    """Write `brief` to `out` (.md or .docx); the files written, the brief first."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise BriefError(f"{out}: write the brief to a .md or a .docx file")
    if suffix == ".docx":
        out.write_bytes(to_docx(brief))
        return [out]
    pngs = chart_files(out, brief)
    for name, path in pngs.items():
        path.write_bytes(brief.charts[name])
    out.write_text(to_markdown(brief, images={n: p.name for n, p in pngs.items()}), encoding="utf-8")
    return [out, *pngs.values()]
