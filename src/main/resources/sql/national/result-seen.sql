-- Whether the COMPARE_RESULT :resultMessageId was applied already.
SELECT count(*) FROM national_result_applied WHERE message_id = :resultMessageId;
