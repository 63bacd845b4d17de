"""Publication dates as ISO strings, from the forms German news pages use.

>>> parse_date("[22.6.2021]")
'2021-06-22'
>>> parse_date("6. Mai 2024")
'2024-05-06'
>>> parse_date("Mon, 06 May 2024 10:00:00 +0200")
'2024-05-06'
>>> parse_date("kein Datum") is None
True
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_MONTHS = {
    "januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3,
    "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)")
_WORD = re.compile(r"(?<!\d)(\d{1,2})\.?\s+([A-Za-zÄÖÜäöü]+)\.?\s+(\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})")


def _make(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_rfc822(value: str) -> str | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.date().isoformat() if isinstance(parsed, datetime) else None


def parse_date(value: object) -> str | None:
    """The first date found in ``value`` as ``YYYY-MM-DD``, or ``None``.

    Tries ISO first (unambiguous), then German numeric (``d.m.yyyy``),
    German month names and finally RFC 822 (feeds, HTTP headers).
    """
    if value is None:
        return None
    text = str(value).strip()[:200]
    if not text:
        return None
    if match := _ISO.search(text):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.search(text):
        return _make(int(match[3]), int(match[2]), int(match[1]))
    for match in _WORD.finditer(text):
        month = _MONTHS.get(match[2].casefold())
        if month:
            return _make(int(match[3]), month, int(match[1]))
    return _from_rfc822(text)
