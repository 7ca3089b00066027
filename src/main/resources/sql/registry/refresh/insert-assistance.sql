-- The CIVIL facts of the current records.
INSERT INTO registry_assistance (system, source_key, id_number, category, region, valid_from, valid_to,
    source_record_id)
SELECT s.system, s.source_key, s.id_number, f ->> 'category', f ->> 'region',
       (f ->> 'validFrom')::date, (f ->> 'validTo')::date, s.id
FROM registry_refresh_current c JOIN source_record s ON s.id = c.source_record_id,
     LATERAL (SELECT s.payload #> '{facts,assistance}') x(f)
WHERE f IS NOT NULL;
