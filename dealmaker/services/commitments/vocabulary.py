"""The lists the user extends in Instellingen: kinds of commitment and roles of a party
in a deal. The defaults (``CommitmentKind``, ``PartyRole`` members) are always there; what
the user adds is kept in ``workspace_setting`` (JSON list per key), each change one
undoable operation. A removed entry stays valid on the records that use it; it is only no
longer offered."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import CommitmentKind, OpenLabeled, PartyRole
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.storage.models.settings import WorkspaceSetting
from dealmaker.storage.workspace import Workspace


class Vocab(StrEnum):
    """Which list: its workspace_setting key."""

    KINDS = "soorten_toezegging"
    ROLES = "rollen_partij"


_ENUM: dict[Vocab, type[OpenLabeled]] = {Vocab.KINDS: CommitmentKind, Vocab.ROLES: PartyRole}
_WHAT = {Vocab.KINDS: "Soort toezegging", Vocab.ROLES: "Rol van een partij"}
MAX_LENGTH = 40


@dataclass(frozen=True)
class Vocabulary:
    kinds: tuple[CommitmentKind, ...]
    roles: tuple[PartyRole, ...]


def _added(s: Session, which: Vocab) -> list[str]:
    raw = s.scalar(select(WorkspaceSetting.value).where(
        WorkspaceSetting.key == which.value, WorkspaceSetting.deleted_at.is_(None)))
    data = json.loads(raw) if raw else []
    return [str(v) for v in data] if isinstance(data, list) else []


def vocabulary_in(s: Session) -> Vocabulary:
    return Vocabulary(
        (*CommitmentKind, *(CommitmentKind(v) for v in _added(s, Vocab.KINDS))),
        (*PartyRole, *(PartyRole(v) for v in _added(s, Vocab.ROLES))))


def vocabulary(ws: Workspace) -> Vocabulary:
    with ws.read() as s:
        return vocabulary_in(s)


def _store(s: Session, which: Vocab, values: list[str]) -> None:
    setting = s.scalar(select(WorkspaceSetting).where(WorkspaceSetting.key == which.value))
    if setting is None:
        setting = WorkspaceSetting(key=which.value)
        s.add(setting)
    setting.value = json.dumps(values, ensure_ascii=False)
    setting.deleted_at = None


def add_term(ws: Workspace, which: Vocab, text: str) -> Changes:
    """Add ``text`` to the list; refused (``ValidationError``) when empty, too long or
    already there (as value or label, case ignored)."""
    term = " ".join(text.split())
    what = _WHAT[which]
    if not term:
        raise ValidationError("term", f"{what}: typ een naam.")
    if len(term) > MAX_LENGTH:
        raise ValidationError("term", f"{what}: hoogstens {MAX_LENGTH} tekens.")
    with ws.uow(f"{what} toevoegen") as uow:
        s = uow.session
        added = _added(s, which)
        known = {m.value.casefold() for m in _ENUM[which]} | {
            m.label.casefold() for m in _ENUM[which]} | {v.casefold() for v in added}
        if term.casefold() in known:
            raise ValidationError("term", f"{what} '{term}' staat al in de lijst.")
        _store(s, which, [*added, term])
        op = uow.commit()
    return Changes(frozenset({"workspace_setting"}), op)


def remove_term(ws: Workspace, which: Vocab, term: str) -> Changes:
    """Take a user-added entry off the list (a default cannot be removed)."""
    what = _WHAT[which]
    with ws.uow(f"{what} verwijderen") as uow:
        s = uow.session
        added = _added(s, which)
        if term not in added:
            raise ValidationError("term", f"'{term}' is een standaardwaarde en blijft.")
        _store(s, which, [v for v in added if v != term])
        op = uow.commit()
    return Changes(frozenset({"workspace_setting"}), op)
