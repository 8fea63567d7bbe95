"""The Organisaties tree: list, create, rename and move organisations (journalled); the
organisation card is in ``organisation_card`` (re-exported here).

The Rijk side nests ministerie > DG > directie > afdeling through ``parent_id``; regional
parties are mostly roots, which the UI groups by kind. The tree is returned as a flat
list sorted by name (two queries in all); the view builds its items from ``parent_id``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import Helix, Levensgemeenschap, OrgKind, Side
from dealmaker.services.changes import Changes
from dealmaker.services.organisation_card import (
    OrganisationCard,
    OrgDealRow,
    OrgPersonRow,
    OrgRef,
    organisation_card,
    people_below,
)
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import (
    Organisation,
    Position,
)
from dealmaker.storage.workspace import Workspace

__all__ = ["OrgDealRow", "OrgNode", "OrgPersonRow", "OrgRef", "OrganisationCard",
           "OrganisationData", "create_organisation", "organisation_card",
           "organisation_tree", "people_below", "rename_organisation",
           "reparent_organisation"]

TABLES = frozenset({"organisation"})


@dataclass(frozen=True)
class OrgNode:
    id: str
    name: str
    short_name: str | None
    kind: OrgKind
    side: Side
    parent_id: str | None
    #: persons with a current position directly at this unit (not in units below it)
    person_count: int


def organisation_tree(ws: Workspace) -> list[OrgNode]:
    """All live organisations by name; a parent that was deleted makes its child a root."""
    people = (select(Position.organisation_id, func.count(func.distinct(Position.person_id)))
              .where(Position.deleted_at.is_(None), Position.end_date.is_(None))
              .group_by(Position.organisation_id))
    with ws.read() as s:
        counts: dict[str, int] = {oid: n for oid, n in s.execute(people)}
        orgs = s.execute(
            select(Organisation.id, Organisation.name, Organisation.short_name,
                   Organisation.kind, Organisation.side, Organisation.parent_id)
            .where(Organisation.deleted_at.is_(None))
            .order_by(func.lower(Organisation.name), Organisation.id)).all()
    live = {o.id for o in orgs}
    return [OrgNode(oid, name, short, kind, side, parent if parent in live else None,
                    counts.get(oid, 0))
            for oid, name, short, kind, side, parent in orgs]


@dataclass(frozen=True)
class OrganisationData:
    name: str
    kind: OrgKind
    side: Side
    short_name: str | None = None
    parent_id: str | None = None
    aliases: Sequence[str] = field(default_factory=tuple)
    levensgemeenschap: Levensgemeenschap | None = None
    helix: Helix | None = None
    notes: str = ""


def _live(s: Session, org_id: str) -> Organisation:
    org = s.get(Organisation, org_id)
    if org is None or org.deleted_at is not None:
        raise LookupError(f"Organisatie {org_id} bestaat niet (meer).")
    return org


def _clean_name(name: str) -> str:
    if not name.strip():
        raise ValidationError("name", "Een organisatie heeft een naam nodig.")
    return " ".join(name.split())


def _check_parent(s: Session, org_id: str | None, parent_id: str | None) -> None:
    """Refuse a parent that is missing, the organisation itself, or one of its units."""
    if parent_id is None:
        return
    if parent_id == org_id:
        raise ValidationError("parent_id", "Een organisatie kan niet onder zichzelf vallen.")
    parent = s.get(Organisation, parent_id)
    if parent is None or parent.deleted_at is not None:
        raise ValidationError("parent_id", "De gekozen bovenliggende organisatie bestaat niet "
                                           "(meer).")
    seen: set[str] = set()
    node: Organisation | None = parent
    while node is not None and node.id not in seen:
        seen.add(node.id)
        if node.parent_id == org_id and org_id is not None:
            raise ValidationError(
                "parent_id", f"'{parent.name}' valt al onder deze organisatie; zo ontstaat "
                             "een kring.")
        node = s.get(Organisation, node.parent_id) if node.parent_id else None


def create_organisation(ws: Workspace, data: OrganisationData) -> tuple[str, Changes]:
    with ws.uow("Organisatie toevoegen") as uow:
        s = uow.session
        _check_parent(s, None, data.parent_id)
        org = Organisation(
            name=_clean_name(data.name), kind=OrgKind(data.kind), side=Side(data.side),
            short_name=(data.short_name or "").strip() or None, parent_id=data.parent_id,
            aliases=[a.strip() for a in data.aliases if a.strip()],
            levensgemeenschap=data.levensgemeenschap, helix=data.helix, notes=data.notes)
        s.add(org)
        s.flush()
        op = uow.commit()
    return org.id, Changes(TABLES, op)


def rename_organisation(ws: Workspace, org_id: str, name: str,
                        short_name: str | None = None) -> Changes:
    """New name and short name (``None`` or "" clears the short name)."""
    with ws.uow("Organisatie hernoemen") as uow:
        org = _live(uow.session, org_id)
        org.name = _clean_name(name)
        org.short_name = (short_name or "").strip() or None
        op = uow.commit()
    return Changes(TABLES | {"person"}, op)


def reparent_organisation(ws: Workspace, org_id: str, new_parent_id: str | None) -> Changes:
    """Move an organisation (with its units) under another, or to the top level."""
    with ws.uow("Organisatie verplaatsen") as uow:
        s = uow.session
        org = _live(s, org_id)
        _check_parent(s, org_id, new_parent_id)
        org.parent_id = new_parent_id
        op = uow.commit()
    return Changes(TABLES | {"person"}, op)
