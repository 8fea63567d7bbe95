"""Bewerken > Contactfrequentie…: after how many days without contact someone is "koud".

A workspace default, and rules per tag or per text in the function title (the smallest
matching number of days counts; a contact's own setting wins). Every change is saved at
once as its own step, so Bewerken > Ongedaan maken can take it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
)

from dealmaker.services.cadence import (
    MAX_DAYS,
    cadence_rules,
    default_cadence,
    remove_cadence_rule,
    set_cadence_rule,
    set_default_cadence,
)
from dealmaker.services.people import ValidationError
from dealmaker.services.tags import tag_options
from dealmaker.ui.interactions.cadence_model import CadenceRulesModel

if TYPE_CHECKING:
    from dealmaker.ui.shell.context import AppContext

TITLE, TAG = "title", "tag"


def _days_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, MAX_DAYS)
    box.setValue(value)
    box.setSuffix(QCoreApplication.translate("cadence", " dagen"))
    box.setAccelerated(True)
    return box


class CadenceDialog(QDialog):
    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("cadenceDialog")
        self.setWindowTitle(self.tr("Contactfrequentie"))
        self._context = context
        self._default = 0
        self.default_days = _days_box(90)
        self.default_days.setObjectName("defaultDays")
        self.default_days.editingFinished.connect(self._save_default)
        self.model = CadenceRulesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        remove = QAction(self.tr("Verwijderen"), self.view)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_rule)
        self.view.addAction(remove)

        self.match = QComboBox()
        self.match.addItem(self.tr("Functie bevat"), TITLE)
        self.match.addItem(self.tr("Tag"), TAG)
        self.title_text = QLineEdit()
        self.title_text.setPlaceholderText(self.tr("bijv. wethouder"))
        self.title_text.returnPressed.connect(self.add_rule)
        self.tag = QComboBox()
        self.value = QStackedWidget()
        self.value.addWidget(self.title_text)
        self.value.addWidget(self.tag)
        self.match.currentIndexChanged.connect(self.value.setCurrentIndex)
        self.rule_days = _days_box(30)
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button = QPushButton(self.tr("&Verwijderen"))
        self.remove_button.clicked.connect(self.remove_rule)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        for button in (self.add_button, self.remove_button, *buttons.buttons()):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)

        default_row = QHBoxLayout()
        label = QLabel(self.tr("&Standaard is iemand koud na"))
        label.setBuddy(self.default_days)
        default_row.addWidget(label)
        default_row.addWidget(self.default_days)
        default_row.addWidget(QLabel(self.tr("zonder contact.")))
        default_row.addStretch(1)
        add_row = QHBoxLayout()
        for widget in (self.match, self.value, self.rule_days, self.add_button):
            add_row.addWidget(widget, 1 if widget is self.value else 0)
        explain = QLabel(self.tr(
            "Regels gaan voor de standaard; passen er meer, dan telt de kortste termijn. "
            "Een eigen instelling bij een contact gaat voor alles."))
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(default_row)
        layout.addWidget(explain)
        layout.addWidget(self.view, 1)
        layout.addLayout(add_row)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.reload()

    def _run(self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None],
             write: bool = False, **kw: Any) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._context.tasks.run(lambda: fn(ws, *args, **kw), on_done=done,
                                on_error=self._refused, write=write)

    def reload(self) -> None:
        self._run(lambda ws: (default_cadence(ws), cadence_rules(ws), tag_options(ws)),
                  done=self._show)

    def _show(self, loaded: tuple[int, list[Any], list[tuple[str, str]]]) -> None:
        days, rules, tags = loaded
        self._default = days
        self.default_days.setValue(days)
        self.model.set_rules(rules)
        chosen = self.tag.currentData()
        self.tag.clear()
        for tag_id, name in tags:
            self.tag.addItem(name, tag_id)
        self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)))

    def _written(self, changes: Any) -> None:
        self.error.hide()
        self._context.signals.changes_applied.emit(changes)
        self.reload()

    def _refused(self, exc: Exception) -> None:
        self.error.setText(str(exc) if isinstance(exc, ValidationError | LookupError)
                           else self.tr("Niet opgeslagen: {error}").format(error=exc))
        self.error.show()

    def _save_default(self) -> None:
        days = self.default_days.value()
        if days != self._default:
            self._default = days
            self._run(set_default_cadence, days, write=True, done=self._written)

    def add_rule(self) -> None:
        days = self.rule_days.value()
        if self.match.currentData() == TAG:
            if self.tag.currentData() is None:
                self._refused(ValidationError("tag_id", self.tr(
                    "Er zijn nog geen tags in deze werkruimte.")))
                return
            self._run(set_cadence_rule, write=True, done=self._added, days=days,
                      tag_id=self.tag.currentData())
        else:
            self._run(set_cadence_rule, write=True, done=self._added, days=days,
                      title_contains=self.title_text.text())

    def _added(self, result: tuple[str, Any]) -> None:
        self.title_text.clear()
        self._written(result[1])

    def remove_rule(self) -> None:
        rule = self.model.rule(self.view.currentIndex().row())
        if rule is not None:
            self._run(remove_cadence_rule, rule.id, write=True, done=self._written)
