-- The keys derived again that are no longer current, each with the record that ended it (the DELETE, or the last
-- statement a newer full snapshot no longer lists) and the vital status that record states: a death POLICE stated
-- in a DELETE still holds (docs/registry.md, "Ended statements").
INSERT INTO registry_statement_ended (system, source_key, id_number, source_record_id, operation, vital_status,
    status_changed_on)
SELECT v.system, v.source_key, v.id_number, v.source_record_id, v.operation, v.vital_status, v.status_changed_on
FROM registry_refresh_latest latest
JOIN registry_refresh_key k ON k.system = latest.system AND k.source_key = latest.source_key
JOIN source_statement v ON v.source_record_id = latest.source_record_id
WHERE v.id_number IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM registry_refresh_current c WHERE c.source_record_id = latest.source_record_id);
