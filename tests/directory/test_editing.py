"""Editing what a dealmaker keeps, through the services: each edit one operation that
Ctrl+Z (``services.undo.undo``) takes back whole."""

from __future__ import annotations

from datetime import date

import pytest

from dealmaker.domain.enums import OrgKind, RelationKind
from dealmaker.services.contact_card import person_card
from dealmaker.services.directory import ContactQuery, count_contacts, query_contacts
from dealmaker.services.interactions import InteractionData, edit_interaction, log_interaction
from dealmaker.services.organisations import organisation_card
from dealmaker.services.people import ValidationError, delete_persons
from dealmaker.services.positions import (
    PositionData,
    add_position,
    delete_position,
    edit_position,
    end_position,
)
from dealmaker.services.relation_edits import RelationData, delete_relation, save_relation
from dealmaker.services.tags import add_tag, remove_tag, tag_options
from dealmaker.services.timeline import interaction_detail
from dealmaker.services.undo import undo
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory


def names(ws: Workspace) -> list[str]:
    return [r.display_name for r in query_contacts(ws, ContactQuery())]


def test_deleting_contacts_is_one_undoable_step_with_their_functions_and_tags(
        workspace: Workspace, make: Factory) -> None:
    org = make.org("Gemeente Emmen")
    a = make.person("Anna", "Berg", at=org, title="Wethouder")
    b = make.person("Bert", "Aalders", at=org)
    make.person("Cees", "Zwart")
    make.tag("vip", a, b)
    make.relation(a, person=b)
    delete_persons(workspace, [a, b])
    assert names(workspace) == ["Cees Zwart"]
    assert organisation_card(workspace, org).people == ()
    assert tag_options(workspace)  # the tag itself stays
    undo(workspace)
    assert names(workspace) == ["Bert Aalders", "Anna Berg", "Cees Zwart"]
    assert person_card(workspace, a).tags == ("vip",)
    assert [p.title for p in person_card(workspace, a).positions] == ["Wethouder"]


def test_a_function_ends_and_the_picked_person_succeeds_at_that_organisation(
        workspace: Workspace, make: Factory) -> None:
    emmen = make.org("Gemeente Emmen")
    anna = make.person("Anna", "Berg")
    dirk = make.person("Dirk", "Berg")
    pos, _ = add_position(workspace, anna, PositionData(emmen, " Wethouder  economie ",
                                                        date(2018, 1, 1)))
    end_position(workspace, pos, date(2022, 3, 31), dirk)
    card = person_card(workspace, anna)
    (row,) = card.positions
    assert (row.title, row.end_date, row.current) == ("Wethouder economie", date(2022, 3, 31),
                                                      False)
    assert row.successor is not None and row.successor.person_id == dirk
    (theirs,) = person_card(workspace, dirk).positions
    assert (theirs.start_date, theirs.title, theirs.current) == (date(2022, 4, 1),
                                                                 "Wethouder economie", True)
    assert theirs.predecessor is not None and theirs.predecessor.person_id == anna
    undo(workspace)  # the end and the successor's new function go together
    assert person_card(workspace, anna).positions[0].current
    assert person_card(workspace, dirk).positions == ()


def test_function_checks_dates_and_successor(workspace: Workspace, make: Factory) -> None:
    emmen = make.org("Gemeente Emmen")
    anna = make.person("Anna", "Berg")
    pos, _ = add_position(workspace, anna, PositionData(emmen, "Wethouder"))
    with pytest.raises(ValidationError, match="vóór de begindatum"):
        edit_position(workspace, pos, PositionData(emmen, "W", date(2020, 1, 1),
                                                   date(2019, 1, 1)))
    with pytest.raises(ValidationError, match="einddatum"):
        edit_position(workspace, pos, PositionData(emmen, "W", successor_person_id=anna))
    with pytest.raises(ValidationError, match="eigen opvolger"):
        end_position(workspace, pos, date(2020, 1, 1), anna)
    delete_position(workspace, pos)
    assert person_card(workspace, anna).positions == ()


def test_relation_strength_and_kind_edit_undo(workspace: Workspace, make: Factory) -> None:
    anna = make.person("Anna", "Berg")
    bert = make.person("Bert", "Aalders")
    rid, _ = save_relation(workspace, RelationData(anna, bert, RelationKind.WERKRELATIE, 2))
    save_relation(workspace, RelationData(anna, bert, RelationKind.BESTUURLIJK, 5,
                                          date(2020, 5, 1), "via de stuurgroep"), rid)
    (row,) = person_card(workspace, anna).relations
    assert (row.kind, row.strength, row.since, row.note) == (
        RelationKind.BESTUURLIJK, 5, date(2020, 5, 1), "via de stuurgroep")
    undo(workspace)
    assert person_card(workspace, anna).relations[0].strength == 2
    with pytest.raises(ValidationError, match="1 tot en met 5"):
        save_relation(workspace, RelationData(anna, bert, strength=6), rid)
    delete_relation(workspace, rid)
    assert person_card(workspace, bert).relations == ()


def test_a_tag_on_three_contacts_is_undone_in_one_step(workspace: Workspace,
                                                       make: Factory) -> None:
    ids = [make.person(n, "Jansen") for n in ("Anna", "Bert", "Cees")]
    make.tag("VIP", ids[0])
    add_tag(workspace, ids, "vip")  # the existing tag, whatever its case
    (tag_id, tag_name), = tag_options(workspace)
    assert tag_name == "VIP"
    assert count_contacts(workspace, ContactQuery(tag=tag_id)) == 3
    undo(workspace)
    assert count_contacts(workspace, ContactQuery(tag=tag_id)) == 1
    add_tag(workspace, ids, "Stuurgroep")
    stuurgroep = dict((n, t) for t, n in tag_options(workspace))["Stuurgroep"]
    remove_tag(workspace, ids[:2], stuurgroep)
    assert count_contacts(workspace, ContactQuery(tag=stuurgroep)) == 1
    undo(workspace)
    assert count_contacts(workspace, ContactQuery(tag=stuurgroep)) == 3


def test_contact_moment_detail_has_the_whole_report_and_edits_undo(
        workspace: Workspace, make: Factory) -> None:
    anna = make.person("Anna", "Berg")
    report = "Lang verslag. " * 200
    iid, _ = log_interaction(workspace, InteractionData(date(2024, 5, 1),
                                                        participant_ids=[anna], summary=report))
    assert interaction_detail(workspace, iid).entry.summary == report.strip()
    edit_interaction(workspace, iid, InteractionData(date(2024, 5, 2), participant_ids=[anna],
                                                     summary="Kort"))
    assert interaction_detail(workspace, iid).entry.summary == "Kort"
    undo(workspace)
    assert interaction_detail(workspace, iid).entry.occurred_on == date(2024, 5, 1)


def test_organisation_card_counts_the_people_of_its_units(workspace: Workspace,
                                                          make: Factory) -> None:
    ezk = make.org("Ministerie van EZK", OrgKind.MINISTERIE)
    dg = make.org("DG Economie", OrgKind.DG, parent=ezk)
    directie = make.org("Directie Regio", OrgKind.DIRECTIE, parent=dg)
    make.person("Anna", "Berg", at=ezk)
    both = make.person("Bert", "Aalders", at=dg)
    make.position(both, directie, "ook hier")
    make.person("Cees", "Zwart", at=directie)
    gone = make.person("Dirk", "Visser", at=directie)
    delete_persons(workspace, [gone])
    card = organisation_card(workspace, ezk)
    assert card.people_total == 3
    assert [(c.name, c.people) for c in card.children] == [("DG Economie", 2)]


def test_a_number_kept_as_typed_does_not_block_editing_something_else(
        workspace: Workspace) -> None:
    """An import keeps "via secretariaat" as the phone (flagged, not refused); saving the
    card's notes or function then must not be refused for it. A phone the user types
    is still checked."""
    from dealmaker.services.people import PersonData, add_person, update_person
    from dealmaker.storage.models import Person

    pid, _ = add_person(workspace, PersonData(first_name="Anna", last_name="Smit"))
    with workspace.uow("Import") as uow:
        person = uow.session.get(Person, pid)
        assert person is not None
        person.phone, person.email = "via secretariaat", "anna at gemeente"
        uow.commit()
    update_person(workspace, pid, notes="Belt terug", phone="via secretariaat",
                  email="anna at gemeente")  # the card sends every field as it stands
    assert person_card(workspace, pid).notes == "Belt terug"
    with pytest.raises(ValidationError, match="telefoonnummer"):
        update_person(workspace, pid, phone="bel maar")
