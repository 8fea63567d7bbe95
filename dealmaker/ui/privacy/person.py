"""AVG per person: export everything held (inzage) and forget a person.

``export_person(parent, context, person_id)`` asks for a folder and writes an .xlsx and
a .json there (progress, Annuleren); ``forget_person(parent, context, person_id)`` asks a serious
confirmation that names the person, forgets in the background and reports the result.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dealmaker.services.history import record_title
from dealmaker.services.privacy import ForgetResult
from dealmaker.services.privacy import forget_person as forget_service
from dealmaker.services.privacy.export import ExportStep, export_steps
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.privacy.names import safe_file_name
from dealmaker.ui.shell.busy import run_busy, warn
from dealmaker.ui.shell.context import AppContext

CONTEXT = "Privacy"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def inzage_paths(ws: Workspace, person_id: str, folder: Path,
                 name: str | None = None) -> tuple[str, Path, Path]:
    """'AVG-inzage <naam> <datum>.xlsx/.json' in ``folder``, never an existing name."""
    name = name or record_title(ws, "person", person_id)
    stem = f"AVG-inzage {safe_file_name(name)} {date.today():%Y-%m-%d}"
    number = 1
    while True:
        suffix = "" if number == 1 else f" ({number})"
        xlsx, json = folder / f"{stem}{suffix}.xlsx", folder / f"{stem}{suffix}.json"
        if not xlsx.exists() and not json.exists():
            return name, xlsx, json
        number += 1


def _inzage(ws: Workspace, person_id: str, folder: Path,
            name: str | None) -> Generator[ExportStep, None, tuple[str, Path, Path]]:
    who, xlsx, json = inzage_paths(ws, person_id, folder, name)
    yield from export_steps(ws, person_id, xlsx, json)
    return who, xlsx, json


def export_person(parent: QWidget | None, context: AppContext, person_id: str, *,
                  name: str | None = None) -> None:
    """Ask a folder; write everything held about the person there as .xlsx and .json,
    in the background with progress and Annuleren (a cancelled inzage leaves no file)."""
    ws = context.workspace()
    if ws is None:
        return
    folder = QFileDialog.getExistingDirectory(parent, _tr("Map kiezen voor de AVG-inzage"),
                                              str(ws.path.parent))
    if not folder:
        return
    signals = context.signals

    def done(written: tuple[str, Path, Path]) -> None:
        who, xlsx, json = written
        signals.status_message.emit(_tr("Gegevens van {name} geschreven in {folder}: {xlsx} en "
                                        "{json}").format(name=who, folder=xlsx.parent,
                                                         xlsx=xlsx.name, json=json.name))

    context.tasks.run_steps(
        _inzage(ws, person_id, Path(folder), name), title=_tr("Gegevens exporteren (AVG)"),
        parent=parent, on_done=done,
        on_cancel=lambda: signals.status_message.emit(_tr("AVG-inzage geannuleerd.")),
        on_error=lambda exc: warn(parent, _tr("Gegevens exporteren (AVG)"),
                                  _tr("De export is mislukt: {error}").format(error=exc)))


def confirm_forget(parent: QWidget | None, name: str) -> bool:
    """The serious question: True only when the user chose 'Definitief vergeten'."""
    box = QMessageBox(parent)
    box.setObjectName("confirmForget")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Persoon vergeten (AVG)"))
    box.setText(_tr("‘{name}’ definitief vergeten?").format(name=name))
    box.setInformativeText(_tr(
        "Naam, e-mailadres, telefoonnummer en notities worden gewist, ook van de "
        "contacten die ooit met dit contact zijn samengevoegd; het contact heet daarna "
        "‘Vergeten persoon’. Waar de persoon elders in de werkruimte genoemd wordt "
        "(teksten bij anderen, wijzigingsgeschiedenis) komt ‘[vergeten persoon]’: de "
        "volledige naam (ook zonder accenten, in hoofdletters of over regels verdeeld), "
        "het e-mailadres, het telefoonnummer, en de voornaam (3+ letters) of achternaam "
        "(4+ letters) los als die met een hoofdletter staat en geen ander contact zo heet "
        "(niet in namen van organisaties en deals: ‘Visser Installatietechniek’ blijft). "
        "Regels over de persoon in het logbestand en AVG-inzagebestanden naast de "
        "werkruimte worden verwijderd. "
        "Contactmomenten en toezeggingen blijven bestaan, zonder naam.\n\n"
        "Dit kan niet ongedaan worden gemaakt. Ook de back-ups die dealmaker naast "
        "de werkruimte heeft gemaakt worden opgeschoond; back-ups uit een oudere versie "
        "worden verwijderd."))
    forget = box.addButton(_tr("Definitief vergeten"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is forget


def result_text(name: str, result: ForgetResult) -> str:
    lines = [_tr("‘{name}’ is vergeten.").format(name=name), "",
             _tr("Teksten aangepast waarin de naam of het adres stond: {n}").format(
                 n=result.texts_replaced),
             _tr("Regels uit de wijzigingsgeschiedenis gewist: {n}").format(
                 n=result.journal_rows_scrubbed),
             _tr("Back-ups opgeschoond: {n}; oude back-ups verwijderd: {m}").format(
                 n=len(result.backups_forgotten), m=len(result.backups_deleted))]
    if result.duplicates_forgotten:
        lines.append(_tr("Samengevoegde dubbele contacten ook vergeten: {n}").format(
            n=result.duplicates_forgotten))
    if not result.fully_compacted:
        lines += ["", _tr(
            "Let op: de werkruimte was ook elders geopend (een ander venster of programma), "
            "waardoor nog niet alle oude gegevens uit het bestand zijn verdwenen. Sluit die "
            "en open de werkruimte opnieuw; dan verdwijnt de rest.")]
    return "\n".join(lines)


def forget_person(parent: QWidget | None, context: AppContext, person_id: str, *,
                  name: str | None = None,
                  on_forgotten: Callable[[ForgetResult], None] | None = None) -> None:
    """Confirm (naming the person), forget in the background, report the result."""
    ws = context.workspace()
    if ws is None:
        return
    if name is None:
        context.tasks.run(record_title, ws, "person", person_id,
                          on_done=lambda found: forget_person(
                              parent, context, person_id, name=found,
                              on_forgotten=on_forgotten),
                          on_error=lambda exc: warn(
                              parent, _tr("Persoon vergeten (AVG)"), str(exc)))
        return
    if not confirm_forget(parent, name):
        return
    signals = context.signals

    def done(result: ForgetResult) -> None:
        signals.changes_applied.emit(result.changes)
        signals.status_message.emit(_tr("‘{name}’ is vergeten.").format(name=name))
        QMessageBox.information(parent, _tr("Persoon vergeten (AVG)"), result_text(name, result))
        if on_forgotten is not None:
            on_forgotten(result)

    run_busy(context, parent, _tr("Persoon vergeten…"), forget_service, ws, person_id,
             write=True, on_done=done,
             on_error=lambda exc: warn(
                 parent, _tr("Persoon vergeten (AVG)"),
                 _tr("Vergeten is mislukt: {error}").format(error=exc)))
