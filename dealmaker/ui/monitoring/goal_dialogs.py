"""A programme goal (title, theme, short theory of change) and a project (name, the
goals it serves: at least one, else it is flagged)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from dealmaker.services.commitments.choices import editor_choices
from dealmaker.services.monitoring.goals import (
    GoalData,
    GoalRow,
    ProjectData,
    ProjectRow,
    save_goal,
    save_project,
)
from dealmaker.services.monitoring.indicators import theme_choices
from dealmaker.ui.monitoring.form_dialog import FormDialog
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.fields import LazyCombo, choose, chosen


class GoalDialog(FormDialog):
    def __init__(self, context: AppContext, deal_id: str, row: GoalRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Programmadoel") if row else
                         self.tr("Nieuw programmadoel"), parent)
        self.setObjectName("goalDialog")
        self.deal_id, self.row = deal_id, row
        self.title_field = QLineEdit()
        self.title_field.setObjectName("goalTitle")
        self.theme = QComboBox()
        self.theme.addItem(self.tr("(geen thema)"), None)
        for t in theme_choices(self.ws):
            self.theme.addItem(t.label, t.id)
        self.theory = QPlainTextEdit()
        self.theory.setObjectName("goalTheory")
        self.theory.setPlaceholderText(self.tr("interventie → resultaat → mechanisme → "
                                               "effect op brede welvaart"))
        self.theory.setFixedHeight(110)
        self.form.addRow(self.tr("&Doel"), self.title_field)
        self.form.addRow(self.tr("&Thema"), self.theme)
        self.form.addRow(self.tr("&Veranderingstheorie"), self.theory)
        if row is not None:
            self.title_field.setText(row.title)
            choose(self.theme, row.theme_id)
            self.theory.setPlainText(row.theory)

    def save(self) -> None:
        data = GoalData(self.deal_id, self.title_field.text(), self.theory.toPlainText(),
                        self.theme.currentData())
        self.submit(save_goal, self.ws, self.row.id if self.row else None, data,
                    changes=lambda r: r[1])


class ProjectDialog(FormDialog):
    def __init__(self, context: AppContext, deal_id: str, goals: list[GoalRow],
                 row: ProjectRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Project") if row else self.tr("Nieuw project"),
                         parent)
        self.setObjectName("projectDialog")
        self.deal_id, self.row = deal_id, row
        self.name = QLineEdit()
        self.name.setObjectName("projectName")
        self.goals = QListWidget()
        self.goals.setObjectName("projectGoals")
        chosen = set(row.goal_ids) if row else set()
        for g in goals:
            item = QListWidgetItem(g.title)
            item.setData(Qt.ItemDataRole.UserRole, g.id)
            item.setCheckState(Qt.CheckState.Checked if g.id in chosen else
                               Qt.CheckState.Unchecked)
            self.goals.addItem(item)
        self.goals.setMaximumHeight(140)
        self.lead = LazyCombo("projectLead", editable=True)
        ws = self.ws
        self.lead.set_loader((self.tr("(geen trekker)"), None), lambda: [
            (f"{p.name} ({p.side.label})", p.id) for p in editor_choices(ws).parties])
        self.form.addRow(self.tr("&Naam"), self.name)
        self.form.addRow(self.tr("&Trekker"), self.lead)
        self.form.addRow(self.tr("Dient &doelen"), self.goals)
        if row is not None:
            self.name.setText(row.name)
            if row.lead_id is not None:
                choose(self.lead, row.lead_id)

    def chosen_goals(self) -> tuple[str, ...]:
        return tuple(str(self.goals.item(i).data(Qt.ItemDataRole.UserRole))
                     for i in range(self.goals.count())
                     if self.goals.item(i).checkState() == Qt.CheckState.Checked)

    def save(self) -> None:
        if self.lead.currentText().strip() and chosen(self.lead) is None:
            self.fail(self.tr("Kies de trekker uit de lijst van organisaties."), self.lead)
            return
        data = ProjectData(self.deal_id, self.name.text(), self.chosen_goals(),
                           chosen(self.lead))
        self.submit(save_project, self.ws, self.row.id if self.row else None, data,
                    changes=lambda r: r[1])
