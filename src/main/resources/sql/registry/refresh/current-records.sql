-- The records current now: the latest statement of each key derived again, unless it is a DELETE or older than the
-- newest full snapshot of its system (which no longer lists it).
INSERT INTO registry_refresh_current (source_record_id)
SELECT latest.source_record_id
FROM registry_refresh_latest latest
JOIN registry_refresh_key k ON k.system = latest.system AND k.source_key = latest.source_key
LEFT JOIN (SELECT system, max(received_at) AS full_at FROM intake_file
           WHERE kind = 'FULL' AND status IN ('ACCEPTED', 'PARTIAL') GROUP BY system) f
       ON f.system = latest.system
WHERE latest.operation <> 'DELETE' AND (f.full_at IS NULL OR latest.stated_at >= f.full_at);
