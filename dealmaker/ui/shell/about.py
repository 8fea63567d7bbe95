"""The Help > Over dealmaker box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

import dealmaker


def about_text() -> str:
    """Rich text with the version."""
    tr = QCoreApplication.translate
    return tr("about",
              "<h3>dealmaker {version}</h3>"
              "<p>Offline relatiebeheer voor de dealmakers van de Regio Deals: contacten, "
              "organisaties, deals, toezeggingen, cofinanciering, het connectieplan en "
              "monitoring in één werkruimte op uw eigen computer.</p>"
              "<p>Voorbeeldgegevens in een demowerkruimte zijn verzonnen.</p>"
              ).format(version=dealmaker.__version__)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("about", "Over dealmaker"),
                      about_text())
