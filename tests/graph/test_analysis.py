"""The analysis on a hand-built plan whose answers are known (see ``kit.sample``)."""

from __future__ import annotations

import networkx as nx

from dealmaker.graph.analysis import (
    BROKER,
    ISOLATED,
    MINISTRY_UNLINKED,
    NO_OWNER,
    NO_RIJK,
    NO_WARM,
    ONE_PERSON,
    findings,
    opgave_views,
)
from dealmaker.graph.brokers import betweenness, brokers, relation_graph
from dealmaker.graph.model import to_networkx
from dealmaker.graph.paths import ego, warm_path
from graph.kit import rel, sample


def _codes(plan, opgave):  # type: ignore[no-untyped-def]
    return {(f.code, f.node_id) for f in findings(plan) if f.opgave_id == opgave}


def test_an_owned_opgave_with_a_warm_bridge_has_no_findings_but_its_single_rijk_person() -> None:
    plan = sample()
    wonen = next(v for v in opgave_views(plan) if v.opgave.id == "Wonen")
    assert [o.id for o in wonen.owners] == ["Regio"]
    assert [p.id for p in wonen.rijk] == ["Anna", "Bart"]  # the owning unit's staff
    assert [p.id for p in wonen.regio] == ["Cees", "Dirk"]
    assert wonen.warm
    assert _codes(plan, "Wonen") == set()


def test_the_ownerless_opgave_with_only_a_cold_relation() -> None:
    plan = sample()
    found = {f.code: f for f in findings(plan) if f.opgave_id == "Stikstof"}
    assert set(found) == {NO_OWNER, NO_WARM, ONE_PERSON}
    assert found[NO_OWNER].text == "Stikstof: geen eigenaar bij het Rijk"
    assert found[NO_OWNER].node_id == "Stikstof"
    assert found[NO_WARM].text == "Stikstof: geen warme relatie tussen Rijk en regio"
    # Bart-Eva is its only bridge: both hang on one person; both are named
    singles = {f.node_id for f in findings(plan) if f.code == ONE_PERSON}
    assert singles == {"Bart", "Eva"}
    assert "Stikstof: hangt aan één persoon: Bart" in {f.text for f in findings(plan)}


def test_no_rijk_contact_when_nobody_at_the_rijk_works_on_it() -> None:
    plan = sample()
    plan.edges = [e for e in plan.edges if not (e.source == "Bart" and e.target == "Stikstof")]
    assert (NO_RIJK, "Stikstof") in _codes(plan, "Stikstof")


def test_a_known_cold_edge_is_not_warm() -> None:
    plan = sample()
    cold = next(e for e in plan.edges if {e.source, e.target} == {"Bart", "Dirk"})
    assert cold.cold and not cold.warm
    assert not rel("A", "B", strength=2).warm  # weak is not warm either


def test_the_known_broker_and_igraph_agrees_with_networkx() -> None:
    plan = sample()
    # Anna-Bart join Cees to Dirk and Eva: Bart sits on most shortest paths
    assert [node for node, _ in brokers(plan)][:2] == ["Bart", "Anna"]
    nodes, edges = relation_graph(plan)
    g = nx.Graph(edges)
    expected = nx.betweenness_centrality(g)
    for node, score in betweenness(nodes, edges).items():
        assert abs(score - expected[node]) < 1e-9
    assert any(f.code == BROKER and f.node_id == "Bart" for f in findings(plan))


def test_isolated_partner_and_ministry_without_relations() -> None:
    found = {(f.code, f.node_id): f.text for f in findings(sample())}
    assert found[(ISOLATED, "Bedrijf")] == "Bedrijf: geïsoleerde partner, geen relatie met het Rijk"
    assert (ISOLATED, "Gemeente") not in found  # Eva knows Bart
    assert (MINISTRY_UNLINKED, "LNV") in found
    assert (MINISTRY_UNLINKED, "BZK") not in found


def test_warm_path_prefers_warm_relations_and_ego_counts_steps() -> None:
    plan = sample()
    assert warm_path(plan, "Cees", "Bart") == ["Cees", "Anna", "Bart"]
    assert warm_path(plan, "Cees", "LNV") == []  # nobody leads there
    assert ego(plan, "Eva", 1) == {"Eva", "Bart", "Gemeente", "Stikstof"}
    assert "Anna" in ego(plan, "Eva", 2)
    assert to_networkx(plan).number_of_nodes() == len(plan.nodes)
