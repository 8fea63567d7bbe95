"""The window actions of this feature, in the style of ``ui.shell.actions`` (kept here so the
feature wires itself without editing the shared registry)."""

from __future__ import annotations

from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP, ActionSpec

LOG_CONTACT_MOMENT = "log_contact_moment"
CADENCE = "cadence"

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(LOG_CONTACT_MOMENT, QT_TRANSLATE_NOOP("actions", "Contactmoment &vastleggen…"),
               "Ctrl+L", QT_TRANSLATE_NOOP("actions", "Een overleg, telefoontje, e-mail of "
                                                      "evenement met deelnemers vastleggen")),
    ActionSpec(CADENCE, QT_TRANSLATE_NOOP("actions", "Contact&frequentie…"), "",
               QT_TRANSLATE_NOOP("actions", "Instellen na hoeveel dagen zonder contact "
                                            "iemand koud is")),
)


