"""Property tests: arbitrary bytes and text never crash a reader nor hang it."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.ingest import READERS, InputFailure, read_source
from graph.ingest.sources import RawSource
from graph.model import Article

PIECES = st.sampled_from([
    "[6.5.2024] ", "Stichwörter: a, b", "Weitere Meldungen aus dem Bereich X\n", "Ausgewählte Anbieter:\n",
    "12345 Ort\n", "mehr...", "(sib)", "https://x.example\n", "<html>", "</html>", "<p>", "<rss>", "<feed>",
    '{"text": "x"}', "{", "\n\n", "Ã¼", "<item><title>t</title></item>", "<!DOCTYPE html>", "\x00",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=30).map("".join)
SUFFIXES = st.sampled_from(["", ".txt", ".html", ".jsonl", ".xml", ".atom", ".csv", ".k21"])
MAX_SECONDS = 5.0


def _check(items: list[Article | InputFailure]) -> None:
    for item in items:
        assert isinstance(item, Article | InputFailure)
        if isinstance(item, InputFailure):
            assert item.message and item.hint
        else:
            assert item.id.startswith("a_") and item.role in ("article", "teaser", "vendor_listing")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4000), suffix=SUFFIXES)
def test_properties_arbitrary_bytes_never_crash(data: bytes, suffix: str) -> None:
    started = time.monotonic()
    _check(list(read_source(RawSource("x" + suffix, "x" + suffix, data, suffix=suffix))))
    assert time.monotonic() - started < MAX_SECONDS


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, suffix=SUFFIXES)
def test_properties_arbitrary_text_never_crashes_detection(text: str, suffix: str) -> None:
    started = time.monotonic()
    raw = RawSource("x" + suffix, "x" + suffix, text.encode("utf-8", "surrogatepass"), suffix=suffix)
    _check(list(read_source(raw)))
    assert time.monotonic() - started < MAX_SECONDS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_properties_every_reader_survives_any_text(text: str) -> None:
    raw = RawSource("x", "x", b"")
    for name, reader in READERS.items():
        started = time.monotonic()
        try:
            _check(list(reader(text, raw)))
        except Exception as exc:  # the guard in read_source would hide it; here we want to see it
            raise AssertionError(f"reader {name} raised {type(exc).__name__}: {exc}") from exc
        assert time.monotonic() - started < MAX_SECONDS, name


def test_properties_large_random_file_is_bounded(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(32, 127) for _ in range(2_000_000))
    started = time.monotonic()
    _check(list(read_source(RawSource("big.txt", "big.txt", data, suffix=".txt"))))
    assert time.monotonic() - started < 30
