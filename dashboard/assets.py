"""vis-network served once as a static file of the dashboard's own server.

Every network drawing is an iframe whose ``srcdoc`` Streamlit sends over the
websocket. With vis-network inlined (~470 KB) each drawing re-sent, re-parsed
and re-compiled the bundle. Served from ``/app/static/`` (Streamlit's
``server.enableStaticServing``, which serves ``<app dir>/static/``) the
browser fetches it once, keeps it in its HTTP cache (the copy keeps pyvis's
modification time, so Chromium treats it as fresh without asking again) and
reuses the compiled code.

The file is copied from the installed pyvis at server start, so there is one
source for it and no second copy in the repository; ``static/`` ignores
itself in git. Where the copy cannot be written (a read-only install) or
static serving is off, pages inline the bundle as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from functools import lru_cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
VIS_NAME = "vis-network.min.js"
SERVED_PREFIX = "app/static"


def publish_vis(static_dir: Path = STATIC_DIR) -> bool:
    """Put pyvis's vis-network bundle into ``static_dir``; ``True`` when it is in place.

    Rewrites it only when it differs from the installed one (a pyvis upgrade).
    """
    from dashboard.netview import vis_path

    try:
        source = vis_path()
        target = static_dir / VIS_NAME
        static_dir.mkdir(parents=True, exist_ok=True)
        ignore = static_dir / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# copied from pyvis by dashboard/assets.py at server start\n*\n",
                              encoding="utf-8")
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            shutil.copy2(source, target)
    except OSError:
        return False
    return True


@lru_cache(maxsize=4)
def _fingerprint(path: Path) -> str:
    """A short content hash, so a new pyvis bundle gets a new URL (no stale browser cache)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def vis_url(static_dir: Path = STATIC_DIR) -> str | None:
    """Where this server serves vis-network, or ``None`` when pages must inline it.

    ``None`` outside a running server (AppTest, exports), when static serving
    is off, or when the file is missing.
    """
    import streamlit as st

    target = static_dir / VIS_NAME
    if not st.get_option("server.enableStaticServing") or not target.is_file():
        return None
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    with contextlib.suppress(OSError):
        prefix = f"/{base}/" if base else "/"
        return f"{prefix}{SERVED_PREFIX}/{VIS_NAME}?v={_fingerprint(target)}"
    return None
