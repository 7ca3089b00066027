-- The result first taken under :resultId, to compare a result posted again with it.
SELECT result_id, id_number, surveyor_id, surveyed_at, outcome, reason, intended_schemes, phone, posted_by, flags
FROM survey_result
WHERE result_id = :resultId;
