"""The Organisaties tree: counts, create, rename, move (no cycles), undo."""

from __future__ import annotations

from datetime import date

import pytest

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.directory import ContactQuery, query_contacts
from dealmaker.services.organisations import (
    OrganisationData,
    create_organisation,
    organisation_tree,
    rename_organisation,
    reparent_organisation,
)
from dealmaker.services.people import ValidationError
from dealmaker.services.undo import redo, undo
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory


@pytest.fixture
def rijk(make: Factory) -> dict[str, str]:
    ezk = make.org("Ministerie van EZK", OrgKind.MINISTERIE, short="EZK")
    dg = make.org("DG Bedrijfsleven en Innovatie", OrgKind.DG, parent=ezk)
    directie = make.org("Directie Innovatie", OrgKind.DIRECTIE, parent=dg)
    afdeling = make.org("Afdeling Regio", OrgKind.AFDELING, parent=directie)
    lnv = make.org("Ministerie van LNV", OrgKind.MINISTERIE, short="LNV")
    return {"ezk": ezk, "dg": dg, "directie": directie, "afdeling": afdeling, "lnv": lnv}


def parents(ws: Workspace) -> dict[str, str | None]:
    return {n.name: n.parent_id for n in organisation_tree(ws)}


def test_tree_is_flat_by_name_with_parent_ids_and_person_counts(
        workspace: Workspace, make: Factory, rijk: dict[str, str]) -> None:
    a = make.person("A", "A", at=rijk["directie"])
    make.position(a, rijk["directie"], "tweede functie")  # counted once
    make.person("B", "B", at=rijk["directie"])
    c = make.person("C", "C")
    make.position(c, rijk["directie"], "oud", end=date(2020, 1, 1))  # former: not counted
    tree = organisation_tree(workspace)
    assert [n.name for n in tree] == ["Afdeling Regio", "DG Bedrijfsleven en Innovatie",
                                      "Directie Innovatie", "Ministerie van EZK",
                                      "Ministerie van LNV"]
    by_id = {n.id: n for n in tree}
    assert by_id[rijk["directie"]].person_count == 2
    assert by_id[rijk["ezk"]].person_count == 0  # units below are not summed
    assert by_id[rijk["afdeling"]].parent_id == rijk["directie"]
    assert (by_id[rijk["ezk"]].kind, by_id[rijk["ezk"]].side) == (OrgKind.MINISTERIE,
                                                                  Side.RIJK)


def test_reparent_refuses_self_and_cycles_in_dutch(workspace: Workspace,
                                                   rijk: dict[str, str]) -> None:
    before = parents(workspace)
    with pytest.raises(ValidationError, match="niet onder zichzelf"):
        reparent_organisation(workspace, rijk["dg"], rijk["dg"])
    for below in ("directie", "afdeling"):
        with pytest.raises(ValidationError, match="kring") as info:
            reparent_organisation(workspace, rijk["dg"], rijk[below])
        assert info.value.field == "parent_id"
    with pytest.raises(ValidationError, match="bestaat niet"):
        reparent_organisation(workspace, rijk["dg"], "weg")
    with pytest.raises(LookupError):
        reparent_organisation(workspace, "weg", None)
    assert parents(workspace) == before


def test_reparent_moves_subtree_updates_search_and_undo_restores(
        workspace: Workspace, make: Factory, rijk: dict[str, str]) -> None:
    make.person("Piet", "Jansen", at=rijk["afdeling"], title="Adviseur")
    assert [r.display_name for r in query_contacts(workspace, ContactQuery(search="ezk"))] \
        == ["Piet Jansen"]
    changes = reparent_organisation(workspace, rijk["directie"], rijk["lnv"])
    assert changes.touches("organisation") and changes.operation_id
    assert parents(workspace)["Directie Innovatie"] == rijk["lnv"]
    assert parents(workspace)["Afdeling Regio"] == rijk["directie"]
    assert query_contacts(workspace, ContactQuery(search="ezk")) == []
    assert len(query_contacts(workspace, ContactQuery(search="lnv adviseur"))) == 1
    undo(workspace)
    assert parents(workspace)["Directie Innovatie"] == rijk["dg"]
    assert len(query_contacts(workspace, ContactQuery(search="ezk"))) == 1
    redo(workspace)
    assert parents(workspace)["Directie Innovatie"] == rijk["lnv"]
    reparent_organisation(workspace, rijk["directie"], None)  # to the top level
    assert parents(workspace)["Directie Innovatie"] is None


def test_create_and_rename(workspace: Workspace, rijk: dict[str, str]) -> None:
    oid, changes = create_organisation(workspace, OrganisationData(
        name="  Afdeling   Gebiedsgericht ", kind=OrgKind.AFDELING, side=Side.RIJK,
        parent_id=rijk["directie"], aliases=["GGW", " "]))
    assert changes.touches("organisation")
    node = next(n for n in organisation_tree(workspace) if n.id == oid)
    assert (node.name, node.parent_id) == ("Afdeling Gebiedsgericht", rijk["directie"])
    rename_organisation(workspace, oid, "Afdeling Gebiedsgericht Werken", "GGW")
    node = next(n for n in organisation_tree(workspace) if n.id == oid)
    assert (node.name, node.short_name) == ("Afdeling Gebiedsgericht Werken", "GGW")
    rename_organisation(workspace, oid, "Afdeling GW", "")
    assert next(n for n in organisation_tree(workspace) if n.id == oid).short_name is None
    with pytest.raises(ValidationError, match="naam nodig"):
        rename_organisation(workspace, oid, "  ")
    with pytest.raises(ValidationError, match="naam nodig"):
        create_organisation(workspace, OrganisationData("", OrgKind.GEMEENTE, Side.REGIO))
    with pytest.raises(ValidationError, match="bestaat niet"):
        create_organisation(workspace, OrganisationData("X", OrgKind.GEMEENTE, Side.REGIO,
                                                        parent_id="weg"))
