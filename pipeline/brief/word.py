"""The brief as a Word document (python-docx), with the Markdown's headings and citations."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, time

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
    # the same brief, the same bytes: dated by its period, not by when it was written
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = brief.title, "Trade Talks Monitor", "Trade Talks Monitor"
    props.created = props.modified = datetime.combine(brief.period.end, time())
    out = io.BytesIO()
    doc.save(out)
    return _dated(out.getvalue())


def _dated(data: bytes) -> bytes:
    """The archive again with every entry dated 1980-01-01 (ZIP's first day) instead of now."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), src.read(info),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
