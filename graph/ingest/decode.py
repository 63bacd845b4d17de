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
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
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


def _detect(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=_ENCODINGS).best()
    if best is None or best.encoding is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
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
    kind = binary_kind(data)
    if kind:
        return Decoded(None, f"this is a {kind}, not text", "convert it to .txt, .html or .jsonl first")
    text = _detect(data)
    if text is None:
        return Decoded(None, "the bytes cannot be decoded in any known text encoding",
                       "save the file as UTF-8 and ingest it again")
    text = clean_text(text)
    if not text.strip():
        return Decoded(None, "the input holds no readable text", "check the file's content")
    return Decoded(text)
