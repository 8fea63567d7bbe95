"""``dealmaker.push``: check and apply one client's batch in one server transaction.

Per change (see ``services.sync`` for the rules): a field written meanwhile by someone
who had not seen this write (a version after the client's cursor, from another device,
already on the server when the batch came) is a conflict: the server's value stays and
the incoming one is recorded in the log entry's ``lost`` list. An edit of a record
deleted meanwhile and a delete of a record edited meanwhile are conflicts too (such a
delete keeps the rows it took with it: ``server_whole``). A change
to a record forgotten meanwhile is dropped without its value. An operation id already in
the log is passed over: a retried batch never applies twice.
"""

from __future__ import annotations

from dealmaker.services.sync.server_whole import KEEP_WHOLE

PUSH = KEEP_WHOLE + """
CREATE OR REPLACE FUNCTION dealmaker.push(p_ws uuid, p_cursor bigint, p_schema integer,
                                          p_ops jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  w dealmaker.workspace; v_start bigint; v_end bigint; v_lo bigint;
  v_now timestamptz := clock_timestamp(); v_bad text;
  r record; g record; fv record; v_same boolean; v_dead boolean;
BEGIN
  w := dealmaker.enter(p_ws, p_schema);
  IF w.published_at IS NULL THEN
    RAISE EXCEPTION 'nog niet gepubliceerd' USING ERRCODE = 'DM002';
  END IF;
  SELECT coalesce(max(server_seq), 0) INTO v_start FROM sync_log;
  DROP TABLE IF EXISTS dm_ops, dm_inc;
  -- the new operations (ids already in the log are passed over), numbered in order
  CREATE TEMP TABLE dm_ops ON COMMIT DROP AS
    SELECT v_start + row_number() OVER (ORDER BY o.ord) AS sseq, o.op,
           (o.op->>'id')::uuid AS op_id, (o.op->>'device_id')::uuid AS device_id,
           EXISTS (SELECT 1 FROM jsonb_array_elements(o.op->'changes') c
                    WHERE c->>'action' = 'redact') AS redaction
      FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS o(op, ord)
     WHERE NOT EXISTS (SELECT 1 FROM sync_log l WHERE l.op_id = (o.op->>'id')::uuid);
  SELECT v_start + count(*) INTO v_end FROM dm_ops;
  CREATE TEMP TABLE dm_inc ON COMMIT DROP AS
    SELECT o.sseq, o.device_id, (c->>'seq')::int AS seq, c->>'entity' AS entity,
           (c->>'entity_id')::uuid AS entity_id, c->>'action' AS action, c->>'field' AS field,
           c->'new' AS new, NULL::text AS reason, NULL::bigint AS winner_seq,
           NULL::text AS winner_author
      FROM dm_ops o, jsonb_array_elements(o.op->'changes') c;
  CREATE INDEX ON dm_inc (sseq, seq);
  CREATE INDEX ON dm_inc (entity, entity_id);
  ANALYZE dm_ops;
  ANALYZE dm_inc;
  SELECT d.entity INTO v_bad FROM (SELECT DISTINCT entity FROM dm_inc) d
   WHERE d.entity IN ('sync_log', 'field_version')
      OR to_regclass(quote_ident(w.schema_name) || '.' || quote_ident(d.entity)) IS NULL
   LIMIT 1;
  IF v_bad IS NOT NULL THEN
    RAISE EXCEPTION 'onbekende tabel %', v_bad USING ERRCODE = 'DM003';
  END IF;
  SELECT action INTO v_bad FROM dm_inc
   WHERE action NOT IN ('insert', 'update', 'delete', 'redact', 'scrubbed') LIMIT 1;
  IF v_bad IS NOT NULL THEN
    RAISE EXCEPTION 'onbekende actie %', v_bad USING ERRCODE = 'DM003';
  END IF;

  -- conflicts: only changes to records another device wrote after the client's cursor
  FOR r IN SELECT i.* FROM dm_inc i
            WHERE i.action IN ('update', 'insert', 'delete') AND EXISTS (
                  SELECT 1 FROM field_version f
                   WHERE f.entity = i.entity AND f.entity_id = i.entity_id
                     AND f.server_seq > p_cursor AND f.server_seq <= v_start
                     AND f.device_id IS DISTINCT FROM i.device_id)
            ORDER BY i.sseq, i.seq LOOP
    SELECT * INTO fv FROM field_version f WHERE f.entity = r.entity
       AND f.entity_id = r.entity_id AND f.field = '!' AND f.server_seq > p_cursor
       AND f.server_seq <= v_start AND f.device_id IS DISTINCT FROM r.device_id;
    IF FOUND THEN
      UPDATE dm_inc SET reason = 'vergeten' WHERE sseq = r.sseq AND seq = r.seq;
      CONTINUE;
    END IF;
    CONTINUE WHEN r.action <> 'update';
    SELECT * INTO fv FROM field_version f WHERE f.entity = r.entity
       AND f.entity_id = r.entity_id AND f.field = r.field AND f.server_seq > p_cursor
       AND f.server_seq <= v_start AND f.device_id IS DISTINCT FROM r.device_id;
    IF FOUND THEN
      EXECUTE format('SELECT r.%1$I IS NOT DISTINCT FROM t.%1$I, t.deleted_at IS NOT NULL'
                     ' FROM %2$I t, jsonb_populate_record(NULL::%2$I, $1) r'
                     ' WHERE t.id = $2', r.field, r.entity)
        INTO v_same, v_dead USING jsonb_build_object(r.field, r.new), r.entity_id;
      UPDATE dm_inc SET reason = CASE
               WHEN v_same THEN 'gelijk'
               WHEN r.field = 'deleted_at' AND r.new <> 'null' AND v_dead THEN 'al'
               ELSE 'veld' END,
             winner_seq = fv.server_seq, winner_author = fv.author
       WHERE sseq = r.sseq AND seq = r.seq;
      CONTINUE;
    END IF;
    IF r.field <> 'deleted_at' THEN
      SELECT * INTO fv FROM field_version f WHERE f.entity = r.entity
         AND f.entity_id = r.entity_id AND f.field = 'deleted_at' AND f.server_seq > p_cursor
         AND f.server_seq <= v_start AND f.device_id IS DISTINCT FROM r.device_id;
      IF FOUND THEN
        EXECUTE format('SELECT deleted_at IS NOT NULL FROM %I WHERE id = $1', r.entity)
          INTO v_dead USING r.entity_id;
        IF v_dead THEN
          UPDATE dm_inc SET reason = 'verwijderd', winner_seq = fv.server_seq,
                 winner_author = fv.author WHERE sseq = r.sseq AND seq = r.seq;
        END IF;
      END IF;
    ELSIF r.new <> 'null' THEN
      SELECT * INTO fv FROM field_version f WHERE f.entity = r.entity
         AND f.entity_id = r.entity_id AND f.field NOT IN ('deleted_at', '!', '*')
         AND f.server_seq > p_cursor AND f.server_seq <= v_start
         AND f.device_id IS DISTINCT FROM r.device_id
       ORDER BY f.server_seq DESC LIMIT 1;
      IF FOUND THEN
        UPDATE dm_inc SET reason = 'bewerkt', winner_seq = fv.server_seq,
               winner_author = fv.author WHERE sseq = r.sseq AND seq = r.seq;
      END IF;
    END IF;
  END LOOP;
  -- a delete that lost keeps what it would have taken with it ('mee')
  PERFORM dealmaker.keep_whole();

  -- the log first (a redaction in this batch scrubs the entries before it too)
  INSERT INTO sync_log (server_seq, op_id, author, received_at, op, changes, lost)
  SELECT o.sseq, o.op_id, session_user, v_now, o.op - 'changes',
         CASE WHEN NOT EXISTS (SELECT 1 FROM dm_inc i WHERE i.sseq = o.sseq
                                 AND i.reason = 'vergeten')
              THEN coalesce(o.op->'changes', '[]')
              ELSE (SELECT jsonb_agg(CASE WHEN EXISTS (
                             SELECT 1 FROM dm_inc i WHERE i.sseq = o.sseq
                                AND i.seq = (c->>'seq')::int AND i.reason = 'vergeten')
                           THEN (c - 'old' - 'new') || '{"action": "scrubbed"}' ELSE c END
                           ORDER BY e.ord)
                      FROM jsonb_array_elements(o.op->'changes') WITH ORDINALITY AS e(c, ord))
         END,
         coalesce((SELECT jsonb_agg(jsonb_build_object(
                     'seq', i.seq, 'entity', i.entity, 'entity_id', i.entity_id,
                     'field', i.field, 'reason', i.reason, 'winner_seq', i.winner_seq,
                     'winner_author', i.winner_author)
                     || CASE WHEN i.reason = 'vergeten' THEN '{}'::jsonb
                             ELSE jsonb_build_object('value', i.new) END ORDER BY i.seq)
                     FROM dm_inc i WHERE i.sseq = o.sseq AND i.reason <> 'gelijk'), '[]')
    FROM dm_ops o ORDER BY o.sseq;

  -- apply, in runs between redactions: rows put whole, then the last value per field
  v_lo := v_start;
  FOR g IN SELECT sseq FROM dm_ops WHERE redaction UNION ALL SELECT v_end + 1 ORDER BY 1 LOOP
    FOR r IN SELECT * FROM dm_inc WHERE sseq > v_lo AND sseq < g.sseq AND reason IS NULL
               AND action IN ('delete', 'insert') ORDER BY action, sseq, seq LOOP
      IF r.action = 'delete' THEN
        EXECUTE format('DELETE FROM %I WHERE id = $1', r.entity) USING r.entity_id;
      ELSE
        PERFORM dealmaker.put_row(r.entity, r.entity_id, r.new, v_now);
      END IF;
    END LOOP;
    -- one UPDATE per table: per row the last value of every field written (the newest
    -- key wins in jsonb_object_agg), put over the row as it is
    FOR r IN SELECT entity, string_agg(DISTINCT quote_ident(field), ', ') AS cols,
                    string_agg(DISTINCT 'x.' || quote_ident(field), ', ') AS vals
               FROM dm_inc WHERE sseq > v_lo AND sseq < g.sseq AND reason IS NULL
                AND action = 'update' AND field <> 'updated_at' GROUP BY entity LOOP
      EXECUTE format(
        'UPDATE %1$I t SET (%2$s, updated_at) = (SELECT %3$s, $4'
        '  FROM jsonb_populate_record(t, d.obj) x) FROM ('
        ' SELECT i.entity_id, jsonb_object_agg(i.field, i.new ORDER BY i.sseq, i.seq) AS obj'
        '   FROM dm_inc i'
        '  WHERE i.sseq > $1 AND i.sseq < $2 AND i.reason IS NULL AND i.action = ''update'''
        '    AND i.entity = $3 AND i.field <> ''updated_at'' AND NOT EXISTS ('
        '      SELECT 1 FROM dm_inc j WHERE j.sseq > $1 AND j.sseq < $2'
        '         AND j.action IN (''insert'', ''delete'') AND j.reason IS NULL'
        '         AND j.entity = i.entity AND j.entity_id = i.entity_id'
        '         AND (j.sseq, j.seq) > (i.sseq, i.seq))'
        '  GROUP BY i.entity_id) d'
        ' WHERE t.id = d.entity_id', r.entity, r.cols, r.vals)
        USING v_lo, g.sseq, r.entity, v_now;
    END LOOP;
    FOR r IN SELECT * FROM dm_inc WHERE sseq = g.sseq AND action = 'redact' ORDER BY seq LOOP
      IF r.field IS NULL THEN
        PERFORM dealmaker.scrub_log(r.entity, r.entity_id);
        PERFORM dealmaker.put_row(r.entity, r.entity_id, r.new, v_now);
      ELSE
        EXECUTE format('UPDATE %1$I t SET %2$I = x.%2$I, updated_at = $3'
                       ' FROM jsonb_populate_record(NULL::%1$I, $1) x WHERE t.id = $2',
                       r.entity, r.field)
          USING jsonb_build_object(r.field, r.new), r.entity_id, v_now;
      END IF;
    END LOOP;
    v_lo := g.sseq;
  END LOOP;

  INSERT INTO field_version AS f
  SELECT DISTINCT ON (x.entity, x.entity_id, x.fld) x.entity, x.entity_id, x.fld, x.sseq,
         session_user, x.device_id
    FROM (SELECT i.*, CASE i.action WHEN 'update' THEN i.field
                                    WHEN 'redact' THEN coalesce(i.field, '!')
                                    ELSE '*' END AS fld
            FROM dm_inc i WHERE i.reason IS NULL AND i.action <> 'scrubbed') x
   ORDER BY x.entity, x.entity_id, x.fld, x.sseq DESC, x.seq DESC
  ON CONFLICT (entity, entity_id, field) DO UPDATE SET server_seq = EXCLUDED.server_seq,
     author = EXCLUDED.author, device_id = EXCLUDED.device_id;
  -- a forget: the planner's statistics (pg_stats, readable by every member) sampled the
  -- forgotten values before; sampled again in this transaction they are gone
  FOR r IN SELECT DISTINCT entity FROM dm_inc WHERE action = 'redact'
           UNION SELECT 'sync_log' FROM dm_inc WHERE action = 'redact' LOOP
    EXECUTE format('ANALYZE %I', r.entity);
  END LOOP;
  DROP TABLE dm_ops, dm_inc;
  RETURN v_end;
END $f$;
"""
