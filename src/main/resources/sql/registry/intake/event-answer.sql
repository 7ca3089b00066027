-- How event :eventId was answered before, if it was: its receipt.
SELECT receipt::text FROM intake_event WHERE event_id = :eventId;
