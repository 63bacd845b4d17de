"""Fetch a URL the user named explicitly (never anything else).

Uses ``requests`` with the configured timeout and user agent and reads at
most ``max_file_mb`` so that a huge or endless response cannot exhaust
memory. Every problem becomes an :class:`InputFailure`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import requests

from graph.ingest.failures import InputFailure

if TYPE_CHECKING:
    from graph.ingest.sources import RawSource


def is_url(arg: str) -> bool:
    """True for http(s) URLs, the only remote inputs accepted."""
    return arg.lower().startswith(("http://", "https://"))


def _suffix_of(url: str) -> str:
    tail = url.split("?", 1)[0].rsplit("/", 1)[-1]
    return "." + tail.rsplit(".", 1)[-1].lower() if "." in tail else ""


def _read_capped(response: requests.Response, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(65536):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_url(url: str, settings: Any) -> RawSource | InputFailure:
    """Download ``url`` into a :class:`RawSource`, or say why it failed."""
    from graph.ingest.sources import RawSource

    limit = int(float(settings.max_file_mb) * 1024 * 1024)
    headers = {"User-Agent": str(settings.user_agent)}
    try:
        with requests.get(url, headers=headers, timeout=float(settings.fetch_timeout),
                          stream=True) as response:
            if response.status_code >= 400:
                return InputFailure(url, None, f"the server answered HTTP {response.status_code}",
                                    "check the URL in a browser; only public pages can be fetched")
            data = _read_capped(response, limit)
    except requests.Timeout:
        return InputFailure(url, None, f"no answer within {settings.fetch_timeout} s",
                            "try again later or raise SKG_FETCH_TIMEOUT")
    except requests.RequestException as exc:
        return InputFailure(url, None, f"cannot fetch the URL ({type(exc).__name__})",
                            "check the address and your network connection")
    if data is None:
        return InputFailure(url, None, f"the response is larger than {settings.max_file_mb} MiB",
                            "save the page as a file and split it, or raise SKG_MAX_FILE_MB")
    return RawSource(url, url, data, url=url, suffix=_suffix_of(url), origin=url)
