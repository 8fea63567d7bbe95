"""The tags of a workspace: lists for filters and cadence rules; tagging contacts in bulk.

Adding or removing a tag on a selection of N contacts is one journalled operation, so
one Ctrl+Z takes it back on all of them. A tag typed that does not exist yet is made in
the same operation (names compare case-insensitively: "VIP" is the tag "vip").
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Person, PersonTag, Tag
from dealmaker.storage.workspace import Workspace

TABLES = frozenset({"tag", "person_tag"})
MAX_NAME = 60


def tag_options(ws: Workspace) -> list[tuple[str, str]]:
    """(id, name) of the live tags, by name (case-insensitive)."""
    with ws.read() as s:
        rows = s.execute(select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None))
                         .order_by(func.lower(Tag.name)))
        return [(tid, name) for tid, name in rows]


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("tag", "Geef de naam van de tag.")
    if len(name) > MAX_NAME:
        raise ValidationError("tag", f"Een tag is hoogstens {MAX_NAME} tekens lang.")
    return name


def add_tag(ws: Workspace, person_ids: Sequence[str], name: str) -> Changes:
    """Give these contacts the tag ``name`` (made when new); who has it already is skipped."""
    name = _clean(name)
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise ValidationError("person_ids", "Kies eerst een of meer contacten.")
    with ws.uow(f"Tag '{name}' toevoegen") as uow:
        s = uow.session
        tag = s.scalars(select(Tag).where(func.lower(Tag.name) == name.lower())).first()
        if tag is None:
            tag = Tag(name=name)
            s.add(tag)
            s.flush()
        elif tag.deleted_at is not None:
            tag.deleted_at = None
        have = set(s.scalars(select(PersonTag.person_id).where(
            PersonTag.tag_id == tag.id, PersonTag.person_id.in_(ids),
            PersonTag.deleted_at.is_(None))))
        live = set(s.scalars(select(Person.id).where(Person.id.in_(ids),
                                                     Person.deleted_at.is_(None))))
        s.add_all(PersonTag(person_id=pid, tag_id=tag.id)
                  for pid in ids if pid in live and pid not in have)
        op = uow.commit()
    return Changes(TABLES, op)


def remove_tag(ws: Workspace, person_ids: Sequence[str], tag_id: str) -> Changes:
    """Take the tag off these contacts (the tag itself stays for the others)."""
    ids = list(dict.fromkeys(person_ids))
    with ws.uow("Tag verwijderen") as uow:
        now = utcnow()
        for link in uow.session.scalars(select(PersonTag).where(
                PersonTag.tag_id == tag_id, PersonTag.person_id.in_(ids),
                PersonTag.deleted_at.is_(None))):
            link.deleted_at = now
        op = uow.commit()
    return Changes(TABLES, op)
