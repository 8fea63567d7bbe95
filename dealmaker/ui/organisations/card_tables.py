"""The tables of the organisation card as display-ready rows (texts, typed sort values).

Qt-free; the card shows them with the pages' ``RecentTableModel``. Header labels are
Dutch source strings, translated by that model.
"""

from __future__ import annotations

from datetime import date

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur
from dealmaker.services.organisations import OrganisationCard
from dealmaker.services.overview import Column, RecentRow, RecentTable


def _fold(text: str) -> str:
    return text.casefold()


def people_table(card: OrganisationCard) -> RecentTable:
    """Current functions first, then former ones (the latest end first)."""
    cols = (Column("name", "Naam", stretch=True), Column("title", "Functie"),
            Column("start", "Sinds"), Column("end", "Tot"))
    rows = tuple(RecentRow(
        p.person_id, (p.name, p.title, format_date(p.start_date), format_date(p.end_date)),
        (_fold(p.name), _fold(p.title), p.start_date, p.end_date)) for p in card.people)
    return RecentTable("people", "Personen", cols, rows,
                       "Er werkt (nog) niemand bij deze organisatie.")


def children_table(card: OrganisationCard) -> RecentTable:
    """Each unit with the people in it and in the units below it."""
    cols = (Column("name", "Onderdeel", stretch=True), Column("kind", "Soort"),
            Column("people", "Personen", numeric=True))
    rows = tuple(RecentRow(c.id, (f"{c.name} ({c.short_name})" if c.short_name else c.name,
                                  c.kind.label, str(c.people) if c.people else ""),
                           (_fold(c.name), c.kind.label, c.people))
                 for c in card.children)
    return RecentTable("children", "Onderdelen", cols, rows,
                       "Deze organisatie heeft geen onderdelen.")


def deals_table(card: OrganisationCard) -> RecentTable:
    cols = (Column("deal", "Deal", stretch=True), Column("role", "Rol"),
            Column("joined", "Sinds"), Column("left", "Tot"))
    rows = tuple(RecentRow(d.deal_id, (d.name, d.role.label, format_date(d.joined_on),
                                       format_date(d.left_on)),
                           (_fold(d.name), d.role.label, d.joined_on, d.left_on))
                 for d in card.deals)
    return RecentTable("deals", "Deals", cols, rows,
                       "Deze organisatie is geen partij in een deal.")


def pledges_table(card: OrganisationCard) -> RecentTable:
    cols = (Column("deal", "Deal", stretch=True), Column("year", "Jaar", numeric=True),
            Column("sector", "Sector"), Column("form", "Vorm"),
            Column("pledged", "Toegezegd", numeric=True),
            Column("realised", "Gerealiseerd", numeric=True))
    rows = tuple(RecentRow(
        p.id, (p.deal_name, str(p.year), p.sector.label, p.form.label,
               format_eur(p.pledged_cents), format_eur(p.realised_cents)),
        (_fold(p.deal_name), p.year, p.sector.label, p.form.label, p.pledged_cents,
         p.realised_cents)) for p in card.pledges)
    return RecentTable("pledges", "Bijdragen", cols, rows,
                       "Deze organisatie heeft geen bijdragen toegezegd.")


def pledge_totals(card: OrganisationCard) -> tuple[str, str]:
    """(total pledged, total realised), formatted."""
    return (format_eur(sum(p.pledged_cents for p in card.pledges)),
            format_eur(sum(p.realised_cents for p in card.pledges)))


def commitments_table(card: OrganisationCard, today: date) -> RecentTable:
    """Open commitments past their date are marked (red)."""
    cols = (Column("title", "Toezegging", stretch=True), Column("role", "Rol"),
            Column("other", "Tegenpartij"), Column("deal", "Deal"), Column("state", "Status"),
            Column("amount", "Bedrag", numeric=True), Column("due", "Uiterlijk"))
    rows = []
    for c in card.commitments:
        other = c.to_organisation if "van" in c.roles else c.from_organisation
        late = c.state.is_open and c.due_on is not None and c.due_on < today
        rows.append(RecentRow(
            c.id, (c.title, ", ".join(c.roles), other, c.deal_name, c.state.label,
                   format_eur(c.amount_cents), format_date(c.due_on)),
            (_fold(c.title), ", ".join(c.roles), _fold(other), _fold(c.deal_name),
             c.state.label, c.amount_cents, c.due_on),
            frozenset({6}) if late else frozenset()))
    return RecentTable("commitments", "Toezeggingen", cols, tuple(rows),
                       "Geen toezeggingen van of aan deze organisatie.")
