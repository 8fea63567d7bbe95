"""Use cases on persons: add, edit and delete contacts (journalled, returning what changed)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from dealmaker.domain.contact_rules import is_email, is_phone
from dealmaker.services.changes import Changes
from dealmaker.services.person_rows import soft_delete_person
from dealmaker.storage.models import Organisation, Person, Position
from dealmaker.storage.uow import UnitOfWork, uow_or_new
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class PersonData:
    """The editable fields of a contact; only ``last_name`` is required."""

    last_name: str
    first_name: str = ""
    tussenvoegsel: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    cadence_days: int | None = None


class ValidationError(ValueError):
    """Input the user must correct; ``field`` names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _validate(data: PersonData) -> None:
    if not (data.last_name.strip() or data.first_name.strip()):
        raise ValidationError("last_name", "Een persoon heeft minstens een naam nodig.")
    if data.email.strip() and not is_email(data.email):
        raise ValidationError("email", f"'{data.email}' is geen geldig e-mailadres.")
    if data.phone.strip() and not is_phone(data.phone):
        raise ValidationError("phone", f"'{data.phone}' is geen geldig telefoonnummer.")


def add_person(ws: Workspace, data: PersonData, *,
               uow: UnitOfWork | None = None) -> tuple[str, Changes]:
    """Create a contact; returns its id and the changes. With ``uow`` it joins the
    caller's unit of work (one operation for a screen's several steps)."""
    _validate(data)
    with uow_or_new(ws.uow, "Contact toevoegen", uow) as uow:
        person = Person(**{f.name: getattr(data, f.name) for f in fields(data)})
        uow.session.add(person)
        uow.session.flush()
        op = uow.commit()
    return person.id, Changes(frozenset({"person"}), op)


def add_contact(ws: Workspace, data: PersonData, organisation_id: str | None = None,
                title: str = "") -> tuple[str, Changes]:
    """A new contact, with a current function at ``organisation_id`` when given, as one
    operation (the Nieuw contact dialog)."""
    with ws.uow("Contact toevoegen") as uow:
        person_id, _ = add_person(ws, data, uow=uow)
        if organisation_id is not None:
            org = uow.session.get(Organisation, organisation_id)
            if org is None or org.deleted_at is not None:
                raise ValidationError("organisation_id",
                                      "De gekozen organisatie bestaat niet (meer).")
            uow.session.add(Position(person_id=person_id, organisation_id=organisation_id,
                                     title=" ".join(title.split())))
        op = uow.commit()
    return person_id, Changes(frozenset({"person", "position"}), op)


def update_person(ws: Workspace, person_id: str, *, uow: UnitOfWork | None = None,
                  **values: Any) -> Changes:
    """Change some fields of a contact; unknown fields raise ``ValidationError``."""
    allowed = {f.name for f in fields(PersonData)}
    for key in values:
        if key not in allowed:
            raise ValidationError(key, f"Onbekend veld: {key}")
    with uow_or_new(ws.uow, "Contact bewerken", uow) as uow:
        person = uow.session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise LookupError(f"Contact {person_id} bestaat niet (meer).")
        before = {key: getattr(person, key) for key in values}
        for key, value in values.items():
            setattr(person, key, value)
        # an address or number kept as typed (an import, a forget) does not block an edit
        # of something else; what the user changes is checked
        check = PersonData(**{k: getattr(person, k) for k in allowed})
        if "email" not in values or values["email"] == before["email"]:
            check = replace(check, email="")
        if "phone" not in values or values["phone"] == before["phone"]:
            check = replace(check, phone="")
        _validate(check)
        op = uow.commit()
    return Changes(frozenset({"person"}), op)


#: what deleting a contact touches: the person and the rows that only mean something
#: with them (functions, tags, relations); contact moments stay (they happened)
DELETE_TABLES = frozenset({"person", "position", "person_tag", "relation"})


def delete_persons(ws: Workspace, person_ids: list[str], *,
                   uow: UnitOfWork | None = None) -> Changes:
    """Soft-delete these contacts with their functions, tags and relations, as one
    operation (Ctrl+Z brings them all back). Contacts already gone are skipped."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise ValidationError("person_ids", "Kies minstens één contact om te verwijderen.")
    name = "Contact verwijderen" if len(ids) == 1 else f"{len(ids)} contacten verwijderen"
    with uow_or_new(ws.uow, name, uow) as uow:
        gone = sum(soft_delete_person(uow.session, pid) for pid in ids)
        if not gone:
            raise LookupError("De gekozen contacten bestaan niet (meer).")
        op = uow.commit()
    return Changes(DELETE_TABLES, op)
