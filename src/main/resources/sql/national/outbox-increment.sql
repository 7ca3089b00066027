-- One PERSON_INCREMENT message :messageId of increment :incrementId: its body {"records": […]} with :records records,
-- given as UTF-8 bytes (a message is ≈ 1 MB: the hub writes it once as bytes, never as a Java string).
INSERT INTO national_outbox (message_id, duplicate_id, message_type, body, records, increment_id, created_at)
VALUES (CAST(:messageId AS uuid), :messageId, 'PERSON_INCREMENT', convert_from(:body, 'UTF8'), :records, :incrementId,
        :now);
