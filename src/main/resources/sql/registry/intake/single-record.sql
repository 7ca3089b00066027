-- A record that arrived alone (a front-database row) stored once: nothing when its intake key is stored already.
INSERT INTO source_record (system, id_number, source_key, operation, intake_key, received_at, occurred_at, payload)
VALUES (:system, :idNumber, :sourceKey, :operation, :intakeKey, :receivedAt, :occurredAt, CAST(:payload AS json))
ON CONFLICT (intake_key) WHERE intake_key IS NOT NULL DO NOTHING;
