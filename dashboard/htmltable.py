"""Small static tables as plain HTML: the overview's top-actor lists without Streamlit's Arrow tables.

Why: ``st.table`` sends the rows as Apache Arrow, and the browser must load
and compile Streamlit's Arrow reader (``arrowFormatUtils`` and its siblings,
about 930 kB of JavaScript) before it can show ten rows. On the first visit
with an empty browser cache that was the largest download and compile of the
first page after Streamlit's own bundle. Ten names and two numbers need no
Arrow: an escaped HTML table shows the same. Pages with real data grids keep
``st.dataframe``.

>>> out = table_html([{"name": "<b>A</b>", "articles": 3}], ["name", "articles"])
>>> "&lt;b&gt;A&lt;/b&gt;" in out, out.count("<tr"), 'class="skg-table"' in out
(True, 2, True)
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

_CELL = "padding:4px 8px;border-bottom:1px solid rgba(49,51,63,0.1);"
_NUMBER = "text-align:right;font-variant-numeric:tabular-nums;"


def _text(value: Any) -> str:
    """A cell's text: thousands separators for whole numbers, nothing for missing values."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return f"{int(value):,}"
    return str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _row(record: Mapping[str, Any], columns: Sequence[str]) -> str:
    cells = "".join(
        f'<td style="{_CELL}{_NUMBER if _is_number(record.get(c)) else ""}">'
        f"{html.escape(_text(record.get(c)))}</td>" for c in columns)
    return f"<tr>{cells}</tr>"


def table_html(records: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """An HTML table of ``columns`` for ``records``, every cell escaped (names come from documents)."""
    head = "".join(f'<th style="{_CELL}text-align:left;font-weight:600;color:#555">'
                   f"{html.escape(str(c))}</th>" for c in columns)
    body = "".join(_row(r, columns) for r in records)
    return (f'<table class="skg-table" style="border-collapse:collapse;width:100%;font-size:14px">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def table_grid(tables: Sequence[tuple[str, str]], columns: int = 3) -> str:
    """Titled tables (``(title, table_html)``) side by side in ``columns`` columns, as one element.

    One ``st.html`` instead of a Streamlit column, a Markdown title and an
    element per table: the browser sanitises and mounts one block.
    """
    cells = "".join(f'<div><p style="font-weight:600;margin:0 0 4px">{html.escape(title)}</p>{table}</div>'
                    for title, table in tables)
    return (f'<div class="skg-grid" style="display:grid;grid-template-columns:repeat({int(columns)},'
            f'minmax(0,1fr));gap:16px 24px">{cells}</div>')
