-- Hand-written: a private reply's quote names the group it came from as the group was named when
-- the reply was sent (Message.metadata.quotedChatName, written by sendMessage), where it was read
-- from the group at every read: someone who had left the group saw what it was renamed to
-- since. The replies sent before this keep the name the group has now.
UPDATE "Message" m
SET metadata = COALESCE(m.metadata, '{}'::jsonb) || jsonb_build_object('quotedChatName', COALESCE(c.name, ''))
FROM "Message" r
JOIN "Conversation" c ON c.id = r."conversationId"
WHERE r.id = m."replyToId" AND r."conversationId" <> m."conversationId";
