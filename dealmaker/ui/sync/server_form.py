"""The fields both team dialogs ask: server address, password, shared workspace name.

The password goes into the address only for this session (``connect.remember``): it is
never written to the workspace file; after a restart libpq finds it in ~/.pgpass or
PGPASSWORD (or a certificate is used), as the README says.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from dealmaker.services.sync.connect import SyncError, server_url, with_password


def tr(text: str) -> str:
    return QCoreApplication.translate("sync", text)


class ServerForm(QWidget):
    """Server, Wachtwoord, Gedeelde werkruimte; ``address()`` checks and combines them."""

    def __init__(self, name_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = QLineEdit()
        self.server.setObjectName("serverAddress")
        self.server.setPlaceholderText("postgresql://rol@server/database")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("leeg: uit ~/.pgpass of een certificaat"))
        self.name = QLineEdit()
        self.name.setObjectName("sharedName")
        self.name.setPlaceholderText(name_hint)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(tr("&Server:"), self.server)
        self.form.addRow(tr("&Wachtwoord:"), self.password)
        self.form.addRow(tr("&Gedeelde werkruimte:"), self.name)
        for field in (self.server, self.password, self.name):
            field.setMinimumWidth(360)

    def address(self) -> str:
        """The server address with the password (if typed); ``SyncError`` when invalid."""
        text = self.server.text().strip()
        if not text:
            raise SyncError(tr("Vul het adres van de server in "
                               "(postgresql://rol@server/database)."))
        server_url(text)  # refuses what is not a PostgreSQL address, in one Dutch line
        return with_password(text, self.password.text())

    def shared_name(self) -> str | None:
        return self.name.text().strip() or None


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("teamNote")
    return label
