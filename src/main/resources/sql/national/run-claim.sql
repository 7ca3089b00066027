-- Run :runId's persons are asked about in this transaction (at :now); a second claim of the run changes nothing.
INSERT INTO national_run_request (run_id, written_at) VALUES (:runId, :now)
ON CONFLICT (run_id) DO NOTHING;
