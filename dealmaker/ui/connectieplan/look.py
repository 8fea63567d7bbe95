"""Colours, sizes and edge styles of the canvas, and the legend that explains them.

Nodes are coloured by side (Rijk, regio) or by levensgemeenschap (bestuurlijk,
economisch, maatschappelijk; a person takes their organisation's); opgaven and deals keep
their own colour. Relation edges are wider when stronger and dashed when cold.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from dealmaker.graph.model import (
    DEAL,
    OPGAVE,
    ORGANISATION,
    OWNER,
    REGIO,
    RELATION,
    RIJK,
    WORKS_ON,
    Edge,
    Node,
)

SIDE, LEVENSGEMEENSCHAP = "zijde", "levensgemeenschap"
RIJK_COLOUR = QColor("#1f5fa8")
REGIO_COLOUR = QColor("#c8702a")
OPGAVE_COLOUR = QColor("#7b4fa0")
DEAL_COLOUR = QColor("#3c4650")
NEUTRAL = QColor("#8a9199")
RELATION_COLOUR = QColor(50, 55, 62, 200)
LINK_COLOUR = QColor(123, 79, 160, 170)
STRUCTURE_COLOUR = QColor(140, 148, 158, 110)
COMMUNITY = {"bestuurlijk": QColor("#2e7d5b"), "economisch": QColor("#b8860b"),
             "maatschappelijk": QColor("#b03a6f")}

#: node size (diameter or height) by kind
SIZES = {ORGANISATION: 20.0, OPGAVE: 26.0, DEAL: 30.0}
PERSON_SIZE = 14.0


def node_colour(node: Node, mode: str = SIDE) -> QColor:
    if node.kind == OPGAVE:
        return OPGAVE_COLOUR
    if node.kind == DEAL:
        return DEAL_COLOUR
    if mode == LEVENSGEMEENSCHAP:
        return COMMUNITY.get(node.levensgemeenschap or "", NEUTRAL)
    return {RIJK: RIJK_COLOUR, REGIO: REGIO_COLOUR}.get(node.side or "", NEUTRAL)


def node_size(node: Node) -> float:
    return SIZES.get(node.kind, PERSON_SIZE)


def edge_style(edge: Edge) -> tuple[str, int, bool]:
    """The key of the path item an edge is drawn in: (group, strength, cold)."""
    if edge.kind == RELATION:
        return ("relatie", max(1, min(edge.strength, 5)), edge.cold)
    if edge.kind in (OWNER, WORKS_ON) and edge.strength:
        return ("opgave", max(1, min(edge.strength, 5)), False)
    return ("structuur", 0, False)


def pen_for(style: tuple[str, int, bool]) -> QPen:
    group, strength, cold = style
    if group == "structuur":
        pen = QPen(STRUCTURE_COLOUR, 1.0)
    else:
        pen = QPen(RELATION_COLOUR if group == "relatie" else LINK_COLOUR,
                   0.6 + strength * 0.8)
        if cold:
            pen.setStyle(Qt.PenStyle.DashLine)
    pen.setCosmetic(True)  # the same width at every zoom level
    return pen


def legend_html(mode: str = SIDE) -> str:
    def swatch(colour: QColor, text: str, mark: str = "●") -> str:
        return f"<span style='color:{colour.name()}'>{mark}</span>&nbsp;{text}"

    if mode == LEVENSGEMEENSCHAP:
        nodes = [swatch(COMMUNITY[k], k.capitalize()) for k in COMMUNITY]
        nodes.append(swatch(NEUTRAL, "Onbekend"))
    else:
        nodes = [swatch(RIJK_COLOUR, "Rijk"), swatch(REGIO_COLOUR, "Regio")]
    rows = [*nodes, swatch(OPGAVE_COLOUR, "Opgave", "◆"), swatch(DEAL_COLOUR, "Deal", "■"),
            "<b>━━</b>&nbsp;relatie (dikker = sterker)",
            "<b>╍╍</b>&nbsp;koud: geen contactmoment binnen de cadans",
            f"<span style='color:{LINK_COLOUR.name()}'>━━</span>&nbsp;eigenaar of werkt "
            "aan een opgave",
            f"<span style='color:{NEUTRAL.name()}'>──</span>&nbsp;functie, onderdeel, "
            "partij"]
    return "<br>".join(rows)
