"""Benchmark: graph build time and peak memory on synthetic corpora.

Each size runs in a fresh subprocess so peak RSS (``ru_maxrss``) is that
build's own; the RSS before the build (corpus already in memory) is printed
next to it. Target: 100k articles in <= 60 s and <= 2 GB.

    python -m bench.bench_build            # 1k, 10k, 100k
    python -m bench.bench_build --sizes 1000 --json
    python -m bench.bench_build --sizes 20000 --publishers 25   # documents spread over 25 outlets
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(n_articles: int, seed: int = 42, publishers: int = 0) -> dict[str, float | int | str]:
    """Generate a corpus and build it; returns timings and memory."""
    from bench._util import timed
    from bench.synthetic import generate
    from graph.build.builder import build_graph
    from graph.settings import load_settings

    settings = load_settings(env={}, use_file=False)
    t0 = time.perf_counter()
    corpus = generate(n_articles, seed=seed, publishers=publishers)
    gen_s = time.perf_counter() - t0
    before = _rss_mb()
    data, build_s, build_cpu = timed(lambda: build_graph(corpus.articles, corpus.resolution, settings))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "measurement": "build",
        "articles": n_articles,
        "publishers": publishers,
        "documents": len(corpus.articles),
        "nodes": len(data.nodes),
        "edges": len(data.edges),
        "comentions": int(data.meta["comentions_total"]),
        "corroborated": int(data.meta.get("evidence_levels", {}).get("corroborated", 0)),
        "reprinted_texts": int(data.meta.get("reprinted_texts", 0)),
        "generate_s": round(gen_s, 2),
        "build_s": round(build_s, 2),
        "build_cpu_s": round(build_cpu, 2),
        "rss_before_build_mb": round(before),
        "peak_rss_mb": round(peak),
        "snapshot_id": data.snapshot_id,
    }


def main(argv: list[str] | None = None) -> int:
    from bench._util import emit

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--json", action="store_true", help="one JSON object per measurement")
    parser.add_argument("--publishers", type=int, default=0, help="spread documents over N outlets")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, publishers=args.publishers)))
        return 0
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, "-m", "bench.bench_build", "--child", str(n),
               "--publishers", str(args.publishers)]
        out = subprocess.run(cmd, check=False, capture_output=True, text=True)
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return out.returncode
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    emit(rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
