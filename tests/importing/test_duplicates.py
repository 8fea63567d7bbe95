"""Duplicates against the workspace and within the file; merge, skip, create; one operation."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.importing import apply_import, plan_import
from dealmaker.storage.models import (
    Change,
    Operation,
    Organisation,
    Person,
    PersonTag,
    Position,
    Tag,
)
from dealmaker.storage.workspace import Workspace
from importing.kit import add_contact, fingerprint, write_csv

HEAD = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Telefoon", "Bedrijf",
        "Functie", "Labels"]


def count(ws: Workspace, entity: type) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(entity)
                            .where(entity.deleted_at.is_(None))) or 0)


@pytest.fixture
def anna(workspace: Workspace) -> str:
    return add_contact(workspace, "Anna", "Berg", tv="van den", email="Anna@Zwolle.example",
                       org="Gemeente Zwolle", title="Wethouder")


@pytest.fixture
def contacts(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "contacten.csv", [
        HEAD,
        ["Anna", "van den", "Berg", "anna@zwolle.example", "038 1234567", "Gemeente Zwolle",
         "Burgemeester", "Bestuur"],                                      # row 2: e-mail
        ["Ana", "van den", "Berg", "", "", "gemeente zwolle", "", ""],    # row 3: name+org
        ["Bas", "", "Kuipers", "bas@ocw.example", "", "Ministerie van OCW", "DG", "Rijk"],
        ["Bas", "", "Kuijpers", "", "", "Ministerie van OCW", "", ""],    # row 5: in file
        ["Bas", "", "Kuipers", "BAS@ocw.example", "", "", "", "rijk"],    # row 6: in file
        ["Anna", "van den", "Berg", "", "", "Provincie Overijssel", "", ""],  # no match
    ])


def test_candidates_and_proposed_actions(workspace: Workspace, anna: str,
                                         contacts: Path) -> None:
    plan = plan_import(workspace, contacts, on_duplicate="merge")
    found = {r.row: [(c.kind, c.person_id or c.row, c.reason) for c in r.duplicates]
             for r in plan.rows}
    assert found[2] == [("workspace", anna, "zelfde e-mailadres")]
    assert found[3] == [("workspace", anna, "gelijkende naam bij dezelfde organisatie"),
                        ("file", 2, "gelijkende naam bij dezelfde organisatie")]
    assert found[4] == []
    assert found[5] == [("file", 4, "gelijkende naam bij dezelfde organisatie")]
    assert found[6] == [("file", 4, "zelfde e-mailadres")]
    assert found[7] == []
    assert [r.action for r in plan.rows] == ["merge", "merge", "create", "merge", "merge",
                                             "create"]
    assert plan.counts() == {"create": 2, "merge": 4, "overwrite": 0, "skip": 0, "invalid": 0}


def test_merge_fills_empty_fields_and_keeps_the_rest(workspace: Workspace, anna: str,
                                                     contacts: Path) -> None:
    before = fingerprint(workspace.path)
    plan = plan_import(workspace, contacts, on_duplicate="merge")
    assert fingerprint(workspace.path) == before  # planning writes nothing
    result = apply_import(workspace, plan)
    # rows 3, 5 and 6 match a known contact but bring nothing new: not "aangevuld"
    assert (result.created, result.merged, result.unchanged, result.skipped) == (2, 1, 3, 0)
    assert count(workspace, Person) == 3  # Anna, Bas, the other Anna van den Berg
    with workspace.read() as s:
        person = s.get(Person, anna)
        assert person.email == "Anna@Zwolle.example" and person.phone == "038 1234567"
        tags = s.scalars(select(Tag.name).join(PersonTag, PersonTag.tag_id == Tag.id)
                         .where(PersonTag.person_id == anna)).all()
        assert tags == ["Bestuur"]
        bas = s.scalars(select(Person).where(Person.last_name == "Kuipers")).one()
        ocw = s.scalars(select(Organisation).where(
            Organisation.name == "Ministerie van OCW")).one()
        assert (ocw.kind, ocw.side) == (OrgKind.MINISTERIE, Side.RIJK)
        assert s.scalar(select(Position.title).where(Position.person_id == bas.id)) == "DG"
        other = s.scalars(select(Organisation).where(
            Organisation.name == "Provincie Overijssel")).one()
        assert (other.kind, other.side) == (OrgKind.OVERIG, Side.REGIO)
    kept = {(k.row, k.field, k.kept, k.ignored) for k in result.kept}
    assert (3, "first_name", "Anna", "Ana") in kept
    added = {(a.row, a.field, a.value, a.old, a.how) for a in result.added}
    # aanvullen: the new function is added beside the old one, the phone filled in
    assert (2, "function", "Burgemeester, Gemeente Zwolle", "Wethouder", "toegevoegd") in added
    assert (2, "phone", "038 1234567", "", "ingevuld") in added
    with workspace.read() as s:
        titles = set(s.scalars(select(Position.title).where(Position.person_id == anna,
                                                            Position.deleted_at.is_(None))))
    assert titles == {"Wethouder", "Burgemeester"}
    assert count(workspace, Tag) == 2  # "rijk" matched "Rijk" case-insensitively
    assert count(workspace, Organisation) == 3  # Zwolle was found, not created again


def test_skip_and_create(workspace: Workspace, anna: str, contacts: Path) -> None:
    plan = plan_import(workspace, contacts, on_duplicate="skip")
    result = apply_import(workspace, plan)
    assert (result.created, result.merged, result.skipped) == (2, 0, 4)
    assert count(workspace, Person) == 3
    plan = plan_import(workspace, contacts, on_duplicate="create")
    plan.set_action(3, "skip")
    result = apply_import(workspace, plan)
    assert (result.created, result.merged, result.skipped) == (5, 0, 1)
    assert count(workspace, Person) == 8


def test_one_import_is_one_operation_and_undo_reverts_it(
        workspace: Workspace, anna: str, contacts: Path) -> None:
    before = fingerprint(workspace.path)
    with workspace.read() as s:
        ops = s.scalar(select(func.count()).select_from(Operation))
    result = apply_import(workspace, plan_import(workspace, contacts, on_duplicate="merge"))
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(Operation)) == ops + 1
        op = s.get(Operation, result.changes.operation_id)
        assert op.name == "Contacten importeren (contacten.csv)"
        entities = set(s.scalars(select(Change.entity).where(Change.operation_id == op.id)))
    assert entities == {"person", "position", "organisation", "tag", "person_tag"}
    from dealmaker.services.undo import undo

    undo(workspace)
    assert count(workspace, Person) == 1 and count(workspace, Position) == 1
    assert count(workspace, Organisation) == 1
    assert fingerprint(workspace.path) != before  # the undo itself is journalled
    with workspace.read() as s:
        person = s.get(Person, anna)
        assert person.phone == "" and person.deleted_at is None


def test_nothing_to_do_writes_no_operation(workspace: Workspace, anna: str,
                                           tmp_path: Path) -> None:
    path = write_csv(tmp_path / "zelfde.csv", [HEAD, ["Anna", "van den", "Berg",
                     "anna@zwolle.example", "", "Gemeente Zwolle", "", ""]])
    before = fingerprint(workspace.path)
    result = apply_import(workspace, plan_import(workspace, path))  # default: aanvullen
    assert (result.merged, result.unchanged) == (0, 1) and result.changes.operation_id is None
    assert fingerprint(workspace.path) == before


def test_organisation_found_by_short_name_and_alias(workspace: Workspace,
                                                    tmp_path: Path) -> None:
    with workspace.uow("Organisatie") as uow:
        uow.session.add(Organisation(
            name="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", short_name="BZK",
            aliases=["Binnenlandse Zaken"], kind=OrgKind.MINISTERIE, side=Side.RIJK))
        uow.commit()
    path = write_csv(tmp_path / "bzk.csv", [["Naam", "Organisatie"], ["Eva Smit", "bzk"],
                                           ["Tom Wit", "Binnenlandse zaken"]])
    apply_import(workspace, plan_import(workspace, path))
    assert count(workspace, Organisation) == 1 and count(workspace, Position) == 2
