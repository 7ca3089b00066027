-- The alerts collected by alerts-collect.sql into the outbox, for run :runId (as-of date :asOf); the alert-outbox
-- route sends them. An alert is written unless one of the same person, type and cause is open, or was closed by a
-- run for a later as-of date than this one's (what a later date found gone does not come back by a run for an
-- earlier date).
INSERT INTO alert_outbox (alert_id, queue, type, id_number, cause_key, payload, run_id, created_at)
SELECT c.alert_id, c.queue, c.type, c.id_number, c.cause_key, c.payload, :runId, now()
FROM alert_candidate c
WHERE NOT EXISTS (SELECT 1 FROM alert_outbox o JOIN comparison_run closing ON closing.id = o.closed_by_run
                  WHERE o.id_number = c.id_number COLLATE "default" AND o.type = c.type
                    AND o.cause_key = c.cause_key AND closing.as_of > CAST(:asOf AS date))
ON CONFLICT (id_number, type, cause_key) WHERE closed_by_run IS NULL DO NOTHING;
