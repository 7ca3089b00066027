-- The records read, filed under their persons (source_record_person: a person's records for the person view), in key
-- order.
INSERT INTO source_record_person (id_number, source_record_id)
SELECT id_number, id FROM registry_refresh_row WHERE id_number IS NOT NULL ORDER BY id_number, id
ON CONFLICT DO NOTHING;
