"""The preview table of an import plan: values, warnings, the matched contact, action.

A value kept in the notes (a phone that is not a number...) is shown amber where it is
(the cell of the field its file column maps to) with a tooltip naming file, row and
column; an empty or unreadable row is red and is left out. A row that matched an
existing contact shows that contact in "Bestaand contact" and the fields that differ in
"Verschillen" (with the warnings of the row); its action combo (aanvullen /
overschrijven / overslaan / nieuw aanmaken) changes ``PlanRow.action`` of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from dealmaker.services.importing import ACTIONS, Action, DuplicateCandidate, ImportPlan, PlanRow
from dealmaker.ui.importing.combo_delegate import ChoicesRole
from dealmaker.ui.importing.texts import (
    action_label,
    differences_text,
    field_label,
    one_line,
    outcome,
)


def comparison_lines(row: PlanRow) -> list[str]:
    """'E-mailadres: bestand ‘b@x.nl’, bestaand ‘a@x.nl’ → toegevoegd' per difference."""
    if row.match is None:
        return []
    if not row.match.differences:
        return [_tr("Geen verschillen met {name}: er verandert niets.").format(
            name=row.match.name)]
    return [_tr("{field}: bestand ‘{incoming}’, bestaand ‘{existing}’ → {outcome}").format(
        field=field_label(d.field), incoming=one_line(d.incoming),
        existing=one_line(d.existing) or "—", outcome=outcome(d, row.action))
        for d in row.match.differences]

Index = QModelIndex | QPersistentModelIndex

ROW, NAME, EMAIL, PHONE, ORGANISATION, FUNCTION, MATCH, REMARKS, ACTION = range(9)
_HEADERS = ("Rij", "Naam", "E-mailadres", "Telefoon", "Organisatie", "Functie",
            "Bestaand contact", "Verschillen", "Actie")
_COLUMN_OF_FIELD = {"first_name": NAME, "tussenvoegsel": NAME, "last_name": NAME,
                    "full_name": NAME, "email": EMAIL, "phone": PHONE,
                    "organisation": ORGANISATION, "function": FUNCTION}
SortRole = Qt.ItemDataRole.UserRole + 1
#: True for rows with problems, warnings or duplicates (the filter "alleen aandacht")
AttentionRole = Qt.ItemDataRole.UserRole + 2
PROBLEM_TEXT = QBrush(QColor("#b3261e"))
PROBLEM_BACKGROUND = QBrush(QColor("#fde7e9"))
WARNING_TEXT = QBrush(QColor("#7a4b00"))
WARNING_BACKGROUND = QBrush(QColor("#fff4d6"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


def candidate_text(c: DuplicateCandidate) -> str:
    if c.kind == "file":
        return _tr("{name} (rij {row} van dit bestand; {reason})").format(
            name=c.name, row=c.row, reason=c.reason)
    return _tr("{name} (bestaand contact; {reason})").format(name=c.name, reason=c.reason)


@dataclass
class _Line:
    row: PlanRow
    texts: list[str]
    #: column -> problem descriptions (file, row, column, reason)
    problems: dict[int, list[str]] = field(default_factory=dict)
    #: column -> warnings (a value kept in the notes, a name taken from elsewhere)
    warnings: dict[int, list[str]] = field(default_factory=dict)


def _columns(plan: ImportPlan, column: str) -> set[int]:
    if not column:
        return {REMARKS}
    return {_COLUMN_OF_FIELD.get(plan.mapping.get(part) or "", REMARKS)
            for part in column.split("/")}


def _line(plan: ImportPlan, row: PlanRow) -> _Line:
    v, rejected = row.values, row.rejected_values
    match = row.match.name if row.match else ""
    if not match and row.duplicates:
        match = candidate_text(row.duplicates[0])
    texts = [str(row.row), v.full_name, v.email or rejected.get("email", ""),
             v.phone or rejected.get("phone", ""), v.organisation, v.function, match, "", ""]
    line = _Line(row, texts)
    for problem in row.problems:
        for col in _columns(plan, problem.column) | {REMARKS}:
            line.problems.setdefault(col, []).append(problem.describe(plan.source))
    for warning in row.warnings:
        for col in _columns(plan, warning.column) | {REMARKS}:
            line.warnings.setdefault(col, []).append(warning.describe(plan.source))
    return line


def _remarks(line: _Line) -> str:
    row = line.row
    if row.problems:
        return "; ".join(p.reason for p in row.problems)
    parts = []
    if row.match is not None:
        parts.append(differences_text(row.match.differences, row.action))
    elif row.duplicates:
        parts.append(_tr("Mogelijk dubbel ({reason})").format(reason=row.duplicates[0].reason))
    parts += [w.reason for w in row.warnings]
    return "; ".join(parts)


class PreviewModel(QAbstractTableModel):
    """The rows of an ``ImportPlan``; the Actie column edits ``PlanRow.action``."""

    #: an action changed, so the counts of the plan changed
    counts_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self._lines: list[_Line] = []
        self._choices = [(a, action_label(a)) for a in ACTIONS]

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.plan = plan
        self._lines = [_line(plan, row) for row in plan.rows]
        self.endResetModel()
        self.counts_changed.emit()

    def plan_row(self, row: int) -> PlanRow:
        return self._lines[row].row

    def set_all_duplicates(self, action: Action) -> int:
        """Give every valid row with duplicate candidates ``action``; returns how many."""
        changed = 0
        for line in self._lines:
            if line.row.duplicates and not line.row.problems:
                line.row.action = action
                changed += 1
        if self._lines:
            self.dataChanged.emit(self.index(0, REMARKS), self.index(len(self._lines) - 1, ACTION))
        self.counts_changed.emit()
        return changed

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == ACTION:
            row = self._lines[index.row()].row
            if row.duplicates and not row.problems:
                return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _action_text(self, row: PlanRow) -> str:
        if row.problems:
            return _tr("Niet importeren")
        return action_label(row.action) if row.duplicates else _tr("Nieuw")

    def _text(self, line: _Line, col: int) -> str:
        if col == ACTION:
            return self._action_text(line.row)
        if col == REMARKS:
            return _remarks(line)
        return line.texts[col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, col = self._lines[index.row()], index.column()
        row = line.row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, col)
        if role == Qt.ItemDataRole.EditRole and col == ACTION:
            return row.action
        if role == ChoicesRole and col == ACTION:
            return self._choices
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, col)
        if role == Qt.ItemDataRole.ForegroundRole and (
                col in line.problems or (col == ACTION and row.problems)):
            return PROBLEM_TEXT
        if role == Qt.ItemDataRole.BackgroundRole and col in line.problems:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and col in line.warnings:
            return WARNING_TEXT
        if role == Qt.ItemDataRole.BackgroundRole and col in line.warnings:
            return WARNING_BACKGROUND
        if role == SortRole:
            if col == ROW:
                return row.row
            return self._text(line, col).casefold()
        if role == AttentionRole:
            return bool(row.problems or row.duplicates or row.warnings)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, line: _Line, col: int) -> str | None:
        if col in line.problems:
            return "\n".join(line.problems[col])
        if col == ACTION and line.row.problems:
            return "\n".join([_tr("Deze rij wordt niet geïmporteerd:"), *line.problems[REMARKS]])
        if col in (MATCH, REMARKS, ACTION) and line.row.duplicates:
            head = _tr("Mogelijk dezelfde persoon als:")
            tips = [head, *("• " + candidate_text(c) for c in line.row.duplicates)]
            if line.row.match is not None:
                tips += ["", *comparison_lines(line.row)]
            if col in line.warnings:
                tips += ["", *line.warnings[col]]
            return "\n".join(tips)
        if col in line.warnings:
            return "\n".join(line.warnings[col])
        text = self._text(line, col)
        return text or None if col != ACTION else None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index)
                                                    & Qt.ItemFlag.ItemIsEditable):
            return False
        if value not in ACTIONS:
            return False
        self._lines[index.row()].row.action = value
        self.dataChanged.emit(self.index(index.row(), REMARKS), index)
        self.counts_changed.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(_HEADERS)):
            return _tr(_HEADERS[section])
        return None


class PreviewProxy(QSortFilterProxyModel):
    """Sorts on ``SortRole``; can show only the rows that need attention."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._attention_only = False

    def set_attention_only(self, on: bool) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10+; invalidateFilter is deprecated
            self.beginFilterChange()
            self._attention_only = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._attention_only = on
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._attention_only:
            return True
        model = self.sourceModel()
        return bool(model.index(source_row, 0, source_parent).data(AttentionRole))
