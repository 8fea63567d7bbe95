"""Ministry involvement per phase and coalition coverage by helix: on hand-built data,
then the same read from a workspace."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dealmaker.domain.enums import Helix, InteractionKind, OrgKind, PartyRole, Side
from dealmaker.services.deals.dossier import deal_dossier
from dealmaker.services.deals.involvement import (
    DEALMAKING,
    ONDERTEKENING,
    UITVOERING,
    VOORSTEL,
    Contact,
    Org,
    involvement,
    phase_of,
)
from dealmaker.services.deals.involvement_load import deal_involvement
from dealmaker.services.deals.ministries import set_theme_ministries
from dealmaker.services.deals.records import PartyData, save_deal
from dealmaker.services.interactions import InteractionData, log_interaction
from dealmaker.storage.models import Opgave
from deals.conftest import Scene

SUBMITTED, SIGNED = date(2020, 1, 15), date(2020, 9, 1)
ORGS = {o.id: o for o in (
    Org("bzk", "Ministerie van BZK", OrgKind.MINISTERIE, Side.RIJK),
    Org("bzk-dg", "DG Volkshuisvesting", OrgKind.DG, Side.RIJK, "bzk"),
    Org("bzk-wonen", "Directie Woningmarkt", OrgKind.DIRECTIE, Side.RIJK, "bzk-dg"),
    Org("ocw", "Ministerie van OCW", OrgKind.MINISTERIE, Side.RIJK),
    Org("ocw-mbo", "Directie Mbo", OrgKind.DIRECTIE, Side.RIJK, "ocw"),
    Org("lnv", "Ministerie van LNV", OrgKind.MINISTERIE, Side.RIJK),
    Org("twente", "Regio Twente", OrgKind.SAMENWERKINGSVERBAND, Side.REGIO),
    Org("ut", "Universiteit Twente", OrgKind.KENNISINSTELLING, Side.REGIO),
    Org("bv", "Techniek B.V.", OrgKind.BEDRIJF, Side.REGIO),
    Org("afd", "Afdeling Innovatie", OrgKind.OVERIG, Side.REGIO, "bv"),
)}


def test_phase_by_the_date_against_the_deals_dates() -> None:
    assert phase_of(date(2020, 1, 14), SUBMITTED, SIGNED) == VOORSTEL
    assert phase_of(SUBMITTED, SUBMITTED, SIGNED) == DEALMAKING
    assert phase_of(date(2020, 7, 21), SUBMITTED, SIGNED) == DEALMAKING  # 42 days before
    assert phase_of(date(2020, 7, 22), SUBMITTED, SIGNED) == ONDERTEKENING
    assert phase_of(SIGNED, SUBMITTED, SIGNED) == ONDERTEKENING
    assert phase_of(date(2020, 9, 2), SUBMITTED, SIGNED) == UITVOERING
    assert phase_of(date(2019, 1, 1), None, SIGNED) == DEALMAKING
    assert phase_of(date(2030, 1, 1), SUBMITTED, None) == DEALMAKING


def test_a_relevant_ministry_without_contact_before_signing_is_flagged() -> None:
    contacts = [
        Contact("m1", date(2019, 12, 1), "bzk-wonen"),   # voorstel, via DG to BZK
        Contact("m2", date(2020, 8, 20), "bzk-wonen"),   # ondertekening
        Contact("m2", date(2020, 8, 20), "bzk-dg"),      # same moment, counted once
        Contact("m3", date(2021, 3, 1), "ocw-mbo"),      # uitvoering only
        Contact("m4", date(2020, 3, 1), "twente"),       # not Rijk: no ministry
    ]
    inv = involvement(contacts, ORGS, submitted=SUBMITTED, signed=SIGNED,
                      relevant={"bzk": "opgave Wonen", "ocw": "thema Onderwijs",
                                "lnv": "thema Landbouw"},
                      parties=["twente", "ut", "afd", "bzk"])
    by_name = {m.name: m for m in inv.ministries}
    assert [m.name for m in inv.ministries if m.flagged] == ["Ministerie van LNV",
                                                             "Ministerie van OCW"]
    bzk = by_name["Ministerie van BZK"]
    assert bzk.moments == {VOORSTEL: 1, ONDERTEKENING: 1} and not bzk.flagged
    assert bzk.directies == {VOORSTEL: ("Directie Woningmarkt",),
                             ONDERTEKENING: ("Directie Woningmarkt",)}
    assert by_name["Ministerie van OCW"].moments == {UITVOERING: 1}
    assert by_name["Ministerie van LNV"].moments == {}
    # helix: own kind, or the parent's (a department of a company is 'ondernemers');
    # the Rijk party does not count for the regional coalition
    assert inv.helixes == {Helix.OVERHEID: ("Regio Twente",),
                           Helix.ONDERWIJS_KENNIS: ("Universiteit Twente",),
                           Helix.ONDERNEMERS: ("Afdeling Innovatie",)}
    assert inv.warnings == (
        "Ministerie van LNV is relevant (thema Landbouw) maar had vóór de ondertekening "
        "geen contact",
        "Ministerie van OCW is relevant (thema Onderwijs) maar had vóór de ondertekening "
        "geen contact",
        "Geen partij uit de helix maatschappelijk in de coalitie")


def test_involvement_read_from_the_workspace(scene: Scene) -> None:
    make, ws = scene.make, scene.ws
    directie = make.org("Directie Regio", OrgKind.DIRECTIE, parent=scene.bzk)
    ocw = make.org("Ministerie van OCW", OrgKind.MINISTERIE)
    ezk = make.org("Ministerie van EZK", OrgKind.MINISTERIE)
    official = make.person("Piet", "Rijk", at=directie, start=date(2019, 1, 1))
    onderwijs = make.theme("Onderwijs")
    energie = make.theme("Energie")
    opgave = make.add(Opgave(name="Talent", theme_id=onderwijs, owner_organisation_id=ocw))
    set_theme_ministries(ws, energie, [ezk])
    d = deal_dossier(ws, scene.deal)
    save_deal(ws, scene.deal, replace(d.data, submitted_on=SUBMITTED, signed_on=SIGNED),
              [PartyData(scene.twente, PartyRole.ONDERTEKENAAR)],
              opgaven=[opgave], themes=[energie])
    log_interaction(ws, InteractionData(date(2020, 5, 1), InteractionKind.OVERLEG,
                                        participant_ids=[official], deal_ids=[scene.deal]))
    inv = deal_involvement(ws, scene.deal)
    by_name = {m.name: m for m in inv.ministries}
    assert by_name["Ministerie van BZK"].moments == {DEALMAKING: 1}
    assert by_name["Ministerie van BZK"].directies == {DEALMAKING: ("Directie Regio",)}
    assert by_name["Ministerie van OCW"].flagged
    assert by_name["Ministerie van OCW"].relevant == "opgave Talent, thema Onderwijs"
    assert by_name["Ministerie van EZK"].relevant == "thema Energie"
    assert inv.helixes == {Helix.OVERHEID: ("Regio Twente",)}
    assert sum("Geen partij uit de helix" in w for w in inv.warnings) == 3
