"""Install the built wheel the way a user does, twice, and run the smoke checks.

    python scripts/check_install.py [--mode locked|newest|both] [--json] [--keep DIR]

* ``locked``: ``pip install -c constraints.txt dist/*.whl`` — exactly what CI tested.
* ``newest``: ``pip install --upgrade --upgrade-strategy eager dist/*.whl`` — the newest release
  of every dependency, to notice a break (like lxml 6.2 dropping ``lxml.html.clean`` on
  2026-12-05) before users do.

Each path gets a fresh virtual environment, then ``pip check``, the suite's install smoke test
(``tests/test_smoke.py``, run from a folder outside the checkout so that the installed wheel is
what gets imported) and ``skg demo --no-dashboard`` in an empty folder. When the newest path
fails, every dependency whose newest version differs from the lock is tried alone on top of the
lock, and the ones that break are named. Needs the registries (PyPI); never run by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "constraints.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


@dataclass
class Outcome:
    """What one install path did, with the wall time of each step in seconds."""

    mode: str
    ok: bool = True
    failed_step: str = ""
    detail: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    differs_from_lock: list[str] = field(default_factory=list)
    culprits: list[str] = field(default_factory=list)


def norm(name: str) -> str:
    """PEP 503 normalised name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins_of(text: str) -> dict[str, str]:
    """``name → version`` of ``==`` lines (constraints or ``pip freeze`` output)."""
    found = {}
    for line in text.splitlines():
        match = PIN.match(line.strip())
        if match:
            found[norm(match.group(1))] = match.group(2)
    return found


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 1800) -> str:
    """Run ``command``; raise ``RuntimeError`` with the tail of its output when it fails."""
    done = subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True,
                          text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-25:])
        raise RuntimeError(f"`{' '.join(command)}` exited {done.returncode}:\n{tail}")
    return done.stdout


def build_wheel(work: Path) -> Path:
    """``python -m build --wheel`` of the checkout into ``work/dist``."""
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(ROOT)], cwd=ROOT)
    return next((work / "dist").glob("stakeholder_graph-*.whl"))


def base_python() -> str:
    """The interpreter new environments are made from (the base of a venv, not the venv)."""
    return getattr(sys, "_base_executable", sys.executable)


def make_venv(path: Path) -> Path:
    """A fresh virtual environment with the locked pip; returns its python."""
    run([base_python(), "-m", "venv", str(path)], cwd=path.parent)
    python = path / "bin" / "python"
    run([str(python), "-m", "pip", "install", "-q", "-c", str(LOCK), "pip"], cwd=path.parent)
    return python


def install_args(mode: str, wheel: Path, constraints: Path) -> list[str]:
    """pip arguments of one install path (the smoke test needs pytest besides the wheel)."""
    if mode == "newest":
        return ["install", "-q", "--upgrade", "--upgrade-strategy", "eager", str(wheel), "pytest"]
    return ["install", "-q", "-c", str(constraints), str(wheel), "pytest"]


def smoke(python: Path, work: Path, tag: str) -> None:
    """The suite's smoke test against the installed wheel, then ``skg demo`` in an empty folder."""
    folder = work / f"smoke-{tag}"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "test_smoke.py", folder / "test_smoke.py")
    run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_smoke.py"], cwd=folder)
    empty = work / f"demo-{tag}"
    empty.mkdir()
    out = run([str(python.parent / "skg"), "demo", "--no-dashboard"], cwd=empty,
              env={"SKG_HOME": str(empty / ".skg")})
    if "snapshot" not in out:
        raise RuntimeError(f"skg demo printed no snapshot:\n{out[-2000:]}")


def timed(outcome: Outcome, step: str, action: object) -> object:
    """Run ``action()`` and record its wall time under ``step``; a failure ends the path."""
    started = time.perf_counter()
    try:
        return action()  # type: ignore[operator]
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        outcome.ok, outcome.failed_step, outcome.detail = False, step, str(exc)
        raise
    finally:
        outcome.seconds[step] = round(time.perf_counter() - started, 1)


def install_path(mode: str, wheel: Path, work: Path, constraints: Path = LOCK, tag: str = "") -> Outcome:
    """One install path from an empty environment to a finished demo."""
    outcome = Outcome(mode)
    tag = tag or mode
    env_dir = work / f"venv-{tag}"
    try:
        python = timed(outcome, "venv", lambda: make_venv(env_dir))
        assert isinstance(python, Path)
        pip = [str(python), "-m", "pip"]
        timed(outcome, "install", lambda: run([*pip, *install_args(mode, wheel, constraints)], cwd=work))
        timed(outcome, "pip check", lambda: run([str(python), "-m", "pip", "check"], cwd=work))
        timed(outcome, "smoke + demo", lambda: smoke(python, work, tag))
        freeze = run([str(python), "-m", "pip", "freeze", "--all"], cwd=work)
        locked = pins_of(LOCK.read_text(encoding="utf-8"))
        outcome.differs_from_lock = sorted(f"{n} {v} (locked {locked[n]})" for n, v in pins_of(freeze).items()
                                           if n in locked and locked[n] != v)
    except (RuntimeError, subprocess.TimeoutExpired):
        pass
    outcome.seconds["total"] = round(sum(outcome.seconds.values()), 1)
    return outcome


def newest_versions(wheel: Path, work: Path) -> dict[str, str]:
    """What an eager upgrade resolves to, without installing (pip's dry-run report)."""
    python = make_venv(work / "venv-resolve")
    report = work / "resolve.json"
    run([str(python), "-m", "pip", "install", "-q", "--dry-run", "--ignore-installed",
         "--report", str(report), str(wheel), "pytest"], cwd=work)
    items = json.loads(report.read_text(encoding="utf-8"))["install"]
    return {norm(i["metadata"]["name"]): i["metadata"]["version"] for i in items}


def find_culprits(wheel: Path, work: Path) -> list[str]:
    """Each dependency whose newest release differs from the lock, tried alone on top of the lock."""
    locked = pins_of(LOCK.read_text(encoding="utf-8"))
    newest = newest_versions(wheel, work)
    culprits = []
    for name, version in sorted(newest.items()):
        if name not in locked or locked[name] == version or name == "stakeholder-graph":
            continue
        constraints = work / f"constraints-{name}.txt"
        others = [f"{n}=={v}" for n, v in locked.items() if n != name]
        constraints.write_text("\n".join([*others, f"{name}=={version}"]) + "\n", encoding="utf-8")
        trial = install_path("locked", wheel, work, constraints, tag=f"only-{name}")
        if not trial.ok:
            culprits.append(f"{name} {version} (locked {locked[name]}) breaks {trial.failed_step}")
    return culprits


def print_table(outcomes: list[Outcome]) -> None:
    """One row per install path."""
    steps = ["venv", "install", "pip check", "smoke + demo", "total"]
    print(f"{'path':8} " + " ".join(f"{s:>13}" for s in steps) + "  result")
    for o in outcomes:
        cells = " ".join(f"{o.seconds.get(s, float('nan')):>12.1f}s" for s in steps)
        print(f"{o.mode:8} {cells}  {'ok' if o.ok else 'FAILED at ' + o.failed_step}")
    for o in outcomes:
        if o.differs_from_lock:
            print(f"\n{o.mode}: {len(o.differs_from_lock)} packages newer than the lock: "
                  + ", ".join(o.differs_from_lock))
        if not o.ok:
            print(f"\n{o.mode} failed at {o.failed_step}:\n{o.detail}")
        for culprit in o.culprits:
            print(f"{o.mode}: culprit: {culprit}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=("locked", "newest", "both"), default="both")
    parser.add_argument("--json", action="store_true", help="print one JSON object per install path")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="skg-install-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        wheel = build_wheel(work)
        build_s = round(time.perf_counter() - started, 1)
        modes = ["locked", "newest"] if args.mode == "both" else [args.mode]
        outcomes = [install_path(mode, wheel, work) for mode in modes]
        for outcome in outcomes:
            if outcome.mode == "newest" and not outcome.ok:
                outcome.culprits = find_culprits(wheel, work)
        if args.json:
            for outcome in outcomes:
                print(json.dumps({"wheel": wheel.name, "build_s": build_s, **asdict(outcome)}))
        else:
            print(f"wheel {wheel.name} built in {build_s} s")
            print_table(outcomes)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
