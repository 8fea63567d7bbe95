"""Edit vs delete keeps a record whole: a contact's delete takes its functions, tags and
relations with it in one operation; when that delete loses to a colleague's edit, or an
edit of the deleted contact is taken back ("Neem deze waarde"), the contact comes back
with all of them, on every copy, as Ctrl+Z of the delete would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from dealmaker.domain.enums import CommitmentKind, OrgKind, Side
from dealmaker.services.commitments.records import (
    CommitmentData,
    create_commitment,
    delete_commitments,
    update_commitment,
)
from dealmaker.services.interactions import (
    InteractionData,
    delete_interaction,
    edit_interaction,
    log_interaction,
)
from dealmaker.services.organisations import OrganisationData, create_organisation
from dealmaker.services.people import PersonData, add_person, delete_persons, update_person
from dealmaker.services.positions import PositionData, add_position
from dealmaker.services.relation_edits import RelationData, save_relation
from dealmaker.services.sync.conflicts import conflict_rows, open_conflicts, take_loser
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.remote import find_shared
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.services.tags import add_tag
from dealmaker.services.undo import undo
from dealmaker.storage.workspace import open_workspace
from tests.sync import kit
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def _setup(pg: Server, team, copy_of, tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:  # type: ignore[no-untyped-def]
    """Anna's workspace: Wiersma (a function, a tag, relations to Jansen and De Boer),
    Jansen, De Boer (a function of his own); shared with Bob."""
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    ids: dict[str, str] = {}
    with open_workspace(a) as ws:
        org, _ = create_organisation(ws, OrganisationData("Provincie", OrgKind.PROVINCIE,
                                                          Side.REGIO))
        for key, last in (("wiersma", "Wiersma"), ("jansen", "Jansen"), ("boer", "Boer")):
            ids[key] = add_person(ws, PersonData(first_name="Annemarie", last_name=last,
                                                 phone="06 11111111"))[0]
        ids["functie"] = add_position(ws, ids["wiersma"], PositionData(org, "Directeur"))[0]
        ids["functie_boer"] = add_position(ws, ids["boer"], PositionData(org, "Adviseur"))[0]
        ids["rel_jansen"] = save_relation(ws, RelationData(ids["wiersma"], ids["jansen"]))[0]
        ids["rel_boer"] = save_relation(ws, RelationData(ids["boer"], ids["wiersma"]))[0]
        add_tag(ws, [ids["wiersma"]], "bestuur")
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    return a, b, ids


def _live(path: Path, ids: dict[str, str]) -> dict[str, bool]:
    """Which of the named rows are live on this copy (and, for the tag, Wiersma's tag)."""
    with open_workspace(path, lock=False) as ws:
        rows = kit.local_rows(ws)
    found = {k: rows[t][ids[k]]["deleted_at"] is None for k, t in (
        ("wiersma", "person"), ("boer", "person"), ("functie", "position"),
        ("functie_boer", "position"), ("rel_jansen", "relation"), ("rel_boer", "relation"))}
    found["tag"] = any(r["deleted_at"] is None and str(r["person_id"]) == ids["wiersma"]
                       for r in rows["person_tag"].values())
    return found


def _equal_to_server(pg: Server, team, *paths: Path) -> None:  # type: ignore[no-untyped-def]
    admin = create_engine(pg.url())
    with admin.connect() as conn:
        shared = find_shared(conn, name=team[0])
    admin.dispose()
    server = kit.server_rows(pg.url(), shared)
    for path in paths:
        with open_workspace(path, lock=False) as ws:
            local = kit.local_rows(ws)
        for table, rows in server.items():
            assert local[table] == rows, f"{path.name}: {table}: {kit.diff(local[table], rows)}"


WHOLE = {"wiersma": True, "boer": True, "functie": True, "functie_boer": True,
         "rel_jansen": True, "rel_boer": True, "tag": True}


def test_a_delete_that_loses_to_an_edit_leaves_the_contact_whole_on_every_copy(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    a, b, ids = _setup(pg, team, copy_of, tmp_path)
    with open_workspace(b) as ws:
        update_person(ws, ids["wiersma"], phone="06 22222222")
        sync(ws)
    with open_workspace(a) as ws:  # not pulled yet: deletes Wiersma (and De Boer) in one go
        delete_persons(ws, [ids["wiersma"], ids["boer"]])
        assert sync(ws).conflicts == 1
        [row] = conflict_rows(ws)
        assert (row.record, row.field, row.current, row.other) == (
            "contact 'Annemarie Wiersma'", "Verwijderd", "(gewijzigd door "
            + team[1][1] + ")", "(verwijderen)")
    with open_workspace(b) as ws:
        assert sync(ws).conflicts == 1
        assert len(open_conflicts(ws)) == 1
    # Bob's edit won: Wiersma stays with her function, tag and relation to Jansen; De Boer
    # is gone with his function, and so is his relation to her (it hangs on him too)
    expected = WHOLE | {"boer": False, "functie_boer": False, "rel_boer": False}
    assert _live(a, ids) == _live(b, ids) == expected
    _equal_to_server(pg, team, a, b)

    with open_workspace(a) as ws:  # Anna takes her delete after all: the whole contact goes
        take_loser(ws, open_conflicts(ws)[0].id)
        assert open_conflicts(ws) == []
        sync(ws)
    with open_workspace(b) as ws:
        sync(ws)
        assert open_conflicts(ws) == []
    assert _live(a, ids) == _live(b, ids) == dict.fromkeys(WHOLE, False)
    _equal_to_server(pg, team, a, b)


def test_taking_an_edit_of_a_deleted_contact_brings_it_back_whole(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    a, b, ids = _setup(pg, team, copy_of, tmp_path)
    with open_workspace(a) as ws:
        delete_persons(ws, [ids["wiersma"], ids["boer"]])
        sync(ws)
    with open_workspace(b) as ws:  # not pulled yet: edits Wiersma's phone
        update_person(ws, ids["wiersma"], phone="06 22222222")
        assert sync(ws).conflicts == 1
        assert _live(b, ids) == dict.fromkeys(WHOLE, False)
        [c] = open_conflicts(ws)
        take_loser(ws, c.id)  # "Neem deze waarde": Wiersma back, with what went with her
        sync(ws)
    with open_workspace(a) as ws:
        sync(ws)
    # De Boer stays deleted, and so do his function and his relation to her
    expected = WHOLE | {"boer": False, "functie_boer": False, "rel_boer": False}
    assert _live(a, ids) == _live(b, ids) == expected
    _equal_to_server(pg, team, a, b)
    with open_workspace(b) as ws:  # Ctrl+Z of the take deletes her whole again
        undo(ws)
        sync(ws)
        assert len(open_conflicts(ws)) == 1
    with open_workspace(a) as ws:
        sync(ws)
    assert _live(a, ids) == _live(b, ids) == dict.fromkeys(WHOLE, False)
    _equal_to_server(pg, team, a, b)


def test_after_the_deleter_undoes_the_delete_the_conflict_shows_the_current_value(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    a, b, ids = _setup(pg, team, copy_of, tmp_path)
    with open_workspace(a) as ws:
        delete_persons(ws, [ids["wiersma"]])
        sync(ws)
    with open_workspace(b) as ws:
        update_person(ws, ids["wiersma"], phone="06 22222222")
        sync(ws)
    with open_workspace(a) as ws:
        sync(ws)
        [row] = conflict_rows(ws)
        assert row.current.startswith("(verwijderd door ")
        undo(ws)  # Ctrl+Z of her delete: Wiersma is back, with her old phone
        [row] = conflict_rows(ws)
        assert (row.field, row.current, row.other) == ("Telefoon", "06 11111111", "06 22222222")


def test_a_commitment_conflict_names_the_commitment(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        rijk, _ = create_organisation(ws, OrganisationData("BZK", OrgKind.MINISTERIE, Side.RIJK))
        regio, _ = create_organisation(ws, OrganisationData("Zwolle", OrgKind.GEMEENTE,
                                                            Side.REGIO))
        data = CommitmentData("Overleg plannen", CommitmentKind.PROCES, rijk, regio)
        cid, _ = create_commitment(ws, data)
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    with open_workspace(a) as ws:
        delete_commitments(ws, [cid])
        sync(ws)
    with open_workspace(b) as ws:
        update_commitment(ws, cid, CommitmentData("Overleg plannen (met Bob)",
                                                  CommitmentKind.PROCES, rijk, regio))
        sync(ws)
        [row] = conflict_rows(ws)
        assert (row.record, row.field, row.other) == (
            "toezegging 'Overleg plannen'", "Titel", "Overleg plannen (met Bob)")


def test_a_contact_moment_whose_delete_lost_keeps_its_participants(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    """The same rule for every record whose delete takes rows with it (no list per table)."""
    a, b, ids = _setup(pg, team, copy_of, tmp_path)
    people = [ids["wiersma"], ids["jansen"]]
    data = InteractionData(date(2026, 11, 2), participant_ids=people, summary="Kennismaking")
    with open_workspace(a) as ws:
        moment, _ = log_interaction(ws, data)
        sync(ws)
    with open_workspace(b) as ws:
        sync(ws)
        edit_interaction(ws, moment, replace(data, summary="Kennismaking, vervolg in maart"))
        sync(ws)
    with open_workspace(a) as ws:
        delete_interaction(ws, moment)
        assert sync(ws).conflicts == 1
    with open_workspace(b) as ws:
        sync(ws)
    for path in (a, b):
        with open_workspace(path, lock=False) as ws:
            rows = kit.local_rows(ws)
        assert rows["interaction"][moment]["deleted_at"] is None
        assert sorted(str(r["person_id"]) for r in rows["interaction_participant"].values()
                      if str(r["interaction_id"]) == moment and r["deleted_at"] is None) \
            == sorted(people)
    _equal_to_server(pg, team, a, b)
