-- An accepted event's record, keyed by its eventId (:intakeKey, event:<eventId>) in the event's transaction.
INSERT INTO source_record (system, id_number, source_key, operation, intake_key, received_at, occurred_at, payload)
VALUES (:system, :idNumber, :sourceKey, 'EVENT', :intakeKey, :receivedAt, :occurredAt, CAST(:payload AS json));
