"""A demo workspace published and joined arrives value for value: ids, timestamps,
amounts, dates, choices and lists equal on the server and in the joined file (publish
COPYs, join reads the stored forms straight into the file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from dealmaker.services.demo import demo_steps
from dealmaker.services.sync.remote import find_shared
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.workspace import open_workspace
from tests.sync import kit
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def test_a_demo_workspace_arrives_on_the_server_and_in_a_join_value_for_value(
        pg: Server, team, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    source, joined = tmp_path / "demo.dealmaker", tmp_path / "join.dealmaker"
    for _step in demo_steps(source, 150, lock=False):
        pass
    seen: list[tuple[int, int]] = []
    with open_workspace(source) as ws:
        _name, counts = publish_workspace(ws, pg.url(anna), name,
                                          step=lambda d, t, _w: seen.append((d, t)))
        mine = kit.local_rows(ws)
    assert seen[-1] == (sum(counts.values()), sum(counts.values()))  # progress to the end
    join_workspace(pg.url(bob), joined, name)
    with open_workspace(joined) as ws:
        theirs = kit.local_rows(ws)
    engine = create_engine(pg.url())
    with engine.connect() as conn:
        shared = find_shared(conn, name=name)
    engine.dispose()
    server = kit.server_rows(pg.url(), shared)
    assert sum(len(rows) for rows in mine.values()) > 1000
    for table, rows in mine.items():
        assert server[table] == rows, f"server: {table} wijkt af: {kit.diff(server[table], rows)}"
        assert theirs[table] == rows, f"join: {table} wijkt af: {kit.diff(theirs[table], rows)}"
