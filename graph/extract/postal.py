"""Which Länder a German postal code can belong to.

Postal regions do not follow state borders, so each two-digit prefix maps to
the set of Länder it touches; the set only narrows homonyms ("48149 Münster"
→ the Münster in Nordrhein-Westfalen, not the one in Hessen or Bavaria).

>>> sorted(lands_for_postal_code("48149"))
['Niedersachsen', 'Nordrhein-Westfalen']
>>> lands_for_postal_code("ABC")
frozenset()
"""

from __future__ import annotations

BW, BY, BE, BB, HB, HH, HE, MV = ("Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen",
                                  "Hamburg", "Hessen", "Mecklenburg-Vorpommern")
NI, NW, RP, SL, SN, ST, SH, TH = ("Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland",
                                  "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen")

# Two-digit prefix ranges (inclusive) → Länder with postal codes in that range.
_RANGES: tuple[tuple[int, int, frozenset[str]], ...] = (
    (1, 5, frozenset({SN})), (6, 6, frozenset({ST, SN, TH})), (7, 9, frozenset({TH, SN})),
    (10, 13, frozenset({BE})), (14, 16, frozenset({BB, BE})), (17, 19, frozenset({MV, BB, NI})),
    (20, 22, frozenset({HH, SH, NI})), (23, 25, frozenset({SH})), (26, 27, frozenset({NI, HB})),
    (28, 28, frozenset({HB, NI})), (29, 31, frozenset({NI})), (32, 33, frozenset({NW, NI})),
    (34, 34, frozenset({HE, NI})), (35, 36, frozenset({HE, TH, BY})), (37, 38, frozenset({NI, ST, HE})),
    (39, 39, frozenset({ST})), (40, 48, frozenset({NW, NI})), (49, 49, frozenset({NI, NW})),
    (50, 53, frozenset({NW, RP})), (54, 56, frozenset({RP})), (57, 59, frozenset({NW, RP, HE})),
    (60, 61, frozenset({HE})), (63, 63, frozenset({HE, BY})), (64, 65, frozenset({HE, RP})),
    (66, 66, frozenset({SL, RP})), (67, 67, frozenset({RP})), (68, 69, frozenset({BW, HE, RP})),
    (70, 79, frozenset({BW})), (80, 87, frozenset({BY, BW})), (88, 89, frozenset({BW, BY})),
    (90, 97, frozenset({BY, BW, HE, TH})), (98, 99, frozenset({TH, BY})),
)


def lands_for_postal_code(code: str | None) -> frozenset[str]:
    """The Länder a five-digit postal code may lie in (empty when unknown or malformed)."""
    if not code or len(code) != 5 or not code.isdigit():
        return frozenset()
    prefix = int(code[:2])
    for low, high, lands in _RANGES:
        if low <= prefix <= high:
            return lands
    return frozenset()
