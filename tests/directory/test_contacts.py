"""The Contacten list: rows, typed sorting in SQL, every filter, search, paging."""

from __future__ import annotations

from datetime import date

import pytest

from dealmaker.domain.enums import OrgKind, PartyRole, Side
from dealmaker.services.directory import (
    ContactQuery,
    ContactSort,
    count_contacts,
    query_contacts,
    sort_name,
)
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory

TODAY = date(2026, 6, 1)


def names(ws: Workspace, **kw: object) -> list[str]:
    query = ContactQuery(today=TODAY, **kw)  # type: ignore[arg-type]
    rows = query_contacts(ws, query, 0, 100)
    assert count_contacts(ws, query) == len(rows)
    return [r.display_name for r in rows]


@pytest.fixture
def world(make: Factory) -> dict[str, str]:
    ezk = make.org("Ministerie van Economische Zaken en Klimaat", OrgKind.MINISTERIE,
                   short="EZK")
    dg = make.org("DG Economie en Digitalisering", OrgKind.DG, parent=ezk)
    directie = make.org("Directie Regionale Economie", OrgKind.DIRECTIE, parent=dg)
    fryslan = make.org("Provincie Fryslân", OrgKind.PROVINCIE, aliases=["Friesland"])
    emmen = make.org("Gemeente Emmen", OrgKind.GEMEENTE)
    ids = {
        "anna": make.person("Anna", "Berg", tv="van den", email="anna@demo.example",
                            at=directie, title="Senior beleidsmedewerker"),
        "bert": make.person("Bert", "Aalders", phone="06-12345678", at=fryslan,
                            title="Gedeputeerde", notes="Houdt van zeilen"),
        "cees": make.person("Cees", "Zwart", at=emmen, title="Wethouder"),
        "dirk": make.person("Dirk", "Berg", at=emmen, title="Projectleider"),
        "eva": make.person("Eva", "Visser"),
    }
    ids |= {"ezk": ezk, "directie": directie, "fryslan": fryslan, "emmen": emmen}
    return ids


def test_row_shows_name_function_organisation_side_and_contact_dates(
        workspace: Workspace, make: Factory, world: dict[str, str]) -> None:
    deal = make.deal("Zuidoost Fryslân", dealmaker=world["anna"])
    make.party(deal, world["fryslan"], PartyRole.ONDERTEKENAAR)
    tag = make.tag("bestuurder", world["bert"])
    make.contact([world["bert"], world["anna"]], date(2026, 5, 20),
                 follow_up_on=date(2026, 6, 10), action="Bellen")
    rows = {r.person_id: r for r in query_contacts(workspace, ContactQuery(today=TODAY))}
    anna, bert, eva = rows[world["anna"]], rows[world["bert"]], rows[world["eva"]]
    assert anna.display_name == "Anna van den Berg"
    assert anna.sort_name == "Berg, Anna van den"
    assert (anna.function, anna.organisation, anna.side) == (
        "Senior beleidsmedewerker", "Directie Regionale Economie", Side.RIJK)
    assert anna.deals == ("Zuidoost Fryslân",) and bert.deals_text == "Zuidoost Fryslân"
    assert bert.tags == ("bestuurder",) and tag
    assert (bert.last_contact_on, bert.next_follow_up_on) == (date(2026, 5, 20),
                                                               date(2026, 6, 10))
    assert bert.phone == "06-12345678" and anna.email == "anna@demo.example"
    assert not bert.cold and eva.cold  # never contacted is cold
    assert (eva.function, eva.organisation, eva.side, eva.deals) == ("", "", None, ())


def test_sort_name_without_tussenvoegsel_or_first_name() -> None:
    assert sort_name("Anna", "van den", "Berg") == "Berg, Anna van den"
    assert sort_name("", "", "Berg") == "Berg"
    assert sort_name("Anna", "", "") == "Anna"


def test_default_sort_is_last_name_then_first_name(workspace: Workspace,
                                                   world: dict[str, str]) -> None:
    assert names(workspace) == ["Bert Aalders", "Anna van den Berg", "Dirk Berg",
                                "Eva Visser", "Cees Zwart"]
    assert names(workspace, descending=True) == ["Cees Zwart", "Eva Visser", "Dirk Berg",
                                                 "Anna van den Berg", "Bert Aalders"]


def test_sorting_on_dates_is_typed_not_textual(workspace: Workspace, make: Factory,
                                               world: dict[str, str]) -> None:
    # as text "9-..." > "10-..."; as dates 2026-01-09 < 2026-02-10 < 2026-10-01
    make.contact([world["cees"]], date(2026, 1, 9), follow_up_on=date(2026, 10, 1))
    make.contact([world["anna"]], date(2026, 2, 10), follow_up_on=date(2026, 2, 20))
    make.contact([world["bert"]], date(2025, 12, 31))
    last = names(workspace, sort=ContactSort.LAST_CONTACT)
    assert last == ["Dirk Berg", "Eva Visser", "Bert Aalders", "Cees Zwart",
                    "Anna van den Berg"]  # never contacted first (the coldest)
    assert names(workspace, sort=ContactSort.LAST_CONTACT, descending=True)[:3] == [
        "Anna van den Berg", "Cees Zwart", "Bert Aalders"]
    follow = names(workspace, sort=ContactSort.NEXT_FOLLOW_UP)
    assert follow == ["Anna van den Berg", "Cees Zwart", "Bert Aalders", "Dirk Berg",
                      "Eva Visser"]  # without a follow-up: last, by name
    assert names(workspace, sort=ContactSort.NEXT_FOLLOW_UP, descending=True)[:2] == [
        "Cees Zwart", "Anna van den Berg"]


def test_sorting_on_organisation_function_side_and_email(workspace: Workspace,
                                                         world: dict[str, str]) -> None:
    assert names(workspace, sort=ContactSort.ORGANISATION) == [
        "Anna van den Berg", "Dirk Berg", "Cees Zwart", "Bert Aalders", "Eva Visser"]
    assert names(workspace, sort=ContactSort.FUNCTION) == [
        "Bert Aalders", "Dirk Berg", "Anna van den Berg", "Cees Zwart", "Eva Visser"]
    assert names(workspace, sort=ContactSort.SIDE)[:3] == ["Bert Aalders", "Dirk Berg",
                                                          "Cees Zwart"]
    assert names(workspace, sort=ContactSort.EMAIL)[0] == "Anna van den Berg"
    assert names(workspace, sort=ContactSort.ORGANISATION, descending=True)[-1] == \
        "Eva Visser"  # empty values stay last in both directions


def test_primary_position_is_the_latest_started(workspace: Workspace, make: Factory,
                                                world: dict[str, str]) -> None:
    make.position(world["eva"], world["emmen"], "Adviseur", start=date(2020, 1, 1))
    make.position(world["eva"], world["fryslan"], "Directeur", start=date(2024, 1, 1))
    make.position(world["eva"], world["directie"], "Oud", start=date(2010, 1, 1),
                  end=date(2019, 1, 1))
    row = next(r for r in query_contacts(workspace, ContactQuery(search="eva")))
    assert (row.function, row.organisation) == ("Directeur", "Provincie Fryslân")


def test_filters_side_kind_deal_tag(workspace: Workspace, make: Factory,
                                    world: dict[str, str]) -> None:
    assert names(workspace, side=Side.RIJK) == ["Anna van den Berg"]
    assert names(workspace, side=Side.REGIO) == ["Bert Aalders", "Dirk Berg", "Cees Zwart"]
    assert names(workspace, org_kind=OrgKind.GEMEENTE) == ["Dirk Berg", "Cees Zwart"]
    assert names(workspace, org_kind=OrgKind.DIRECTIE, side=Side.REGIO) == []
    deal = make.deal("Zuid- en Oost-Drenthe", dealmaker=world["anna"])
    make.party(deal, world["emmen"])
    make.party(deal, world["fryslan"], left_on=date(2025, 1, 1))  # left: not counted
    assert names(workspace, deal_id=deal) == ["Anna van den Berg", "Dirk Berg",
                                              "Cees Zwart"]
    vip = make.tag("vip", world["eva"], world["cees"])
    make.tag("andere", world["anna"])
    assert names(workspace, tag=vip) == ["Eva Visser", "Cees Zwart"]
    assert names(workspace, tag=vip, side=Side.REGIO, search="zwart") == ["Cees Zwart"]


def test_filters_ignore_ended_positions_and_deleted_rows(workspace: Workspace,
                                                         make: Factory,
                                                         world: dict[str, str]) -> None:
    make.position(world["eva"], world["directie"], "Oud", end=date(2020, 1, 1))
    assert "Eva Visser" not in names(workspace, side=Side.RIJK)
    from dealmaker.domain.dates import utcnow
    from dealmaker.storage.models import Person
    with workspace.uow("Verwijderen") as uow:
        p = uow.session.get(Person, world["cees"])
        assert p is not None
        p.deleted_at = utcnow()
        uow.commit()
    assert "Cees Zwart" not in names(workspace)
    assert "Cees Zwart" not in names(workspace, search="zwart")


@pytest.mark.parametrize(("text", "expected"), [
    ("berg", ["Anna van den Berg", "Dirk Berg"]),
    ("BE", ["Bert Aalders", "Anna van den Berg", "Dirk Berg"]),  # prefix, any case
    ("fryslan", ["Bert Aalders"]),  # accent-insensitive organisation
    ("friesland", ["Bert Aalders"]),  # organisation alias
    ("ezk beleid", ["Anna van den Berg"]),  # multi-word: parent ministry + function
    ("beleid ezk", ["Anna van den Berg"]),
    ("ezk wethouder", []),
    ("anna@demo", ["Anna van den Berg"]),  # e-mail
    ("0612345678", ["Bert Aalders"]),  # phone digits only
    ("06-1234", ["Bert Aalders"]),
    ("zeilen", ["Bert Aalders"]),  # notes
    ("wethouder", ["Cees Zwart"]),  # function
    ("  ", ["Bert Aalders", "Anna van den Berg", "Dirk Berg", "Eva Visser", "Cees Zwart"]),
    ('"berg', ["Anna van den Berg", "Dirk Berg"]),  # FTS syntax is plain text
    ("berg AND NOT", []),
])
def test_search(workspace: Workspace, world: dict[str, str], text: str,
                expected: list[str]) -> None:
    assert names(workspace, search=text) == expected


def test_search_finds_accented_names_without_accents(workspace: Workspace,
                                                     make: Factory) -> None:
    make.person("Çiğdem", "Özdemir")
    make.person("Zoë", "Brouwer")
    assert names(workspace, search="cigdem ozd") == ["Çiğdem Özdemir"]
    assert names(workspace, search="zoe") == ["Zoë Brouwer"]


def test_paging_with_offset_and_limit(workspace: Workspace, make: Factory) -> None:
    for n in range(25):
        make.person(f"P{n:02d}", "Jansen")
    query = ContactQuery(search="jansen")
    assert count_contacts(workspace, query) == 25
    pages = [query_contacts(workspace, query, offset, 10) for offset in (0, 10, 20)]
    assert [len(p) for p in pages] == [10, 10, 5]
    seen = [r.display_name for page in pages for r in page]
    assert seen == [f"P{n:02d} Jansen" for n in range(25)]
    assert query_contacts(workspace, query, 30, 10) == []
