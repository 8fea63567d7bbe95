"""The analysis with the plan's own edges: a person owning an opgave, units working on it,
organisations working together (see ``kit.sample`` for the starting plan)."""

from __future__ import annotations

from dealmaker.graph.analysis import NO_OWNER, NO_RIJK, NO_WARM, ONE_PERSON, findings, opgave_views
from dealmaker.graph.model import OWNER, RELATION, WORKS_ON, Edge
from dealmaker.graph.paths import warm_path
from graph.kit import sample


def _codes(plan, opgave):  # type: ignore[no-untyped-def]
    return {(f.code, f.node_id) for f in findings(plan) if f.opgave_id == opgave}


def test_a_rijk_person_owning_the_opgave_is_its_owner() -> None:
    plan = sample()
    plan.edges.append(Edge("Anna", "Stikstof", OWNER, strength=4))
    view = next(v for v in opgave_views(plan) if v.opgave.id == "Stikstof")
    assert [o.id for o in view.owners] == ["Anna"]
    assert (NO_OWNER, "Stikstof") not in _codes(plan, "Stikstof")
    assert {p.id for p in view.rijk} == {"Anna", "Bart"}


def test_a_regional_owner_is_no_owner_at_the_rijk() -> None:
    plan = sample()
    plan.edges.append(Edge("Provincie", "Stikstof", OWNER))
    assert (NO_OWNER, "Stikstof") in _codes(plan, "Stikstof")


def test_a_unit_working_on_it_brings_its_staff() -> None:
    plan = sample()
    plan.edges = [e for e in plan.edges if not (e.source == "Bart" and e.target == "Stikstof")]
    assert (NO_RIJK, "Stikstof") in _codes(plan, "Stikstof")
    plan.edges.append(Edge("BZK", "Stikstof", WORKS_ON))  # the ministry and every unit below
    view = next(v for v in opgave_views(plan) if v.opgave.id == "Stikstof")
    assert {p.id for p in view.rijk} == {"Anna", "Bart"}
    assert (NO_RIJK, "Stikstof") not in _codes(plan, "Stikstof")


def test_organisations_working_together_bridge_the_opgave() -> None:
    plan = sample()
    # Stikstof hangs on Bart-Eva (cold); the owning directie works warmly with the Gemeente
    plan.edges.append(Edge("Regio", "Stikstof", OWNER))
    plan.edges.append(Edge("Regio", "Gemeente", RELATION, strength=4,
                           record_table="organisation_relation", record_id="r1"))
    codes = _codes(plan, "Stikstof")
    assert (NO_WARM, "Stikstof") not in codes  # the organisation relation is warm
    assert (ONE_PERSON, "Bart") not in codes  # and a second end on the Rijk side
    # a path may run through the organisations' relation
    assert warm_path(plan, "Anna", "Gemeente")[-2:] == ["Regio", "Gemeente"]


def test_a_cold_organisation_relation_is_not_warm() -> None:
    plan = sample()
    plan.edges.append(Edge("Regio", "Stikstof", OWNER))
    plan.edges.append(Edge("Regio", "Gemeente", RELATION, strength=5, cold=True))
    assert (NO_WARM, "Stikstof") in _codes(plan, "Stikstof")
