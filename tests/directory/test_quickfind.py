"""Quick-find (Ctrl+K) over persons, organisations and deals; form completers."""

from __future__ import annotations

from datetime import date

import pytest

from dealmaker.domain.enums import OrgKind
from dealmaker.services.quickfind import (
    complete_deals,
    complete_persons,
    complete_themes,
    fold,
    quick_find,
)
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory


@pytest.fixture
def world(make: Factory) -> dict[str, str]:
    fryslan = make.org("Provincie Fryslân", OrgKind.PROVINCIE, aliases=["Friesland"])
    ezk = make.org("Ministerie van Economische Zaken en Klimaat", OrgKind.MINISTERIE,
                   short="EZK")
    return {
        "fryslan": fryslan, "ezk": ezk,
        "deal": make.deal("Zuidoost Fryslân", tranche="III",
                          aliases=["Zuidoost Friesland"]),
        "foodvalley": make.deal("Foodvalley", tranche="II", aliases=["Food Valley"]),
        "sjoukje": make.person("Sjoukje", "Hoekstra", at=fryslan, title="Gedeputeerde"),
        "jan": make.person("Jan", "Jansen", at=ezk, title="Beleidsmedewerker"),
    }


def kinds(ws: Workspace, text: str, limit: int = 20) -> list[tuple[str, str]]:
    return [(h.kind, h.label) for h in quick_find(ws, text, limit)]


def test_fold_removes_accents_and_case() -> None:
    assert fold("Zuidoost Fryslân") == "zuidoost fryslan"
    assert fold("ÇİĞDEM Özdemir") == "cigdem ozdemir"


def test_accent_insensitive_over_deals_organisations_and_persons(
        workspace: Workspace, world: dict[str, str]) -> None:
    assert kinds(workspace, "Fryslan") == [
        ("deal", "Zuidoost Fryslân"), ("organisation", "Provincie Fryslân"),
        ("person", "Sjoukje Hoekstra")]  # the person through her organisation
    hits = quick_find(workspace, "fryslan")
    assert hits[0].id == world["deal"] and hits[0].detail == "Tranche III · Zuidoost Friesland"
    assert hits[1].detail == "Provincie"
    assert hits[2].detail == "Gedeputeerde, Provincie Fryslân"


def test_short_names_aliases_prefixes_and_several_words(workspace: Workspace,
                                                        world: dict[str, str]) -> None:
    assert kinds(workspace, "ezk")[0] == (
        "organisation", "Ministerie van Economische Zaken en Klimaat (EZK)")
    assert ("deal", "Foodvalley") in kinds(workspace, "food vall")
    assert kinds(workspace, "friesland")[:2] == [("deal", "Zuidoost Fryslân"),
                                                 ("organisation", "Provincie Fryslân")]
    assert kinds(workspace, "zuid fry") == [("deal", "Zuidoost Fryslân")]
    assert kinds(workspace, "jan bel") == [("person", "Jan Jansen")]
    assert kinds(workspace, "economische zak")[0][0] == "organisation"
    assert kinds(workspace, "") == [] and kinds(workspace, "  *\"") == []
    assert kinds(workspace, "onbekend") == []


def test_limit_leaves_room_for_persons(workspace: Workspace, make: Factory) -> None:
    for n in range(10):
        org = make.org(f"Gemeente Noord{n}")
        make.person(f"P{n}", "Noordman", at=org)
    hits = quick_find(workspace, "noord", limit=8)
    assert len(hits) == 8
    assert {h.kind for h in hits} == {"organisation", "person"}


def test_complete_persons_most_recent_contact_first(workspace: Workspace, make: Factory,
                                                    world: dict[str, str]) -> None:
    older = make.person("Janneke", "Smit")
    make.contact([older], date(2025, 1, 1))
    make.contact([world["jan"]], date(2026, 1, 1))
    assert [h.label for h in complete_persons(workspace, "jan")] == [
        "Jan Jansen", "Janneke Smit"]
    assert len(complete_persons(workspace, "jan", limit=1)) == 1
    assert complete_persons(workspace, "") == []


def test_complete_deals_and_themes(workspace: Workspace, make: Factory,
                                   world: dict[str, str]) -> None:
    assert [h.label for h in complete_deals(workspace, "f")] == ["Foodvalley",
                                                                 "Zuidoost Fryslân"]
    assert [h.label for h in complete_deals(workspace, "")] == ["Foodvalley",
                                                                "Zuidoost Fryslân"]
    wonen = make.theme("Wonen")
    make.theme("Woningbouw", parent=wonen)
    make.theme("Gezondheid")
    assert [(h.label, h.detail) for h in complete_themes(workspace, "won")] == [
        ("Wonen", ""), ("Woningbouw", "Wonen")]


def test_cached_names_follow_every_change(workspace: Workspace, make: Factory) -> None:
    from dealmaker.services.organisations import rename_organisation

    assert kinds(workspace, "dokkum") == []
    oid = make.org("Gemeente Dokkum")
    assert kinds(workspace, "dokkum") == [("organisation", "Gemeente Dokkum")]
    rename_organisation(workspace, oid, "Gemeente Noardeast-Fryslân")
    assert kinds(workspace, "dokkum") == []
    assert kinds(workspace, "noardeast") == [("organisation", "Gemeente Noardeast-Fryslân")]
    from dealmaker.services.undo import undo

    undo(workspace)
    assert kinds(workspace, "dokkum") == [("organisation", "Gemeente Dokkum")]
