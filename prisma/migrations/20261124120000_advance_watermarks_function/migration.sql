-- Hand-written: delivered and read receipts stored in batches (lib/messages/receipt-writer.ts),
-- one statement and one commit for every receipt that arrives while the previous batch is being
-- written, where each receipt was an UPDATE, a query of the chat's minima and a commit of its own.
-- `batch`: [{conversationId, userId, seq, read}]. One row per (conversationId, userId) of the
-- batch: whether the user is a member, whether a watermark moved, the user's watermarks after, and
-- the chat's minima (over its members) before and after the batch, so the caller can tell who
-- needs to hear of it.
CREATE FUNCTION "advance_watermarks_custom"(batch jsonb)
RETURNS TABLE (conversation_id uuid, user_id uuid, member boolean, moved boolean, delivered_seq bigint, read_seq bigint,
               min_delivered bigint, min_read bigint, old_min_delivered bigint, old_min_read bigint)
LANGUAGE plpgsql
AS $fn$
#variable_conflict use_column
BEGIN
  -- The conversations first, in one order, as message batches take them (insert_messages_custom
  -- moves its senders' watermarks under those locks): a participant row is then only locked under
  -- its conversation's lock, and receipt and message batches of any node queue instead of
  -- deadlocking.
  PERFORM 1 FROM "Conversation" c
  WHERE c.id IN (SELECT (e->>'conversationId')::uuid FROM jsonb_array_elements(batch) e)
  ORDER BY c.id
  FOR NO KEY UPDATE;

  RETURN QUERY
  WITH wanted AS (
    -- Reading implies delivery; a seq beyond the last message counts as the last message.
    SELECT t."conversationId", t."userId", max(t.seq) AS delivered, COALESCE(max(t.seq) FILTER (WHERE t.read), 0) AS read
    FROM jsonb_to_recordset(batch) AS t("conversationId" uuid, "userId" uuid, seq bigint, read boolean)
    GROUP BY t."conversationId", t."userId"
  ), target AS (
    SELECT w."conversationId", w."userId", LEAST(w.delivered, c."lastSeq") AS d, LEAST(w.read, c."lastSeq") AS r
    FROM wanted w
    JOIN "Conversation" c ON c.id = w."conversationId"
    JOIN "Participant" p ON p."conversationId" = w."conversationId" AND p."userId" = w."userId" AND p."leftAt" IS NULL
  ), updated AS (
    -- Watermarks only move forward.
    UPDATE "Participant" p
    SET "deliveredSeq" = GREATEST(p."deliveredSeq", t.d), "readSeq" = GREATEST(p."readSeq", t.r)
    FROM target t
    WHERE p."conversationId" = t."conversationId" AND p."userId" = t."userId" AND (p."deliveredSeq" < t.d OR p."readSeq" < t.r)
    RETURNING p."conversationId", p."userId", p."deliveredSeq", p."readSeq"
  ), minima AS (
    -- This statement's reads of "Participant" see the rows as they were: after = with the updates.
    SELECT p."conversationId",
           min(COALESCE(u."deliveredSeq", p."deliveredSeq")) AS min_d, min(COALESCE(u."readSeq", p."readSeq")) AS min_r,
           min(p."deliveredSeq") AS old_min_d, min(p."readSeq") AS old_min_r
    FROM "Participant" p LEFT JOIN updated u ON u."conversationId" = p."conversationId" AND u."userId" = p."userId"
    WHERE p."conversationId" IN (SELECT x."conversationId" FROM updated x) AND p."leftAt" IS NULL
    GROUP BY p."conversationId"
  )
  SELECT w."conversationId", w."userId", t."userId" IS NOT NULL, u."userId" IS NOT NULL, u."deliveredSeq", u."readSeq",
         m.min_d, m.min_r, m.old_min_d, m.old_min_r
  FROM wanted w
  LEFT JOIN target t ON t."conversationId" = w."conversationId" AND t."userId" = w."userId"
  LEFT JOIN updated u ON u."conversationId" = w."conversationId" AND u."userId" = w."userId"
  LEFT JOIN minima m ON m."conversationId" = w."conversationId";
END
$fn$;
