-- The persons of the survey marks :resultIds, asked about by request :messageId.
INSERT INTO national_request_person (message_id, id_number)
SELECT DISTINCT CAST(:messageId AS uuid), m.id_number FROM national_compare_mark m
WHERE m.result_id IN (:resultIds);
