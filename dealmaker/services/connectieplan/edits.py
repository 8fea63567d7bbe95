"""Changing or removing an edge of the plan from the canvas: a person's relation, an
organisation relation or an opgave link, each one journalled operation."""

from __future__ import annotations

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.services.connectieplan.relations import (
    RelationData,
    RelationError,
    check,
)
from dealmaker.storage.models import Entity, OpgaveLink, OrganisationRelation, Relation
from dealmaker.storage.workspace import Workspace

MODELS: dict[str, type[Entity]] = {"relation": Relation,
                                   "organisation_relation": OrganisationRelation,
                                   "opgave_link": OpgaveLink}


def _model(table: str) -> type[Entity]:
    if table not in MODELS:
        raise RelationError("Deze verbinding volgt uit andere gegevens en wordt daar "
                            "gewijzigd (functie, dealpartij, eigenaar van de opgave).")
    return MODELS[table]


def edit_relation(ws: Workspace, table: str, record_id: str, data: RelationData
                  ) -> Changes:
    """Set kind, theme and strength (an opgave link: role and strength)."""
    model = _model(table)
    with ws.uow("Relatie wijzigen") as uow:
        s = uow.session
        check(s, data)
        row = s.get(model, record_id)
        if row is None or row.deleted_at is not None:
            raise RelationError("Deze relatie bestaat niet meer.")
        if isinstance(row, OpgaveLink):
            row.role = data.role
        else:
            assert isinstance(row, Relation | OrganisationRelation)
            row.kind = data.kind
            row.theme_id = data.theme_id
        row.strength = data.strength
        op = uow.commit()
    return Changes(frozenset({table}), op)


def delete_relation(ws: Workspace, table: str, record_id: str) -> Changes:
    """Remove the edge (soft delete; Ctrl+Z brings it back)."""
    model = _model(table)
    with ws.uow("Relatie verwijderen") as uow:
        row = uow.session.get(model, record_id)
        if row is None or row.deleted_at is not None:
            raise RelationError("Deze relatie bestaat niet meer.")
        row.deleted_at = utcnow()
        op = uow.commit()
    return Changes(frozenset({table}), op)
