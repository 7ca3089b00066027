-- The JUSTICE facts of the current records.
INSERT INTO registry_custody (system, source_key, id_number, custody_from, custody_until, facility,
    facility_region, status, source_record_id)
SELECT s.system, s.source_key, s.id_number, (f ->> 'from')::date, (f ->> 'until')::date,
       left(f ->> 'facility', 200), f ->> 'facilityRegion', f ->> 'status', s.id
FROM registry_refresh_current c JOIN source_record s ON s.id = c.source_record_id,
     LATERAL (SELECT s.payload #> '{facts,custody}') x(f)
WHERE f IS NOT NULL;
