"""The deterministic demo workspace: same seed, same rows; realistic invariants; a file
that opens, has no broken references, loads through the ORM; cancel leaves nothing."""

from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from dealmaker.domain.enums import CommitmentState, DealPhase, OrgKind, Side
from dealmaker.domain.rules import cofinancing_breaches
from dealmaker.services.demo import (
    REFERENCE_DATE,
    DemoStep,
    create_demo,
    demo_rows,
    demo_steps,
    parse_size,
    scale_for,
)
from dealmaker.storage.derived import refresh_contact_dates
from dealmaker.storage.models import Deal, Indicator, Interaction, Operation, Organisation, Person
from dealmaker.storage.types import from_micros, unscaled, uuid_text
from dealmaker.storage.workspace import open_workspace

Tables = dict[str, list[dict[str, object]]]
NAMED = ("Brainport", "Zeeland", "Zuid- en Oost-Drenthe", "Twente", "Achterhoek", "Foodvalley",
         "Parkstad Limburg", "Midden- en West-Brabant", "Bodemdaling Groene Hart", "ZaanIJ",
         "Den Haag Zuidwest", "Drechtsteden", "Groningen Noord", "Kop van Noord-Holland",
         "Noord-Limburg", "Noordoost-Brabant", "Oost-Groningen", "Regio Zwolle",
         "FruitDelta Rivierenland", "Utrecht", "Zeeuws-Vlaanderen", "Zuidoost Fryslân",
         "Zuid-Hollandse Delta", "Veluwe", "Regio Cleantech", "Rotterdam Zuid",
         "Noordelijk Flevoland")
MINISTRIES = ("BZK", "LNV", "OCW", "EZK", "JenV", "Financiën", "IenW", "SZW", "VWS")
REF = REFERENCE_DATE.isoformat()


def _collect(size: str | int = 400, seed: int = 2026) -> Tables:
    tables: Tables = defaultdict(list)
    for table, rows in demo_rows(size, seed):
        tables[table].extend(rows)
    return dict(tables)


@pytest.fixture(scope="module")
def t() -> Tables:
    return _collect()


def test_parse_size() -> None:
    assert parse_size("small") == "small"
    assert parse_size(" Large ") == "large"
    assert parse_size("400") == 400
    for bad in ("0", "-3", "huge", "", "1,5"):
        with pytest.raises(ValueError, match="Ongeldige omvang"):
            parse_size(bad)


def test_scales() -> None:
    large = scale_for("large")
    assert (large.persons, large.deals, large.interactions, large.commitments, large.years) \
        == (50_000, 50, 500_000, 10_000, 5)
    small = scale_for("small")
    assert 300 <= small.persons <= 400 and small.deals >= 20 and small.years == 3
    assert scale_for(2000).interactions == 2 * scale_for(1000).interactions
    with pytest.raises(ValueError):
        scale_for(0)


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    first = list(demo_rows(400, seed=7))
    assert first == list(demo_rows(400, seed=7))
    assert first != list(demo_rows(400, seed=8))


def test_named_deals_with_tranches_aliases_and_dealmakers(t: Tables) -> None:
    deals = {d["name"]: d for d in t["deal"]}
    named = [deals[n] for n in NAMED if n in deals]
    assert len(named) == len(NAMED)
    assert sum(1 for d in named if d["tranche"]) >= 20
    assert all(json.loads(str(d["aliases"])) for d in named)
    assert "Food Valley" in json.loads(str(deals["Foodvalley"]["aliases"]))
    assert all(d["is_demo"] for d in t["deal"])
    orgs = {o["id"]: o for o in t["organisation"]}
    position = {p["person_id"]: p for p in t["position"] if p["end_date"] is None}
    for deal in t["deal"]:
        org = orgs[position[deal["dealmaker_id"]]["organisation_id"]]
        while org["parent_id"]:
            org = orgs[org["parent_id"]]
        assert org["short_name"] in ("BZK", "LNV")


def test_ministries_hierarchy_and_party_profiles(t: Tables) -> None:
    orgs = t["organisation"]
    kids = Counter((o["parent_id"], o["kind"]) for o in orgs)
    for short in MINISTRIES:
        ministry = next(o for o in orgs if o["short_name"] == short)
        assert ministry["kind"] == OrgKind.MINISTERIE and ministry["side"] == Side.RIJK
        dgs = [o for o in orgs if o["parent_id"] == ministry["id"]]
        assert dgs and all(o["kind"] == OrgKind.DG for o in dgs)
        assert any(kids[(dg["id"], OrgKind.DIRECTIE.value)] for dg in dgs)
    assert any(o["kind"] == OrgKind.AFDELING for o in orgs)
    kinds = {o["kind"] for o in orgs}
    for kind in ("provincie", "gemeente", "waterschap", "samenwerkingsverband", "bedrijf",
                 "kennisinstelling", "maatschappelijke_organisatie"):
        assert kind in kinds
    assert all(o["side"] and o["levensgemeenschap"] and o["helix"] for o in orgs)
    assert all(o["is_demo"] for o in orgs if o["kind"] == "bedrijf")
    assert {p["role"] for p in t["deal_party"]} >= {"indiener", "ondertekenaar", "cofinancier"}


def test_persons_are_invented_and_some_changed_jobs(t: Tables) -> None:
    persons = t["person"]
    assert len(persons) == 400
    assert all(p["is_demo"] and "Demogegevens" in str(p["notes"]) for p in persons)
    assert all(str(p["email"]).endswith(".example") for p in persons)
    assert any(p["cadence_days"] for p in persons)
    positions = {p["id"]: p for p in t["position"]}
    ended = [p for p in positions.values() if p["successor_id"]]
    assert len(ended) >= 10
    for old in ended:
        new = positions[old["successor_id"]]
        assert old["end_date"] and new["end_date"] is None
        assert new["organisation_id"] == old["organisation_id"]
        assert new["person_id"] != old["person_id"]


def test_relations_have_one_target_and_strength(t: Tables) -> None:
    assert t["relation"]
    for r in t["relation"]:
        assert (r["target_person_id"] is None) != (r["target_organisation_id"] is None)
        assert 1 <= int(str(r["strength"])) <= 5
        assert r["target_person_id"] != r["source_person_id"]


def test_commitments_in_every_state_with_history_some_overdue(t: Tables) -> None:
    commitments = t["commitment"]
    assert {c["state"] for c in commitments} == {s.value for s in CommitmentState}
    overdue = [c for c in commitments
               if str(c["due_on"]) < REF and CommitmentState(str(c["state"])).is_open]
    assert overdue
    history = defaultdict(list)
    for change in t["commitment_state_change"]:
        history[change["commitment_id"]].append(change)
    for c in commitments:
        steps = history[c["id"]]
        assert steps[0]["state"] == "concept" and steps[-1]["state"] == c["state"]
        dates = [str(s["changed_on"]) for s in steps]
        assert dates == sorted(dates) and dates[-1] < REF


def test_cofinancing_mostly_satisfied_some_broken_on_purpose(t: Tables) -> None:
    regional: dict[object, list[int]] = defaultdict(list)
    for pledge in t["pledge"]:
        regional[pledge["deal_id"]].append(int(str(pledge["pledged_cents"])))
    results = [cofinancing_breaches(d["granted_cents"], regional[d["id"]])
               for d in t["deal"]]
    broken = [r for r in results if r]
    assert len(broken) >= 2
    assert len(broken) <= len(results) // 5
    assert {"rijk_share", "rijk_min"} <= {b.code for r in broken for b in r}
    pledges = t["pledge"]
    assert {p["sector"] for p in pledges} == {"publiek", "privaat"}
    assert {p["form"] for p in pledges} == {"in_cash", "in_natura"}


def test_three_years_of_contact_moments_with_follow_ups(t: Tables) -> None:
    days = sorted(str(i["occurred_on"]) for i in t["interaction"])
    assert days[-1] < REF
    assert days[0] <= (REFERENCE_DATE - timedelta(days=3 * 365 - 30)).isoformat()
    assert len(t["interaction"]) == 4000
    follow = [i for i in t["interaction"] if i["follow_up_on"]]
    assert any(str(i["follow_up_on"]) >= REF for i in follow)  # upcoming
    assert any(str(i["follow_up_on"]) < REF and not i["follow_up_done_on"] for i in follow)
    assert t["interaction_participant"] and t["interaction_deal"]


def test_monitoring_and_overleg(t: Tables) -> None:
    assert {p["status"] for p in t["project"]} >= {"groen", "oranje", "rood"}
    assert all(i["baseline_value"] and i["target_value"] for i in t["indicator"])
    assert t["measurement"] and t["mandate"] and t["adjustment"] and t["project_goal"]
    years = {str(m["held_on"])[:4] for m in t["meeting"] if m["kind"] == "rijk_regio_overleg"}
    assert years == {str(y) for y in range(REFERENCE_DATE.year - 2, REFERENCE_DATE.year + 1)}
    themes = {th["name"]: th for th in t["theme"]}
    for name in ("Subjectief welzijn", "Materiële welvaart", "Gezondheid", "Arbeid en vrije tijd",
                 "Wonen", "Samenleving", "Veiligheid", "Milieu"):
        assert themes[name]["dimension"] == "hier_en_nu"
    assert t["opgave"] and t["deal_opgave"]


def test_compact_rows_are_the_rows_of_schema_3(t: Tables) -> None:
    """Storing ids, timestamps and decimals compactly changed no value: these were the
    text values of seed 2026 before (the last participant is 9,000 ids into the stream)."""
    last = t["interaction_participant"][-1]
    assert len(t["interaction_participant"]) == 9303
    assert uuid_text(bytes(last["id"])) == "01a20d36-6b80-7bbb-bcf2-7497b21b12d1"
    assert from_micros(int(str(last["created_at"]))).isoformat(timespec="microseconds") \
        == "2026-11-24T11:00:00.000000+00:00"
    assert unscaled(int(str(t["measurement"][-1]["value"]))) == Decimal("81.2")
    assert uuid_text(bytes(t["person"][0]["id"])) == "dd52a3d5-dfe1-4019-8078-3b0a45458e05"


def test_ids_unique_and_timestamps_fixed(t: Tables) -> None:
    """Ids in storage form: 16 bytes of a version 4 or 7 (time-ordered) UUID; timestamps
    integer microseconds (UTC), in office hours, not after the reference date."""
    ids = [row["id"] for rows in t.values() for row in rows]
    assert len(ids) == len(set(ids))
    assert all(isinstance(i, bytes) and uuid.UUID(bytes=i).version in (4, 7)
               and uuid.UUID(bytes=i).variant == uuid.RFC_4122 for i in ids)
    stamps = [row["created_at"] for rows in t.values() for row in rows]
    assert all(isinstance(s, int) for s in stamps)
    moments = [from_micros(int(str(s))) for s in stamps]
    assert all(m.date() <= REFERENCE_DATE and 8 <= m.hour < 16 for m in moments)


def test_workspace_opens_without_broken_references_and_loads(tmp_path: Path) -> None:
    path = tmp_path / "demo.dealmaker"
    create_demo(path, 400)
    with open_workspace(path) as ws, ws.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        persons = session.scalars(select(Person)).all()
        assert len(persons) == 400 and all(p.is_demo for p in persons)
        assert isinstance(persons[0].created_at, datetime) and persons[0].created_at.tzinfo
        deal = session.scalars(select(Deal).where(Deal.name == "Foodvalley")).one()
        assert isinstance(deal.phase, DealPhase) and isinstance(deal.signed_on, date)
        assert "Food Valley" in deal.aliases
        assert session.scalars(select(Organisation)).first() is not None
        assert isinstance(session.scalars(select(Indicator)).first().baseline_value,  # type: ignore[union-attr]
                          Decimal)
        assert session.scalar(select(func.count()).select_from(Interaction)) == 4000
        ops = session.scalars(select(Operation)).all()
        assert [op.name for op in ops] == ["Demo-werkruimte aangemaakt"]
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_derived_data_is_filled_in(tmp_path: Path) -> None:
    """Contact dates and the search index, which bulk rows bypass, are computed after."""
    path = tmp_path / "demo.dealmaker"
    create_demo(path, 400)
    with open_workspace(path) as ws, ws.engine.connect() as conn:
        query = text("SELECT id, last_contact_on, next_follow_up_on FROM person ORDER BY id")
        stored = conn.execute(query).fetchall()
        assert sum(1 for row in stored if row[1]) > 300
        assert any(row[2] for row in stored)
        refresh_contact_dates(conn, None)  # the storage rule, person by person
        assert conn.execute(query).fetchall() == stored
        conn.rollback()
        count = text("SELECT count(*) FROM person_search WHERE person_search MATCH :q")
        assert conn.execute(count, {"q": '"fryslan"*'}).scalar()
        assert conn.execute(text("SELECT count(*) FROM person_search")).scalar() == 400


def test_progress_steps_reach_total(tmp_path: Path) -> None:
    steps = list(demo_steps(tmp_path / "p.dealmaker", "small", lock=False))
    assert all(isinstance(s, DemoStep) and s.label for s in steps)
    assert [s.done for s in steps] == sorted(s.done for s in steps)
    assert steps[-1].done == steps[-1].total
    assert "Contactmomenten" in {s.label for s in steps}


def test_cancel_deletes_the_half_written_file(tmp_path: Path) -> None:
    path = tmp_path / "cancel.dealmaker"
    steps = demo_steps(path, 400)
    for step in steps:
        if step.label == "Contactmomenten":
            break
    assert not path.exists()  # written beside it, moved into place only when complete
    assert (tmp_path / "cancel.dealmaker.demo.tmp").exists()
    steps.close()
    assert list(tmp_path.iterdir()) == []


def test_refuses_existing_file_and_bad_size(tmp_path: Path) -> None:
    path = tmp_path / "bestaat.dealmaker"
    path.write_bytes(b"mijn gegevens")
    with pytest.raises(FileExistsError):
        create_demo(path)
    assert path.read_bytes() == b"mijn gegevens"
    with pytest.raises(ValueError):
        create_demo(tmp_path / "nieuw.dealmaker", "enorm")
    assert not (tmp_path / "nieuw.dealmaker").exists()
