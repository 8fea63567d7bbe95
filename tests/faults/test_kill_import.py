"""kill -9 during ``dealmaker import``: the workspace has all rows of the file or none."""

from __future__ import annotations

import shutil
from pathlib import Path

from importing.kit import write_csv

from dealmaker.services.health import check_workspace
from tests.faults.kit import Outcome, complete_run, killed_run, moments, report

ROWS = 1500
IMPORT = """
import sys
from dealmaker.__main__ import main
print("start", flush=True)
code = main(["import", "--db", sys.argv[1], sys.argv[2]])
print("done" if code == 0 else f"exit {code}", flush=True)
"""


def test_kill_during_import_leaves_all_or_nothing(tmp_path: Path,
                                                  empty_template: Path) -> None:
    source = write_csv(tmp_path / "contacten.csv", [
        ["Voornaam", "Achternaam", "E-mailadres", "Bedrijf", "Functie"],
        *([f"Voor{i}", f"Achter{i}", f"p{i}@voorbeeld.nl", f"Gemeente {i % 40}", "Adviseur"]
          for i in range(ROWS))])
    reference = tmp_path / "ref.dealmaker"
    shutil.copyfile(empty_template, reference)
    duration = complete_run(IMPORT, str(reference), str(source))
    complete = check_workspace(reference).row_counts
    empty = check_workspace(empty_template).row_counts
    assert complete["person"] == ROWS
    outcomes: list[Outcome] = []
    for run, after in enumerate(moments("import", duration)):
        path = tmp_path / f"run{run}.dealmaker"
        shutil.copyfile(empty_template, path)
        outcomes.append(killed_run(IMPORT, str(path), str(source), after=after))
        counts = check_workspace(path).row_counts  # raises for a damaged file
        assert counts in (empty, complete), f"run {run}: {counts}"
        outcomes[-1].left = "nieuw" if counts == complete else "oud"
    report("import", outcomes)
