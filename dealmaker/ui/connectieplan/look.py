"""Colours, sizes and edge styles of the canvas, and the legend that explains them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from dealmaker.graph.model import DEAL, OPGAVE, ORGANISATION, REGIO, RELATION, RIJK, Edge, Node

RIJK_COLOUR = QColor("#1f5fa8")
REGIO_COLOUR = QColor("#c8702a")
OPGAVE_COLOUR = QColor("#7b4fa0")
DEAL_COLOUR = QColor("#3c4650")
NEUTRAL = QColor("#8a9199")
RELATION_COLOUR = QColor(50, 55, 62, 200)
STRUCTURE_COLOUR = QColor(140, 148, 158, 110)

#: node size (diameter or height) by kind
SIZES = {ORGANISATION: 20.0, OPGAVE: 26.0, DEAL: 30.0}
PERSON_SIZE = 14.0


def node_colour(node: Node) -> QColor:
    if node.kind == OPGAVE:
        return OPGAVE_COLOUR
    if node.kind == DEAL:
        return DEAL_COLOUR
    return {RIJK: RIJK_COLOUR, REGIO: REGIO_COLOUR}.get(node.side or "", NEUTRAL)


def node_size(node: Node) -> float:
    return SIZES.get(node.kind, PERSON_SIZE)


def edge_style(edge: Edge) -> tuple[str, int, bool]:
    """The key of the path item an edge is drawn in: (group, strength, cold)."""
    if edge.kind == RELATION:
        return ("relatie", max(1, min(edge.strength, 5)), edge.cold)
    return ("structuur", 0, False)


def pen_for(style: tuple[str, int, bool]) -> QPen:
    group, strength, cold = style
    if group != "relatie":
        pen = QPen(STRUCTURE_COLOUR, 1.0)
    else:
        pen = QPen(RELATION_COLOUR, 0.6 + strength * 0.8)
        if cold:
            pen.setStyle(Qt.PenStyle.DashLine)
    pen.setCosmetic(True)  # the same width at every zoom level
    return pen


def legend_html() -> str:
    def swatch(colour: QColor, text: str, mark: str = "●") -> str:
        return f"<span style='color:{colour.name()}'>{mark}</span>&nbsp;{text}"

    rows = [swatch(RIJK_COLOUR, "Rijk"), swatch(REGIO_COLOUR, "Regio"),
            swatch(OPGAVE_COLOUR, "Opgave", "◆"), swatch(DEAL_COLOUR, "Deal", "■"),
            "<b>━━</b>&nbsp;relatie (dikker = sterker)",
            "<b>╍╍</b>&nbsp;koud: geen contactmoment binnen de cadans",
            f"<span style='color:{NEUTRAL.name()}'>──</span>&nbsp;functie, onderdeel, "
            "partij, eigenaar"]
    return "<br>".join(rows)
