"""Doelen en projecten: the deal's programme goals with their theory of change, and its
projects with the goals they serve; a project without a goal is flagged in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from dealmaker.services.monitoring.goals import (
    DealPlan,
    GoalRow,
    ProjectRow,
    delete_goal,
    delete_project,
)
from dealmaker.ui.monitoring.goal_dialogs import GoalDialog, ProjectDialog
from dealmaker.ui.monitoring.panel import ListPanel
from dealmaker.ui.monitoring.rows_model import Col, RowsModel
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.context import AppContext

C = "monitoring"
NO_GOAL = "zonder doel"
GOAL_COLUMNS: list[Col[GoalRow]] = [
    Col(QT_TRANSLATE_NOOP(C, "Programmadoel"), lambda g: g.title, 24),
    Col(QT_TRANSLATE_NOOP(C, "Thema"), lambda g: g.theme, 14),
    Col(QT_TRANSLATE_NOOP(C, "Projecten"), lambda g: str(g.projects), 8, True),
    Col(QT_TRANSLATE_NOOP(C, "Veranderingstheorie"), lambda g: g.theory.replace("\n", " "),
        30, tip=lambda g: g.theory),
]
PROJECT_COLUMNS: list[Col[ProjectRow]] = [
    Col(QT_TRANSLATE_NOOP(C, "Project"), lambda p: p.name, 24),
    Col(QT_TRANSLATE_NOOP(C, "Trekker"), lambda p: p.lead, 16),
    Col(QT_TRANSLATE_NOOP(C, "Dient doelen"), lambda p: p.goals or NO_GOAL, 30,
        tip=lambda p: p.goals or "Dit project dient geen programmadoel: koppel het aan "
                                  "minstens één doel.",
        warn=lambda p: p.orphan),
]


class PlanTab(QWidget):
    loaded = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self.deal_id: str | None = None
        self.plan = DealPlan((), ())
        self.goals_model = RowsModel(GOAL_COLUMNS, lambda g: g.id, self)
        self.projects_model = RowsModel(PROJECT_COLUMNS, lambda p: p.id, self)
        self.goals = ListPanel("goalsTable", self.tr("Programmadoelen"),
                               [c.width for c in GOAL_COLUMNS], [0, 3], optional=[1])
        self.goals.table.setModel(self.goals_model)
        self.goals.add_button("newGoal", self.tr("Nieuw doel…"), self.new_goal)
        self.goals.add_button("editGoal", self.tr("Wijzigen…"), self.edit_goal,
                              needs_row=True, edit=True)
        self.goals.add_button("deleteGoal", self.tr("Verwijderen"), self.delete_goal,
                              needs_row=True, delete=True)
        self.projects = ListPanel("projectsTable", self.tr("Projecten"),
                                  [c.width for c in PROJECT_COLUMNS], [0, 2], optional=[1])
        self.projects.table.setModel(self.projects_model)
        self.projects.add_button("newProject", self.tr("Nieuw project…"), self.new_project)
        self.projects.add_button("editProject", self.tr("Wijzigen…"), self.edit_project,
                                 needs_row=True, edit=True)
        self.projects.add_button("deleteProject", self.tr("Verwijderen"),
                                 self.delete_project, needs_row=True, delete=True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.goals)
        split.addWidget(self.projects)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)

    def load(self, deal_id: str | None, plan: DealPlan) -> None:
        """Show ``plan`` (the view reads it once for every tab)."""
        self.deal_id, self.plan = deal_id, plan
        self.goals_model.set_rows(plan.goals)
        self.projects_model.set_rows(plan.projects)
        orphans = len(plan.orphans)
        self.projects.note.setText(
            self.tr("{n} zonder programmadoel").format(n=orphans) if orphans else "")
        self.projects.note.setStyleSheet("color: #b3261e;" if orphans else "")
        for panel in (self.goals, self.projects):
            panel.enable(self.deal_id is not None)
        self.loaded.emit()

    def _changed(self, result: Any) -> None:
        self._context.signals.changes_applied.emit(result)

    def new_goal(self) -> None:
        if self.deal_id is not None:
            GoalDialog(self._context, self.deal_id, None, self.window()).exec()

    def edit_goal(self) -> None:
        row = self.goals.current_row()
        if self.deal_id is not None and row >= 0:
            GoalDialog(self._context, self.deal_id, self.goals_model.row_at(row),
                       self.window()).exec()

    def delete_goal(self) -> None:
        ws, row = self._context.workspace(), self.goals.current_row()
        if ws is not None and row >= 0:
            self._context.tasks.run(delete_goal, ws, self.goals_model.row_at(row).id,
                                    write=True, on_done=self._changed)

    def new_project(self) -> None:
        if self.deal_id is not None:
            ProjectDialog(self._context, self.deal_id, list(self.plan.goals), None,
                          self.window()).exec()

    def edit_project(self) -> None:
        row = self.projects.current_row()
        if self.deal_id is not None and row >= 0:
            ProjectDialog(self._context, self.deal_id, list(self.plan.goals),
                          self.projects_model.row_at(row), self.window()).exec()

    def delete_project(self) -> None:
        ws, row = self._context.workspace(), self.projects.current_row()
        if ws is not None and row >= 0:
            self._context.tasks.run(delete_project, ws, self.projects_model.row_at(row).id,
                                    write=True, on_done=self._changed)
