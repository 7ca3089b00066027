-- A run ends, COMPLETED or FAILED (with :error), with its counts and the milliseconds of its steps (JSON).
UPDATE comparison_run SET status = :status, finished_at = now(), duration_ms = :durationMs,
       counts = CAST(:counts AS jsonb), steps = CAST(:steps AS jsonb), error = :error
WHERE id = :id;
