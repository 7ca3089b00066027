-- A COMPARE_REQUEST :messageId for survey marks, asking about :persons persons (written at :now).
INSERT INTO national_compare_request (message_id, origin, run_id, chunk, persons, status, created_at)
VALUES (CAST(:messageId AS uuid), 'SURVEY', NULL, 0, :persons, 'SENT', :now);
