"""AVG-controlelijst: contacts not seen for some years (or never), to export or forget."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.dates import format_date
from dealmaker.services.changes import Changes
from dealmaker.services.privacy import ReviewCandidate, review_candidates
from dealmaker.ui.privacy.person import export_person, forget_person
from dealmaker.ui.shell.context import AppContext

Index = QModelIndex | QPersistentModelIndex
NAME, LAST_CONTACT = range(2)
SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2
DEFAULT_YEARS = 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


class ReviewModel(QAbstractTableModel):
    """Name and last contact (dd-mm-jjjj, or 'nooit') of each candidate."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.candidates: list[ReviewCandidate] = []

    def set_candidates(self, candidates: list[ReviewCandidate]) -> None:
        self.beginResetModel()
        self.candidates = list(candidates)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.candidates):
            return None
        c, col = self.candidates[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME:
                return c.name
            return format_date(c.last_contact_on) if c.last_contact_on else _tr("nooit")
        if role == SortRole:
            if col == NAME:
                return c.name.casefold()
            return c.last_contact_on.toordinal() if c.last_contact_on else 0
        if role == ObjectRole:
            return c.person_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_tr("Naam"), _tr("Laatste contact"))[section] if section in (0, 1) else None
        return None


class ReviewDialog(QDialog):
    """Years spin box, the list, and buttons for the selected contact."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("AVG-controlelijst"))
        self.resize(640, 520)
        self._context = context
        self._token = 0
        intro = QLabel(self.tr(
            "Persoonsgegevens bewaart u alleen zolang daar een reden voor is. Hieronder staan "
            "de contacten die u al lang niet hebt gesproken (of nooit, en die al zo lang in "
            "de werkruimte staan). Exporteer hun gegevens als iemand erom vraagt, of vergeet "
            "ze."))
        intro.setWordWrap(True)
        self.years = QSpinBox()
        self.years.setObjectName("reviewYears")
        self.years.setRange(0, 50)
        self.years.setValue(DEFAULT_YEARS)
        self.years.setSuffix(self.tr(" jaar"))
        self.count = QLabel()
        self.model = ReviewModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SortRole)
        self.view = QTableView()
        self.view.setObjectName("reviewView")
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(LAST_CONTACT, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().resizeSection(LAST_CONTACT, 150)
        self.view.horizontalHeader().setHighlightSections(False)
        self.history_button = QPushButton(self.tr("&Geschiedenis…"))
        self.export_button = QPushButton(self.tr("Gegevens &exporteren…"))
        self.forget_button = QPushButton(self.tr("&Vergeten…"))
        self.history_button.clicked.connect(
            lambda: self._with_selected(lambda pid, _name: self._context.commands.show_history(
                self, "person", pid)))
        self.export_button.clicked.connect(
            lambda: self._with_selected(lambda pid, name: export_person(
                self, self._context, pid, name=name)))
        self.forget_button.clicked.connect(
            lambda: self._with_selected(lambda pid, name: forget_person(
                self, self._context, pid, name=name)))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Geen contact in de afgelopen:")))
        top.addWidget(self.years)
        top.addStretch(1)
        top.addWidget(self.count)
        actions = QHBoxLayout()
        for button in (self.history_button, self.export_button, self.forget_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.reload)
        self.years.valueChanged.connect(lambda _v: self._timer.start())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        context.signals.changes_applied.connect(self._on_changes)
        self.reload()

    def selected(self) -> tuple[str, str] | None:
        """(person id, name) of the selected row."""
        rows = self.view.selectionModel().selectedRows(NAME)
        if not rows:
            return None
        return str(rows[0].data(ObjectRole)), str(rows[0].data())

    def _with_selected(self, fn: Any) -> None:
        chosen = self.selected()
        if chosen is not None:
            fn(*chosen)

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is None:
            return
        self._token += 1
        token = self._token
        self._context.tasks.run(review_candidates, ws, self.years.value(),
                                on_done=lambda found: self._show(token, found),
                                on_error=lambda exc: self.count.setText(str(exc)))

    def _show(self, token: int, candidates: list[ReviewCandidate]) -> None:
        if token != self._token:
            return
        self.model.set_candidates(candidates)
        n = len(candidates)
        self.count.setText(self.tr("1 contact") if n == 1 else
                           self.tr("{n} contacten").format(n=n))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.history_button, self.export_button, self.forget_button):
            button.setEnabled(chosen)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("person", "interaction", "interaction_participant"):
            self.reload()


def open_review(parent: QWidget | None, context: AppContext) -> ReviewDialog | None:
    """The AVG review list (non-modal), or None without a workspace."""
    if context.workspace() is None:
        context.signals.status_message.emit(_tr("Open eerst een werkruimte."))
        return None
    dialog = ReviewDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
