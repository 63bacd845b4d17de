"""Plotly figures that need no network: a Germany map without tiles and the vendor heatmap.

Plotly's geo subplots fetch base shapes from a CDN at run time, and map tiles
need a tile server, so the map is a plain scatter on longitude/latitude with
a simplified national border drawn as a line (coordinates are approximate,
about 60 points, enough to orient). Every label is HTML-escaped because
Plotly interprets a subset of HTML in text.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

# Simplified outline of Germany (lon, lat), clockwise from the Ems estuary.
GERMANY_OUTLINE: tuple[tuple[float, float], ...] = (
    (7.20, 53.24), (7.05, 52.65), (6.70, 52.48), (7.06, 52.24), (6.73, 51.90), (5.95, 51.80),
    (6.20, 51.45), (5.98, 51.05), (6.08, 50.75), (6.40, 50.32), (6.13, 50.13), (6.50, 49.80),
    (6.36, 49.46), (6.80, 49.20), (7.30, 49.12), (8.20, 48.97), (7.80, 48.50), (7.55, 47.98),
    (7.60, 47.58), (8.60, 47.65), (9.55, 47.53), (10.20, 47.30), (10.90, 47.48), (11.60, 47.58),
    (12.20, 47.70), (13.00, 47.47), (12.90, 47.95), (13.45, 48.57), (13.80, 48.77), (12.65, 49.45),
    (12.10, 50.30), (12.50, 50.40), (13.80, 50.72), (14.30, 50.90), (14.82, 50.87), (15.03, 51.10),
    (14.70, 51.60), (14.60, 52.30), (14.15, 52.80), (14.40, 53.30), (14.20, 53.90), (13.80, 54.10),
    (13.40, 54.55), (12.50, 54.45), (11.30, 54.10), (11.00, 54.00), (10.90, 54.35), (10.15, 54.45),
    (9.90, 54.80), (8.65, 54.90), (8.60, 54.30), (8.90, 53.90), (8.50, 53.55), (8.00, 53.70),
    (7.20, 53.24),
)


def esc(text: object) -> str:
    """Escape text for Plotly labels and hover text."""
    return html.escape(str(text if text is not None else ""))


def germany_map(points: pd.DataFrame, colour: str = "#e15759") -> go.Figure:
    """Municipalities (columns name, lat, lon, size, optional hover) on the outline of Germany."""
    fig = go.Figure()
    lon, lat = zip(*GERMANY_OUTLINE, strict=True)
    fig.add_trace(go.Scatter(x=lon, y=lat, mode="lines", line={"color": "#888", "width": 1},
                             hoverinfo="skip", showlegend=False))
    hover = points["hover"] if "hover" in points else points["name"]
    fig.add_trace(go.Scatter(
        x=points["lon"], y=points["lat"], mode="markers", showlegend=False,
        marker={"size": points.get("size", 8), "color": colour, "opacity": 0.75, "sizemode": "diameter"},
        hovertext=[esc(h) for h in hover], hoverinfo="text"))
    fig.update_xaxes(visible=False, range=[5.5, 15.5])
    fig.update_yaxes(visible=False, range=[47.0, 55.3], scaleanchor="x",
                     scaleratio=1 / math.cos(math.radians(51)))
    fig.update_layout(height=560, margin={"l": 0, "r": 0, "t": 0, "b": 0}, plot_bgcolor="white")
    return fig


def heatmap(pairs: pd.DataFrame, max_vendors: int = 30, max_places: int = 40) -> go.Figure:
    """Vendor × municipality article counts for the most connected rows and columns."""
    top_v = pairs.groupby("vendor")["articles"].sum().nlargest(max_vendors).index
    top_m = pairs.groupby("municipality")["articles"].sum().nlargest(max_places).index
    part = pairs[pairs["vendor"].isin(top_v) & pairs["municipality"].isin(top_m)]
    matrix = part.pivot_table(index="vendor", columns="municipality", values="articles",
                              aggfunc="sum", fill_value=0)
    fig = go.Figure(go.Heatmap(z=matrix.to_numpy(), x=[esc(c) for c in matrix.columns],
                               y=[esc(i) for i in matrix.index], colorscale="Blues",
                               hovertemplate="%{y} × %{x}: %{z} articles<extra></extra>"))
    fig.update_layout(height=max(300, 22 * len(matrix.index) + 160), margin={"t": 10},
                      xaxis={"tickangle": -45})
    return fig
