-- Person :idNumber's latest national answer: COMPARE_RESULT :resultMessageId to request :requestMessageId at :now.
INSERT INTO national_answer (id_number, result_message_id, request_message_id, answered_at)
VALUES (:idNumber, :resultMessageId, CAST(:requestMessageId AS uuid), :now)
ON CONFLICT (id_number) DO UPDATE SET result_message_id = EXCLUDED.result_message_id,
    request_message_id = EXCLUDED.request_message_id, answered_at = EXCLUDED.answered_at;
