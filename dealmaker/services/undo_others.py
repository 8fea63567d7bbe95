"""Ctrl+Z never undoes a colleague's change: a field a colleague wrote after my operation
(pulled from the team server) keeps their value, even when it equals mine.

``storage.revert.find_conflicts`` compares values; a colleague who took over my value
("Neem deze waarde") left the same value, so only the journal tells that they chose it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dealmaker.services.history import describe, field_label
from dealmaker.storage.models import Change, Operation


def written_by_others_since(session: Session, op: Operation,
                            changes: Sequence[Change]) -> str | None:
    """Why ``op`` may not be reversed (a Dutch clause), or None: another author or device
    wrote one of its fields, or deleted or restored one of its records, after it."""
    touched = {(ch.entity, ch.entity_id, ch.field) for ch in changes}
    rows = {(entity, entity_id) for entity, entity_id, _field in touched}
    if not rows:
        return None
    later = session.execute(
        select(Change.entity, Change.entity_id, Change.field, Operation.author)
        .join(Operation, Operation.id == Change.operation_id)
        .where(Operation.sequence > op.sequence,
               or_(Operation.device_id != op.device_id, Operation.author != op.author),
               Change.entity_id.in_(sorted({entity_id for _e, entity_id in rows})))
        .order_by(Operation.sequence)).all()
    for entity, entity_id, field, author in later:
        if (entity, entity_id) not in rows:
            continue
        if field is None or (entity, entity_id, field) in touched:
            what = describe(session, entity, entity_id)
            which = f" ({field_label(entity, field).lower()})" if field else ""
            return f"{what} is daarna door {author} gewijzigd{which}."
    return None
