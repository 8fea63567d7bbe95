"""Export contacts as vCard 3.0 (one .vcf with a card per person), written with vobject.

Per card: N (last name; first name; tussenvoegsel as additional name, so that an import
gives the same parts back), FN, ORG and TITLE of the current position, EMAIL, TEL,
NOTE and CATEGORIES (the person's tags). The file is UTF-8 with CRLF line endings and
is replaced atomically.
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dealmaker.export.text import plain
from dealmaker.storage.models import Organisation, Person, PersonTag, Position, Tag
from dealmaker.storage.search import match_expression
from dealmaker.storage.workspace import Workspace


def person_ids_matching(ws: Workspace, search: str | None = None) -> list[str]:
    """Live persons (all, or those the search text finds), sorted by name."""
    expression = match_expression(search) if search else None
    with ws.read() as session:
        query = select(Person.id).where(Person.deleted_at.is_(None))
        if expression is not None:
            query = query.where(text(
                "person.search_key IN (SELECT rowid FROM person_search "
                "WHERE person_search MATCH :q)").bindparams(q=expression))
        elif search and search.strip():
            return []
        query = query.order_by(Person.last_name, Person.first_name, Person.id)
        return list(session.scalars(query))


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _current_positions(session: Session, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """person id -> (organisation name, title) of the latest current position."""
    best: dict[str, tuple[tuple[date, str], str, str]] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(Position.person_id, Position.start_date, Position.created_at,
                   Organisation.name, Position.title)
            .join(Organisation, Organisation.id == Position.organisation_id)
            .where(Position.person_id.in_(chunk), Position.deleted_at.is_(None),
                   Position.end_date.is_(None), Organisation.deleted_at.is_(None)))
        for pid, start, created, org, title in rows:
            key = (start or date.min, created.isoformat())
            if pid not in best or key > best[pid][0]:
                best[pid] = (key, org, title)
    return {pid: (org, title) for pid, (_, org, title) in best.items()}


def _tags(session: Session, ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(ids):
        rows = session.execute(
            select(PersonTag.person_id, Tag.name).join(Tag, Tag.id == PersonTag.tag_id)
            .where(PersonTag.person_id.in_(chunk), PersonTag.deleted_at.is_(None),
                   Tag.deleted_at.is_(None)).order_by(Tag.name))
        for pid, name in rows:
            out[pid].append(name)
    return out


def _card(person: Person, position: tuple[str, str] | None, tags: list[str]) -> Any:
    import vobject

    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(
        family=plain(person.last_name), given=plain(person.first_name),
        additional=plain(person.tussenvoegsel))
    card.add("fn").value = plain(person.full_name)
    if position is not None:
        card.add("org").value = [plain(position[0])]
        if position[1]:
            card.add("title").value = plain(position[1])
    if person.email:
        email = card.add("email")
        email.value = plain(person.email)
        email.type_param = "INTERNET"
    if person.phone:
        card.add("tel").value = plain(person.phone)
    if person.notes:
        card.add("note").value = plain(person.notes)
    if tags:
        card.add("categories").value = [plain(t) for t in tags]
    return card


def export_vcards(ws: Workspace, person_ids: Sequence[str], path: Path | str) -> int:
    """Write one vCard 3.0 per live person in ``person_ids`` to ``path``; return the count."""
    path = Path(path)
    ids = list(dict.fromkeys(person_ids))
    parts: list[str] = []
    with ws.read() as session:
        positions = _current_positions(session, ids)
        tags = _tags(session, ids)
        people: dict[str, Person] = {}
        for chunk in _chunks(ids):
            for person in session.scalars(select(Person).where(
                    Person.id.in_(chunk), Person.deleted_at.is_(None))):
                people[person.id] = person
        for pid in ids:
            if pid in people:
                parts.append(_card(people[pid], positions.get(pid), tags.get(pid, []))
                             .serialize())
    _write_atomically(path, "".join(parts).encode("utf-8"))
    return len(parts)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
