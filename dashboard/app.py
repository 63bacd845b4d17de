"""Router of the dashboard: page list, shared sidebar, friendly errors.

Run with ``skg dashboard`` (or ``streamlit run dashboard/app.py``). Each
page is a module in ``views/`` that only calls :mod:`dashboard.data` and
its siblings; expected failures (:class:`graph.errors.SkgError`) become one
``st.error`` with the next step instead of a traceback.
"""

from __future__ import annotations

import streamlit as st

from dashboard import sidebar, timing, ui
from graph.errors import SkgError

PAGES = (
    ("views/overview.py", "Overview", "overview", ":material/dashboard:"),
    ("views/network.py", "Network", "network", ":material/hub:"),
    ("views/profile.py", "Actor profile", "profile", ":material/person:"),
    ("views/vendors.py", "Vendors × municipalities", "vendors", ":material/map:"),
    ("views/paths.py", "Paths", "paths", ":material/route:"),
    ("views/compare.py", "Compare periods", "compare", ":material/compare_arrows:"),
    ("views/whats_new.py", "What's new", "whats-new", ":material/notifications:"),
    ("views/cypher.py", "Cypher", "cypher", ":material/terminal:"),
    ("views/review.py", "Review", "review", ":material/rule:"),
    ("views/export.py", "Export", "export", ":material/download:"),
    ("views/quality.py", "Data quality", "quality", ":material/fact_check:"),
)


def run() -> None:
    """Route to the selected page under the shared sidebar."""
    st.set_page_config(page_title="stakeholder-graph", layout="wide")
    pages = [st.Page(path, title=title, url_path=url, icon=icon, default=(url == "overview"))
             for path, title, url, icon in PAGES]
    page = st.navigation(pages)
    with timing.step("sidebar"):
        sidebar.draw()
    try:
        with timing.step(f"page:{page.url_path or 'overview'}"):
            page.run()
    except SkgError as exc:
        ui.show_error(exc)


run()
