-- The JMS message each event's answer was given to: that message delivered again after a crash (its answer stored,
-- its acknowledgement lost) gets the stored answer whether or not the broker still marks it as redelivered; another
-- message with a known eventId is a DUPLICATE. Answers logged before have none, and only a redelivery finds them.
ALTER TABLE intake_event ADD COLUMN message_id TEXT;
