"""What the sync control says: the status line, the messages, the questions (Dutch).

Temporary status-bar messages stay short (they share the bar with the sync status and
were cut at 1024 px); a longer reason goes in the status label's tooltip.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from dealmaker.domain.numbers import format_count
from dealmaker.services.sync.connect import plain_address
from dealmaker.services.sync.engine import SyncResult
from dealmaker.services.sync.mass import Deletions
from dealmaker.services.sync.status import SyncStatus

CANCELLED = "Synchronisatie afgebroken; er is niets gewijzigd."


def tr(text: str) -> str:
    return QCoreApplication.translate("sync", text)


def status_text(status: SyncStatus, offline: bool, waiting: bool = False) -> str:
    """'Gedeeld (Team) · laatst 05-12-2026 02:10 · 3 te versturen · 1 conflict'
    (or '2 conflicten'); 'wacht op bevestiging' while a mass deletion waits."""
    if not status.shared:
        return tr("Niet gedeeld")
    parts = [tr("Gedeeld ({name})").format(name=status.workspace_name)]
    if status.last_sync_at is not None:
        parts.append(tr("laatst {at}").format(at=_when(status.last_sync_at)))
    parts.append(tr("{n} te versturen").format(n=format_count(status.pending)))
    if waiting:
        parts.append(tr("wacht op bevestiging"))
    if status.open_conflicts:
        parts.append(tr("1 conflict") if status.open_conflicts == 1 else
                     tr("{n} conflicten").format(n=format_count(status.open_conflicts)))
    if offline:
        parts.append(tr("offline"))
    return " · ".join(parts)


def _when(at: datetime, today: date | None = None) -> str:
    """'07:32' today (room for the messages beside it at 1024 px), else '04-12-2026 07:32'."""
    local = at.astimezone()
    if local.date() == (today or datetime.now().astimezone().date()):
        return local.strftime("%H:%M")
    return local.strftime("%d-%m-%Y %H:%M")


def synced_text(result: SyncResult) -> str:
    """'Gesynchroniseerd: 1 verstuurd, 2 ontvangen, 1 nieuw conflict'."""
    text = tr("Gesynchroniseerd: {p} verstuurd, {q} ontvangen").format(
        p=format_count(result.pushed), q=format_count(result.pulled))
    if result.conflicts == 1:
        text += tr(", 1 nieuw conflict")
    elif result.conflicts:
        text += tr(", {n} nieuwe conflicten").format(n=format_count(result.conflicts))
    return text


def mass_question(gone: Deletions) -> str:
    """The window's own words for a pull that would delete a large part of the file."""
    return tr("{who} heeft {what} verwijderd. Synchroniseren verwijdert ze ook in deze "
              "werkruimte; er is nog niets gewijzigd.\n\nToch synchroniseren?").format(
        who=gone.who(), what=gone.what())


def waiting_tip(gone: Deletions) -> str:
    """The status label's tooltip while the question waits (a background sync found it)."""
    return tr("{who} heeft {what} verwijderd. Klik op Synchroniseren om dat te bevestigen; "
              "tot dan worden ook uw eigen wijzigingen niet verstuurd.").format(
        who=gone.who(), what=gone.what())


def password_prompt(server: str, refused: str | None) -> str:
    """'Wachtwoord van postgresql://carla@host/db:', after the refusal only when a
    password typed this session was refused (the first sync of a session just asks)."""
    ask = tr("Wachtwoord van {server}:").format(server=plain_address(server))
    return ask if refused is None else refused + "\n" + ask
