-- The identity and household fields of the current records (registry_statement).
INSERT INTO registry_statement (system, source_key, id_number, source_record_id, stated_at, name, sex,
    ethnicity, birth_date, population_category, household_region, residence_region, vital_status,
    address, status_changed_on)
SELECT v.system, v.source_key, v.id_number, v.source_record_id, v.stated_at, left(v.name, 100), v.sex,
       v.ethnicity, v.birth_date, v.population_category, v.household_region, v.residence_region,
       v.vital_status, left(v.address, 300), v.status_changed_on
FROM registry_refresh_current c JOIN source_statement v ON v.source_record_id = c.source_record_id;
