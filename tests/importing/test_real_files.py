"""Contact files as real programs write them, imported through the command line.

The corpus is tests/fixtures/contacts/real (see its README: which are copied from public
test suites and which are written to a program's documented format). Every file must
import: values that do not validate are warnings (kept in the notes), not refusals; a
second import of the same file adds nobody, changes nothing and says so. Damaged files
are refused whole, the workspace unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dealmaker.__main__ import main
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import open_workspace
from importing.kit import fingerprint

CORPUS = Path(__file__).parents[1] / "fixtures" / "contacts"

#: file -> (new contacts, rows left out as empty, warnings) on a first import
EXPECTED = {
    "android-cardme.vcf": (6, 0, 3),
    "android.vcf": (3, 1, 1),
    "apple-contacts.vcf": (3, 0, 2),
    "blackberry-john-doe.vcf": (1, 0, 0),
    "blackberry.vcf": (1, 0, 1),
    "cardbook-v83.vcf": (1, 0, 0),
    "cardbook.vcf": (1, 0, 0),
    "evolution-john-doe.vcf": (1, 0, 0),
    "gmail-google.csv": (3, 0, 2),
    "gmail-john-doe.vcf": (1, 0, 0),
    "gmail-list.vcf": (3, 0, 0),
    "gmail-single.vcf": (1, 0, 0),
    "google-contacts-url.vcf": (1, 0, 0),
    "google-contacts.csv": (3, 0, 1),
    "iphone-ios11-kate-bell.vcf": (1, 0, 0),
    "iphone-ios9-john-appleseed.vcf": (1, 0, 0),
    "iphone.vcf": (1, 0, 0),
    "mac-addressbook-21.vcf": (1, 0, 0),
    "macos-1013-company-card.vcf": (1, 0, 0),
    "macos-addressbook-john-doe.vcf": (1, 0, 0),
    "macos-amelie.vcf": (1, 0, 0),
    "outlook2003-en.csv": (4, 0, 3),
    "outlook2003-qp-photo.vcf": (1, 0, 1),
    "outlook2007-en-utf8.csv": (2, 0, 0),
    "outlook2007-nl.csv": (3, 0, 2),
    "outlook2007-unicode.vcf": (1, 0, 0),
    "stenerson-outlook.vcf": (1, 0, 0),
    "thebat.vcf": (1, 0, 0),
    "thunderbird-export.csv": (2, 0, 2),
    "thunderbird-export.vcf": (2, 0, 2),
    "thunderbird-import.csv": (2, 0, 0),
    "thunderbird-morefunctions.vcf": (1, 0, 0),
    "thunderbird-semicolon.csv": (2, 0, 0),
    "thunderbird.csv": (3, 0, 2),
    "yahoo.csv": (2, 0, 0),
}


def _count(out: str, label: str) -> int:
    found = re.search(rf"^  {re.escape(label)}:\s+(\d+)$", out, re.MULTILINE)
    return int(found.group(1)) if found else 0


def _people(path: Path) -> int:
    with open_workspace(path) as ws, ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Person)
                            .where(Person.deleted_at.is_(None))) or 0)


def test_the_corpus_is_complete() -> None:
    files = sorted(p.name for p in (CORPUS / "real").iterdir() if p.suffix in (".csv", ".vcf"))
    assert files == sorted(EXPECTED)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert [f for f in files if f"| `{f}` |" not in readme] == []  # provenance of each


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_real_file_imports_and_a_second_import_adds_nobody(
        name: str, workspace_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    created, empty, warnings = EXPECTED[name]
    path = CORPUS / "real" / name
    assert main(["import", "--db", str(workspace_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert (_count(out, "nieuw"), _count(out, "afgewezen"), _count(out, "meldingen")) == (
        created, empty, warnings), out
    people = _people(workspace_path)
    assert people == created
    before = fingerprint(workspace_path)
    assert main(["import", "--db", str(workspace_path), str(path)]) == 0
    again = capsys.readouterr().out
    assert (_count(again, "nieuw"), _count(again, "aangevuld")) == (0, 0), again
    contacts_in_file = sum(_count(out, label) for label in (
        "nieuw", "aangevuld", "al bekend, niets nieuw"))
    assert _count(again, "al bekend, niets nieuw") == contacts_in_file, again
    assert _people(workspace_path) == people
    assert fingerprint(workspace_path) == before  # nothing written the second time


@pytest.mark.parametrize(("name", "message"), [
    ("empty.vcf", "het bestand is leeg"),
    ("no-begin.vcf", "geen vCards gevonden"),
    ("no-end.vcf", "rij 1: vCard zonder END:VCARD"),
    ("only-blank-cards.vcf", "geen enkel contact"),
])
def test_damaged_files_are_refused_whole(name: str, message: str, workspace_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    before = fingerprint(workspace_path)
    assert main(["import", "--db", str(workspace_path),
                 str(CORPUS / "damaged" / name)]) == 1
    err = capsys.readouterr().err
    assert message in err and "werkruimte ongewijzigd" in err and err.count("\n") == 1
    assert fingerprint(workspace_path) == before


def test_what_the_files_hold_arrives(workspace_path: Path) -> None:
    for name in ("outlook2003-qp-photo.vcf", "cardbook.vcf", "outlook2003-en.csv",
                 "yahoo.csv", "apple-contacts.vcf", "thebat.vcf"):
        assert main(["import", "--db", str(workspace_path), str(CORPUS / "real" / name)]) == 0
    with open_workspace(workspace_path) as ws, ws.read() as s:
        people = {p.full_name: p for p in s.scalars(select(Person))}
    rene = people["René Haëck"]  # 2.1 quoted-printable without CHARSET: Windows-1252
    assert rene.notes.startswith("Café na het overleg; coördinatie met de provincie en het "
                                 "Rijk\nTweede regel")
    assert rene.email == "rene.haeck@gemeentesluis.nl"  # not swallowed by the photo
    assert "Telefoon (geen nummer): pager" in rene.notes
    assert people["Louis Tremblay"].phone == "+1-418-656-9254 ext. 102"
    assert people["Pieter de Wit"].phone == "06-12345678"
    assert "Telefoon (geen nummer): via secretariaat" in people["Pieter de Wit"].notes
    assert people["Stichting Noordelijk Talent"].email == "info@noordelijktalent.nl"
    assert people["Kees Hendriks"].email == "kees.hendriks@yahoo.com"
    assert people["Ontwikkelingsmaatschappij Oost"].last_name == "Ontwikkelingsmaatschappij Oost"
    assert people["t.brouwer@example.nl"].email == "t.brouwer@example.nl"
    assert people["Jürgen Görtz"].notes == "Grensoverschrijdend\noverleg"


def _by_name(workspace_path: Path) -> dict[str, Person]:
    with open_workspace(workspace_path) as ws, ws.read() as s:
        return {p.full_name if p.phone != "+96123456789" else "BlackBerry": p
                for p in s.scalars(select(Person))}


def test_what_the_copied_program_files_hold_arrives(workspace_path: Path) -> None:
    for name in ("blackberry-john-doe.vcf", "android-cardme.vcf", "thunderbird-export.csv",
                 "thunderbird-morefunctions.vcf", "gmail-single.vcf", "mac-addressbook-21.vcf",
                 "macos-amelie.vcf"):
        assert main(["import", "--db", str(workspace_path), str(CORPUS / "real" / name)]) == 0
    people = _by_name(workspace_path)
    # BlackBerry: N 'Doe;john' beside FN 'John Doe'; the photo line is no text
    blackberry = people["BlackBerry"]
    assert (blackberry.full_name, blackberry.notes) == ("John Doe", "")
    # Android 2.1: UTF-8 quoted-printable names; an e-mail 'ÑÑÑ…' kept in the notes
    bob = people["Ñ Ñ Ñ Ñ Ñ"]
    assert (bob.email, bob.phone) == ("bob@company.com", "123456")
    assert bob.notes.splitlines() == [  # both of its web addresses, as typed
        "Website: http://www.company.com", "Website: www.comapny.com",
        "E-mailadres (geen geldig e-mailadres): " + "Ñ" * 14]
    assert people["john.doe@comapny.com"].email == "john.doe@comapny.com"  # EMAIL only
    assert "Ook telefoon: 45678901" in people["Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ"].notes
    # Thunderbird CSV: an address without a dot in the domain is kept, not dropped
    two = people["contact two"]
    assert two.notes.splitlines()[:2] == ["here's some unicode text…",
                                          "E-mailadres (geen geldig e-mailadres): "
                                          "contact2@invalid"]
    # the Thunderbird add-on card: five addresses, one in the field, four in the notes
    assert people["Greg Dartmouth"].notes.endswith("Ook telefoon: 555 555 2222")
    assert people["Martin Smith"].email == "martin.smith@rocket-partner.com"
    assert people["Amelie Alpha"].phone == "5551001001"
    with open_workspace(workspace_path) as ws, ws.read() as s:
        johns = s.scalars(select(Person).where(Person.email == "doe.john@hotmail.com")).all()
    assert len(johns) == 1
    assert johns[0].notes.count("Ook e-mailadres: additional-email") == 4


def test_a_cards_web_addresses_arrive_in_the_notes(workspace_path: Path) -> None:
    """Google escapes the colon of a URL ('http\\://'); CardBook writes an empty label."""
    for name in ("google-contacts-url.vcf", "cardbook-v83.vcf", "thunderbird-morefunctions.vcf"):
        assert main(["import", "--db", str(workspace_path), str(CORPUS / "real" / name)]) == 0
    people = _by_name(workspace_path)
    assert people["Evert Pot"].notes == "Website: http://www.rooftopsolutions.nl/"
    assert people["vCard 4 Contact with image"].notes == (
        "Website: http://www.example.com/hello?world")
    assert people["John Doe"].notes.splitlines()[4:7] == [
        "You can put anything in the \"note\" field; even curse words.",
        "Website: http://www.work-webpage.com", "Website: http://www.private-webpage.com"]
