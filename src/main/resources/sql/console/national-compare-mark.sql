-- Person :idNumber, found insured in another province by result :resultId, marked for the national comparison: the
-- national exchange asks about every row without requested_at in a COMPARE_REQUEST (docs/survey.md).
INSERT INTO national_compare_mark (result_id, id_number, marked_at)
VALUES (:resultId, :idNumber, :markedAt);
