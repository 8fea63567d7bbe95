"""Sidebar page 'Connectieplan': the plan of one deal drawn, with its findings beside it.

Reading, analysing and laying out run on the shell's read lane (never on the UI thread);
the page shows a busy bar meanwhile and drops answers that a newer request overtook.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from dealmaker.graph.model import RELATION
from dealmaker.services.changes import Changes
from dealmaker.services.connectieplan import PlanDrawing, deal_choices, draw_plan
from dealmaker.services.connectieplan.relations import add_relation
from dealmaker.services.overview import Count
from dealmaker.ui.connectieplan.reach import reach, show_ego
from dealmaker.ui.connectieplan.scene import PlanScene
from dealmaker.ui.connectieplan.side import FindingsPanel
from dealmaker.ui.connectieplan.toolbar import PlanToolbar, tr
from dealmaker.ui.connectieplan.view import PlanView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.frame import PageFrame
from dealmaker.ui.shell.page import Freshness

TABLES = ("relation", "person", "organisation", "position", "deal", "deal_party", "opgave",
          "deal_opgave", "interaction", "interaction_participant", "cadence_rule")


def _count(label: str, value: int) -> Count:
    return Count(label, value, f"{value:,}".replace(",", "."))


class ConnectieplanPage(QWidget):
    key = "connectieplan"
    shortcut = ""

    #: The canvas shows a freshly loaded plan.
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._context = context
        self._fresh = Freshness(self.refresh)
        self._token = 0
        self.drawing: PlanDrawing | None = None
        self.frame = PageFrame(self, self.title(), tr(
            "Wie bij het Rijk met wie in de regio verbonden is, per opgave: waar de verbinding "
            "ontbreekt, koud is of aan één persoon hangt. Sleep knopen om ze te verplaatsen; "
            "Shift-slepen van een persoon naar een ander legt een relatie."))
        self.counts = self.frame.counts
        self.toolbar = PlanToolbar()
        self.scene = PlanScene(self)
        self.view = PlanView(self.scene)
        self.panel = FindingsPanel()
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.toolbar)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        column.addWidget(split, 1)
        self.frame.splitter.addWidget(body)
        self._wire()
        context.signals.changes_applied.connect(self._on_changes)

    def _wire(self) -> None:
        bar = self.toolbar
        bar.deal.currentIndexChanged.connect(lambda _i: self.draw())
        bar.layout_choice.currentIndexChanged.connect(lambda _i: self.draw())
        bar.persons.toggled.connect(lambda on: self.scene.set_filter(show_persons=on))
        bar.side.currentIndexChanged.connect(
            lambda _i: self.scene.set_filter(side=bar.side.currentData()))
        bar.search.returnPressed.connect(lambda: self.focus_text(bar.search.text()))
        bar.fit.clicked.connect(self.view.fit)
        bar.steps.valueChanged.connect(lambda steps: show_ego(self.scene, self.drawing, steps))
        self.scene.selectionChanged.connect(self._selection_changed)
        bar.reach.clicked.connect(lambda: self.reach(bar.search.text()))
        self.panel.node_chosen.connect(self.focus_node)
        self.view.relation_requested.connect(self.add_relation)

    def title(self) -> str:
        return tr("Connectieplan")

    def widget(self) -> QWidget:
        return self

    def set_active(self, active: bool) -> None:
        self._fresh.set_active(active)

    def refresh(self) -> None:
        """Reload the list of deals, then the plan of the chosen one."""
        ws = self._context.workspace()
        if ws is None:
            self._fresh.stale = True
            return
        self._fresh.stale = False
        self._context.tasks.run(deal_choices, ws, on_done=self._show_deals,
                                on_error=self._show_error)

    def draw(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._token += 1
        token = self._token
        self.toolbar.busy.show()
        self._context.tasks.run(
            draw_plan, ws, self.toolbar.deal_id(), self.toolbar.layout_choice.currentData(),
            on_done=lambda drawing: self._show(token, drawing),
            on_error=lambda exc: self._show_error(exc, token))

    def add_relation(self, source_id: str, target_id: str) -> None:
        """Lay a relation (journalled; Ctrl+Z takes it back); the plan then reloads."""
        ws = self._context.workspace()
        if ws is None:
            return
        self._context.tasks.run(add_relation, ws, source_id, target_id, write=True,
                                on_done=self._relation_added, on_error=self._show_error)

    def _relation_added(self, result: tuple[str, Changes]) -> None:
        self._context.signals.status_message.emit(tr("Relatie gelegd."))
        self._context.signals.changes_applied.emit(result[1])

    def reach(self, text: str) -> list[str]:
        """"Hoe bereik ik …": the warmest path from the dealmaker, selected and told."""
        path, sentence = reach(self.scene, self.drawing, text)
        self._context.signals.status_message.emit(sentence)
        self.toolbar.reach.setToolTip(sentence)
        if path:
            self.view.centerOn(self.scene.nodes[path[-1]])
        return path

    def _selection_changed(self) -> None:
        if self.toolbar.steps.value() and self.scene.selectedItems():
            show_ego(self.scene, self.drawing, self.toolbar.steps.value())

    def focus_text(self, text: str) -> bool:
        item = self.scene.find(text)
        if item is None:
            self._context.signals.status_message.emit(
                tr("Niets gevonden in dit connectieplan: {text}").format(text=text))
            return False
        self.view.focus(item)
        return True

    def focus_node(self, node_id: str) -> None:
        item = self.scene.nodes.get(node_id)
        if item is not None and item.isVisible():
            self.view.focus(item)

    def _show_deals(self, deals: list[Any]) -> None:
        self.toolbar.set_deals(deals, self.toolbar.deal_id())
        self.draw()

    def _show(self, token: int, drawing: PlanDrawing) -> None:
        if token != self._token:
            return
        self.toolbar.busy.hide()
        self.frame.error.hide()
        self.drawing = drawing
        self.scene.show_drawing(drawing)
        self.panel.set_findings(drawing.findings)
        relations = [e for e in drawing.plan.edges if e.kind == RELATION]
        self.frame.counts.set_counts([
            _count(tr("Knopen"), len(drawing.plan.nodes)),
            _count(tr("Relaties"), len(relations)),
            _count(tr("Koud"), sum(1 for e in relations if e.cold)),
            _count(tr("Bevindingen"), len(drawing.findings))])
        self.view.fit()
        self.loaded.emit()

    def _show_error(self, exc: Exception, token: int | None = None) -> None:
        if token is not None and token != self._token:
            return
        self.toolbar.busy.hide()
        text = tr("Het connectieplan kon niet worden geladen: {error}").format(error=exc)
        self.frame.show_error(text)
        self._context.signals.status_message.emit(text)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*TABLES):
            self._fresh.changed()
