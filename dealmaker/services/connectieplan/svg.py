"""The drawing as SVG, without Qt: names are text (searchable and editable in a drawing
program), relations dashed when cold and wider when stronger."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from dealmaker.graph.model import DEAL, OPGAVE, ORGANISATION, PERSON, REGIO, RELATION, RIJK
from dealmaker.services.connectieplan.drawing import PlanDrawing

COLOURS = {RIJK: "#1f5fa8", REGIO: "#c8702a", OPGAVE: "#7b4fa0", DEAL: "#3c4650"}
SIZES = {ORGANISATION: 20.0, OPGAVE: 26.0, DEAL: 30.0}
MARGIN = 120.0


def write_svg(drawing: PlanDrawing, path: Path) -> None:
    pos = drawing.positions
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    left, top = min(xs) - MARGIN, min(ys) - MARGIN
    width, height = max(xs) - left + MARGIN, max(ys) - top + MARGIN
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} '
           f'{width:.1f} {height:.1f}" width="{width:.0f}" height="{height:.0f}" '
           'font-family="sans-serif" font-size="11">',
           f"<title>{escape('Connectieplan ' + drawing.plan.title)}</title>",
           f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" '
           'fill="white"/>', '<g id="verbindingen">']
    for e in drawing.plan.edges:
        if e.source not in pos or e.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        if e.kind == RELATION:
            style = f'stroke="#32373e" stroke-width="{0.6 + e.strength * 0.8:.1f}"' + (
                ' stroke-dasharray="6 4"' if e.cold else "")
        else:
            style = 'stroke="#8c949e" stroke-opacity="0.45" stroke-width="1"'
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}/>')
    out.append('</g><g id="knopen">')
    for n in drawing.plan.nodes:
        x, y = pos.get(n.id, (0.0, 0.0))
        size = SIZES.get(n.kind, 14.0)
        colour = COLOURS.get(n.kind if n.kind in (OPGAVE, DEAL) else n.side or "", "#8a9199")
        half = size / 2
        if n.kind == OPGAVE:
            shape = (f'<polygon points="{x:.1f},{y - half:.1f} {x + half:.1f},{y:.1f} '
                     f'{x:.1f},{y + half:.1f} {x - half:.1f},{y:.1f}"')
        elif n.kind == PERSON:
            shape = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{half:.1f}"'
        else:
            shape = (f'<rect x="{x - half:.1f}" y="{y - half:.1f}" width="{size:.1f}" '
                     f'height="{size:.1f}" rx="{3 if n.kind == ORGANISATION else 0}"')
        out.append(f'{shape} fill="{colour}" stroke="#222" stroke-width="0.6"/>')
        out.append(f'<text x="{x:.1f}" y="{y + half + 12:.1f}" text-anchor="middle">'
                   f"{escape(n.label)}</text>")
    out.append("</g></svg>\n")
    path.write_text("\n".join(out), encoding="utf-8")

