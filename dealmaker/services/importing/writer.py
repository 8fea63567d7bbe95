"""Create and merge contacts inside one unit of work, with organisations and tags.

Everything new is collected and added in dependency order (organisations, tags,
persons, positions, person tags) so that the journal lists parents before children;
existing rows needed for merges are loaded in a few chunked queries up front.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.importing.duplicates import load_org_lookup, org_lookup_key
from dealmaker.services.importing.model import ContactValues, Kept
from dealmaker.services.importing.names import normalise_name, tidy
from dealmaker.storage.models import Organisation, Person, PersonTag, Position, Tag
from dealmaker.storage.models.base import Entity, new_id

_MINISTRY = re.compile(r"\bminister(ie|y|ies)\b", re.IGNORECASE)
_MINISTRY_ABBREVIATIONS = frozenset({
    "az", "bz", "buza", "bzk", "def", "ez", "ezk", "fin", "ienw", "i&w", "jenv", "j&v",
    "kgg", "lnv", "ocw", "szw", "vro", "vws",
})


def looks_like_ministry(name: str) -> bool:
    """'Ministerie van OCW', 'Ministry of Finance' or an abbreviation such as 'BZK'."""
    return bool(_MINISTRY.search(name)) or name.strip().lower() in _MINISTRY_ABBREVIATIONS


@dataclass
class PersonState:
    person: Person
    positions: dict[str, Position] = field(default_factory=dict)
    tag_ids: set[str] = field(default_factory=set)


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


class Writer:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.orgs = load_org_lookup(session)
        self.tags: dict[str, Tag] = {t.name.casefold(): t for t in session.scalars(select(Tag))}
        self.existing: dict[str, PersonState] = {}
        self.new: dict[type[Entity], list[Entity]] = {
            k: [] for k in (Organisation, Tag, Person, Position, PersonTag)}
        self.kept: list[Kept] = []

    def load(self, person_ids: Iterable[str]) -> None:
        """Load live persons that rows may merge into, with positions and tags."""
        ids = list(dict.fromkeys(person_ids))
        s = self.session
        for chunk in _chunks(ids):
            for person in s.scalars(select(Person).where(Person.id.in_(chunk),
                                                         Person.deleted_at.is_(None))):
                self.existing[person.id] = PersonState(person)
            for pos in s.scalars(select(Position).where(
                    Position.person_id.in_(chunk), Position.deleted_at.is_(None),
                    Position.end_date.is_(None))):
                if pos.person_id in self.existing:
                    self.existing[pos.person_id].positions.setdefault(pos.organisation_id, pos)
            for pid, tag_id in s.execute(select(PersonTag.person_id, PersonTag.tag_id).where(
                    PersonTag.person_id.in_(chunk), PersonTag.deleted_at.is_(None))):
                if pid in self.existing:
                    self.existing[pid].tag_ids.add(tag_id)

    def add_parents(self) -> None:
        """New organisations and tags (their own small flush: see ``apply_import``)."""
        self.session.add_all(self.new[Organisation])
        self.session.add_all(self.new[Tag])

    def add_children(self) -> None:
        """New persons, then their positions and tags (journal order = parents first)."""
        for kind in (Person, Position, PersonTag):
            self.session.add_all(self.new[kind])

    @property
    def organisations_created(self) -> int:
        return len(self.new[Organisation])

    def org_id(self, name: str) -> str:
        key = org_lookup_key(name)
        if key not in self.orgs:
            ministry = looks_like_ministry(name)
            org = Organisation(id=new_id(), name=tidy(name), aliases=[],
                               kind=OrgKind.MINISTERIE if ministry else OrgKind.OVERIG,
                               side=Side.RIJK if ministry else Side.REGIO)
            self.new[Organisation].append(org)
            self.orgs[key] = org.id
        return self.orgs[key]

    def tag_id(self, name: str) -> str:
        tag = self.tags.get(name.casefold())
        if tag is None:
            tag = self.tags[name.casefold()] = Tag(id=new_id(), name=name)
            self.new[Tag].append(tag)
        elif tag.deleted_at is not None:
            tag.deleted_at = None
        return tag.id

    def create(self, values: ContactValues) -> PersonState:
        notes = values.notes
        if values.function and not values.organisation:
            notes = "\n".join(n for n in (notes, f"Functie: {values.function}") if n)
        person = Person(id=new_id(), first_name=values.first_name,
                        tussenvoegsel=values.tussenvoegsel, last_name=values.last_name,
                        email=values.email, phone=values.phone, notes=notes)
        self.new[Person].append(person)
        state = PersonState(person)
        self._position_and_tags(state, values, row=0)
        return state

    def merge(self, state: PersonState, values: ContactValues, row: int) -> None:
        """Fill empty fields; keep (and record) non-empty ones that differ."""
        person = state.person
        for name in ("first_name", "email", "phone", "notes"):
            new, old = getattr(values, name), getattr(person, name)
            if new and not old:
                setattr(person, name, new)
            elif new and not _same(name, old, new):
                self.kept.append(Kept(row, name, old, new))
        if normalise_name(values.full_name) != normalise_name(person.full_name):
            for name in ("tussenvoegsel", "last_name"):
                new, old = getattr(values, name), getattr(person, name)
                if new != old and new:
                    self.kept.append(Kept(row, name, old, new))
        self._position_and_tags(state, values, row)

    def _position_and_tags(self, state: PersonState, values: ContactValues, row: int) -> None:
        pid = state.person.id
        if values.organisation:
            org_id = self.org_id(values.organisation)
            pos = state.positions.get(org_id)
            if pos is None:
                pos = Position(id=new_id(), person_id=pid, organisation_id=org_id,
                               title=values.function, start_date=values.start_date)
                state.positions[org_id] = pos
                self.new[Position].append(pos)
            else:
                if values.function and not pos.title:
                    pos.title = values.function
                elif values.function and tidy(pos.title) != values.function:
                    self.kept.append(Kept(row, "function", pos.title, values.function))
                if values.start_date and pos.start_date is None:
                    pos.start_date = values.start_date
        for tag in values.tags:
            tag_id = self.tag_id(tag)
            if tag_id not in state.tag_ids:
                state.tag_ids.add(tag_id)
                self.new[PersonTag].append(PersonTag(id=new_id(), person_id=pid,
                                                     tag_id=tag_id))


def _same(name: str, old: str, new: str) -> bool:
    if name == "email":
        return old.strip().casefold() == new.strip().casefold()
    if name == "phone":
        return [c for c in old if c.isdigit()] == [c for c in new if c.isdigit()]
    if name == "notes":
        return new.strip() in old
    return tidy(old).casefold() == tidy(new).casefold()
