"""A small workspace for the connectieplan, written through the ORM (journalled)."""

from __future__ import annotations

from datetime import date, timedelta

from directory.factory import Factory

from dealmaker.domain.enums import OpgaveRole, OrgKind, PartyRole, Side
from dealmaker.storage.models import DealOpgave, Opgave, OpgaveLink, Relation
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
    make.add(OpgaveLink(opgave_id=wonen, person_id=cees, role=OpgaveRole.WERKT_AAN,
                        strength=4))
    cold = make.relation(dirk, person=anna, strength=3)
    make.relation(anna, person=xavier)  # LNV is no party: not in this plan
    make.contact([anna, cees], TODAY - timedelta(days=3))
    return dict(anna=anna, cees=cees, dirk=dirk, xavier=xavier, deal=deal, other=other,
                bzk=bzk, directie=directie, lnv=lnv, prov=prov, bedrijf=bedrijf, wonen=wonen,
                stikstof=stikstof, warm=warm, cold=cold)
