"""Team synchronisation through PostgreSQL (no Qt): server set-up, sync, conflicts.

Each laptop keeps its own workspace file and works offline; a shared workspace lives on
a PostgreSQL server (``setup``, rules in ``server_sql``/``server_push``). ``engine.sync``
pushes the local journal and pulls everyone else's; ``snapshot`` publishes a workspace
or joins one; ``conflicts`` is the Conflicten list.
"""
