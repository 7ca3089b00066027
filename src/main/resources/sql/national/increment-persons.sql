-- The merged persons the registry changed above :fromSeq up to :toSeq, each once, with their current participations
-- (a row per participation, one row with null participation columns for a person who has none), in identity-number
-- order and, within a person, by scheme: the canonical form of a PERSON_INCREMENT's records. A person no longer in
-- the registry is not sent (docs/national.md). name_system: the source whose name the merged person carries, the
-- record's sourceSystem.
-- One statement, so that the planner reads as the increment's size suits: for the first increment (everyone) the
-- persons, the change log and the participations by sequential scans, each sorted once and merged; for a nightly
-- one the changed persons' participations through registry_participation_person. Reading everyone in identity-number
-- order through the indexes was 21 M random page reads (docs/performance.md, "National exchange at 6 M persons").
SELECT p.id_number, p.name, coalesce(p.name_system, p.systems[1]) AS name_system, p.sex, p.ethnicity,
       p.birth_date, p.population_category, p.household_region, p.residence_region, p.vital_status, p.address,
       p.status_changed_on, p.merged_at,
       q.scheme, q.insured_region, q.employer_id, q.contribution_status, q.person_status, q.start_date, q.end_date,
       q.last_paid_month
FROM registry_person p
LEFT JOIN registry_participation q ON q.id_number = p.id_number
WHERE p.id_number IN (SELECT c.id_number FROM registry_person_change c WHERE c.seq > :fromSeq AND c.seq <= :toSeq)
ORDER BY p.id_number, q.scheme, q.system, q.source_key, q.ordinal;
