-- Hand-written: a person whose edit was withheld (the other person of the direct chat blocks
-- them) searches their own messages by the words they see, their withheld text. Such messages
-- are few, and only this partial index holds them, so an insert (withheldText is NULL then)
-- pays nothing for it.
CREATE INDEX "Message_withheldEdits_custom" ON "Message" ("senderId") WHERE "withheldText" IS NOT NULL;
