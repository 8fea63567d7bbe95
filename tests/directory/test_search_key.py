"""The search index is keyed on person.search_key, so renumbered rowids change nothing."""

from __future__ import annotations

from sqlalchemy import text

from dealmaker.domain.enums import OrgKind
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory
from directory.test_contacts import names


def test_search_survives_renumbered_rowids(workspace: Workspace, make: Factory) -> None:
    org = make.org("Provincie Drenthe", OrgKind.PROVINCIE)
    make.person("Anna", "Bakker", at=org)
    make.person("Bram", "Smit", at=org)
    with workspace.engine.begin() as conn:  # what a VACUUM or a row-by-row copy may do
        conn.execute(text("UPDATE person SET rowid = 1000 - rowid"))
    assert names(workspace, search="bakker") == ["Anna Bakker"]
    assert names(workspace, search="smit") == ["Bram Smit"]
    make.person("Cor", "Bakker", at=org)  # a new key, above every key given
    assert names(workspace, search="bakker") == ["Anna Bakker", "Cor Bakker"]
    with workspace.engine.connect() as conn:
        keys = conn.execute(text("SELECT search_key FROM person ORDER BY search_key")).all()
        indexed = conn.execute(text("SELECT rowid FROM person_search ORDER BY rowid")).all()
    assert keys == indexed and len({k for (k,) in keys}) == 3
