"""``dealmaker.push``: check and apply one client's batch in one server transaction.

Per change (see ``services.sync`` for the rules): a field written meanwhile by someone
who had not seen this write (a version after the client's cursor, from another device,
already on the server when the batch came) is a conflict: the server's value stays and
the incoming one is recorded in the log entry's ``lost`` list. An edit of a record
deleted meanwhile and a delete of a record edited meanwhile are conflicts too. A change
to a record forgotten meanwhile is dropped without its value. An operation id already in
the log is passed over: a retried batch never applies twice.
"""

from __future__ import annotations

PUSH = """
CREATE OR REPLACE FUNCTION dealmaker.push(p_ws uuid, p_cursor bigint, p_schema integer,
                                          p_ops jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  w dealmaker.workspace; v_start bigint; v_seq bigint; v_op jsonb; ch jsonb;
  v_lost jsonb; v_drop jsonb; v_dev uuid; v_id uuid; v_ent text; v_field text; v_act text;
  fv record; v_same boolean; v_dead boolean; v_now timestamptz := clock_timestamp();
  v_new jsonb;
BEGIN
  w := dealmaker.enter(p_ws, p_schema);
  IF w.published_at IS NULL THEN
    RAISE EXCEPTION 'nog niet gepubliceerd' USING ERRCODE = 'DM002';
  END IF;
  SELECT coalesce(max(server_seq), 0) INTO v_start FROM sync_log;
  v_seq := v_start;
  FOR v_op IN SELECT value FROM jsonb_array_elements(p_ops) LOOP
    CONTINUE WHEN EXISTS (SELECT 1 FROM sync_log WHERE op_id = (v_op->>'id')::uuid);
    v_seq := v_seq + 1; v_lost := '[]'; v_drop := '[]';
    v_dev := (v_op->>'device_id')::uuid;
    FOR ch IN SELECT value FROM jsonb_array_elements(v_op->'changes') LOOP
      v_ent := ch->>'entity'; v_id := (ch->>'entity_id')::uuid;
      v_field := ch->>'field'; v_act := ch->>'action'; v_new := ch->'new';
      IF v_ent IN ('sync_log', 'field_version')
         OR to_regclass(quote_ident(w.schema_name) || '.' || quote_ident(v_ent)) IS NULL THEN
        RAISE EXCEPTION 'onbekende tabel %', v_ent USING ERRCODE = 'DM003';
      END IF;
      CONTINUE WHEN v_act = 'scrubbed';
      IF v_act <> 'redact' AND EXISTS (
          SELECT 1 FROM field_version f WHERE f.entity = v_ent AND f.entity_id = v_id
             AND f.field = '!' AND f.server_seq > p_cursor AND f.server_seq <= v_start) THEN
        v_drop := v_drop || to_jsonb(ch->'seq');
        v_lost := v_lost || jsonb_build_object('seq', ch->'seq', 'entity', v_ent,
            'entity_id', v_id, 'field', v_field, 'reason', 'vergeten');
        CONTINUE;
      END IF;
      IF v_act = 'update' THEN
        SELECT * INTO fv FROM field_version f WHERE f.entity = v_ent AND f.entity_id = v_id
           AND f.field = v_field AND f.server_seq > p_cursor AND f.server_seq <= v_start
           AND f.device_id IS DISTINCT FROM v_dev;
        IF FOUND THEN
          EXECUTE format('SELECT r.%1$I IS NOT DISTINCT FROM t.%1$I, t.deleted_at IS NOT NULL'
                         ' FROM %2$I t, jsonb_populate_record(NULL::%2$I, $1) r'
                         ' WHERE t.id = $2', v_field, v_ent)
            INTO v_same, v_dead USING jsonb_build_object(v_field, v_new), v_id;
          CONTINUE WHEN v_same;
          v_lost := v_lost || jsonb_build_object('seq', ch->'seq', 'entity', v_ent,
              'entity_id', v_id, 'field', v_field, 'value', v_new,
              'reason', CASE WHEN v_field = 'deleted_at' AND v_new <> 'null' AND v_dead
                             THEN 'al' ELSE 'veld' END,
              'winner_seq', fv.server_seq, 'winner_author', fv.author);
          CONTINUE;
        END IF;
        IF v_field <> 'deleted_at' THEN
          SELECT * INTO fv FROM field_version f WHERE f.entity = v_ent AND f.entity_id = v_id
             AND f.field = 'deleted_at' AND f.server_seq > p_cursor
             AND f.server_seq <= v_start AND f.device_id IS DISTINCT FROM v_dev;
          IF FOUND THEN
            EXECUTE format('SELECT deleted_at IS NOT NULL FROM %I WHERE id = $1', v_ent)
              INTO v_dead USING v_id;
            IF v_dead THEN
              v_lost := v_lost || jsonb_build_object('seq', ch->'seq', 'entity', v_ent,
                  'entity_id', v_id, 'field', v_field, 'value', v_new, 'reason', 'verwijderd',
                  'winner_seq', fv.server_seq, 'winner_author', fv.author);
              CONTINUE;
            END IF;
          END IF;
        ELSIF v_new <> 'null' THEN
          SELECT * INTO fv FROM field_version f WHERE f.entity = v_ent AND f.entity_id = v_id
             AND f.field NOT IN ('deleted_at', '!', '*') AND f.server_seq > p_cursor
             AND f.server_seq <= v_start AND f.device_id IS DISTINCT FROM v_dev
           ORDER BY f.server_seq DESC LIMIT 1;
          IF FOUND THEN
            v_lost := v_lost || jsonb_build_object('seq', ch->'seq', 'entity', v_ent,
                'entity_id', v_id, 'field', v_field, 'value', v_new, 'reason', 'bewerkt',
                'winner_seq', fv.server_seq, 'winner_author', fv.author);
            CONTINUE;
          END IF;
        END IF;
        EXECUTE format('UPDATE %1$I t SET %2$I = r.%2$I, updated_at = $3'
                       ' FROM jsonb_populate_record(NULL::%1$I, $1) r WHERE t.id = $2',
                       v_ent, v_field)
          USING jsonb_build_object(v_field, v_new), v_id, v_now;
      ELSIF v_act = 'insert' THEN
        PERFORM dealmaker.put_row(v_ent, v_id, v_new, v_now);
        v_field := '*';
      ELSIF v_act = 'redact' AND v_field IS NULL THEN
        PERFORM dealmaker.scrub_log(v_ent, v_id);
        PERFORM dealmaker.put_row(v_ent, v_id, v_new, v_now);
        v_field := '!';
      ELSIF v_act = 'redact' THEN
        EXECUTE format('UPDATE %1$I t SET %2$I = r.%2$I, updated_at = $3'
                       ' FROM jsonb_populate_record(NULL::%1$I, $1) r WHERE t.id = $2',
                       v_ent, v_field)
          USING jsonb_build_object(v_field, v_new), v_id, v_now;
      ELSIF v_act = 'delete' THEN
        EXECUTE format('DELETE FROM %I WHERE id = $1', v_ent) USING v_id;
        v_field := '*';
      ELSE
        RAISE EXCEPTION 'onbekende actie %', v_act USING ERRCODE = 'DM003';
      END IF;
      INSERT INTO field_version AS f VALUES (v_ent, v_id, v_field, v_seq, session_user, v_dev)
        ON CONFLICT (entity, entity_id, field) DO UPDATE SET server_seq = EXCLUDED.server_seq,
           author = EXCLUDED.author, device_id = EXCLUDED.device_id;
    END LOOP;
    INSERT INTO sync_log (server_seq, op_id, author, received_at, op, changes, lost)
    VALUES (v_seq, (v_op->>'id')::uuid, session_user, v_now, v_op - 'changes',
            CASE WHEN v_drop = '[]' THEN coalesce(v_op->'changes', '[]') ELSE (
              SELECT jsonb_agg(CASE WHEN v_drop @> jsonb_build_array(c->'seq')
                                    THEN (c - 'old' - 'new') || '{"action": "scrubbed"}'
                                    ELSE c END ORDER BY o)
                FROM jsonb_array_elements(v_op->'changes') WITH ORDINALITY AS e(c, o)) END,
            v_lost);
  END LOOP;
  RETURN v_seq;
END $f$;
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

CREATE OR REPLACE FUNCTION dealmaker.publish_done(p_ws uuid, p_schema integer, p_op jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
DECLARE w dealmaker.workspace;
BEGIN
  w := dealmaker.enter(p_ws, p_schema);
  IF w.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'al gepubliceerd' USING ERRCODE = 'DM004';
  END IF;
  UPDATE dealmaker.workspace SET published_at = clock_timestamp() WHERE id = p_ws;
  INSERT INTO sync_log (server_seq, op_id, author, received_at, op, changes)
  VALUES (1, (p_op->>'id')::uuid, session_user, clock_timestamp(), p_op, '[]');
  RETURN 1;
END $f$;
"""
