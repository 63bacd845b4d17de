"""Actor profile: names, type, key and map pin, roles, offices over time, who reports about it, mentions over
time, statements, strongest partners with quotes."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import actors, charts, data, offices, ui


def render() -> None:
    """Draw the profile page for the entity in ``?entity=`` or the picker."""
    st.title("Actor profile")
    snap = data.require_snapshot()
    chosen = ui.entity_picker("Actor", snap, key="profile_entity", default=st.query_params.get("entity"))
    if not chosen:
        st.info("Pick an actor above, or click one in the Network page.")
        return
    st.query_params["entity"] = chosen
    prof = actors.profile(chosen, snap)
    if prof is None:
        st.warning("This actor is not in the current snapshot (it may have been merged or ignored).")
        return
    _header(prof["entity"])
    _roles(prof["roles"])
    _offices(chosen, snap)
    _publishers(prof["publishers"])
    st.subheader("Mentions over time")
    if prof["timeline"].empty:
        st.caption("no dated mentions")
    else:
        ui.bar_chart(prof["timeline"], x="month", y="articles", height=200)
    _statements(chosen, snap)
    _partners(prof["partners"])


@st.cache_data(show_spinner=False, max_entries=64)
def _offices_and_statements(entity_id: str, snap: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Office rows and statement rows of one actor, from the snapshot's whole graph (cached)."""
    graph = data.graph_data(snap)
    names = {n.id: str(n.props.get("name") or n.id) for n in graph.nodes if n.label in ("Entity", "Topic")}
    return offices.office_rows(graph, entity_id, names), offices.statement_rows(graph, entity_id, names)


def _offices(entity_id: str, snap: str) -> None:
    """A person's offices, or an organisation's office holders, as a time line with the bounds' sources."""
    rows, _ = _offices_and_statements(entity_id, snap)
    if not rows:
        return
    st.subheader("Offices over time")
    st.html(offices.timeline_html(rows))
    columns = ("label", "from", "to", "status", "predecessor", "successor", "start set by", "end set by")
    with st.expander("Where the dates come from"):
        st.dataframe(pd.DataFrame([{c: r[c] for c in columns} for r in rows]), hide_index=True)


def _statement(row: dict[str, Any], titles: dict[str, tuple[str, str]], direction: str) -> None:
    counts = f"+{row['positive']} / −{row['negative']} / ={row['neutral']}"
    label = (f"{direction} {ui.md(row['name'])} — {row['count']} statements, "
             f"{ui.md(row['polarity'])} ({counts})")
    with st.expander(label):
        if not row["topic"]:
            st.page_link("views/profile.py", label="open profile", query_params={"entity": row["id"]})
        for ev in row["evidence"][:5]:
            title, url = titles.get(str(ev.get("article_id")), ("", ""))
            st.markdown(f"> “{ui.md(ev.get('sentence'))}”  \n> — *{ui.md(ev.get('verb'))}* "
                        f"({ui.md(ev.get('polarity'))}), {ui.link(title or ev.get('article_id'), url)}, "
                        f"{ui.md(ev.get('published') or 'undated')}")


def _statements(entity_id: str, snap: str) -> None:
    """What the actor said (about actors or topics) and what others said about it, with the quotes.

    Polarity is the speech verb's (kritisierte → negative, begrüßte → positive, sagte → neutral),
    not a reading of the quote.
    """
    _, rows = _offices_and_statements(entity_id, snap)
    if not rows["said"] and not rows["about"]:
        return
    titles = actors.article_titles(snap)
    st.subheader("Statements")
    st.caption("Polarity comes from the speech verb only (kritisierte/warnte negative, begrüßte/lobte "
               "positive, sagte/erklärte neutral), not from reading the quote.")
    said, about = st.columns(2)
    with said:
        st.markdown(f"**Said** ({len(rows['said'])})")
        for row in rows["said"][:10]:
            _statement(row, titles, "about topic" if row["topic"] else "about")
    with about:
        st.markdown(f"**Said about it** ({len(rows['about'])})")
        for row in rows["about"][:10]:
            _statement(row, titles, "by")


def _header(ent: dict[str, Any]) -> None:
    st.header(ui.md(ent.get("name")))
    kind = f" / {ui.md(ent['kind'])}" if ent.get("kind") else ""
    st.markdown(f"**Type:** {ui.md(ent.get('type'))}{kind} · **articles:** {ent.get('articles') or 0} · "
                f"**mentions:** {ent.get('mentions') or 0} · **seen:** {ui.md(ent.get('first_seen'))} … "
                f"{ui.md(ent.get('last_seen'))} · **confidence:** {ent.get('confidence')}")
    aliases = [a for a in (ent.get("aliases") or []) if a != ent.get("name")]
    if aliases:
        st.markdown("**Also written as:** " + ", ".join(ui.md(a) for a in aliases))
    if ent.get("type") == "MUNICIPALITY":
        land = ui.md(ent.get("land") or "unknown")
        st.markdown(f"**AGS:** `{ui.md(ent.get('ags') or 'unknown')}` · **Land:** {land}")
        if ent.get("lat") is not None and ent.get("lon") is not None:
            st.plotly_chart(charts.germany_map(pd.DataFrame([{"name": ent.get("name"), "lat": ent["lat"],
                                                              "lon": ent["lon"], "size": 12}])),
                            config={"displayModeBar": False}, key="profile_map")


def _roles(roles: list[dict[str, Any]]) -> None:
    st.subheader("Roles and affiliations")
    if not roles:
        st.caption("no stated roles")
        return
    columns = ("edge", "role", "name", "level", "sources", "first_seen", "last_seen", "articles")
    table = pd.DataFrame([{k: r[k] for k in columns} for r in roles])
    st.dataframe(table, hide_index=True)


def _publishers(table: pd.DataFrame) -> None:
    st.subheader("Who reports about this actor")
    if table.empty:
        st.caption("no articles name this actor")
        return
    total = int(table["articles"].sum())
    own = int(table["self_published"].sum())
    releases = int(table["press_release"].sum())
    st.markdown(f"**{total}** articles from **{len(table)}** publishers · self-published: **{own}** "
                f"({own / total:.0%}) · press releases: **{releases}** ({releases / total:.0%})")
    st.dataframe(table, hide_index=True)


def _partners(partners: list[dict[str, Any]]) -> None:
    st.subheader("Strongest partners by type")
    if not partners:
        st.caption("no ties in this snapshot")
        return
    by_type: dict[str, list[dict[str, Any]]] = {}
    for p in partners:
        by_type.setdefault(str(p.get("kind") or p.get("type")), []).append(p)
    tabs = st.tabs([f"{t} ({len(v)})" for t, v in by_type.items()])
    for tab, rows in zip(tabs, by_type.values(), strict=True):
        with tab:
            for p in rows[:10]:
                seen = f"{p['first_seen']} … {p['last_seen']}"
                level = f", {ui.md(p['level'])}, {p['sources'] or 0} sources" if p.get("level") else ""
                label = f"{ui.md(p['name'])} — {p['articles']} articles ({seen}{level})"
                with st.expander(label):
                    st.page_link("views/profile.py", label="open profile", query_params={"entity": p["id"]})
                    ui.evidence_list(p["evidence"])


if __name__ == "__main__":
    render()
