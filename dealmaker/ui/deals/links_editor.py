"""Dossier tab 'Opgaven en thema's': the deal's opgaven (with theme and owning Rijk
organisation) and themes; added and removed here, saved with the deal as one step. A
theme that comes with an opgave goes when the opgave goes; the deal's own themes are
removed here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from dealmaker.services.commitments.register import Choice
from dealmaker.services.deals.links import OpgaveLine, ThemeLine
from dealmaker.ui.deals.dossier_tabs import fill_table, stretch_all, table
from dealmaker.ui.shell.fields import LazyCombo, chosen
from dealmaker.ui.shell.table_model import ObjectRole


class LinksEditor(QWidget):
    def __init__(self, opgaven: Callable[[], tuple[OpgaveLine, ...]],
                 themes: Callable[[], tuple[Choice, ...]], parent: Any = None) -> None:
        """``opgaven`` and ``themes`` fetch what can be chosen, when first needed."""
        super().__init__(parent)
        self._known: dict[str, OpgaveLine] = {}
        self._theme_names: dict[str, str] = {}
        self.opgaven: list[OpgaveLine] = []
        self.own_themes: list[str] = []
        self.opgave_table = table("dealOpgaven", (self.tr("Opgave"), self.tr("Thema"),
                                                  self.tr("Eigenaar bij het Rijk")), ())
        self.theme_table = table("dealThemes", (self.tr("Thema"), self.tr("Via opgave")), ())
        for t in (self.opgave_table, self.theme_table):
            stretch_all(t)

        def opgave_entries() -> list[tuple[str, object]]:
            lines = opgaven()
            self._known.update((o.id, o) for o in lines)
            return [(o.name, o.id) for o in lines]

        def theme_entries() -> list[tuple[str, object]]:
            found = themes()
            self._theme_names.update((c.id, c.name) for c in found)
            return [(c.name, c.id) for c in found]

        self.opgave = LazyCombo("opgaveChoice", editable=True)
        self.opgave.set_loader(("", None), opgave_entries)
        self.theme = LazyCombo("themeChoice", editable=True)
        self.theme.set_loader(("", None), theme_entries)
        layout = QVBoxLayout(self)
        for title, tbl, combo, add, remove in (
                (self.tr("Opgaven"), self.opgave_table, self.opgave, self.add_opgave,
                 self.remove_opgaven),
                (self.tr("Thema's"), self.theme_table, self.theme, self.add_theme,
                 self.remove_themes)):
            layout.addWidget(QLabel(title))
            layout.addWidget(tbl, 1)
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            for text, slot, name in ((self.tr("Toevoegen"), add, "add"),
                                     (self.tr("Verwijderen"), remove, "remove")):
                button = QPushButton(text)
                button.setObjectName(f"{name}{tbl.objectName()[4:]}")
                button.clicked.connect(slot)
                row.addWidget(button)
            layout.addLayout(row)

    def load(self, opgaven: Sequence[OpgaveLine], themes: Sequence[ThemeLine]) -> None:
        self.opgaven = list(opgaven)
        self._known.update((o.id, o) for o in opgaven)
        self._theme_names.update((t.id, t.name) for t in themes)
        self.own_themes = [t.id for t in themes if t.own]
        self._show()

    def _theme_rows(self) -> list[tuple[str, str, str]]:
        via: dict[str, list[str]] = {}
        for o in self.opgaven:
            if o.theme_id:
                self._theme_names.setdefault(o.theme_id, o.theme)
                via.setdefault(o.theme_id, []).append(o.name)
        ids = list(dict.fromkeys([*self.own_themes, *via]))
        rows = [(tid, self._theme_names.get(tid, "?"), ", ".join(via.get(tid, ())))
                for tid in ids]
        return sorted(rows, key=lambda r: r[1].casefold())

    def _show(self) -> None:
        fill_table(self.opgave_table, [(o.name, o.theme, o.owner) for o in self.opgaven],
                   [o.id for o in self.opgaven])
        rows = self._theme_rows()
        fill_table(self.theme_table, [(r[1], r[2]) for r in rows], [r[0] for r in rows])

    def add_opgave(self) -> None:
        oid = chosen(self.opgave)
        if oid is not None and oid not in {o.id for o in self.opgaven}:
            self.opgaven.append(self._known[oid])
            self.opgaven.sort(key=lambda o: o.name.casefold())
            self._show()
        self.opgave.setCurrentIndex(0)

    def add_theme(self) -> None:
        tid = chosen(self.theme)
        if tid is not None and tid not in self.own_themes:
            self.own_themes.append(tid)
            self._show()
        self.theme.setCurrentIndex(0)

    def _selected(self, tbl: QTableWidget) -> set[str]:
        items = [tbl.item(i.row(), 0) for i in tbl.selectedIndexes()]
        return {str(item.data(ObjectRole)) for item in items if item is not None}

    def remove_opgaven(self) -> None:
        gone = self._selected(self.opgave_table)
        self.opgaven = [o for o in self.opgaven if o.id not in gone]
        self._show()

    def remove_themes(self) -> None:
        gone = self._selected(self.theme_table)
        self.own_themes = [t for t in self.own_themes if t not in gone]
        self._show()

    def opgave_ids(self) -> list[str]:
        return [o.id for o in self.opgaven]

    def theme_ids(self) -> list[str]:
        """The deal's own themes (those of its opgaven come with them)."""
        return list(self.own_themes)
