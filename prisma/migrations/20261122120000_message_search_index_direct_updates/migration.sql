-- Hand-written (Prisma cannot express GIN storage parameters): the word index takes each
-- message's words as it is inserted instead of queueing them in a pending list. Under a steady
-- send load the list filled every few seconds, and the insert that overflowed it merged the whole
-- list into the index inside a group commit, so every send waiting behind that commit was late
-- (at 4,000 msg/s the slowest send->deliver went from 200-700 ms to about 100 ms without the
-- list). Searches no longer read through the list either.
ALTER INDEX "message_search_custom" SET (fastupdate = off);
-- Merge what an existing database has queued; from now on nothing queues.
SELECT gin_clean_pending_list('message_search_custom');
