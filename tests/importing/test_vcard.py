"""vCard 2.1 (quoted-printable), 3.0 and 4.0 in; vCard 3.0 out; round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealmaker.export.vcard import export_vcards, person_ids_matching
from dealmaker.services.importing import ContactValues, apply_import, plan_import
from dealmaker.storage.workspace import Workspace
from importing.kit import add_contact

VCF = (
    # 2.1 from an old phone/Outlook: quoted-printable with CHARSET, soft line breaks
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Berg;Jos=C3=A9;van der;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 van der Berg\r\n"
    "ORG;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:Gemeente Zo=EBterwoude;Ruimte\r\n"
    "TITLE:Wethouder\r\n"
    "EMAIL;INTERNET:jose@privé.example\r\n"
    "EMAIL;PREF;INTERNET:jose@zoeterwoude.example\r\n"
    "TEL;WORK;VOICE:071 580 6300\r\n"
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Eerste regel=0D=0Atweede regel die l=\r\n"
    "ang genoeg is om af te breken\r\n"
    "CATEGORIES:Bestuur,Holland Rijnland\r\n"
    "END:VCARD\r\n"
    # 3.0 with a folded NOTE
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Jansen;Piet;;;\r\n"
    "FN:Piet Jansen\r\n"
    "ORG:Provincie Zeeland\r\n"
    "EMAIL;TYPE=INTERNET,WORK:p.jansen@zeeland.example\r\n"
    "NOTE:Een notitie die over meerdere regels is gevouwen\\, zoals 3.0 dat doet \r\n"
    " en die hier verder gaat.\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Sanne de Wit\r\n"
    "TEL;VALUE=uri;TYPE=\"work,voice\":tel:+31-20-5551234\r\n"
    "EMAIL;PREF=1:sanne@adam.example\r\n"
    "CATEGORIES:ZaanIJ\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Kapot;Karel;;;\r\n"
    "dit is geen vCard-regel\r\n"
    "END:VCARD\r\n")


@pytest.fixture
def vcf(tmp_path: Path) -> Path:
    path = tmp_path / "contacten.vcf"
    path.write_bytes(VCF.encode("utf-8"))
    return path


def test_versions_2_1_3_0_4_0_in_one_file(workspace: Workspace, vcf: Path) -> None:
    plan = plan_import(workspace, vcf)
    assert plan.kind == "vcard" and [r.row for r in plan.rows] == [1, 14, 23, 30]
    jose, piet, sanne, broken = plan.rows
    assert jose.values == ContactValues(
        first_name="José", tussenvoegsel="van der", last_name="Berg",
        email="jose@zoeterwoude.example", phone="071 580 6300",
        organisation="Gemeente Zoëterwoude", function="Wethouder",
        notes="Eerste regel\ntweede regel die lang genoeg is om af te breken\n"
              "Ook e-mailadres: jose@privé.example",
        tags=("Bestuur", "Holland Rijnland"))
    assert piet.values.notes == ("Een notitie die over meerdere regels is gevouwen, zoals "
                                 "3.0 dat doet en die hier verder gaat.")
    assert piet.values.email == "p.jansen@zoeterwoude.example".replace(
        "zoeterwoude", "zeeland")
    assert (sanne.values.first_name, sanne.values.tussenvoegsel, sanne.values.last_name) == (
        "Sanne", "de", "Wit")
    assert sanne.values.phone == "+31-20-5551234" and sanne.values.tags == ("ZaanIJ",)
    # a line that is not a property is skipped with a warning; the card is imported
    assert not broken.problems and broken.values.full_name == "Karel Kapot"
    assert [(w.row, w.reason) for w in broken.warnings] == [
        (30, "regel 'dit is geen vCard-regel' is geen vCard-gegeven en is overgeslagen")]


def test_vcard_goes_through_the_same_apply(workspace: Workspace, vcf: Path) -> None:
    result = apply_import(workspace, plan_import(workspace, vcf))
    assert result.created == 4 and result.rejected == []


def test_export_round_trip(workspace: Workspace, tmp_path: Path) -> None:
    add_contact(workspace, "Zoë", "Berg", tv="van den", email="zoe@ede.example",
                phone="+31 318 680 000", org="Gemeente Ede; Oost, Noord", title="Wethouder",
                notes="Regel één\nRegel twee met ; en , en \\ tekens" + " lang" * 30)
    add_contact(workspace, "Ahmed", "El Amrani", org="Provincie Gelderland")
    add_contact(workspace, "", "Verhoeven")
    ids = person_ids_matching(workspace)
    from dealmaker.storage.models import PersonTag, Tag
    from dealmaker.storage.models.base import new_id

    with workspace.uow("Labels") as uow:
        tag_ids = [new_id(), new_id()]
        uow.session.add_all([Tag(id=tag_ids[0], name="Bestuur"),
                             Tag(id=tag_ids[1], name="Gelderse Vallei")])
        uow.session.flush()
        uow.session.add_all([PersonTag(person_id=ids[0], tag_id=t) for t in tag_ids])
        uow.commit()

    out = tmp_path / "uit" / "contacten.vcf"
    assert export_vcards(workspace, ids, out) == 3
    text = out.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VCARD") == 3 and "VERSION:3.0" in text and "\r\n" in text
    exported = plan_import(workspace, out)
    again = plan_import(workspace, _export_of(workspace, ids, tmp_path))
    originals = [_values_of(workspace, pid) for pid in ids]
    assert [r.values for r in exported.rows] == originals
    assert [r.values for r in again.rows] == originals


def _export_of(ws: Workspace, ids: list[str], tmp_path: Path) -> Path:
    path = tmp_path / "tweede.vcf"
    export_vcards(ws, ids, path)
    return path


def _values_of(ws: Workspace, pid: str) -> ContactValues:
    from sqlalchemy import select

    from dealmaker.storage.models import Organisation, Person, PersonTag, Position, Tag

    with ws.read() as s:
        p = s.get(Person, pid)
        pos = s.execute(select(Organisation.name, Position.title).join(
            Position, Position.organisation_id == Organisation.id)
            .where(Position.person_id == pid)).first()
        tags = tuple(s.scalars(select(Tag.name).join(PersonTag, PersonTag.tag_id == Tag.id)
                               .where(PersonTag.person_id == pid).order_by(Tag.name)))
    return ContactValues(first_name=p.first_name, tussenvoegsel=p.tussenvoegsel,
                         last_name=p.last_name, email=p.email, phone=p.phone,
                         organisation=pos[0] if pos else "", function=pos[1] if pos else "",
                         notes=p.notes, tags=tags)


def test_export_search(workspace: Workspace, tmp_path: Path) -> None:
    add_contact(workspace, "Anna", "Bos", org="Gemeente Zwolle")
    add_contact(workspace, "Bert", "Kok", org="Provincie Zeeland")
    assert len(person_ids_matching(workspace, "zwol")) == 1
    assert person_ids_matching(workspace, "...") == []
    assert export_vcards(workspace, person_ids_matching(workspace, "zeeland"),
                         tmp_path / "z.vcf") == 1


def test_an_agents_own_card_inside_a_card_is_skipped_not_a_damaged_file(
        workspace: Workspace, tmp_path: Path) -> None:
    vcf = tmp_path / "agent.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Boss;Big\r\nAGENT:\r\nBEGIN:VCARD\r\n"
                   "VERSION:2.1\r\nN:Helper;Little\r\nEND:VCARD\r\nEMAIL:big@boss.example\r\n"
                   "END:VCARD\r\n", encoding="utf-8")
    plan = plan_import(workspace, vcf)
    assert [(r.values.full_name, r.values.email) for r in plan.rows] == [
        ("Big Boss", "big@boss.example")]
