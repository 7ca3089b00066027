-- The alerts collected by alerts-collect.sql into the outbox, once per person, type and cause; the alert-outbox
-- route sends them.
INSERT INTO alert_outbox (alert_id, queue, type, id_number, cause_key, payload, run_id, created_at)
SELECT alert_id, queue, type, id_number, cause_key, payload, :runId, now() FROM alert_candidate
ON CONFLICT (id_number, type, cause_key) DO NOTHING;
