-- Request :requestMessageId is answered by COMPARE_RESULT :resultMessageId at :now (also after it expired).
UPDATE national_compare_request
SET status = 'ANSWERED', answered_at = :now, result_message_id = :resultMessageId
WHERE message_id = CAST(:requestMessageId AS uuid);
