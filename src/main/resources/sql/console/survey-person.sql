-- Person :idNumber surveyed at all, by result :resultId if this is their first: one row when it is (the surveyed
-- persons of the survey rate), none when an earlier result made them one. A concurrent first result of the same
-- person waits for this one and then inserts nothing.
INSERT INTO survey_person (id_number, first_result_id)
VALUES (:idNumber, :resultId)
ON CONFLICT (id_number) DO NOTHING;
