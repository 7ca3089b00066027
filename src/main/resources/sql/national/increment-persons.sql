-- The merged persons the registry changed above :fromSeq up to :toSeq, each once, in identity-number order: the
-- person part of the canonical form of a PERSON_INCREMENT's records. A person no longer in the registry is not sent
-- (docs/national.md). name_system: the source whose name the merged person carries, the record's sourceSystem.
SELECT p.id_number, p.name, coalesce(p.name_system, p.systems[1]) AS name_system, p.sex, p.ethnicity,
       p.birth_date, p.population_category, p.household_region, p.residence_region, p.vital_status, p.address, p.status_changed_on, p.merged_at
FROM registry_person p
WHERE p.id_number IN (SELECT c.id_number FROM registry_person_change c WHERE c.seq > :fromSeq AND c.seq <= :toSeq)
ORDER BY p.id_number;
