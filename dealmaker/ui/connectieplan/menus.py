"""The context menus of the canvas: on a node (open its card, log a contact moment, lay a
relation, ego view, how to reach it) and on an edge (change or delete the relation)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMenu, QWidget

from dealmaker.graph.model import DEAL, ORGANISATION, PERSON, Edge, Node
from dealmaker.ui.connectieplan.toolbar import tr


class Actions(Protocol):
    """What the page does for the menus."""

    def open_card(self, node: Node) -> None: ...
    def log_contact(self, node: Node) -> None: ...
    def ask_relation(self, node: Node) -> None: ...
    def show_surroundings(self, node: Node) -> None: ...
    def reach_node(self, node: Node) -> list[str]: ...
    def ask_edit(self, edge: Edge) -> None: ...
    def delete_edge(self, edge: Edge) -> None: ...


def node_menu(parent: QWidget, node: Node, page: Actions) -> QMenu:
    menu = QMenu(parent)
    menu.setObjectName("nodeMenu")
    card = menu.addAction(tr("Kaart openen"), lambda: page.open_card(node))
    card.setEnabled(node.kind in (PERSON, ORGANISATION, DEAL))
    contact = menu.addAction(tr("Contactmoment vastleggen…"), lambda: page.log_contact(node))
    contact.setEnabled(node.kind == PERSON)
    relation = menu.addAction(tr("Relatie toevoegen…"), lambda: page.ask_relation(node))
    relation.setEnabled(node.kind != DEAL)
    menu.addSeparator()
    menu.addAction(tr("Omgeving tonen"), lambda: page.show_surroundings(node))
    menu.addAction(tr("Hoe bereik ik {name}?").format(name=node.label),
                   lambda: page.reach_node(node))
    return menu


def edge_menu(parent: QWidget, edge: Edge, names: dict[str, str], page: Actions) -> QMenu:
    menu = QMenu(parent)
    menu.setObjectName("edgeMenu")
    title = menu.addAction(f"{names.get(edge.source, '?')} – {names.get(edge.target, '?')}")
    title.setEnabled(False)
    edit = menu.addAction(tr("Relatie wijzigen…"), lambda: page.ask_edit(edge))
    delete = menu.addAction(tr("Relatie verwijderen"), lambda: page.delete_edge(edge))
    for action in (edit, delete):
        action.setEnabled(edge.editable)
        if not edge.editable:
            action.setToolTip(tr("Deze verbinding volgt uit een functie, dealpartij of de "
                                 "eigenaar van de opgave"))
    return menu
