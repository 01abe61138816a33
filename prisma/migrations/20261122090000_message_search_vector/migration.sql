-- Hand-written (Prisma cannot express generated columns): the searchable words of a message,
-- stored. Search results are listed newest first, so a common prefix is answered by walking a
-- chat's messages newest first and testing each stored vector, stopping at the first page of
-- hits; before, every candidate's text was parsed again, and every match was ranked.
ALTER TABLE "Message" ADD COLUMN "search_custom" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', COALESCE("text", ''))) STORED;

DROP INDEX "message_text_search_custom";
CREATE INDEX "message_search_custom" ON "Message" USING GIN ("search_custom");
