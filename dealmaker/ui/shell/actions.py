"""The registry of window actions: text, shortcut and status tip in one place.

The window supplies a handler per key of its own; ``create_actions`` builds the ``QAction`` objects.
Texts are marked with ``QT_TRANSLATE_NOOP`` (context ``actions``) and translated when the
action is built, so ``pyside6-lupdate`` finds them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

CONTEXT = "actions"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for ``pyside6-lupdate``; typed (Qt's own returns ``object``)."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    """One action: stable key, Dutch text (translatable), shortcut, status tip, menu role."""

    key: str
    text: str
    shortcut: str = ""
    tip: str = ""
    role: QAction.MenuRole = QAction.MenuRole.NoRole


NEW_WORKSPACE = "new_workspace"
NEW_DEMO_WORKSPACE = "new_demo_workspace"
OPEN_WORKSPACE = "open_workspace"
CLEAR_RECENT = "clear_recent"
BACKUP = "backup"
QUIT = "quit"
ABOUT = "about"

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(NEW_WORKSPACE, QT_TRANSLATE_NOOP("actions", "&Nieuwe werkruimte…"), "Ctrl+N",
               QT_TRANSLATE_NOOP("actions", "Een nieuwe, lege werkruimte maken en openen")),
    ActionSpec(NEW_DEMO_WORKSPACE, QT_TRANSLATE_NOOP("actions", "Nieuwe &demowerkruimte…"),
               "Ctrl+Shift+N",
               QT_TRANSLATE_NOOP("actions", "Een werkruimte met verzonnen voorbeeldgegevens "
                                            "maken en openen")),
    ActionSpec(OPEN_WORKSPACE, QT_TRANSLATE_NOOP("actions", "&Openen…"), "Ctrl+O",
               QT_TRANSLATE_NOOP("actions", "Een bestaande werkruimte openen")),
    ActionSpec(CLEAR_RECENT, QT_TRANSLATE_NOOP("actions", "Lijst &wissen")),
    ActionSpec(BACKUP, QT_TRANSLATE_NOOP("actions", "&Back-up maken"), "Ctrl+Shift+B",
               QT_TRANSLATE_NOOP("actions", "Een consistente kopie van de werkruimte naast "
                                            "het bestand schrijven")),
    ActionSpec(QUIT, QT_TRANSLATE_NOOP("actions", "&Afsluiten"), "Ctrl+Q",
               QT_TRANSLATE_NOOP("actions", "dealmaker afsluiten"), QAction.MenuRole.QuitRole),
    ActionSpec(ABOUT, QT_TRANSLATE_NOOP("actions", "&Over dealmaker"), "",
               QT_TRANSLATE_NOOP("actions", "Versie en achtergrond van dealmaker"),
               QAction.MenuRole.AboutRole),
)

SPECS: dict[str, ActionSpec] = {spec.key: spec for spec in ACTIONS}


def build_action(parent: QObject, spec: ActionSpec, handler: Callable[[], object], *,
                 translate: bool = True) -> QAction:
    """A ``QAction`` from a spec; feature packages build theirs with this too."""
    text = QCoreApplication.translate(CONTEXT, spec.text) if translate else spec.text
    action = QAction(text, parent)
    action.setObjectName(spec.key)
    if spec.shortcut:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        action.setStatusTip(QCoreApplication.translate(CONTEXT, spec.tip))
    action.setMenuRole(spec.role)
    action.triggered.connect(lambda _checked=False: handler())
    return action


def create_actions(parent: QObject,
                   handlers: Mapping[str, Callable[[], None]]) -> dict[str, QAction]:
    """One ``QAction`` per registered spec; every spec needs a handler."""
    missing = set(SPECS) - set(handlers)
    if missing:
        raise KeyError(f"geen handler voor: {', '.join(sorted(missing))}")
    return {key: build_action(parent, spec, handlers[key]) for key, spec in SPECS.items()}


def page_action(parent: QObject, number: int, title: str, shortcut: str,
                handler: Callable[[], None]) -> QAction:
    """'Ga naar' action for sidebar page ``number`` (1-based)."""
    spec = ActionSpec(f"page_{number}", title, shortcut)
    return build_action(parent, spec, handler, translate=False)  # the page translated its title
