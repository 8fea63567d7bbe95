"""Wires the contacts feature into the main window (one call from ``_install_features``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dealmaker.ui.main_window import MainWindow


def install_contacts(window: MainWindow) -> None:
    """Quick-find (Ctrl+K) in the Bewerken menu; the Contacten page builds itself."""
    from dealmaker.ui.quickfind.install import install_quickfind

    install_quickfind(window)
