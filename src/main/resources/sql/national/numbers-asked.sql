-- Which of :idNumbers request :requestMessageId asked about.
SELECT p.id_number FROM national_request_person p
WHERE p.message_id = CAST(:requestMessageId AS uuid) AND p.id_number IN (:idNumbers);
