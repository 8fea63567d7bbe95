"""``dealmaker.keep_whole``: a delete that loses takes nothing with it.

Deleting a record soft-deletes, in the same operation, the rows that only mean something
with it (a contact's functions, tags and relations; a meeting's participants; a contact
moment's links). When the record's own delete loses on the server (a colleague edited it
meanwhile: 'bewerkt'), the other deletes of that operation on rows that point at it
lose too, with reason 'mee' (not shown in the Conflicten list; kept so that taking the
delete after all deletes them again), so the record stays whole on every copy. A row
that also points at a record whose delete in the same operation did apply is deleted
(a relation between a kept and a deleted contact hangs on the deleted one). "Points at"
is any single-column foreign key of the row as the operation leaves it (the server row
with the operation's earlier updates of it); repeated until nothing changes (a row kept
can keep its own dependants).

Called by ``dealmaker.push`` after its conflict pass, on its temporary ``dm_inc``.
"""

from __future__ import annotations

KEEP_WHOLE = """
CREATE OR REPLACE FUNCTION dealmaker.keep_whole()
RETURNS void LANGUAGE plpgsql AS $f$
DECLARE r record; k record; p record; v_row jsonb; v_kept boolean; v_dead boolean;
        v_seq bigint; v_author text; v_more boolean := true;
BEGIN
  WHILE v_more LOOP
    v_more := false;
    FOR r IN SELECT c.sseq, c.seq, c.entity, c.entity_id FROM dm_inc c
              WHERE c.reason IS NULL AND c.action = 'update' AND c.field = 'deleted_at'
                AND c.new <> 'null' AND EXISTS (
                    SELECT 1 FROM dm_inc l WHERE l.sseq = c.sseq AND l.action = 'update'
                       AND l.field = 'deleted_at' AND l.new <> 'null'
                       AND l.reason IN ('bewerkt', 'veld', 'mee'))
              ORDER BY c.sseq, c.seq LOOP
      EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.id = $1', r.entity)
        INTO v_row USING r.entity_id;
      CONTINUE WHEN v_row IS NULL;
      -- as the operation leaves it before this delete (a merge points rows elsewhere)
      v_row := v_row || coalesce((SELECT jsonb_object_agg(u.field, u.new ORDER BY u.seq)
                                    FROM dm_inc u WHERE u.sseq = r.sseq AND u.seq < r.seq
                                     AND u.entity = r.entity AND u.entity_id = r.entity_id
                                     AND u.action = 'update' AND u.reason IS NULL), '{}');
      v_kept := false;
      v_dead := false;
      FOR k IN SELECT a.attname::text AS col, t.relname::text AS target
                 FROM pg_constraint x
                 JOIN pg_attribute a ON a.attrelid = x.conrelid AND a.attnum = x.conkey[1]
                 JOIN pg_class t ON t.oid = x.confrelid
                WHERE x.conrelid = r.entity::regclass AND x.contype = 'f'
                  AND cardinality(x.conkey) = 1 LOOP
        CONTINUE WHEN v_row->>k.col IS NULL;
        FOR p IN SELECT l.reason, l.winner_seq, l.winner_author FROM dm_inc l
                  WHERE l.sseq = r.sseq AND l.entity = k.target
                    AND l.entity_id = (v_row->>k.col)::uuid AND l.action = 'update'
                    AND l.field = 'deleted_at' AND l.new <> 'null' LOOP
          IF p.reason IN ('bewerkt', 'veld', 'mee') THEN
            v_kept := true;
            v_seq := p.winner_seq;
            v_author := p.winner_author;
          ELSE
            v_dead := true;
          END IF;
        END LOOP;
      END LOOP;
      IF v_kept AND NOT v_dead THEN
        UPDATE dm_inc SET reason = 'mee', winner_seq = v_seq, winner_author = v_author
         WHERE sseq = r.sseq AND seq = r.seq;
        v_more := true;
      END IF;
    END LOOP;
  END LOOP;
END $f$;
REVOKE ALL ON FUNCTION dealmaker.keep_whole() FROM PUBLIC;
"""
