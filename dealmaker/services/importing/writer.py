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
from dealmaker.services.importing.model import Added, ContactValues, Kept
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
    #: current positions per organisation id
    positions: dict[str, list[Position]] = field(default_factory=dict)
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
        self.added: list[Added] = []

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
                    self.existing[pos.person_id].positions.setdefault(
                        pos.organisation_id, []).append(pos)
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

    def merge(self, state: PersonState, values: ContactValues, row: int, *,
              overwrite: bool = False) -> bool:
        """Add what is new: fill empty fields, put a second e-mail address or phone number
        and new note lines in the notes, add a new function as a position; names are
        never changed. With ``overwrite`` the file's e-mail, phone and function replace
        the existing ones instead. Returns whether anything was added or changed (every
        change is listed in :attr:`added`)."""
        before = len(self.added)
        self._merge(state, values, row, overwrite)
        return len(self.added) > before

    def _merge(self, state: PersonState, values: ContactValues, row: int,
               overwrite: bool) -> None:
        person = state.person
        for name in ("first_name", "email", "phone"):
            new, old = getattr(values, name), getattr(person, name)
            if not new or (old and _same(name, old, new)):
                continue
            if name == "first_name" and not old and not _same_last_name(values, person):
                # matched by address under another name: 'Anna Berg' does not make
                # 'Bas' into 'Anna Bas'
                self.kept.append(Kept(row, name, old, new))
                continue
            if not old or (overwrite and name != "first_name"):
                setattr(person, name, new)
                self._added(row, person, name, new, old, "overschreven" if old else "ingevuld")
            elif name == "first_name":
                self.kept.append(Kept(row, name, old, new))
            else:
                line = f"{_ALSO[name]}: {new}"
                if not _in_notes(person.notes, line):
                    person.notes = _joined(person.notes, line)
                    self._added(row, person, name, new, old, "toegevoegd")
        lines = [ln for ln in values.notes.splitlines()
                 if ln.strip() and not _in_notes(person.notes, ln)]
        if lines:
            person.notes = _joined(person.notes, "\n".join(lines))
            self._added(row, person, "notes", "\n".join(lines), "", "toegevoegd")
        if normalise_name(values.full_name) != normalise_name(person.full_name):
            for name in ("tussenvoegsel", "last_name"):
                new, old = getattr(values, name), getattr(person, name)
                if new != old and new:
                    self.kept.append(Kept(row, name, old, new))
        self._position_and_tags(state, values, row, existing=True, overwrite=overwrite)

    def _added(self, row: int, person: Person, field: str, value: str, old: str,
               how: str) -> None:
        self.added.append(Added(row, person.full_name, field, value, old, how))

    def _position_and_tags(self, state: PersonState, values: ContactValues, row: int, *,
                           existing: bool = False, overwrite: bool = False) -> None:
        person = state.person
        if values.organisation:
            org_id = self.org_id(values.organisation)
            positions = state.positions.setdefault(org_id, [])
            titles = {tidy(p.title).casefold() for p in positions}
            known = values.function.casefold() in titles or not values.function
            if known and positions:
                pass
            elif blank := next((p for p in positions if not p.title), None):
                blank.title = values.function
                if existing:
                    self._added(row, person, "function", values.function, "", "ingevuld")
            elif positions and overwrite:
                old = positions[0].title
                positions[0].title = values.function
                self._added(row, person, "function", values.function, old, "overschreven")
            else:
                pos = Position(id=new_id(), person_id=person.id, organisation_id=org_id,
                               title=values.function, start_date=values.start_date)
                if existing:
                    old = "; ".join(p.title for p in positions)
                    self._added(row, person, "function",
                                f"{values.function}, {values.organisation}".strip(", "),
                                old, "toegevoegd")
                positions.append(pos)
                self.new[Position].append(pos)
            for pos in positions:
                if values.start_date and pos.start_date is None and (
                        tidy(pos.title).casefold() == values.function.casefold()):
                    pos.start_date = values.start_date
                    if existing:
                        self._added(row, person, "start_date",
                                    values.start_date.strftime("%d-%m-%Y"), "", "ingevuld")
        for tag in values.tags:
            tag_id = self.tag_id(tag)
            if tag_id not in state.tag_ids:
                state.tag_ids.add(tag_id)
                self.new[PersonTag].append(PersonTag(id=new_id(), person_id=person.id,
                                                     tag_id=tag_id))
                if existing:
                    self._added(row, person, "tags", tag, "", "toegevoegd")


_ALSO = {"email": "Ook e-mailadres", "phone": "Ook telefoon"}


def _in_notes(notes: str, line: str) -> bool:
    """The line (compared without case and surrounding space) is already in the notes."""
    wanted = line.strip().casefold()
    return any(wanted == existing.strip().casefold() for existing in notes.splitlines()) or (
        len(wanted) > 40 and wanted in notes.casefold())


def _joined(notes: str, text: str) -> str:
    return "\n".join(t for t in (notes.rstrip(), text) if t)


def _same_last_name(values: ContactValues, person: Person) -> bool:
    return normalise_name(f"{values.tussenvoegsel} {values.last_name}") == normalise_name(
        f"{person.tussenvoegsel} {person.last_name}")


def _same(name: str, old: str, new: str) -> bool:
    if name == "email":
        return old.strip().casefold() == new.strip().casefold()
    if name == "phone":
        return [c for c in old if c.isdigit()] == [c for c in new if c.isdigit()]
    if name == "notes":
        return new.strip() in old
    return tidy(old).casefold() == tidy(new).casefold()
