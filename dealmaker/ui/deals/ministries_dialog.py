"""Which ministries each theme concerns (the data behind "relevant ministry" in the
dossier's involvement tab): per theme a checked list of ministries. By default a theme
concerns the owners of the opgaven on it; a change here is saved for that theme only,
journalled and undoable (Ctrl+Z)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from dealmaker.services.changes import Changes
from dealmaker.services.deals.ministries import ThemeMinistries, set_theme_ministries, theme_map
from dealmaker.ui.shell.context import AppContext


class MinistriesDialog(QDialog):
    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("themeMinistries")
        self.setWindowTitle(self.tr("Ministeries per thema"))
        self._context = context
        ws = context.workspace()
        assert ws is not None
        self._ws = ws
        self._map: ThemeMinistries = theme_map(ws)
        self.themes = QListWidget()
        self.themes.setObjectName("mapThemes")
        for theme_id, name in self._map.themes:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, theme_id)
            self.themes.addItem(item)
        self.ministries = QListWidget()
        self.ministries.setObjectName("mapMinistries")
        for org_id, name in self._map.ministries:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, org_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ministries.addItem(item)
        intro = QLabel(self.tr("Een ministerie dat bij een thema van de deal hoort en vóór "
                               "de ondertekening geen contact had, wordt in het dossier "
                               "gemarkeerd. Zonder keuze hier: de eigenaren van de opgaven "
                               "op dat thema."))
        intro.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lists = QHBoxLayout()
        lists.addWidget(self.themes, 2)
        lists.addWidget(self.ministries, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(lists, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.themes.currentRowChanged.connect(self._show)
        if self.themes.count():
            self.themes.setCurrentRow(0)
        self.resize(860, 460)  # a ministry's full name reads whole

    def theme_id(self) -> str | None:
        item = self.themes.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show(self) -> None:
        chosen = self._map.by_theme.get(self.theme_id() or "", frozenset())
        for r in range(self.ministries.count()):
            item = self.ministries.item(r)
            if item is not None:
                on = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked(self) -> list[str]:
        out = []
        for r in range(self.ministries.count()):
            item = self.ministries.item(r)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def save(self) -> None:
        theme = self.theme_id()
        if theme is None:
            return
        self._context.tasks.run(set_theme_ministries, self._ws, theme, self.checked(),
                                write=True, on_done=self._saved,
                                on_error=lambda e: self._fail(str(e)))

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _saved(self, changes: Changes) -> None:
        self._context.signals.changes_applied.emit(changes)
        self._map = theme_map(self._ws)
        self._show()
