-- The conflicts of the persons merged again, replaced by merge-conflicts.sql.
DELETE FROM registry_conflict c USING registry_refresh_person r WHERE c.id_number = r.id_number;
