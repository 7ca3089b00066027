-- Runs left RUNNING by a hub that stopped during them, marked FAILED. Only whoever holds the run lock may say so.
UPDATE comparison_run SET status = 'FAILED', finished_at = now(), error = 'interrupted: the hub stopped during the run'
WHERE status = 'RUNNING';
