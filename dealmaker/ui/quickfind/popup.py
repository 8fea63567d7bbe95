"""The quick-find popup: a search field over a result list, keyboard only.

Type to search (each keystroke queries ``quick_find`` off the UI thread; only the newest
answer is shown), arrows move through the results, Enter jumps to the current one, Esc
closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.quickfind import Hit, quick_find
from dealmaker.ui.quickfind.delegate import HitDelegate
from dealmaker.ui.quickfind.model import HitListModel
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.latest_only import LatestOnly

LIMIT = 20
WIDTH, HEIGHT = 620, 440
_NAVIGATION = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class QuickFindPopup(QDialog):
    """``hit_chosen`` carries the ``Hit`` the user picked; the popup then closes."""

    #: The user picked a result (Enter or double-click).
    hit_chosen = Signal(object)
    #: The results of the newest search are shown.
    results_shown = Signal()

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("quickFind")
        self.setWindowTitle(self.tr("Snel zoeken"))
        self.setStyleSheet("QDialog#quickFind { border: 1px solid palette(dark); "
                           "background: palette(window); }")
        self._context = context
        self._lane = LatestOnly(context.tasks, self)
        self.model = HitListModel(self)
        self.search = QLineEdit()
        self.search.setObjectName("quickFindSearch")
        self.search.setPlaceholderText(self.tr("Zoek een persoon, organisatie of deal…"))
        self.search.setAccessibleName(self.tr("Snel zoeken"))
        self.search.setClearButtonEnabled(True)
        self.results = QListView()
        self.results.setObjectName("quickFindResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.doubleClicked.connect(lambda _i: self.choose())
        self.hint = QLabel()
        self.hint.setObjectName("quickFindHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.search.textChanged.connect(self._on_text)
        self.search.installEventFilter(self)
        self.resize(WIDTH, HEIGHT)
        self._show_hint()

    def popup(self, anchor: QWidget | None = None) -> None:
        """Show at the top centre of ``anchor`` (the main window), empty and focused."""
        self.search.clear()
        self.model.set_hits([])
        self._show_hint()
        if anchor is not None:
            top = anchor.mapToGlobal(anchor.rect().topLeft())
            self.move(top.x() + (anchor.width() - self.width()) // 2, top.y() + 60)
        self.show()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def _on_text(self, text: str) -> None:
        ws = self._context.workspace()
        if ws is None or not text.strip():
            self._lane.drop()
            self.model.set_hits([])
            self._show_hint()
            return
        self._lane.submit(lambda: quick_find(ws, text, LIMIT),
                          lambda hits: self._show(text, hits), self._failed)

    def _show(self, text: str, hits: list[Hit]) -> None:
        if text != self.search.text():
            return
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self._show_hint()
        self.results_shown.emit()

    def _failed(self, exc: Exception) -> None:
        self.hint.setText(self.tr("Zoeken mislukt: {error}").format(error=exc))

    def _show_hint(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.hint.setText(self.tr("Typ een deel van een naam. ↑↓ kiezen, Enter openen, "
                                      "Esc sluiten."))
        elif self.model.rowCount() == 0:
            self.hint.setText(self.tr("Niets gevonden voor ‘{text}’.").format(text=text))
        else:
            self.hint.setText(self.tr("{n} gevonden. ↑↓ kiezen, Enter openen, Esc sluiten.")
                              .format(n=self.model.rowCount()))

    def current_hit(self) -> Hit | None:
        index = self.results.currentIndex()
        return self.model.hit(index.row()) if index.isValid() else None

    def choose(self) -> None:
        """Jump to the current result (if any) and close."""
        hit = self.current_hit()
        if hit is None:
            return
        self.accept()
        self.hit_chosen.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _NAVIGATION:
                QApplication.sendEvent(self.results, event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose()
                return True
        return super().eventFilter(watched, event)
