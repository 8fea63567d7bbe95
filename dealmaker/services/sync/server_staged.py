"""The fast first upload, server side: rows arrive in the workspace file's stored forms.

``publish_begin`` sets aside the workspace tables' indexes, keys and foreign keys (their
definitions kept in ``dealmaker.publish_ddl``, readable by no member): rows then go in
without a B-tree insert or a queued foreign-key check per row (2.4 million rows: ~30 s
of the server's time), and ``publish_done`` builds each index once (sorted) and adds
each key and foreign key back, which checks the whole table in one pass (a doubled id
or a row pointing nowhere fails the publish, as before). All of it in the
publisher's one transaction: a cut connection leaves the workspace as it was.

``publish_staged`` reads the caller's temporary table ``pg_temp.dm_publish`` under the
same checks as ``publish_copied`` (a plain temporary table of this session, no row
security, no children, exactly the shared table's column names), except that a
``timestamptz`` column may arrive as ``int8`` microseconds since 1970 UTC and a
``numeric(24,6)`` column as ``int8`` millionths: the stored forms of ``UTCDateTime`` and
``ExactDecimal``, turned into values here with integer and exact arithmetic only
(``to_timestamp`` of whole seconds is exact for every year Python can hold).
"""

from __future__ import annotations

from dealmaker.services.sync.server_publish import STAGE_CHECKS

STAGED = """
CREATE TABLE IF NOT EXISTS dealmaker.publish_ddl (
    workspace_id uuid NOT NULL,
    seq integer NOT NULL,
    statement text NOT NULL,
    PRIMARY KEY (workspace_id, seq));
REVOKE ALL ON dealmaker.publish_ddl FROM PUBLIC;

CREATE OR REPLACE FUNCTION dealmaker.publish_begin(p_ws uuid, p_schema integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
DECLARE w dealmaker.workspace; v_ns oid; r record; n integer;
BEGIN
  w := dealmaker.enter(p_ws, p_schema);
  IF w.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'al gepubliceerd' USING ERRCODE = 'DM004';
  END IF;
  IF EXISTS (SELECT 1 FROM dealmaker.publish_ddl WHERE workspace_id = p_ws) THEN
    RETURN 0;  -- set aside earlier in this transaction
  END IF;
  v_ns := w.schema_name::regnamespace;
  -- no workspace schema on the path: the definitions come out schema-qualified
  PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
  CREATE TEMP TABLE pg_temp.dm_aside ON COMMIT DROP AS
  SELECT 1 AS k, i.indexrelid::regclass::text AS obj, NULL::text AS tbl,
         pg_get_indexdef(i.indexrelid) AS statement
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
   WHERE t.relnamespace = v_ns AND t.relname NOT IN ('sync_log', 'field_version')
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                                     AND c.conrelid = i.indrelid)
  UNION ALL
  SELECT CASE WHEN c.contype = 'f' THEN 2 ELSE 1 END, quote_ident(c.conname),
         c.conrelid::regclass::text,
         format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname,
                pg_get_constraintdef(c.oid))
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
   WHERE c.contype IN ('p', 'u', 'f') AND c.connamespace = v_ns
     AND t.relname NOT IN ('sync_log', 'field_version');
  INSERT INTO dealmaker.publish_ddl (workspace_id, seq, statement)
  SELECT p_ws, row_number() OVER (ORDER BY k, statement), statement FROM pg_temp.dm_aside;
  GET DIAGNOSTICS n = ROW_COUNT;
  FOR r IN SELECT * FROM pg_temp.dm_aside ORDER BY k DESC LOOP
    IF r.tbl IS NOT NULL THEN
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %s', r.tbl, r.obj);
    ELSE
      EXECUTE format('DROP INDEX %s', r.obj);
    END IF;
  END LOOP;
  DROP TABLE pg_temp.dm_aside;
  RETURN n;
END $f$;

CREATE OR REPLACE FUNCTION dealmaker.publish_staged(p_ws uuid, p_schema integer,
                                                    p_table text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  w dealmaker.workspace; n bigint; v_stage oid; v_target oid; v_cols text; v_vals text;
  v_bad bigint; v_count bigint;
BEGIN
""" + STAGE_CHECKS + """  SELECT string_agg(quote_ident(t.attname), ', ' ORDER BY t.attnum),
         string_agg(CASE
           WHEN s.atttypid = t.atttypid THEN quote_ident(t.attname)
           WHEN t.atttypid = 'timestamptz'::regtype THEN format(
             'pg_catalog.to_timestamp((%1$I / 1000000)::float8)'
             ' + (%1$I %% 1000000) * interval ''1 microsecond''', t.attname)
           ELSE format('%I * 0.000001', t.attname) END, ', ' ORDER BY t.attnum),
         count(*) FILTER (WHERE s.attname IS NULL OR NOT (
           s.atttypid = t.atttypid OR (s.atttypid = 'int8'::regtype AND (
             t.atttypid = 'timestamptz'::regtype OR (t.atttypid = 'numeric'::regtype
               AND t.atttypmod = ((24 << 16) | 6) + 4))))),
         count(*)
    INTO v_cols, v_vals, v_bad, v_count
    FROM pg_attribute t
    LEFT JOIN pg_attribute s ON s.attrelid = v_stage AND s.attname = t.attname
                             AND s.attnum > 0 AND NOT s.attisdropped
   WHERE t.attrelid = v_target AND t.attnum > 0 AND NOT t.attisdropped;
  IF v_stage IS NULL OR v_bad > 0 OR v_count <> (
       SELECT count(*) FROM pg_attribute
        WHERE attrelid = v_stage AND attnum > 0 AND NOT attisdropped) THEN
    RAISE EXCEPTION 'ongeldige aanlevering voor %', p_table USING ERRCODE = 'DM003';
  END IF;
  EXECUTE format('INSERT INTO %1$I (%2$s) SELECT %3$s FROM ONLY pg_temp.dm_publish',
                 p_table, v_cols, v_vals);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $f$;
"""
