"""LibreOffice headless as the spreadsheet that recomputes: every sheet to CSV.

A throwaway profile sets OOXMLRecalcMode to 0 ("always recalculate"), so the values read
back are LibreOffice's own results of the formulas, not the values stored in the file.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
#: separator, quote, UTF-8, from line 1, -, language, -, detect numbers, raw values (not
#: as shown), no formulas, -, every sheet (-1)
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def profile(folder: Path) -> str:
    """A fresh LibreOffice user profile in ``folder`` that always recalculates."""
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
    return folder.resolve().as_uri()


def convert(files: list[Path], out: Path, target: str, work: Path) -> None:
    assert SOFFICE is not None
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={profile(work)}",
                    "--convert-to", target, "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=300)


def sheets_as_csv(xlsx: Path, out: Path) -> dict[str, list[list[str]]]:
    """Sheet name -> rows of LibreOffice's recomputed values (read after ``convert``)."""
    result = {}
    for path in out.glob(f"{xlsx.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            result[path.stem[len(xlsx.stem) + 1:]] = list(csv.reader(f))
    return result
