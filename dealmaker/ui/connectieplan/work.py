"""Working in the graph: what the page's context menus, dialogs and export buttons do.

Every edit is a service call on the write lane (journalled; Ctrl+Z undoes it), then
``changes_applied``, which makes the page reload the plan. Cards and the contact-moment
form belong to other features and are reached through ``context.commands``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from dealmaker.graph.model import DEAL, ORGANISATION, PERSON, Edge, Node
from dealmaker.services.changes import Changes
from dealmaker.services.connectieplan import PlanDrawing
from dealmaker.services.connectieplan.edits import delete_relation, edit_relation
from dealmaker.services.connectieplan.load import theme_choices
from dealmaker.services.connectieplan.relations import RelationData, add_relation
from dealmaker.ui.connectieplan.dialog import RelationDialog
from dealmaker.ui.connectieplan.export_view import ask_print, ask_target, export_view
from dealmaker.ui.connectieplan.scene import PlanScene
from dealmaker.ui.connectieplan.toolbar import tr
from dealmaker.ui.shell.context import AppContext


class Host(Protocol):
    """What the page offers its work (the page is also the dialogs' parent)."""

    drawing: PlanDrawing | None
    scene: PlanScene

    def show_refusal(self, exc: Exception) -> None: ...


class PlanWork:
    def __init__(self, context: AppContext, widget: QWidget, page: Host) -> None:
        self.widget = widget
        self.page = page
        self.context = context

    # -- writing -------------------------------------------------------------------
    def _write(self, fn: Callable[..., Any], *args: Any, done: str) -> None:
        ws = self.context.workspace()
        if ws is None:
            return

        def finished(result: Any) -> None:
            changes = result[1] if isinstance(result, tuple) else result
            assert isinstance(changes, Changes)
            self.context.signals.status_message.emit(done)
            self.context.signals.changes_applied.emit(changes)

        self.context.tasks.run(fn, ws, *args, write=True, on_done=finished,
                               on_error=self.page.show_refusal)

    def add_relation(self, source_id: str, target_id: str,
                     data: RelationData | None = None) -> None:
        self._write(add_relation, source_id, target_id, data, done=tr("Relatie gelegd."))

    def edit_edge(self, edge: Edge, data: RelationData) -> None:
        assert edge.record_table is not None and edge.record_id is not None
        self._write(edit_relation, edge.record_table, edge.record_id, data,
                    done=tr("Relatie gewijzigd."))

    def delete_edge(self, edge: Edge) -> None:
        assert edge.record_table is not None and edge.record_id is not None
        self._write(delete_relation, edge.record_table, edge.record_id,
                    done=tr("Relatie verwijderd. Ctrl+Z zet haar terug."))

    # -- dialogs -------------------------------------------------------------------
    def _themes(self) -> list[Any]:
        ws = self.context.workspace()
        return theme_choices(ws) if ws is not None else []

    def ask_relation(self, node: Node) -> None:
        drawing = self.page.drawing
        if drawing is None:
            return
        dialog = RelationDialog(self.widget, node, self._themes(), targets=drawing.plan.nodes)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.target():
            self.add_relation(node.id, str(dialog.target()), dialog.data())

    def ask_edit(self, edge: Edge) -> None:
        if not edge.editable or self.page.drawing is None:
            return
        nodes = self.page.drawing.plan.by_id()
        dialog = RelationDialog(self.widget, nodes[edge.source], self._themes(), edge=edge,
                                opgave=edge.record_table == "opgave_link")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.edit_edge(edge, dialog.data())

    # -- other features ------------------------------------------------------------
    def open_card(self, node: Node) -> None:
        commands = self.context.commands
        if node.kind == PERSON:
            commands.open_person(self.widget, node.id)
        elif node.kind == ORGANISATION:
            commands.open_organisation(node.id)
        elif node.kind == DEAL:
            commands.open_deal(node.id)

    def log_contact(self, node: Node) -> None:
        if node.kind == PERSON:
            self.context.commands.log_contact_moment(self.widget, [node.id])

    # -- out -----------------------------------------------------------------------
    def export(self, suffix: str, out: Path | None = None) -> Path | None:
        drawing = self.page.drawing
        if drawing is None:
            return None
        out = out or ask_target(self.widget, suffix, drawing.plan.title)
        if out is None:
            return None
        try:
            export_view(self.page.scene, drawing, out)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self.widget, tr("Exporteren"), str(exc))
            return None
        self.context.signals.status_message.emit(
            tr("Connectieplan geschreven naar {path}").format(path=out))
        return out

    def print(self) -> None:
        if self.page.drawing is not None:
            ask_print(self.widget, self.page.scene, self.page.drawing.plan.title)
