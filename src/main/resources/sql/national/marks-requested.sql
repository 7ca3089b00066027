-- The survey marks :resultIds are asked about by request :messageId since :now (docs/survey.md).
UPDATE national_compare_mark SET requested_at = :now, request_message_id = CAST(:messageId AS uuid)
WHERE result_id IN (:resultIds);
