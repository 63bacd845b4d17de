"""Data-quality tables: entities by type, confidence, orphans, single-source ties, failed ingests."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import compute, data


@st.cache_data(show_spinner=False, max_entries=4)
def summary(snap: str) -> dict[str, pd.DataFrame]:
    """Tables of the data-quality page for one snapshot."""
    gd = data.graph_data(snap)
    ents = data.entities(snap)
    names = ents.set_index("id")["name"]
    linked = {x for e in gd.edges if e.type not in ("MENTIONS", "TAGGED") for x in (e.source, e.target)}
    ties = compute.edges_frame(gd)
    single = ties[ties["articles"] <= 1].assign(a=lambda f: f["source"].map(names),
                                               b=lambda f: f["target"].map(names))
    kinds = ents.assign(kind=ents["kind"].fillna("—"))
    return {
        "by_type": kinds.groupby(["type", "kind"]).size().reset_index(name="entities"),
        "confidence": ents[["confidence"]].dropna(),
        "orphans": ents[~ents["id"].isin(linked)][["name", "type", "kind", "articles", "id"]],
        "single_source": single[["a", "b", "first_seen", "source", "target"]],
    }


def corpus_info() -> dict[str, Any]:
    """Corpus statistics (incl. per-extractor counts when recorded) and failed ingests."""
    try:
        from graph.store.corpus import CorpusStore
    except ImportError:
        return {"stats": {}, "failures": pd.DataFrame()}
    corpus = CorpusStore.open(data.settings())
    try:
        failures = [f if isinstance(f, dict) else getattr(f, "__dict__", {"failure": str(f)})
                    for f in corpus.failures()]
        return {"stats": corpus.stats(), "failures": pd.DataFrame(failures),
                "last_ingest": corpus.get_meta("last_ingest"), "last_build": corpus.get_meta("last_build")}
    finally:
        close = getattr(corpus, "close", None)
        if callable(close):
            close()
