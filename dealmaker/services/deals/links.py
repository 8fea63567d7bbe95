"""A deal's opgaven and themes as the dossier shows and edits them, and what can be
chosen. A deal's themes are its own (``deal_theme``) plus those of its opgaven."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from dealmaker.services.commitments.register import Choice
from dealmaker.storage.models import DealOpgave, DealTheme, Opgave, Organisation, Theme
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class OpgaveLine:
    id: str
    name: str
    theme_id: str | None
    theme: str
    #: the Rijk organisation that owns the opgave ("" when none)
    owner: str
    owner_id: str | None = None


@dataclass(frozen=True)
class ThemeLine:
    id: str
    name: str
    #: on the deal itself (removable), not only through an opgave
    own: bool
    #: the deal's opgaven on this theme, comma-separated
    via: str = ""


def opgave_lines(s: Session, deal_id: str | None) -> tuple[OpgaveLine, ...]:
    """The deal's opgaven (``deal_id`` None: every opgave, to choose from)."""
    owner = aliased(Organisation)
    stmt = (select(Opgave.id, Opgave.name, Opgave.theme_id, Theme.name, owner.name, owner.id)
            .outerjoin(Theme, Theme.id == Opgave.theme_id)
            .outerjoin(owner, owner.id == Opgave.owner_organisation_id)
            .where(Opgave.deleted_at.is_(None)).order_by(func.lower(Opgave.name)))
    if deal_id is not None:
        stmt = stmt.join(DealOpgave, DealOpgave.opgave_id == Opgave.id).where(
            DealOpgave.deal_id == deal_id, DealOpgave.deleted_at.is_(None))
    return tuple(OpgaveLine(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5])
                 for r in s.execute(stmt))


def theme_lines(s: Session, deal_id: str,
                opgaven: tuple[OpgaveLine, ...]) -> tuple[ThemeLine, ...]:
    own = {tid: name for tid, name in s.execute(select(Theme.id, Theme.name).join(
        DealTheme, DealTheme.theme_id == Theme.id).where(
        DealTheme.deal_id == deal_id, DealTheme.deleted_at.is_(None)))}
    names = dict(own)
    via: dict[str, list[str]] = {}
    for o in opgaven:
        if o.theme_id:
            names[o.theme_id] = o.theme
            via.setdefault(o.theme_id, []).append(o.name)
    return tuple(sorted((ThemeLine(tid, name, tid in own, ", ".join(via.get(tid, ())))
                         for tid, name in names.items()), key=lambda t: t.name.casefold()))


def opgave_choices(ws: Workspace) -> tuple[OpgaveLine, ...]:
    with ws.read() as s:
        return opgave_lines(s, None)


def theme_choices(ws: Workspace) -> tuple[Choice, ...]:
    with ws.read() as s:
        return tuple(Choice(i, n) for i, n in s.execute(
            select(Theme.id, Theme.name).where(Theme.deleted_at.is_(None))
            .order_by(func.lower(Theme.name))))
