-- COMPARE_RESULT :resultMessageId, answering :requestMessageId about :persons persons, is applied at :now; nothing
-- when it was already (then the transaction applies nothing of it).
INSERT INTO national_result_applied (message_id, request_message_id, persons, applied_at)
VALUES (:resultMessageId, CAST(:requestMessageId AS uuid), :persons, :now)
ON CONFLICT (message_id) DO NOTHING;
