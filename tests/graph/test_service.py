"""Reading a deal's connectieplan from a small workspace written through the ORM."""

from __future__ import annotations

from datetime import date, timedelta

from directory.factory import Factory

from dealmaker.domain.enums import OrgKind, PartyRole, Side
from dealmaker.graph.analysis import NO_OWNER, findings
from dealmaker.graph.model import OWNER, PARTY, POSITION, RELATION, UNIT, WORKS_ON
from dealmaker.services.connectieplan import deal_choices, find_deal, load_plan
from dealmaker.storage.models import DealOpgave, Opgave, Relation
from dealmaker.storage.workspace import Workspace

TODAY = date.today()


def build(ws: Workspace) -> dict[str, str]:
    make = Factory(ws)
    bzk = make.org("Ministerie van BZK", OrgKind.MINISTERIE, short="BZK")
    directie = make.org("Directie Regio", OrgKind.DIRECTIE, parent=bzk)
    lnv = make.org("Ministerie van LNV", OrgKind.MINISTERIE, short="LNV")
    prov = make.org("Provincie Gelderland", OrgKind.PROVINCIE)
    bedrijf = make.org("Bedrijf", OrgKind.BEDRIJF, side=Side.REGIO)
    anna = make.person("Anna", "Rijk", at=directie, title="dealmaker")
    cees = make.person("Cees", "Regio", at=prov, title="gedeputeerde")
    dirk = make.person("Dirk", "Regio", at=prov)
    xavier = make.person("Xavier", "Elders", at=lnv)
    deal = make.deal("Achterhoek", aliases=["8RHK"], dealmaker=anna)
    other = make.deal("Twente")
    for org in (bzk, prov, bedrijf):
        make.party(deal, org, PartyRole.ONDERTEKENAAR)
    make.party(other, lnv)
    wonen_theme = make.theme("Wonen")
    wonen = make.add(Opgave(name="Wonen", theme_id=wonen_theme, owner_organisation_id=directie))
    stikstof = make.add(Opgave(name="Stikstof"))
    for op in (wonen, stikstof):
        make.add(DealOpgave(deal_id=deal, opgave_id=op))
    warm = make.add(Relation(source_person_id=anna, target_person_id=cees, kind="werkrelatie",
                             strength=4, theme_id=wonen_theme))
    cold = make.relation(dirk, person=anna, strength=3)
    make.relation(anna, person=xavier)  # LNV is no party: not in this plan
    make.contact([anna, cees], TODAY - timedelta(days=3))
    return dict(anna=anna, cees=cees, dirk=dirk, xavier=xavier, deal=deal, other=other,
                bzk=bzk, directie=directie, lnv=lnv, prov=prov, bedrijf=bedrijf, wonen=wonen,
                stikstof=stikstof, warm=warm, cold=cold)


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
    assert kinds[(ids["cees"], ids["wonen"])].kind == WORKS_ON  # via the relation's theme
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
