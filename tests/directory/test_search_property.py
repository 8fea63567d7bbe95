"""Whatever the user types into a search box, the search never raises."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from dealmaker.services.directory import ContactQuery, count_contacts, query_contacts
from dealmaker.services.quickfind import complete_persons, quick_find
from dealmaker.storage.search_query import fts_query
from dealmaker.storage.workspace import Workspace, create_workspace
from directory.factory import Factory

FTS_SYNTAX = ['"', "*", "AND", "OR", "NOT", "NEAR", "NEAR(", ")", "(", ":", "^", "-", "+",
              "{", "}", "name:", "\\", "'", "_", "%", "\u0301", "Fryslân", "ǅ", "İ", "ß",
              "\x00", "\n", "\t", "١٢", "𝟘", "ﬁ", " "]

user_text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(FTS_SYNTAX) | st.text(max_size=4), max_size=12).map("".join),
)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    path: Path = tmp_path_factory.mktemp("zoeken") / "z.dealmaker"
    workspace = create_workspace(path, lock=False)
    make = Factory(workspace)
    org = make.org("Provincie Fryslân", aliases=["Friesland"])
    make.person("Anna", "Berg", tv="van den", email="anna@demo.example", at=org,
                title="Gedeputeerde AND/OR beleid", notes='quote " en * ster')
    make.person("Near", "Not", phone="+31 (0)6-1234")
    make.deal("Zuidoost Fryslân")
    yield workspace
    workspace.close()


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(user_text)
def test_search_never_raises(ws: Workspace, typed: str) -> None:
    expr = fts_query(typed)
    if expr is not None:
        with ws.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM person_search WHERE person_search "
                              "MATCH :q"), {"q": expr}).scalar()
    query = ContactQuery(search=typed)
    rows = query_contacts(ws, query, 0, 10)
    assert count_contacts(ws, query) >= len(rows)
    quick_find(ws, typed)
    complete_persons(ws, typed)


@pytest.mark.parametrize("typed", ["AND", "or", "NEAR(anna berg)", '"anna"', "anna*",
                                   "name:anna", "-anna", "anna OR", "(", "^anna"])
def test_operators_are_searched_as_words(ws: Workspace, typed: str) -> None:
    query_contacts(ws, ContactQuery(search=typed))
    assert len(query_contacts(ws, ContactQuery(search="and or"))) == 1  # in the title
