"""Keep-in-touch cadence: own setting > smallest matching rule > workspace default."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from dealmaker.domain.enums import OrgKind
from dealmaker.services.cadence import (
    DEFAULT_CADENCE_DAYS,
    cadence_rules,
    default_cadence,
    remove_cadence_rule,
    set_cadence_rule,
    set_default_cadence,
    set_person_cadence,
)
from dealmaker.services.contact_card import person_card
from dealmaker.services.directory import ContactQuery, count_contacts, query_contacts
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Change
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory

TODAY = date(2026, 6, 1)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def cold_names(ws: Workspace) -> set[str]:
    """Cold persons by the SQL filter, checked against the flag computed per row."""
    query = ContactQuery(cold_only=True, today=TODAY)
    by_filter = {r.display_name for r in query_contacts(ws, query)}
    by_flag = {r.display_name for r in query_contacts(ws, ContactQuery(today=TODAY))
               if r.cold}
    assert by_filter == by_flag
    assert count_contacts(ws, query) == len(by_filter)
    return by_filter


def test_default_is_90_days_and_never_contacted_is_cold(workspace: Workspace,
                                                        make: Factory) -> None:
    assert default_cadence(workspace) == DEFAULT_CADENCE_DAYS == 90
    recent, edge, old = (make.person("A", n) for n in ("Recent", "Rand", "Oud"))
    make.person("B", "Nooit")
    make.contact([recent], ago(10))
    make.contact([edge], ago(90))  # exactly 90 days ago: still within the cadence
    make.contact([old], ago(91))
    assert cold_names(workspace) == {"B Nooit", "A Oud"}
    set_default_cadence(workspace, 30)
    assert default_cadence(workspace) == 30
    assert cold_names(workspace) == {"B Nooit", "A Oud", "A Rand"}


def test_logging_a_contact_resets_the_clock(workspace: Workspace, make: Factory) -> None:
    p = make.person("A", "Jansen")
    make.contact([p], ago(200))
    assert cold_names(workspace) == {"A Jansen"}
    make.contact([p], ago(1))
    assert cold_names(workspace) == set()


def test_rules_by_tag_and_by_function_title(workspace: Workspace, make: Factory) -> None:
    emmen = make.org("Gemeente Emmen", OrgKind.GEMEENTE)
    weth = make.person("W", "Wethouder", at=emmen, title="Wethouder Economie")
    vip = make.person("V", "Vip")
    both = make.person("B", "Beide", at=emmen, title="wethouder")
    plain = make.person("P", "Gewoon")
    own = make.person("O", "Eigen", cadence=200)
    tag = make.tag("vip", vip, both, own)
    for p in (weth, vip, both, plain, own):
        make.contact([p], ago(45))
    set_cadence_rule(workspace, days=30, title_contains="WETHOUDER")  # case-insensitive
    set_cadence_rule(workspace, days=60, tag_id=tag)
    # wethouder: 30 -> cold; vip: 60 -> not; both: smallest (30) -> cold; default 90;
    # own setting wins over the vip rule
    assert cold_names(workspace) == {"W Wethouder", "B Beide"}
    card = person_card(workspace, both, today=TODAY)
    assert (card.cadence_days, card.cadence_source, card.cold) == (
        30, "functie bevat 'WETHOUDER'", True)
    assert person_card(workspace, vip, today=TODAY).cadence_source == "tag 'vip'"
    assert person_card(workspace, own, today=TODAY).cadence_source == "eigen instelling"
    assert person_card(workspace, plain, today=TODAY).cadence_source == "standaard"
    set_person_cadence(workspace, own, 40)
    assert cold_names(workspace) == {"W Wethouder", "B Beide", "O Eigen"}
    set_person_cadence(workspace, own, None)  # back to the vip rule: 60
    assert "O Eigen" not in cold_names(workspace)


def test_title_rule_only_looks_at_current_positions(workspace: Workspace,
                                                    make: Factory) -> None:
    emmen = make.org("Gemeente Emmen", OrgKind.GEMEENTE)
    p = make.person("Ex", "Wethouder")
    make.position(p, emmen, "Wethouder", end=date(2025, 1, 1))
    make.contact([p], ago(45))
    set_cadence_rule(workspace, days=30, title_contains="wethouder")
    assert cold_names(workspace) == set()


def test_title_rule_text_is_not_a_like_pattern(workspace: Workspace, make: Factory) -> None:
    emmen = make.org("Gemeente Emmen", OrgKind.GEMEENTE)
    p = make.person("A", "B", at=emmen, title="Directeur")
    make.contact([p], ago(45))
    set_cadence_rule(workspace, days=30, title_contains="%")
    set_cadence_rule(workspace, days=31, title_contains="D_recteur")
    assert cold_names(workspace) == set()


def test_list_set_and_remove_rules(workspace: Workspace, make: Factory) -> None:
    tag = make.tag("bestuurder")
    rid, changes = set_cadence_rule(workspace, days=60, tag_id=tag)
    assert changes.touches("cadence_rule")
    same, _ = set_cadence_rule(workspace, days=45, tag_id=tag)  # same tag: updated
    title, _ = set_cadence_rule(workspace, days=30, title_contains=" Wethouder ")
    again, _ = set_cadence_rule(workspace, days=20, title_contains="wethouder")
    assert (same, again) == (rid, title)
    rules = cadence_rules(workspace)
    assert [(r.days, r.label) for r in rules] == [(20, "functie bevat 'Wethouder'"),
                                                  (45, "tag 'bestuurder'")]
    remove_cadence_rule(workspace, title)
    assert [r.id for r in cadence_rules(workspace)] == [rid]
    with pytest.raises(LookupError):
        remove_cadence_rule(workspace, title)
    with workspace.read() as s:  # journalled like any user data (undo works)
        fields = set(s.scalars(select(Change.field).where(Change.entity_id == rid)))
    assert {None, "days"} <= fields


@pytest.mark.parametrize(("kwargs", "field", "message"), [
    ({"days": 0, "title_contains": "x"}, "days", "tussen 1 en 3650"),
    ({"days": 5000, "title_contains": "x"}, "days", "tussen 1 en 3650"),
    ({"days": 30}, "tag_id", "Kies een tag"),
    ({"days": 30, "title_contains": "   "}, "tag_id", "Kies een tag"),
    ({"days": 30, "title_contains": "x", "tag_id": "t"}, "tag_id", "Kies een tag"),
    ({"days": 30, "tag_id": "bestaat-niet"}, "tag_id", "bestaat niet"),
])
def test_rule_validation_in_dutch(workspace: Workspace, kwargs: dict[str, object],
                                  field: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as info:
        set_cadence_rule(workspace, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert cadence_rules(workspace) == []


def test_default_and_person_cadence_validation(workspace: Workspace, make: Factory) -> None:
    with pytest.raises(ValidationError):
        set_default_cadence(workspace, 0)
    with pytest.raises(ValidationError):
        set_person_cadence(workspace, make.person("A", "B"), -3)
    with pytest.raises(LookupError):
        set_person_cadence(workspace, "weg", 10)
