"""The Samenvatting sheet: one printed page a minister can read, with a money chart."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from dealmaker.export.cells import DATE_FORMAT, EURO_FORMAT, keep_text, xml_text
from dealmaker.export.workbook.model import DATE, EURO, INT, PERCENT, Summary, SummaryLine

HEADING = "heading"
_FORMATS = {EURO: EURO_FORMAT, DATE: DATE_FORMAT, INT: "0", PERCENT: "0.0%"}


def write_summary(wb: Any, summary: Summary) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    ws = wb.create_sheet("Samenvatting")
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 18
    ws.column_dimensions["D"].width = 18
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    title = WriteOnlyCell(ws, xml_text(summary.title))
    keep_text(title)
    title.font = Font(bold=True, size=16)
    ws.append([title])
    ws.append([])
    bold = Font(bold=True)
    row = 2
    for n, line in enumerate(summary.lines):
        if line.kind == HEADING and n:
            ws.append([])  # air between the blocks
            row += 1
        ws.append(_line(ws, line, bold))
        row += 1
    if summary.money_by_year:
        money_table(ws, summary.money_by_year, bold, row + 2)


def _line(ws: Any, line: SummaryLine, bold: Any) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell

    label = WriteOnlyCell(ws, xml_text(line.label))
    keep_text(label)
    if line.kind == HEADING:
        label.font = _heading_font()
        return [label]
    value = WriteOnlyCell(ws, xml_text(line.value) if isinstance(line.value, str)
                          else line.value)
    keep_text(value)
    if line.kind in _FORMATS and line.value is not None:
        value.number_format = _FORMATS[line.kind]
    return [label, value]


def _heading_font() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True, size=12)


def money_table(ws: Any, by_year: list[tuple[int, Decimal, Decimal]], bold: Any,
                start: int) -> None:
    """A small table of money per year from row ``start`` (its header) and a bar chart."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, Reference

    ws.append([])
    header = [WriteOnlyCell(ws, h) for h in ("Geld per jaar", "Jaar", "Toegezegd",
                                              "Gerealiseerd")]
    for cell in header:
        cell.font = bold
    ws.append(header)
    for year, pledged, realised in by_year:
        cells = [WriteOnlyCell(ws, None), WriteOnlyCell(ws, year),
                 WriteOnlyCell(ws, pledged), WriteOnlyCell(ws, realised)]
        for cell in cells[2:]:
            cell.number_format = EURO_FORMAT
        ws.append(cells)
    end = start + len(by_year)
    chart = BarChart()
    chart.title = "Cofinanciering per jaar: toegezegd en gerealiseerd (€)"
    chart.y_axis.title = "€"
    chart.height, chart.width = 7, 16
    chart.add_data(Reference(ws, min_col=3, max_col=4, min_row=start, max_row=end),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=start + 1, max_row=end))
    ws.add_chart(chart, f"A{end + 2}")
