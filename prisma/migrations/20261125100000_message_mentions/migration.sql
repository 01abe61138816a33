-- Whom a message @mentions is recorded in its metadata from this release on, when it is sent or
-- edited (lib/messages/mentions.ts), and the chat list's "@" badge reads that. Messages stored
-- before get it here, once, by the same rule: @username, 3 to 24 of a-z 0-9 _, with no letter,
-- digit or _ touching it on either side.
UPDATE "Message" m
SET metadata = COALESCE(m.metadata, '{}'::jsonb) || jsonb_build_object('mentions', found.usernames)
FROM (
  SELECT msg.id, jsonb_agg(DISTINCT lower(hit[1])) AS usernames
  FROM "Message" msg
  CROSS JOIN LATERAL regexp_matches(msg.text, '(?:^|[^[:alnum:]_])@([a-z0-9_]{3,24})(?![a-z0-9_])', 'gi') AS hit
  WHERE msg.text LIKE '%@%' AND msg."deletedAt" IS NULL
  GROUP BY msg.id
) found
WHERE m.id = found.id;
