"""Property: importing the same file a second time adds nobody and writes nothing.

Whatever the rows hold (names, organisations, e-mail addresses and phones valid or not,
rows repeated within the file, names missing), the second import of the same file finds
every contact it made the first time: no new person, nothing "aangevuld", the workspace
byte for byte as the first import left it. Rows get an address of their own or one
typed freely (shared by two names, invalid, two in one cell).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from dealmaker.services.importing import apply_import, plan_import
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import open_workspace
from importing.kit import fingerprint, write_csv

HEAD = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Telefoon", "Bedrijf",
        "Functie", "Notities", "Labels"]
WORD = st.sampled_from(["Anna", "anna", "Bas", "Berg", "Kuipers", "Kuijpers", "de Vries",
                        "Ämilie", "Jan-Willem", "O'Brien", "", "", ""])
ORG = st.sampled_from(["", "Gemeente Zwolle", "gemeente zwolle", "Provincie Drenthe",
                       "Ministerie van BZK", "BZK"])
#: addresses typed freely: shared by different names, invalid, several in one cell
EMAIL = st.sampled_from(["", "", "anna@zwolle.example", "ANNA@zwolle.example",
                         "bas@bzk.example", "geen-adres", "x@y", "a@b.example ::: c@d.example"])
PHONE = st.sampled_from(["", "", "06 1234 5678", "0612345678", "via secretariaat", "pager",
                         "+31 38 123 4567;ext=12", "038-1234567"])
FREE = st.sampled_from(["", "", "Wethouder", "DG", "Kent de regio", "Bestuur", "Noord;Zuid"])


def _with_own_address(cells: tuple[str | bool, ...]) -> tuple[str, ...]:
    """The row's e-mail address follows from its name (or is left out)."""
    first, tv, last, has_address, *rest = cells
    name = f"{first}{tv}{last}".lower().replace("'", "").replace(" ", "")
    address = f"{name}@example.org" if has_address and name.isascii() and name else ""
    return (str(first), str(tv), str(last), address, *(str(c) for c in rest))


def _people(path: Path) -> int:
    with open_workspace(path) as ws, ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Person)
                            .where(Person.deleted_at.is_(None))) or 0)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.one_of(
    st.tuples(WORD, WORD, WORD, st.booleans(), PHONE, ORG, FREE, FREE, FREE)
    .map(_with_own_address),
    st.tuples(WORD, WORD, WORD, EMAIL, PHONE, ORG, FREE, FREE, FREE)), min_size=1, max_size=8))
def test_a_second_import_of_the_same_file_changes_nothing(
        rows: list[tuple[str, ...]], empty_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "w.dealmaker"
    shutil.copyfile(empty_template, path)
    source = write_csv(tmp_path / "contacten.csv", [HEAD, *[list(r) for r in rows]])
    with open_workspace(path) as ws:
        plan = plan_import(ws, source)
        if not any(r.valid for r in plan.rows):
            return  # a file without a single contact is refused (tested elsewhere)
        apply_import(ws, plan)
    people, before = _people(path), fingerprint(path)
    with open_workspace(path) as ws:
        again = apply_import(ws, plan_import(ws, source))
    assert (again.created, again.merged) == (0, 0), again.added
    assert _people(path) == people and fingerprint(path) == before


def test_a_name_only_row_finds_the_one_person_of_that_name(empty_template: Path,
                                                           tmp_path: Path) -> None:
    """Found by the property above: the row with only a name was matched the first time
    to the file's own later row (which gave the person an organisation); the second time
    no orgless person of that name existed, so it became a second Anna."""
    path = tmp_path / "w.dealmaker"
    shutil.copyfile(empty_template, path)
    source = write_csv(tmp_path / "contacten.csv", [
        HEAD, ["Anna", "", "Berg", "", "", "", "", "", ""],
        ["Anna", "", "Berg", "anna@zwolle.example", "", "", "", "", ""],
        ["Anna", "", "Berg", "anna@zwolle.example", "", "Gemeente Zwolle", "", "", ""]])
    for _ in range(2):
        with open_workspace(path) as ws:
            apply_import(ws, plan_import(ws, source))
    assert _people(path) == 1


def test_between_equal_namesakes_the_one_that_already_holds_the_row_is_taken(
        empty_template: Path, tmp_path: Path) -> None:
    """Found by the property with free e-mail addresses: one address under two names made
    two 'Anna Anna Bas' at Zwolle on the first import; on the second, the row with the
    label joined the namesake without it (the first candidate), adding the label again."""
    path = tmp_path / "w.dealmaker"
    shutil.copyfile(empty_template, path)
    row = ["", "", "", "", "", "", "", "", ""]
    source = write_csv(tmp_path / "contacten.csv", [
        HEAD, ["Anna", "", "Bas", "anna@zwolle.example", *row[4:]],
        ["Anna", "", "Anna", "anna@zwolle.example", "", "Gemeente Zwolle", "", "", ""],
        ["Anna", "", "Bas", "", "", "Gemeente Zwolle", "", "", "Wethouder"]])
    with open_workspace(path) as ws:
        apply_import(ws, plan_import(ws, source))
    before = fingerprint(path)
    with open_workspace(path) as ws:
        plan = plan_import(ws, source)
        again = apply_import(ws, plan)
    assert (again.created, again.merged) == (0, 0), again.added
    assert fingerprint(path) == before
    assert plan.rows[2].match is not None and plan.rows[2].match.differences == ()


def _vcard_file(tmp_path: Path, cards: list[list[str]]) -> Path:
    path = tmp_path / "kaarten.vcf"
    text = "".join("BEGIN:VCARD\r\nVERSION:3.0\r\n"
                   + "".join(f"{line}\r\n" for line in card if line) + "END:VCARD\r\n"
                   for card in cards)
    path.write_bytes(text.encode())
    return path


def test_an_address_under_another_name_does_not_rename_the_contact(
        empty_template: Path, tmp_path: Path) -> None:
    """Found by the vCard property below: 'Bas' got the address of 'Anna Berg' from the
    next card, and the third card ('Anna Berg', same address) filled the empty first name:
    'Anna Bas', a name nobody has. On a second import the card 'Bas' found nobody."""
    path = tmp_path / "w.dealmaker"
    shutil.copyfile(empty_template, path)
    source = _vcard_file(tmp_path, [["N:Bas;;;;"], ["N:Bas;;;;", "EMAIL:anna@zwolle.example"],
                                    ["N:Berg;Anna;;;", "EMAIL:anna@zwolle.example"]])
    for _ in range(2):
        with open_workspace(path) as ws:
            result = apply_import(ws, plan_import(ws, source))
    assert _people(path) == 1 and result.created == 0
    with open_workspace(path) as ws, ws.read() as s:
        assert s.scalars(select(Person.first_name)).one() == ""


CARD_LINE = st.sampled_from([
    "", "N:Berg;Anna;;;", "N:berg;anna;;;", "N:Bas;;;;", "N:;;;;", "FN:Anna Berg", "FN:Anna",
    "FN: Anna  Berg", "FN:Gemeente Zwolle", "EMAIL:anna@zwolle.example",
    "EMAIL;TYPE=pref:ANNA@zwolle.example", "EMAIL:geen", "item1.EMAIL:b@c.example",
    "TEL:06 1234 5678", "TEL;TYPE=CELL:0612345678", "TEL:pager", "ORG:Gemeente Zwolle;",
    "ORG:gemeente zwolle", "ORG:BZK", "NICKNAME:Opa", "TITLE:Wethouder",
    "CATEGORIES:Noord,Zuid", "NOTE:Kent de regio", "URL:http\\://x.example"])


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(cards=st.lists(st.lists(CARD_LINE, max_size=7), min_size=1, max_size=6))
def test_a_second_import_of_the_same_vcards_changes_nothing(
        cards: list[list[str]], empty_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "w.dealmaker"
    shutil.copyfile(empty_template, path)
    source = _vcard_file(tmp_path, cards)
    with open_workspace(path) as ws:
        plan = plan_import(ws, source)
        if not any(r.valid for r in plan.rows):
            return
        apply_import(ws, plan)
    before = fingerprint(path)
    with open_workspace(path) as ws:
        again = apply_import(ws, plan_import(ws, source))
    assert (again.created, again.merged) == (0, 0), again.added
    assert fingerprint(path) == before
