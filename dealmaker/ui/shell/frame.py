"""The frame a sidebar page can use: title, intro, count cards, error line and a body.

The body is a vertical splitter; in a small window the whole page scrolls instead of
forcing the window's size. The frame builds its layout into the page's own widget, so a
page *has* a frame rather than being one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from dealmaker.ui.shell.counts import CountStrip

BODY_MIN_HEIGHT = 280


class PageFrame:
    """Lays out ``host``: heading, intro, ``counts``, ``error`` and the ``splitter``."""

    def __init__(self, host: QWidget, title: str, intro: str) -> None:
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        intro_label = QLabel(intro)
        intro_label.setObjectName("pageIntro")
        intro_label.setWordWrap(True)
        self.counts = CountStrip()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setMinimumHeight(BODY_MIN_HEIGHT)

        content = QWidget()
        content.setObjectName("pageContent")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(host)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro_label)
        layout.addWidget(self.counts)
        layout.addWidget(self.error)
        layout.addWidget(self.splitter, 1)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
