-- An attempt at delivery :delivery of system :system begins, counted when it begins so that one a crash ends counts
-- too; :takenBack (0 or 1) takes back the previous attempt, which failed for want of the database itself. Answers
-- the attempt's number and the error the one before it ended with.
INSERT INTO delivery_attempt (delivery, system, attempts) VALUES (:delivery, :system, 1)
ON CONFLICT (delivery) DO UPDATE
    SET attempts = greatest(delivery_attempt.attempts + 1 - :takenBack, 1), last_at = now()
RETURNING attempts, last_error;
