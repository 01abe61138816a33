-- Hand-written: a batch locks the uploads it claims before it checks them.
--
-- Two batches in flight at once (two nodes) could claim the same upload for two messages: both
-- statements saw it unsent, the second then waited for the first's row lock and, once that
-- committed, skipped linking it, yet stored its message, a file message without its file. The
-- uploads are now locked first, in id order, so the second batch waits before it looks and finds
-- the upload sent (the sender hears "already sent"). Uploads are locked before conversations by
-- every batch, so batches still queue and never deadlock.
ALTER FUNCTION "store_messages_custom"(jsonb) RENAME TO "insert_messages_custom";

CREATE FUNCTION "store_messages_custom"(batch jsonb)
RETURNS TABLE (id uuid, seq bigint, created_at timestamp(3))
LANGUAGE plpgsql
-- A cached plan made while the table was small must still look uploads up by key.
SET enable_seqscan = off
AS $fn$
BEGIN
  -- Most batches carry no upload: skip the lock statement for them.
  IF jsonb_path_exists(batch, '$[*].attachmentIds[*]') THEN
    PERFORM 1 FROM "Attachment" a
    WHERE a.id IN (SELECT jsonb_array_elements_text(e->'attachmentIds')::uuid FROM jsonb_array_elements(batch) e)
    ORDER BY a.id
    FOR UPDATE;
  END IF;
  RETURN QUERY SELECT * FROM "insert_messages_custom"(batch);
END
$fn$;
