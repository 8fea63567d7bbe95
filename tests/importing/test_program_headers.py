"""Columns that real exports have beyond the first few: nothing of the person is dropped.

Google numbers its columns without limit ('E-mail 4 - Value', 'Phone 5 - Value'); Outlook,
Thunderbird and Yahoo put a fax or pager number in columns of their own. Such a number
or address is the person's, so it is kept (in the notes when the field is taken), where
it was silently left out before. The assistant's phone stays out: it is not theirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealmaker.services.importing import guess_mapping, plan_import
from dealmaker.storage.workspace import Workspace
from importing.kit import write_csv

GOOGLE_2023 = ["First Name", "Middle Name", "Last Name", "Organization Name",
               "Organization Title", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
               "E-mail 2 - Label", "E-mail 2 - Value", "E-mail 3 - Label", "E-mail 3 - Value",
               "E-mail 4 - Label", "E-mail 4 - Value", "Phone 1 - Label", "Phone 1 - Value",
               "Phone 2 - Label", "Phone 2 - Value", "Phone 3 - Label", "Phone 3 - Value",
               "Phone 4 - Label", "Phone 4 - Value"]


def test_google_keeps_the_fourth_address_and_number(workspace: Workspace,
                                                    tmp_path: Path) -> None:
    row = ["Noor", "", "Bakker", "Gemeente Delft", "Adviseur", "* myContacts ::: Werk",
           "Work", "noor@delft.example", "Home", "noor@thuis.example", "Other",
           "n.bakker@example.org", "Other", "noor4@example.org", "Work", "015 260 2222",
           "Mobile", "06 1111 2222", "Home", "015 123 4567", "Work Fax", "015 260 9999"]
    path = write_csv(tmp_path / "contacts.csv", [GOOGLE_2023, row], sep=",")
    values = plan_import(workspace, path).rows[0].values
    assert values.email == "noor@delft.example" and values.phone == "015 260 2222"
    assert "Ook e-mailadres: noor4@example.org" in values.notes
    assert "Ook telefoon: 015 260 9999" in values.notes
    assert values.tags == ("Werk",)


@pytest.mark.parametrize(("header", "field"), [
    ("Business Fax", "phone"), ("Home Fax", "phone"), ("Other Fax", "phone"),
    ("Pager", "phone"), ("Fax op werk", "phone"), ("Fax thuis", "phone"),
    ("Andere telefoon", "phone"), ("Andere fax", "phone"), ("Telefoon thuis 2", "phone"),
    ("Home Phone 2", "phone"), ("Fax Number", "phone"), ("Pager Number", "phone"),
    ("Radio Phone", "phone"), ("Radiotelefoon", "phone"),
    ("E-mail 7 - Value", "email"), ("Phone 12 - Value", "phone"), ("E-MAIL 2", "email"),
    ("NOTE", "notes"),
    ("Assistant's Phone", None), ("Telefoon assistent", None), ("E-mail 2 - Label", None),
])
def test_program_headers(header: str, field: str | None) -> None:
    assert guess_mapping(["Voornaam", header])[header] == field


def test_an_outlook_fax_alone_is_kept(workspace: Workspace, tmp_path: Path) -> None:
    head = ["First Name", "Last Name", "Business Fax", "Pager", "E-mail Address"]
    path = write_csv(tmp_path / "outlook.csv", [head, ["Piet", "Mol", "050 999 0000",
                                                      "06 5555 0000", ""]], sep=",")
    values = plan_import(workspace, path).rows[0].values
    assert values.phone == "050 999 0000" and values.notes == "Ook telefoon: 06 5555 0000"


@given(st.integers(1, 99), st.sampled_from(["E-mail", "Phone"]),
       st.sampled_from([" - Value", " - Label", " - Type"]))
def test_numbered_google_columns(number: int, kind: str, part: str) -> None:
    header = f"{kind} {number} {part.strip()}"
    expected = ("email" if kind == "E-mail" else "phone") if part == " - Value" else None
    assert guess_mapping(["Name", header])[header] == expected


#: A Dutch Thunderbird writes its CSV export with the Dutch field names of its importer
#: (thunderbird-l10n nl/mail/chrome/messenger/importMsgs.properties, 2100-2136).
THUNDERBIRD_NL = ["Voornaam", "Achternaam", "Weergavenaam", "Bijnaam", "Primair e-mailadres",
                  "Secundair e-mailadres", "Schermnaam", "Telefoon werk", "Telefoon thuis",
                  "Faxnummer", "Piepernummer", "Mobiel nummer", "Adres", "Adres 2",
                  "Woonplaats", "Provincie", "Postcode", "Land", "Werkadres", "Werkadres 2",
                  "Werklocatie", "Werkprovincie", "Werkpostcode", "Werkland", "Werkfunctie",
                  "Afdeling", "Organisatie", "Webpagina 1", "Webpagina 2", "Geboortejaar",
                  "Geboortemaand", "Geboortedag", "Overig 1", "Overig 2", "Overig 3", "Overig 4",
                  "Aantekeningen"]


def test_a_dutch_thunderbird_export(workspace: Workspace, tmp_path: Path) -> None:
    mapping = guess_mapping(THUNDERBIRD_NL)
    assert {h: f for h, f in mapping.items() if f} == {
        "Voornaam": "first_name", "Achternaam": "last_name", "Weergavenaam": "full_name",
        "Primair e-mailadres": "email", "Secundair e-mailadres": "email",
        "Telefoon werk": "phone", "Telefoon thuis": "phone", "Faxnummer": "phone",
        "Piepernummer": "phone", "Mobiel nummer": "phone", "Werkfunctie": "function",
        "Organisatie": "organisation", "Webpagina 1": "url", "Aantekeningen": "notes"}
    row = dict.fromkeys(THUNDERBIRD_NL, "")
    row.update({"Voornaam": "Sanne", "Achternaam": "de Jong", "Weergavenaam": "Sanne de Jong",
                "Primair e-mailadres": "s.dejong@drenthe.example",
                "Secundair e-mailadres": "sanne@thuis.example", "Mobiel nummer": "06 1212 3434",
                "Werkfunctie": "Programmamanager", "Organisatie": "Provincie Drenthe",
                "Aantekeningen": "Kent de regio\ngoed"})
    path = write_csv(tmp_path / "adresboek.csv", [THUNDERBIRD_NL, list(row.values())], sep=",")
    values = plan_import(workspace, path).rows[0].values
    assert (values.first_name, values.tussenvoegsel, values.last_name) == ("Sanne", "de", "Jong")
    assert (values.email, values.phone, values.function, values.organisation) == (
        "s.dejong@drenthe.example", "06 1212 3434", "Programmamanager", "Provincie Drenthe")
    assert values.notes == "Kent de regio\ngoed\nOok e-mailadres: sanne@thuis.example"
