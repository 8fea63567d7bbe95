"""Benchmark window start-up on the large workspace against a bare PySide6 window.

    .venv/bin/python bench/bench_startup.py [--db PATH] [--runs 5]

(a) Baseline: ``python -c`` that imports PySide6, creates a QApplication and a
    QMainWindow, shows it and lets the event loop turn once.
(b) dealmaker: ``python -c`` running ``dealmaker.ui.app.run_gui`` on the workspace with
    ``DEALMAKER_EXIT_AFTER_SHOW=1``: the window reports its first paint (interactive) and
    the moment its first page shows its data, then closes itself.
Both are timed from just before the subprocess starts (interpreter start included) to
the moment the child reports; medians over ``--runs``. Target: (b) first paint < 1 s.

Without ``--db`` the large demo workspace is created once (``create_demo(path,
"large")``, about 30 s) and cached under /tmp. Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 1.0
DEFAULT_DB = Path(tempfile.gettempdir()) / "dealmaker-bench" / "large.dealmaker"

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def done():
    print(f"DEALMAKER_SHOWN {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

DEALMAKER = """
import sys
from pathlib import Path
from dealmaker.ui.app import run_gui
sys.exit(run_gui(Path(sys.argv[1]), first_start_demo=False))
"""


def _ensure_db(path: Path) -> Path:
    if path.exists():
        return path
    try:
        from dealmaker.services.demo import create_demo
    except ImportError:
        sys.exit(f"{path} bestaat niet en de demogenerator is niet beschikbaar.")
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"Grote demowerkruimte maken in {path} (eenmalig, ~30 s)...", flush=True)
    start = time.perf_counter()
    create_demo(path, "large")
    print(f"  klaar in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def _run(code: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from just before the start of the child to each mark it printed."""
    start = time.time()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    marks = {}
    for line in proc.stdout.splitlines():
        if line.startswith("DEALMAKER_"):
            name, stamp = line.split()
            marks[name] = float(stamp) - start
    if proc.returncode != 0 or "DEALMAKER_SHOWN" not in marks:
        sys.exit(f"kind faalde (code {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return marks


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    db = _ensure_db(args.db.resolve())

    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["DEALMAKER_EXIT_AFTER_SHOW"] = "1"
    with tempfile.TemporaryDirectory() as data:
        env["DEALMAKER_DATA_DIR"] = data  # window state of the runs stays out of the home
        _run(BARE, env=env)  # warm the page cache and the .pyc files
        _run(DEALMAKER, str(db), env=env)
        bare = [_run(BARE, env=env) for _ in range(args.runs)]
        ours = [_run(DEALMAKER, str(db), env=env) for _ in range(args.runs)]

    from dealmaker.storage.fileguard import inspect_file

    check_start = time.perf_counter()
    inspect_file(db)
    check = time.perf_counter() - check_start

    base = _median(bare, "DEALMAKER_SHOWN")
    shown = _median(ours, "DEALMAKER_SHOWN")
    data = _median(ours, "DEALMAKER_DATA")
    size_mb = db.stat().st_size / 1e6
    print(f"workspace            {db} ({size_mb:.0f} MB)")
    print(f"(a) bare PySide6     {base:6.3f} s  QApplication + QMainWindow shown, one loop turn")
    print(f"(b) dealmaker shown  {shown:6.3f} s  main window painted, interactive")
    print(f"    first page data  {data:6.3f} s  Overzicht counts and tables shown")
    print(f"    of which check   {check:6.3f} s  open_workspace's read-only PRAGMA quick_check")
    print(f"ratio (b)/(a)        {shown / base:6.2f}")
    verdict = "gehaald" if shown < TARGET_S else "NIET gehaald"
    print(f"target               < {TARGET_S:.1f} s to an interactive window: {verdict}")
    return 0 if shown < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
