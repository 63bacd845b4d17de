"""Small display helpers shared by the pages: escaping, safe links, friendly errors, pickers."""

from __future__ import annotations

import html
import re
from typing import Any

import streamlit as st

from dashboard import data
from graph.errors import BackendUnavailableError, SkgError

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<&$:])")


def md(text: Any) -> str:
    """Text safe to put inside Markdown: HTML escaped, Markdown syntax neutralised.

    >>> md("<script>x</script> [a](b)")
    '&lt;script&gt;x&lt;/script&gt; \\\\[a\\\\]\\\\(b\\\\)'
    """
    escaped = html.escape(str(text if text is not None else ""), quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|~$])", r"\\\1", escaped)


def safe_url(url: Any) -> str | None:
    """``url`` when it is plain http(s), else ``None`` (no ``javascript:`` links)."""
    text = str(url or "")
    return text if re.match(r"^https?://[^\s<>\"']+$", text) else None


def link(title: Any, url: Any) -> str:
    """A Markdown link with escaped text, or just the escaped text without a safe URL."""
    target = safe_url(url)
    label = md(title) or "article"
    return f"[{label}]({target.replace(')', '%29')})" if target else label


def show_error(exc: SkgError) -> None:
    """One friendly message with the next step; no traceback."""
    st.error(f"{md(exc.message)}  \n**What to do:** {md(exc.hint) if exc.hint else 'see the log'}",
             icon="⚠️")
    if isinstance(exc, BackendUnavailableError):
        st.info("Start the server with `skg neo4j start`, or switch to the embedded backend "
                "(`skg --backend embedded dashboard`).")
    st.caption(f"error code {exc.code}")


def entity_picker(label: str, snap: str, key: str, default: str | None = None) -> str | None:
    """A searchable select box of all entities; returns the chosen id."""
    options = data.entity_options(snap)
    ids = list(options)
    index = ids.index(default) if default in options else None
    chosen: str | None = st.selectbox(label, ids, index=index, key=key,
                                      format_func=lambda i: options.get(i, i), placeholder="type a name…")
    return chosen


def evidence_list(rows: list[dict[str, Any]], limit: int = 5) -> None:
    """Quoted sentences with date and a link to the article."""
    if not rows:
        st.caption("no quoted evidence stored for this tie")
    for ev in rows[:limit]:
        st.markdown(f"> “{md(ev.get('sentence'))}”  \n> — {link(ev.get('article'), ev.get('url'))}, "
                    f"{md(ev.get('published') or 'undated')}")


def show_html(page: str, height: int) -> None:
    """Embed a self-contained HTML page (its text must already be escaped).

    ``st.iframe`` replaces ``components.v1.html`` from Streamlit 1.67 on.
    """
    if hasattr(st, "iframe"):
        st.iframe(page, height=height)
    else:  # pragma: no cover - older Streamlit
        import streamlit.components.v1 as components

        components.html(page, height=height)


def bar_chart(frame: Any, x: str, y: str, height: int) -> None:
    """A bar chart of ``frame[y]`` over ``frame[x]`` as plain HTML boxes (:mod:`dashboard.barchart`).

    Neither ``st.bar_chart`` (Altair: a 2.2 s import on a fresh server) nor a
    Vega-Lite spec (the browser compiles the Vega bundle before the first page
    is complete): the time lines are plain bars with tooltips.
    """
    from dashboard.barchart import bar_html

    labels = [str(v) for v in frame[x].tolist()]
    values = [float(v) for v in frame[y].tolist()]
    st.html(bar_html(labels, values, height=height, x_title=x, y_title=y))
