"""The window's composition root: one ``AppContext``, every feature plugged in.

This is the only module that knows all features. A feature is a package under ``ui/``
with ``install(context)``: it registers its pages, adds its actions to the menus and
fills in the ``commands`` it offers the others. It never imports another feature or the
window; the import contract in ``pyproject.toml`` keeps it so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dealmaker.ui import dashboard, history, merge, privacy, sync, vcard
from dealmaker.ui.cofinancing.install import install as install_cofinancing
from dealmaker.ui.commitments.install import install as install_commitments
from dealmaker.ui.connectieplan import install as install_connectieplan
from dealmaker.ui.contacts.install import install as install_contacts
from dealmaker.ui.deals.install import install as install_deals
from dealmaker.ui.exporting import install as install_exporting
from dealmaker.ui.importing.install import install as install_importing
from dealmaker.ui.interactions.install import install as install_interactions
from dealmaker.ui.mandates.page import install as install_mandates
from dealmaker.ui.meetings.page import install as install_meetings
from dealmaker.ui.monitoring.install import install as install_monitoring
from dealmaker.ui.organisations.install import install as install_organisations
from dealmaker.ui.quickfind.install import install as install_quickfind
from dealmaker.ui.settings.install import install as install_settings
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.main_window import MainWindow
from dealmaker.ui.shell.page import PageRegistry
from dealmaker.ui.shell.workspace_controller import WorkspaceController
from dealmaker.ui.undo.install import install as install_undo

#: sidebar order, by page key (Ctrl+1 … Ctrl+9 follow it)
SIDEBAR = ("overzicht", "contacten", "organisaties", "deals", "toezeggingen",
           "cofinanciering", "connectieplan", "monitoring", "export", "opvolgen", "overleggen",
           "mandaten", "conflicten")

#: installers in menu order: each adds its entries after the previous ones
INSTALLERS: tuple[Callable[[AppContext], object], ...] = (
    dashboard.install,
    install_contacts,
    install_organisations,
    install_deals,
    install_commitments,
    install_meetings,
    install_mandates,
    install_cofinancing,
    install_quickfind,
    install_settings,
    install_undo,  # goes to the top of Bewerken, as in every editor
    history.install,
    merge.install,
    privacy.install,
    install_importing,
    vcard.install,
    install_interactions,
    install_connectieplan,
    install_monitoring,
    install_exporting,
    sync.install,
)


def build_window(controller: WorkspaceController,
                 installers: Sequence[Callable[[AppContext], object]] = INSTALLERS
                 ) -> MainWindow:
    """The main window on ``controller``'s workspace with the features installed."""
    registry = PageRegistry(SIDEBAR)
    window = MainWindow(controller, registry)
    context = AppContext(controller.signals, controller.tasks, lambda: controller.workspace,
                         pages=registry, actions=window.actions_by_key, window=window,
                         menus=window.menus)
    context.commands.open_workspace_file = lambda parent, path: controller.open_path(path,
                                                                                     parent)
    for install in installers:
        install(context)
    window.context = context
    window.show_pages()
    return window
