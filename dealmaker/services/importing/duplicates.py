"""Find duplicates of imported rows in the workspace and earlier in the same file.

A duplicate has the same e-mail address (case-insensitive), or a similar name
(rapidfuzz ``token_sort_ratio`` >= 90 on the normalised full name) at the same
organisation; without an organisation the normalised names must be equal, to a contact
without an organisation or else to any contact of that name. Existing
contacts are loaded once into dictionaries and names are compared per organisation in
matrix form (``cdist``), so 10,000 rows cost no query per row and no all-pairs match.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.services.importing.model import Action, DuplicateCandidate, PlanRow
from dealmaker.services.importing.names import fold, normalise_name, tidy
from dealmaker.storage.models import Organisation, Person, Position

SIMILAR = 90
_CHUNK = 2000


def org_lookup_key(name: str) -> str:
    return fold(tidy(name))


def load_org_lookup(session: Session) -> dict[str, str]:
    """Folded name, short name and aliases -> organisation id (live organisations)."""
    lookup: dict[str, str] = {}
    rows = session.execute(select(Organisation.id, Organisation.name, Organisation.short_name,
                                  Organisation.aliases).where(Organisation.deleted_at.is_(None))
                           .order_by(Organisation.created_at))
    for org_id, name, short, aliases in rows:
        for text in (name, short or "", *(aliases or [])):
            if text and text.strip():
                lookup.setdefault(org_lookup_key(text), org_id)
    return lookup


@dataclass
class Existing:
    """The workspace's contacts as the duplicate search needs them."""

    orgs: dict[str, str] = field(default_factory=dict)
    by_email: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    by_org: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    by_name: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: every live contact by normalised name, with or without an organisation
    by_any_name: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def org_key(self, organisation: str) -> str:
        key = org_lookup_key(organisation)
        return f"id:{self.orgs[key]}" if key in self.orgs else f"new:{key}"


def load_existing(session: Session) -> Existing:
    """Three queries: organisations, persons and their current positions."""
    found = Existing(orgs=load_org_lookup(session))
    orgs_of: dict[str, list[str]] = defaultdict(list)
    for person_id, org_id in session.execute(
            select(Position.person_id, Position.organisation_id)
            .where(Position.deleted_at.is_(None), Position.end_date.is_(None))):
        orgs_of[person_id].append(org_id)
    by_email: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_org: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    by_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_any_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pid, first, tv, last, email in session.execute(
            select(Person.id, Person.first_name, Person.tussenvoegsel, Person.last_name,
                   Person.email).where(Person.deleted_at.is_(None))
            .order_by(Person.created_at, Person.id)):  # oldest namesake first
        full = " ".join(p for p in (first, tv, last) if p)
        shown = f"{full} <{email}>" if email else full
        if email:
            by_email[email.strip().casefold()].append((pid, shown))
        name = normalise_name(full)
        for org_id in dict.fromkeys(orgs_of.get(pid, [])):
            by_org[f"id:{org_id}"].append((pid, name, shown))
        if pid not in orgs_of:
            by_name[name].append((pid, shown))
        by_any_name[name].append((pid, shown))
    found.by_email, found.by_org, found.by_name = dict(by_email), dict(by_org), dict(by_name)
    found.by_any_name = dict(by_any_name)
    return found


def find_duplicates(rows: list[PlanRow], existing: Existing, on_duplicate: Action) -> None:
    """Fill ``duplicates`` of every row and propose ``on_duplicate`` where there are any."""
    first_with_email: dict[str, PlanRow] = {}
    groups: dict[str, list[tuple[PlanRow, str]]] = defaultdict(list)
    for row in rows:
        values = row.values
        if values.email:
            key = values.email.casefold()
            for pid, shown in existing.by_email.get(key, []):
                _add(row, DuplicateCandidate("workspace", shown, "zelfde e-mailadres", 100,
                                             person_id=pid))
            if key in first_with_email:
                earlier = first_with_email[key]
                _add(row, DuplicateCandidate("file", earlier.values.full_name,
                                             "zelfde e-mailadres", 100, row=earlier.row))
            else:
                first_with_email[key] = row
        name = normalise_name(values.full_name)
        if name:
            org = existing.org_key(values.organisation) if values.organisation else ""
            groups[org].append((row, name))
    for org, members in groups.items():
        if org:
            _similar_at_org(members, existing.by_org.get(org, []))
        else:
            _equal_without_org(members, existing)
    for row in rows:
        row.duplicates.sort(key=lambda c: (c.kind != "workspace", -c.score))
        row.action = on_duplicate if row.duplicates else "create"


def _add(row: PlanRow, candidate: DuplicateCandidate) -> None:
    for known in row.duplicates:
        if (known.kind, known.person_id, known.row) == (
                candidate.kind, candidate.person_id, candidate.row):
            return
    row.duplicates.append(candidate)


def _emails_conflict(a: PlanRow, b: PlanRow) -> bool:
    """Both rows carry an e-mail address and they differ."""
    ea, eb = a.values.email.casefold(), b.values.email.casefold()
    return bool(ea and eb and ea != eb)


def _cdist(queries: list[str], choices: list[str]) -> Any:
    import numpy as np
    from rapidfuzz import fuzz, process

    return process.cdist(queries, choices, scorer=fuzz.token_sort_ratio,
                         score_cutoff=SIMILAR, dtype=np.uint8)


def _similar_at_org(members: list[tuple[PlanRow, str]],
                    people: list[tuple[str, str, str]]) -> None:
    names = [name for _, name in members]
    reason = "gelijkende naam bij dezelfde organisatie"
    for start in range(0, len(members), _CHUNK):
        chunk = members[start:start + _CHUNK]
        queries = names[start:start + _CHUNK]
        if people:
            scores = _cdist(queries, [name for _, name, _ in people])
            for (row, _), line in zip(chunk, scores, strict=True):
                for j in line.nonzero()[0]:
                    pid, _, shown = people[int(j)]
                    _add(row, DuplicateCandidate("workspace", shown, reason, int(line[j]),
                                                 person_id=pid))
        if len(members) > 1:
            scores = _cdist(queries, names[:start + len(chunk)])
            for offset, ((row, _), line) in enumerate(zip(chunk, scores, strict=True)):
                for hit in line[:start + offset].nonzero()[0]:
                    earlier = members[int(hit)][0]
                    if _emails_conflict(row, earlier):
                        continue  # two addresses: two people, not one typed twice
                    _add(row, DuplicateCandidate("file", earlier.values.full_name, reason,
                                                 int(line[hit]), row=earlier.row))
                    break


def _equal_without_org(members: list[tuple[PlanRow, str]], existing: Existing) -> None:
    """A row without an organisation: the contacts of that name without one, or else the
    contacts of that name at any organisation (a row with only a name may have given
    its contact an organisation through a later row of the same file: a second import
    must find it again; of several namesakes the one differing least is taken, the
    oldest when they are equal)."""
    reason = "zelfde naam, beide zonder organisatie"
    first: dict[str, PlanRow] = {}
    for row, name in members:
        for pid, shown in existing.by_name.get(name, []):
            _add(row, DuplicateCandidate("workspace", shown, reason, 100, person_id=pid))
        if name not in existing.by_name:
            namesakes = existing.by_any_name.get(name, [])
            why = ("zelfde naam, de enige met die naam" if len(namesakes) == 1 else
                   f"zelfde naam ({len(namesakes)} contacten met die naam)")
            for pid, shown in namesakes:  # the preview takes the one that differs least
                _add(row, DuplicateCandidate("workspace", shown, why, 100, person_id=pid))
        if name in first:
            earlier = first[name]
            _add(row, DuplicateCandidate("file", earlier.values.full_name, reason, 100,
                                         row=earlier.row))
        else:
            first[name] = row
