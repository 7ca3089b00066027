-- One PERSON_INCREMENT message :messageId of increment :incrementId: its body {"records": […]} with :records records.
INSERT INTO national_outbox (message_id, duplicate_id, message_type, body, records, increment_id, created_at)
VALUES (CAST(:messageId AS uuid), :messageId, 'PERSON_INCREMENT', :body, :records, :incrementId, :now);
