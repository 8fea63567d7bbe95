"""Sidebar page 'Connectieplan': the plan of one deal drawn, with its findings beside it.

Reading, analysing and laying out run on the shell's read lane (never on the UI thread),
with their steps in a progress bar; the page drops answers that a newer request overtook.
Right-click a node or an edge to work on it; dragged nodes stay where they are put.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from dealmaker.graph.model import RELATION, Edge, Node
from dealmaker.services.changes import Changes
from dealmaker.services.connectieplan import PlanDrawing, deal_choices, draw_plan
from dealmaker.services.overview import Count
from dealmaker.ui.connectieplan.look import legend_html
from dealmaker.ui.connectieplan.menus import edge_menu, node_menu
from dealmaker.ui.connectieplan.moves import Moves, PlanKey
from dealmaker.ui.connectieplan.reach import reach, show_ego
from dealmaker.ui.connectieplan.scene import PlanScene
from dealmaker.ui.connectieplan.side import FindingsPanel
from dealmaker.ui.connectieplan.toolbar import PlanToolbar, tr
from dealmaker.ui.connectieplan.view import PlanView
from dealmaker.ui.connectieplan.work import PlanWork
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.frame import PageFrame
from dealmaker.ui.shell.page import Freshness

TABLES = ("relation", "person", "organisation", "position", "deal", "deal_party", "opgave",
          "deal_opgave", "interaction", "interaction_participant", "cadence_rule",
          "organisation_relation", "opgave_link", "theme")


def _count(label: str, value: int) -> Count:
    return Count(label, value, f"{value:,}".replace(",", "."))


class _Side(QScrollArea):
    """Findings and legend beside the canvas: scrolls when short, starts narrow (the
    findings wrap) and can be hidden (Bevindingen) or widened with the splitter."""

    def sizeHint(self) -> QSize:
        return QSize(300, 260)


class _Relay(QObject):
    """Carries progress from the worker thread to the UI thread (a queued signal)."""

    step = Signal(int, int, str)


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
            "Shift-slepen van de ene knoop naar de andere legt een relatie; rechtsklik op een "
            "knoop of verbinding om ermee te werken."))
        self.counts = self.frame.counts
        self.toolbar = PlanToolbar()
        self.scene = PlanScene(self)
        self.view = PlanView(self.scene)
        self.panel = FindingsPanel()
        self.side = _Side()
        self.side.setObjectName("planSide")
        self.side.setWidgetResizable(True)
        self.side.setWidget(self.panel)
        self.side.setMinimumWidth(200)
        self.work = PlanWork(context, self, self)
        self.moves = Moves(context, self._plan_key, self.scene.place)
        self._progress = _Relay(self)
        self._progress.step.connect(self._show_progress)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.toolbar)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.view)
        self.split.addWidget(self.side)
        self.split.setStretchFactor(0, 4)
        self.split.setStretchFactor(1, 1)
        self.split.setCollapsible(0, False)
        column.addWidget(self.split, 1)
        self.frame.splitter.addWidget(body)
        self._wire()
        context.signals.changes_applied.connect(self._on_changes)

    def _wire(self) -> None:
        bar, scene = self.toolbar, self.scene
        bar.deal.currentIndexChanged.connect(lambda _i: self.draw())
        bar.layout_choice.currentIndexChanged.connect(lambda _i: self.draw())
        bar.persons.toggled.connect(lambda on: scene.set_filter(show_persons=on))
        bar.side.currentIndexChanged.connect(
            lambda _i: scene.set_filter(side=bar.side.currentData()))
        bar.theme.currentIndexChanged.connect(
            lambda _i: scene.set_filter(theme=bar.theme.currentData()))
        bar.strength.valueChanged.connect(lambda v: scene.set_filter(min_strength=v))
        bar.recency.currentIndexChanged.connect(
            lambda _i: scene.set_filter(recent_days=bar.recency.currentData(),
                                        today=date.today()))
        bar.colour.currentIndexChanged.connect(lambda _i: self.set_colour_mode(
            str(bar.colour.currentData())))
        bar.panel.toggled.connect(self.side.setVisible)
        bar.search.returnPressed.connect(lambda: self.focus_text(bar.search.text()))
        bar.fit.clicked.connect(self.view.fit)
        bar.steps.valueChanged.connect(lambda steps: show_ego(scene, self.drawing, steps))
        for suffix, label in ((".png", tr("Als PNG…")), (".svg", tr("Als SVG (namen als "
                                                                    "tekst)…")),
                              (".pdf", tr("Als PDF…"))):
            bar.export_menu.addAction(label, partial(self.work.export, suffix))
        bar.export_menu.addSeparator()
        bar.export_menu.addAction(tr("Afdrukken…"), self.work.print)
        scene.selectionChanged.connect(self._selection_changed)
        scene.nodes_moved.connect(self.moves.moved)
        bar.reach.clicked.connect(lambda: self.reach(bar.search.text()))
        self.panel.node_chosen.connect(self.focus_node)
        self.view.relation_requested.connect(self.add_relation)
        self.view.node_menu_requested.connect(self._node_menu)
        self.view.edge_menu_requested.connect(self._edge_menu)

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

    def _plan_key(self) -> PlanKey | None:
        if self.drawing is None:
            return None
        return (self.drawing.plan.deal_id, self.drawing.layout)

    def draw(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._token += 1
        token = self._token
        self.toolbar.show_progress(0, 3, "")
        tell = None if self._context.tasks.inline else self._tell
        self._context.tasks.run(
            partial(draw_plan, progress=tell), ws, self.toolbar.deal_id(),
            self.toolbar.layout_choice.currentData(),
            on_done=lambda drawing: self._show(token, drawing),
            on_error=lambda exc: self._show_error(exc, token))

    def _tell(self, done: int, total: int, label: str) -> None:
        self._progress.step.emit(done, total, label)  # from the worker: queued to the UI

    def _show_progress(self, done: int, total: int, label: str) -> None:
        if self.toolbar.busy.isVisible():
            self.toolbar.show_progress(done, total, label)

    # -- working in the graph -------------------------------------------------------
    def add_relation(self, source_id: str, target_id: str) -> None:
        """Lay a relation (journalled; Ctrl+Z takes it back); the plan then reloads."""
        self.work.add_relation(source_id, target_id)

    def set_colour_mode(self, mode: str) -> None:
        self.scene.set_colour_mode(mode)
        self.panel.legend.setText(legend_html(mode))

    def node_menu(self, node_id: str) -> Any:
        """The context menu of a node (built, not shown: the caller execs it)."""
        node = self.scene.nodes[node_id].node
        return node_menu(self, node, self)

    def edge_menu(self, edge: Edge) -> Any:
        names = {n.id: n.label for n in self.drawing.plan.nodes} if self.drawing else {}
        return edge_menu(self, edge, names, self)

    def _node_menu(self, node_id: str, at: QPoint) -> None:
        self.node_menu(node_id).exec(at)

    def _edge_menu(self, edge: Edge, at: QPoint) -> None:
        self.edge_menu(edge).exec(at)

    def open_card(self, node: Node) -> None:
        self.work.open_card(node)

    def log_contact(self, node: Node) -> None:
        self.work.log_contact(node)

    def ask_relation(self, node: Node) -> None:
        self.work.ask_relation(node)

    def ask_edit(self, edge: Edge) -> None:
        self.work.ask_edit(edge)

    def delete_edge(self, edge: Edge) -> None:
        self.work.delete_edge(edge)

    def show_surroundings(self, node: Node) -> None:
        self.focus_node(node.id)
        if not self.toolbar.steps.value():
            self.toolbar.steps.setValue(1)
        show_ego(self.scene, self.drawing, self.toolbar.steps.value())

    def reach_node(self, node: Node) -> list[str]:
        return self.reach(node.label)

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

    # -- loading ----------------------------------------------------------------------
    def _show_deals(self, deals: list[Any]) -> None:
        self.toolbar.set_deals(deals, self.toolbar.deal_id())
        self.draw()

    def _show(self, token: int, drawing: PlanDrawing) -> None:
        if token != self._token:
            return
        self.toolbar.busy.hide()
        self.frame.error.hide()
        same_plan = self._plan_key() == (drawing.plan.deal_id, drawing.layout)
        self.drawing = drawing
        self.moves.loaded((drawing.plan.deal_id, drawing.layout), drawing.saved)
        self.toolbar.set_themes(drawing.plan.themes)
        self.scene.show_drawing(drawing)
        self.panel.set_findings(drawing.findings)
        relations = [e for e in drawing.plan.edges if e.kind == RELATION]
        self.frame.counts.set_counts([
            _count(tr("Knopen"), len(drawing.plan.nodes)),
            _count(tr("Relaties"), len(relations)),
            _count(tr("Koud"), sum(1 for e in relations if e.cold)),
            _count(tr("Bevindingen"), len(drawing.findings))])
        if not same_plan:  # a reload after an edit keeps the user's zoom and place
            self.view.fit()
        self.loaded.emit()

    def show_refusal(self, exc: Exception) -> None:
        """An edit was refused: say why in the status bar (nothing was written)."""
        self._context.signals.status_message.emit(str(exc))

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
