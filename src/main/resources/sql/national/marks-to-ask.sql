-- Survey marks (FOUND_INSURED_ELSEWHERE, docs/survey.md) not asked about yet, oldest first, at most :requestSize.
SELECT m.result_id, m.id_number FROM national_compare_mark m
WHERE m.requested_at IS NULL
ORDER BY m.marked_at, m.result_id
LIMIT :requestSize
FOR UPDATE SKIP LOCKED;
