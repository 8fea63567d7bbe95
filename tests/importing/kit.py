"""Helpers for import tests: write files, add contacts, fingerprint a workspace."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
from pathlib import Path

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.storage.models import Organisation, Person, Position
from dealmaker.storage.models.base import new_id
from dealmaker.storage.workspace import Workspace


def write_csv(path: Path, rows: list[list[str]], *, sep: str = ";",
              encoding: str = "utf-8", preamble: str = "") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(rows)
    path.write_bytes((preamble + buffer.getvalue()).encode(encoding))
    return path


def fingerprint(path: Path) -> str:
    """A hash of every table row (iterdump), to prove a workspace did not change."""
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def add_contact(ws: Workspace, first: str, last: str, *, tv: str = "", email: str = "",
                phone: str = "", org: str = "", title: str = "", notes: str = "") -> str:
    """A person (with a position at ``org``, created if needed); returns the id."""
    with ws.uow("Testcontact") as uow:
        s = uow.session
        person = Person(id=new_id(), first_name=first, tussenvoegsel=tv, last_name=last,
                        email=email, phone=phone, notes=notes)
        s.add(person)
        if org:
            found = s.query(Organisation).filter_by(name=org).one_or_none()
            if found is None:
                found = Organisation(id=new_id(), name=org, kind=OrgKind.GEMEENTE,
                                     side=Side.REGIO, aliases=[])
                s.add(found)
            s.flush()
            s.add(Position(person_id=person.id, organisation_id=found.id, title=title))
        uow.commit()
    return person.id
