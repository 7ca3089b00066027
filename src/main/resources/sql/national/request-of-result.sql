-- The COMPARE_REQUEST a COMPARE_RESULT answers: its messageId is the result's :correlationId (a UUID).
SELECT q.message_id, q.status FROM national_compare_request q WHERE q.message_id = CAST(:correlationId AS uuid);
