#!/usr/bin/env bash
# Refresh constraints.txt, the lock every install of this repository uses (README, scripts/test.sh, CI).
# It pins the runtime dependencies and the `test` extra, transitive ones included, for CPython 3.11 on
# Linux x86_64 (what CI runs), plus pip itself. Needs uv (`pip install uv`); see docs/install.md.
set -euo pipefail
cd "$(dirname "$0")/.."
uv pip compile pyproject.toml scripts/lock-tools.in --extra test \
  --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
  --custom-compile-command "bash scripts/lock.sh" --no-emit-index-url \
  --output-file constraints.txt --quiet "$@"
echo "constraints.txt: $(grep -c '==' constraints.txt) pins"
