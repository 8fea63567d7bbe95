"""A read-only organisation card, for quick-find when the Organisaties page cannot select.

People, sub-organisations, deals, pledges and commitments of one organisation; a person
opens their contact card (double-click or Enter).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur
from dealmaker.services.organisations import OrganisationCard, organisation_card
from dealmaker.services.overview import Column, RecentRow, RecentTable
from dealmaker.ui.actions import QT_TRANSLATE_NOOP
from dealmaker.ui.contacts.card_sections import CardTabs
from dealmaker.ui.pages.base import PageContext


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP("overview", text)


def _tr(text: str) -> str:
    return QCoreApplication.translate("quickfind", text)


def org_tables(card: OrganisationCard) -> list[RecentTable]:
    people = RecentTable("people", _t("Personen"), (
        Column("name", _t("Naam"), stretch=True), Column("title", _t("Functie")),
        Column("from", _t("Van")), Column("to", _t("Tot"))), tuple(
        RecentRow(p.person_id, (p.name, p.title, format_date(p.start_date),
                                format_date(p.end_date)),
                  (p.name.casefold(), p.title.casefold(), p.start_date, p.end_date))
        for p in card.people), _t("Geen personen vastgelegd."))
    children = RecentTable("children", _t("Onderdelen"), (
        Column("name", _t("Naam"), stretch=True), Column("kind", _t("Soort"))), tuple(
        RecentRow(c.id, (c.name, c.kind.label), (c.name.casefold(), c.kind.label))
        for c in card.children), _t("Geen onderliggende organisaties."))
    deals = RecentTable("deals", _t("Deals"), (
        Column("deal", _t("Deal"), stretch=True), Column("role", _t("Rol")),
        Column("joined", _t("Sinds")), Column("left", _t("Vertrokken"))), tuple(
        RecentRow(d.deal_id, (d.name, d.role.label, format_date(d.joined_on),
                              format_date(d.left_on)),
                  (d.name.casefold(), d.role.label, d.joined_on, d.left_on))
        for d in card.deals), _t("Geen deals."))
    pledges = RecentTable("pledges", _t("Bijdragen"), (
        Column("deal", _t("Deal"), stretch=True), Column("year", _t("Jaar"), numeric=True),
        Column("pledged", _t("Toegezegd"), numeric=True),
        Column("realised", _t("Gerealiseerd"), numeric=True)), tuple(
        RecentRow(p.id, (p.deal_name, str(p.year), format_eur(p.pledged_cents),
                         format_eur(p.realised_cents)),
                  (p.deal_name.casefold(), p.year, p.pledged_cents, p.realised_cents))
        for p in card.pledges), _t("Geen bijdragen."))
    commitments = RecentTable("commitments", _t("Toezeggingen"), (
        Column("title", _t("Toezegging"), stretch=True), Column("state", _t("Status")),
        Column("due", _t("Uiterlijk")), Column("role", _t("Rol"))), tuple(
        RecentRow(c.id, (c.title, c.state.label, format_date(c.due_on), ", ".join(c.roles)),
                  (c.title.casefold(), c.state.label, c.due_on, ", ".join(c.roles)))
        for c in card.commitments), _t("Geen toezeggingen."))
    return [people, children, deals, pledges, commitments]


class OrganisationCardDialog(QDialog):
    #: The card's data is shown.
    loaded = Signal()

    def __init__(self, context: PageContext, org_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationCard")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Organisatie"))
        self.resize(860, 560)
        self._context, self.org_id = context, org_id
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.tabs = CardTabs()
        self.tabs.row_activated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def reload(self) -> None:
        ws = self._context.workspace()
        if ws is not None:
            self._context.tasks.run(organisation_card, ws, self.org_id, on_done=self._show,
                                    on_error=lambda exc: self.facts.setText(str(exc)))

    def _show(self, card: OrganisationCard) -> None:
        title = f"{card.name} ({card.short_name})" if card.short_name else card.name
        self.name.setText(title)
        self.setWindowTitle(self.tr("Organisatie — {name}").format(name=title))
        facts = [card.kind.label, card.side.label]
        if card.parent is not None:
            facts.append(_tr("onderdeel van {name}").format(name=card.parent.name))
        if card.aliases:
            facts.append(_tr("ook: {names}").format(names=", ".join(card.aliases)))
        self.facts.setText(" · ".join(facts))
        self.tabs.set_tables(org_tables(card))
        self.loaded.emit()

    def _open(self, table: str, row_id: str) -> None:
        if table == "people":
            from dealmaker.ui.contacts.cards import open_person_card
            open_person_card(self.parentWidget() or self, self._context, row_id)


def open_organisation_card(parent: Any, context: PageContext,
                           org_id: str) -> OrganisationCardDialog:
    dialog = OrganisationCardDialog(context, org_id, parent)
    dialog.reload()
    dialog.show()
    return dialog
