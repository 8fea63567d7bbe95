"""The one context every feature gets: made once by the composition root (``ui.compose``).

A feature never imports another feature, nor the window: what it needs of the application
is here. The workspace, the task lanes and the change signals for its views; the menus,
the action registry and the page registry to plug itself in; and ``commands``, the
entry points the features offer each other (Contacten opens a person's history through
``context.commands.show_history``, whichever package answers it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.actions import ActionSpec, build_action
from dealmaker.ui.shell.local_undo import LocalUndo
from dealmaker.ui.shell.page import PageRegistry
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner

Parent = QWidget | None
#: (parent, person id) / (parent, person ids) / (parent, entity, id)
OnPerson = Callable[[Parent, str], None]
OnPersons = Callable[[Parent, list[str]], None]
OnRecord = Callable[[Parent, str, str], None]


def _missing(name: str) -> Callable[[], Callable[..., None]]:
    """The default of a command slot nobody filled in: calling it says which one."""
    def missing(*_args: Any) -> None:
        raise LookupError(f"geen onderdeel biedt '{name}' aan")

    return lambda: missing


@dataclass
class Commands:
    """What one feature offers the others; each installer fills in its own entries."""

    #: the contact card of a person (``ui.contacts``)
    open_person: OnPerson = field(default_factory=_missing("open_person"))
    #: the Organisaties page with one organisation selected (``ui.organisations``)
    open_organisation: Callable[[str], None] = field(default_factory=_missing("open_organisation"))
    #: every recorded change of a record: (parent, entity, id) (``ui.history``)
    show_history: OnRecord = field(default_factory=_missing("show_history"))
    #: merge two contacts (``ui.merge``)
    start_merge: OnPersons = field(default_factory=_missing("start_merge"))
    #: AVG: export everything about a person, or forget them (``ui.privacy``)
    export_person: OnPerson = field(default_factory=_missing("export_person"))
    forget_person: OnPerson = field(default_factory=_missing("forget_person"))
    #: write the given contacts as vCards (``ui.vcard``)
    export_vcards: OnPersons = field(default_factory=_missing("export_vcards"))
    #: the Deals page with one deal selected (``ui.deals``)
    open_deal: Callable[[str], None] = field(default_factory=_missing("open_deal"))
    #: the editor of one commitment: (parent, commitment id) (``ui.commitments``)
    open_commitment: OnPerson = field(default_factory=_missing("open_commitment"))
    #: the editor of one meeting (overleg): (parent, meeting id) (``ui.meetings``)
    open_meeting: OnPerson = field(default_factory=_missing("open_meeting"))
    #: a new commitment made at a meeting from one of its decisions: (parent, meeting id,
    #: decision text) (``ui.commitments``)
    commitment_from_decision: Callable[[Parent, str, str], None] = field(
        default_factory=_missing("commitment_from_decision"))
    #: the contact-moment form with these participants (``ui.interactions``)
    log_contact_moment: Callable[[Parent, list[str] | None], None] = field(
        default_factory=_missing("log_contact_moment"))
    #: one contact moment in full, to edit or delete: (parent, interaction id)
    #: (``ui.interactions``)
    open_contact_moment: OnPerson = field(default_factory=_missing("open_contact_moment"))
    #: the editor of one pledge: (parent, pledge id) (``ui.cofinancing``)
    open_pledge: OnPerson = field(default_factory=_missing("open_pledge"))
    #: the Cofinanciering ledger filtered to one deal (``ui.cofinancing``)
    show_ledger: Callable[[str], None] = field(default_factory=_missing("show_ledger"))
    #: the Toezeggingen register filtered to (deal id, view: a ``CommitmentView`` value)
    #: (``ui.commitments``)
    show_commitments: Callable[[str, str], None] = field(
        default_factory=_missing("show_commitments"))
    #: open a workspace file in the window, as Bestand > Openen does (the shell)
    open_workspace_file: Callable[[Parent, Path], None] = field(
        default_factory=_missing("open_workspace_file"))
    #: the cofinancing rules per tranche, editable (``ui.deals``)
    edit_cofinancing_rules: Callable[[Parent], None] = field(
        default_factory=_missing("edit_cofinancing_rules"))


@dataclass
class Menus:
    """The menu bar's menus; features add their actions to them."""

    file: QMenu
    #: the separator that ends the features' part of Bestand (above Back-up maken)
    file_features_end: QAction
    edit: QMenu
    go: QMenu
    help: QMenu


@dataclass(frozen=True)
class AppContext:
    """Workspace, task lanes, signals, commands, and (in the window) menus and registries.

    Views and dialogs use only the first three and ``commands``; a test builds
    ``AppContext(signals, tasks, lambda: ws)``. The composition root adds the window
    parts once, before the installers run.
    """

    signals: AppSignals
    tasks: TaskRunner
    workspace: Callable[[], Workspace | None]
    commands: Commands = field(default_factory=Commands)
    pages: PageRegistry = field(default_factory=PageRegistry)
    #: every window action by key (the shell's own and the ones features add)
    actions: dict[str, QAction] = field(default_factory=dict)
    #: the main window: parent of the features' actions and dialogs
    window: QWidget | None = None
    menus: Menus | None = None
    #: steps Ctrl+Z undoes that are not in the journal (a dragged node)
    local_undo: LocalUndo = field(default_factory=LocalUndo)

    def window_menus(self) -> Menus:
        """The menus (only a context made by the composition root has them)."""
        if self.menus is None:
            raise LookupError("deze context hoort niet bij een venster")
        return self.menus

    def share_undo(self, window: QWidget) -> None:
        """Ctrl+Z / Ctrl+Shift+Z also in ``window``, a window of its own (the contact card,
        a contact moment, a deal's dossier): the same undo as the main window's."""
        for key in ("undo", "redo"):
            if (action := self.actions.get(key)) is not None:
                window.addAction(action)

    def add_action(self, menu: QMenu, spec: ActionSpec, handler: Callable[[], object], *,
                   before: QAction | None = None) -> QAction:
        """Build the action of ``spec``, register it and put it in ``menu``."""
        action = build_action(self.window or menu, spec, handler)
        self.actions[spec.key] = action
        if before is None:
            menu.addAction(action)
        else:
            menu.insertAction(before, action)
        return action
