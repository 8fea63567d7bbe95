"""Which existing contact a row of the preview matched, and the fields that differ.

For every row with a duplicate in the workspace the first candidate is loaded once
(persons, current functions and tags in a few chunked queries) and compared with the
row, field by field, saying what "Aanvullen" (merge) would do with each difference:
fill an empty field, add the value beside the existing one, or keep the existing one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.services.directory import current_positions, person_tags
from dealmaker.services.importing.duplicates import org_lookup_key
from dealmaker.services.importing.model import ContactValues, Difference, Match, PlanRow
from dealmaker.services.importing.names import normalise_name, tidy
from dealmaker.storage.models import Person

#: Labels of the compared fields, as the preview shows them.
LABELS = {"name": "Naam", "email": "E-mailadres", "phone": "Telefoon",
          "function": "Functie", "notes": "Notities", "tags": "Labels"}


@dataclass
class _Known:
    person: Person
    #: (folded organisation name, organisation name, title) of each current function
    functions: list[tuple[str, str, str]]
    tags: set[str]


def attach_matches(session: Session, rows: list[PlanRow]) -> None:
    """Set ``row.match`` for every row whose first candidate is an existing contact.

    Between equally good candidates (namesakes at one organisation) the one with the
    fewest differences is taken and put first, so that importing the same file again
    finds the contact the row made or filled the first time (preview and import agree).
    """
    tied = {r.row: _tied(r) for r in rows}
    wanted = {row: ids for row, ids in tied.items() if ids}
    if not wanted:
        return
    ids = list(dict.fromkeys(pid for group in wanted.values() for pid in group))
    known: dict[str, _Known] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for person in session.scalars(select(Person).where(Person.id.in_(chunk))):
            known[person.id] = _Known(person, [], set())
        for pid, infos in current_positions(session, chunk).items():
            if pid in known:
                known[pid].functions = [(org_lookup_key(i.organisation_name),
                                         i.organisation_name, i.title) for i in infos]
        for pid, tags in person_tags(session, chunk).items():
            if pid in known:
                known[pid].tags = {name.casefold() for _id, name in tags}
    for row in rows:
        options = [(pid, differences(row.values, known[pid]))
                   for pid in wanted.get(row.row, []) if pid in known]
        if options:
            pid, diffs = min(options, key=lambda option: len(option[1]))
            row.duplicates.sort(key=lambda c: c.person_id != pid)  # stable: the rest stay
            row.match = Match(pid, known[pid].person.full_name, tuple(diffs))


def _tied(row: PlanRow) -> list[str]:
    """The workspace candidates as good as the first one (usually just that one)."""
    first = row.duplicates[0] if row.duplicates else None
    if first is None or first.kind != "workspace" or first.person_id is None:
        return []
    return [c.person_id for c in row.duplicates if c.kind == "workspace"
            and c.person_id is not None and c.score == first.score]


def _outcome(existing: str) -> str:
    return "toegevoegd" if existing else "ingevuld"


def differences(values: ContactValues, known: _Known) -> list[Difference]:
    """The fields where the row says something the contact does not, and the outcome."""
    person, out = known.person, []
    if values.full_name and normalise_name(values.full_name) != normalise_name(
            person.full_name):
        out.append(Difference("name", person.full_name, values.full_name, "behouden"))
    if values.email and values.email.casefold() != person.email.strip().casefold() and (
            values.email.casefold() not in person.notes.casefold()):
        out.append(Difference("email", person.email, values.email, _outcome(person.email)))
    digits = [c for c in values.phone if c.isdigit()]
    if values.phone and digits != [c for c in person.phone if c.isdigit()] and (
            values.phone not in person.notes):
        out.append(Difference("phone", person.phone, values.phone, _outcome(person.phone)))
    if values.organisation or values.function:
        here = [f for f in known.functions if f[0] == org_lookup_key(values.organisation)]
        titles = {tidy(t).casefold() for _k, _n, t in here}
        shown = "; ".join(f"{t}, {n}" if t else n for _k, n, t in known.functions)
        if values.organisation and not here:
            incoming = ", ".join(p for p in (values.function, values.organisation) if p)
            out.append(Difference("function", shown, incoming, "toegevoegd"))
        elif values.function and values.function.casefold() not in titles:
            blank = any(not t for _k, _n, t in here)
            out.append(Difference("function", shown, values.function,
                                  "ingevuld" if blank else "toegevoegd"))
    new_notes = [line for line in values.notes.splitlines()
                 if line.strip() and line.strip().casefold() not in person.notes.casefold()]
    if new_notes:
        out.append(Difference("notes", person.notes, "\n".join(new_notes),
                              _outcome(person.notes)))
    new_tags = [t for t in values.tags if t.casefold() not in known.tags]
    if new_tags:
        out.append(Difference("tags", "", ", ".join(new_tags), "toegevoegd"))
    return out
