"""The window actions of this feature, in the style of ``ui.actions`` (kept here so the
feature wires itself without editing the shared registry)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from dealmaker.ui.actions import CONTEXT, QT_TRANSLATE_NOOP, ActionSpec

LOG_CONTACT_MOMENT = "log_contact_moment"
CADENCE = "cadence"
#: the tenth sidebar page has no Ctrl+number of its own
FOLLOW_UPS_SHORTCUT = "Ctrl+0"

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(LOG_CONTACT_MOMENT, QT_TRANSLATE_NOOP("actions", "Contactmoment &vastleggen…"),
               "Ctrl+L", QT_TRANSLATE_NOOP("actions", "Een overleg, telefoontje, e-mail of "
                                                      "evenement met deelnemers vastleggen")),
    ActionSpec(CADENCE, QT_TRANSLATE_NOOP("actions", "Contact&frequentie…"), "",
               QT_TRANSLATE_NOOP("actions", "Instellen na hoeveel dagen zonder contact "
                                            "iemand koud is")),
)


def build(parent: QObject, spec: ActionSpec, handler: Callable[[], None]) -> QAction:
    action = QAction(QCoreApplication.translate(CONTEXT, spec.text), parent)
    action.setObjectName(spec.key)
    if spec.shortcut:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        action.setStatusTip(QCoreApplication.translate(CONTEXT, spec.tip))
    action.triggered.connect(lambda _checked=False: handler())
    return action
