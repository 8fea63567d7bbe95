"""The team server's rules, in PostgreSQL itself (no server process of our own).

Layout: schema ``dealmaker`` holds the register of shared workspaces and the functions;
every shared workspace is its own schema (``dm_<hex>``) holding the user's tables (the
same SQLAlchemy models as the workspace file), the append-only ``sync_log`` (one row per
operation, numbered by ``server_seq``) and ``field_version`` (which log entry last wrote
each field). A workspace's members are the members of its group role; they may SELECT
in its schema and call the functions, nothing else: every write goes through
``dealmaker.push`` / ``dealmaker.publish_rows``, SECURITY DEFINER functions that check
membership, take the workspace's lock (so sequence order = commit order), find
conflicts per field by version and apply what wins. ``session_user`` (the login role)
is the author of every log entry.

Why a schema per workspace and not row-level security on shared tables: the models have
no workspace column (a workspace file is one workspace), so the same tables and keys
serve unchanged; granting USAGE on one schema is the whole access rule, and the register
uses row-level security so a role lists only the workspaces it was granted.
"""

from __future__ import annotations

REGISTER = """
CREATE SCHEMA IF NOT EXISTS dealmaker;
CREATE TABLE IF NOT EXISTS dealmaker.workspace (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    schema_name text NOT NULL UNIQUE,
    member_role text NOT NULL,
    schema_version integer NOT NULL,
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE dealmaker.workspace ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS members_only ON dealmaker.workspace;
CREATE POLICY members_only ON dealmaker.workspace FOR SELECT
    USING (pg_has_role(session_user, member_role, 'MEMBER'));
GRANT USAGE ON SCHEMA dealmaker TO PUBLIC;
GRANT SELECT ON dealmaker.workspace TO PUBLIC;
"""

WORKSPACE_TABLES = """
CREATE TABLE {s}.sync_log (
    server_seq bigint PRIMARY KEY,
    op_id uuid NOT NULL UNIQUE,
    author text NOT NULL,
    received_at timestamptz NOT NULL,
    op jsonb NOT NULL,
    changes jsonb NOT NULL,
    lost jsonb NOT NULL DEFAULT '[]');
CREATE TABLE {s}.field_version (
    entity text NOT NULL,
    entity_id uuid NOT NULL,
    field text NOT NULL,
    server_seq bigint NOT NULL,
    author text NOT NULL,
    device_id uuid,
    PRIMARY KEY (entity, entity_id, field));
"""

# Entering a workspace: the register row, membership, the lock, the search path (for the
# calling SECURITY DEFINER function: no SET clause here, or it would end with this call).
ENTER = """
CREATE OR REPLACE FUNCTION dealmaker.enter(p_ws uuid, p_schema integer)
RETURNS dealmaker.workspace LANGUAGE plpgsql AS $f$
DECLARE w dealmaker.workspace;
BEGIN
  SELECT * INTO w FROM dealmaker.workspace WHERE id = p_ws;
  IF NOT FOUND OR NOT pg_has_role(session_user, w.member_role, 'MEMBER') THEN
    RAISE EXCEPTION 'geen toegang tot deze gedeelde werkruimte'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_schema <> w.schema_version THEN
    RAISE EXCEPTION 'schemaversie' USING ERRCODE = 'DM001', DETAIL = w.schema_version::text;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('dealmaker:' || w.schema_name));
  PERFORM set_config('search_path', quote_ident(w.schema_name) || ', pg_catalog, pg_temp',
                     true);
  SET CONSTRAINTS ALL DEFERRED;
  RETURN w;
END $f$;
"""

PUT_ROW = """
CREATE OR REPLACE FUNCTION dealmaker.put_row(p_table text, p_id uuid, p_values jsonb,
                                             p_now timestamptz)
RETURNS void LANGUAGE plpgsql AS $f$
DECLARE cols text; sets text;
BEGIN
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum),
         string_agg(format('%1$I = EXCLUDED.%1$I', attname), ', ')
    INTO cols, sets FROM pg_attribute
   WHERE attrelid = p_table::regclass AND attnum > 0 AND NOT attisdropped;
  EXECUTE format('INSERT INTO %1$I (%2$s) SELECT %2$s FROM jsonb_populate_record(NULL::%1$I, $1)'
                 ' ON CONFLICT (id) DO UPDATE SET %3$s', p_table, cols, sets)
    USING jsonb_build_object('created_at', p_now) || p_values
          || jsonb_build_object('id', p_id, 'updated_at', p_now);
END $f$;
"""

# What "Vergeten" removes from the log: every value about the record, and the person's
# names and address wherever the log holds them as text.
SCRUB = """
CREATE OR REPLACE FUNCTION dealmaker.scrub_log(p_entity text, p_id uuid)
RETURNS void LANGUAGE plpgsql AS $f$
DECLARE needle text; names text[] := '{}';
BEGIN
  IF p_entity = 'person' THEN
    -- (a person forgotten before is named 'Vergeten persoon': nothing to scrub, and
    -- replacing that text would change the earlier redaction's image in the log)
    SELECT array_remove(ARRAY[
             nullif(nullif(concat_ws(' ', nullif(first_name, ''), nullif(tussenvoegsel, ''),
                                     last_name), ''), 'Vergeten persoon'),
             nullif(email, '')], NULL)
      INTO names FROM person WHERE id = p_id;
  END IF;
  UPDATE sync_log SET changes = (
      SELECT jsonb_agg(CASE WHEN c->>'entity_id' = p_id::text AND c->>'action' <> 'redact'
                            THEN (c - 'old' - 'new') || '{"action": "scrubbed"}' ELSE c END
                       ORDER BY o)
        FROM jsonb_array_elements(changes) WITH ORDINALITY AS e(c, o))
   WHERE changes @> jsonb_build_array(jsonb_build_object('entity_id', p_id::text));
  UPDATE sync_log SET lost = (
      SELECT jsonb_agg(CASE WHEN c->>'entity_id' = p_id::text THEN c - 'value' ELSE c END
                       ORDER BY o)
        FROM jsonb_array_elements(lost) WITH ORDINALITY AS e(c, o))
   WHERE lost @> jsonb_build_array(jsonb_build_object('entity_id', p_id::text));
  FOREACH needle IN ARRAY coalesce(names, '{}') LOOP
    needle := trim(both '"' from to_jsonb(needle)::text);
    CONTINUE WHEN length(needle) < 4;
    UPDATE sync_log SET changes = replace(changes::text, needle, '[vergeten persoon]')::jsonb
     WHERE strpos(changes::text, needle) > 0;
    UPDATE sync_log SET lost = replace(lost::text, needle, '[vergeten persoon]')::jsonb
     WHERE strpos(lost::text, needle) > 0;
  END LOOP;
END $f$;
"""
