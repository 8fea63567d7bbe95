"""kill -9 during ``demo``: afterwards there is no file (new target) or the old workspace
as it was (``--force`` over an existing one), or the complete demo; never a damaged file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from dealmaker.services.health import check_workspace
from tests.faults.kit import Outcome, complete_run, killed_run, moments, report

PERSONS = 300
DEMO = f"""
import sys
from pathlib import Path
from dealmaker.services.demo import demo_steps
print("start", flush=True)
for _step in demo_steps(Path(sys.argv[1]), {PERSONS}, replace=sys.argv[2] == "force"):
    pass
print("done", flush=True)
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_kill_during_demo_leaves_nothing_or_old_or_complete(tmp_path: Path,
                                                            empty_template: Path) -> None:
    reference = tmp_path / "ref" / "demo.dealmaker"
    reference.parent.mkdir()
    duration = complete_run(DEMO, str(reference), "new")
    complete = check_workspace(reference).row_counts
    assert complete["person"] == PERSONS
    outcomes: list[Outcome] = []
    for run, after in enumerate(moments("demo", duration)):
        path = tmp_path / f"run{run}" / "demo.dealmaker"
        path.parent.mkdir()
        force = run % 2 == 1  # every other run replaces an existing workspace
        if force:
            shutil.copyfile(empty_template, path)
            old = digest(path)
        outcomes.append(killed_run(DEMO, str(path), "force" if force else "new",
                                   after=after))
        if not path.exists():
            assert not force, f"run {run}: the workspace it was to replace is gone"
            outcomes[-1].left = "geen bestand"
            continue
        health = check_workspace(path)  # raises for a damaged file
        if health.row_counts["person"] == PERSONS:
            assert health.row_counts == complete, f"run {run}"
            outcomes[-1].left = "nieuw"
        else:
            assert force and digest(path) == old, f"run {run}"
            outcomes[-1].left = "oud"
    report("demo", outcomes)
