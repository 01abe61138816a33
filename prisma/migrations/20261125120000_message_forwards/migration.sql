-- A forwarded copy records in its metadata how many forwards it is from the message first sent
-- (`forwards`, lib/messages/forward-limits.ts): from five on it is "Forwarded many times", and
-- "Forwarded" no longer depends on the original still existing (a disappearing one is deleted,
-- which empties the copy's "forwardedFromId"). Copies stored before get it here, by walking each
-- one's chain of originals. A copy deleted for everyone keeps its emptied metadata.
WITH RECURSIVE copies AS MATERIALIZED (
  SELECT id, "forwardedFromId" AS source FROM "Message" WHERE "forwardedFromId" IS NOT NULL
), chain AS (
  SELECT c.id, 1 AS forwards FROM copies c WHERE NOT EXISTS (SELECT 1 FROM copies s WHERE s.id = c.source)
  UNION ALL
  SELECT c.id, chain.forwards + 1 FROM copies c JOIN chain ON c.source = chain.id
)
UPDATE "Message" m
SET metadata = COALESCE(m.metadata, '{}'::jsonb) || jsonb_build_object('forwards', chain.forwards)
FROM chain
WHERE m.id = chain.id AND m."deletedAt" IS NULL;
