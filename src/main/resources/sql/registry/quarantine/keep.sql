-- Keeps a record the hub could not take in, with its raw text (a NUL written as \u0000) and the reasons as JSON:
-- nothing that arrives is lost. :intakeFileId and :recordNo are those of a data file's record, NULL for a record
-- that arrived alone (an event, a front-database row, a survey result).
--
-- The intake key makes the same record delivered again no second entry. :replaceEarlier says what becomes of the
-- first: a data file's record brings it up to this delivery (content that was only rejected may be sent again, and
-- its entry then names the file that came last); any other keeps it as it was. A false condition leaves the earlier
-- row as DO NOTHING would, so that one statement serves both.
INSERT INTO quarantine (system, intake_key, source_ref, intake_file_id, record_no, raw, errors, received_at)
VALUES (:system, :intakeKey, :sourceRef, :intakeFileId, :recordNo, :raw, CAST(:errors AS jsonb), :receivedAt)
ON CONFLICT (intake_key) DO UPDATE SET source_ref = EXCLUDED.source_ref, intake_file_id = EXCLUDED.intake_file_id,
    raw = EXCLUDED.raw, errors = EXCLUDED.errors, received_at = EXCLUDED.received_at
WHERE CAST(:replaceEarlier AS boolean);
