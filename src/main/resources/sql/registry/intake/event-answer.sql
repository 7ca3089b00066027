-- How event :eventId was answered before, if that answer went to the JMS message :messageId (or, for a delivery the
-- broker marks as redelivered, to any message): its receipt.
SELECT receipt::text FROM intake_event
WHERE event_id = :eventId AND (message_id = :messageId OR :redelivered);
