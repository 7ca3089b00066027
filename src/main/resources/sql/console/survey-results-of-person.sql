-- Every survey result about person :idNumber, latest survey first.
SELECT result_id, surveyor_id, posted_by, surveyed_at, received_at, outcome, reason, intended_schemes, flags
FROM survey_result
WHERE id_number = :idNumber
ORDER BY surveyed_at DESC, received_at DESC;
