"""Toezeggingen of the deal due up to the reporting year (or without a date)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.enums import CommitmentState
from dealmaker.export.workbook.model import DATE, EURO, KEY, Column, Table
from dealmaker.services.workbook.finance import euros
from dealmaker.storage.models import Commitment, CommitmentStateChange, Organisation, Person

COLUMNS = (Column("Deal"), Column("Toezegging", max_width=60), Column("Soort"),
           Column("Van"), Column("Aan"), Column("Eigenaar"),
           Column("Bedrag", EURO, editable=True), Column("Uiterlijk", DATE),
           Column("Status", editable=True), Column("Sinds", DATE, editable=True),
           Column("Toelichting", max_width=60, editable=True), Column("Over de datum"),
           Column("Sleutel", KEY))
NOTES = ("Gele kolommen mag u invullen: Bedrag, Status (concept, afgesproken, bevestigd, "
         "nagekomen of vervallen), Sinds (datum van de nieuwe status; leeg: de dag van "
         "inlezen) en Toelichting (verplicht bij vervallen).",
         "Verander de kopjes en de verborgen kolom Sleutel niet: daaraan herkent dealmaker "
         "de rijen bij het inlezen.")


def commitments_table(s: Session, deal_id: str, deal_name: str, year_end: date,
                      peil: date) -> tuple[Table, Counter[str]]:
    """The table and counts: 'open', 'over de datum', 'nagekomen', 'vervallen'."""
    src, dst = aliased(Organisation), aliased(Organisation)
    shown = (Commitment.deal_id == deal_id, Commitment.deleted_at.is_(None),
             or_(Commitment.due_on.is_(None), Commitment.due_on <= year_end))
    rows = s.execute(
        select(Commitment.id, Commitment.title, Commitment.kind, Commitment.amount_cents,
               Commitment.due_on, Commitment.state, src.name, dst.name, Person.first_name,
               Person.tussenvoegsel, Person.last_name)
        .join(src, src.id == Commitment.from_organisation_id)
        .join(dst, dst.id == Commitment.to_organisation_id)
        .outerjoin(Person, Person.id == Commitment.owner_id)
        .where(*shown)
        .order_by(Commitment.due_on, Commitment.title)).all()
    table = Table("Toezeggingen", COLUMNS, notes=NOTES)
    counts: Counter[str] = Counter()
    steps = current_steps(s, shown)
    for c in rows:
        source, target = c[6], c[7]
        owner = " ".join(x for x in (c.first_name, c.tussenvoegsel, c.last_name) if x)
        since, note = steps.get(c.id, (None, ""))
        late = c.state.is_open and c.due_on is not None and c.due_on < peil
        counts["open" if c.state.is_open else c.state.value] += 1
        counts["over de datum"] += late
        table.rows.append((
            deal_name, c.title, c.kind.label, source, target,
            owner or None,
            euros(c.amount_cents) if c.amount_cents is not None else None,
            c.due_on, c.state.label, since, note or None, "ja" if late else "nee", c.id))
    for state in (CommitmentState.NAGEKOMEN.value, CommitmentState.VERVALLEN.value):
        counts.setdefault(state, 0)
    return table, counts


def current_steps(s: Session, shown: tuple[ColumnElement[bool], ...]
                  ) -> dict[str, tuple[date, str]]:
    """Commitment id -> (date, note) of the step that set the current state of each
    commitment ``shown`` selects."""
    out: dict[str, tuple[date, str]] = {}
    for cid, on, note in s.execute(
            select(CommitmentStateChange.commitment_id, CommitmentStateChange.changed_on,
                   CommitmentStateChange.note)
            .join(Commitment, Commitment.id == CommitmentStateChange.commitment_id)
            .where(*shown, CommitmentStateChange.deleted_at.is_(None))
            .order_by(CommitmentStateChange.changed_on, CommitmentStateChange.created_at)):
        out[cid] = (on, note)
    return out
