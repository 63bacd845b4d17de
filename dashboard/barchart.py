"""A bar chart as plain HTML (flex boxes): the overview's time line without a chart library.

Why: a Vega-Lite chart makes the browser load and compile the Vega bundle
(hundreds of kB of JavaScript) before the first page is complete; on the
2-core machine that was about 0.3–0.5 s of Chromium main-thread time of a cold
first page. Articles per month need bars, a few axis labels and tooltips,
which a row of ``div`` boxes with ``title`` attributes gives at no cost.
Why not SVG: ``st.html`` sanitises with DOMPurify's HTML profile, which
removes SVG elements. Labels are escaped: they can come from documents.

>>> out = bar_html(["2024-01", "2024-02"], [3, 5], height=120, x_title="month", y_title="articles")
>>> out.count('class="skg-bar"'), 'title="2024-02: 5"' in out, "height:60.0%" in out
(2, True, True)
>>> "&lt;b&gt;" in bar_html(["<b>"], [1], height=80, x_title="x", y_title="y")
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence

BAR_COLOUR = "#4c78a8"
LABEL_ROW = 22  # pixels under the bars for the first, middle and last label


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _bar(label: str, value: float, peak: float) -> str:
    share = 100.0 * float(value) / peak if peak else 0.0
    tip = html.escape(f"{label}: {_num(value)}")
    return (f'<div class="skg-bar" title="{tip}" style="flex:1 1 0;margin:0 1px;height:{share:.1f}%;'
            f'min-height:{1 if value else 0}px;background:{BAR_COLOUR}"></div>')


def _labels(labels: Sequence[str]) -> str:
    """First, middle and last label (more would overlap on a narrow column)."""
    picks = sorted({0, len(labels) // 2, len(labels) - 1}) if labels else []
    cells = "".join(f"<span>{html.escape(str(labels[i]))}</span>" for i in picks)
    return (f'<div style="display:flex;justify-content:space-between;height:{LABEL_ROW}px;'
            f'font-size:12px;color:#555">{cells}</div>')


def bar_html(labels: Sequence[str], values: Sequence[float], *, height: int, x_title: str,
             y_title: str) -> str:
    """One bar per label, scaled to the largest value, each with a ``label: value`` tooltip."""
    peak = max((float(v) for v in values), default=0.0)
    bars = "".join(_bar(str(lab), val, peak) for lab, val in zip(labels, values, strict=True))
    caption = html.escape(f"{y_title} per {x_title}, largest {_num(peak)}")
    return (f'<div class="skg-bars" role="img" aria-label="{caption}" style="font-family:sans-serif">'
            f'<div style="font-size:12px;color:#555">{caption}</div>'
            f'<div style="display:flex;align-items:flex-end;height:{height - LABEL_ROW}px;'
            f'border-bottom:1px solid #888">{bars}</div>{_labels(labels)}</div>')
