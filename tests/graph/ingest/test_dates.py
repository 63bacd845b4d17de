"""Dates in German, ISO and RFC 822 forms become ISO strings."""

from __future__ import annotations

import pytest

from graph.ingest.dates import parse_date


@pytest.mark.parametrize(("raw", "iso"), [
    ("22.6.2021", "2021-06-22"),
    ("[6.5.2024]", "2024-05-06"),
    ("06.05.2024", "2024-05-06"),
    ("6. Mai 2024", "2024-05-06"),
    ("1. März 2023", "2023-03-01"),
    ("3. Dezember 2022, 14:00 Uhr", "2022-12-03"),
    ("12. Okt. 2020", "2020-10-12"),
    ("2024-05-06", "2024-05-06"),
    ("2024-05-06T09:30:00+02:00", "2024-05-06"),
    ("Mon, 06 May 2024 10:00:00 +0200", "2024-05-06"),
    ("Fri, 01 Mar 2024 10:00:00 GMT", "2024-03-01"),
    ("06.05.24", "2024-05-06"),
])
def test_dates_parse_known_forms(raw: str, iso: str) -> None:
    assert parse_date(raw) == iso


@pytest.mark.parametrize("raw", [None, "", "kein Datum", "31.2.2024", "2024-13-01", "99. Mai 2024", 12])
def test_dates_reject_non_dates(raw: object) -> None:
    assert parse_date(raw) is None
