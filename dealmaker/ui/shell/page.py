"""What a sidebar screen is (``Page``), and the registry the sidebar is built from.

Adding a screen: implement ``Page`` in the feature's package and register it in the
feature's installer (``context.pages.register(page)``); the composition root's
``SIDEBAR`` gives its place. The window builds the sidebar, the page stack and the
"Ga naar" menu from the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget


class Page(Protocol):
    """One sidebar screen."""

    #: stable name (window state, "go to", tests): 'overzicht', 'contacten', ...
    key: str
    #: the "Ga naar" shortcut; empty: Ctrl+<position> for the first nine
    shortcut: str

    @property
    def loaded(self) -> SignalInstance:
        """Emitted when the page shows fresh data."""
        ...

    def title(self) -> str:
        """The (translated) name in the sidebar and above the page."""
        ...

    def widget(self) -> QWidget:
        """What the page stack shows."""
        ...

    def set_active(self, active: bool) -> None:
        """The page is (no longer) the one in view; out-of-date data reloads when shown."""
        ...


@runtime_checkable
class SelectsPersons(Protocol):
    """A page with a selection of persons (Contacten): actions can start from it."""

    def selected_person_ids(self) -> list[str]: ...


class Freshness:
    """Reload now if the page is in view, otherwise as soon as it is shown."""

    def __init__(self, reload: Callable[[], None]) -> None:
        self._reload = reload
        self.active = False
        self.stale = True

    def set_active(self, active: bool) -> None:
        self.active = active
        if active and self.stale:
            self._reload()

    def changed(self) -> None:
        """The page's data changed in the workspace."""
        self.stale = True
        if self.active:
            self._reload()


class PageRegistry(QObject):
    """The pages in sidebar order; ``show`` asks the window to bring one into view."""

    #: a feature asked for page ``key`` to be shown (the window switches to it)
    show_requested = Signal(str)

    def __init__(self, order: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order = list(order)
        self._pages: list[Page] = []
        self._current: Page | None = None

    def register(self, page: Page) -> None:
        if any(p.key == page.key for p in self._pages):
            raise ValueError(f"pagina '{page.key}' bestaat al")
        self._pages.append(page)

    def pages(self) -> list[Page]:
        """The registered pages: those named in the order first, in that order."""
        rank = {key: i for i, key in enumerate(self._order)}
        return sorted(self._pages, key=lambda p: rank.get(p.key, len(rank)))

    def get(self, key: str) -> Page | None:
        return next((p for p in self._pages if p.key == key), None)

    def current(self) -> Page | None:
        """The page in view (the window keeps this up to date)."""
        return self._current

    def set_current(self, page: Page) -> None:
        self._current = page

    def show(self, key: str) -> Page | None:
        """Bring page ``key`` into view; returns it (None if there is no such page)."""
        page = self.get(key)
        if page is not None:
            self.show_requested.emit(key)
        return page
