"""The main window: only wiring of sidebar, pages, menus, actions and window state.

It knows no feature. The composition root (``ui.compose``) makes it, hands its menus and
registries to the features in one ``AppContext``, then calls ``show_pages``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dealmaker import config
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell import actions as A
from dealmaker.ui.shell import file_dialogs
from dealmaker.ui.shell.about import show_about
from dealmaker.ui.shell.context import AppContext, Menus
from dealmaker.ui.shell.page import Page, PageRegistry
from dealmaker.ui.shell.settings import window_settings
from dealmaker.ui.shell.sidebar import Sidebar
from dealmaker.ui.shell.style import STYLE_SHEET
from dealmaker.ui.shell.welcome import WelcomeBanner, workspace_is_demo
from dealmaker.ui.shell.workspace_controller import STATUS_TIMEOUT_MS, WorkspaceController

DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    """Sidebar on the left, the page stack on the right, File and Help menus."""

    def __init__(self, controller: WorkspaceController, registry: PageRegistry,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE_SHEET)
        self.controller = controller
        signals = controller.signals
        self.registry = registry
        #: the pages in sidebar order (filled by ``show_pages``)
        self.pages: list[Page] = []
        #: the context the features got (set by the composition root)
        self.context: AppContext | None = None

        self.stack = QStackedWidget()
        self.sidebar = Sidebar([])
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        self.welcome = WelcomeBanner()
        self.welcome.own_requested.connect(lambda: self._begin_own(then_import=False))
        self.welcome.import_requested.connect(lambda: self._begin_own(then_import=True))
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.welcome)
        right.addWidget(self.stack, 1)
        row.addLayout(right, 1)
        self.setCentralWidget(central)

        self.actions_by_key = A.create_actions(self, {
            A.NEW_WORKSPACE: self._new_workspace,
            A.NEW_DEMO_WORKSPACE: self._new_demo_workspace,
            A.OPEN_WORKSPACE: self._open_workspace,
            A.CLEAR_RECENT: self._clear_recent,
            A.BACKUP: lambda: controller.backup(self),
            A.QUIT: self._quit,
            A.ABOUT: lambda: show_about(self),
        })
        self.recent_menu = QMenu(self.tr("&Recent geopend"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.menus = self._build_menus()

        self.statusBar().setSizeGripEnabled(True)
        self.sidebar.currentRowChanged.connect(self.show_page)
        registry.show_requested.connect(lambda key: self.show_page(self._index(key)))
        signals.workspace_opened.connect(self._on_workspace_opened)
        signals.status_message.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS))
        controller.recent_changed.connect(self._rebuild_recent_menu)
        self._rebuild_recent_menu()
        if controller.workspace is not None:
            self._on_workspace_opened(controller.workspace)
        else:
            self.setWindowTitle(self.tr("Werkruimte openen… — dealmaker"))
            self.actions_by_key[A.BACKUP].setEnabled(False)

    def show_pages(self) -> None:
        """Build the sidebar, the page stack and "Ga naar" from the registry, then restore
        the window's size and page (called once, after the features are installed)."""
        self.pages = self.registry.pages()
        for number, page in enumerate(self.pages, start=1):
            self.stack.addWidget(page.widget())
            self.sidebar.add_title(page.title())
            shortcut = page.shortcut or (f"Ctrl+{number}" if number <= 9 else "")
            self.menus.go.addAction(A.page_action(self, number, page.title(), shortcut,
                                                  partial(self.show_page, number - 1)))
        self._restore_window_state()

    # ------------------------------------------------------------------ pages

    def show_page(self, index: int) -> None:
        """Switch to page ``index`` (sidebar order); it loads if it is out of date."""
        if not 0 <= index < len(self.pages):
            return
        if self.sidebar.currentRow() != index:
            self.sidebar.setCurrentRow(index)  # re-enters via currentRowChanged
            return
        for i, page in enumerate(self.pages):
            if i != index:
                page.set_active(False)
        self.stack.setCurrentIndex(index)
        self.registry.set_current(self.pages[index])
        self.pages[index].set_active(True)

    def current_page(self) -> Any:
        """The page in view (typed ``Any``: callers know which page they expect)."""
        return self.pages[self.stack.currentIndex()]

    def page(self, key: str) -> Any:
        return self.pages[self._index(key)]

    def _index(self, key: str) -> int:
        return next((i for i, p in enumerate(self.pages) if p.key == key), -1)

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> Menus:
        acts = self.actions_by_key
        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.file_menu = file_menu
        file_menu.addAction(acts[A.NEW_WORKSPACE])
        file_menu.addAction(acts[A.NEW_DEMO_WORKSPACE])
        file_menu.addAction(acts[A.OPEN_WORKSPACE])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        features_end = file_menu.addSeparator()  # features put import/export above it
        file_menu.addAction(acts[A.BACKUP])
        file_menu.addSeparator()
        file_menu.addAction(acts[A.QUIT])

        #: Feature installers add their actions here (undo/redo, contact moments, ...).
        self.edit_menu = self.menuBar().addMenu(self.tr("Be&werken"))
        go_menu = self.menuBar().addMenu(self.tr("&Ga naar"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(acts[A.ABOUT])
        return Menus(file=file_menu, file_features_end=features_end, edit=self.edit_menu,
                     go=go_menu, help=help_menu)

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.controller.recent.paths()
        for number, path in enumerate(paths, start=1):
            action = QAction(f"&{number} {path.name}  ({path.parent})", self.recent_menu)
            action.setData(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(
                lambda _checked=False, p=path: self.controller.open_path(p, self))
            self.recent_menu.addAction(action)
        if not paths:
            empty = self.recent_menu.addAction(self.tr("(nog niets geopend)"))
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions_by_key[A.CLEAR_RECENT])
        self.actions_by_key[A.CLEAR_RECENT].setEnabled(bool(paths))

    # ------------------------------------------------------------------ file actions

    def _start_dir(self) -> Path:
        ws = self.controller.workspace
        return ws.path.parent if ws is not None else config.data_dir()

    def _new_workspace(self) -> None:
        path = file_dialogs.ask_new_workspace(self, self.tr("Nieuwe werkruimte"),
                                              self._start_dir())
        if path is not None:
            self.controller.create_empty(path, self)

    def _new_demo_workspace(self) -> None:
        if self.controller.busy:
            return
        path = file_dialogs.ask_new_workspace(self, self.tr("Nieuwe demowerkruimte"),
                                              self._start_dir() / "demo.dealmaker")
        if path is not None:
            self.controller.create_demo(path, self)

    def _open_workspace(self) -> None:
        path = file_dialogs.ask_open_workspace(self, self._start_dir())
        if path is not None:
            self.controller.open_path(path, self)

    def _quit(self) -> None:
        self.close()

    def _clear_recent(self) -> None:
        self.controller.recent.clear()
        if self.controller.workspace is not None:
            self.controller.recent.add(self.controller.workspace.path)
        self._rebuild_recent_menu()

    def _on_workspace_opened(self, ws: Workspace) -> None:
        self._set_title(ws, demo=False)
        self.setWindowFilePath(str(ws.path))
        self.actions_by_key[A.BACKUP].setEnabled(True)
        self.welcome.hide()
        self.controller.tasks.run(workspace_is_demo, ws,
                                  on_done=lambda demo: self._mark_demo(ws, demo),
                                  on_error=lambda _exc: None)

    def _set_title(self, ws: Workspace, *, demo: bool) -> None:
        title = self.tr("{name} ({folder}) — dealmaker").format(name=ws.path.name,
                                                                folder=ws.path.parent)
        self.setWindowTitle(self.tr("Demowerkruimte — ") + title if demo else title)

    def _mark_demo(self, ws: Workspace, demo: bool) -> None:
        if ws is self.controller.workspace:
            self.welcome.setVisible(demo)
            self._set_title(ws, demo=demo)

    def _begin_own(self, *, then_import: bool) -> None:
        """Open the user's own workspace (made empty if it does not exist yet); with
        ``then_import`` the contact import starts in it once it is open."""
        if then_import:
            def start_import(_ws: Workspace) -> None:
                self.controller.signals.workspace_opened.disconnect(start_import)
                action = self.context.actions.get("import_contacts") if self.context else None
                if action is not None:
                    QTimer.singleShot(0, action.trigger)

            self.controller.signals.workspace_opened.connect(start_import)
        self.controller.begin_own(self)

    # ------------------------------------------------------------------ window state

    def _restore_window_state(self) -> None:
        settings = window_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        try:
            index = int(str(settings.value("window/page", 0)))
        except ValueError:
            index = 0
        self.show_page(index if 0 <= index < len(self.pages) else 0)

    def save_window_state(self) -> None:
        settings = window_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/page", self.stack.currentIndex())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        super().closeEvent(event)
