"""The first upload's server side (``dealmaker.publish_*``, SECURITY DEFINER like push).

A member may not write the shared tables, so the rows reach them through these
functions, into a workspace not yet published, all in the publisher's one transaction:
``publish_rows`` (JSON, the slow old way), ``publish_copied`` (the caller's temporary
table, checked, moved in) and ``publish_staged`` (the same, holding the file's stored
forms: see ``server_staged.py``); ``publish_done`` puts back what ``publish_begin``
set aside (indexes, foreign keys: checked here over each whole table at once) and
marks the workspace published with its baseline operation as log entry 1.
"""

from __future__ import annotations

#: the opening of ``publish_copied`` and ``publish_staged`` (one set of checks for both):
#: the workspace entered and not yet published; ``v_target`` the shared table
#: ``p_table`` (never the log); ``v_stage`` the caller's ``pg_temp.dm_publish`` when it
#: is a plain temporary table of this session without row security or children, else
#: NULL (the caller then compares its columns with ``v_target``'s)
STAGE_CHECKS = """\
  w := dealmaker.enter(p_ws, p_schema);
  IF w.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'al gepubliceerd' USING ERRCODE = 'DM004';
  END IF;
  v_target := to_regclass(quote_ident(w.schema_name) || '.' || quote_ident(p_table));
  IF p_table IN ('sync_log', 'field_version') OR v_target IS NULL THEN
    RAISE EXCEPTION 'onbekende tabel %', p_table USING ERRCODE = 'DM003';
  END IF;
  SELECT c.oid INTO v_stage FROM pg_class c
   WHERE c.oid = to_regclass('pg_temp.dm_publish') AND c.relkind = 'r'
     AND c.relpersistence = 't' AND c.relnamespace = pg_my_temp_schema()
     AND NOT c.relrowsecurity AND NOT c.relhassubclass;
"""

PUBLISH = """
CREATE OR REPLACE FUNCTION dealmaker.publish_rows(p_ws uuid, p_schema integer, p_table text,
                                                  p_rows jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
DECLARE w dealmaker.workspace; n bigint;
BEGIN
  w := dealmaker.enter(p_ws, p_schema);
  IF w.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'al gepubliceerd' USING ERRCODE = 'DM004';
  END IF;
  IF p_table IN ('sync_log', 'field_version')
     OR to_regclass(quote_ident(w.schema_name) || '.' || quote_ident(p_table)) IS NULL THEN
    RAISE EXCEPTION 'onbekende tabel %', p_table USING ERRCODE = 'DM003';
  END IF;
  EXECUTE format('INSERT INTO %1$I SELECT * FROM jsonb_populate_recordset(NULL::%1$I, $1)',
                 p_table) USING p_rows;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $f$;

-- The caller COPYs a table's rows into its own temporary table pg_temp.dm_publish (made
-- LIKE the shared table), then this moves them in. Only a plain temporary table of this
-- very session, without row security or children, whose columns have exactly the shared
-- table's names and types, is read (so nothing of the caller's runs with this function's
-- rights: no view, policy, cast or child table).
CREATE OR REPLACE FUNCTION dealmaker.publish_copied(p_ws uuid, p_schema integer,
                                                    p_table text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
DECLARE w dealmaker.workspace; n bigint; v_stage oid; v_target oid; v_cols text;
BEGIN
""" + STAGE_CHECKS + """  IF v_stage IS NULL OR EXISTS (
       (SELECT attname, atttypid FROM pg_attribute
         WHERE attrelid = v_stage AND attnum > 0 AND NOT attisdropped
        EXCEPT
        SELECT attname, atttypid FROM pg_attribute
         WHERE attrelid = v_target AND attnum > 0 AND NOT attisdropped)
       UNION ALL
       (SELECT attname, atttypid FROM pg_attribute
         WHERE attrelid = v_target AND attnum > 0 AND NOT attisdropped
        EXCEPT
        SELECT attname, atttypid FROM pg_attribute
         WHERE attrelid = v_stage AND attnum > 0 AND NOT attisdropped)) THEN
    RAISE EXCEPTION 'ongeldige aanlevering voor %', p_table USING ERRCODE = 'DM003';
  END IF;
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO v_cols
    FROM pg_attribute WHERE attrelid = v_target AND attnum > 0 AND NOT attisdropped;
  EXECUTE format('INSERT INTO %1$I (%2$s) SELECT %2$s FROM ONLY pg_temp.dm_publish',
                 p_table, v_cols);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $f$;

CREATE OR REPLACE FUNCTION dealmaker.publish_done(p_ws uuid, p_schema integer, p_op jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET maintenance_work_mem = '256MB'
SET work_mem = '64MB' AS $f$
DECLARE w dealmaker.workspace; r record;
BEGIN
  w := dealmaker.enter(p_ws, p_schema);
  IF w.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'al gepubliceerd' USING ERRCODE = 'DM004';
  END IF;
  -- what publish_begin set aside: indexes built, foreign keys added (each checks its
  -- whole table in one pass; a row pointing nowhere fails the publish)
  FOR r IN SELECT statement FROM dealmaker.publish_ddl WHERE workspace_id = p_ws
            ORDER BY seq LOOP
    EXECUTE r.statement;
  END LOOP;
  DELETE FROM dealmaker.publish_ddl WHERE workspace_id = p_ws;
  UPDATE dealmaker.workspace SET published_at = clock_timestamp() WHERE id = p_ws;
  INSERT INTO sync_log (server_seq, op_id, author, received_at, op, changes)
  VALUES (1, (p_op->>'id')::uuid, session_user, clock_timestamp(), p_op, '[]');
  RETURN 1;
END $f$;
"""
