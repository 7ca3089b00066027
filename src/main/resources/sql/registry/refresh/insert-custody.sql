-- The JUSTICE facts of the current records; stated_on is the day (in :timeZone, the province's) the source said so.
INSERT INTO registry_custody (system, source_key, id_number, custody_from, custody_until, facility,
    facility_region, status, stated_on, source_record_id)
SELECT v.system, v.source_key, v.id_number, (f ->> 'from')::date, (f ->> 'until')::date,
       left(f ->> 'facility', 200), f ->> 'facilityRegion', f ->> 'status',
       (v.stated_at AT TIME ZONE :timeZone)::date, v.source_record_id
FROM registry_refresh_current c JOIN source_statement v ON v.source_record_id = c.source_record_id,
     LATERAL (SELECT v.payload #> '{facts,custody}') x(f)
WHERE f IS NOT NULL;
