"""Colours and labels per entity type, shared by every visual export."""

from __future__ import annotations

TYPE_COLOURS = {
    "PERSON": "#1f77b4",
    "ORGANIZATION": "#ff7f0e",
    "MUNICIPALITY": "#2ca02c",
    "LOCATION": "#9467bd",
}
KIND_COLOURS = {
    "vendor": "#d62728",
    "public_it_provider": "#ff7f0e",
    "association": "#8c564b",
    "public_body": "#e377c2",
    "media": "#7f7f7f",
    "other": "#bcbd22",
}
TYPE_LABELS = {
    "PERSON": "Person",
    "ORGANIZATION": "Organisation",
    "MUNICIPALITY": "Municipality",
    "LOCATION": "Location",
}
FALLBACK = "#17becf"


def colour_of(attrs: dict[str, object]) -> str:
    """Hex colour of a node: organisations by kind, everything else by type."""
    if attrs.get("type") == "ORGANIZATION" and attrs.get("kind") in KIND_COLOURS:
        return KIND_COLOURS[str(attrs["kind"])]
    return TYPE_COLOURS.get(str(attrs.get("type")), FALLBACK)


def legend_of(attrs: dict[str, object]) -> str:
    """Legend entry of a node (organisation kinds shown separately)."""
    t = str(attrs.get("type"))
    if t == "ORGANIZATION" and attrs.get("kind"):
        return f"Organisation ({str(attrs['kind']).replace('_', ' ')})"
    return TYPE_LABELS.get(t, t)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as integers.

    >>> rgb("#ff7f0e")
    (255, 127, 14)
    """
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
