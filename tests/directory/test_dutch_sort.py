"""Dutch name order in the Contacten list, and sorting on organisation and function along
their key columns (empty last, pages across the boundary)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from dealmaker.domain.name_sort import fold, name_key, split_surname
from dealmaker.services.directory import ContactQuery, ContactSort, query_contacts
from dealmaker.services.organisations import rename_organisation
from dealmaker.services.people import update_person
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace, open_workspace
from directory.factory import Factory

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db"

#: (first, tussenvoegsel, last) in the order a Dutch directory lists them
DUTCH = [
    ("Jan", "van den", "Berg"),
    ("anna", "", "bos"),
    ("Piet", "", "'s-Gravesande"),
    ("Kees", "", "ijzerman"),
    ("Lot", "", "IJzerman"),
    ("Mehmet", "", "Özil"),
    ("Zoë", "", "Oosterhuis"),
    ("Cas", "", "de Vries"),
    ("Daan", "de", "Vries"),
    ("Eva", "", "Vries-Bakker"),
]


def test_the_table_of_dutch_names_sorts_like_a_directory() -> None:
    shuffled = DUTCH[::-1]
    ordered = sorted(shuffled, key=lambda n: name_key(*n))
    assert [n[2] for n in ordered] == ["Berg", "bos", "'s-Gravesande", "ijzerman",
                                       "IJzerman", "Oosterhuis", "Özil", "de Vries", "Vries",
                                       "Vries-Bakker"]


def test_tussenvoegsel_in_the_last_name_is_split_off() -> None:
    assert split_surname("", "de Vries") == ("de", "Vries")
    assert split_surname("", "van der Meer") == ("van der", "Meer")
    assert split_surname("", "'s-Gravesande") == ("'s-", "Gravesande")
    assert split_surname("", "Van") == ("", "Van")  # the last word always stays
    assert fold("ĲZERMAN") == fold("ijzerman") == "ijzerman"


#: Latin letters with their accents, spaces, apostrophes and hyphens (not the dotless ı,
#: whose capital is the plain I)
NAMES = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x17E,
                              categories=("Lu", "Ll", "Zs", "Pd", "Po"),
                              exclude_characters="ı"), max_size=20)


@given(NAMES, NAMES, NAMES)
def test_case_never_changes_the_order(first: str, tv: str, last: str) -> None:
    assert name_key(first.upper(), tv.upper(), last.upper()) == \
        name_key(first.lower(), tv.lower(), last.lower())


@given(NAMES)
def test_accents_never_change_the_order(last: str) -> None:
    import unicodedata
    plain = "".join(c for c in unicodedata.normalize("NFKD", last)
                    if not unicodedata.combining(c))
    assert name_key("", "", last) == name_key("", "", plain)


@pytest.fixture
def people(workspace: Workspace, make: Factory) -> dict[str, str]:
    bzk = make.org("Ministerie van BZK", short="BZK")
    emmen = make.org("gemeente Emmen")
    ids = {}
    for (first, tv, last), at, title in zip(
            DUTCH, [bzk, emmen, None, bzk, None, emmen, None, bzk, emmen, None],
            ["Wethouder", "beleidsadviseur", "", "Adviseur", "", "Directeur", "",
             "wethouder", "", ""], strict=True):
        ids[last + first] = make.person(first, last, tv=tv, at=at, title=title)
    return ids | {"bzk": bzk, "emmen": emmen}


def order(ws: Workspace, sort: ContactSort, descending: bool = False, *, offset: int = 0,
          limit: int = 100) -> list[str]:
    rows = query_contacts(ws, ContactQuery(sort=sort, descending=descending), offset, limit)
    return [r.display_name for r in rows]


def test_list_sorts_names_dutch_and_keeps_the_tussenvoegsel_shown(
        workspace: Workspace, people: dict[str, str]) -> None:
    names = order(workspace, ContactSort.NAME)
    assert names == ["Jan van den Berg", "anna bos", "Piet 's-Gravesande", "Kees ijzerman",
                     "Lot IJzerman", "Zoë Oosterhuis", "Mehmet Özil", "Cas de Vries",
                     "Daan de Vries", "Eva Vries-Bakker"]
    assert order(workspace, ContactSort.NAME, True) == names[::-1]


def test_organisation_and_function_sort_put_the_empty_last_both_ways(
        workspace: Workspace, people: dict[str, str]) -> None:
    by_org = order(workspace, ContactSort.ORGANISATION)
    assert by_org[:6] == ["Jan van den Berg", "Kees ijzerman", "Cas de Vries",  # BZK
                          "anna bos", "Mehmet Özil", "Daan de Vries"]  # gemeente Emmen
    assert by_org[6:] == ["Piet 's-Gravesande", "Lot IJzerman", "Zoë Oosterhuis",
                          "Eva Vries-Bakker"]
    down = order(workspace, ContactSort.ORGANISATION, True)
    assert down[:6] == by_org[5::-1] and set(down[6:]) == set(by_org[6:])
    # pages that cross from the filled keys to the empty ones, and beyond
    pages = [name for o in (0, 4, 8)
             for name in order(workspace, ContactSort.ORGANISATION, offset=o, limit=4)]
    assert pages == by_org
    assert order(workspace, ContactSort.ORGANISATION, offset=7, limit=2) == by_org[7:9]
    by_function = order(workspace, ContactSort.FUNCTION)
    assert by_function[:5] == ["Kees ijzerman", "anna bos", "Mehmet Özil",
                               "Jan van den Berg", "Cas de Vries"]
    assert by_function[5] == "Piet 's-Gravesande"  # no function: by name after them


def test_sort_keys_follow_renames_and_name_edits(workspace: Workspace,
                                                 people: dict[str, str]) -> None:
    rename_organisation(workspace, people["bzk"], "Ministerie van BZK", "ZZ")
    assert order(workspace, ContactSort.ORGANISATION)[:3] == [
        "anna bos", "Mehmet Özil", "Daan de Vries"]
    update_person(workspace, people["bosanna"], last_name="Aalders")
    assert order(workspace, ContactSort.NAME)[0] == "anna Aalders"


def test_an_older_file_gets_its_sort_keys_when_migrated(tmp_path: Path) -> None:
    copy = tmp_path / "oud.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v7.dealmaker", copy)
    ws = open_workspace(copy)
    try:
        with ws.read() as s:
            keys = s.execute(select(Person.sort_name).where(Person.deleted_at.is_(None))
                             .order_by(Person.sort_name)).scalars().all()
    finally:
        ws.close()
    assert keys == ["bakker\x1ffixture\x1f", "jansen\x1ffixture\x1f"]


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_plain_ascii_folds_as_the_full_unicode_path_does(text: str) -> None:
    import unicodedata

    from dealmaker.domain.name_sort import _APOSTROPHES

    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert fold(text) == " ".join(plain.casefold().split())
