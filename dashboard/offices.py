"""Offices in time and statements of one actor, for the profile page (pure functions, no Streamlit).

``office_rows`` lists a person's offices, or an organisation's office holders,
from the HOLDS_ROLE edges (with ``start_date`` … ``successor``, see
``graph/build/offices.py``); ``timeline_html`` draws them as a row of HTML
boxes like the overview's bar chart (no chart library on the page, every text
escaped: names and quotes come from documents). ``statement_rows`` lists
what an actor said (SAID_ABOUT / SAID_ON from it) and what others said about
it (SAID_ABOUT to it).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from typing import Any

from graph.model import GraphData

STATUS_STYLE = {
    "current": "background:#4c78a8",
    "ended": "background:#9d9d9d",
    "unknown": "background:#c6dbef;border:1px dashed #4c78a8",
}
_DIGITS = {"year": 4, "month": 7, "day": 10}


def _shown(day: Any, precision: Any) -> str:
    """A date at its precision ("2019", "2019-03", "2019-03-01"); "?" when unknown."""
    return str(day)[:_DIGITS.get(str(precision), 10)] if day else "?"


def _bound_text(bound: Any) -> str:
    if not isinstance(bound, dict):
        return ""
    how = {"text": f"read from the text ({bound.get('cue') or 'date'})", "first_seen": "first seen",
           "article_date": f"article date ({bound.get('cue') or ''})"}.get(str(bound.get("source")), "")
    return f"{how}: “{bound.get('sentence') or ''}” ({bound.get('published') or 'undated'})"


def office_rows(graph: GraphData, entity_id: str, names: dict[str, str]) -> list[dict[str, Any]]:
    """The offices a person held, or those held at an organisation, oldest start first.

    >>> from graph.model import Edge
    >>> e = Edge("HOLDS_ROLE", "p", "o", {"role": "CEO", "start_date": "2019-03-01",
    ...          "start_precision": "month", "status": "current", "last_seen": "2024-01-01"})
    >>> rows = office_rows(GraphData([], [e]), "p", {"o": "AKDB"})
    >>> [(r["label"], r["from"], r["to"], r["status"]) for r in rows]
    [('CEO · AKDB', '2019-03', 'now', 'current')]
    """
    rows = []
    for e in graph.edges:
        if e.type != "HOLDS_ROLE" or entity_id not in (e.source, e.target):
            continue
        p = e.props
        other = e.target if e.source == entity_id else e.source
        role = str(p.get("role") or "role")
        name = names.get(other, other)
        label = f"{role} · {name}" if e.source == entity_id else f"{name} · {role}"
        status = str(p.get("status") or "unknown")
        start = p.get("start_date") or p.get("first_seen")
        end = p.get("end_date") or (None if status == "current" else p.get("last_seen"))
        raw = p.get("bounds")
        bounds: dict[str, Any] = raw if isinstance(raw, dict) else {}
        rows.append({
            "label": label, "other": other, "status": status, "start": start, "end": end,
            "seen_to": p.get("last_seen"),
            "from": _shown(start, p.get("start_precision") if p.get("start_date") else "day"),
            "to": "now" if status == "current" and not p.get("end_date") else _shown(
                end, p.get("end_precision") if p.get("end_date") else "day"),
            "start set by": _bound_text(bounds.get("start")), "end set by": _bound_text(bounds.get("end")),
            "predecessor": names.get(str(p.get("predecessor")), p.get("predecessor")) if p.get("predecessor")
            else "",
            "successor": names.get(str(p.get("successor")), p.get("successor")) if p.get("successor") else "",
        })
    rows.sort(key=lambda r: (str(r["start"] or ""), r["label"]))
    return rows


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _range(rows: Iterable[dict[str, Any]]) -> tuple[dt.date, dt.date]:
    days = [d for r in rows for d in (_day(r["start"]), _day(r["end"]), _day(r.get("seen_to")))
            if d is not None]
    lo, hi = (min(days), max(days)) if days else (dt.date(2000, 1, 1), dt.date(2000, 1, 1))
    if (hi - lo).days < 60:
        lo, hi = lo - dt.timedelta(days=30), hi + dt.timedelta(days=30)
    return lo, hi


def timeline_html(rows: list[dict[str, Any]]) -> str:
    """One bar per office from its start to its end (open offices run to the right edge).

    >>> out = timeline_html([{"label": "<b>CEO</b> · AKDB", "status": "ended", "start": "2019-01-01",
    ...                       "end": "2021-01-01", "from": "2019", "to": "2021"}])
    >>> "&lt;b&gt;CEO&lt;/b&gt;" in out, "left:0.0%" in out, "width:100.0%" in out
    (True, True, True)
    >>> out = timeline_html([{"label": "CEO", "status": "current", "start": "2022-01-01", "end": None,
    ...                       "seen_to": "2024-01-01", "from": "2022", "to": "now"}])
    >>> "left:0.0%" in out and "width:100.0%" in out  # an open office runs to the last sighting and on
    True
    """
    lo, hi = _range(rows)
    span = max((hi - lo).days, 1)
    lines = []
    for r in rows:
        start, end = _day(r["start"]) or lo, _day(r["end"]) or hi
        left = 100.0 * (start - lo).days / span
        width = max(100.0 * (end - start).days / span, 0.8)
        tip = html.escape(f"{r['label']}: {r['from']} … {r['to']} ({r['status']})")
        style = STATUS_STYLE.get(str(r["status"]), STATUS_STYLE["unknown"])
        lines.append(
            f'<div style="display:flex;align-items:center;margin:3px 0">'
            f'<div style="width:40%;padding-right:8px;overflow:hidden;text-overflow:ellipsis;'
            f'white-space:nowrap" title="{tip}">{html.escape(str(r["label"]))}</div>'
            f'<div style="position:relative;flex:1;height:14px;background:#f4f4f4">'
            f'<div class="skg-office" title="{tip}" style="position:absolute;top:0;bottom:0;'
            f'left:{left:.1f}%;width:{min(width, 100.0 - left):.1f}%;{style}"></div></div></div>')
    legend = " · ".join(f'<span style="display:inline-block;width:10px;height:10px;{s}"></span> {k}'
                        for k, s in STATUS_STYLE.items())
    axis = (f'<div style="display:flex;justify-content:space-between;margin-left:40%;font-size:12px;'
            f'color:#555"><span>{lo.isoformat()}</span><span>{hi.isoformat()}</span></div>')
    return (f'<div class="skg-offices" role="img" aria-label="offices over time" '
            f'style="font-family:sans-serif;font-size:13px">{"".join(lines)}{axis}'
            f'<div style="font-size:12px;color:#555;margin-top:4px">{legend}</div></div>')


def statement_rows(graph: GraphData, entity_id: str,
                   names: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """``said``: statements by the actor (about actors or topics); ``about``: statements about it."""
    said: list[dict[str, Any]] = []
    about: list[dict[str, Any]] = []
    for e in graph.edges:
        if e.type not in ("SAID_ABOUT", "SAID_ON") or entity_id not in (e.source, e.target):
            continue
        p = e.props
        row = {"count": int(p.get("count") or 0), "polarity": p.get("polarity") or "neutral",
               "positive": int(p.get("positive") or 0), "negative": int(p.get("negative") or 0),
               "neutral": int(p.get("neutral") or 0), "first_seen": p.get("first_seen"),
               "last_seen": p.get("last_seen"), "evidence": list(p.get("evidence") or [])}
        if e.source == entity_id:
            said.append({**row, "id": e.target, "name": names.get(e.target, e.target),
                         "topic": e.type == "SAID_ON"})
        else:
            about.append({**row, "id": e.source, "name": names.get(e.source, e.source), "topic": False})
    for rows in (said, about):
        rows.sort(key=lambda r: (-r["count"], str(r["name"])))
    return {"said": said, "about": about}
