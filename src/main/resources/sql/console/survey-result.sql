-- A surveyor's result stored once per :resultId (the primary key refuses a second: answered DUPLICATE).
-- :intendedSchemes is a text[] of scheme codes, empty when the person intends none.
INSERT INTO survey_result (result_id, id_number, surveyor_id, surveyed_at, outcome, reason, intended_schemes, phone,
    received_at, posted_by)
VALUES (:resultId, :idNumber, :surveyorId, :surveyedAt, :outcome, :reason, :intendedSchemes, :phone, :receivedAt,
        :postedBy);
