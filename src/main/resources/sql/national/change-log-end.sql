-- The registry change log's last sequence number (0 when empty).
SELECT coalesce(max(c.seq), 0) FROM registry_person_change c;
