"""Step timings: silent by default, one parseable log line per step when enabled."""

from __future__ import annotations

import pytest

from dashboard import timing


def test_timing_is_silent_by_default(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(timing.ENV, raising=False)
    with timing.step("sidebar"):
        pass
    assert capsys.readouterr().err == ""


def test_timing_logs_steps_that_parse_back(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(timing.ENV, "1")
    with timing.step("page:overview"):
        pass
    timing.log("server:warm_up", 0.25)
    steps = timing.parse("streamlit noise\n" + capsys.readouterr().err)
    assert [name for name, _ in steps] == ["page:overview", "server:warm_up"]
    assert 0 <= steps[0][1] < 1 and steps[1][1] == 0.25


def test_timing_logs_even_when_the_step_fails(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(timing.ENV, "1")
    with pytest.raises(ValueError), timing.step("broken"):
        raise ValueError("boom")
    assert [n for n, _ in timing.parse(capsys.readouterr().err)] == ["broken"]
