"""How status and numbers look on the Monitoring screens (text first, colour beside it)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtGui import QBrush, QColor

from dealmaker.domain.charts import format_decimal
from dealmaker.domain.dates import format_date
from dealmaker.domain.progress import RULE_LINES, Status

STATUS_COLOURS = {Status.OP_KOERS: "#1b7f3b", Status.ACHTER: "#b26a00",
                  Status.UIT_KOERS: "#b3261e", Status.GEEN_GEGEVENS: "#6b6b6b"}
#: the status rule, one line each, for tooltips and the explanation under the table
RULE_TIP = "\n".join(RULE_LINES)
#: the short form shown on screen under the indicators
RULE_SHORT = ("Status wordt berekend uit de laatste meting: op koers als de voortgang naar "
              "de streefwaarde minstens het verstreken deel van de looptijd is; achter tot "
              "25 procentpunt daaronder; verder achter of verslechterd: uit koers.")


def status_brush(status: Status) -> QBrush:
    return QBrush(QColor(STATUS_COLOURS[status]))


def number(value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = format_decimal(value)
    return f"{text} {unit}" if unit and unit != "%" else f"{text}{unit}"


def value_on(value: Decimal | None, on: date | None, unit: str = "") -> str:
    """``64,8 % (30-06-2025)`` for tooltips."""
    if value is None:
        return "geen"
    return f"{number(value, unit)} ({format_date(on)})" if on else number(value, unit)
