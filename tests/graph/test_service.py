"""Reading a deal's connectieplan from a small workspace written through the ORM."""

from __future__ import annotations

from datetime import timedelta

from dealmaker.graph.analysis import NO_OWNER, findings
from dealmaker.graph.model import OWNER, PARTY, POSITION, RELATION, UNIT, WORKS_ON
from dealmaker.services.connectieplan import deal_choices, find_deal, load_plan
from dealmaker.storage.workspace import Workspace
from graph.workspace_kit import TODAY, build


def test_a_deals_plan_has_its_parties_people_opgaven_and_relations(workspace: Workspace) -> None:
    ids = build(workspace)
    plan = load_plan(workspace, ids["deal"], TODAY)
    nodes = plan.by_id()
    assert plan.title == "Achterhoek" and plan.dealmaker_id == ids["anna"]
    assert set(nodes) == {ids[k] for k in ("deal", "bzk", "directie", "prov", "bedrijf",
                                            "anna", "cees", "dirk", "wonen", "stikstof")}
    assert nodes[ids["bzk"]].label == "BZK" and nodes[ids["anna"]].side == "rijk"
    assert nodes[ids["cees"]].side == "regio" and nodes[ids["cees"]].detail == "gedeputeerde"
    kinds = {(e.source, e.target): e for e in plan.edges}
    assert kinds[(ids["directie"], ids["bzk"])].kind == UNIT
    assert kinds[(ids["anna"], ids["directie"])].kind == POSITION
    assert kinds[(ids["prov"], ids["deal"])].kind == PARTY
    assert kinds[(ids["directie"], ids["wonen"])].kind == OWNER
    assert kinds[(ids["cees"], ids["wonen"])].kind == WORKS_ON  # an opgave link
    warm = kinds[(ids["anna"], ids["cees"])]
    assert warm.kind == RELATION and warm.warm and warm.record_id == ids["warm"]
    assert warm.last_contact == TODAY - timedelta(days=3)
    cold = kinds[(ids["dirk"], ids["anna"])]
    assert cold.cold and cold.last_contact is None
    codes = {(f.code, f.node_id) for f in findings(plan)}
    assert (NO_OWNER, ids["stikstof"]) in codes and (NO_OWNER, ids["wonen"]) not in codes


def test_the_whole_workspace_and_finding_a_deal_by_alias(workspace: Workspace) -> None:
    ids = build(workspace)
    assert [d.name for d in deal_choices(workspace)] == ["Achterhoek", "Twente"]
    found = find_deal(workspace, " 8rhk ")
    assert found is not None and found.id == ids["deal"]
    assert find_deal(workspace, "Zeeland") is None
    whole = load_plan(workspace, None, TODAY)
    assert {ids["other"], ids["lnv"], ids["xavier"]} <= set(whole.by_id())


def test_laying_a_relation_is_one_undoable_operation(workspace: Workspace) -> None:
    from dealmaker.services.connectieplan.relations import add_relation
    from dealmaker.services.undo import undo

    ids = build(workspace)
    rid, changes = add_relation(workspace, ids["cees"], ids["dirk"], strength=4)
    assert changes.touches("relation") and changes.operation_id
    edges = {e.record_id: e for e in load_plan(workspace, ids["deal"], TODAY).edges}
    assert (edges[rid].source, edges[rid].target, edges[rid].strength) == (
        ids["cees"], ids["dirk"], 4)
    org_rid, _ = add_relation(workspace, ids["dirk"], ids["bedrijf"])
    assert org_rid in {e.record_id for e in load_plan(workspace, ids["deal"], TODAY).edges}
    undo(workspace)
    undo(workspace)
    assert not {rid, org_rid} & {e.record_id for e in
                                 load_plan(workspace, ids["deal"], TODAY).edges}
