"""The indicators table: every indicator of the chosen deal (or of all deals), fetched
page by page in SQL, with its latest measurement and computed status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from dealmaker.services.monitoring.indicators import (
    IndicatorQuery,
    IndicatorRow,
    IndicatorSort,
    count_indicators,
    query_indicators,
)
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.monitoring.look import RULE_TIP, number, status_brush, value_on
from dealmaker.ui.monitoring.rows_model import CONTEXT, LEFT, RIGHT
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.shell.paged_model import Index, PagedQueryModel
from dealmaker.ui.shell.table_model import ObjectRole
from dealmaker.ui.shell.tasks import TaskRunner


@dataclass(frozen=True)
class IndicatorColumn:
    label: str
    sort: IndicatorSort | None
    width: int
    numeric: bool = False


DEAL, NAME, LEVEL, THEME, SOURCE, BASELINE, LATEST, TARGET, STATUS = range(9)
COLUMNS = (
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Deal"), IndicatorSort.DEAL, 14),
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Indicator"), IndicatorSort.NAME, 26),
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Niveau"), IndicatorSort.LEVEL, 10),
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Thema (dimensie)"), IndicatorSort.THEME, 18),
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Bron"), None, 9),
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Nulmeting"), None, 9, True),
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Laatste meting"), IndicatorSort.MEASURED, 11,
                    True),
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Streefwaarde"), None, 10, True),
    IndicatorColumn(QT_TRANSLATE_NOOP(CONTEXT, "Status"), None, 11),
)


def display(r: IndicatorRow, col: int) -> str:
    theme = f"{r.theme} ({r.dimension.label.lower()})" if r.theme and r.dimension else r.theme
    return (r.deal, r.name, r.level.label, theme, r.source, number(r.baseline, r.unit),
            number(r.latest, r.unit), number(r.target, r.unit), r.status.value)[col]


def tooltip(r: IndicatorRow, col: int) -> str:
    if col == BASELINE:
        return f"Nulmeting: {value_on(r.baseline, r.baseline_on, r.unit)}"
    if col == TARGET:
        return f"Streefwaarde: {value_on(r.target, r.target_on, r.unit)}"
    if col == LATEST:
        text = f"Laatste meting: {value_on(r.latest, r.latest_on, r.unit)}"
        return f"{text}\n{r.note}" if r.note else text
    if col == LEVEL and r.project:
        return f"{r.level.label}: {r.project}"
    if col == STATUS:
        return f"{r.status.value} ({r.direction.label.lower()})\n\n{RULE_TIP}"
    return display(r, col)


class IndicatorModel(PagedQueryModel[IndicatorQuery, IndicatorRow]):
    first_page_size = 60
    page_size = 200
    columns = COLUMNS

    def __init__(self, tasks: TaskRunner, workspace: Callable[[], Workspace | None],
                 parent: Any = None) -> None:
        super().__init__(tasks, workspace, IndicatorQuery(), parent)

    def fetch(self, ws: Workspace, query: IndicatorQuery, offset: int,
              limit: int) -> list[IndicatorRow]:
        return query_indicators(ws, query, offset, limit)

    def count(self, ws: Workspace, query: IndicatorQuery) -> int:
        return count_indicators(ws, query)

    def failed_text(self, exc: Exception) -> str:
        return QCoreApplication.translate(
            CONTEXT, "De indicatoren konden niet worden geladen: {error}").format(error=exc)

    def row_of(self, indicator_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == indicator_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (cell := self.cell(index)) is None:
            return None
        row, col = cell
        if role == Qt.ItemDataRole.DisplayRole:
            return display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row, col) or None
        if role == ObjectRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if COLUMNS[col].numeric else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            return status_brush(row.status)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section].label)
        if role == Qt.ItemDataRole.ToolTipRole and section == STATUS:
            return RULE_TIP
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if COLUMNS[section].numeric else LEFT
        return None
