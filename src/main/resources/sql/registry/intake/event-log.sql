-- Event :eventId's answer logged, replacing an earlier one only where that contains :hubFault (HUB_FAULT): for any
-- other earlier answer it changes no row, and the event took effect before.
INSERT INTO intake_event (event_id, system, message_id, status, received_at, receipt)
VALUES (:eventId, :system, :messageId, :status, :receivedAt, CAST(:receipt AS jsonb))
ON CONFLICT (event_id) DO UPDATE
SET system = EXCLUDED.system, message_id = EXCLUDED.message_id, status = EXCLUDED.status,
    received_at = EXCLUDED.received_at, receipt = EXCLUDED.receipt
WHERE intake_event.receipt @> CAST(:hubFault AS jsonb);
