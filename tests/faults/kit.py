"""Kill -9 at random moments of a real subprocess, then look at what it left.

The child prints ``start`` right before the operation (imports done) and ``done`` after
it. One complete run measures how long the operation takes; each further run is killed
(SIGKILL) after a random part of that time, so the kills spread over the whole operation.
Time only chooses the kill moment: no test asserts on it.
``DEALMAKER_FAULT_RUNS`` (default 3) is the number of killed runs per kind;
``DEALMAKER_FAULT_SEED`` changes the random moments.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

RUNS = int(os.environ.get("DEALMAKER_FAULT_RUNS", "3"))
SEED = int(os.environ.get("DEALMAKER_FAULT_SEED", "2026"))


@dataclass
class Outcome:
    killed: bool
    after: float
    #: what the kill left, filled in by the test: "oud", "nieuw", "geen bestand"
    left: str = "?"


def start(script: str, *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "start", (line, proc.stderr.read() if proc.stderr else "")
    return proc


def complete_run(script: str, *args: str) -> float:
    """Run to the end; return how long the operation took (seconds)."""
    proc = start(script, *args)
    began = time.perf_counter()
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "done" in out, err
    return time.perf_counter() - began


def killed_run(script: str, *args: str, after: float) -> Outcome:
    """Start, wait ``after`` seconds from the start of the operation, kill -9."""
    proc = start(script, *args)
    time.sleep(after)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=300)
    return Outcome(killed, after)


def moments(kind: str, duration: float) -> list[float]:
    """RUNS kill moments spread over the operation (stratified, reproducible); the last
    tenth is left out, where run-to-run variation would let the operation finish."""
    rng = random.Random(f"{SEED}-{kind}")
    return [0.9 * duration * (i + rng.random()) / RUNS for i in range(RUNS)]


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        conn.close()


def report(kind: str, outcomes: list[Outcome]) -> None:
    """One line for the note (``pytest -s``): runs, kills and what they left."""
    killed = sum(o.killed for o in outcomes)
    left = Counter(o.left for o in outcomes)
    forms = ", ".join(f"{name}: {n}" for name, n in sorted(left.items()))
    print(f"kill -9 {kind}: {len(outcomes)} runs, {killed} killed mid-way, all passed "
          f"({forms})")
