"""Open contact cards: one window per person (opening it again brings it to the front)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget

from dealmaker.ui.contacts.card import PersonCardDialog
from dealmaker.ui.shell.context import AppContext

_OPEN: dict[tuple[int, str], PersonCardDialog] = {}


def open_person_card(parent: QWidget | None, context: AppContext,
                     person_id: str) -> PersonCardDialog:
    """Show the card of ``person_id`` (loading it off the UI thread)."""
    key = (id(context.signals), person_id)
    card = _OPEN.get(key)
    if card is None or not shiboken6.isValid(card) or card.signals is not context.signals:
        card = PersonCardDialog(context, person_id, parent)
        _OPEN[key] = card
        card.finished.connect(lambda _result, c=card: _forget(key, c))
        card.person_requested.connect(
            lambda other, c=card: open_person_card(c.parentWidget() or c, context, other))
        card.reload()
    card.show()
    card.raise_()
    card.activateWindow()
    return card


def _forget(key: tuple[int, str], card: PersonCardDialog) -> None:
    if _OPEN.get(key) is card:
        del _OPEN[key]


def open_cards() -> list[PersonCardDialog]:
    """The cards still open (for tests and the window)."""
    return [c for c in _OPEN.values() if shiboken6.isValid(c) and c.isVisible()]
