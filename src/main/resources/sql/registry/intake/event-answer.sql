-- How event :eventId was answered before, if it was: the receipt, and whether it contains :hubFault (the answer
-- HUB_FAULT, which the same eventId sent again replaces).
SELECT receipt::text, receipt @> CAST(:hubFault AS jsonb) FROM intake_event WHERE event_id = :eventId;
