"""What GEXF and GraphML share: text XML can hold, typed attribute columns, and XSD number spelling.

Why replace characters: XML 1.0 cannot carry most control characters (U+0000-U+001F except tab,
LF and CR, lone surrogates, U+FFFE, U+FFFF), not even as ``&#1;``. Writing them gives a file no
parser opens; dropping them silently would hide that a name differed. Each becomes U+FFFD (the
replacement character), visible in every tool. Lists and dicts are stored as JSON text, where
JSON's own ``\\u0001`` escapes keep them exact.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WIDER = {"boolean": 0, "long": 1, "double": 2, "string": 3}


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD.

    >>> xml_safe("A\\x00B\\tC\\u2028D")
    'A\\ufffdB\\tC\\u2028D'
    """
    return _NOT_XML.sub("\ufffd", text)


def xsd_number(value: float) -> str:
    """A number as ``xs:float``/``xs:double`` spell it (``NaN``, ``INF``; Python writes ``nan``, ``inf``).

    >>> [xsd_number(v) for v in (1.5, float("nan"), float("-inf"), 3)]
    ['1.5', 'NaN', '-INF', '3.0']
    """
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "INF" if number > 0 else "-INF"
    return repr(number)


def kind_of(value: Any) -> str:
    """The attribute type of one value: ``boolean``, ``long``, ``double`` or ``string``."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def text_of(value: Any, kind: str) -> str:
    """``value`` as attribute text of a column of ``kind`` (XML-safe)."""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "long":
        return str(int(value))
    if kind == "double":
        return xsd_number(value)
    return xml_safe(str(value))


@dataclass(frozen=True)
class Column:
    """One declared attribute: its name and the widest type of its values."""

    name: str
    kind: str


def columns(rows: Iterable[dict[str, Any]]) -> list[Column]:
    """Columns in order of first appearance; mixed ints and floats are double, anything else mixed is string.

    >>> columns([{"a": 1, "b": True}, {"a": 2.5, "b": "x"}])
    [Column(name='a', kind='double'), Column(name='b', kind='string')]
    """
    kinds: dict[str, str] = {}
    for row in rows:
        for key, value in row.items():
            new = kind_of(value)
            old = kinds.setdefault(key, new)
            if old != new:
                numeric = {old, new} <= {"long", "double"}
                kinds[key] = max(old, new, key=_WIDER.__getitem__) if numeric else "string"
    return [Column(k, v) for k, v in kinds.items()]


def iso_date(value: Any) -> str | None:
    """``value`` when it is a valid ``YYYY-MM-DD`` date (what ``xs:date`` accepts here), else ``None``."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value
