"""A chart widget (QPainter; PySide6 Essentials has no QtCharts) and its exports.

Give it a ``domain.charts`` LineChart or BarChart (plain data a service computed):

    view = ChartView()
    view.set_chart(LineChart("Werkgelegenheid", (Series("Meting", points),),
                             (Reference("Nulmeting", v0, d0), Reference("Streefwaarde", v1, d1))))

Hovering shows the exact value (and a measurement's note); the context menu saves the
chart as .png (``export_png``) or .svg (``export_svg``, text stays text). Both write beside
the target and move the file into place, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QSizePolicy, QToolTip, QWidget

from dealmaker.domain.charts import Chart
from dealmaker.ui.shell.chart_marks import PRINT_INK, Hit, Ink
from dealmaker.ui.shell.chart_paint import paint_chart

#: the size of an exported chart (pixels in a .png at scale 1; user units in an .svg)
EXPORT_SIZE = QSize(960, 540)


def _tr(text: str) -> str:
    return QCoreApplication.translate("charts", text)


def _write_whole(path: Path, write: Callable[[Path], None]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def export_png(chart: Chart | None, path: Path, size: QSize = EXPORT_SIZE,
               scale: float = 2.0) -> None:
    """The chart as a .png (``scale`` pixels per unit, sharp on paper and in slides)."""
    def write(tmp: Path) -> None:
        image = QImage(int(size.width() * scale), int(size.height() * scale),
                       QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(scale, scale)
        paint_chart(painter, QRectF(0, 0, size.width(), size.height()), chart, PRINT_INK)
        painter.end()
        if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]  # stubs: bytes
            raise OSError(_tr("{path} kon niet worden geschreven").format(path=path))

    _write_whole(path, write)


def export_svg(chart: Chart | None, path: Path, size: QSize = EXPORT_SIZE) -> None:
    """The chart as an .svg with its labels as text (searchable, editable)."""
    def write(tmp: Path) -> None:
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(size)
        generator.setViewBox(QRect(QPoint(0, 0), size))
        generator.setTitle(chart.title if chart is not None else "")
        generator.setDescription(_tr("Grafiek uit dealmaker"))
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(_tr("{path} kon niet worden geschreven").format(path=path))
        paint_chart(painter, QRectF(0, 0, size.width(), size.height()), chart, PRINT_INK)
        painter.end()
        if not tmp.exists():
            raise OSError(_tr("{path} kon niet worden geschreven").format(path=path))

    _write_whole(path, write)


def ask_export_path(parent: QWidget | None, title: str, suffix: str) -> Path | None:
    """Where to save the chart (tests replace this); the suffix is added when missing."""
    kind = "PNG-afbeelding (*.png)" if suffix == ".png" else "SVG-tekening (*.svg)"
    name, _ = QFileDialog.getSaveFileName(parent, _tr("Grafiek opslaan"),
                                          f"{title}{suffix}", _tr(kind))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class ChartView(QWidget):
    """Shows one chart; tooltips per point, bar and reference line; export menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: Chart | None = None
        self._hits: list[Hit] = []
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    def chart(self) -> Chart | None:
        return self._chart

    def set_chart(self, chart: Chart | None) -> None:
        self._chart = chart
        self._hits = []
        self.setAccessibleName(chart.title if chart is not None else "")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 300)

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip text at ``pos`` (empty: nothing there)."""
        if not self._hits:
            self._layout()
        return next((h.text for h in self._hits if h.area.contains(pos.toPointF())), "")

    def _layout(self) -> None:
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        painter.setFont(self.font())
        self._hits = paint_chart(painter, QRectF(self.rect()), self._chart, self._ink())
        painter.end()

    def _ink(self) -> Ink:
        pal = self.palette()
        return Ink(pal.text().color(), pal.mid().color(), pal.base().color())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._hits = []
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._hits = paint_chart(painter, QRectF(self.rect()), self._chart, self._ink())
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.export_menu().exec(event.globalPos())

    def export_menu(self) -> QMenu:
        menu = QMenu(self)
        png = menu.addAction(_tr("Opslaan als PNG…"))
        png.triggered.connect(lambda: self.save_as(".png"))
        svg = menu.addAction(_tr("Opslaan als SVG…"))
        svg.triggered.connect(lambda: self.save_as(".svg"))
        for action in (png, svg):
            action.setEnabled(self._chart is not None)
        return menu

    def save_as(self, suffix: str) -> Path | None:
        """Ask where, then write the chart; a failure is one line in a message box."""
        title = self._chart.title if self._chart is not None else "grafiek"
        path = ask_export_path(self, title, suffix)
        if path is None:
            return None
        try:
            (export_png if suffix == ".png" else export_svg)(self._chart, path)
        except OSError as exc:
            QMessageBox.warning(self, _tr("Grafiek opslaan"), str(exc))
            return None
        return path
