-- A message deleted for everyone now loses all of its content in the database (lib/messages/
-- delete-message.ts): what its metadata held (a location, a poll, a link's preview, whom it
-- mentioned) and the texts its edits replaced, not only its text. Messages deleted before get
-- the same here; an admin's deletion keeps its mark.
UPDATE "Message"
SET metadata = CASE WHEN metadata->'deletedByAdmin' = 'true'::jsonb THEN '{"deletedByAdmin": true}'::jsonb END
WHERE "deletedAt" IS NOT NULL AND metadata IS NOT NULL;

DELETE FROM "MessageEdit" e
USING "Message" m
WHERE e."messageId" = m.id AND m."deletedAt" IS NOT NULL;
