"""Ctrl+N inside a list means a new record of that list, not the window's Nieuwe werkruimte."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence


def claims_new(event: QEvent, on_new: Callable[[], object]) -> bool:
    """For an event filter: True when ``event`` is Ctrl+N, which is then taken from the
    window's shortcut (ShortcutOverride) and calls ``on_new`` (KeyPress)."""
    if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        return False
    if not isinstance(event, QKeyEvent) or not event.matches(QKeySequence.StandardKey.New):
        return False
    event.accept()
    if event.type() == QEvent.Type.KeyPress:
        on_new()
    return True
