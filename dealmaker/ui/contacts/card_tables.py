"""The card's lists as ``RecentTable`` data: positions, relations, timeline, commitments,
pledges and deals. Plain functions from the service's ``PersonCard``; headers are Dutch
source strings (the table model translates them in the ``overview`` context)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur
from dealmaker.services.contact_card import PersonCard
from dealmaker.services.overview import Column, RecentRow, RecentTable
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP

CX = "overview"


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP(CX, text)


def _tr(text: str) -> str:
    return QCoreApplication.translate("contacts", text)


def timeline_table(card: PersonCard, today: date) -> RecentTable:
    columns = (Column("date", _t("Datum")), Column("kind", _t("Soort")),
               Column("summary", _t("Verslag"), stretch=True),
               Column("with", _t("Met")), Column("deals", _t("Deals")),
               Column("follow_up", _t("Opvolging")))
    rows = []
    for e in card.timeline:
        others = ", ".join(p.label for p in e.participants if p.id != card.id)
        follow = ""
        if e.follow_up_on is not None:
            follow = f"{format_date(e.follow_up_on)} {e.follow_up_action}".strip()
            if e.follow_up_done_on is not None:
                follow += _tr(" (gedaan {date})").format(date=format_date(e.follow_up_done_on))
        late = (e.follow_up_on is not None and e.follow_up_done_on is None
                and e.follow_up_on < today)
        summary = " — ".join(x for x in (e.theme, e.summary) if x)
        rows.append(RecentRow(
            e.interaction_id,
            (format_date(e.occurred_on), e.kind.label, summary, others,
             ", ".join(d.name for d in e.deals), follow),
            (e.occurred_on, e.kind.label, summary.casefold(), others.casefold(),
             None, e.follow_up_on),
            frozenset({5}) if late else frozenset()))
    return RecentTable("timeline", _t("Tijdlijn"), columns, tuple(rows),
                       _t("Nog geen contactmomenten met deze persoon."))


def positions_table(card: PersonCard) -> RecentTable:
    """Current functions say "huidig" where the end date would be (no status column: the
    card is narrow and the successor and predecessor need the room)."""
    columns = (Column("title", _t("Functie")), Column("org", _t("Organisatie"), stretch=True),
               Column("from", _t("Van")), Column("to", _t("Tot")),
               Column("successor", _t("Opvolger")), Column("predecessor", _t("Voorganger")))
    rows = []
    for p in card.positions:
        after = f"{p.successor.name} ({p.successor.title})" if p.successor else ""
        before = f"{p.predecessor.name} ({p.predecessor.title})" if p.predecessor else ""
        until = _tr("huidig") if p.current else format_date(p.end_date)
        rows.append(RecentRow(
            p.position_id,
            (p.title, p.organisation, format_date(p.start_date), until, after, before),
            (p.title.casefold(), p.organisation.casefold(), p.start_date,
             p.end_date or date.max, after.casefold(), before.casefold())))
    return RecentTable("positions", _t("Functies"), columns, tuple(rows),
                       _t("Geen functies vastgelegd."))


def relations_table(card: PersonCard) -> RecentTable:
    columns = (Column("with", _t("Met"), stretch=True), Column("dir", _t("Richting")),
               Column("kind", _t("Soort")), Column("strength", _t("Sterkte"), numeric=True),
               Column("since", _t("Sinds")), Column("theme", _t("Thema")),
               Column("note", _t("Notitie")))
    rows = [RecentRow(
        f"{r.other_kind}:{r.other_id}:{r.relation_id}",
        (r.other_name, _tr("naar") if r.outgoing else _tr("van"), r.kind.label, f"{r.strength}/5",
         format_date(r.since), r.theme, r.note),
        (r.other_name.casefold(), r.outgoing, r.kind.label, r.strength, r.since,
         r.theme.casefold(), r.note.casefold()))
        for r in card.relations]
    return RecentTable("relations", _t("Relaties"), columns, tuple(rows),
                       _t("Geen relaties vastgelegd."))


def commitments_table(card: PersonCard, today: date) -> RecentTable:
    # the kind (financieel, capaciteit, ...) stays on the Toezeggingen page: room here
    # goes to the parties and the due date
    columns = (Column("title", _t("Toezegging"), stretch=True),
               Column("state", _t("Status")), Column("deal", _t("Deal")),
               Column("parties", _t("Van → aan")),
               Column("amount", _t("Bedrag"), numeric=True), Column("due", _t("Uiterlijk")),
               Column("role", _t("Rol")))
    rows = []
    for c in card.commitments:
        late = c.state.is_open and c.due_on is not None and c.due_on < today
        parties = f"{c.from_organisation} → {c.to_organisation}"
        rows.append(RecentRow(
            c.id,
            (c.title, c.state.label, c.deal_name, parties,
             format_eur(c.amount_cents), format_date(c.due_on), ", ".join(c.roles)),
            (c.title.casefold(), c.state.label, c.deal_name.casefold(),
             parties.casefold(), c.amount_cents, c.due_on, ", ".join(c.roles)),
            frozenset({5}) if late else frozenset()))
    return RecentTable("commitments", _t("Toezeggingen"), columns, tuple(rows),
                       _t("Geen toezeggingen waarbij deze persoon betrokken is."))


def pledges_table(card: PersonCard) -> RecentTable:
    columns = (Column("deal", _t("Deal"), stretch=True), Column("org", _t("Organisatie")),
               Column("year", _t("Jaar"), numeric=True), Column("sector", _t("Sector")),
               Column("form", _t("Vorm")), Column("pledged", _t("Toegezegd"), numeric=True),
               Column("realised", _t("Gerealiseerd"), numeric=True))
    rows = [RecentRow(
        p.id,
        (p.deal_name, p.organisation, str(p.year), p.sector.label, p.form.label,
         format_eur(p.pledged_cents), format_eur(p.realised_cents)),
        (p.deal_name.casefold(), p.organisation.casefold(), p.year, p.sector.label,
         p.form.label, p.pledged_cents, p.realised_cents))
        for p in card.pledges]
    return RecentTable("pledges", _t("Bijdragen"), columns, tuple(rows),
                       _t("Geen bijdragen van de organisaties van deze persoon."))


def deals_table(card: PersonCard) -> RecentTable:
    columns = (Column("deal", _t("Deal"), stretch=True), Column("role", _t("Rol")))
    rows = [RecentRow(d.deal_id, (d.name, d.role), (d.name.casefold(), d.role.casefold()))
            for d in card.deals]
    return RecentTable("deals", _t("Deals"), columns, tuple(rows),
                       _t("Deze persoon is bij geen deal betrokken."))


def card_tables(card: PersonCard, today: date) -> list[RecentTable]:
    """In the order of the card's tabs."""
    return [timeline_table(card, today), positions_table(card), relations_table(card),
            commitments_table(card, today), pledges_table(card), deals_table(card)]
