"""The organisation card beside the tree: who works there (and worked), its units, its
deals with role, its pledges (in euros) and the commitments made by or to it."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from dealmaker.services.organisations import OrganisationCard
from dealmaker.ui.organisations import card_tables as T
from dealmaker.ui.organisations.card_table import CardTable

TABS = ("people", "children", "deals", "pledges", "commitments")


class OrganisationCardView(QStackedWidget):
    """Shows one ``OrganisationCard``, or a sentence when no organisation is chosen."""

    #: The user asked for another organisation (the parent link, a unit double-clicked).
    organisation_activated = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationCard")
        self.card: OrganisationCard | None = None
        self.placeholder = QLabel()
        self.placeholder.setObjectName("emptyText")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.name = QLabel()
        self.name.setObjectName("cardTitle")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.linkActivated.connect(
            lambda link: self.organisation_activated.emit(link.removeprefix("org:")))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("pageIntro")
        self.totals = QLabel()
        self.totals.setObjectName("cardTotals")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        #: the tab the user chose last; an empty list gives way to the first filled one
        self._preferred = 0
        self.tabs.tabBarClicked.connect(self._remember_tab)
        self.tables: dict[str, CardTable] = {}
        for key in TABS:
            table = CardTable()
            table.setObjectName(f"card_{key}")
            self.tables[key] = table
            if key == "pledges":
                holder = QWidget()
                box = QVBoxLayout(holder)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(table, 1)
                box.addWidget(self.totals)
                self.tabs.addTab(holder, "")
            else:
                self.tabs.addTab(table, "")
        self.tables["children"].activated_id.connect(self.organisation_activated)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.notes)
        layout.addWidget(self.tabs, 1)
        self.addWidget(self.placeholder)
        self.addWidget(content)
        self.show_empty(self.tr("Kies links een organisatie om haar kaart te zien."))

    def show_empty(self, text: str) -> None:
        self.card = None
        self.placeholder.setText(text)
        self.setCurrentWidget(self.placeholder)

    def show_card(self, card: OrganisationCard, today: date | None = None) -> None:
        today = today or date.today()
        self.card = card
        short = f" ({card.short_name})" if card.short_name else ""
        self.name.setText(card.name + short)
        self.facts.setText(self._facts(card))
        self.notes.setText(card.notes)
        self.notes.setVisible(bool(card.notes.strip()))
        former = frozenset(p.person_id for p in card.people if not p.current)
        current = sum(1 for p in card.people if p.current)
        tables = (T.people_table(card), T.children_table(card), T.deals_table(card),
                  T.pledges_table(card), T.commitments_table(card, today))
        for table in tables:
            self.tables[table.key].set_table(table, former if table.key == "people"
                                             else frozenset())
        pledged, realised = T.pledge_totals(card)
        self.totals.setText(self.tr("Totaal toegezegd: {pledged} · gerealiseerd: {realised}")
                            .format(pledged=pledged, realised=realised))
        self.totals.setVisible(bool(card.pledges))
        titles = (
            self.tr("Personen ({current} huidig, {former} voormalig)").format(
                current=current, former=len(card.people) - current)
            if len(card.people) > current
            else self.tr("Personen ({n})").format(n=current),
            self.tr("Onderdelen ({n})").format(n=len(card.children)),
            self.tr("Deals ({n})").format(n=len(card.deals)),
            self.tr("Bijdragen ({n})").format(n=len(card.pledges)),
            self.tr("Toezeggingen ({n})").format(n=len(card.commitments)),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        filled = [i for i, t in enumerate(tables) if t.rows]
        tab = self._preferred if self._preferred in filled or not filled else filled[0]
        self.tabs.setCurrentIndex(tab)
        self.setCurrentIndex(1)

    def _remember_tab(self, index: int) -> None:
        if index >= 0:
            self._preferred = index

    def _facts(self, card: OrganisationCard) -> str:
        parts = [html.escape(card.kind.label), html.escape(card.side.label)]
        here = sum(1 for p in card.people if p.current)
        if card.parent is not None:
            parts.append(self.tr("valt onder {link}").format(
                link=f'<a href="org:{card.parent.id}">{html.escape(card.parent.name)}</a>'))
        if card.helix is not None:
            parts.append(self.tr("helix: {value}").format(value=card.helix.label))
        if card.levensgemeenschap is not None:
            parts.append(self.tr("levensgemeenschap: {value}").format(
                value=card.levensgemeenschap.label.lower()))
        if card.aliases:
            parts.append(self.tr("ook: {names}").format(
                names=html.escape(", ".join(card.aliases))))
        if card.people_total > here:
            parts.append(self.tr("{total} personen, waarvan {below} in onderdelen").format(
                total=card.people_total, below=card.people_total - here))
        return " · ".join(parts)
