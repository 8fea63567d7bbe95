"""People, a deal and a theme to log contact moments about; a page context on them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from directory.factory import Factory

from dealmaker.domain.enums import OrgKind
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner

#: The completer's popup is a popup window: the offscreen platform can neither raise it nor
#: let it grab the keyboard, and says so. Not a fault of ours (like OFFSCREEN_NOISE).
POPUP_NOISE = (r"This plugin does not support (propagateSizeHints|raise|grabbing the "
               r"keyboard)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            # first, so it is the mark pytest-qt reads (it reads only one)
            item.add_marker(pytest.mark.qt_log_ignore(POPUP_NOISE), append=False)


@dataclass
class People:
    anna: str
    bert: str
    cas: str
    deal: str
    theme: str
    tag: str


@pytest.fixture
def make(workspace: Workspace) -> Factory:
    return Factory(workspace)


@pytest.fixture
def people(make: Factory) -> People:
    emmen = make.org("Gemeente Emmen", OrgKind.GEMEENTE, short="Emmen")
    anna = make.person("Anna", "Berg", tv="van den", at=emmen, title="Wethouder")
    bert = make.person("Bert", "Aalders")
    cas = make.person("Cas", "de Vries")
    deal = make.deal("Zuid- en Oost-Drenthe", tranche="II")
    theme = make.theme("Wonen")
    tag = make.tag("bestuurder", anna)
    return People(anna, bert, cas, deal, theme, tag)


@pytest.fixture
def context(workspace: Workspace) -> Iterator[AppContext]:
    tasks = TaskRunner(inline=True)
    yield AppContext(AppSignals(), tasks, lambda: workspace)
    tasks.shutdown()
