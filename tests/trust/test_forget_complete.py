""""Vergeten" leaves nothing of the person behind: not a merged-away duplicate, not a
mention written without accents, across a line break or by first or last name alone,
not a line of the log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from dealmaker.domain.enums import CommitmentKind
from dealmaker.services.merge import merge_persons
from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.privacy import FORGOTTEN_NAME, forget_person
from dealmaker.storage.models import Commitment, Interaction, Organisation, Person
from dealmaker.storage.workspace import Workspace
from trust.factories import add, interaction, org

JOSE = PersonData(last_name="Müller", first_name="José", email="jose.muller@provincie.example",
                  phone="06 1234 5678", notes="Houdt van schaken")
DUPLICATE = PersonData(last_name="Muller", first_name="Jose", email="j.muller@oud.example",
                       phone="+31 6 98765432", notes="Tweede kaart")
SECRETS = ("müller", "mÜller", "muller", "josé", "jose ", "jose\\n", "jose\n", "provincie.example",
           "oud.example", "schaken", "tweede kaart", "98765432", "1234 5678", "12345678")


def held(folder: Path) -> dict[str, bytes]:
    """Every file in the folder (workspace, -wal, backups, log), lower-cased."""
    return {p.name: p.read_bytes().lower() for p in folder.iterdir() if p.is_file()}


def leaks(folder: Path) -> list[tuple[str, str]]:
    return [(name, s) for name, data in held(folder).items() for s in SECRETS
            if s.encode() in data]


def _people(ws: Workspace) -> tuple[str, str, str]:
    jose, _ = add_person(ws, JOSE)
    dup, _ = add_person(ws, DUPLICATE)
    bert, _ = add_person(ws, PersonData(last_name="Jansen", first_name="Bert"))
    return jose, dup, bert


def test_forget_reaches_merged_duplicates_and_every_way_of_writing_the_name(
        workspace: Workspace, isolated_data_dir: Path) -> None:
    jose, dup, bert = _people(workspace)
    karel, _ = add_person(workspace, PersonData(last_name="Mulder", first_name="Karel",
                                                notes="Mulder en Jozef spelen schaak"))
    update_person(workspace, bert, notes=(
        "Gesprek met Jose\nMuller over geld.  Ook  José   Müller belde. Muller wil vervolg. "
        "José vroeg stukken. Bel 06-12345678 of +31 6 987 654 32."))
    with workspace.uow("Contactmoment") as uow:
        interaction(uow.session, date(2025, 5, 1), uow.session.get_one(Person, bert),
                    summary="Lunch met MÜLLER en Bert")
        gemeente = org(uow.session)
        add(uow.session, Commitment(title="Stukken", kind=CommitmentKind.INHOUDELIJK,
                                    from_organisation_id=gemeente.id,
                                    to_organisation_id=gemeente.id,
                                    description="Toegezegd aan j.muller@oud.example"))
        uow.commit()
    merge_persons(workspace, jose, dup)
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    log = isolated_data_dir / "dealmaker.log"
    log.write_text("2025-01-01 ERROR oud: [parameters: ('José', 'Müller', "
                   "'jose.muller@provincie.example')]\n2025-01-02 WARNING iets anders\n",
                   encoding="utf-8")
    assert leaks(workspace.path.parent)

    forget_person(workspace, jose)

    assert leaks(workspace.path.parent) == []
    assert leaks(isolated_data_dir) == []
    assert log.read_text(encoding="utf-8") == "2025-01-02 WARNING iets anders\n"
    with workspace.read() as s:
        assert s.get_one(Person, bert).notes == (
            "Gesprek met [vergeten persoon] over geld.  Ook  [vergeten persoon] belde. "
            "[vergeten persoon] wil vervolg. [vergeten persoon] vroeg stukken. "
            "Bel [vergeten persoon] of [vergeten persoon].")
        assert s.scalar(select(Interaction.summary)) == "Lunch met [vergeten persoon] en Bert"
        assert s.scalar(select(Commitment.description)) == "Toegezegd aan [vergeten persoon]"
        assert s.get_one(Person, karel).notes == "Mulder en Jozef spelen schaak"
        for pid in (jose, dup):
            gone = s.get_one(Person, pid)
            assert (gone.full_name, gone.email, gone.phone, gone.notes) == (
                FORGOTTEN_NAME, "", "", "")
            assert gone.deleted_at is not None


def test_a_name_another_contact_shares_is_kept_alone_but_not_in_full(
        workspace: Workspace) -> None:
    jose, _ = add_person(workspace, JOSE)
    bert, _ = add_person(workspace, PersonData(last_name="Jansen", first_name="Bert"))
    add_person(workspace, PersonData(last_name="Müller", first_name="Piet"))
    update_person(workspace, bert,
                  notes="Müller belde; José Müller ook; Piet Müller niet. José lachte.")

    forget_person(workspace, jose)

    with workspace.read() as s:
        assert s.get_one(Person, bert).notes == (
            "Müller belde; [vergeten persoon] ook; Piet Müller niet. [vergeten persoon] lachte.")


def test_first_name_alone_only_when_written_as_a_name(workspace: Workspace) -> None:
    """A short name written in lower case is a word ("mark", "roos"), not the person."""
    roos, _ = add_person(workspace, PersonData(last_name="Visser", first_name="Roos"))
    bert, _ = add_person(workspace, PersonData(last_name="Jansen", first_name="Bert"))
    update_person(workspace, bert, notes="Een roos voor Roos. Visser komt; de visser niet.")

    forget_person(workspace, roos)

    with workspace.read() as s:
        assert s.get_one(Person, bert).notes == (
            "Een roos voor [vergeten persoon]. [vergeten persoon] komt; de visser niet.")


def test_a_name_alone_in_a_name_field_is_another_name(workspace: Workspace) -> None:
    """"Visser Installatietechniek" is a company, not Anna Visser: names of organisations,
    deals and opgaven lose only her full name, notes also her first or last name alone."""
    anna, _ = add_person(workspace, PersonData(last_name="Visser", first_name="Anna"))
    bert, _ = add_person(workspace, PersonData(last_name="Jansen", first_name="Bert"))
    update_person(workspace, bert, notes="Visser belt Anna terug.")
    with workspace.uow("Organisaties") as uow:
        company = org(uow.session, "Visser Installatietechniek Holding").id
        named = org(uow.session, "Stichting Anna Visser").id
        uow.commit()

    forget_person(workspace, anna)

    with workspace.read() as s:
        assert s.get_one(Person, bert).notes == (
            "[vergeten persoon] belt [vergeten persoon] terug.")
        assert s.get_one(Organisation, company).name == "Visser Installatietechniek Holding"
        assert s.get_one(Organisation, named).name == "Stichting [vergeten persoon]"


def test_avg_export_shows_merged_duplicates(workspace: Workspace, tmp_path: Path) -> None:
    """What forgetting will remove is what an access request shows: the duplicate too."""
    import json

    from dealmaker.services.privacy import export_person_data

    jose, dup, _bert = _people(workspace)
    merge_persons(workspace, jose, dup)
    js = tmp_path / "inzage.json"
    export_person_data(workspace, jose, tmp_path / "inzage.xlsx", js)
    merged = json.loads(js.read_text(encoding="utf-8"))["gegevens"]["Samengevoegde contacten"]
    assert [(m["Voornaam"], m["E-mail"]) for m in merged] == [("Jose", "j.muller@oud.example")]
