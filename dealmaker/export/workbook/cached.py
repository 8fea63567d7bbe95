"""Finish the saved file: splice in the data rows and store the Totaal formulas' values.

openpyxl writes each sheet with empty placeholder rows where the data goes
(``rows.Body``); here they are replaced by the rows' XML in one pass over the zip.
openpyxl also writes a formula with an empty value. Readers that do not recompute
(previews, Power BI, pandas) would show nothing; so each ``<f>SUM(..)</f>`` cell of a
Totaal row gets its exact value (computed from the same Decimal euros the rows hold).
A spreadsheet application recomputes on opening anyway (fullCalcOnLoad).
"""

from __future__ import annotations

import os
import re
import zipfile
from decimal import Decimal
from pathlib import Path

from dealmaker.export.workbook.rows import Body

_FORMULA = re.compile(r"<f>([^<]+)</f>(?:<v\s*/>|<v></v>|<v>[^<]*</v>)?")


def _member(n: int) -> str:
    return f"xl/worksheets/sheet{n}.xml"


def finish(path: Path, values: dict[int, dict[str, Decimal]],
           bodies: dict[int, Body]) -> None:
    """``values``: per sheet number (1-based, as in xl/worksheets/sheetN.xml), formula
    text (without '=') -> value; ``bodies``: per sheet number, the rows to splice in.
    Rewrites ``path`` in place (it is still a temp file)."""
    touched = {_member(n) for n, v in values.items() if v} | {_member(n) for n in bodies}
    if not touched:
        return
    tmp = path.with_name(path.name + ".cache")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in touched:
                n = int(item.filename[len("xl/worksheets/sheet"):-len(".xml")])
                xml = data.decode("utf-8")
                if n in bodies:
                    xml = _splice(xml, bodies[n])
                if values.get(n):
                    xml = _fill(xml, values[n])
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    os.replace(tmp, path)


def fill_formula_values(path: Path, values: dict[int, dict[str, Decimal]]) -> None:
    finish(path, values, {})


def _placeholder(r: int) -> re.Pattern[str]:
    return re.compile(rf'<row r="{r}"(?:\s*/>|\s*>\s*</row>)')


def _splice(xml: str, body: Body) -> str:
    if body.last < body.first:
        return xml
    start = _placeholder(body.first).search(xml)
    end = _placeholder(body.last).search(xml, start.start() if start else 0)
    if start is None or end is None:
        raise ValueError(f"placeholder rows {body.first}..{body.last} not found")
    return xml[:start.start()] + body.xml + xml[end.end():]


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

