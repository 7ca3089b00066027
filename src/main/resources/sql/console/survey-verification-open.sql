-- A DECEASED or MOVED_AWAY finding of result :resultId opened as a verification item for the operators.
INSERT INTO survey_verification (result_id, id_number, outcome, surveyed_at, opened_at)
VALUES (:resultId, :idNumber, :outcome, :surveyedAt, :openedAt);
