"""Peak memory and time for 50 MB inputs: refused at the size limit, or read with the limit raised.

For each format (plain text, JSON Lines, HTML, RSS) a file of ``--mb`` MiB is
written, then

* ``skg ingest FILE`` runs with the default ``max_file_mb`` (20): the file must
  be refused from its size, so the peak resident memory of the whole command
  should equal that of ingesting a small file;
* the reader alone (decode + reader, nothing stored) runs in a child process
  with ``max_file_mb`` raised above the file size: how much memory reading a
  file that big really takes.

Peak memory is the child's maximum resident set size (``getrusage``).

    python -m bench.bench_hostile [--mb 50] [--formats text,jsonl,html,feed] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench._util import emit

WORDS = ["Gemeinde", "Landkreis", "Rathaus", "Bürgerportal", "Rechenzentrum", "Dienstleister", "Verwaltung",
         "Akte", "Cloud", "Förderung", "Glasfaser", "Schule", "Stadtrat", "Bürgermeisterin", "Software"]
READ_ONLY = ("import sys; from graph.ingest.readers import read_source; "
             "from graph.ingest.sources import RawSource; p = sys.argv[1]; data = open(p, 'rb').read(); "
             "items = list(read_source(RawSource(p, p, data, suffix='.' + p.rsplit('.', 1)[-1]))); "
             "print(len(items), type(items[-1]).__name__, getattr(items[-1], 'message', ''))")
# format: (file name, head, one record from (number, text), tail)
FORMATS: dict[str, tuple[str, str, Callable[[int, str], str], str]] = {
    "text": ("gross.txt", "Titel\n\n", lambda i, t: f"{t}\n\n", ""),
    "jsonl": ("gross.jsonl", "", lambda i, t: json.dumps({"id": f"r{i}", "title": f"Meldung {i}", "text": t},
                                                         ensure_ascii=False) + "\n", ""),
    "html": ("gross.html", "<!DOCTYPE html><html><head><title>T</title></head><body><article>",
             lambda i, t: f"<p>{t}</p>\n", "</article></body></html>\n"),
    "feed": ("gross.xml", '<?xml version="1.0"?><rss version="2.0"><channel>',
             lambda i, t: f"<item><title>Meldung {i}</title><link>https://example.org/{i}</link>"
                          f"<description>{t}</description></item>\n", "</channel></rss>\n"),
}


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def write_big(folder: Path, fmt: str, size: int, seed: int = 1) -> Path:
    """A file of about ``size`` bytes in format ``fmt`` (text, jsonl, html or feed)."""
    rng = random.Random(seed)
    name, head, record, tail = FORMATS[fmt]
    path = folder / name
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        i = 0
        while out.tell() < size:
            out.write(record(i, _sentence(rng, 200)))
            i += 1
        out.write(tail)
    return path


def _child(argv: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run ``argv``; its wall seconds, peak resident MB (its own, from ``wait4``) and last output line."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
    said = next((ln for ln in lines if ln.startswith("failed")), None)
    said = said or next((" ".join(ln.replace("│", " ").split()) for ln in lines if "total" in ln), None)
    return {"seconds": round(time.perf_counter() - started, 1), "peak_mb": round(usage.ru_maxrss / 1024, 1),
            "exit": proc.returncode, "said": (said or (lines[-1] if lines else ""))[:110]}


def run(mb: float, formats: list[str]) -> list[dict[str, Any]]:
    """One refused and one raised-limit row per format, plus a small file for comparison."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="skg-hostile-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("SKG_")}
        small = work / "klein.txt"
        small.write_text("Titel\n\n" + _sentence(random.Random(0), 50), encoding="utf-8")
        rows.append({"input": "small text file", "limit": "default", **_child(
            [sys.executable, "-m", "graph", "--home", str(work / "h0"), "ingest", str(small)], env)})
        for fmt in formats:
            path = write_big(work, fmt, int(mb * 1024 * 1024))
            size = round(path.stat().st_size / 1024 / 1024, 1)
            rows.append({"input": f"{size} MiB {fmt}", "limit": "default (20 MiB)", **_child(
                [sys.executable, "-m", "graph", "--home", str(work / f"h-{fmt}"), "ingest", str(path)], env)})
            rows.append({"input": f"{size} MiB {fmt}", "limit": "raised, reader only", **_child(
                [sys.executable, "-c", READ_ONLY, str(path)], env)})
            path.unlink()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--formats", default="text,jsonl,html,feed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    emit(run(args.mb, args.formats.split(",")), args.json)


if __name__ == "__main__":
    main()
