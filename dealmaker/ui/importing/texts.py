"""Dutch count phrases shared by the preview, summary and result steps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportTexts", text)


def rows(n: int) -> str:
    """'1 rij', '3 rijen'."""
    return (_tr("{n} rij") if n == 1 else _tr("{n} rijen")).format(n=n)


def contacts(n: int) -> str:
    """'1 contact', '3 contacten'."""
    return (_tr("{n} contact") if n == 1 else _tr("{n} contacten")).format(n=n)


def plan_counts(counts: dict[str, int]) -> str:
    """'12 nieuw · 3 samenvoegen · 2 overslaan · 1 met fouten' (from ``plan.counts()``)."""
    parts = [_tr("{n} nieuw").format(n=counts["create"]),
             _tr("{n} samenvoegen").format(n=counts["merge"]),
             _tr("{n} overslaan").format(n=counts["skip"]),
             _tr("{n} met fouten").format(n=counts["invalid"])]
    return " · ".join(parts)
