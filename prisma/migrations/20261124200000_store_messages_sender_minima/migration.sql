-- Hand-written: a group member who sends before their read receipt lands (they opened the
-- chat and answered within the browser's 250 ms receipt batch) has their watermarks moved by the
-- send, so the receipt that follows moves nothing and tells the group nothing. When they were the
-- group's lowest watermark, a member learnt the new minima only from a later receipt (their own
-- receipt's echo carries them; a member sending none never did). Both functions now return, on
-- such a sender's message, the group's new minima where the send moved them (the app tells the
-- group, lib/messages/store-message.ts): a new result type, hence drop and create. Otherwise
-- the functions of 20261124050500 and 20261123222945.
DROP FUNCTION "store_messages_custom"(jsonb);
DROP FUNCTION "insert_messages_custom"(jsonb);

CREATE FUNCTION "insert_messages_custom"(batch jsonb)
RETURNS TABLE (id uuid, seq bigint, created_at timestamp(3), withheld boolean, min_delivered bigint, min_read bigint)
LANGUAGE plpgsql
-- One plan, made once per connection and kept: planning this statement cost more than running
-- it for the small batches of a moderate load. Every step is a lookup by primary or unique key,
-- so the plan is forced to index lookups and nested loops: planned while the tables were small,
-- a cached plan would otherwise keep scanning them whole after they grew.
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
SET enable_hashjoin = off
SET enable_mergejoin = off
SET enable_material = off
AS $fn$
#variable_conflict use_column
BEGIN
  -- Lock every conversation of the batch in one order, so that concurrent batches (another
  -- node) queue instead of deadlocking, and so that the statement below, whose snapshot is
  -- taken after the locks, reads each conversation's latest lastSeq and every message
  -- committed before it.
  PERFORM 1 FROM "Conversation" c
  WHERE c.id IN (SELECT (e->>'conversationId')::uuid FROM jsonb_array_elements(batch) e)
  ORDER BY c.id
  FOR NO KEY UPDATE;

  RETURN QUERY
  WITH input AS (
    SELECT o.ord, t.*
    FROM jsonb_array_elements(batch) WITH ORDINALITY AS o(e, ord),
         jsonb_to_record(o.e) AS t(id uuid, "conversationId" uuid, "senderId" uuid, "clientId" text,
                                   type "MessageType", text text, metadata jsonb, "replyToId" uuid,
                                   "forwardedFromId" uuid, "attachmentIds" uuid[])
  ), accepted AS (
    SELECT i.*, c."lastSeq" + row_number() OVER (PARTITION BY i."conversationId" ORDER BY i.ord) AS seq, c."messageTimerSec",
           c."directKey",
           -- The other person of a direct chat blocks the sender: stored for the sender only,
           -- the notice of a pin of theirs too.
           (c.type = 'DIRECT' AND EXISTS (
             SELECT 1 FROM "Block" b
             WHERE b."blockedId" = i."senderId" AND b."blockerId" = ANY(string_to_array(c."directKey", ':')::uuid[]))) AS withheld,
           -- A group member who had not read everything before: the send moves their watermarks
           -- over others' messages (see minima).
           (c.type <> 'DIRECT' AND COALESCE((
             SELECT p."readSeq" < c."lastSeq" FROM "Participant" p
             WHERE p."conversationId" = i."conversationId" AND p."userId" = i."senderId" AND p."leftAt" IS NULL), false)) AS behind
    FROM input i
    JOIN "Conversation" c ON c.id = i."conversationId"
    -- A subquery with LIMIT stays a lookup per message (as NOT EXISTS it could become a join
    -- that reads the whole index).
    WHERE (SELECT 1 FROM "Message" m WHERE m."senderId" = i."senderId" AND m."clientId" = i."clientId" LIMIT 1) IS NULL
      AND (i.type = 'SYSTEM' OR (
        c."archivedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "Participant" p
                    WHERE p."conversationId" = i."conversationId" AND p."userId" = i."senderId" AND p."leftAt" IS NULL
                      -- An announcement group: only its admins write (a public group's: site admins).
                      AND (NOT c."onlyAdminsSend"
                           OR (c.visibility = 'PRIVATE' AND p.role <> 'MEMBER')
                           OR (c.visibility = 'PUBLIC' AND EXISTS (SELECT 1 FROM "User" u WHERE u.id = p."userId" AND u.role = 'ADMIN'))))
        -- The sender blocks the other person: refused (they unblock first).
        AND NOT (c.type = 'DIRECT' AND EXISTS (
          SELECT 1 FROM "Block" b
          WHERE b."blockerId" = i."senderId" AND b."blockedId" = ANY(string_to_array(c."directKey", ':')::uuid[])))))
      AND COALESCE(cardinality(i."attachmentIds"), 0) = (
        SELECT count(*) FROM "Attachment" a
        WHERE a.id = ANY(i."attachmentIds") AND a."ownerId" = i."senderId" AND a."messageId" IS NULL)
  ), conv AS (
    -- A withheld message is no news to the other person: the chat keeps its place in their list.
    UPDATE "Conversation" c
    SET "lastSeq" = c."lastSeq" + k.n, "lastMessageAt" = CASE WHEN k.shown > 0 THEN now() ELSE c."lastMessageAt" END, "updatedAt" = now()
    FROM (SELECT a."conversationId", count(*) AS n, count(*) FILTER (WHERE NOT a.withheld) AS shown FROM accepted a GROUP BY 1) k
    WHERE c.id = k."conversationId"
  ), ins AS (
    INSERT INTO "Message" (id, "conversationId", seq, "senderId", "clientId", type, text, metadata, "replyToId", "forwardedFromId", "createdAt", "expiresAt", withheld)
    SELECT a.id, a."conversationId", a.seq, a."senderId", a."clientId", a.type, a.text, a.metadata, a."replyToId", a."forwardedFromId", now(),
           -- The timer when the message is sent is the one it keeps; notices ("X turned it on") stay.
           CASE WHEN a.type <> 'SYSTEM' AND a."messageTimerSec" IS NOT NULL THEN now() + make_interval(secs => a."messageTimerSec") END,
           a.withheld
    FROM accepted a
    RETURNING id, seq, "createdAt", withheld, "conversationId"
  ), hidden AS (
    INSERT INTO "MessageHide" ("userId", "messageId", "createdAt")
    SELECT peer.id, a.id, now()
    FROM accepted a CROSS JOIN LATERAL unnest(string_to_array(a."directKey", ':')::uuid[]) AS peer(id)
    WHERE a.withheld AND peer.id <> a."senderId"
  ), linked AS (
    UPDATE "Attachment" f SET "messageId" = a.id, "position" = array_position(a."attachmentIds", f.id)
    FROM accepted a
    WHERE cardinality(a."attachmentIds") > 0 AND f.id = ANY(a."attachmentIds") AND f."ownerId" = a."senderId" AND f."messageId" IS NULL
  ), copied AS (
    INSERT INTO "Attachment" (id, "ownerId", "messageId", "storageKey", driver, name, mime, size, width, height, "durationMs", "thumbnailKey", "position", "createdAt")
    SELECT gen_random_uuid(), a."senderId", a.id, f."storageKey", f.driver, f.name, f.mime, f.size, f.width, f.height, f."durationMs", f."thumbnailKey", f."position", f."createdAt"
    FROM accepted a JOIN "Attachment" f ON f."messageId" = a."forwardedFromId"
    WHERE a."forwardedFromId" IS NOT NULL
  ), own AS (
    UPDATE "Participant" p
    SET "readSeq" = GREATEST(p."readSeq", mine.top), "deliveredSeq" = GREATEST(p."deliveredSeq", mine.top)
    FROM (SELECT a."conversationId", a."senderId", max(a.seq) AS top FROM accepted a GROUP BY 1, 2) mine
    WHERE p."conversationId" = mine."conversationId" AND p."userId" = mine."senderId"
    RETURNING p."conversationId", p."userId", p."deliveredSeq", p."readSeq"
  ), minima AS (
    -- A behind sender may have been the group's lowest watermark, and a send tells no one of it
    -- as a receipt would: the group's minima before and after, for those groups alone (the
    -- statement's reads of "Participant" see the rows as they were, "own" as they are now).
    SELECT p."conversationId",
           min(COALESCE(o."deliveredSeq", p."deliveredSeq")) AS min_d, min(COALESCE(o."readSeq", p."readSeq")) AS min_r,
           min(p."deliveredSeq") AS old_min_d, min(p."readSeq") AS old_min_r
    FROM (SELECT DISTINCT a."conversationId" FROM accepted a WHERE a.behind) g
    JOIN "Participant" p ON p."conversationId" = g."conversationId" AND p."leftAt" IS NULL
    LEFT JOIN own o ON o."conversationId" = p."conversationId" AND o."userId" = p."userId"
    GROUP BY p."conversationId"
  )
  -- The group's new minima on its messages of the batch, where a send moved them; null otherwise
  -- (nearly always: minima has rows only for groups with a behind sender).
  SELECT ins.id, ins.seq, ins."createdAt", ins.withheld, moved.min_d, moved.min_r
  FROM ins
  LEFT JOIN minima moved ON moved."conversationId" = ins."conversationId"
    AND (moved.min_d <> moved.old_min_d OR moved.min_r <> moved.old_min_r);
END
$fn$;

CREATE FUNCTION "store_messages_custom"(batch jsonb)
RETURNS TABLE (id uuid, seq bigint, created_at timestamp(3), withheld boolean, min_delivered bigint, min_read bigint)
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
