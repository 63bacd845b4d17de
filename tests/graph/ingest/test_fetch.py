"""URLs given explicitly are fetched from a local HTTP server (never the internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graph.settings import Settings
from tests.graph.ingest.helpers import FIXTURES, read_all

SEEN_AGENTS: list[str] = []
PAGES = {
    "/feed.xml": ("application/rss+xml", (FIXTURES / "feed_rss.xml").read_bytes()),
    "/meldung": ("text/html; charset=utf-8", (FIXTURES / "portal_meldung.html").read_bytes()),
    "/gross.txt": ("text/plain", b"Titel\n" + b"x" * 300_000),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/langsam":
            time.sleep(2)
        page = PAGES.get(self.path)
        if page is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", page[0])
        self.send_header("Content-Length", str(len(page[1])))
        self.end_headers()
        self.wfile.write(page[1])

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_feed_url_with_user_agent(server: str, settings: Settings) -> None:
    articles, failures = read_all([server + "/feed.xml"], settings)
    assert failures == [] and len(articles) == 3 and articles[0].reader == "feed"
    assert articles[0].source == server + "/feed.xml"
    assert SEEN_AGENTS[-1] == settings.user_agent


def test_fetch_portal_page_url(server: str, settings: Settings) -> None:
    articles, failures = read_all([server + "/meldung"], settings)
    assert failures == [] and [a.role for a in articles][:2] == ["article", "teaser"]
    assert articles[0].reader == "kommune21_html"


def test_fetch_http_error_is_a_failure(server: str, settings: Settings) -> None:
    articles, failures = read_all([server + "/fehlt", server + "/feed.xml"], settings)
    assert len(articles) == 3 and "HTTP 404" in failures[0].message and failures[0].source.endswith("/fehlt")


def test_fetch_timeout_is_a_failure(server: str, settings: Settings) -> None:
    quick = settings.with_overrides(fetch_timeout=0.3)
    started = time.monotonic()
    articles, failures = read_all([server + "/langsam"], quick)
    assert articles == [] and "no answer within 0.3 s" in failures[0].message
    assert "SKG_FETCH_TIMEOUT" in failures[0].hint and time.monotonic() - started < 1.9


def test_fetch_response_over_size_limit_is_a_failure(server: str, settings: Settings) -> None:
    small = settings.with_overrides(max_file_mb=0.1)
    articles, failures = read_all([server + "/gross.txt"], small)
    assert articles == [] and "larger than 0.1 MiB" in failures[0].message


def test_fetch_unreachable_host_is_a_failure(settings: Settings) -> None:
    articles, failures = read_all(["http://127.0.0.1:9/nichts"], settings.with_overrides(fetch_timeout=2.0))
    assert articles == [] and "cannot fetch the URL" in failures[0].message
