"""Ctrl+N inside a list means a new record of that list, not the window's Nieuwe werkruimte."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence


def claims(event: QEvent, key: QKeySequence.StandardKey | QKeySequence,
           on_key: Callable[[], object]) -> bool:
    """For an event filter: True when ``event`` is ``key``, which is then taken from any
    shortcut (ShortcutOverride: e.g. the window's Ctrl+7 "Ga naar") and calls ``on_key``
    (KeyPress)."""
    if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        return False
    if not isinstance(event, QKeyEvent):
        return False
    if isinstance(key, QKeySequence):
        if QKeySequence(event.keyCombination()) != key:
            return False
    elif not event.matches(key):
        return False
    event.accept()
    if event.type() == QEvent.Type.KeyPress:
        on_key()
    return True


def claims_new(event: QEvent, on_new: Callable[[], object]) -> bool:
    """Ctrl+N (see ``claims``): a new record of the list, not a new workspace."""
    return claims(event, QKeySequence.StandardKey.New, on_new)
