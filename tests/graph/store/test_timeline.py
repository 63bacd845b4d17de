"""The roll-up of per-day article counts behind ``GraphStore.timeline``."""

from __future__ import annotations

from graph.store.timeline import period_of, roll_up


def test_timeline_period_of_handles_partial_and_malformed_dates() -> None:
    assert period_of("2024-05-02T10:00:00", "month") == "2024-05"
    assert period_of("2024-11-30", "quarter") == "2024-Q4"
    assert period_of("2024", "year") == "2024"
    assert period_of("2024", "month") is None  # too coarse for a month: skipped, not guessed
    assert period_of("unknown", "year") is None


def test_timeline_roll_up_sums_days_and_sorts_periods() -> None:
    days = [("2024-05-09", 2), ("2023-12-31", 1), ("2024-05-01", 3), (None, 7), ("bad", 1)]
    assert roll_up(days, "month") == [{"period": "2023-12", "articles": 1},
                                      {"period": "2024-05", "articles": 5}]
    assert roll_up([], "year") == []
