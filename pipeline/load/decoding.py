"""Bytes to text for uploaded files: BOMs, UTF-8, UTF-16, legacy Windows code pages.

Detectors guess badly on short, mostly-ASCII news text (a cp1252 "Café" comes
back as UTF-16 or Cyrillic), so the common Latin code pages are decided here
and charset-normalizer is asked only about text that is mostly non-ASCII or
fits neither Latin page.
"""
from __future__ import annotations

import codecs
import re

from pipeline.errors import EmptyFile, NotText

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)""", re.I)


def _letters_only_in(page: str, other: str) -> set[str]:
    """Letters that bytes 0x80-0xFF give in `page` but not in `other`."""
    def letters(codec):
        return {c for b in range(0x80, 0x100) for c in bytes([b]).decode(codec, "ignore") if c.isalpha()}
    return letters(page) - letters(other)


# A word mixing Western-only letters (è, à, ñ, ø...) with Central European ones
# (č, ř, ś... and Š/Ž, which both pages share) is a wrong guess: "Šefèoviè".
_WESTERN = _letters_only_in("cp1252", "cp1250")
_CENTRAL = _letters_only_in("cp1250", "cp1252") | set("ŠšŽž")
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
_WORD = re.compile(r"[^\W\d_]+")


def _mixed_words(text: str) -> int:
    return sum(1 for w in _WORD.findall(text)
               if not w.isascii() and any(c in _WESTERN for c in w) and any(c in _CENTRAL for c in w))


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _stray_byte_as_cp1252(exc: UnicodeDecodeError) -> tuple[str, int]:
    byte = exc.object[exc.start:exc.start + 1]
    return byte.decode("cp1252", "ignore") or byte.decode("latin-1"), exc.start + 1


codecs.register_error("pipeline-cp1252", _stray_byte_as_cp1252)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray legacy bytes (pasted-together text): keep the UTF-8, read the strays as cp1252."""
    lenient = data.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for c in lenient if c > "\x7f") - bad
    return data.decode("utf-8", "pipeline-cp1252") if good >= 2 * bad else None


def _utf16_without_bom(data: bytes) -> str | None:
    """ASCII-range UTF-16 has a NUL in every other byte; anything else with NULs is binary."""
    if len(data) % 2 or data.count(0) < len(data) // 4:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    codec = "utf-16-le" if odd > 4 * even else "utf-16-be" if even > 4 * odd else None
    return _try(data, codec) if codec else None


def _isolated_high_bytes(data: bytes) -> bool:
    """Latin text has its accented letters one at a time; Cyrillic, Greek or CJK come in runs."""
    high = sum(b >= 0x80 for b in data)
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(data))
    return in_runs <= high // 4


def _latin(data: bytes) -> str | None:
    """cp1252 unless cp1250 reads the Central European words more consistently."""
    west, central = _try(data, "cp1252"), _try(data, "cp1250")
    if west is None or central is None:
        return west or central
    return central if _mixed_words(central) < _mixed_words(west) else west


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _declared(data: bytes, name: str) -> str | None:
    if not name.lower().endswith((".html", ".htm")):
        return None
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    codec = m.group(1).decode("ascii").lower()
    # browsers read "latin-1" and "ascii" pages as cp1252, and so do we
    return _try(data, "cp1252" if codec in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else codec)


# a lead byte of UTF-8 read as cp1252, then a continuation byte read the same way
_MOJIBAKE = re.compile("[ÂÃÄÅÆâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                       "\u0192\u02c6\u02dc\u2013-\u2122]")


def _fix_mojibake(text: str) -> str:
    """Undo UTF-8 that was once read as cp1252 ("â€™" -> "’"), only when the whole text converts cleanly."""
    before = len(_MOJIBAKE.findall(text))
    if not before:
        return text
    raw = bytearray()
    for c in text:
        if ord(c) < 0x100 and not 0x80 <= ord(c) < 0xA0:
            raw.append(ord(c))
        else:
            try:
                raw += c.encode("cp1252")
            except UnicodeEncodeError:
                if ord(c) >= 0x100:
                    return text  # a real non-Latin character: not a simple mojibake, leave it
                raw.append(ord(c))  # a C1 control left by latin-1 decoding
    fixed = _try(bytes(raw), "utf-8")
    return fixed if fixed is not None and len(_MOJIBAKE.findall(fixed)) < before else text


def decode_text(data: bytes, name: str) -> str:
    """The text of an uploaded file, newlines normalised to "\\n"; NotText for binary, EmptyFile for blank."""
    if not data.strip():
        raise EmptyFile("the file is empty; check that you picked the right file and that it was saved")
    text = next((_try(data[len(bom):], codec) for bom, codec in _BOMS if data.startswith(bom)), None)
    if text is None and 0 in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise NotText("the file holds binary data (NUL bytes), not text; save the article as plain text, "
                          "HTML, JSON or CSV")
    if text is None:
        text = _try(data, "utf-8") or _declared(data, name) or _mostly_utf8(data)
    if text is None:
        text = (_latin(data) if _isolated_high_bytes(data) else None) or _detect(data)
    if text is None:
        raise NotText("the file is not readable text in any known encoding; save it again as UTF-8")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise NotText(f"the file holds {controls} control characters, so it is binary data, not text; "
                      f"save the article as plain text, HTML, JSON or CSV")
    text = _CONTROL.sub("", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyFile("the file holds only white space; check that you picked the right file")
    return _fix_mojibake(text)
