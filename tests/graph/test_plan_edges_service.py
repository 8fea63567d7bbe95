"""The plan's own edges in a workspace: laid, edited, deleted, undone; read into the plan;
node positions kept outside the journal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from directory.factory import Factory
from sqlalchemy import func, select

from dealmaker.domain.enums import OpgaveRole, RelationKind
from dealmaker.graph.analysis import NO_OWNER, findings
from dealmaker.graph.model import OWNER, RELATION, WORKS_ON
from dealmaker.services.connectieplan import load_plan
from dealmaker.services.connectieplan.edits import delete_relation, edit_relation
from dealmaker.services.connectieplan.positions import save_positions, saved_positions
from dealmaker.services.connectieplan.relations import RelationData, RelationError, add_relation
from dealmaker.services.undo import undo
from dealmaker.storage.models import Operation, OpgaveLink
from dealmaker.storage.workspace import Workspace
from graph.workspace_kit import TODAY, build


def _edge(ws: Workspace, deal: str, record_id: str):  # type: ignore[no-untyped-def]
    return next((e for e in load_plan(ws, deal, TODAY).edges if e.record_id == record_id),
                None)


def test_two_organisations_working_together(workspace: Workspace) -> None:
    ids = build(workspace)
    rid, changes = add_relation(workspace, ids["directie"], ids["prov"],
                                RelationData(RelationKind.BESTUURLIJK, 4))
    assert changes.touches("organisation_relation")
    edge = _edge(workspace, ids["deal"], rid)
    assert edge is not None and edge.kind == RELATION and edge.editable
    assert (edge.source, edge.target, edge.strength, edge.label) == (
        ids["directie"], ids["prov"], 4, "Bestuurlijk")
    # Anna (directie) and Cees (provincie) met three days ago: the relation is not cold
    assert edge.last_contact == TODAY - timedelta(days=3) and not edge.cold
    edit_relation(workspace, "organisation_relation", rid,
                  RelationData(RelationKind.INHOUDELIJK, 2))
    edge = _edge(workspace, ids["deal"], rid)
    assert edge is not None and (edge.strength, edge.label) == (2, "Inhoudelijk")
    delete_relation(workspace, "organisation_relation", rid)
    assert _edge(workspace, ids["deal"], rid) is None
    undo(workspace)  # the delete
    undo(workspace)  # the edit
    edge = _edge(workspace, ids["deal"], rid)
    assert edge is not None and edge.strength == 4


def test_a_person_or_unit_linked_to_an_opgave(workspace: Workspace) -> None:
    ids = build(workspace)
    plan = load_plan(workspace, ids["deal"], TODAY)
    assert (NO_OWNER, ids["stikstof"]) in {(f.code, f.node_id) for f in findings(plan)}
    # from the opgave to the person works too; the role makes it an owner
    owner, _ = add_relation(workspace, ids["stikstof"], ids["anna"],
                            RelationData(role=OpgaveRole.EIGENAAR, strength=5))
    works, _ = add_relation(workspace, ids["bedrijf"], ids["stikstof"])
    plan = load_plan(workspace, ids["deal"], TODAY)
    edges = {e.record_id: e for e in plan.edges}
    assert (edges[owner].kind, edges[owner].source, edges[owner].strength) == (
        OWNER, ids["anna"], 5)
    assert (edges[works].kind, edges[works].source) == (WORKS_ON, ids["bedrijf"])
    assert (NO_OWNER, ids["stikstof"]) not in {(f.code, f.node_id) for f in findings(plan)}
    edit_relation(workspace, "opgave_link", owner, RelationData(role=OpgaveRole.WERKT_AAN))
    assert _edge(workspace, ids["deal"], owner).kind == WORKS_ON  # type: ignore[union-attr]
    undo(workspace)
    assert _edge(workspace, ids["deal"], owner).kind == OWNER  # type: ignore[union-attr]


def test_a_person_linked_to_an_opgave_joins_the_plan_and_an_ended_link_is_gone(
        workspace: Workspace) -> None:
    ids = build(workspace)
    make = Factory(workspace)
    eva = make.person("Eva", "Elders", at=ids["lnv"])
    assert eva not in load_plan(workspace, ids["deal"], TODAY).by_id()
    link = make.add(OpgaveLink(opgave_id=ids["wonen"], person_id=eva,
                               role=OpgaveRole.WERKT_AAN))
    assert eva in load_plan(workspace, ids["deal"], TODAY).by_id()
    edit = Factory(workspace)
    with workspace.uow("Einde") as uow:
        row = uow.session.get(OpgaveLink, link)
        assert row is not None
        row.until = TODAY - timedelta(days=1)
        uow.commit()
    assert eva not in load_plan(workspace, ids["deal"], TODAY).by_id()
    del edit


def test_refusals_write_nothing(workspace: Workspace) -> None:
    ids = build(workspace)
    with workspace.read() as s:
        before = s.scalar(select(func.count()).select_from(Operation))
    for source, target, data in (
            (ids["cees"], ids["cees"], None), (ids["wonen"], ids["stikstof"], None),
            (ids["deal"], ids["cees"], None),
            (ids["cees"], ids["dirk"], RelationData(strength=6))):
        with pytest.raises(RelationError):
            add_relation(workspace, source, target, data)
    with pytest.raises(RelationError):
        edit_relation(workspace, "position", ids["cees"], RelationData())
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(Operation)) == before


def test_positions_are_kept_per_plan_and_layout_outside_the_journal(
        workspace: Workspace) -> None:
    ids = build(workspace)
    with workspace.read() as s:
        before = s.scalar(select(func.count()).select_from(Operation))
    save_positions(workspace, ids["deal"], "connectieplan",
                   {ids["anna"]: (10.5, -3.0), ids["cees"]: (1.0, 2.0)})
    save_positions(workspace, None, "connectieplan", {ids["anna"]: (99.0, 99.0)})
    assert saved_positions(workspace, ids["deal"], "connectieplan") == {
        ids["anna"]: (10.5, -3.0), ids["cees"]: (1.0, 2.0)}
    assert saved_positions(workspace, ids["deal"], "kracht") == {}
    save_positions(workspace, ids["deal"], "connectieplan", {ids["cees"]: None})
    assert saved_positions(workspace, ids["deal"], "connectieplan") == {
        ids["anna"]: (10.5, -3.0)}
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(Operation)) == before
