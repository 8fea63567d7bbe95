"""Pulled values reach the local journal as exactly the JSON text the journal writes
itself (json.dumps, ensure_ascii=False), whatever the text holds."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dealmaker.services.sync.payload import LogEntry

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8)


@given(old=_values, new=_values)
def test_pulled_change_values_are_journalled_as_the_journal_writes_them(
        old: Any, new: Any) -> None:
    entry = LogEntry(7, "5f0c3b8e-2a4e-4d8e-9a51-0c6a3f1e2b10", "anna", {}, [
        {"seq": 1, "entity": "person", "entity_id": "0b5c7e0e-3f1a-4e27-8c2d-6a9f0e4d1c33",
         "action": "update", "field": "notes", "old": old, "new": new}])
    [row] = entry.change_rows(set())
    assert row[-2:] == (None if old is None else json.dumps(old, ensure_ascii=False),
                        None if new is None else json.dumps(new, ensure_ascii=False))
