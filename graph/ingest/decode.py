"""Bytes to clean Unicode text: encoding detection, mojibake repair, NFC.

News files arrive as UTF-8, Windows-1252, Latin-1 or UTF-16, and often as
UTF-8 that was decoded as Latin-1 once too often (``GrÃ¼n``). Everything
downstream (ids, hashes, entity matching) needs one canonical form, so every
reader gets its text from :func:`decode_text`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes

# Well-known binary signatures and the name users recognise.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Encodings German news files come in; restricting the guess avoids exotic
# code pages winning on short Windows-1252 texts ("Grün" read as Arabic).
_ENCODINGS = ["utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16", "utf_32"]
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, unescape_html=False)


@dataclass(frozen=True)
class Decoded:
    """Decoded text, or why there is none."""

    text: str | None
    problem: str = ""
    hint: str = ""


def binary_kind(data: bytes) -> str | None:
    """A description when ``data`` looks binary (signature or control bytes), else ``None``."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data.startswith(_BOMS):
        return None
    sample = data[:8192]
    if b"\x00" in sample:
        return "binary data (NUL bytes)"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return "binary data (control bytes)" if sample and controls / len(sample) > 0.05 else None


_BOM_CODECS = ((b"\xef\xbb\xbf", "utf_8_sig", 1), (b"\xff\xfe\x00\x00", "utf_32", 4),
               (b"\x00\x00\xfe\xff", "utf_32", 4), (b"\xff\xfe", "utf_16", 2), (b"\xfe\xff", "utf_16", 2))
_WIDE = (("utf_32_le", 4, (1, 2, 3)), ("utf_32_be", 4, (0, 1, 2)),
         ("utf_16_le", 2, (1,)), ("utf_16_be", 2, (0,)))
_C1 = range(0x80, 0xA0)


def wide_encoding(data: bytes) -> str | None:
    """``utf_16_le``/``utf_16_be``/``utf_32_*`` for BOM-less UTF-16/32 text, else ``None``.

    Text in these encodings is full of NUL bytes, so without this check it would be
    refused as binary. In German text most characters are ASCII or Latin-1, whose
    high byte is zero, so the NULs sit at one position of each 2- (or 4-) byte unit
    for at least half of the units (quotes, dashes and € are not zero there), and
    almost never at the other positions; binary data scatters them.

    >>> wide_encoding("Grüße aus Köln – „5 €“".encode("utf-16-le"))
    'utf_16_le'
    >>> wide_encoding("Grüße".encode("utf-8")) is None
    True
    """
    sample = data[:8192]
    for name, unit, zero_at in _WIDE:
        units = len(sample) // unit
        if units < 2:
            continue
        zeros = sum(1 for i in range(units) if all(sample[i * unit + k] == 0 for k in zero_at))
        others = sum(1 for i in range(units) for k in range(unit)
                     if k not in zero_at and sample[i * unit + k] == 0)
        if zeros >= 0.5 * units and others <= 0.02 * units:
            return name
    return None


def _whole_units(data: bytes, unit: int) -> bytes:
    """``data`` without a trailing partial character (a file cut in the middle of one)."""
    return data[:len(data) - len(data) % unit]


def _decode_wide(data: bytes) -> str | None:
    """BOM-less UTF-16/32 text, or ``None`` (then the bytes are judged as text or binary as usual)."""
    wide = None if data.startswith(_BOMS) else wide_encoding(data)
    if wide is None:
        return None
    text = _whole_units(data, 4 if "32" in wide else 2).decode(wide, "replace")
    return text if text and not _mostly_controls(text) else None


def _mostly_controls(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if (c < " " and c not in "\t\n\x0c\r\x1b") or ord(c) in _C1)
    return controls / len(sample) > 0.05


def _with_bom(data: bytes) -> str | None:
    for bom, codec, unit in _BOM_CODECS:
        if data.startswith(bom):
            return _whole_units(data, unit).decode(codec, "replace")
    return None


def _detect(data: bytes) -> str | None:
    """UTF-8, a BOM's encoding, charset-normalizer's best guess, then Windows-1252 / Latin-1.

    The last two catch legacy texts whose mix of symbols makes charset-normalizer give up;
    Latin-1 decodes any byte, so it is taken only when few C1 control characters result
    (those mean the bytes are not Latin-1 text at all).
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    bom = _with_bom(data)
    if bom is not None:
        return bom
    best = from_bytes(data[:200_000], cp_isolation=_ENCODINGS).best()
    if best is not None and best.encoding is not None:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    for codec in ("cp1252", "latin_1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _mostly_controls(text):
            return text
    return None


def clean_text(text: str) -> str:
    """Repair mojibake (ftfy), normalise line ends and compose to NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ftfy.fix_text(text, config=_FTFY)
    return unicodedata.normalize("NFC", text)


def decode_text(data: bytes) -> Decoded:
    """Decode ``data`` into clean text, or explain why it cannot be."""
    if not data.strip():
        return Decoded(None, "the input is empty", "remove it from the batch or fill it with text")
    wide = _decode_wide(data)
    if wide is not None:
        return _finish(wide)
    kind = binary_kind(data)
    if kind:
        return Decoded(None, f"this is {kind}, not text", "convert it to .txt, .html or .jsonl first")
    text = _detect(data)
    if text is None:
        return Decoded(None, "the bytes cannot be decoded in any known text encoding",
                       "save the file as UTF-8 and ingest it again")
    return _finish(text)


def _finish(text: str) -> Decoded:
    text = clean_text(text)
    if not text.strip():
        return Decoded(None, "the input holds no readable text", "check the file's content")
    return Decoded(text)
