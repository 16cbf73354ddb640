"""What a reader sees of Markdown that dashboard.safe.as_text wrote: the escapes undone."""
from __future__ import annotations

import re

from dashboard.safe import WORD_JOINER


def shown(markdown: str) -> str:
    """The text `markdown` renders as, when its only Markdown is backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")
