-- The change log of the national exchange (PERSON_INCREMENT, docs/national.md): every person merged again, written
-- in the refresh's transaction after advance-high-water.sql took the registry_refresh row, so that the log's sequence
-- order is the order in which refreshes commit.
INSERT INTO registry_person_change (id_number, changed_at)
SELECT r.id_number, now() FROM registry_refresh_person r ORDER BY r.id_number;
