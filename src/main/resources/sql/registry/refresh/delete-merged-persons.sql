-- The merged view of the persons merged again, replaced by merge-persons.sql.
DELETE FROM registry_person p USING registry_refresh_person r WHERE p.id_number = r.id_number;
