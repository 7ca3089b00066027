-- The merged view of a person as the last refresh left it.
SELECT id_number, name, name_system, sex, sex_system, ethnicity, birth_date, birth_date_system, population_category,
       household_region, residence_region, vital_status, address, status_changed_on, police_record_id, systems,
       merged_at
FROM registry_person
WHERE id_number = :idNumber;
