"""The plan as a workbook: per opgave its owner, contacts on both sides, warmth and
findings ("Bevindingen"); every edge in a second sheet; the plan's own findings in a third."""

from __future__ import annotations

from pathlib import Path

from dealmaker.domain.dates import format_date
from dealmaker.graph.analysis import findings, opgave_findings, opgave_views
from dealmaker.graph.model import Plan

KIND_NAMES = {"relation": "relatie", "position": "functie", "unit": "onderdeel van",
              "party": "dealpartij", "owner": "eigenaar", "opgave": "opgave van de deal",
              "works_on": "werkt aan"}


def _text(value: str) -> str:
    """Cells hold text, never a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_workbook(plan: Plan, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    nodes = plan.by_id()
    book = Workbook()
    sheet = book.active
    sheet.title = "Opgaven"
    sheet.append(["Opgave", "Eigenaar bij het Rijk", "Rijkscontacten", "Regionale contacten",
                  "Warm", "Bevindingen"])
    for view in opgave_views(plan):
        sheet.append([_text(v) for v in (
            view.opgave.label, ", ".join(o.label for o in view.owners),
            ", ".join(p.label for p in view.rijk), ", ".join(p.label for p in view.regio),
            "ja" if view.warm else "nee",
            "\n".join(f.text for f in opgave_findings(view)))])
    edges = book.create_sheet("Verbindingen")
    edges.append(["Van", "Naar", "Soort", "Sterkte", "Laatste contact", "Koud"])
    for e in plan.edges:
        if e.source in nodes and e.target in nodes:
            edges.append([_text(nodes[e.source].label), _text(nodes[e.target].label),
                          KIND_NAMES.get(e.kind, e.kind), e.strength or None,
                          format_date(e.last_contact),
                          ("ja" if e.cold else "nee") if e.kind == "relation" else ""])
    overall = book.create_sheet("Bevindingen")
    overall.append(["Over", "Bevinding"])
    for f in findings(plan):
        overall.append([_text(nodes[f.node_id].label), _text(f.text)])
    for ws in (sheet, edges, overall):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for column in ws.columns:
            ws.column_dimensions[column[0].column_letter].width = 28
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)
