-- The EDUCATION facts of the current records.
INSERT INTO registry_student (system, source_key, id_number, stage, school, school_region,
    enrolled_month, source_record_id)
SELECT s.system, s.source_key, s.id_number, f ->> 'stage', left(f ->> 'school', 200),
       f ->> 'schoolRegion', to_date(f ->> 'enrolledMonth', 'YYYY-MM'), s.id
FROM registry_refresh_current c JOIN source_record s ON s.id = c.source_record_id,
     LATERAL (SELECT s.payload #> '{facts,student}') x(f)
WHERE f IS NOT NULL;
