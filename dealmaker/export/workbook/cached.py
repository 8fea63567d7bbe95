"""Store the values of the Totaal formulas in the saved file.

openpyxl writes a formula with an empty value. Readers that do not recompute (previews,
Power BI, pandas) would show nothing; so after saving, each ``<f>SUM(..)</f>`` cell of a
Totaal row gets its exact value (computed from the same Decimal euros the rows hold).
A spreadsheet application recomputes on opening anyway (fullCalcOnLoad).
"""

from __future__ import annotations

import os
import re
import zipfile
from decimal import Decimal
from pathlib import Path

_FORMULA = re.compile(r"<f>([^<]+)</f>(?:<v\s*/>|<v></v>|<v>[^<]*</v>)?")


def fill_formula_values(path: Path, values: dict[int, dict[str, Decimal]]) -> None:
    """``values``: per sheet number (1-based, as in xl/worksheets/sheetN.xml), formula
    text (without '=') -> value. Rewrites ``path`` in place (it is still a temp file)."""
    wanted = {f"xl/worksheets/sheet{n}.xml": v for n, v in values.items() if v}
    if not wanted:
        return
    tmp = path.with_name(path.name + ".cache")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in wanted:
                data = _fill(data.decode("utf-8"), wanted[item.filename]).encode("utf-8")
            dst.writestr(item, data)
    os.replace(tmp, path)


def _fill(xml: str, values: dict[str, Decimal]) -> str:
    def put(match: re.Match[str]) -> str:
        formula = match.group(1)
        if formula not in values:
            return match.group(0)
        return f"<f>{formula}</f><v>{_number(values[formula])}</v>"

    return _FORMULA.sub(put, xml)


def _number(value: Decimal) -> str:
    """An exact decimal as the file's number text (no exponent)."""
    return format(value, "f")
