"""Header dialects: Outlook NL/EN, Google (old and new), LinkedIn, plain Dutch files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dealmaker.services.importing import ContactValues, guess_mapping, plan_import
from dealmaker.storage.workspace import Workspace
from importing.kit import write_csv

OUTLOOK_EN = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company",
              "Department", "Job Title", "Business Street", "Business City",
              "Assistant's Phone", "Business Phone", "Business Phone 2", "Mobile Phone",
              "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address",
              "Notes", "Categories"]
OUTLOOK_NL = ["Aanhef", "Voornaam", "Middelste naam", "Achternaam", "Achtervoegsel",
              "Bedrijf", "Afdeling", "Functie", "Werkadres, straat", "Telefoon assistent",
              "Telefoon op werk", "Telefoon op werk 2", "Mobiele telefoon", "E-mailadres",
              "E-mailtype", "Weergavenaam voor e-mail", "Notities", "Categorieën"]


def _row(headers: list[str], **values: str) -> list[str]:
    return [values.get(h, "") for h in headers]


def test_outlook_english(workspace: Workspace, tmp_path: Path) -> None:
    h = OUTLOOK_EN
    path = write_csv(tmp_path / "outlook.csv", [h, _row(
        h, **{"Title": "Mr.", "First Name": "Jan", "Middle Name": "van der",
              "Last Name": "Berg", "Company": "Gemeente Zwolle", "Job Title": "Wethouder",
              "Assistant's Phone": "0101", "Mobile Phone": "06 1234 5678",
              "E-mail Address": "jan@zwolle.example", "E-mail 2 Address": "j@prive.example",
              "Notes": "Kent de regio", "Categories": "Bestuur;Zwolle"})], sep=",")
    plan = plan_import(workspace, path)
    assert plan.mapping["Title"] is None and plan.mapping["Job Title"] == "function"
    assert plan.mapping["Assistant's Phone"] is None
    assert plan.rows[0].values == ContactValues(
        first_name="Jan", tussenvoegsel="van der", last_name="Berg",
        email="jan@zwolle.example", phone="06 1234 5678", organisation="Gemeente Zwolle",
        function="Wethouder", notes="Kent de regio\nOok e-mailadres: j@prive.example",
        tags=("Bestuur", "Zwolle"))
    assert plan.rows[0].row == 2 and not plan.rows[0].problems


def test_outlook_dutch_windows_1252(workspace: Workspace, tmp_path: Path) -> None:
    h = OUTLOOK_NL
    path = write_csv(tmp_path / "contactpersonen.csv", [h, _row(
        h, **{"Voornaam": "Zoë", "Middelste naam": "de", "Achternaam": "Vries",
              "Bedrijf": "Provincie Fryslân", "Functie": "Gedeputeerde",
              "Telefoon op werk": "058 292 5925", "E-mailadres": "z.devries@fryslan.example",
              "Categorieën": "Noord"}), _row(
        h, **{"Voornaam": "René", "Middelste naam": "Pieter", "Achternaam": "Smit",
              "Bedrijf": "Café 't Hoekje", "E-mailadres": "rene@hoekje.example"})],
        sep=";", encoding="cp1252")
    plan = plan_import(workspace, path)
    assert plan.encoding == "cp1252" and plan.separator == ";"
    first, second = (r.values for r in plan.rows)
    assert (first.first_name, first.tussenvoegsel, first.last_name) == ("Zoë", "de", "Vries")
    assert first.organisation == "Provincie Fryslân" and first.tags == ("Noord",)
    assert first.phone == "058 292 5925" and first.function == "Gedeputeerde"
    # a middle name that is no tussenvoegsel joins the first name
    assert (second.first_name, second.tussenvoegsel) == ("René Pieter", "")
    assert second.organisation == "Café 't Hoekje"


def test_dutch_tussenvoegsel_column(workspace: Workspace, tmp_path: Path) -> None:
    h = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Bedrijf", "Functie",
         "Telefoon op werk", "In functie sinds"]
    path = write_csv(tmp_path / "lijst.csv", [h, ["Anna", "van den", "Bosch",
                     "anna@ezk.example", "Ministerie van EZK", "Directeur", "070 1234567",
                     "1-3-2024"]])
    values = plan_import(workspace, path).rows[0].values
    assert values.full_name == "Anna van den Bosch" and values.start_date == date(2024, 3, 1)


def test_google_old_format(workspace: Workspace, tmp_path: Path) -> None:
    h = ["Name", "Given Name", "Additional Name", "Family Name", "Notes", "Group Membership",
         "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value",
         "Organization 1 - Type", "Organization 1 - Name", "Organization 1 - Title"]
    path = write_csv(tmp_path / "google.csv", [h, [
        "Karin Bakker", "Karin", "", "Bakker", "", "* myContacts ::: Twente", "* Work",
        "karin@twente.example", "Work", "+31 53 123 4567", "", "Regio Twente",
        "Programmamanager"]], sep=",")
    values = plan_import(workspace, path).rows[0].values
    assert values == ContactValues(first_name="Karin", last_name="Bakker",
                                   email="karin@twente.example", phone="+31 53 123 4567",
                                   organisation="Regio Twente", function="Programmamanager",
                                   tags=("Twente",))


def test_google_new_format(workspace: Workspace, tmp_path: Path) -> None:
    h = ["First Name", "Middle Name", "Last Name", "Organization Name", "Organization Title",
         "Organization Department", "Notes", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
         "Phone 1 - Label", "Phone 1 - Value"]
    path = write_csv(tmp_path / "contacts.csv", [h, [
        "Sven", "", "ter Horst", "Gemeente Enschede", "Wethouder", "", "Over wonen",
        "Twente ::: * starred", "Work", "sven@enschede.example", "Mobile", "0612345678"]],
        sep=",")
    values = plan_import(workspace, path).rows[0].values
    assert (values.tussenvoegsel, values.last_name) == ("ter", "Horst")
    assert values.organisation == "Gemeente Enschede" and values.function == "Wethouder"
    assert values.tags == ("Twente",) and values.notes == "Over wonen"


LINKEDIN_NOTES = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who have "
    'allowed their connections to see or download their email address, see https://x"\r\n'
    "\r\n")


def test_linkedin_with_notes_lines(workspace: Workspace, tmp_path: Path) -> None:
    h = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
         "Connected On"]
    path = write_csv(tmp_path / "Connections.csv", [
        h, ["Mark", "de Jong", "https://www.linkedin.com/in/mdejong", "", "Provincie Zeeland",
            "Beleidsadviseur", "12 Mar 2021"],
        ["Fatima", "El Amrani", "https://www.linkedin.com/in/fel", "f@x.example", "", "",
         "03 mei 2019"]], sep=",", preamble=LINKEDIN_NOTES)
    plan = plan_import(workspace, path)
    assert plan.mapping["Connected On"] == "connected_on"
    mark, fatima = plan.rows
    assert mark.row == 5 and fatima.row == 6  # lines as the user sees them
    assert (mark.values.tussenvoegsel, mark.values.last_name) == ("de", "Jong")
    assert mark.values.notes == ("LinkedIn: https://www.linkedin.com/in/mdejong\n"
                                 "Verbonden op 12-03-2021")
    assert fatima.values.last_name == "El Amrani"
    assert fatima.values.notes.endswith("Verbonden op 03-05-2019")


def test_full_name_only_is_split(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "namen.csv", [["Naam", "Organisatie"],
                                             ["Jan van der Berg", "Gemeente Ede"],
                                             ["Berg, Piet van den", ""], ["Cher", ""]])
    names = [(r.values.first_name, r.values.tussenvoegsel, r.values.last_name)
             for r in plan_import(workspace, path).rows]
    assert names == [("Jan", "van der", "Berg"), ("Piet", "van den", "Berg"),
                     ("", "", "Cher")]


def test_mapping_can_be_overridden(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "eigen.csv", [["Wie", "Waar", "Code"],
                                             ["Eva Visser", "Gemeente Urk", "X1"]])
    guessed = plan_import(workspace, path)
    assert guessed.mapping == {"Wie": None, "Waar": None, "Code": None}
    assert "geen kolom voor de naam" in guessed.file_problems[0].reason
    plan = plan_import(workspace, path, mapping={"Wie": "full_name", "Waar": "organisation"})
    assert not plan.file_problems and plan.mapping["Code"] is None
    assert plan.rows[0].values.last_name == "Visser"
    assert plan.rows[0].values.organisation == "Gemeente Urk"


def test_guess_mapping_is_case_and_punctuation_blind() -> None:
    assert guess_mapping(["EMAIL ADDRESS", "e_mailadres", "voornaam "]) == {
        "EMAIL ADDRESS": "email", "e_mailadres": "email", "voornaam ": "first_name"}
