"""The overview dashboards, as data: one ``Dashboard`` per sidebar entry that has no real
screen yet. ``DashboardPage`` renders any of them (live counts and recent records from
``services.overview``). A later issue replaces an entry by a real screen: delete it here
and register the screen's ``Page`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP

#: translation context of the titles and intros
CONTEXT = "dashboard"


@dataclass(frozen=True)
class Dashboard:
    """Key (as in ``services.overview.PAGE_TABLES``), title and one-line intro."""

    key: str
    title: str
    intro: str


DASHBOARDS: tuple[Dashboard, ...] = (
    Dashboard("overzicht", QT_TRANSLATE_NOOP("dashboard", "Overzicht"), QT_TRANSLATE_NOOP(
        "dashboard", "Uw dag: wat vandaag opgevolgd moet worden, wat deze week afloopt, "
                     "welke overleggen eraan komen en wie afkoelt. Enter opent een regel.")),
)
