"""The brief as a Word document (python-docx), with the Markdown's headings and citations."""
from __future__ import annotations

import io

from pipeline.brief.blocks import CHART_TITLES, blocks
from pipeline.brief.build import Brief

_LEVELS = {"h1": 0, "h2": 1, "h3": 2}


def to_docx(brief: Brief) -> bytes:
    from docx import Document
    from docx.shared import Inches

    doc = Document()
    for block in blocks(brief):
        if block.kind in _LEVELS:
            doc.add_heading("".join(p.value for p in block.parts), level=_LEVELS[block.kind])
            continue
        if block.kind == "image":
            name = block.parts[0].value
            doc.add_paragraph(CHART_TITLES.get(name, name))
            doc.add_picture(io.BytesIO(brief.charts[name]), width=Inches(6))
            continue
        para = doc.add_paragraph(style="List Bullet" if block.kind == "item" else None)
        for part in block.parts:
            if part.kind == "cite":
                para.add_run(f"[{part.value}]")
            elif part.kind == "quote":
                para.add_run(f"\u201c{part.value}\u201d").italic = True
            else:   # text and addresses, as written
                para.add_run(part.value)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
