"""Fixtures of the Contacten tests: hand-made persons, a page context, the view."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from directory.factory import Factory
from pytestqt.qtbot import QtBot
from ui.contacts.kit import TODAY, days_ago

from dealmaker.domain.enums import OrgKind, PartyRole
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.contacts.page import ContactsPage
from dealmaker.ui.contacts.view import ContactsView
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner

#: offscreen cannot raise windows or grab the keyboard (cards, the quick-find popup), nor
#: pass size hints on (the window conftest's noise; one marker must name all of them)
OFFSCREEN_NOISE = (r"This plugin does not support "
                   r"(raise\(\)|grabbing the keyboard|propagateSizeHints\(\))")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def make(workspace: Workspace) -> Factory:
    return Factory(workspace)


@pytest.fixture
def world(make: Factory) -> dict[str, str]:
    """Five persons on both sides, a deal, tags, contact moments and a successor."""
    ezk = make.org("Ministerie van Economische Zaken en Klimaat", OrgKind.MINISTERIE,
                   short="EZK")
    directie = make.org("Directie Regionale Economie", OrgKind.DIRECTIE, parent=ezk)
    fryslan = make.org("Provincie Fryslân", OrgKind.PROVINCIE, aliases=["Friesland"])
    emmen = make.org("Gemeente Emmen", OrgKind.GEMEENTE)
    ids = {
        "anna": make.person("Anna", "Berg", tv="van den", email="anna@ezk.example",
                            at=directie, title="Senior beleidsmedewerker",
                            start=date(2021, 1, 1)),
        "bert": make.person("Bert", "Aalders", phone="06-12345678", at=fryslan,
                            title="Gedeputeerde", notes="Houdt van zeilen"),
        "cees": make.person("Cees", "Zwart", at=emmen, title="Wethouder"),
        "dirk": make.person("Dirk", "Berg", at=emmen, title="Projectleider"),
        "eva": make.person("Eva", "Visser"),
    }
    # Anna was at Emmen before; Dirk succeeded her there
    dirk_pos = make.position(ids["dirk"], emmen, "Beleidsadviseur", start=date(2019, 1, 1),
                             end=date(2020, 6, 30))
    make.position(ids["anna"], emmen, "Beleidsadviseur", start=date(2016, 1, 1),
                  end=date(2018, 12, 31), successor=dirk_pos)
    deal = make.deal("Zuid- en Oost-Drenthe", dealmaker=ids["anna"], tranche="II")
    make.party(deal, emmen, PartyRole.ONDERTEKENAAR)
    ids["vip"] = make.tag("vip", ids["eva"], ids["cees"])
    ids["deal"] = deal
    make.contact([ids["anna"], ids["bert"]], days_ago(10), summary="Kennismaking Fryslân",
                 follow_up_on=TODAY + timedelta(days=7), action="Stukken sturen")
    make.contact([ids["cees"]], days_ago(400), summary="Werkbezoek Emmen")
    make.contact([ids["anna"]], days_ago(30), summary="Voorbereiding overleg")
    ids |= {"ezk": ezk, "directie": directie, "fryslan": fryslan, "emmen": emmen}
    return ids


@pytest.fixture
def context(workspace: Workspace) -> Iterator[AppContext]:
    tasks = TaskRunner(inline=True)
    yield AppContext(AppSignals(), tasks, lambda: workspace)
    tasks.shutdown()


@pytest.fixture
def view(qtbot: QtBot, context: AppContext) -> ContactsView:
    """The Contacten view on ``workspace``, shown and loaded (tasks run inline)."""
    widget = ContactsView(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reload()
    return widget


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> ContactsPage:
    """The real sidebar page (reloads on ``changes_applied``), active and loaded."""
    widget = ContactsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_active(True)
    return widget


@pytest.fixture
def fake_features(context: AppContext) -> list[tuple[str, tuple[Any, ...]]]:
    """Stand-ins for the commands other features offer (history, merge, AVG, vCard,
    contact moments), recording their calls without the parent widget."""
    calls: list[tuple[str, tuple[Any, ...]]] = []
    for name in ("show_history", "start_merge", "export_person", "forget_person",
                 "export_vcards", "log_contact_moment"):
        setattr(context.commands, name, lambda *args, n=name: calls.append((n, args[1:])))
    return calls
