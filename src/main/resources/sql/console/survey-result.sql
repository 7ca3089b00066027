-- A surveyor's result stored once per :resultId: a second with the same resultId inserts nothing (0 rows), and the
-- caller compares it with the first (answered DUPLICATE when equal, refused as a conflict otherwise).
-- :intendedSchemes is a text[] of scheme codes, empty when the person intends none; :flags a text[] (NOT_ON_ROSTER).
INSERT INTO survey_result (result_id, id_number, surveyor_id, surveyed_at, outcome, reason, intended_schemes, phone,
    received_at, posted_by, flags)
VALUES (:resultId, :idNumber, :surveyorId, :surveyedAt, :outcome, :reason, :intendedSchemes, :phone, :receivedAt,
        :postedBy, :flags)
ON CONFLICT (result_id) DO NOTHING;
